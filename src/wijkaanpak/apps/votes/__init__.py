# SPDX-License-Identifier: EUPL-1.2
"""Budget votes of residents: the web face of core/votes."""
