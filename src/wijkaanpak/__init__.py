# SPDX-License-Identifier: EUPL-1.2
"""Wijkaanpak: the platform on which a Dutch neighbourhood programme runs its approach."""

__version__ = "0.1.0"
