# SPDX-License-Identifier: EUPL-1.2
"""Pages of budget votes: vote with a code, the results explained, and the
bureau's pages to prepare, print codes and count. Parse, call, render."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.adapters.charts import bar_chart
from wijkaanpak.adapters.pabulib import dumps
from wijkaanpak.apps.accounts import limits
from wijkaanpak.apps.accounts.access import Need, access_focus_area, may
from wijkaanpak.apps.areas.models import FocusArea
from wijkaanpak.apps.votes import forms, selectors, services
from wijkaanpak.apps.votes.models import Project, Result, Vote


def _readable_area(request: HttpRequest, slug: str) -> FocusArea:
    """Open areas for everyone; a closed area for its members only."""
    focus_area = access_focus_area(request.user, slug, need=Need.PUBLIC)
    if not focus_area.is_public:
        focus_area = access_focus_area(request.user, slug, need=Need.MEMBER)
    return focus_area


def _vote(focus_area: FocusArea, pk: int) -> Vote:
    vote = selectors.vote_in(focus_area, pk)
    if vote is None:
        raise Http404
    return vote


def euros(cents: int | str | Fraction | None) -> str:
    """An amount in cents (exact text such as '1216/3' too) as euros."""
    if cents is None:
        return ""
    value = Decimal(float(Fraction(cents)) / 100).quantize(Decimal("0.01"))
    return "€ " + number_format(value, 2, force_grouping=True)


def _save(form: Any, action: Any) -> Any:
    """Run a service; put its refusal on the form and return None."""
    try:
        return action()
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return None


def votes(request: HttpRequest, slug: str) -> HttpResponse:
    """The votes of an area, open and finished."""
    focus_area = _readable_area(request, slug)
    return render(
        request,
        "votes/list.html",
        {
            "focus_area": focus_area,
            "votes": list(selectors.votes_in(focus_area)),
            "is_bureau": may(request.user, focus_area, Need.BUREAU),
        },
    )


@require_http_methods(["GET", "POST"])
def vote_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Vote with the code from the letter: choose, check, confirm."""
    focus_area = _readable_area(request, slug)
    vote = _vote(focus_area, pk)
    projects = list(selectors.ballot_projects_of(vote))
    for project in projects:
        project.cost_text = euros(project.cost_cents)  # type: ignore[attr-defined]
    form = forms.BallotForm(request.POST or None, vote=vote, projects=projects)
    confirming = False
    if request.method == "POST" and form.is_valid():
        choices = form.choices()
        code = form.cleaned_data["code"]
        if request.POST.get("confirm") == "yes":
            address = limits.client_address(request)
            wait = limits.wait_of("vote-code", address, _code_rate())
            if wait:
                form.add_error(None, too_many_codes_message(wait))
                response = render(
                    request,
                    "votes/vote.html",
                    _vote_context(vote, projects, form, confirming=False, chosen=set()),
                    status=429,
                )
                response["Retry-After"] = str(wait)
                return response
            try:
                services.cast_ballot(vote, code=code, **choices)
                return redirect("votes:thanks", slug=slug, pk=pk)
            except ValidationError as error:
                if any(item.code == "code" for item in error.error_list):
                    # A wrong code counts against the address: guessing stops.
                    limits.count("vote-code", address, _code_rate())
                for message in error.messages:
                    form.add_error(None, message)
        else:
            try:
                services.check_choices(vote, **choices)
                confirming = True
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
        chosen = (
            set(choices.get("approved", []))
            | {item[0] for item in choices.get("points", [])}
            | set(choices.get("ranking", []))
        )
    else:
        chosen = set()
    return render(
        request,
        "votes/vote.html",
        _vote_context(vote, projects, form, confirming=confirming, chosen=chosen),
    )


def _vote_context(
    vote: Any, projects: list[Any], form: Any, *, confirming: bool, chosen: set[str]
) -> dict[str, Any]:
    return {
        "focus_area": vote.focus_area,
        "vote": vote,
        "projects": projects,
        "form": form,
        "confirming": confirming,
        "chosen": [p for p in projects if str(p.pk) in chosen],
        "is_open": vote.is_open(),
        "budget": euros(vote.budget_cents),
        "max_cost": euros(vote.max_cost_cents),
    }


def _code_rate() -> limits.Rate | None:
    return limits.parse_rate(settings.WIJKAANPAK_VOTE_CODE_RATE)


def too_many_codes_message(wait: int) -> str:
    """The answer to an address that entered too many wrong codes."""
    minutes = limits.minutes(wait)
    return ngettext(
        "Too many wrong codes were entered from this connection. "
        "Try again in %(count)d minute.",
        "Too many wrong codes were entered from this connection. "
        "Try again in %(count)d minutes.",
        minutes,
    ) % {"count": minutes}


def thanks(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """After voting: the ballot is in."""
    focus_area = _readable_area(request, slug)
    vote = _vote(focus_area, pk)
    return render(
        request, "votes/thanks.html", {"focus_area": focus_area, "vote": vote}
    )


def _reason(
    row: dict[str, Any], titles: dict[str, str]
) -> tuple[str, list[dict[str, Any]]]:
    """One sentence why a project won or lost, and the paying groups."""
    explanation = row["explanation"] or {"kind": "no support"}
    kind = explanation["kind"]
    groups = []
    if kind in {"bought with shares", "bought with earnings"}:
        payments = explanation["payments"]
        groups = [
            {"voters": group["voters"], "amount": euros(group["amount"])}
            for group in payments["groups"]
        ]
        sentence = _(
            "Chosen in round %(round)s. Its %(supporters)s supporters paid for it "
            "together from their equal shares of the budget; %(paying)s of them "
            "paid something."
        ) % {
            "round": explanation["round"],
            "supporters": payments["supporters"],
            "paying": payments["paying"],
        }
    elif kind == "shares fell short":
        outbid = ", ".join(titles.get(p, p) for p in explanation["outbid_by"])
        sentence = _(
            "Not chosen. Its supporters had %(left)s left together; they lacked "
            "%(lacking)s."
        ) % {
            "left": euros(explanation["left"]),
            "lacking": euros(explanation["lacking"]),
        }
        if outbid:
            sentence += " " + _(
                "Before that, its supporters spent their shares on: %(projects)s."
            ) % {"projects": outbid}
    elif kind == "funded in order":
        sentence = _(
            "Chosen as number %(round)s in order of votes; %(remaining)s was "
            "left before it."
        ) % {
            "round": explanation["round"],
            "remaining": euros(explanation["remaining"]),
        }
    elif kind == "did not fit":
        sentence = _(
            "Not chosen. When its turn came, %(remaining)s was left; it lacked "
            "%(lacking)s."
        ) % {
            "remaining": euros(explanation["remaining"]),
            "lacking": euros(explanation["lacking"]),
        }
    elif kind == "stopped":
        sentence = _("Not chosen. The counting stopped with %(remaining)s left.") % {
            "remaining": euros(explanation["remaining"])
        }
    elif kind == "zero cost":
        sentence = _("Not chosen by equal shares: it costs nothing.")
    else:
        sentence = _("Not chosen: nobody voted for it.")
    return sentence, groups


def _result_rows(result: Result, projects: list[Project]) -> list[dict[str, Any]]:
    by_id = {str(p.pk): p for p in projects}
    titles = {key: project.title for key, project in by_id.items()}
    rows = []
    for row in result.document["projects"]:
        sentence, groups = _reason(row, titles)
        rows.append(
            {
                "project": by_id.get(row["id"]),
                "title": titles.get(row["id"], row["id"]),
                "funded": row["decision"] == "funded",
                "support": row["support"],
                "cost": euros(row["cost"]),
                "reason": sentence,
                "groups": groups,
            }
        )
    rows.sort(key=lambda r: (not r["funded"], -r["support"]))
    return rows


def results(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The winners, and for every project why it won or lost."""
    focus_area = _readable_area(request, slug)
    vote = _vote(focus_area, pk)
    result = selectors.result_of(vote)
    context: dict[str, Any] = {"focus_area": focus_area, "vote": vote, "result": result}
    if result is not None:
        rows = _result_rows(result, list(selectors.projects_of(vote)))
        context["rows"] = rows
        context["winners"] = [row for row in rows if row["funded"]]
        context["spent"] = euros(result.document["cost"])
        context["budget"] = euros(vote.budget_cents)
        context["share"] = euros(
            Fraction(vote.budget_cents) / result.voters if result.voters else 0
        )
        context["chart"] = bar_chart(
            [row["title"] for row in rows],
            [float(row["support"]) for row in rows],
            title=_("Votes per project"),
            description=_(
                "How many voters supported each project; the table below gives "
                "the same figures."
            ),
            chart_id="votes-chart",
        )
    return render(request, "votes/results.html", context)


def export(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The anonymous ballots as a pabulib file, after counting (the bureau any time)."""
    focus_area = _readable_area(request, slug)
    vote = _vote(focus_area, pk)
    result = selectors.result_of(vote)
    if result is None and not may(request.user, focus_area, Need.BUREAU):
        raise Http404
    election = selectors.election_of(vote)
    meta = {
        "description": vote.title,
        "country": "Netherlands",
        "unit": focus_area.municipality.name,
        "subunit": focus_area.name,
        "instance": str(vote.opens_at.year),
        "date_begin": vote.opens_at.strftime("%d.%m.%Y"),
        "date_end": vote.closes_at.strftime("%d.%m.%Y"),
        "comment": "#1: Costs and budget in euro cents.",
    }
    if vote.max_projects is not None:
        meta["max_length"] = str(vote.max_projects)
    if vote.points:
        meta["max_sum_points"] = str(vote.points)
    outcome = selectors.recount(vote) if result is not None else None
    if outcome is None:
        meta["rule"] = "unknown"
    text = dumps(election, meta=meta, outcome=outcome)
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="stemming-{vote.pk}.pb"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def new_vote(request: HttpRequest, slug: str) -> HttpResponse:
    """The bureau sets up a vote with its rule."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    form = forms.VoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        vote = _save(
            form,
            lambda: services.create_vote(
                focus_area, **form.service_arguments(), acting_user=request.user
            ),
        )
        if vote is not None:
            messages.success(request, _("The vote is set up."))
            return redirect("votes:manage", slug=slug, pk=vote.pk)
    return render(
        request,
        "votes/form.html",
        {"focus_area": focus_area, "form": form, "title": _("Set up a vote")},
    )


@login_required
def manage(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau's page of one vote: projects, feasibility, codes, counting."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    vote = _vote(focus_area, pk)
    return render(
        request,
        "votes/manage.html",
        {
            "focus_area": focus_area,
            "vote": vote,
            "projects": list(selectors.projects_of(vote)),
            "codes": selectors.code_counts_of(vote),
            "ballots": vote.ballots.count(),
            "result": selectors.result_of(vote),
            "budget": euros(vote.budget_cents),
            "feasibility_form": forms.FeasibilityForm(),
            "codes_form": forms.CodesForm(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_project(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau enters a proposal."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    vote = _vote(focus_area, pk)
    form = forms.ProjectForm(request.POST or None, focus_area=focus_area)
    if request.method == "POST" and form.is_valid():
        project = _save(
            form,
            lambda: services.add_project(
                vote, **form.service_arguments(), acting_user=request.user
            ),
        )
        if project is not None:
            messages.success(request, _("The project is added."))
            return redirect("votes:manage", slug=slug, pk=pk)
    return render(
        request,
        "votes/form.html",
        {"focus_area": focus_area, "form": form, "title": _("Add a project")},
    )


@login_required
@require_POST
def feasibility(request: HttpRequest, slug: str, pk: int, project: int) -> HttpResponse:
    """The bureau records whether a proposal is feasible."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    vote = _vote(focus_area, pk)
    found = selectors.projects_of(vote).filter(pk=project).first()
    if found is None:
        raise Http404
    form = forms.FeasibilityForm(request.POST)
    if form.is_valid() and _save(
        form,
        lambda: services.check_feasibility(
            found,
            feasible=form.cleaned_data["feasible"],
            reason=form.cleaned_data["reason"],
            acting_user=request.user,
        ),
    ):
        messages.success(request, _("The verdict is saved."))
    else:
        for error in form.non_field_errors() or [_("Choose a verdict.")]:
            messages.error(request, error)
    return redirect("votes:manage", slug=slug, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def codes(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau prints a batch of codes; the list is shown this once."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    vote = _vote(focus_area, pk)
    form = forms.CodesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        issued = _save(
            form,
            lambda: services.issue_codes(
                vote, form.cleaned_data["count"], acting_user=request.user
            ),
        )
        if issued is not None:
            response = render(
                request,
                "votes/letters.html",
                {"focus_area": focus_area, "vote": vote, "codes": issued},
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(
        request,
        "votes/form.html",
        {"focus_area": focus_area, "form": form, "title": _("Print voting codes")},
    )


@login_required
@require_POST
def count(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The bureau closes the count after the window and publishes the result."""
    focus_area = access_focus_area(request.user, slug, need=Need.BUREAU)
    vote = _vote(focus_area, pk)
    try:
        services.count_vote(vote, acting_user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("votes:manage", slug=slug, pk=pk)
    messages.success(request, _("The vote is counted."))
    return redirect("votes:results", slug=slug, pk=pk)
