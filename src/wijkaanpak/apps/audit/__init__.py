# SPDX-License-Identifier: EUPL-1.2
"""The audit trail: who changed what, when."""
