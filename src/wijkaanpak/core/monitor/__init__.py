# SPDX-License-Identifier: EUPL-1.2
"""The monitor: goals against their path, indices, small numbers and spread.

Pure functions the area monitor, the residents' progress report and the
national dashboard share.
"""

from wijkaanpak.core.monitor.disclosure import (
    SMALL_NUMBER,
    Disclosed,
    disclose_count,
    disclose_rate,
)
from wijkaanpak.core.monitor.goals import (
    BAND_WIDTH,
    GoalPath,
    GoalStatus,
    expected_on_path,
    goal_status,
    status_counts,
)
from wijkaanpak.core.monitor.spread import Spread, spread_over_areas
from wijkaanpak.core.monitor.trends import (
    index_base_year,
    index_series,
    year_to_year_noise,
)

__all__ = [
    "BAND_WIDTH",
    "SMALL_NUMBER",
    "Disclosed",
    "GoalPath",
    "GoalStatus",
    "Spread",
    "disclose_count",
    "disclose_rate",
    "expected_on_path",
    "goal_status",
    "index_base_year",
    "index_series",
    "spread_over_areas",
    "status_counts",
    "year_to_year_noise",
]
