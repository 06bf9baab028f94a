# SPDX-License-Identifier: EUPL-1.2
"""Django apps, one per capability, each the web face of a part of the core."""
