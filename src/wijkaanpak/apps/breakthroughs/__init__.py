# SPDX-License-Identifier: EUPL-1.2
"""Blockage cases, the escalation ladder and the national register of blocking rules."""
