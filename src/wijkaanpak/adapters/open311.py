# SPDX-License-Identifier: EUPL-1.2
"""Open311 GeoReport v2: our reports in the shapes that existing apps expect.

GeoReport v2 is the common interface of city reporting apps: a list of
services (our categories), a form-encoded submission with an API key, and
reads of requests (our reports) by id or filter, in JSON and XML. This module
is the mapping only: plain data in, documents and XML text out, and a parser
for submissions that refuses what the specification refuses.

Privacy is a property of the types: :class:`ServiceRequest` has no field for
a name, an e-mail address, a telephone number, a device or an account, so no
document made here can carry them.

References
----------
.. [1] Open311 (2010-2013). *GeoReport v2*,
   http://wiki.open311.org/GeoReport_v2.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from xml.etree import ElementTree

from wijkaanpak.core.errors import WijkaanpakError

__all__ = [
    "CONTACT_FIELDS",
    "Open311Error",
    "Service",
    "ServiceRequest",
    "Submission",
    "discovery_document",
    "errors_document",
    "parse_submission",
    "parse_w3c_datetime",
    "requests_document",
    "service_definition_document",
    "services_document",
    "submitted_document",
    "to_xml",
    "tokens_document",
    "w3c_datetime",
]

#: Submission fields that identify a person; they never appear in output.
CONTACT_FIELDS = frozenset(
    {"email", "first_name", "last_name", "phone", "device_id", "account_id"}
)
_FORMATS = ("json", "xml")
Format = Literal["json", "xml"]


class Open311Error(WijkaanpakError):
    """An error to answer with, as GeoReport v2 describes it.

    Attributes
    ----------
    code : int
        The HTTP status: 400 for bad input, 403 for a bad key, 404 for
        something unknown.
    description : str
        What is wrong, in a sentence.
    """

    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


@dataclass(frozen=True, slots=True)
class Service:
    """A service (our report category).

    Attributes
    ----------
    code : str
        The ``service_code``.
    name : str
        The ``service_name``.
    description : str
        One sentence on what to report here.
    group : str
        A heading to group services under.
    keywords : tuple of str
        Search words.
    jurisdiction_id : str
        The focus area's web address name.
    """

    code: str
    name: str
    description: str = ""
    group: str = ""
    keywords: tuple[str, ...] = ()
    jurisdiction_id: str = ""


@dataclass(frozen=True, slots=True)
class ServiceRequest:
    """A service request (our report), with the status of its problem.

    Attributes
    ----------
    id : str
        The ``service_request_id``.
    status : {"open", "closed"}
        Closed once the problem is fixed and verified, closed, forwarded or
        cannot be fixed.
    status_notes : str
        The latest explanation.
    service_code, service_name : str
        The category.
    description : str
        The resident's words.
    agency_responsible : str
        The responsible partner.
    service_notice : str
        A note such as the target time.
    requested, updated : datetime
        When it came in and last changed (timezone-aware).
    expected : datetime or None
        The deadline.
    address : str
        The place as described.
    latitude, longitude : float or None
        Where it is (WGS84).
    """

    id: str
    status: Literal["open", "closed"]
    status_notes: str
    service_code: str
    service_name: str
    description: str
    agency_responsible: str
    service_notice: str
    requested: datetime
    updated: datetime
    expected: datetime | None = None
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Submission:
    """A parsed ``POST requests`` form.

    Attributes
    ----------
    service_code : str
        The category asked for.
    jurisdiction_id : str
        The focus area, when given.
    latitude, longitude : float or None
        The spot, when given.
    address : str
        ``address_string``.
    description : str
        The resident's words.
    email, first_name, last_name, phone : str
        Optional contact data; they go to the bureau only.
    """

    service_code: str
    jurisdiction_id: str = ""
    latitude: float | None = None
    longitude: float | None = None
    address: str = ""
    description: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    phone: str = ""


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _number(fields: Mapping[str, str], name: str) -> float | None:
    text = fields.get(name, "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise Open311Error(400, f"{name} must be a decimal number.") from None


def parse_submission(fields: Mapping[str, str]) -> Submission:
    """Read a form-encoded ``POST requests`` body.

    Parameters
    ----------
    fields : mapping of str to str
        The form fields (one value each).

    Returns
    -------
    Submission
        The parsed submission.

    Raises
    ------
    Open311Error
        400 when ``service_code`` is missing, when no location is given (a
        latitude with a longitude, or an address string), when a coordinate is
        not a number or lies off the globe, or when the e-mail address or the
        description is unusable.

    Examples
    --------
    >>> parse_submission(
    ...     {"service_code": "graffiti", "lat": "52.1", "long": "5.1"}
    ... ).latitude
    52.1
    >>> parse_submission({"service_code": "graffiti"})
    Traceback (most recent call last):
    ...
    wijkaanpak.adapters.open311.Open311Error: A location is required: lat and long, or address_string.
    """
    service_code = fields.get("service_code", "").strip()
    if not service_code:
        raise Open311Error(400, "service_code is required.")
    latitude = _number(fields, "lat")
    longitude = _number(fields, "long")
    address = fields.get("address_string", "").strip()
    if (latitude is None) != (longitude is None):
        raise Open311Error(400, "Give lat and long together.")
    if latitude is None and not address:
        raise Open311Error(
            400, "A location is required: lat and long, or address_string."
        )
    if (
        latitude is not None
        and longitude is not None
        and not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
    ):
        raise Open311Error(400, "lat and long lie outside the globe.")
    email = fields.get("email", "").strip()
    if email and not _EMAIL.match(email):
        raise Open311Error(400, "email is not an e-mail address.")
    description = fields.get("description", "").strip()
    if len(description) > 4000:
        raise Open311Error(400, "description is longer than 4000 characters.")
    return Submission(
        service_code=service_code,
        jurisdiction_id=fields.get("jurisdiction_id", "").strip(),
        latitude=latitude,
        longitude=longitude,
        address=address[:200],
        description=description,
        email=email,
        first_name=fields.get("first_name", "").strip()[:100],
        last_name=fields.get("last_name", "").strip()[:100],
        phone=fields.get("phone", "").strip()[:32],
    )


def w3c_datetime(moment: datetime | None) -> str | None:
    """Format a timezone-aware moment as W3C date-time, or None.

    Parameters
    ----------
    moment : datetime or None
        The moment.

    Returns
    -------
    str or None
        For example ``"2026-03-02T09:00:00+01:00"``.

    Examples
    --------
    >>> from datetime import UTC
    >>> w3c_datetime(datetime(2026, 3, 2, 9, 0, 0, 123, tzinfo=UTC))
    '2026-03-02T09:00:00+00:00'
    """
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("a W3C date-time needs a timezone")
    return moment.replace(microsecond=0).isoformat()


def parse_w3c_datetime(text: str) -> datetime:
    """Read a W3C date-time filter such as ``2026-03-01T00:00:00Z``.

    Parameters
    ----------
    text : str
        The date-time; ``Z`` stands for UTC.

    Returns
    -------
    datetime
        Timezone-aware.

    Raises
    ------
    Open311Error
        400 when it is not a W3C date-time with a timezone.

    Examples
    --------
    >>> parse_w3c_datetime("2026-03-01T00:00:00Z").isoformat()
    '2026-03-01T00:00:00+00:00'
    """
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{text!r} is not a W3C date-time.") from None
    if moment.tzinfo is None:
        raise Open311Error(400, f"{text!r} has no timezone.")
    return moment


def discovery_document(
    base_url: str, *, contact: str, changeset: datetime
) -> dict[str, Any]:
    """Return the service discovery document.

    Parameters
    ----------
    base_url : str
        The endpoint, ending in ``/open311/v2``.
    contact : str
        Whom developers can ask.
    changeset : datetime
        When the endpoint last changed.

    Returns
    -------
    dict
        The document.

    Examples
    --------
    >>> from datetime import UTC
    >>> doc = discovery_document(
    ...     "https://x/open311/v2",
    ...     contact="a",
    ...     changeset=datetime(2026, 1, 1, tzinfo=UTC),
    ... )
    >>> doc["endpoints"][0]["formats"]
    ['text/xml', 'application/json']
    """
    stamp = w3c_datetime(changeset)
    return {
        "changeset": stamp,
        "contact": contact,
        "key_service": contact,
        "endpoints": [
            {
                "specification": "http://wiki.open311.org/GeoReport_v2",
                "url": base_url,
                "changeset": stamp,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }


def services_document(services: Iterable[Service]) -> list[dict[str, Any]]:
    """Return the ``GET services`` list.

    Parameters
    ----------
    services : iterable of Service
        The services, in the order to show.

    Returns
    -------
    list of dict
        One entry per service.

    Examples
    --------
    >>> services_document([Service("graffiti", "Graffiti")])[0]["metadata"]
    False
    """
    return [
        {
            "jurisdiction_id": service.jurisdiction_id,
            "service_code": service.code,
            "service_name": service.name,
            "description": service.description,
            "metadata": False,
            "type": "realtime",
            "keywords": ",".join(service.keywords),
            "group": service.group,
        }
        for service in services
    ]


def service_definition_document(service: Service) -> dict[str, Any]:
    """Return the ``GET services/<code>`` definition; ours ask no extra attributes.

    Parameters
    ----------
    service : Service
        The service.

    Returns
    -------
    dict
        ``service_code`` and an empty attribute list.

    Examples
    --------
    >>> service_definition_document(Service("graffiti", "Graffiti"))
    {'service_code': 'graffiti', 'attributes': []}
    """
    return {"service_code": service.code, "attributes": []}


def requests_document(requests: Iterable[ServiceRequest]) -> list[dict[str, Any]]:
    """Return service requests as GeoReport v2 documents, without contact data.

    Parameters
    ----------
    requests : iterable of ServiceRequest
        The requests.

    Returns
    -------
    list of dict
        One entry per request, with the fields of the specification.

    Examples
    --------
    >>> from datetime import UTC
    >>> t = datetime(2026, 3, 2, 9, tzinfo=UTC)
    >>> request = ServiceRequest(
    ...     "7", "open", "", "graffiti", "Graffiti", "Tag", "", "", t, t
    ... )
    >>> sorted(requests_document([request])[0])[:4]
    ['address', 'address_id', 'agency_responsible', 'description']
    """
    return [
        {
            "service_request_id": request.id,
            "status": request.status,
            "status_notes": request.status_notes,
            "service_name": request.service_name,
            "service_code": request.service_code,
            "description": request.description,
            "agency_responsible": request.agency_responsible,
            "service_notice": request.service_notice,
            "requested_datetime": w3c_datetime(request.requested),
            "updated_datetime": w3c_datetime(request.updated),
            "expected_datetime": w3c_datetime(request.expected),
            "address": request.address,
            "address_id": "",
            "zipcode": "",
            "lat": request.latitude,
            "long": request.longitude,
            "media_url": "",
        }
        for request in requests
    ]


def submitted_document(
    request_id: str, token: str, service_notice: str = ""
) -> list[dict[str, Any]]:
    """Return the answer to a successful ``POST requests``.

    Parameters
    ----------
    request_id : str
        The new ``service_request_id``.
    token : str
        A token to look the request up by later.
    service_notice : str
        For example the target time.

    Returns
    -------
    list of dict
        One entry.

    Examples
    --------
    >>> submitted_document("12", "abc")[0]["service_request_id"]
    '12'
    """
    return [
        {
            "service_request_id": request_id,
            "token": token,
            "service_notice": service_notice,
            "account_id": "",
        }
    ]


def tokens_document(token: str, request_id: str) -> list[dict[str, str]]:
    """Return the ``GET tokens/<token>`` answer.

    Parameters
    ----------
    token : str
        The token asked about.
    request_id : str
        The request it stands for.

    Returns
    -------
    list of dict
        One entry.

    Examples
    --------
    >>> tokens_document("abc", "12")
    [{'service_request_id': '12', 'token': 'abc'}]
    """
    return [{"service_request_id": request_id, "token": token}]


def errors_document(errors: Sequence[Open311Error]) -> list[dict[str, Any]]:
    """Return errors as GeoReport v2 lists them.

    Parameters
    ----------
    errors : sequence of Open311Error
        The errors.

    Returns
    -------
    list of dict
        ``code`` and ``description`` per error.

    Examples
    --------
    >>> errors_document([Open311Error(403, "api_key is not valid.")])
    [{'code': 403, 'description': 'api_key is not valid.'}]
    """
    return [{"code": error.code, "description": error.description} for error in errors]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fill(element: ElementTree.Element, item: Mapping[str, Any]) -> None:
    for key, value in item.items():
        child = ElementTree.SubElement(element, key)
        if isinstance(value, list):
            singular = key[:-1] if key.endswith("s") else key
            for entry in value:
                grandchild = ElementTree.SubElement(child, singular)
                if isinstance(entry, Mapping):
                    _fill(grandchild, entry)
                else:
                    grandchild.text = _text(entry)
        elif isinstance(value, Mapping):
            _fill(child, value)
        else:
            child.text = _text(value)


def to_xml(root: str, item: str | None, document: Any) -> str:
    """Write a document as the XML of the specification.

    Parameters
    ----------
    root : str
        The root element, for example ``"services"``.
    item : str or None
        The element per list entry (``"service"``); None when the document
        is one mapping (``"service_definition"``, ``"discovery"``).
    document : list of dict, or dict
        The document.

    Returns
    -------
    str
        UTF-8 XML with a declaration.

    Examples
    --------
    >>> to_xml("errors", "error", [{"code": 404, "description": "Not found."}])
    "<?xml version='1.0' encoding='utf-8'?>\\n<errors><error><code>404</code><description>Not found.</description></error></errors>"
    """
    element = ElementTree.Element(root)
    if item is None:
        _fill(element, document)
    else:
        for entry in document:
            _fill(ElementTree.SubElement(element, item), entry)
    return ElementTree.tostring(element, encoding="unicode", xml_declaration=True)
