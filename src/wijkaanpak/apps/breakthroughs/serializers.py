# SPDX-License-Identifier: EUPL-1.2
"""JSON shapes of the breakthroughs API."""

from __future__ import annotations

from rest_framework import serializers

from wijkaanpak.apps.breakthroughs.models import (
    BlockageCase,
    BlockageKind,
    BlockingRule,
    CaseDecision,
    CaseLink,
    CaseStep,
    Level,
    Outcome,
    Source,
)
from wijkaanpak.apps.programme.models import Domain


class BlockingRuleSerializer(serializers.ModelSerializer):
    """A rule of the national register."""

    class Meta:
        model = BlockingRule
        fields = ["id", "title", "kind", "instrument", "article", "owner", "url"]
        read_only_fields = ["id"]


class AreaTallySerializer(serializers.Serializer):
    """How a rule fared in one area: counts from 1 to 9 are null."""

    focus_area = serializers.CharField()
    cases = serializers.IntegerField(allow_null=True)
    outcomes_reached = serializers.ListField(
        child=serializers.ChoiceField(choices=[*Outcome.values, "open"])
    )
    structural_years = serializers.ListField(child=serializers.IntegerField())


class RuleTallySerializer(serializers.Serializer):
    """A rule with the counts and outcomes of all areas, never case text."""

    rule = BlockingRuleSerializer()
    cases = serializers.IntegerField(
        allow_null=True, help_text="All cases that hit the rule; null from 1 to 9."
    )
    focus_areas_hit = serializers.IntegerField()
    areas = AreaTallySerializer(many=True)


class CaseStepSerializer(serializers.ModelSerializer):
    """One rung of the ladder history."""

    class Meta:
        model = CaseStep
        fields = [
            "level",
            "entered_on",
            "deadline",
            "owner_label",
            "reason",
            "skipped",
            "automatic",
        ]
        read_only_fields = fields


class CaseDecisionSerializer(serializers.ModelSerializer):
    """A decision: who decided, what, on what grounds."""

    homework = serializers.PrimaryKeyRelatedField(read_only=True)
    meeting_decision = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = CaseDecision
        fields = [
            "id",
            "level",
            "kind",
            "outcome",
            "decided_by",
            "text",
            "grounds",
            "decided_on",
            "handed_from_label",
            "handed_to_label",
            "meeting_decision",
            "homework",
        ]
        read_only_fields = fields


class CaseLinkSerializer(serializers.ModelSerializer):
    """A link to another case of the area."""

    class Meta:
        model = CaseLink
        fields = ["case", "other", "kind"]
        read_only_fields = fields


class BlockageCaseSerializer(serializers.ModelSerializer):
    """A blockage case with its history; for the area's members only."""

    focus_area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    rules = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    problem = serializers.PrimaryKeyRelatedField(read_only=True)
    days_to_breakthrough = serializers.IntegerField(allow_null=True, read_only=True)

    class Meta:
        model = BlockageCase
        fields = [
            "id",
            "focus_area",
            "title",
            "household_code",
            "need",
            "domains",
            "blockage_kind",
            "blockage",
            "tried",
            "rules",
            "source",
            "problem",
            "level",
            "level_deadline",
            "owner_label",
            "overdue_flagged_on",
            "opened_on",
            "status",
            "outcome",
            "decided_on",
            "household_result",
            "outcome_reason",
            "structural_change",
            "days_to_breakthrough",
        ]
        read_only_fields = fields


class BlockageCaseDetailSerializer(BlockageCaseSerializer):
    """A case with its ladder history, decisions and links."""

    steps = CaseStepSerializer(many=True, read_only=True)
    decisions = CaseDecisionSerializer(many=True, read_only=True)
    links = CaseLinkSerializer(many=True, read_only=True, source="links_out")

    class Meta(BlockageCaseSerializer.Meta):
        fields = [*BlockageCaseSerializer.Meta.fields, "steps", "decisions", "links"]
        read_only_fields = fields


class _Confirm(serializers.Serializer):
    confirm_identifiers = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Save although the identifier check warned (after checking).",
    )


class BlockageCaseInputSerializer(_Confirm):
    """A new case; leave the household code empty to get one."""

    focus_area = serializers.SlugField()
    title = serializers.CharField(max_length=200)
    household_code = serializers.CharField(
        max_length=32, required=False, allow_blank=True, default=""
    )
    need = serializers.CharField(max_length=4000)
    domains = serializers.ListField(
        child=serializers.ChoiceField(choices=Domain.choices),
        required=False,
        default=list,
    )
    blockage_kind = serializers.ChoiceField(choices=BlockageKind.choices)
    blockage = serializers.CharField(max_length=4000)
    tried = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )
    rules = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list
    )
    source = serializers.ChoiceField(choices=Source.choices, default=Source.FRONT_LINE)
    problem = serializers.IntegerField(required=False, allow_null=True, default=None)
    level = serializers.ChoiceField(choices=Level.choices, default=Level.FRONT_LINE)
    reason = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )


class EscalateInputSerializer(_Confirm):
    """Climb to a level; skipping one needs a reason."""

    to_level = serializers.ChoiceField(choices=Level.choices, required=False)
    reason = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )


class HandOverInputSerializer(_Confirm):
    """Give the case to another owner with mandate on the same level."""

    to_owner = serializers.IntegerField(
        help_text="Id of the new owner, from the case's `owners` list."
    )
    reason = serializers.CharField(max_length=4000)


class OwnerSerializer(serializers.Serializer):
    """A person who may own the case on its current level."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    is_owner = serializers.BooleanField(help_text="Owns the case now.")


class DecisionInputSerializer(_Confirm):
    """An interim decision."""

    decided_by = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    text = serializers.CharField(max_length=4000)
    grounds = serializers.CharField(max_length=4000)


class CloseInputSerializer(_Confirm):
    """The outcome that closes a case."""

    outcome = serializers.ChoiceField(choices=Outcome.choices)
    decided_by = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    household_result = serializers.CharField(max_length=4000)
    grounds = serializers.CharField(max_length=4000)
    outcome_reason = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )
    structural_change = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )


class LinkInputSerializer(serializers.Serializer):
    """Link to another case of the same area."""

    other = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=CaseLink.Kind.choices)


class LevelCountSerializer(serializers.Serializer):
    """Open cases on one level, per age band and in total."""

    level = serializers.ChoiceField(choices=Level.choices)
    by_age = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    total = serializers.IntegerField(allow_null=True)


class FiguresSerializer(serializers.Serializer):
    """Figures of cases; in national answers counts from 1 to 9 are null."""

    focus_area = serializers.CharField(allow_null=True)
    age_bands = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField(allow_null=True))
    )
    open_by_level = LevelCountSerializer(many=True)
    open_cases = serializers.IntegerField(allow_null=True)
    closed_cases = serializers.IntegerField(allow_null=True)
    outcomes = serializers.DictField(child=serializers.IntegerField(allow_null=True))
    breakthroughs = serializers.IntegerField(allow_null=True)
    median_days_to_breakthrough = serializers.FloatField(allow_null=True)
    share_structural = serializers.FloatField(allow_null=True)
