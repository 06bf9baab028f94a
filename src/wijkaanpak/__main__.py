# SPDX-License-Identifier: EUPL-1.2
"""``python -m wijkaanpak`` is the same as ``wijk``."""

import sys

from wijkaanpak.cli import main

sys.exit(main())
