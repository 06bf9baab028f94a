# SPDX-License-Identifier: EUPL-1.2
"""Forms of the impact page: a benefit assumption, the ladder calculator, the rate."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkaanpak.core.errors import WijkaanpakError
from wijkaanpak.core.impact import RungValue, rate_from_percent


class RateForm(forms.Form):
    """Try another discount rate for one visit of the impact page."""

    rate = forms.DecimalField(
        label=gettext_lazy("Discount rate (%)"),
        min_value=Decimal("-50"),
        max_value=Decimal("50"),
        decimal_places=2,
        required=False,
    )

    def rate_or(self, default: Fraction) -> Fraction:
        """The rate asked for, or the default."""
        if not self.is_valid() or self.cleaned_data.get("rate") is None:
            return default
        return rate_from_percent(str(self.cleaned_data["rate"]))


class BenefitAssumptionForm(forms.Form):
    """A benefit of a measure: how many a year, worth how much, to whom."""

    beneficiary = forms.CharField(
        label=gettext_lazy("Who gains"),
        max_length=200,
        help_text=gettext_lazy(
            "Write a partner's name as in the budget, so its costs and gains meet."
        ),
        widget=forms.TextInput(attrs={"list": "parties"}),
    )
    label = forms.CharField(label=gettext_lazy("What is gained"), max_length=200)
    value_per_unit = forms.DecimalField(
        label=gettext_lazy("Value per person or case per year (euro)"),
        decimal_places=2,
        max_digits=12,
    )
    units_per_year = forms.IntegerField(
        label=gettext_lazy("Persons or cases per year"), min_value=0
    )
    first_year = forms.IntegerField(
        label=gettext_lazy("First year"), min_value=2000, max_value=2100
    )
    years = forms.IntegerField(
        label=gettext_lazy("Number of years"), min_value=1, max_value=50
    )
    source = forms.CharField(
        label=gettext_lazy("Source of the assumption"), max_length=300
    )

    def cents(self) -> int:
        """The value per unit in euro cents."""
        return int((self.cleaned_data["value_per_unit"] * 100).to_integral_value())


class LadderForm(forms.Form):
    """The participation ladder calculator: moves and what each rung is worth."""

    moves = forms.CharField(
        label=gettext_lazy("Moves: from rung, to rung, number of people"),
        help_text=gettext_lazy("One line per move, for example: 2 6 10"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    values = forms.CharField(
        label=gettext_lazy("Value per year: rung, euro per person, who gains"),
        help_text=gettext_lazy("One line per value, for example: 6 15000 Gemeente"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    first_year = forms.IntegerField(
        label=gettext_lazy("First year"), min_value=2000, max_value=2100
    )
    years = forms.IntegerField(
        label=gettext_lazy("Number of years"), min_value=1, max_value=30, initial=5
    )
    retention = forms.IntegerField(
        label=gettext_lazy("Still on the new rung after each year (%)"),
        min_value=0,
        max_value=100,
        initial=80,
    )

    def clean_moves(self) -> list[tuple[tuple[int, int], int]]:
        """Read "from to count" lines."""
        found = []
        for number, line in enumerate(self.cleaned_data["moves"].splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split()
            if len(parts) != 3 or not all(part.isdigit() for part in parts):
                raise forms.ValidationError(
                    _("Line %(number)s: write three whole numbers: from, to, people.")
                    % {"number": number}
                )
            start, end, count = (int(part) for part in parts)
            if not (1 <= start <= 6 and 1 <= end <= 6):
                raise forms.ValidationError(
                    _("Line %(number)s: the ladder has rungs 1 to 6.")
                    % {"number": number}
                )
            found.append(((start, end), count))
        if not found:
            raise forms.ValidationError(_("Write at least one move."))
        return found

    def clean_values(self) -> list[RungValue]:
        """Read "rung euro beneficiary" lines."""
        found = []
        for number, line in enumerate(self.cleaned_data["values"].splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split(maxsplit=2)
            try:
                rung = int(parts[0])
                cents = int(Decimal(parts[1].replace(",", ".")) * 100)
                beneficiary = parts[2].strip()
                value = RungValue(rung, beneficiary, cents)
                if not 1 <= rung <= 6:
                    raise WijkaanpakError("rung")
            except (IndexError, ValueError, ArithmeticError):
                raise forms.ValidationError(
                    _(
                        "Line %(number)s: write a rung (1 to 6), an amount in euro "
                        "and who gains."
                    )
                    % {"number": number}
                ) from None
            found.append(value)
        if not found:
            raise forms.ValidationError(_("Write at least one value."))
        return found

    def calculation(self) -> dict[str, Any]:
        """The cleaned input as the core's arguments."""
        return {
            "moves": self.cleaned_data["moves"],
            "values": self.cleaned_data["values"],
            "first_year": self.cleaned_data["first_year"],
            "years": self.cleaned_data["years"],
            "retention": Fraction(self.cleaned_data["retention"], 100),
        }
