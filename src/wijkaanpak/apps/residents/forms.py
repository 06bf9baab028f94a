# SPDX-License-Identifier: EUPL-1.2
"""Forms of contracts and budgets; views pass ``cleaned_data`` to a service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.accounts.models import Organisation
from wijkaanpak.apps.areas import selectors as area_selectors
from wijkaanpak.apps.areas.models import Neighbourhood
from wijkaanpak.apps.programme import selectors as programme_selectors
from wijkaanpak.apps.programme.forms import AmountField, DateInput
from wijkaanpak.apps.residents.models import Application, BudgetCriterion, ContractItem

_YEAR = {"min_value": 2000, "max_value": 2100}


class _NeighbourhoodChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class ContractForm(forms.Form):
    """Start the contract of a neighbourhood for a year."""

    neighbourhood = _NeighbourhoodChoice(
        label=_("Neighbourhood"), queryset=Neighbourhood.objects.none()
    )
    year = forms.IntegerField(label=_("Year"), **_YEAR)
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the residents and partners want to reach together."),
    )

    def __init__(self, *args: Any, focus_area: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = area_selectors.neighbourhoods_in(
            focus_area
        )


class IntroductionForm(forms.Form):
    """The introduction of a draft contract."""

    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ContractItemForm(forms.Form):
    """One agreement: who does what, and when."""

    party = forms.ChoiceField(
        label=_("Who does it?"),
        choices=ContractItem.Party.choices,
        widget=forms.RadioSelect,
    )
    residents_group = forms.CharField(
        label=_("Which residents' group"),
        required=False,
        max_length=200,
        help_text=_("For example: the residents' committee of the square."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Which partner"), queryset=Organisation.objects.none(), required=False
    )
    what = forms.CharField(
        label=_("What will they do?"), widget=forms.Textarea(attrs={"rows": 3})
    )
    when = forms.CharField(
        label=_("When?"),
        max_length=200,
        help_text=_("For example: every first Saturday of the month."),
    )

    def __init__(self, *args: Any, focus_area: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "organisation"
        ].queryset = programme_selectors.organisations_for_commitments(focus_area)


class SignForm(forms.Form):
    """The date the bureau signs a contract."""

    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput)


class ReviewForm(forms.Form):
    """Was an agreement kept?"""

    review = forms.ChoiceField(
        label=_("Was it done?"),
        choices=ContractItem.Review.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Short account"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What happened? Needed when it was not fully done."),
    )


class _CriteriaField(forms.CharField):
    """Criteria, one a line."""

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]


class BudgetForm(forms.Form):
    """A residents' budget with the criteria agreed with residents."""

    neighbourhood = _NeighbourhoodChoice(
        label=_("Neighbourhood"), queryset=Neighbourhood.objects.none()
    )
    year = forms.IntegerField(label=_("Year"), **_YEAR)
    amount = AmountField(
        label=_("Budget in euros"), min_value=1, decimal_places=2, max_digits=12
    )
    criteria = _CriteriaField(
        label=_("Criteria agreed with the residents"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One criterion a line."),
    )
    introduction = forms.CharField(
        label=_("Introduction for residents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, focus_area: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = area_selectors.neighbourhoods_in(
            focus_area
        )


class BudgetEditForm(BudgetForm):
    """Change a budget; its neighbourhood and year stay."""

    is_open = forms.BooleanField(label=_("Open for applications"), required=False)

    def __init__(self, *args: Any, focus_area: Any, **kwargs: Any) -> None:
        super().__init__(*args, focus_area=focus_area, **kwargs)
        del self.fields["neighbourhood"]
        del self.fields["year"]


class _CriterionChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.text)


class ApplicationForm(forms.Form):
    """Residents apply for money for their initiative; no account needed."""

    title = forms.CharField(label=_("Name of your initiative"), max_length=200)
    description = forms.CharField(
        label=_("What do you want to do?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Everyone can read this text. Do not write your name or telephone "
            "number in it."
        ),
    )
    amount = AmountField(
        label=_("How much money do you need, in euros?"),
        min_value=1,
        decimal_places=2,
        max_digits=12,
    )
    criteria = _CriterionChoice(
        label=_("Which criteria does your initiative meet?"),
        queryset=BudgetCriterion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Your e-mail address"), required=False)
    submission_key = forms.CharField(
        required=False, widget=forms.HiddenInput, max_length=64
    )

    def __init__(self, *args: Any, budget: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criteria"].queryset = budget.criteria.all()


class DecisionForm(forms.Form):
    """The decision on an application, with its reason."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Application.Status.APPROVED, _("Approve")),
            (Application.Status.REJECTED, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    granted = AmountField(
        label=_("Amount granted in euros"),
        required=False,
        min_value=0.01,
        decimal_places=2,
        max_digits=12,
        help_text=_("Leave empty to grant the whole amount asked."),
    )
    decided_by = forms.ChoiceField(
        label=_("Decided by"),
        choices=Application.DecidedBy.choices,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3})
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput)


class ResultForm(forms.Form):
    """What an initiative achieved."""

    result = forms.CharField(
        label=_("What happened?"), widget=forms.Textarea(attrs={"rows": 3})
    )
    participants = forms.IntegerField(
        label=_("Number of participants"), required=False, min_value=0
    )
