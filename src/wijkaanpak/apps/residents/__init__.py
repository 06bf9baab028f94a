# SPDX-License-Identifier: EUPL-1.2
"""What residents agree and decide in their own neighbourhood: contracts and budgets."""
