"""Analyses: functions that take the blueprint graph first and return plain data.

Counts are :func:`blueprint.analysis.stats.stats` (the module keeps its name, so it is imported from
there); touchpoint tables are re-exported here from :mod:`.touchpoints`. Likewise journey time is
:func:`.journey.journey`, standards :func:`.standards.standards`, queues :func:`.queues.queues` and
the as-is / to-be difference :func:`.diff.diff`; :func:`analyze` gathers the first three.
"""

from .journey import customer_paths, step_times, timeline
from .queues import erlang_b, erlang_c, mmc, servers_for_service_level
from .touchpoints import (
    by_channel, by_kind, employee_touchpoints, equipment_touchpoints, fail_points, inventory,
    phase_kind_matrix,
)

__all__ = [
    "inventory", "by_kind", "by_channel", "phase_kind_matrix", "employee_touchpoints",
    "equipment_touchpoints", "fail_points", "timeline", "step_times", "customer_paths", "mmc",
    "erlang_b", "erlang_c", "servers_for_service_level", "analyze",
]


def analyze(bp) -> dict:
    """Journey, standards and queues of a blueprint in one plain mapping (``blueprint analyze``)."""
    from ..gcpause import paused_gc
    from ..lint.context import Context
    from .journey import journey
    from .queues import queues
    from .standards import standards

    with paused_gc():  # many small lists that all live to the end: nothing for the collector to find
        ctx = Context(bp)  # one graph, shared by the journey and the standards
        return {"journey": journey(bp, ctx=ctx), "standards": standards(bp, ctx=ctx), "queues": queues(bp)}
