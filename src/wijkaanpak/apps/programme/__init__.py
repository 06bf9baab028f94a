# SPDX-License-Identifier: EUPL-1.2
"""The programme of a focus area: analysis, goals, measures, commitments, alliance."""
