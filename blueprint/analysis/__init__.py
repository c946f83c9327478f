"""Analyses: functions that take the blueprint graph first and return plain data."""

from .stats import stats
from .touchpoints import (
    by_channel, by_kind, employee_touchpoints, equipment_touchpoints, fail_points, inventory,
    phase_kind_matrix,
)

__all__ = [
    "stats", "inventory", "by_kind", "by_channel", "phase_kind_matrix", "employee_touchpoints",
    "equipment_touchpoints", "fail_points",
]
