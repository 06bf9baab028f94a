# SPDX-License-Identifier: EUPL-1.2
"""Indicators: the catalogue of area indicators and the stacking analysis."""
