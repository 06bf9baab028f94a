# SPDX-License-Identifier: EUPL-1.2
"""Forms of the breakthrough pages; views pass ``cleaned_data`` to a service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.accounts.models import Organisation, User
from wijkaanpak.apps.breakthroughs.models import (
    AREA_LEVELS,
    BlockageKind,
    BlockingRule,
    CaseLink,
    Level,
    Outcome,
    Source,
)
from wijkaanpak.apps.programme.models import Domain


class DateInput(forms.DateInput):
    """A date field the browser offers a calendar for."""

    input_type = "date"


class ConfirmMixin(forms.Form):
    """The box a user ticks after the identifier check warned."""

    confirm_identifiers = forms.BooleanField(
        label=_(
            "I have checked the text: it identifies nobody, or what it names is needed."
        ),
        required=False,
    )


def _text(label: Any, *, required: bool = True, rows: int = 3, **kwargs: Any) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


class CaseForm(ConfirmMixin):
    """A new blockage case, as the front line tells it."""

    title = forms.CharField(label=_("Title"), max_length=200)
    household_code = forms.CharField(
        label=_("Household reference code"),
        max_length=32,
        required=False,
        help_text=_(
            "The number of the household's file in your own system. Never a name, "
            "BSN, date of birth or address. Leave empty and we make a code."
        ),
    )
    need = _text(
        _("What is needed, and for whom"),
        help_text=_("Describe the household by its situation, not by who they are."),
    )
    domains = forms.MultipleChoiceField(
        label=_("Domains it crosses"),
        choices=Domain.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    blockage_kind = forms.ChoiceField(
        label=_("What blocks"), choices=BlockageKind.choices
    )
    blockage = _text(_("How it blocks"))
    rules = forms.ModelMultipleChoiceField(
        label=_("Blocking rules from the register"),
        queryset=BlockingRule.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tried = _text(_("What was tried"), required=False)
    source = forms.ChoiceField(label=_("Flagged by"), choices=Source.choices)
    level = forms.ChoiceField(
        label=_("Start at level"), choices=Level.choices, initial=Level.FRONT_LINE
    )
    reason = _text(
        _("Reason"),
        required=False,
        rows=2,
        help_text=_("Required when the case starts above the programme bureau."),
    )


class RuleForm(forms.Form):
    """A rule or regulation for the national register."""

    title = forms.CharField(label=_("Short name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=BlockingRule.Kind.choices)
    instrument = forms.CharField(
        label=_("Law or policy document"),
        max_length=200,
        help_text=_("For example: Participatiewet."),
    )
    article = forms.CharField(
        label=_("Article"),
        max_length=100,
        required=False,
        help_text=_("For example: art. 22a."),
    )
    owner = forms.CharField(label=_("Owning ministry or organisation"), max_length=200)
    url = forms.URLField(
        label=_("Web address of the text"), required=False, assume_scheme="https"
    )


class EscalateForm(ConfirmMixin):
    """Take a case up the ladder."""

    to_level = forms.ChoiceField(label=_("To level"), choices=Level.choices)
    reason = _text(
        _("Reason"),
        required=False,
        rows=2,
        help_text=_("Required when you skip a level."),
    )

    def __init__(self, *args: Any, current: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        values = Level.values
        above = values[values.index(current) + 1 :] if current in values else values
        self.fields["to_level"].choices = [
            (value, label) for value, label in Level.choices if value in above
        ]


class HandOverForm(ConfirmMixin):
    """Give a case to another owner with mandate on the same level."""

    to_owner = forms.ModelChoiceField(
        label=_("New owner"),
        queryset=User.objects.none(),
        help_text=_("People with mandate on this level of the ladder."),
    )
    reason = _text(_("Why the case changes hands"), rows=2)

    def __init__(self, *args: Any, candidates: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if candidates is not None:
            field = self.fields["to_owner"]
            field.queryset = candidates
            field.label_from_instance = lambda user: user.display_name


class NormTimesForm(forms.Form):
    """The bureau's own norm times; an empty field keeps the default."""

    def __init__(
        self, *args: Any, defaults: dict[str, int] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for level in AREA_LEVELS:
            default = (defaults or {}).get(level.value)
            self.fields[level.value] = forms.IntegerField(
                label=level.label,
                required=False,
                min_value=1,
                max_value=365,
                help_text=_("In calendar days. Empty: the default of %(days)s days.")
                % {"days": default},
            )


class DecisionForm(ConfirmMixin):
    """An interim decision on a case."""

    decided_by = forms.CharField(
        label=_("Decided by"),
        max_length=200,
        required=False,
        help_text=_("The person or body that decided; empty means you."),
    )
    text = _text(_("Decision"), rows=2)
    grounds = _text(_("Grounds"), rows=2)


class CloseForm(ConfirmMixin):
    """The outcome that closes a case."""

    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    decided_by = forms.CharField(
        label=_("Decided by"),
        max_length=200,
        required=False,
        help_text=_("The person or body that decided; empty means you."),
    )
    household_result = _text(_("Result for the household"), rows=2)
    grounds = _text(_("Grounds"), rows=2)
    structural_change = _text(
        _("What changed structurally"),
        required=False,
        rows=2,
        help_text=_("For a structural breakthrough: the rule, procedure or budget."),
    )
    outcome_reason = _text(
        _("Why no breakthrough"),
        required=False,
        rows=2,
        help_text=_("For a breakthrough that was not possible."),
    )


class LinkForm(forms.Form):
    """Link a case to another of the area."""

    kind = forms.ChoiceField(label=_("Link"), choices=CaseLink.Kind.choices)
    other = forms.IntegerField(label=_("Number of the other case"), min_value=1)


class MeetingDecisionForm(ConfirmMixin):
    """The alliance's decision on a case on its agenda, with optional homework."""

    text = _text(_("Decision"), rows=2)
    grounds = _text(_("Grounds"), rows=2)
    homework_text = _text(_("Homework"), required=False, rows=2)
    homework_organisation = forms.ModelChoiceField(
        label=_("Partner who does it"),
        queryset=Organisation.objects.all(),
        required=False,
    )
    homework_due_on = forms.DateField(
        label=_("Due on"), required=False, widget=DateInput
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        parts = [
            data.get("homework_text"),
            data.get("homework_organisation"),
            data.get("homework_due_on"),
        ]
        if any(parts) and not all(parts):
            raise forms.ValidationError(
                _("Homework needs a task, a partner and a due date.")
            )
        return data
