"""Solving one integer model exactly with HiGHS (``scipy.optimize.milp``), and the sparse
constraint rows the tier and pair models are built from."""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array

from distribution.engine.inputs import PhaseStats

# Two values of the objective closer than this are one value: sums of floats such as
# 0.75 − 0.7 − 0.05 leave traces of 1e-17 that must not decide anything, while real differences
# of strengths and costs are far larger.
TIE = 1e-6


def solve(name: str, cost, matrix, lower, upper, bounds: Bounds, phases: list) -> np.ndarray:
    started = time.perf_counter()
    result = milp(
        cost,
        integrality=np.ones(len(cost)),
        bounds=bounds,
        constraints=LinearConstraint(matrix, lower, upper),
        # HiGHS stops at a 0.01 % gap by default; the next phase fixes this optimum, so it must
        # be the optimum itself.
        options={"mip_rel_gap": 0.0},
    )
    if result.status != 0:
        # Every model here has a feasible point by construction (no leaders beyond the forced
        # ones, nobody paired); failing means a bug, not bad data.
        raise RuntimeError(f"{name}: {result.message}")
    phases.append(PhaseStats(name, len(cost), matrix.shape[0], time.perf_counter() - started))
    return np.round(result.x).astype(int)


class Rows:
    """A sparse constraint matrix built row by row."""

    def __init__(self) -> None:
        self.data: list[float] = []
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.lower: list[float] = []
        self.upper: list[float] = []

    def add(self, columns: Sequence[int], coefficients: Sequence[float], lower, upper) -> None:
        row = len(self.lower)
        self.rows.extend([row] * len(columns))
        self.cols.extend(columns)
        self.data.extend(coefficients)
        self.lower.append(lower)
        self.upper.append(upper)

    def matrix(self, width: int):
        return csr_array((self.data, (self.rows, self.cols)), shape=(len(self.lower), width))
