# SPDX-License-Identifier: EUPL-1.2
"""JSON shapes of the areas API."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from wijkaanpak.apps.areas.models import FocusArea, Municipality, Neighbourhood


class MunicipalitySerializer(serializers.ModelSerializer):
    """A municipality with its CBS code."""

    class Meta:
        model = Municipality
        fields = ["code", "name"]


class FocusAreaSerializer(serializers.ModelSerializer):
    """A focus area: its municipality, start year and neighbourhood codes."""

    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    neighbourhoods = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    # Declared here so the schema does not depend on the database's integer sizes.
    start_year = serializers.IntegerField(
        min_value=2000, max_value=2100, read_only=True
    )

    class Meta:
        model = FocusArea
        fields = [
            "slug",
            "name",
            "municipality",
            "start_year",
            "description",
            "neighbourhoods",
        ]


@extend_schema_field(
    {
        "type": "object",
        "description": "A GeoJSON geometry (Polygon or MultiPolygon) in WGS84 lon/lat.",
        "nullable": True,
        "properties": {
            "type": {"type": "string", "enum": ["Polygon", "MultiPolygon"]},
            "coordinates": {"type": "array", "items": {}},
        },
    }
)
class GeometryField(serializers.JSONField):
    """A GeoJSON geometry."""


class NeighbourhoodPropertiesSerializer(serializers.Serializer):
    """What a neighbourhood feature says about itself."""

    code = serializers.CharField()
    name = serializers.CharField()
    municipality_code = serializers.CharField()
    district_code = serializers.CharField(allow_null=True)
    boundary_year = serializers.IntegerField()


class NeighbourhoodFeatureSerializer(serializers.Serializer):
    """A neighbourhood as a GeoJSON Feature."""

    type = serializers.CharField(default="Feature")
    id = serializers.CharField()
    geometry = GeometryField(allow_null=True)
    properties = NeighbourhoodPropertiesSerializer()

    def to_representation(self, instance: Neighbourhood) -> dict[str, Any]:
        return {
            "type": "Feature",
            "id": instance.code,
            "geometry": instance.geometry,
            "properties": {
                "code": instance.code,
                "name": instance.name,
                "municipality_code": instance.municipality.code,
                "district_code": instance.district.code if instance.district else None,
                "boundary_year": instance.boundary_year,
            },
        }


class NeighbourhoodCollectionSerializer(serializers.Serializer):
    """A page of neighbourhoods as a GeoJSON FeatureCollection."""

    type = serializers.CharField(default="FeatureCollection")
    number_matched = serializers.IntegerField()
    number_returned = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    features = NeighbourhoodFeatureSerializer(many=True)
