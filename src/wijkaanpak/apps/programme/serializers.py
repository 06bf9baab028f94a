# SPDX-License-Identifier: EUPL-1.2
"""JSON shapes of the programme API."""

from __future__ import annotations

from rest_framework import serializers

from wijkaanpak.apps.programme.models import (
    Commitment,
    CommitmentKind,
    Goal,
    HomeworkItem,
    Measure,
    NationalGoal,
    NationalMinimumGoal,
)
from wijkaanpak.apps.residents.serializers import (
    NeighbourhoodContractSerializer,
    ResidentsBudgetSerializer,
)

_YEAR = {"min_value": 2000, "max_value": 2100}


class MilestoneSerializer(serializers.Serializer):
    """A milestone of a goal."""

    year = serializers.IntegerField(**_YEAR)
    value = serializers.FloatField()


class GoalSerializer(serializers.ModelSerializer):
    """A goal with its baseline, target and milestones."""

    focus_area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    baseline_year = serializers.IntegerField(allow_null=True, read_only=True, **_YEAR)
    target_year = serializers.IntegerField(read_only=True, **_YEAR)

    class Meta:
        model = Goal
        fields = [
            "id",
            "focus_area",
            "national_goal",
            "title",
            "description",
            "indicator_key",
            "direction",
            "baseline_value",
            "baseline_year",
            "baseline_from_figures",
            "target_value",
            "target_year",
            "milestones",
        ]
        read_only_fields = fields


class GoalInputSerializer(serializers.Serializer):
    """A new goal; leave the baseline out to take it from the figures."""

    focus_area = serializers.SlugField()
    national_goal = serializers.ChoiceField(choices=NationalGoal.choices)
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    indicator_key = serializers.CharField(required=False, allow_blank=True, default="")
    baseline_value = serializers.FloatField(
        required=False, allow_null=True, default=None
    )
    baseline_year = serializers.IntegerField(
        required=False, allow_null=True, default=None, **_YEAR
    )
    target_value = serializers.FloatField(allow_null=True)
    target_year = serializers.IntegerField(**_YEAR)


class MeasureSerializer(serializers.ModelSerializer):
    """A measure with its goals, partners and total budget."""

    focus_area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    owner = serializers.StringRelatedField()
    partners = serializers.StringRelatedField(many=True)
    goals = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    domains = serializers.ListField(child=serializers.CharField())
    budget_cents = serializers.IntegerField(read_only=True)
    start_year = serializers.IntegerField(read_only=True, **_YEAR)
    end_year = serializers.IntegerField(read_only=True, **_YEAR)

    class Meta:
        model = Measure
        fields = [
            "id",
            "focus_area",
            "title",
            "description",
            "domains",
            "goals",
            "owner",
            "partners",
            "is_additional",
            "additional_kind",
            "additional_reason",
            "start_year",
            "end_year",
            "status",
            "budget_cents",
        ]
        read_only_fields = fields


class CommitmentSerializer(serializers.ModelSerializer):
    """A partner's promise with what was delivered (money in cents, staff in hours)."""

    focus_area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organisation = serializers.StringRelatedField()
    delivered = serializers.IntegerField(read_only=True)
    year = serializers.IntegerField(read_only=True, **_YEAR)

    class Meta:
        model = Commitment
        fields = [
            "id",
            "focus_area",
            "organisation",
            "year",
            "kind",
            "promised",
            "delivered",
            "description",
            "goal",
            "measure",
        ]
        read_only_fields = fields


class CommitmentInputSerializer(serializers.Serializer):
    """A new commitment."""

    focus_area = serializers.SlugField()
    organisation = serializers.IntegerField()
    year = serializers.IntegerField(**_YEAR)
    kind = serializers.ChoiceField(choices=CommitmentKind.choices)
    promised = serializers.IntegerField(min_value=1)
    description = serializers.CharField(required=False, allow_blank=True, default="")


class DeliveryInputSerializer(serializers.Serializer):
    """A delivery on a commitment; a repeated ``client_key`` adds nothing."""

    commitment = serializers.IntegerField()
    amount = serializers.IntegerField(min_value=1)
    delivered_on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    client_key = serializers.CharField(max_length=64)


class DeliverySerializer(serializers.Serializer):
    """A saved delivery."""

    id = serializers.IntegerField()
    commitment = serializers.IntegerField(source="commitment_id")
    amount = serializers.IntegerField()
    delivered_on = serializers.DateField()
    client_key = serializers.CharField()


class HomeworkItemSerializer(serializers.ModelSerializer):
    """A task of the alliance for a partner."""

    organisation = serializers.StringRelatedField()
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = HomeworkItem
        fields = [
            "id",
            "text",
            "organisation",
            "meeting",
            "due_on",
            "done_on",
            "is_overdue",
        ]
        read_only_fields = fields


class NationalMinimumGoalSerializer(serializers.ModelSerializer):
    """A goal the national programme sets for every focus area."""

    deadline_year = serializers.IntegerField(**_YEAR)
    national_goal = serializers.ChoiceField(choices=NationalGoal.choices)

    class Meta:
        model = NationalMinimumGoal
        fields = [
            "id",
            "national_goal",
            "title",
            "indicator_key",
            "direction",
            "minimum_improvement",
            "deadline_year",
        ]
        read_only_fields = ["id", "direction"]


class BalanceSerializer(serializers.Serializer):
    """Promised against delivered for one partner and kind of means."""

    partner = serializers.CharField()
    kind = serializers.ChoiceField(choices=CommitmentKind.choices)
    promised = serializers.IntegerField()
    due = serializers.IntegerField()
    delivered = serializers.IntegerField()
    shortfall = serializers.IntegerField()


class ProgrammeSerializer(serializers.Serializer):
    """The whole public plan of a focus area, for export."""

    focus_area = serializers.CharField()
    vision = serializers.CharField()
    end_year = serializers.IntegerField(allow_null=True, **_YEAR)
    goals = GoalSerializer(many=True)
    measures = MeasureSerializer(many=True)
    balances = BalanceSerializer(many=True)
    neighbourhood_contracts = NeighbourhoodContractSerializer(many=True)
    residents_budgets = ResidentsBudgetSerializer(many=True)
