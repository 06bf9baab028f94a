# SPDX-License-Identifier: EUPL-1.2
"""Citizens' panels drawn by lot: the web face of ``core/panels``."""
