# SPDX-License-Identifier: EUPL-1.2
"""Forms of the vote pages: amounts in euros here, cents in the services."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.areas.models import FocusArea, Neighbourhood
from wijkaanpak.apps.votes.models import (
    BallotKind,
    Completion,
    Project,
    Rule,
    TieBreaking,
    Vote,
)
from wijkaanpak.apps.votes.services import MAX_CODES_AT_ONCE


def cents(amount: Decimal | None) -> int | None:
    """Euros as typed to whole cents."""
    if amount is None:
        return None
    return int((amount * 100).to_integral_value())


_DATETIME = forms.DateTimeInput(
    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
)


class VoteForm(forms.Form):
    """The bureau sets up a vote."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea, required=False
    )
    budget = forms.DecimalField(
        label=_("Budget in euros"), min_value=Decimal("0.01"), decimal_places=2
    )
    opens_at = forms.DateTimeField(label=_("Voting opens"), widget=_DATETIME)
    closes_at = forms.DateTimeField(label=_("Voting closes"), widget=_DATETIME)
    ballot_kind = forms.ChoiceField(
        label=_("Kind of ballot"), choices=BallotKind.choices
    )
    max_projects = forms.IntegerField(
        label=_("Most projects per ballot"), min_value=1, required=False
    )
    max_cost = forms.DecimalField(
        label=_("Most euros per ballot"),
        min_value=Decimal("0.01"),
        decimal_places=2,
        required=False,
    )
    points = forms.IntegerField(
        label=_("Points per voter (points ballot only)"), min_value=1, required=False
    )
    rule = forms.ChoiceField(label=_("Rule"), choices=Rule.choices)
    completion = forms.ChoiceField(
        label=_("Completion (equal shares only)"),
        choices=Completion.choices,
        initial=Completion.ADD1,
    )
    tie_breaking = forms.ChoiceField(
        label=_("Tie-breaking"), choices=TieBreaking.choices
    )
    minimum_age = forms.IntegerField(
        label=_("Minimum age"), min_value=0, max_value=120, initial=16
    )

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned data as the service takes it."""
        data = dict(self.cleaned_data)
        data["budget_cents"] = cents(data.pop("budget"))
        data["max_cost_cents"] = cents(data.pop("max_cost"))
        return data


class ProjectForm(forms.Form):
    """The bureau enters a proposal."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea, required=False
    )
    cost = forms.DecimalField(
        label=_("Cost in euros"), min_value=Decimal("0.01"), decimal_places=2
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=Neighbourhood.objects.none(), required=False
    )
    proposer = forms.CharField(
        label=_("Proposed by"),
        max_length=200,
        help_text=_("A group or organisation; the name is shown on the ballot."),
    )

    def __init__(self, *args: Any, focus_area: FocusArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["neighbourhood"]
        field.queryset = focus_area.neighbourhoods.order_by("name")  # type: ignore[attr-defined]

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned data as the service takes it."""
        data = dict(self.cleaned_data)
        data["cost_cents"] = cents(data.pop("cost"))
        return data


class FeasibilityForm(forms.Form):
    """The bureau's verdict on one proposal."""

    feasible = forms.TypedChoiceField(
        label=_("Verdict"),
        choices=[("yes", _("Feasible")), ("no", _("Not feasible"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason when not feasible"), widget=forms.Textarea, required=False
    )


class CodesForm(forms.Form):
    """How many voting codes to print."""

    count = forms.IntegerField(
        label=_("Number of codes"), min_value=1, max_value=MAX_CODES_AT_ONCE
    )


class BallotForm(forms.Form):
    """A resident's ballot: the code from the letter and the choices."""

    code = forms.CharField(
        label=_("Your code from the letter"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    eligible = forms.BooleanField(label="")

    def __init__(
        self, *args: Any, vote: Vote, projects: list[Project], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.vote = vote
        self.projects = projects
        self.fields["eligible"].label = _(
            "I live in %(area)s and I am %(age)s years or older."
        ) % {"area": vote.focus_area.name, "age": vote.minimum_age}
        if vote.ballot_kind == BallotKind.APPROVAL:
            self.fields["approved"] = forms.MultipleChoiceField(
                label=_("The projects you support"),
                choices=[(str(p.pk), p.title) for p in projects],
                widget=forms.CheckboxSelectMultiple,
            )
        else:
            label = (
                _("Points for %(title)s")
                if vote.ballot_kind == BallotKind.CUMULATIVE
                else _("Place of %(title)s (1 is your favourite)")
            )
            for project in projects:
                self.fields[f"project_{project.pk}"] = forms.IntegerField(
                    label=label % {"title": project.title},
                    min_value=1,
                    required=False,
                )

    def clean(self) -> dict[str, Any]:
        """Two projects cannot share a place in a ranking."""
        data = super().clean() or {}
        if self.vote.ballot_kind == BallotKind.ORDINAL:
            places = [
                data[f"project_{p.pk}"]
                for p in self.projects
                if data.get(f"project_{p.pk}")
            ]
            if len(places) != len(set(places)):
                raise forms.ValidationError(_("Give each project its own place."))
        return data

    def choices(self) -> dict[str, Any]:
        """The choices as the service takes them."""
        data = self.cleaned_data
        if self.vote.ballot_kind == BallotKind.APPROVAL:
            return {"approved": list(data["approved"])}
        given = [
            (str(p.pk), data[f"project_{p.pk}"])
            for p in self.projects
            if data.get(f"project_{p.pk}")
        ]
        if self.vote.ballot_kind == BallotKind.CUMULATIVE:
            return {"points": given}
        return {"ranking": [pk for pk, _place in sorted(given, key=lambda g: g[1])]}
