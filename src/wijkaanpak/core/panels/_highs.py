# SPDX-License-Identifier: EUPL-1.2
"""The integer program of feasible panels, on the HiGHS solver.

One binary variable per volunteer; rows for the panel size, every quota and
(if asked) every shared household. The panel methods and the quota check all
ask this model questions: "which feasible panel has the largest total
weight?", and "is there any feasible panel at all?".
"""

from __future__ import annotations

from collections.abc import Sequence

import highspy
import numpy as np
import numpy.typing as npt

from wijkaanpak.core.panels.model import PanelInstance

__all__ = ["PanelOracle", "quiet_highs"]

#: Optimality gaps of the oracle. Column generation is only as exact as its
#: oracle, so the integer program is solved to (practically) zero gap.
MIP_ABSOLUTE_GAP = 1e-10
MIP_RELATIVE_GAP = 1e-10


def quiet_highs() -> highspy.Highs:
    """Return a silent, single-threaded HiGHS instance (same answer every run)."""
    highs = highspy.Highs()  # type: ignore[no-untyped-call]
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("log_to_console", False)
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("random_seed", 0)
    return highs


class PanelOracle:
    """The set of feasible panels of an instance, as a HiGHS integer program.

    Parameters
    ----------
    instance : PanelInstance
        The pool, quotas, panel size and household rule.
    relaxed : sequence of (int, str)
        Quota bounds left out, as ``(quota position, "minimum" | "maximum")``.
    groups : sequence of tuple of int, optional
        Volunteers with the same features who may be exchanged freely, one
        integer variable (how many of the group are seated) per group. Members
        of a household the rule applies to must be in groups of their own.
        By default every volunteer is a group of one.
    """

    def __init__(
        self,
        instance: PanelInstance,
        relaxed: Sequence[tuple[int, str]] = (),
        groups: Sequence[tuple[int, ...]] | None = None,
    ) -> None:
        if groups is None:
            groups = tuple((index,) for index in range(len(instance.people)))
        self.size = len(groups)
        column_of = {
            member: column for column, group in enumerate(groups) for member in group
        }
        highs = quiet_highs()
        highs.setOptionValue("mip_abs_gap", MIP_ABSOLUTE_GAP)
        highs.setOptionValue("mip_rel_gap", MIP_RELATIVE_GAP)
        n = self.size
        inf = highspy.kHighsInf
        highs.addVars(n, np.zeros(n), np.array([float(len(g)) for g in groups]))
        highs.changeColsIntegrality(
            n,
            np.arange(n, dtype=np.int32),
            np.array([highspy.HighsVarType.kInteger] * n),
        )
        everyone = np.arange(n, dtype=np.int32)
        k = float(instance.panel_size)
        highs.addRow(k, k, n, everyone, np.ones(n))
        left_out = set(relaxed)
        for position, quota in enumerate(instance.quotas):
            members = np.array(
                sorted({column_of[i] for i in instance.members_of(quota)}),
                dtype=np.int32,
            )
            low = -inf if (position, "minimum") in left_out else float(quota.minimum)
            high = inf if (position, "maximum") in left_out else float(quota.maximum)
            highs.addRow(low, high, len(members), members, np.ones(len(members)))
        if instance.one_per_household:
            for household in instance.households():
                members = np.array([column_of[i] for i in household], dtype=np.int32)
                highs.addRow(-inf, 1.0, len(members), members, np.ones(len(members)))
        highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        self._highs = highs

    def best_counts(
        self, weights: npt.NDArray[np.float64]
    ) -> tuple[float, tuple[int, ...]] | None:
        """Return the feasible panel of largest total weight, as seats per group.

        Parameters
        ----------
        weights : numpy array of float
            One weight per seat of each group, in group order.

        Returns
        -------
        (float, tuple of int) or None
            The total weight and the number seated from each group; None when
            no panel is feasible.
        """
        highs = self._highs
        highs.changeColsCost(
            self.size, np.arange(self.size, dtype=np.int32), weights.astype(np.float64)
        )
        highs.run()
        status = highs.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return None
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"the HiGHS panel oracle stopped with status {status}")
        counts = np.rint(np.asarray(highs.getSolution().col_value)).astype(np.int64)
        return float(weights @ counts), tuple(int(count) for count in counts)

    def best_panel(
        self, weights: npt.NDArray[np.float64]
    ) -> tuple[float, tuple[int, ...]] | None:
        """Return the feasible panel of largest total weight, or None if none.

        Only for groups of one (the default).

        Parameters
        ----------
        weights : numpy array of float
            One weight per volunteer, in pool order.

        Returns
        -------
        (float, tuple of int) or None
            The total weight and the members' positions, increasing.
        """
        best = self.best_counts(weights)
        if best is None:
            return None
        members = tuple(index for index, count in enumerate(best[1]) if count)
        return best[0], members

    def is_feasible(self) -> bool:
        """Say whether any panel meets every rule of the model.

        Returns
        -------
        bool
            True when a feasible panel exists.
        """
        return self.best_panel(np.zeros(self.size)) is not None
