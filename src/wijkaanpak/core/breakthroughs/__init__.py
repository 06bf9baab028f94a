# SPDX-License-Identifier: EUPL-1.2
"""Breakthroughs (*doorbraken*): the escalation ladder, identifiers, figures, register.

Pure Python: the Django app ``apps/breakthroughs`` stores and shows what these
modules decide.
"""
