# SPDX-License-Identifier: EUPL-1.2
"""People, organisations and their roles per focus area; the one door of access."""
