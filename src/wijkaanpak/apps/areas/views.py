# SPDX-License-Identifier: EUPL-1.2
"""Pages of focus areas: the public page with its map, the members' workspace."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkaanpak.apps.accounts import selectors as people
from wijkaanpak.apps.accounts.access import Need, access_focus_area, is_national_viewer
from wijkaanpak.apps.areas import analysis, selectors, services
from wijkaanpak.apps.areas.forms import FocusAreaForm


def home(request: HttpRequest) -> HttpResponse:
    """The start page: the focus areas open to residents."""
    return render(
        request, "areas/home.html", {"focus_areas": selectors.public_focus_areas()}
    )


def focus_area_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The public page of a focus area, with a map of its neighbourhoods."""
    focus_area = access_focus_area(request.user, slug, need=Need.PUBLIC)
    if not focus_area.is_public:
        focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    neighbourhoods = list(selectors.neighbourhoods_in(focus_area))
    year, inhabitants = selectors.latest_values(neighbourhoods, selectors.INHABITANTS)
    known = [value for value in inhabitants.values() if value is not None]
    return render(
        request,
        "areas/focus_area.html",
        {
            "focus_area": focus_area,
            "neighbourhoods": [
                (neighbourhood, inhabitants.get(neighbourhood.pk))
                for neighbourhood in neighbourhoods
            ],
            "inhabitants_total": sum(known) if known else None,
            "inhabitants_year": year,
            "geojson": selectors.feature_collection(
                neighbourhoods, inhabitants=inhabitants
            ),
            "surroundings": selectors.feature_collection(
                selectors.surroundings_of(focus_area)
            ),
        },
    )


def focus_area_analysis(request: HttpRequest, slug: str) -> HttpResponse:
    """The shared situational analysis: where problems stack, on a map and in a table."""
    focus_area = access_focus_area(request.user, slug, need=Need.PUBLIC)
    if not focus_area.is_public:
        focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    result = analysis.analysis_of(focus_area)
    context = {"focus_area": focus_area, "analysis": result}
    if result is not None:
        context |= {
            "stacking_map": analysis.stacking_map(result),
            "legend": analysis.legend(),
            "class_name": str(analysis.CLASS_NAMES[result.area_class - 1]),
            "themes": [
                (analysis.THEME_NAMES[theme], score, result.top_problems[theme])
                for theme, score in zip(
                    analysis.THEME_NAMES, result.area_theme_scores, strict=True
                )
            ],
        }
    return render(request, "areas/analysis.html", context)


@login_required
def workspace(request: HttpRequest, slug: str) -> HttpResponse:
    """The members' page: the alliance, the partners and who does what."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    return render(
        request,
        "areas/workspace.html",
        {
            "focus_area": focus_area,
            "alliance": people.alliance_of(focus_area),
            "members": people.members_of(focus_area),
            "partners": people.partners_of(focus_area),
            "can_edit": _may_edit(request, slug),
        },
    )


def _may_edit(request: HttpRequest, slug: str) -> bool:
    try:
        access_focus_area(request.user, slug, need=Need.BUREAU)
    except Http404:
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def edit_focus_area(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau edits the public text of its area."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    if request.method == "POST":
        form = FocusAreaForm(request.POST)
        if form.is_valid():
            services.update_focus_area(
                focus_area,
                description=form.cleaned_data["description"],
                is_public=form.cleaned_data["is_public"],
                acting_user=request.user,
            )
            messages.success(request, _("The page of the area is saved."))
            return redirect("areas:workspace", slug=focus_area.slug)
    else:
        form = FocusAreaForm(
            initial={
                "description": focus_area.description,
                "is_public": focus_area.is_public,
            }
        )
    return render(request, "areas/edit.html", {"focus_area": focus_area, "form": form})


@login_required
def national(request: HttpRequest) -> HttpResponse:
    """National staff: every focus area side by side, aggregates only."""
    if not is_national_viewer(request.user):
        raise PermissionDenied
    return render(
        request, "areas/national.html", {"rows": selectors.national_overview()}
    )
