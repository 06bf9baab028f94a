# SPDX-License-Identifier: EUPL-1.2
"""Forms of the reports pages: residents, the back office, partners."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkaanpak.apps.reports.models import (
    Category,
    PartnerOutcome,
    Status,
    VerificationMethod,
)

PHOTO_HELP = _(
    "Optional. A JPEG or PNG photo. We remove the place and time stored in it."
)


class ReportForm(forms.Form):
    """A resident's report, by the web form or entered by staff."""

    category = forms.ModelChoiceField(
        label=_("What is it about?"), queryset=Category.objects.none(), empty_label=None
    )
    description = forms.CharField(
        label=_("Describe the problem"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_(
            "Everyone can read this text. Do not write your name or telephone number in it."
        ),
    )
    address = forms.CharField(
        label=_("Where is it?"),
        max_length=200,
        required=False,
        help_text=_("A street and house number, or a place everyone knows."),
    )
    latitude = forms.FloatField(
        label=_("Latitude"), required=False, widget=forms.HiddenInput
    )
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, widget=forms.HiddenInput
    )
    photo = forms.FileField(label=_("Photo"), required=False, help_text=PHOTO_HELP)
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = forms.EmailField(label=_("Your e-mail address"), required=False)
    phone = forms.CharField(
        label=_("Your telephone number"), max_length=32, required=False
    )
    email_updates = forms.BooleanField(
        label=_("Send me news about my report by e-mail"), required=False
    )
    join = forms.ChoiceField(
        label=_("Is your report about one of these problems?"),
        required=False,
        widget=forms.RadioSelect,
    )
    submission_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        categories: Any,
        duplicates: list[tuple[Any, int]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories
        choices = [
            (
                str(problem.pk),
                _("Yes: %(category)s, %(metres)s metres away (%(status)s)")
                % {
                    "category": problem.category.name,
                    "metres": metres,
                    "status": problem.get_status_display(),
                },
            )
            for problem, metres in duplicates or []
        ]
        if choices:
            choices.append(("new", _("No, this is something else")))
            self.fields["join"].required = True
        self.fields["join"].choices = choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("email_updates") and not cleaned.get("email"):
            self.add_error(
                "email", _("Fill in your e-mail address to get news by e-mail.")
            )
        return cleaned


class FixAnswerForm(forms.Form):
    """Is it really fixed?"""

    is_fixed = forms.TypedChoiceField(
        label=_("Is the problem really fixed?"),
        choices=[("yes", _("Yes, it is fixed")), ("no", _("No, it is not fixed"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What is still wrong? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )


class StatusForm(forms.Form):
    """The back office moves a problem on."""

    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    note = forms.CharField(
        label=_("Explanation for the reporters"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_(
            "Reporters see this text. Forwarding and 'cannot be fixed' need one."
        ),
    )
    verification_method = forms.ChoiceField(
        label=_("How did you check the fix?"),
        choices=[("", "—")]
        + [
            choice
            for choice in VerificationMethod.choices
            if choice[0] != VerificationMethod.REPORTER_CONFIRMATION
        ],
        required=False,
    )
    photo = forms.FileField(label=_("Photo"), required=False)

    def __init__(
        self, *args: Any, allowed: list[str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if allowed is not None:
            self.fields["status"].choices = [
                choice for choice in Status.choices if choice[0] in allowed
            ]


class AssignForm(forms.Form):
    """The bureau gives a problem a handler."""

    handler = forms.ModelChoiceField(label=_("Handler"), queryset=None)  # type: ignore[arg-type]

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = people


class PartnerLinkForm(forms.Form):
    """Send a partner the return link."""

    email = forms.EmailField(label=_("E-mail address of the partner"))


class JoinForm(forms.Form):
    """Join a report of this problem to another open problem."""

    report = forms.IntegerField(widget=forms.HiddenInput)
    problem = forms.IntegerField(label=_("Number of the problem to join"))


class PartnerOutcomeForm(forms.Form):
    """What the partner found."""

    outcome = forms.ChoiceField(
        label=_("What did you find?"),
        choices=PartnerOutcome.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )
    photo = forms.FileField(
        label=_("Photo of the spot"), required=False, help_text=PHOTO_HELP
    )


class EveningForm(forms.Form):
    """Plan an irritation evening."""

    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
