# SPDX-License-Identifier: EUPL-1.2
"""The words of the mirror: statements, factors, next steps, sliders and profiles.

The core knows only keys; the texts live here, in English with Dutch
translations in the catalogue, so every scan reads in the page's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wijkaanpak.core.mirror import Evidence, NextStep

FACTOR_NAMES: dict[str, Promise] = {
    "visible_problems_first": gettext_lazy("Visible daily problems first"),
    "concrete_problems": gettext_lazy("Naming problems concretely"),
    "independent_bureau": gettext_lazy("An independent programme bureau"),
    "front_line_together": gettext_lazy("Front-line workers brought together"),
    "businesses_involved": gettext_lazy("Businesses really involved"),
    "youth_and_crime": gettext_lazy("Youth and crime at the centre"),
    "action_oriented_alliance": gettext_lazy(
        "An alliance that acts and serves each partner"
    ),
    "residents_doing": gettext_lazy("Residents doing before talking"),
    "unequal_investment": gettext_lazy("Unequal investment for unequal problems"),
    "long_term_story": gettext_lazy("A long-term story"),
    "small_alliance_with_mandate": gettext_lazy("A small alliance with mandate"),
    "concrete_goals": gettext_lazy("Concrete and feasible goals"),
    "stop_criteria": gettext_lazy("Stop criteria"),
    # The CLEAR dimensions of the participation scan.
    "can_do": gettext_lazy("Can do"),
    "like_to": gettext_lazy("Like to"),
    "enabled_to": gettext_lazy("Enabled to"),
    "asked_to": gettext_lazy("Asked to"),
    "responded_to": gettext_lazy("Responded to"),
}

#: What a CLEAR dimension is about, shown under its name.
DIMENSION_HELP: dict[str, Promise] = {
    "can_do": gettext_lazy("Residents have the skills and means to take part."),
    "like_to": gettext_lazy("Residents feel part of the area."),
    "enabled_to": gettext_lazy(
        "There are groups and places where residents can join in."
    ),
    "asked_to": gettext_lazy("Residents are invited in person."),
    "responded_to": gettext_lazy(
        "Residents hear what happened with what they said. The platform measures "
        "this: the share of reporters who were told what happened to their report."
    ),
}

QUESTIONS: dict[str, Promise] = {
    "visible_problems_first_1": gettext_lazy(
        "Residents can see that the problems they meet every day, such as litter "
        "and nuisance, are tackled first."
    ),
    "visible_problems_first_2": gettext_lazy(
        "We fix small visible problems quickly, before we start long-term plans."
    ),
    "concrete_problems_1": gettext_lazy(
        "We describe our problems in concrete terms: which street, which group, "
        "how often."
    ),
    "concrete_problems_2": gettext_lazy(
        "Every partner can say in one sentence which problem in the area it works on."
    ),
    "independent_bureau_1": gettext_lazy(
        "The programme bureau can speak to every partner, the municipality "
        "included, without taking sides."
    ),
    "independent_bureau_2": gettext_lazy(
        "The programme bureau has its own budget and staff for several years."
    ),
    "front_line_together_1": gettext_lazy(
        "Front-line workers of different organisations know each other by name "
        "and meet regularly."
    ),
    "front_line_together_2": gettext_lazy(
        "When front-line workers get stuck, the alliance hears about it and acts."
    ),
    "businesses_involved_1": gettext_lazy(
        "Local businesses and employers take part in the approach, not only as "
        "sponsors."
    ),
    "businesses_involved_2": gettext_lazy(
        "Businesses offer jobs, work placements or training to people from the area."
    ),
    "youth_and_crime_1": gettext_lazy(
        "Young people and the prevention of crime have a central place in our plan."
    ),
    "youth_and_crime_2": gettext_lazy(
        "We know which young people risk getting into crime, and someone has an "
        "offer for each of them."
    ),
    "action_oriented_alliance_1": gettext_lazy(
        "Alliance meetings end with decisions and clear homework, not only with talk."
    ),
    "action_oriented_alliance_2": gettext_lazy(
        "Every partner gets something out of the alliance for its own goals."
    ),
    "residents_doing_1": gettext_lazy(
        "Residents get to work on things themselves, and we support them quickly."
    ),
    "residents_doing_2": gettext_lazy(
        "We approach residents on their pride in the area, not only on its problems."
    ),
    "unequal_investment_1": gettext_lazy(
        "Partners invest more in this area than elsewhere, because the problems "
        "here are bigger."
    ),
    "unequal_investment_2": gettext_lazy(
        "The extra effort comes on top of regular work and does not replace it."
    ),
    "long_term_story_1": gettext_lazy(
        "We share a story of where the area should be in ten to twenty years."
    ),
    "long_term_story_2": gettext_lazy(
        "Partners commit for longer than one election period or one project."
    ),
    "small_alliance_with_mandate_1": gettext_lazy(
        "The alliance is small enough to decide together."
    ),
    "small_alliance_with_mandate_2": gettext_lazy(
        "The people at the table can decide for their organisation."
    ),
    "concrete_goals_1": gettext_lazy(
        "Our goals say in figures what will be different in which year."
    ),
    "concrete_goals_2": gettext_lazy(
        "Our goals are ambitious but can be reached with the means we have."
    ),
    "stop_criteria_1": gettext_lazy(
        "For each measure we agreed in advance when we will stop it."
    ),
    "stop_criteria_2": gettext_lazy(
        "We really stop measures that do not work and use the money for something "
        "better."
    ),
    "can_do_1": gettext_lazy(
        "Residents in the area have the skills, time and means to take part."
    ),
    "can_do_2": gettext_lazy(
        "We help residents who find it hard to take part, for example with "
        "language or childcare."
    ),
    "like_to_1": gettext_lazy(
        "Residents feel connected to the area and want to do something for it."
    ),
    "like_to_2": gettext_lazy("Residents trust that taking part is worth their time."),
    "enabled_to_1": gettext_lazy(
        "There are groups, places and contacts where residents can take part."
    ),
    "enabled_to_2": gettext_lazy(
        "Residents' own plans get support from the municipality and partners quickly."
    ),
    "asked_to_1": gettext_lazy(
        "We invite residents in person, not only by letter or on a website."
    ),
    "asked_to_2": gettext_lazy(
        "We ask residents early, while they can still change the plans."
    ),
}

#: The general next step of each factor and dimension.
FACTOR_STEPS: dict[str, Promise] = {
    "visible_problems_first": gettext_lazy(
        "Pick the three irritations residents name most and agree with one partner "
        "per irritation when it will be fixed."
    ),
    "concrete_problems": gettext_lazy(
        "Rewrite each problem in the plan so that it says where, for whom and how "
        "often it happens."
    ),
    "independent_bureau": gettext_lazy(
        "Agree in the alliance which decisions the programme bureau takes on its "
        "own, and fix its budget for the coming years."
    ),
    "front_line_together": gettext_lazy(
        "Organise a regular meeting of front-line workers of all partners and put "
        "what blocks them on the alliance's agenda."
    ),
    "businesses_involved": gettext_lazy(
        "Invite two local employers to take on a concrete task in the programme, "
        "such as work placements for young people."
    ),
    "youth_and_crime": gettext_lazy(
        "Make one partner responsible for a joint approach for young people at "
        "risk of crime, with a named contact for each young person."
    ),
    "action_oriented_alliance": gettext_lazy(
        "Close every alliance meeting with homework that has an owner and a date, "
        "and check it at the start of the next meeting."
    ),
    "residents_doing": gettext_lazy(
        "Give residents a small budget and quick support for their own plans, and "
        "show the results in the area."
    ),
    "unequal_investment": gettext_lazy(
        "Ask each partner to show what it invests in this area compared with an "
        "average area, and where it adds more."
    ),
    "long_term_story": gettext_lazy(
        "Write the long-term story on one page together with residents, and ask "
        "every partner to sign it."
    ),
    "small_alliance_with_mandate": gettext_lazy(
        "Keep the alliance at about ten members who can decide for their "
        "organisation; involve others in working groups."
    ),
    "concrete_goals": gettext_lazy(
        "Give every goal an indicator, a starting value and a target year, and "
        "check whether the means are enough."
    ),
    "stop_criteria": gettext_lazy(
        "Agree for every measure when you will stop it, and check this once a year."
    ),
    "can_do": gettext_lazy(
        "Offer help where taking part is hard: language support, childcare, "
        "meetings at times residents can come."
    ),
    "like_to": gettext_lazy(
        "Start with activities that make residents proud of the area, and show "
        "what taking part brought."
    ),
    "enabled_to": gettext_lazy(
        "List the places and groups where residents can take part, and fill the "
        "gaps together with partners."
    ),
    "asked_to": gettext_lazy(
        "Ask residents in person, at their door or at school, before plans are fixed."
    ),
    "responded_to": gettext_lazy(
        "Tell every resident who reported something or took part what came of it."
    ),
}


def _number(value: int) -> str:
    return formats.number_format(value, force_grouping=True)


def _figure_sentences() -> dict[str, Callable[[Mapping[str, int]], str]]:
    """What each piece of evidence says, built in the active language."""
    return {
        "alliance_size": lambda f: (
            ngettext(
                "The alliance has %(members)s member. At most %(limit)s can still "
                "decide together.",
                "The alliance has %(members)s members. At most %(limit)s can still "
                "decide together.",
                f["members"],
            )
            % f
        ),
        "mandate": lambda f: (
            _(
                "Members who cannot decide for their organisation: %(without_mandate)s "
                "of %(members)s."
            )
            % f
        ),
        "stop_criteria": lambda f: (
            _("Measures without a stop criterion: %(without)s of %(measures)s.") % f
        ),
        "measurable_goals": lambda f: (
            _("Goals without a measurable target: %(without)s of %(goals)s.") % f
        ),
        "time_to_fix": lambda f: (
            ngettext(
                "Half of the reports are fixed within %(days)s day.",
                "Half of the reports are fixed within %(days)s days.",
                f["days"],
            )
            % f
        ),
        "feedback": lambda f: (
            _("Reporters who were told what happened to their report: %(percent)s%%.")
            % f
        ),
        "homework": lambda f: (
            _("Homework not done after its date: %(overdue)s of %(due)s.") % f
        ),
        "delivery": lambda f: (
            _("Money partners delivered: € %(delivered)s of € %(due)s due by now.")
            % {"delivered": _number(f["delivered"]), "due": _number(f["due"])}
        ),
    }


def _evidence_steps() -> dict[str, Callable[[Mapping[str, int]], str]]:
    """The step a weak piece of evidence points to, in the active language."""
    return {
        "alliance_size": lambda f: (
            _(
                "Bring the alliance back to at most %(limit)s members who decide; "
                "the others can join working groups."
            )
            % f
        ),
        "mandate": lambda f: _(
            "Ask each organisation that sends a stand-in to send someone who can "
            "decide for it."
        ),
        "stop_criteria": lambda f: (
            ngettext(
                "Agree a stop criterion for the %(without)s measure that has none.",
                "Agree a stop criterion for each of the %(without)s measures that have "
                "none.",
                f["without"],
            )
            % f
        ),
        "measurable_goals": lambda f: (
            ngettext(
                "Give the %(without)s goal without a measurable target an indicator, a "
                "starting value and a target.",
                "Give each of the %(without)s goals without a measurable target an "
                "indicator, a starting value and a target.",
                f["without"],
            )
            % f
        ),
        "time_to_fix": lambda f: _(
            "Agree fix times per kind of report with the partners who fix them, "
            "and check them every month."
        ),
        "feedback": lambda f: (
            _(
                "Tell every reporter what happened to the report. Now %(percent)s%% "
                "hear back."
            )
            % f
        ),
        "homework": lambda f: (
            ngettext(
                "Discuss the %(overdue)s overdue homework item at the next alliance "
                "meeting and give it a firm new date.",
                "Discuss the %(overdue)s overdue homework items at the next alliance "
                "meeting and give each a firm new date.",
                f["overdue"],
            )
            % f
        ),
        "delivery": lambda f: _(
            "Ask the partners who are behind to deliver the money they promised, "
            "or agree new amounts openly."
        ),
    }


def evidence_sentence(evidence: Evidence) -> str:
    """What the platform measured, as a sentence in the page's language."""
    return _figure_sentences()[evidence.key](evidence.figure_map)


def step_sentence(step: NextStep) -> str:
    """A next step as a sentence in the page's language."""
    if step.evidence is None:
        return str(FACTOR_STEPS[step.factor])
    return _evidence_steps()[step.evidence](step.figure_map)


#: Per slider: its name, the left pole (0) and the right pole (100).
SLIDERS: dict[str, tuple[Promise, Promise, Promise]] = {
    "steering": (
        gettext_lazy("Where decisions are made"),
        gettext_lazy("At head office"),
        gettext_lazy("In the neighbourhood"),
    ),
    "task": (
        gettext_lazy("What the work covers"),
        gettext_lazy("Our own core task"),
        gettext_lazy("Whatever the neighbourhood needs"),
    ),
    "horizon": (
        gettext_lazy("Time horizon"),
        gettext_lazy("Incidents and projects"),
        gettext_lazy("Lasting presence"),
    ),
    "rules": (
        gettext_lazy("Rules"),
        gettext_lazy("Protocols and procedures"),
        gettext_lazy("Tailor-made solutions"),
    ),
    "partnering": (
        gettext_lazy("Working with others"),
        gettext_lazy("On our own"),
        gettext_lazy("In shared teams"),
    ),
}

#: Per profile: its name, what it is, and what it asks of boundary workers.
PROFILES: dict[str, tuple[Promise, Promise, Promise]] = {
    "institution": (
        gettext_lazy("Working from the institution"),
        gettext_lazy(
            "The organisation decides centrally and works by its own protocols. "
            "The neighbourhood is one of many places it serves."
        ),
        gettext_lazy(
            "Boundary workers translate what they see in the neighbourhood into "
            "the language of their organisation. They need a fixed contact at head "
            "office to take blockages to."
        ),
    ),
    "specialist": (
        gettext_lazy("Specialist in the neighbourhood"),
        gettext_lazy(
            "The organisation works in the neighbourhood from its own expertise, "
            "with some room for the local situation."
        ),
        gettext_lazy(
            "Boundary workers stay close to their expertise but must know whom to "
            "call for the rest. They need time to share signals with other "
            "partners early."
        ),
    ),
    "chain_partner": (
        gettext_lazy("Chain partner"),
        gettext_lazy(
            "The organisation works closely with others through fixed chains and "
            "agreements, directed from the centre."
        ),
        gettext_lazy(
            "Boundary workers guard the handovers between organisations. They need "
            "to know the agreements and protocols of the partners they hand over to."
        ),
    ),
    "neighbourhood_team": (
        gettext_lazy("Neighbourhood team member"),
        gettext_lazy(
            "The organisation's people work in shared neighbourhood teams, with "
            "room to decide on the spot."
        ),
        gettext_lazy(
            "Boundary workers need room to decide on the spot and a manager who "
            "backs them when they leave the usual way of working."
        ),
    ),
    "neighbourhood_entrepreneur": (
        gettext_lazy("Neighbourhood entrepreneur"),
        gettext_lazy(
            "The organisation acts as a co-owner of the neighbourhood, with its own "
            "budget and tailor-made solutions."
        ),
        gettext_lazy(
            "Boundary workers need their own mandate and budget, and a way to turn "
            "what they learn into changes to their organisation's rules."
        ),
    ),
}
