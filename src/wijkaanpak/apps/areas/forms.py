# SPDX-License-Identifier: EUPL-1.2
"""Forms of the areas pages."""

from django import forms
from django.utils.translation import gettext_lazy as _


class FocusAreaForm(forms.Form):
    """The bureau's edit of an area's public text."""

    description = forms.CharField(
        label=_("Description for residents"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=5000,
        help_text=_("Write short sentences in plain Dutch (level B1)."),
    )
    is_public = forms.BooleanField(label=_("Public page open"), required=False)


class ProfileNoteForm(forms.Form):
    """A piece of the area's history or one of its strengths, with its source."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("history", _("History")), ("strength", _("Strength"))],
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_("Write short sentences in plain Dutch (level B1)."),
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        help_text=_("Where this comes from: a report, an interview, an archive."),
    )
    source_url = forms.URLField(
        label=_("Web address of the source"), required=False, assume_scheme="https"
    )


class DelimitationBoundsForm(forms.Form):
    """The population bounds the delimitation assistant works within."""

    min_population = forms.IntegerField(
        label=_("At least this many inhabitants"), min_value=0, required=False
    )
    max_population = forms.IntegerField(
        label=_("At most this many inhabitants"), min_value=1, required=False
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        low, high = cleaned.get("min_population"), cleaned.get("max_population")
        if low is not None and high is not None and low > high:
            raise forms.ValidationError(
                _("The lowest number of inhabitants is above the highest.")
            )
        return cleaned


class DelimitationForm(forms.Form):
    """The neighbourhoods the bureau chooses as the focus area."""

    neighbourhoods = forms.MultipleChoiceField(
        label=_("Neighbourhoods of the focus area"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["neighbourhoods"].choices = choices  # type: ignore[attr-defined]
