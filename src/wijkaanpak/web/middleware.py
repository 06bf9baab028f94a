# SPDX-License-Identifier: EUPL-1.2
"""Small middleware of our own."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class ApiVersionMiddleware:
    """Add the ``API-Version`` header to API answers (Dutch API design rule)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = settings.SPECTACULAR_SETTINGS["VERSION"]
        return response


#: What a page may load: only our own files, no inline script or style, no
#: frames, no plug-ins. Maps are drawn from GeoJSON carried in the page
#: (``json_script`` blocks are data, not scripts), so no tile server is needed.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
#: Browser features no page of ours uses (the report form's pin is set by hand).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "serial",
        "bluetooth",
    )
)


class SecurityHeadersMiddleware:
    """Send the content security policy and the permissions policy with every answer.

    Django's own middleware sends the others (``X-Frame-Options``,
    ``X-Content-Type-Options``, ``Referrer-Policy`` and, over TLS,
    ``Strict-Transport-Security``). A view that needs another policy sets the
    header itself; it is then left alone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
