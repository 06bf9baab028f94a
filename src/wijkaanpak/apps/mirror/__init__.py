# SPDX-License-Identifier: EUPL-1.2
"""The alliance's mirror: health check, participation scan and working-style profiles."""
