# SPDX-License-Identifier: EUPL-1.2
"""The seeded generator of the fictional demo city, as plain data (no models).

The Django side saves the output as models; these types are the contract.
"""

from wijkaanpak.core.demo.alliance import (
    ORGANISATION_KINDS,
    ROLES,
    DemoOrganisation,
    DemoPerson,
)
from wijkaanpak.core.demo.city import (
    FOCUS_START_YEAR,
    MUNICIPALITY_NUMBER,
    DemoCity,
    DemoDistrict,
    DemoFocusArea,
    DemoMunicipality,
    DemoNeighbourhood,
    generate_city,
)
from wijkaanpak.core.demo.figures import VARIABLES, DemoFigure

__all__ = [
    "FOCUS_START_YEAR",
    "MUNICIPALITY_NUMBER",
    "ORGANISATION_KINDS",
    "ROLES",
    "VARIABLES",
    "DemoCity",
    "DemoDistrict",
    "DemoFigure",
    "DemoFocusArea",
    "DemoMunicipality",
    "DemoNeighbourhood",
    "DemoOrganisation",
    "DemoPerson",
    "generate_city",
]
