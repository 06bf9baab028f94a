# SPDX-License-Identifier: EUPL-1.2
"""``wijk demo``: create the database, fill it with the fictional demo city, serve it."""

from __future__ import annotations

import argparse
import os

from tqdm import tqdm

from wijkaanpak.cli.serve import (
    add_server_arguments,
    run_server,
    setup_django,
    workers_wanted,
)


def load_demo(*, seed: int, progress: bool = True, peers: bool = False) -> bool:
    """Fill an empty database with the demo city; False when it is already there.

    With ``peers`` two more fictional focus areas, each in its own fictional
    municipality, are added, so the national dashboard has areas to compare.
    """
    from django.db import transaction
    from django.utils import timezone

    from wijkaanpak.apps.accounts import demo as accounts_demo
    from wijkaanpak.apps.areas import demo as areas_demo
    from wijkaanpak.apps.areas.models import Municipality
    from wijkaanpak.apps.breakthroughs import demo as breakthroughs_demo
    from wijkaanpak.apps.mirror import demo as mirror_demo
    from wijkaanpak.apps.monitor import demo as monitor_demo
    from wijkaanpak.apps.panels import demo as panels_demo
    from wijkaanpak.apps.programme import demo as programme_demo
    from wijkaanpak.apps.reports import demo as reports_demo
    from wijkaanpak.apps.residents import demo as residents_demo
    from wijkaanpak.apps.votes import demo as votes_demo
    from wijkaanpak.core.demo import generate_city
    from wijkaanpak.core.demo.impact import demo_benefits
    from wijkaanpak.core.demo.programme import demo_programme
    from wijkaanpak.core.demo.residents import demo_residents

    city = generate_city(seed=seed)
    if Municipality.objects.filter(code=city.municipality.code).exists():
        return False
    steps = ["areas", "people", "focus area", "roles", "reports", "programme"]
    steps += ["residents", "impact"]
    if peers:
        steps.append("peer areas")
    steps += ["breakthroughs", "votes", "panel", "mirror"]
    bar = tqdm(total=len(steps), desc="demo", unit="step", disable=not progress)
    with bar, transaction.atomic():
        bar.set_postfix_str("areas")
        municipality = areas_demo.save_areas(city)
        bar.update()
        bar.set_postfix_str("people")
        people = accounts_demo.save_people(city)
        bar.update()
        bar.set_postfix_str("focus area")
        director = people.get(city.focus_area.director_key)
        focus_area = areas_demo.save_focus_area(city, municipality, director)
        bar.update()
        bar.set_postfix_str("roles")
        accounts_demo.save_roles(city, people, focus_area)
        bar.update()
        bar.set_postfix_str("reports")
        reports_demo.save_reports(focus_area, seed=seed)
        bar.update()
        bar.set_postfix_str("programme")
        programme = demo_programme(city.focus_area.name, today=timezone.localdate())
        programme_demo.save_programme(city, focus_area, programme)
        bar.update()
        bar.set_postfix_str("residents")
        residents_demo.save_residents(
            city, focus_area, demo_residents(timezone.localdate())
        )
        bar.update()
        bar.set_postfix_str("impact")
        monitor_demo.save_benefits(
            focus_area,
            programme,
            demo_benefits(),
            {o.key: o.name for o in city.organisations},
        )
        bar.update()
        if peers:
            bar.set_postfix_str("peer areas")
            load_peers(seed=seed, taken=frozenset({city.municipality.name}))
            bar.update()
        # After the peers: a rule that blocks in several areas uses them.
        bar.set_postfix_str("breakthroughs")
        breakthroughs_demo.save_breakthroughs(
            city, focus_area, today=timezone.localdate()
        )
        bar.update()
        bar.set_postfix_str("votes")
        votes_demo.save_votes(focus_area, seed=seed)
        bar.update()
        bar.set_postfix_str("panel")
        panels_demo.save_panel(focus_area, seed=seed)
        bar.update()
        bar.set_postfix_str("mirror")
        mirror_demo.save_mirror(focus_area, seed=seed, today=timezone.localdate())
        bar.update()
    return True


def load_peers(*, seed: int, taken: frozenset[str]) -> None:
    """Save the peer focus areas through the same app loaders as the demo city."""
    import dataclasses

    from django.utils import timezone

    from wijkaanpak.apps.accounts import demo as accounts_demo
    from wijkaanpak.apps.areas import demo as areas_demo
    from wijkaanpak.apps.programme import demo as programme_demo
    from wijkaanpak.apps.reports import demo as reports_demo
    from wijkaanpak.core.demo.peers import generate_peers

    today = timezone.localdate()
    for peer in generate_peers(seed=seed, today=today, taken_names=taken):
        city = dataclasses.replace(
            peer.city, people=peer.people, organisations=peer.organisations
        )
        municipality = areas_demo.save_areas(city)
        people = accounts_demo.save_peer_people(peer)
        focus_area = areas_demo.save_focus_area(
            city, municipality, people.get(city.focus_area.director_key)
        )
        accounts_demo.save_roles(city, people, focus_area)
        reports_demo.save_reports(
            focus_area, seed=seed + int(city.municipality.code[2:])
        )
        programme_demo.save_programme(city, focus_area, peer.programme)


def give_open311_key(key: str) -> str:
    """Give the demo focus area an Open311 client with this API key; its slug."""
    from wijkaanpak.apps.areas.models import FocusArea
    from wijkaanpak.apps.reports import services

    focus_area = FocusArea.objects.order_by("pk").first()
    if focus_area is None:
        raise SystemExit("The demo has no focus area to give an Open311 key to.")
    services.issue_api_key(focus_area, "Demo Open311 client", key=key, acting_user=None)
    return focus_area.slug


def demo(arguments: argparse.Namespace) -> int:
    """Prepare the demo database and serve it."""
    os.environ.setdefault("WIJKAANPAK_DEMO", "1")
    setup_django()
    from django.core.management import call_command

    from wijkaanpak.apps.accounts import demo as accounts_demo
    from wijkaanpak.core.demo import generate_city

    call_command("migrate", interactive=False, verbosity=0)
    created = load_demo(
        seed=arguments.seed, progress=not arguments.quiet, peers=not arguments.no_peers
    )
    city = generate_city(seed=arguments.seed)
    print(
        "Demo data set created." if created else "Demo data set already present.",
        f"City: {city.municipality.name} ({city.municipality.code}), fictional.",
    )
    if arguments.open311_key:
        slug = give_open311_key(arguments.open311_key)
        print(
            f"Open311 GeoReport v2: http://{arguments.host}:{arguments.port}/open311/v2/"
            f" (jurisdiction_id {slug}; api_key as given with --open311-key)"
        )
    print(f"Demo logins (password for all: {accounts_demo.DEMO_PASSWORD}):")
    for label, username in accounts_demo.demo_logins(city):
        print(f"  {label:<28} {username}")
    from wijkaanpak.apps.votes.demo import demo_codes

    print(
        "Unused voting codes of the open demo vote:",
        ", ".join(demo_codes(arguments.seed)),
    )
    if arguments.no_serve:
        return 0
    print(
        f"Wijkaanpak demo runs at http://{arguments.host}:{arguments.port}/ (Ctrl+C stops)"
    )
    run_server(
        arguments.host,
        arguments.port,
        threads=arguments.threads,
        workers=workers_wanted(arguments),
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``wijk demo``."""
    parser = subparsers.add_parser(
        "demo", help="create the demo database (a fictional city) and serve it"
    )
    add_server_arguments(parser)
    parser.add_argument("--seed", type=int, default=2026, help="seed of the demo city")
    parser.add_argument(
        "--no-serve", action="store_true", help="prepare the database, do not serve"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--no-peers",
        action="store_true",
        help="only the demo city, without the two peer focus areas",
    )
    parser.add_argument(
        "--open311-key",
        metavar="KEY",
        help="give the demo an Open311 GeoReport v2 client with this API key",
    )
    parser.set_defaults(handler=demo)
