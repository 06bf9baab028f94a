# SPDX-License-Identifier: EUPL-1.2
"""Password rules for staff, on top of Django's validators.

Django 5.2 changed the text of its minimum-length message without updating
its Dutch translation, so a too short password was refused in English. This
validator says the same in a sentence of our own catalogue.
"""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """At least ``min_length`` characters, said in the person's language."""

    def get_error_message(self) -> str:
        return ngettext(
            "This password is too short. Use at least %(count)d character.",
            "This password is too short. Use at least %(count)d characters.",
            self.min_length,
        ) % {"count": self.min_length}

    def get_help_text(self) -> str:
        return ngettext(
            "Your password has at least %(count)d character.",
            "Your password has at least %(count)d characters.",
            self.min_length,
        ) % {"count": self.min_length}
