# SPDX-License-Identifier: EUPL-1.2
"""Areas: CBS codes, contiguity of neighbourhoods and the delimitation of focus areas."""
