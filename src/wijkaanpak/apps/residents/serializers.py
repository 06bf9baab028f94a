# SPDX-License-Identifier: EUPL-1.2
"""JSON shapes of contracts and budgets; contact data never leave the bureau's pages."""

from __future__ import annotations

from rest_framework import serializers

from wijkaanpak.apps.residents.models import (
    Application,
    BudgetCriterion,
    ContractItem,
    NeighbourhoodContract,
    ResidentsBudget,
)


class ContractItemSerializer(serializers.ModelSerializer):
    """One agreement with its review."""

    who = serializers.CharField(read_only=True)
    partner = serializers.PrimaryKeyRelatedField(
        source="organisation", read_only=True, allow_null=True
    )

    class Meta:
        model = ContractItem
        fields = [
            "id",
            "party",
            "who",
            "partner",
            "what",
            "when",
            "review",
            "review_note",
            "reviewed_on",
        ]
        read_only_fields = fields


class NeighbourhoodContractSerializer(serializers.ModelSerializer):
    """A contract with its agreements."""

    focus_area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    neighbourhood = serializers.SlugRelatedField(slug_field="code", read_only=True)
    neighbourhood_name = serializers.CharField(source="neighbourhood.name")
    items = ContractItemSerializer(many=True, read_only=True)

    class Meta:
        model = NeighbourhoodContract
        fields = [
            "id",
            "focus_area",
            "neighbourhood",
            "neighbourhood_name",
            "year",
            "status",
            "introduction",
            "signed_on",
            "items",
        ]
        read_only_fields = fields


class ContractItemInputSerializer(serializers.Serializer):
    """A new agreement in a draft contract."""

    contract = serializers.IntegerField()
    party = serializers.ChoiceField(choices=ContractItem.Party.choices)
    residents_group = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    partner = serializers.IntegerField(required=False, allow_null=True, default=None)
    what = serializers.CharField()
    when = serializers.CharField(max_length=200)


class CriterionSerializer(serializers.ModelSerializer):
    """A criterion agreed with residents."""

    class Meta:
        model = BudgetCriterion
        fields = ["id", "position", "text"]
        read_only_fields = fields


class PublicApplicationSerializer(serializers.ModelSerializer):
    """A decided application as residents see it: no contact data."""

    criteria = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "title",
            "amount_cents",
            "criteria",
            "status",
            "granted_cents",
            "decided_by",
            "decision_reason",
            "decided_on",
            "result",
            "participants",
            "result_on",
        ]
        read_only_fields = fields


class ResidentsBudgetSerializer(serializers.ModelSerializer):
    """A budget with its criteria, what is granted and the decided applications."""

    focus_area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    neighbourhood = serializers.SlugRelatedField(slug_field="code", read_only=True)
    neighbourhood_name = serializers.CharField(source="neighbourhood.name")
    granted_cents = serializers.IntegerField(source="granted")
    criteria = CriterionSerializer(many=True, read_only=True)
    applications = PublicApplicationSerializer(
        many=True, read_only=True, source="decided"
    )

    class Meta:
        model = ResidentsBudget
        fields = [
            "id",
            "focus_area",
            "neighbourhood",
            "neighbourhood_name",
            "year",
            "amount_cents",
            "granted_cents",
            "is_open",
            "introduction",
            "criteria",
            "applications",
        ]
        read_only_fields = fields


class ApplicationInputSerializer(serializers.Serializer):
    """Residents' application; a repeated ``submission_key`` adds nothing."""

    budget = serializers.IntegerField()
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=5000)
    amount_cents = serializers.IntegerField(min_value=1)
    criteria = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list
    )
    contact_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    contact_email = serializers.EmailField(required=False, allow_blank=True, default="")
    submission_key = serializers.CharField(max_length=64)


class ApplicationReceiptSerializer(serializers.ModelSerializer):
    """What the applicant gets back: the status and the token of the tracking page."""

    class Meta:
        model = Application
        fields = ["id", "title", "amount_cents", "status", "tracking_token"]
        read_only_fields = fields


class ApplicationDecisionInputSerializer(serializers.Serializer):
    """The bureau's record of a decision on an application."""

    approve = serializers.BooleanField()
    reason = serializers.CharField()
    decided_by = serializers.ChoiceField(choices=Application.DecidedBy.choices)
    decided_on = serializers.DateField()
    granted_cents = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, default=None
    )
