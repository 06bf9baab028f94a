# SPDX-License-Identifier: EUPL-1.2
"""JSON shapes of votes, projects and results (amounts in cents)."""

from __future__ import annotations

from rest_framework import serializers

from wijkaanpak.apps.votes.models import Project, Result, Vote


class VoteSerializer(serializers.ModelSerializer[Vote]):
    """A vote with its rule, window and limits."""

    focus_area = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Vote
        fields = [
            "id",
            "focus_area",
            "title",
            "description",
            "budget_cents",
            "opens_at",
            "closes_at",
            "ballot_kind",
            "max_projects",
            "max_cost_cents",
            "points",
            "rule",
            "completion",
            "tie_breaking",
            "minimum_age",
        ]
        read_only_fields = fields


class ProjectSerializer(serializers.ModelSerializer[Project]):
    """A proposal with the bureau's verdict."""

    neighbourhood = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Project
        fields = [
            "id",
            "vote",
            "title",
            "description",
            "cost_cents",
            "neighbourhood",
            "proposer",
            "feasibility",
            "rejection_reason",
            "position",
        ]
        read_only_fields = fields


class ResultSerializer(serializers.ModelSerializer[Result]):
    """The counted result: winners and the rule's reason per project."""

    class Meta:
        model = Result
        fields = [
            "vote",
            "rule",
            "completion",
            "tie_breaking",
            "funded",
            "voters",
            "counted_at",
            "document",
        ]
        read_only_fields = fields
