# SPDX-License-Identifier: EUPL-1.2
"""Public representation of panel processes: inputs and results, no people."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from wijkaanpak.apps.panels import selectors
from wijkaanpak.apps.panels.models import PanelProcess, Quota


class QuotaSerializer(serializers.ModelSerializer):
    """One quota in the features layout of sortition-algorithms."""

    class Meta:
        model = Quota
        fields = ["feature", "value", "minimum", "maximum"]
        read_only_fields = fields


class ProbabilityBandSerializer(serializers.Serializer):
    """How many volunteers have a chance in one band."""

    lower = serializers.FloatField()
    upper = serializers.FloatField()
    count = serializers.IntegerField()


class ProbabilitySummarySerializer(serializers.Serializer):
    """The anonymised spread of selection probabilities."""

    volunteers = serializers.IntegerField()
    minimum = serializers.FloatField()
    maximum = serializers.FloatField()
    mean = serializers.FloatField()
    levels = serializers.ListField(child=serializers.FloatField())
    panels = serializers.IntegerField()
    bands = ProbabilityBandSerializer(many=True)


class PanelProcessSerializer(serializers.ModelSerializer):
    """A panel process with its published inputs and result."""

    focus_area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    quotas = QuotaSerializer(many=True, read_only=True)
    probabilities = serializers.SerializerMethodField()
    panel = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = PanelProcess
        fields = [
            "id",
            "focus_area",
            "title",
            "purpose",
            "panel_size",
            "one_per_household",
            "status",
            "quotas",
            "fingerprint",
            "published_at",
            "seed",
            "seed_entered_at",
            "panel",
            "drawn_at",
            "probabilities",
        ]
        read_only_fields = fields

    @extend_schema_field(ProbabilitySummarySerializer(allow_null=True))
    def get_probabilities(self, process: PanelProcess) -> dict[str, Any] | None:
        """The spread of chances, without numbers or names."""
        summary = selectors.probability_summary(process)
        if summary is None:
            return None
        return dict(ProbabilitySummarySerializer(summary).data)
