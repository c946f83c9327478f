"""BPMN 2.0: export a blueprint as a laid-out process model (:mod:`.write`), import lanes, tasks and
flows from one (:mod:`.read`).

Export
------
One pool (the title) with one lane per blueprint lane in zone order; a task per step (a user task
for ``people``, a service task for ``digital`` and ``equipment``, a manual task otherwise); sequence
flows for ``next:`` and ``flows:`` (named with the flow's label); a fail point with a recovery step
becomes an error boundary event whose flow leads to the recovery, one without becomes a text
annotation; phases become BPMN groups. One start event leads to the steps nothing flows into, an end
event follows each step that flows nowhere, and where several flows leave or enter a step an
exclusive gateway splits or merges them (BPMN reads several plain outgoing flows as a parallel split;
the split's flows carry their target as the condition, in words). The BPMN DI puts every card where
our drawing puts it, with the columns widened to make room for the gateways, so bpmn.io and Camunda
Modeler open the file laid out.

What BPMN has no element for (the zone of a lane, the touchpoint kind, channel, owner, duration,
wait, emotion, evidence, KPIs and notes of a step, the kind of a flow, phase ids) is written as
attributes in the ``sb:`` namespace, which BPMN allows on every element; modelers keep them and the
import reads them back. Time standards have no place at all and are listed as lost.

The file validates against the OMG BPMN 2.0 XSD, is read by ``bpmn-moddle`` without warnings and
passes ``bpmnlint``'s recommended rules (see ``docs/interop.md``).

Import
------
Lanes become lanes (nested lanes are flattened to their innermost lanes) with the zone from the
mapping given, else from ``sb:zone``, else guessed from the lane's name in Chinese or English (and
reported), else frontstage; tasks of any kind, call activities and collapsed sub-processes become
steps; expanded sub-processes are flattened (their tasks become steps, the sub-process's name
becomes their phase when they have none); sequence flows become ``next:`` (or ``flows:`` when they
carry a name or a kind), with gateways and intermediate events collapsed into direct flows between
steps; groups become phases; DI positions order the steps left to right. Everything else (events,
data objects, message flows, other pools) is reported by kind and count, never silently dropped.
"""

from __future__ import annotations

from .names import NS, SB_NS
from .read import import_bpmn
from .write import export_bpmn

__all__ = ["NS", "SB_NS", "export_bpmn", "import_bpmn"]
