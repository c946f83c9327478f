"""Analyses: functions that take the blueprint graph first and return plain data."""

from .journey import customer_paths, journey, step_times, timeline
from .queues import erlang_b, erlang_c, mmc, queues, servers_for_service_level
from .standards import standards
from .stats import stats
from .touchpoints import (
    by_channel, by_kind, employee_touchpoints, equipment_touchpoints, fail_points, inventory,
    phase_kind_matrix,
)

__all__ = [
    "stats", "inventory", "by_kind", "by_channel", "phase_kind_matrix", "employee_touchpoints",
    "equipment_touchpoints", "fail_points", "journey", "timeline", "step_times", "customer_paths",
    "standards", "queues", "mmc", "erlang_b", "erlang_c", "servers_for_service_level", "analyze",
]


def analyze(bp) -> dict:
    """Journey, standards and queues of a blueprint in one plain mapping (``blueprint analyze``)."""
    return {"journey": journey(bp), "standards": standards(bp), "queues": queues(bp)}
