# SPDX-License-Identifier: EUPL-1.2
"""JSON shapes of the monitor API: figures of areas, never of people."""

from __future__ import annotations

from rest_framework import serializers

STATUSES = ["ahead", "on_track", "behind", "unclear"]


class SpreadSerializer(serializers.Serializer):
    """Lowest, median and highest focus area; the areas by name only."""

    count = serializers.IntegerField(help_text="Focus areas with a value.")
    minimum = serializers.FloatField()
    median = serializers.FloatField()
    maximum = serializers.FloatField()
    weakest = serializers.CharField(help_text="The focus area at the weak end.")
    strongest = serializers.CharField(help_text="The focus area at the strong end.")


class GoalStatusSerializer(serializers.Serializer):
    """A goal of the area against its planned path."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    national_goal = serializers.CharField()
    indicator_key = serializers.CharField()
    status = serializers.ChoiceField(choices=STATUSES)
    status_label = serializers.CharField(help_text="The status in words.")
    reason = serializers.CharField(
        allow_blank=True, help_text="Why the status is unclear, if it is."
    )
    baseline_year = serializers.IntegerField(allow_null=True)
    baseline_value = serializers.FloatField(allow_null=True)
    target_year = serializers.IntegerField(allow_null=True)
    target_value = serializers.FloatField(allow_null=True)
    latest_year = serializers.IntegerField(allow_null=True)
    latest_value = serializers.FloatField(allow_null=True)
    expected = serializers.FloatField(
        allow_null=True, help_text="Where the path says the area should be now."
    )
    band_low = serializers.FloatField(allow_null=True)
    band_high = serializers.FloatField(allow_null=True)


class IndicatorStatusSerializer(serializers.Serializer):
    """An outcome indicator of the area in its latest year, compared."""

    key = serializers.CharField()
    name = serializers.CharField()
    unit = serializers.CharField()
    direction = serializers.CharField()
    latest_year = serializers.IntegerField(allow_null=True)
    value = serializers.FloatField(allow_null=True)
    index = serializers.FloatField(
        allow_null=True, help_text="The value with the start year as 100."
    )
    base_year = serializers.IntegerField(allow_null=True)
    city = serializers.FloatField(allow_null=True, help_text="The whole city.")
    country = serializers.FloatField(allow_null=True, help_text="The Netherlands.")
    spread = SpreadSerializer(
        allow_null=True, help_text="Over all focus areas in the same year."
    )


class MinimumGoalStatusSerializer(serializers.Serializer):
    """A national minimum goal: does the plan meet it, what happened so far."""

    indicator_key = serializers.CharField()
    title = serializers.CharField()
    plan_meets = serializers.BooleanField()
    realised = serializers.FloatField(
        allow_null=True, help_text="Improvement since the start, in the unit."
    )
    latest_year = serializers.IntegerField(allow_null=True)


class ProcessFigureSerializer(serializers.Serializer):
    """A figure of the platform's own registers; small numbers null."""

    key = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    value = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField(
        help_text="True when the value rests on fewer than 10 cases."
    )
    basis = serializers.IntegerField(
        allow_null=True, help_text="The cases it rests on; null from 1 to 9."
    )
    note = serializers.CharField(allow_blank=True)


class AreaMonitorSerializer(serializers.Serializer):
    """The monitor of one focus area: goals, indicators, minimum goals, process."""

    focus_area = serializers.SlugField()
    name = serializers.CharField()
    start_year = serializers.IntegerField()
    status_counts = serializers.DictField(child=serializers.IntegerField())
    goals = GoalStatusSerializer(many=True)
    indicators = IndicatorStatusSerializer(many=True)
    minimum_goals = MinimumGoalStatusSerializer(many=True)
    process = ProcessFigureSerializer(many=True)


class AreaColumnSerializer(serializers.Serializer):
    """A focus area of the national dashboard."""

    slug = serializers.SlugField()
    name = serializers.CharField()
    municipality = serializers.CharField()


class AreaValueSerializer(serializers.Serializer):
    """One focus area's value of an indicator."""

    focus_area = serializers.SlugField()
    value = serializers.FloatField(allow_null=True)
    index = serializers.FloatField(allow_null=True)


class NationalIndicatorSerializer(serializers.Serializer):
    """An indicator over all focus areas in its latest year, with the spread."""

    key = serializers.CharField()
    name = serializers.CharField()
    unit = serializers.CharField()
    direction = serializers.CharField()
    national_minimum_goal = serializers.BooleanField()
    year = serializers.IntegerField(allow_null=True)
    areas = AreaValueSerializer(many=True)
    spread = SpreadSerializer(allow_null=True)
    index_spread = SpreadSerializer(allow_null=True)


class AreaProcessValueSerializer(serializers.Serializer):
    """One focus area's process figure; null and suppressed from 1 to 9."""

    focus_area = serializers.SlugField()
    value = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField()


class NationalProcessSerializer(serializers.Serializer):
    """A process figure over all areas, and for all areas together."""

    key = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    higher_is_better = serializers.BooleanField()
    areas = AreaProcessValueSerializer(many=True)
    national = serializers.FloatField(
        allow_null=True, help_text="All cases of all areas together, where known."
    )
    national_suppressed = serializers.BooleanField()
    spread = SpreadSerializer(allow_null=True)


class AreaStatusCountSerializer(serializers.Serializer):
    """How many goals of an area are ahead, on track, behind or unclear."""

    focus_area = serializers.SlugField()
    counts = serializers.DictField(child=serializers.IntegerField())


class NationalMonitorSerializer(serializers.Serializer):
    """The national dashboard: aggregates of the focus areas only."""

    areas = AreaColumnSerializer(many=True)
    indicators = NationalIndicatorSerializer(many=True)
    process = NationalProcessSerializer(many=True)
    goal_statuses = AreaStatusCountSerializer(many=True)
