# SPDX-License-Identifier: EUPL-1.2
"""Pages of focus areas: the public page with its map, the members' workspace."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.adapters.charts import Series, line_chart
from wijkaanpak.apps.accounts import selectors as people
from wijkaanpak.apps.accounts.access import (
    Need,
    access_focus_area,
    is_national_viewer,
    may,
)
from wijkaanpak.apps.areas import analysis, selectors, services
from wijkaanpak.apps.areas.forms import (
    DelimitationBoundsForm,
    DelimitationForm,
    FocusAreaForm,
    ProfileNoteForm,
)
from wijkaanpak.apps.areas.models import FocusArea, ProfileNote


def home(request: HttpRequest) -> HttpResponse:
    """The start page: the focus areas open to residents."""
    return render(
        request, "areas/home.html", {"focus_areas": selectors.public_focus_areas()}
    )


def focus_area_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The public page of a focus area, with a map of its neighbourhoods."""
    focus_area = _public_or_member(request, slug)
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


def _public_or_member(request: HttpRequest, slug: str) -> FocusArea:
    focus_area = access_focus_area(request.user, slug, need=Need.PUBLIC)
    if not focus_area.is_public:
        focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    return focus_area


def _trend_chart(trend: analysis.Trend, country: str | None, number: int) -> str:
    labels = [str(point.year) for point in trend.points]
    series = [
        Series(_("Focus area"), tuple(point.area for point in trend.points)),
        Series(_("Municipality"), tuple(point.city for point in trend.points)),
    ]
    if country and any(point.country is not None for point in trend.points):
        series.append(
            Series(_("Country"), tuple(point.country for point in trend.points))
        )
    return mark_safe(  # noqa: S308 - built from escaped parts by line_chart
        line_chart(
            labels,
            series,
            title=trend.name,
            description=_(
                "%(name)s per year, for the focus area, the municipality and the "
                "country. The table below the chart gives the same figures."
            )
            % {"name": trend.name},
            unit=trend.unit,
            chart_id=f"trend-{number}",
        )
    )


def focus_area_analysis(request: HttpRequest, slug: str) -> HttpResponse:
    """The area profile: where problems stack, key figures, trends and the story."""
    focus_area = _public_or_member(request, slug)
    result = analysis.analysis_of(focus_area)
    notes = list(focus_area.profile_notes.all())
    context = {
        "focus_area": focus_area,
        "analysis": result,
        "history": [note for note in notes if note.kind == ProfileNote.Kind.HISTORY],
        "strengths": [note for note in notes if note.kind == ProfileNote.Kind.STRENGTH],
        "is_member": may(request.user, focus_area, Need.MEMBER),
        "can_edit": may(request.user, focus_area, Need.BUREAU),
    }
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
            "key_figures": [
                (
                    analysis.THEME_NAMES[theme],
                    [f for f in result.key_figures if f.theme == theme],
                )
                for theme in analysis.THEME_NAMES
            ],
            "trends": [
                (trend, _trend_chart(trend, result.country, number))
                for number, trend in enumerate(result.trends, start=1)
            ],
        }
    return render(request, "areas/analysis.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def delimitation(request: HttpRequest, slug: str) -> HttpResponse:
    """The delimitation assistant: a proposal, the trade-off, and the map to adjust."""
    focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    bounds = DelimitationBoundsForm(request.GET or None)
    low = high = None
    if bounds.is_valid():
        low = bounds.cleaned_data.get("min_population")
        high = bounds.cleaned_data.get("max_population")
    result = analysis.delimitation_of(
        focus_area, min_population=low, max_population=high
    )
    if result is None:
        return render(
            request,
            "areas/delimitation.html",
            {"focus_area": focus_area, "delimitation": None, "bounds": bounds},
        )
    rows = sorted(
        result.analysis.neighbourhoods, key=lambda row: row.neighbourhood.code
    )
    choices = [
        (row.neighbourhood.code, f"{row.neighbourhood.name} ({row.neighbourhood.code})")
        for row in rows
    ]
    can_edit = may(request.user, focus_area, Need.BUREAU)
    chosen = list(result.current.codes)
    if request.GET.get("voorstel") and result.proposal is not None:
        chosen = list(result.proposal.codes)
    form = DelimitationForm(initial={"neighbourhoods": chosen}, choices=choices)
    if request.method == "POST":
        access_focus_area(request.user, slug, need=Need.BUREAU)
        form = DelimitationForm(request.POST, choices=choices)
        if form.is_valid():
            year = rows[0].neighbourhood.boundary_year
            try:
                services.set_focus_area_neighbourhoods(
                    focus_area,
                    form.cleaned_data["neighbourhoods"],
                    boundary_year=year,
                    acting_user=request.user,
                )
            except ValidationError as error:
                form.add_error("neighbourhoods", error)
            else:
                messages.success(request, _("The focus area has its new boundary."))
                return redirect("areas:delimitation", slug=focus_area.slug)
    selected = form["neighbourhoods"].value() or []
    checked = analysis.selection_of(
        result.adjacency,
        [row.inhabitants for row in rows],
        [row.mass for row in rows],
        selected,
    )
    proposal_codes = result.proposal.codes if result.proposal else ()
    return render(
        request,
        "areas/delimitation.html",
        {
            "focus_area": focus_area,
            "delimitation": result,
            "bounds": bounds,
            "form": form,
            "can_edit": can_edit,
            "checked": checked,
            "proposal_names": [
                row.neighbourhood.name
                for row in rows
                if row.neighbourhood.code in proposal_codes
            ],
            "stacking_map": analysis.stacking_map(result.analysis, proposal_codes),
            "adjacency": analysis.adjacency_for_page(result.adjacency),
            "legend": analysis.legend(),
            "curve": [
                (
                    point,
                    100 * point.share,
                    100 * point.population / result.city_inhabitants,
                )
                for point in result.curve
            ],
            "curve_chart": mark_safe(  # noqa: S308 - escaped by line_chart
                line_chart(
                    [f"{point.population:,.0f}" for point in result.curve],
                    [
                        Series(
                            _("Share of the problems captured (%)"),
                            tuple(100 * point.share for point in result.curve),
                        )
                    ],
                    title=_("Inhabitants covered against problems captured"),
                    description=_(
                        "Each point is the best area found for a number of "
                        "inhabitants; the table below gives the same figures."
                    ),
                    unit="%",
                    chart_id="trade-off",
                )
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_notes(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau writes the area's history and strengths, each with a source."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    editing = None
    if request.GET.get("note"):
        editing = get_object_or_404(
            ProfileNote, pk=request.GET["note"], focus_area=focus_area
        )
    if request.method == "POST":
        form = ProfileNoteForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if editing is not None:
                    services.update_profile_note(
                        editing,
                        title=data["title"],
                        text=data["text"],
                        source=data["source"],
                        source_url=data["source_url"],
                        acting_user=request.user,
                    )
                else:
                    services.add_profile_note(
                        focus_area,
                        kind=data["kind"],
                        title=data["title"],
                        text=data["text"],
                        source=data["source"],
                        source_url=data["source_url"],
                        acting_user=request.user,
                    )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The area profile is saved."))
                return redirect("areas:profile_notes", slug=focus_area.slug)
    elif editing is not None:
        form = ProfileNoteForm(
            initial={
                "kind": editing.kind,
                "title": editing.title,
                "text": editing.text,
                "source": editing.source,
                "source_url": editing.source_url,
            }
        )
        form.fields["kind"].disabled = True
    else:
        form = ProfileNoteForm()
    return render(
        request,
        "areas/profile_notes.html",
        {
            "focus_area": focus_area,
            "notes": focus_area.profile_notes.all(),
            "form": form,
            "editing": editing,
        },
    )


@login_required
@require_POST
def remove_profile_note(request: HttpRequest, slug: str, note: int) -> HttpResponse:
    """The bureau removes a note of the area profile."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    found = get_object_or_404(ProfileNote, pk=note, focus_area=focus_area)
    services.remove_profile_note(found, acting_user=request.user)
    messages.success(request, _("The note is removed."))
    return redirect("areas:profile_notes", slug=focus_area.slug)


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
