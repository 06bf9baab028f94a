# SPDX-License-Identifier: EUPL-1.2
"""Template filters of the programme pages."""
