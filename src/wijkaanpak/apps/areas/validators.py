# SPDX-License-Identifier: EUPL-1.2
"""Field validators that turn the core's code rules into form and model errors."""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from wijkaanpak.core.areas import codes

_CHECKS = {
    "municipality": codes.is_municipality_code,
    "district": codes.is_district_code,
    "neighbourhood": codes.is_neighbourhood_code,
}
_MESSAGES = {
    "municipality": _(
        "%(value)s is not a municipality code; write GM and four digits, e.g. GM0344."
    ),
    "district": _(
        "%(value)s is not a district code; write WK and six characters, e.g. WK034403."
    ),
    "neighbourhood": _(
        "%(value)s is not a neighbourhood code; write BU and eight characters, "
        "e.g. BU03440300."
    ),
}


@deconstructible
class CbsCodeValidator:
    """Accept only CBS codes of one level: municipality, district or neighbourhood."""

    def __init__(self, level: str) -> None:
        if level not in _CHECKS:
            raise ValueError(f"unknown area level {level!r}")
        self.level = level

    def __call__(self, value: str) -> None:
        if not _CHECKS[self.level](value):
            raise ValidationError(
                _MESSAGES[self.level], code="invalid_code", params={"value": value}
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CbsCodeValidator) and other.level == self.level

    def __hash__(self) -> int:
        return hash(self.level)


validate_municipality_code = CbsCodeValidator("municipality")
validate_district_code = CbsCodeValidator("district")
validate_neighbourhood_code = CbsCodeValidator("neighbourhood")
