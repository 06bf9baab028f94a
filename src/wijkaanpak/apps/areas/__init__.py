# SPDX-License-Identifier: EUPL-1.2
"""Municipalities, districts, neighbourhoods, focus areas and their figures."""
