# SPDX-License-Identifier: EUPL-1.2
"""The pure core: algorithms and domain rules, free of Django, I/O and global state."""
