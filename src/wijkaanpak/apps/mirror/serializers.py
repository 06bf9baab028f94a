# SPDX-License-Identifier: EUPL-1.2
"""Shapes of the mirror's API: scores and evidence, never anyone's answers."""

from __future__ import annotations

from rest_framework import serializers


class EvidenceSerializer(serializers.Serializer):
    """A figure the platform measured, with its score on the 1-5 scale."""

    key = serializers.CharField()
    score = serializers.FloatField(help_text="From 1 (weak) to 5 (strong).")
    figures = serializers.DictField(child=serializers.IntegerField())


class FactorScoreSerializer(serializers.Serializer):
    """One factor of a scan: its score, how many answers and which evidence."""

    factor = serializers.CharField()
    name = serializers.CharField()
    score = serializers.FloatField(
        allow_null=True, help_text="From 0 to 100; null when not scored."
    )
    answers = serializers.IntegerField()
    evidence = EvidenceSerializer(many=True)


class ScanResultSerializer(serializers.Serializer):
    """A yearly scan of an area, scored."""

    focus_area = serializers.SlugField()
    kind = serializers.CharField()
    year = serializers.IntegerField()
    closed_on = serializers.DateField(allow_null=True)
    respondents = serializers.IntegerField()
    overall = serializers.FloatField(allow_null=True)
    weakest = serializers.ListField(child=serializers.CharField())
    factors = FactorScoreSerializer(many=True)


class NationalScanSerializer(serializers.Serializer):
    """An area's latest closed scan of a kind: counts and scores only."""

    focus_area = serializers.SlugField()
    kind = serializers.CharField()
    year = serializers.IntegerField()
    respondents = serializers.IntegerField()
    overall = serializers.FloatField(allow_null=True)
    weakest = serializers.ListField(child=serializers.CharField())
