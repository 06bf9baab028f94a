# SPDX-License-Identifier: EUPL-1.2
"""Template tags and filters of the monitor pages."""
