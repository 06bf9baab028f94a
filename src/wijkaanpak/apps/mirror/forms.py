# SPDX-License-Identifier: EUPL-1.2
"""Forms of the mirror: a scan's statements, opening a scan, a working-style profile."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.mirror import texts
from wijkaanpak.apps.mirror.models import ScanKind
from wijkaanpak.core.mirror import SLIDERS, Question

#: The answers on the five-point scale, with "don't know" first.
SCALE = [
    ("", _("Don't know")),
    ("1", _("1 · not true at all")),
    ("2", _("2 · hardly true")),
    ("3", _("3 · partly true")),
    ("4", _("4 · mostly true")),
    ("5", _("5 · fully true")),
]


class ScanForm(forms.Form):
    """One radio group per statement; leaving one on "don't know" is fine."""

    def __init__(
        self, *args: Any, questions: tuple[Question, ...], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.key] = forms.TypedChoiceField(
                label=texts.QUESTIONS[question.key],
                choices=SCALE,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )

    def groups(self) -> list[tuple[str, Any, list[forms.BoundField]]]:
        """The statements grouped per factor, in the factors' order."""
        grouped: dict[str, list[forms.BoundField]] = {}
        for question in self.questions:
            grouped.setdefault(question.factor, []).append(self[question.key])
        return [
            (factor, texts.FACTOR_NAMES[factor], fields)
            for factor, fields in grouped.items()
        ]


class OpenScanForm(forms.Form):
    """The bureau opens a scan for a year."""

    kind = forms.ChoiceField(label=_("Kind of scan"), choices=ScanKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class StyleProfileForm(forms.Form):
    """Five sliders from 0 (the left pole) to 100 (the right pole)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for slider in SLIDERS:
            name, left, right = texts.SLIDERS[slider]
            self.fields[slider] = forms.IntegerField(
                label=name,
                min_value=0,
                max_value=100,
                initial=50,
                help_text=_("0 = %(left)s, 100 = %(right)s")
                % {"left": left, "right": right},
                widget=forms.NumberInput(attrs={"type": "range", "step": 5}),
            )
