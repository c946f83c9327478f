"""Mermaid: the blueprint as a ``flowchart`` and the customer journey as a ``journey``; journeys back in.

The flowchart is ``flowchart LR`` with one ``subgraph`` per lane in zone order, a node per step and
an edge per flow (support flows and recoveries dotted, with their label). The journey has a
``section`` per phase, a task per customer step (steps in the customer zone, in journey order), the
score from ``emotion`` (-2..+2 becomes 1..5) and the owner as the actor (the lane's name when the
step has none).

The journey import reads Mermaid's ``journey`` syntax: sections become phases, tasks become steps
that flow in order, scores become ``emotion`` (score - 3, within -2..+2), and actors become lanes:
a task goes in the lane of its first actor; the first actor of the journey is the customer, the
zones of the others are guessed from their names and reported.
"""

from __future__ import annotations

import re
from typing import Any

from ..analysis import touchpoints as tp
from ..model import Blueprint, FlowKind, Zone
from ..phrases import Phrase, say
from ..words import normalize, word
from .common import (
    Exported,
    Imported,
    check_size,
    first_keys,
    guess_zone,
    import_error,
    unique_id,
    zone_named,
)

__all__ = ["export_flowchart", "export_journey", "import_journey"]

_ARROWS = {FlowKind.FLOW: "-->", FlowKind.RETURN: "-->", FlowKind.SUPPORT: "-.->", FlowKind.RECOVERY: "-.->"}


def _label(text: str) -> str:
    """Text for a quoted Mermaid label: quotes and markup characters as Mermaid's entity codes."""
    text = re.sub(r"\s+", " ", text).strip()
    for char, code in (("&", "#amp;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(char, code)
    return text


def _journey_text(text: str, actor: bool = False) -> str:
    """Text for a journey line, where ``:`` separates fields, ``,`` actors, and ``#``/``;`` end a line.

    The separators become their full-width forms, which read the same.
    """
    text = re.sub(r"\s+", " ", text).strip()
    text = text.translate(str.maketrans({":": "：", ";": "；", "#": "＃"}))
    return text.replace(",", "，") if actor else text


def _frontmatter_title(title: str) -> list[str]:
    escaped = title.replace("\\", "\\\\").replace('"', '\\"')
    return ["---", f'title: "{escaped}"', "---"]


def export_flowchart(bp: Blueprint, locale: str | None = None) -> Exported:
    """The blueprint as a Mermaid ``flowchart LR``, one subgraph per lane in zone order.

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n- {id: a, lane: customer, label: Ask, next: b}\\n"
    ...            "- {id: b, lane: frontstage, label: '\\"Hi\\"'}\\n")
    >>> print(export_flowchart(bp).content.decode())  # doctest: +ELLIPSIS
    ---
    title: "t"
    ---
    flowchart LR
      subgraph lane1["Customer actions"]
        s1["Ask"]
      end
      subgraph lane2["Frontstage"]
        s2["#quot;Hi#quot;"]
      end
    ...
      s1 --> s2
    <BLANKLINE>
    """
    lang = normalize(locale, normalize(bp.locale))
    node = {step.id: f"s{i}" for i, step in enumerate(bp.step_by_id.values(), start=1)}
    lines = [*_frontmatter_title(bp.title), "flowchart LR"]
    for i, lane in enumerate(bp.lanes_in_zone_order(), start=1):
        lines.append(f'  subgraph lane{i}["{_label(lane.display_label(lang))}"]')
        for step in bp.steps_in_lane(lane.id):
            if bp.step_by_id.get(step.id) is step:
                lines.append(f'    {node[step.id]}["{_label(step.label)}"]')
        lines.append("  end")
    lines.append("  %% step ids: " + ", ".join(f"{short}={step}" for step, short in node.items()))
    for flow in [*bp.flows, *bp.recoveries]:
        source, target = node.get(flow.source.id), node.get(flow.target.id)
        if source is None or target is None:
            continue
        label = flow.label or (word("flow.recovery", lang) if flow.kind is FlowKind.RECOVERY else None)
        text = f'|"{_label(label)}"|' if label else ""
        lines.append(f"  {source} {_ARROWS[flow.kind]}{text} {target}")
    lost = [say("interop.mermaid.flowchart-lost")]
    return Exported(("\n".join(lines) + "\n").encode("utf-8"), "mmd", "text/vnd.mermaid", lost)


def _customer_steps(bp: Blueprint) -> list:
    rank = {phase.id: i for i, phase in enumerate(bp.phases)}
    steps = [step for step in bp.steps if step.zone is Zone.CUSTOMER]
    return sorted(steps, key=lambda s: (rank.get(s.phase, len(rank)) if s.phase else len(rank) + 1, s.index))


def export_journey(bp: Blueprint, locale: str | None = None) -> Exported:
    """The customer journey as a Mermaid ``journey``: sections = phases, tasks = customer steps.

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: Visit\\nphases: [arrive]\\nsteps:\\n"
    ...            "- {id: a, lane: customer, label: 'Walk in: hall', phase: arrive, emotion: 1, owner: Me}\\n")
    >>> print(export_journey(bp).content.decode())
    journey
      title Visit
      section arrive
        Walk in： hall: 4: Me
    <BLANKLINE>
    """
    lang = normalize(locale, normalize(bp.locale))
    lines = ["journey", f"  title {_journey_text(bp.title) or 'journey'}"]
    section = object()
    unscored = 0
    for step in _customer_steps(bp):
        phase = bp.phase_by_id.get(step.phase) if step.phase else None
        name = phase.display_label() if phase else (step.phase or tp.value_label("no_phase", lang))
        if name != section:
            section = name
            lines.append(f"  section {_journey_text(name)}")
        if step.emotion is None:
            unscored += 1
        score = 3 if step.emotion is None else step.emotion + 3
        lane = bp.lane_by_id.get(step.lane)
        actor = step.owner or (lane.display_label(lang) if lane else step.lane)
        lines.append(f"    {_journey_text(step.label)}: {score}: {_journey_text(actor, actor=True)}")
    lost = [say("interop.mermaid.journey-lost")]
    if unscored:
        lost.append(say("interop.mermaid.unscored", count=unscored))
    return Exported(("\n".join(lines) + "\n").encode("utf-8"), "mmd", "text/vnd.mermaid", lost)


_TASK = re.compile(r"^(?P<task>[^:]+?)\s*:\s*(?P<score>[^:]*?)\s*(?::\s*(?P<people>.*))?$")


def import_journey(data: bytes, path: str, zones: dict[str, str] | None = None) -> Imported:
    """A blueprint from a Mermaid ``journey`` diagram.

    Raises:
        BlueprintError: ``file:line:col`` of a line that is not journey syntax or a score that is not a number.

    >>> text = "journey\\n  title Day\\n  section Go\\n    Make tea: 5: Me\\n    Walk: 2: Me, Cat\\n"
    >>> imported = import_journey(text.encode(), "day.mmd")
    >>> [(s["label"], s["lane"], s["emotion"]) for s in imported.data["steps"]]
    [('Make tea', 'Me', 2), ('Walk', 'Me', -1)]
    """
    check_size(data, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise import_error(path, 1, 1, say("interop.not-utf8", reason=error.reason)) from None
    lines = text.splitlines()
    start = 0
    title = None
    if lines and lines[0].strip() == "---":  # front matter
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                start = i + 1
                break
            found = re.match(r"\s*title:\s*(.*)$", lines[i])
            if found:
                title = found.group(1).strip().strip('"').strip("'")
    header = next((i for i in range(start, len(lines))
                   if lines[i].strip() and not lines[i].strip().startswith("%%")), None)
    if header is None or lines[header].strip() != "journey":
        line = (header or 0) + 1
        raise import_error(path, line, 1, say("interop.mermaid.not-journey"))

    notes: list[Phrase] = []
    phases: list[dict[str, Any]] = []
    steps: list[dict[str, Any]] = []
    lanes: dict[str, dict[str, Any]] = {}
    step_ids: set[str] = set()
    phase_ids: set[str] = set()
    lane_ids: set[str] = set()
    phase = None
    for number in range(header + 2, len(lines) + 1):
        raw = lines[number - 1]
        line = raw.strip()
        column = len(raw) - len(raw.lstrip()) + 1
        if not line or line.startswith("%%"):
            continue
        if line.startswith("title ") or line == "title":
            title = line[5:].strip()
            continue
        if line.startswith(("accTitle", "accDescr")):
            continue
        if line.startswith("section ") or line == "section":
            label = line[7:].strip()
            phase = unique_id(label, phase_ids, "phase")
            phases.append({"id": phase, **({"label": label} if label != phase else {})})
            continue
        found = _TASK.match(line)
        if not found:
            raise import_error(path, number, column, say("interop.mermaid.bad-line", line=line))
        score_text = found.group("score")
        try:
            score = float(score_text)
        except ValueError:
            score_column = column + raw.strip().index(":") + 1
            raise import_error(path, number, score_column,
                               say("interop.mermaid.bad-score", score=score_text)) from None
        emotion = max(-2, min(2, round(score) - 3))
        if round(score) - 3 != emotion or score != round(score):
            notes.append(say("interop.mermaid.score-read", line=number, score=score_text, emotion=emotion))
        actors = [a.strip() for a in (found.group("people") or "").split(",") if a.strip()]
        actor = actors[0] if actors else None
        lane_key = actor or "customer"
        if lane_key not in lanes:
            lane_id = unique_id(lane_key, lane_ids, "lane")
            given = (zones or {}).get(lane_key)
            if given:
                zone = Zone(given)
            elif not lanes:
                zone = Zone.CUSTOMER  # the journey's first actor is the one whose journey it is
            else:
                guessed = guess_zone(lane_key)
                zone = guessed or Zone.CUSTOMER
                how = "guessed" if guessed else "default"
                notes.append(say(f"interop.mermaid.actor-{how}", actor=lane_key, zone=zone_named(zone)))
            lanes[lane_key] = {"id": lane_id, "zone": zone.value}
        step: dict[str, Any] = {"id": unique_id(found.group("task"), step_ids), "lane": lanes[lane_key]["id"],
                                "label": found.group("task").strip()}
        if phase:
            step["phase"] = phase
        if actors:
            step["owner"] = ", ".join(actors)
        step["emotion"] = emotion
        steps.append(step)
    if not steps:
        raise import_error(path, header + 1, 1, say("interop.mermaid.no-tasks"))
    for step, following in zip(steps, steps[1:]):
        step["next"] = [following["id"]]
    data_out = first_keys(path, title, "journey", [text])
    data_out["lanes"] = sorted(lanes.values(), key=lambda lane: Zone(lane["zone"]).order)
    if phases:
        data_out["phases"] = phases
    data_out["steps"] = steps
    notes.append(say("interop.mermaid.in-order"))
    return Imported(data_out, notes)
