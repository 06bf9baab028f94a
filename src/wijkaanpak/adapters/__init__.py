# SPDX-License-Identifier: EUPL-1.2
"""Adapters: outside formats in and out, returning core types; no Django."""
