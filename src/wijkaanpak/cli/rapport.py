# SPDX-License-Identifier: EUPL-1.2
"""``wijk rapport``: write the residents' progress report of an area to a file.

The same content as the page ``/focusgebieden/<slug>/voortgang/``, as a
self-contained HTML file or as PDF, in Dutch unless asked otherwise. The
report is public for an open area; a closed area's report is written only
with ``--ook-besloten``, since the terminal has no user to check.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wijkaanpak.cli.serve import setup_django


def write_report(arguments: argparse.Namespace) -> int:
    """Render the report of the area to the output file."""
    setup_django()
    from django.utils import translation

    from wijkaanpak.apps.areas.models import FocusArea
    from wijkaanpak.apps.monitor.views import progress_report_html, progress_report_pdf

    focus_area = (
        FocusArea.objects.select_related("municipality")
        .filter(slug=arguments.area)
        .first()
    )
    if focus_area is None:
        known = ", ".join(
            FocusArea.objects.order_by("slug").values_list("slug", flat=True)
        )
        print(f"No focus area {arguments.area!r}. Known: {known or 'none'}.")
        return 2
    if not focus_area.is_public and not arguments.include_closed:
        print(
            f"The page of {focus_area.name} is closed to residents; "
            "add --ook-besloten to write its report anyway."
        )
        return 2
    output = Path(arguments.output)
    fmt = arguments.format or ("pdf" if output.suffix.lower() == ".pdf" else "html")
    with translation.override(arguments.language):
        if fmt == "pdf":
            output.write_bytes(progress_report_pdf(focus_area))
        else:
            output.write_text(progress_report_html(focus_area), encoding="utf-8")
    print(f"Progress report of {focus_area.name} written to {output} ({fmt.upper()}).")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``wijk rapport``."""
    parser = subparsers.add_parser(
        "rapport", help="write the residents' progress report of an area (HTML or PDF)"
    )
    parser.add_argument("area", help="the web address name (slug) of the focus area")
    parser.add_argument(
        "--output", "-o", required=True, help="file to write, e.g. voortgang.pdf"
    )
    parser.add_argument(
        "--format",
        choices=["html", "pdf"],
        help="html or pdf; by default taken from the file name",
    )
    parser.add_argument(
        "--taal",
        dest="language",
        choices=["nl", "en"],
        default="nl",
        help="language of the report (default: nl)",
    )
    parser.add_argument(
        "--ook-besloten",
        dest="include_closed",
        action="store_true",
        help="also write the report of an area whose page is closed",
    )
    parser.set_defaults(handler=write_report)
