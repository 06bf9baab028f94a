# SPDX-License-Identifier: EUPL-1.2
"""Residents' budget votes: ballots, and the rules that turn them into winners.

The rules follow the published definitions and give the same winners as the
reference implementation ``pabutools`` (checked in ``tests/parity``):
greedy counting (:mod:`.greedy`), the Method of Equal Shares with its
completions (:mod:`.equal_shares`) and sequential Phragmén (:mod:`.phragmen`).
"""
