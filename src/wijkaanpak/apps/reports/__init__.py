# SPDX-License-Identifier: EUPL-1.2
"""Residents' reports (*meldingen*): intake, verified fixes, feedback, Open311."""
