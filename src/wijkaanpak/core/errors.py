# SPDX-License-Identifier: EUPL-1.2
"""Errors the core raises, each with a sentence a programme officer can act on."""

__all__ = ["WijkaanpakError"]


class WijkaanpakError(ValueError):
    """Base class of the errors raised by the core and the adapters."""
