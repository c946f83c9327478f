"""Analyses: functions that take the blueprint graph first and return plain data.

Counts are :func:`blueprint.analysis.stats.stats` (the module keeps its name, so it is imported from
there); touchpoint tables are re-exported here from :mod:`.touchpoints`.
"""

from .touchpoints import (
    by_channel, by_kind, employee_touchpoints, equipment_touchpoints, fail_points, inventory,
    phase_kind_matrix,
)

__all__ = [
    "inventory", "by_kind", "by_channel", "phase_kind_matrix", "employee_touchpoints",
    "equipment_touchpoints", "fail_points",
]
