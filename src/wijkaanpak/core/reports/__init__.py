# SPDX-License-Identifier: EUPL-1.2
"""Residents' reports (*meldingen*): the status flow, deadlines, duplicates, figures.

Pure Python: the Django app ``apps/reports`` stores and shows what these
modules decide.
"""
