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
