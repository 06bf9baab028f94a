# SPDX-License-Identifier: EUPL-1.2
"""The monitor: progress against goals, reports, the national dashboard, impact, open data."""
