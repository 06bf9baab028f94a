# SPDX-License-Identifier: EUPL-1.2
"""Addresses of Open311 GeoReport v2, under ``/open311/v2/`` (a stable contract)."""

from django.urls import path, register_converter

from wijkaanpak.apps.reports import api


class FormatConverter:
    """``json`` or ``xml``, the two formats of the specification."""

    regex = "json|xml"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "format")

app_name = "open311"

urlpatterns = [
    path("discovery.<format:fmt>", api.discovery, name="discovery"),
    path("services.<format:fmt>", api.service_list, name="services"),
    path("services/<slug:code>.<format:fmt>", api.service_definition, name="service"),
    path("requests.<format:fmt>", api.requests, name="requests"),
    path("requests/<int:request_id>.<format:fmt>", api.request_detail, name="request"),
    path("tokens/<str:token>.<format:fmt>", api.token_detail, name="token"),
]
