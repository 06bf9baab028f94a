# SPDX-License-Identifier: EUPL-1.2
"""Citizens' panels drawn by lot: quotas, fair distributions, verifiable draws.

The modules follow the two stages used in practice: an invitation lottery over
addresses (:mod:`.lottery`, :mod:`.strata`), then the draw of a panel from the
volunteers who registered, balanced by quotas (:mod:`.quotas`), with selection
probabilities that are as equal as the quotas allow (:mod:`.leximin`, which
names the members of its panels with :mod:`.expansion`) or, for
comparison, the sequential method of the Sortition Foundation (:mod:`.legacy`).
Every draw can be re-run from published inputs (:mod:`.verify`).
"""
