# SPDX-License-Identifier: EUPL-1.2
"""Forms of the panel pages: they read input; services decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

#: The largest CSV file the bureau may upload (an area has tens of thousands of addresses).
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def read_upload(upload: Any) -> str:
    """The text of an uploaded CSV file (UTF-8, with or without BOM)."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(_("The file is larger than 20 MB."))
    try:
        return str(upload.read().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise forms.ValidationError(_("Save the file as UTF-8 CSV.")) from None


class ProcessForm(forms.Form):
    """A new panel process."""

    title = forms.CharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(
        label=_("Purpose"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the panel will do, in words residents understand."),
    )
    panel_size = forms.IntegerField(label=_("Seats on the panel"), min_value=1)
    one_per_household = forms.BooleanField(
        label=_("At most one member per household"), required=False, initial=True
    )


class QuotasForm(forms.Form):
    """Quotas as a features CSV of sortition-algorithms: feature,value,min,max."""

    features = forms.FileField(
        label=_("Features and quotas (CSV)"),
        help_text=_("Columns feature, value, min and max, one row per value."),
    )

    def clean_features(self) -> str:
        return read_upload(self.cleaned_data["features"])


class InvitationForm(forms.Form):
    """Stage 1: the address list, the number of letters and the public seed."""

    addresses = forms.FileField(
        label=_("Addresses (CSV)"),
        help_text=_(
            "One row per address: postcode, house number, addition and "
            "neighbourhood, as in the BAG."
        ),
    )
    letters = forms.IntegerField(label=_("Letters to send"), min_value=1)
    seed = forms.CharField(
        label=_("Seed announced in public"),
        max_length=200,
        help_text=_("For example the numbers drawn at a public meeting."),
    )
    deadline = forms.CharField(
        label=_("Last day to register"), max_length=40, required=False
    )
    contact = forms.CharField(
        label=_("Sentence for questions"), max_length=200, required=False
    )

    def clean_addresses(self) -> str:
        return read_upload(self.cleaned_data["addresses"])


class RegistrationForm(forms.Form):
    """Stage 2: a resident signs up with the code from their letter."""

    code = forms.CharField(
        label=_("Code from your letter"),
        max_length=20,
        help_text=_("10 letters and numbers, for example K7QMP-4XRT8."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    postcode = forms.CharField(label=_("Postcode"), max_length=8)
    house_number = forms.CharField(label=_("House number"), max_length=12)
    addition = forms.CharField(label=_("Addition"), max_length=12, required=False)
    contact_name = forms.CharField(label=_("Your name"), max_length=200)
    contact = forms.CharField(
        label=_("E-mail address or phone number"),
        max_length=200,
        help_text=_("We only use this to tell you if you are on the panel."),
    )

    def __init__(self, *args: Any, features: dict[str, list[str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.feature_names = list(features)
        for name, values in features.items():
            self.fields[f"feature_{name}"] = forms.ChoiceField(
                label=name,
                choices=[("", "---------"), *[(value, value) for value in values]],
            )

    def features(self) -> dict[str, str]:
        """The answers per feature."""
        return {
            name: self.cleaned_data.get(f"feature_{name}", "")
            for name in self.feature_names
        }


class CodeForm(forms.Form):
    """A volunteer asks for their own selection probability."""

    code = forms.CharField(
        label=_("Code from your letter"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class SeedForm(forms.Form):
    """The seed drawn in public."""

    seed = forms.CharField(label=_("Seed announced in public"), max_length=200)


class ReplacementForm(forms.Form):
    """Members who dropped out, and the public seed for their replacements."""

    dropped = forms.MultipleChoiceField(
        label=_("Members who dropped out"), widget=forms.CheckboxSelectMultiple
    )
    seed = forms.CharField(label=_("Seed announced in public"), max_length=200)

    def __init__(self, *args: Any, panel: list[str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["dropped"].choices = [(number, number) for number in panel]
