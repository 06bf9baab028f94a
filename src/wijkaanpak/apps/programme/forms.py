# SPDX-License-Identifier: EUPL-1.2
"""Forms of the programme pages; views pass ``cleaned_data`` to a service."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.accounts.models import Organisation
from wijkaanpak.apps.programme import selectors
from wijkaanpak.apps.programme.models import (
    CommitmentKind,
    Domain,
    Goal,
    Measure,
    NationalGoal,
    ProblemStatement,
    StopRule,
)

_YEAR = {"min_value": 2000, "max_value": 2100}


class AmountField(forms.DecimalField):
    """An amount as people type it in their language: "1.250,50" or "1250,5" in Dutch.

    Django's localized input accepts Dutch thousands separators only when
    ``USE_THOUSAND_SEPARATOR`` is on for the whole site, and then reads
    "1.2.3" as 123. This field takes the separators of the active language
    from Django's locale formats and accepts thousands only in groups of three.
    A dot with other than three digits after it is read as a decimal point
    (people type "12.5" in Dutch too), and "25,-" is 25 euros.
    """

    default_error_messages = {
        "invalid": _("Enter an amount such as %(example)s."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs["localize"] = True
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value: Any) -> Decimal | None:
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        number = read_amount(
            str(value),
            decimal_separator=str(get_format("DECIMAL_SEPARATOR")),
            thousand_separator=str(get_format("THOUSAND_SEPARATOR")),
        )
        if number is None:
            example = number_format(Decimal("1250.50"), 2, force_grouping=True)
            raise forms.ValidationError(
                self.error_messages["invalid"],
                code="invalid",
                params={"example": example},
            )
        return number


def read_amount(
    text: str, *, decimal_separator: str, thousand_separator: str
) -> Decimal | None:
    """The number in ``text`` under the given separators, or None if it is not one."""
    text = re.sub(r"[\s\u00a0\u202f€]", "", text)
    text = re.sub(rf"{re.escape(decimal_separator)}-{{1,2}}$", "", text)
    point, group = re.escape(decimal_separator), re.escape(thousand_separator)
    plain = re.fullmatch(rf"(\d+)(?:{point}(\d+))?", text)
    grouped = re.fullmatch(rf"(\d{{1,3}}(?:{group}\d{{3}})+)(?:{point}(\d+))?", text)
    dotted = re.fullmatch(r"(\d+)\.(\d+)", text)
    if plain:
        whole, fraction = plain.group(1), plain.group(2)
    elif grouped and thousand_separator:
        whole, fraction = (
            grouped.group(1).replace(thousand_separator, ""),
            grouped.group(2),
        )
    elif dotted:
        whole, fraction = dotted.group(1), dotted.group(2)
    else:
        return None
    try:
        return Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:
        return None


class DateInput(forms.DateInput):
    """A date field the browser offers a calendar for."""

    input_type = "date"


class ProgrammeForm(forms.Form):
    """The vision and horizon of the programme."""

    vision = forms.CharField(
        label=_("Vision"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "Where the area stands when the programme has worked, in one or two sentences."
        ),
    )
    end_year = forms.IntegerField(
        label=_("Programme runs until"), required=False, **_YEAR
    )


class ProblemStatementForm(forms.Form):
    """One point of the problem analysis, with its evidence."""

    national_goal = forms.ChoiceField(
        label=_("National goal"), choices=NationalGoal.choices
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ProblemStatement.Kind.choices)
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    indicator_key = forms.ChoiceField(label=_("Evidence: indicator"), required=False)
    document_title = forms.CharField(
        label=_("Evidence: document"), required=False, max_length=200
    )
    document_url = forms.URLField(
        label=_("Web address of the document"), required=False, assume_scheme="https"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator_key"].choices = [
            ("", "—"),
            *selectors.indicator_choices(),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("indicator_key") and not data.get("document_title"):
            raise forms.ValidationError(
                _("Name the evidence: an indicator of the analysis or a document.")
            )
        return data


class GoalForm(forms.Form):
    """A new goal; leave the baseline empty to take it from the figures."""

    national_goal = forms.ChoiceField(
        label=_("National goal"), choices=NationalGoal.choices
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    indicator_key = forms.ChoiceField(label=_("Indicator"), required=False)
    baseline_value = forms.FloatField(
        label=_("Baseline"),
        required=False,
        help_text=_(
            "Leave baseline and year empty to take them from the figures of the area."
        ),
    )
    baseline_year = forms.IntegerField(
        label=_("Baseline year"), required=False, **_YEAR
    )
    target_value = forms.FloatField(label=_("Target"), required=False)
    target_year = forms.IntegerField(label=_("Target year"), **_YEAR)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator_key"].choices = [
            ("", "—"),
            *selectors.indicator_choices(),
        ]


class GoalEditForm(forms.Form):
    """Change a goal's text or target."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    target_value = forms.FloatField(label=_("Target"), required=False)
    target_year = forms.IntegerField(label=_("Target year"), **_YEAR)


class MinimumGoalForm(forms.Form):
    """A national minimum goal for every area."""

    national_goal = forms.ChoiceField(
        label=_("National goal"), choices=NationalGoal.choices
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    indicator_key = forms.ChoiceField(label=_("Indicator"))
    minimum_improvement = forms.FloatField(
        label=_("Minimum improvement"),
        min_value=0.01,
        help_text=_("In the unit of the indicator, from the baseline to the deadline."),
    )
    deadline_year = forms.IntegerField(label=_("Deadline"), **_YEAR)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator_key"].choices = selectors.indicator_choices()


class MeasureForm(forms.Form):
    """A new measure of the plan."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    domains = forms.MultipleChoiceField(
        label=_("Domains"),
        choices=Domain.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals served"),
        queryset=Goal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    owner = forms.ModelChoiceField(
        label=_("Responsible partner"), queryset=Organisation.objects.none()
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Other partners"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    is_additional = forms.BooleanField(label=_("Additional effort"), required=False)
    additional_kind = forms.ChoiceField(
        label=_("How it is additional"),
        choices=[("", "—"), *Measure.AdditionalKind.choices],
        required=False,
    )
    additional_reason = forms.CharField(
        label=_("Why it is additional"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )
    start_year = forms.IntegerField(label=_("Start year"), **_YEAR)
    end_year = forms.IntegerField(label=_("End year"), **_YEAR)
    status = forms.ChoiceField(label=_("Status"), choices=Measure.Status.choices)
    has_entrepreneur = forms.BooleanField(
        label=_("Has a driving entrepreneur"), required=False
    )
    effective_method = forms.BooleanField(
        label=_("Uses a proven method"), required=False
    )
    strategic_coalition = forms.BooleanField(
        label=_("Has a strategic coalition"), required=False
    )
    measured_effect = forms.BooleanField(label=_("Effect is measured"), required=False)
    benefits_to = forms.CharField(
        label=_("Who cashes in the benefits"), required=False, max_length=200
    )

    def __init__(self, *args: Any, focus_area: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = selectors.goals_of(focus_area)
        partners = selectors.organisations_for_commitments(focus_area)
        self.fields["owner"].queryset = partners
        self.fields["partners"].queryset = partners


class MeasureStatusForm(forms.Form):
    """Start, stop or complete a measure."""

    status = forms.ChoiceField(label=_("Status"), choices=Measure.Status.choices)


class BudgetForm(forms.Form):
    """What one partner puts into a measure in a year."""

    organisation = forms.ModelChoiceField(
        label=_("Partner"), queryset=Organisation.objects.none()
    )
    year = forms.IntegerField(label=_("Year"), **_YEAR)
    amount = AmountField(
        label=_("Amount in euros"), min_value=0, decimal_places=2, max_digits=14
    )

    def __init__(self, *args: Any, focus_area: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.organisations_for_commitments(
            focus_area
        )


class StopRuleForm(forms.Form):
    """The criterion agreed before a measure starts."""

    criterion = forms.CharField(label=_("What is measured"), max_length=200)
    comparison = forms.ChoiceField(
        label=_("Continue when the value is"), choices=StopRule.Comparison.choices
    )
    threshold = forms.FloatField(label=_("Threshold"))
    check_year = forms.IntegerField(label=_("Checked in"), **_YEAR)


class ObservationForm(forms.Form):
    """What was measured for a stop rule."""

    value = forms.FloatField(label=_("Observed value"))
    observed_on = forms.DateField(label=_("Observed on"), widget=DateInput)


class CommitmentForm(forms.Form):
    """A partner's promise for a year."""

    organisation = forms.ModelChoiceField(
        label=_("Partner"), queryset=Organisation.objects.none()
    )
    year = forms.IntegerField(label=_("Year"), **_YEAR)
    kind = forms.ChoiceField(label=_("Kind"), choices=CommitmentKind.choices)
    promised = AmountField(
        label=_("Promised"),
        min_value=0.01,
        decimal_places=2,
        max_digits=14,
        help_text=_("Money in euros, staff in hours, other means in pieces."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, max_length=300
    )
    goal = forms.ModelChoiceField(
        label=_("Goal"), queryset=Goal.objects.none(), required=False
    )
    measure = forms.ModelChoiceField(
        label=_("Measure"), queryset=Measure.objects.none(), required=False
    )

    def __init__(self, *args: Any, focus_area: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.organisations_for_commitments(
            focus_area
        )
        self.fields["goal"].queryset = selectors.goals_of(focus_area)
        self.fields["measure"].queryset = Measure.objects.filter(
            focus_area=focus_area
        ).order_by("title")


class CommitmentEditForm(CommitmentForm):
    """Correct a promise; the partner stays, a new partner is a new commitment."""

    def __init__(self, *args: Any, focus_area: Any, **kwargs: Any) -> None:
        super().__init__(*args, focus_area=focus_area, **kwargs)
        del self.fields["organisation"]


class DeliveryForm(forms.Form):
    """What a partner delivered on a commitment."""

    amount = AmountField(
        label=_("Delivered"),
        min_value=0.01,
        decimal_places=2,
        max_digits=14,
        help_text=_("Money in euros, staff in hours, other means in pieces."),
    )
    delivered_on = forms.DateField(label=_("Delivered on"), widget=DateInput)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)
    client_key = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=64
    )


class DeliveryCorrectionForm(forms.Form):
    """The corrected amount, date and note of a delivery."""

    amount = AmountField(
        label=_("Delivered"),
        min_value=0.01,
        decimal_places=2,
        max_digits=14,
        help_text=_("Money in euros, staff in hours, other means in pieces."),
    )
    delivered_on = forms.DateField(label=_("Delivered on"), widget=DateInput)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class MeetingForm(forms.Form):
    """An alliance meeting."""

    held_on = forms.DateField(label=_("Date"), widget=DateInput)
    title = forms.CharField(label=_("Title"), max_length=200)
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=4000,
    )


class DecisionForm(forms.Form):
    """A decision of the alliance."""

    text = forms.CharField(
        label=_("Decision"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class HomeworkForm(forms.Form):
    """A task for a partner."""

    text = forms.CharField(
        label=_("Task"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    organisation = forms.ModelChoiceField(
        label=_("Partner"), queryset=Organisation.objects.none()
    )
    due_on = forms.DateField(label=_("Due on"), widget=DateInput)

    def __init__(self, *args: Any, focus_area: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.organisations_for_commitments(
            focus_area
        )
