"""Three-way merge of blueprint texts: by step where the YAML allows it, else by line.

Two people started from ``base``; one made ``mine``, the other ``theirs``. What only one side
changed is taken; what both changed the same way is taken once; what both changed differently is
a :class:`Conflict` holding the three versions, for a person to choose. Nothing is resolved
silently.

Steps are merged by id: each item of the top-level ``steps:`` list is one unit, found where the
loader says each step starts, so an edit to one step and an edit to another never collide,
wherever their lines are, and a step added on each side is kept twice over. Inside a step both
sides changed, and outside the steps list (title, lanes, phases, comments), lines are merged as
``diff3`` does. A text that is not YAML, or whose steps are not a block list with unique ids,
is merged by line as a whole.

>>> base = "a\\nb\\nc\\n"
>>> merge3(base, "A\\nb\\nc\\n", "a\\nb\\nC\\n").text
'A\\nb\\nC\\n'
>>> result = merge3(base, "a\\nX\\nc\\n", "a\\nY\\nc\\n")
>>> result.clean, result.conflicts[0].mine, result.conflicts[0].theirs
(False, 'X\\n', 'Y\\n')
>>> result.resolve(["theirs"])
'a\\nY\\nc\\n'
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

__all__ = ["Choice", "Conflict", "MergeResult", "merge3", "merge_lines", "step_chunks"]

#: How a conflict is settled: one side, or both (mine first, then theirs).
Choice = Literal["mine", "theirs", "both"]


@dataclass(frozen=True, slots=True)
class Conflict:
    """A place both sides changed differently: the text of each of the three versions there.

    ``step`` is the id of the step it lies in, None outside the steps; ``line`` is the 1-based
    line in ``theirs`` where the place starts (where a person finds it in the saved text).
    """

    base: str
    mine: str
    theirs: str
    step: str | None = None
    line: int = 1

    def choose(self, choice: Choice) -> str:
        if choice == "mine":
            return self.mine
        if choice == "theirs":
            return self.theirs
        if choice == "both":
            return self.mine + self.theirs if self.mine != self.theirs else self.mine
        raise ValueError(f"not a choice: {choice!r}")


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged text as parts: agreed text (``str``) and the :class:`Conflict` places between."""

    parts: tuple[str | Conflict, ...]

    @property
    def conflicts(self) -> list[Conflict]:
        return [part for part in self.parts if isinstance(part, Conflict)]

    @property
    def clean(self) -> bool:
        return not self.conflicts

    @property
    def text(self) -> str | None:
        """The merged text when there is no conflict, else None."""
        return "".join(self.parts) if self.clean else None  # type: ignore[arg-type]

    def resolve(self, choices: Sequence[Choice]) -> str:
        """The text with each conflict settled by the choice at its index in :attr:`conflicts`."""
        conflicts = self.conflicts
        if len(choices) != len(conflicts):
            raise ValueError(f"{len(conflicts)} conflicts need {len(conflicts)} choices, not {len(choices)}")
        settled = iter(choices)
        return "".join(part if isinstance(part, str) else part.choose(next(settled)) for part in self.parts)


# -- sequences ------------------------------------------------------------------------------------

def _sync_regions(base: Sequence, mine: Sequence, theirs: Sequence) -> list[tuple[int, int, int, int, int, int]]:
    """Runs of ``base`` that both sides kept, as (base start, end, mine start, end, theirs start, end)."""
    mine_blocks = SequenceMatcher(None, base, mine, autojunk=False).get_matching_blocks()
    theirs_blocks = SequenceMatcher(None, base, theirs, autojunk=False).get_matching_blocks()
    regions = []
    i = j = 0
    while i < len(mine_blocks) and j < len(theirs_blocks):
        m_base, m_at, m_len = mine_blocks[i]
        t_base, t_at, t_len = theirs_blocks[j]
        start, end = max(m_base, t_base), min(m_base + m_len, t_base + t_len)
        if start < end:
            m_start, t_start = m_at + start - m_base, t_at + start - t_base
            regions.append((start, end, m_start, m_start + end - start, t_start, t_start + end - start))
        if m_base + m_len < t_base + t_len:
            i += 1
        else:
            j += 1
    regions.append((len(base), len(base), len(mine), len(mine), len(theirs), len(theirs)))
    return regions


def _merge_sequences(base: Sequence[Hashable], mine: Sequence[Hashable], theirs: Sequence[Hashable]
                     ) -> Iterator[tuple[Sequence, Sequence, Sequence] | Sequence]:
    """diff3 over any sequences: agreed runs as one sequence, conflicts as (base, mine, theirs)."""
    at_base = at_mine = at_theirs = 0
    for base_start, base_end, mine_start, mine_end, theirs_start, theirs_end in _sync_regions(base, mine, theirs):
        b, m, t = base[at_base:base_start], mine[at_mine:mine_start], theirs[at_theirs:theirs_start]
        if m or t:
            if m == t:
                yield m
            elif m == b:
                yield t
            elif t == b:
                yield m
            else:
                yield (b, m, t)
        if base_end > base_start:
            yield base[base_start:base_end]
        at_base, at_mine, at_theirs = base_end, mine_end, theirs_end


def merge_lines(base: str, mine: str, theirs: str, *, step: str | None = None, first_line: int = 1) -> MergeResult:
    """The line-by-line three-way merge (``diff3``) of three texts.

    ``step`` and ``first_line`` go into the conflicts (where the texts sit in a larger one).

    >>> merge_lines("x\\n", "x\\ny\\n", "w\\nx\\n").text
    'w\\nx\\ny\\n'
    """
    base_lines, mine_lines, theirs_lines = (text.splitlines(keepends=True) for text in (base, mine, theirs))
    parts: list[str | Conflict] = []
    line = first_line
    for piece in _merge_sequences(base_lines, mine_lines, theirs_lines):
        if isinstance(piece, tuple):
            b, m, t = piece
            parts.append(Conflict("".join(b), "".join(m), "".join(t), step, line))
            line += len(t)
        else:
            parts.append("".join(piece))
            line += len(piece)
    return MergeResult(tuple(_joined(parts)))


def _joined(parts: list[str | Conflict]) -> Iterator[str | Conflict]:
    """Adjacent agreed texts as one, empty ones dropped."""
    pending = ""
    for part in parts:
        if isinstance(part, str):
            pending += part
            continue
        if pending:
            yield pending
            pending = ""
        yield part
    if pending:
        yield pending


# -- steps ----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Chunks:
    head: str
    steps: dict[str, str]
    tail: str


def step_chunks(text: str) -> tuple[str, list[tuple[str, str]], str] | None:
    """See :func:`_step_chunks`; the last few texts are remembered (a head is merged with often)."""
    found = _step_chunks(text)
    return None if found is None else (found[0], list(found[1]), found[2])


@lru_cache(maxsize=16)
def _step_chunks(text: str) -> tuple[str, tuple[tuple[str, str], ...], str] | None:
    """The text cut at its steps: (before the steps, [(step id, its lines)], after), or None.

    The loader gives each step's id and the line and column where it starts; each step's lines
    run from its ``-`` line to the next step's, the last one's to the next top-level key. The
    pieces joined give the text back exactly. None when the text does not load, or its steps are
    not the items of one block list at column 0's ``steps:``, each with a distinct id.

    >>> step_chunks("title: t\\nsteps:\\n  - id: a\\n  - id: b\\nlanes: []\\n")
    ('title: t\\nsteps:\\n', [('a', '  - id: a\\n'), ('b', '  - id: b\\n')], 'lanes: []\\n')
    """
    from ..errors import BlueprintError
    from ..loader import loads

    try:
        steps = loads(text).steps
    except (BlueprintError, RecursionError, ValueError):
        return None
    ids = [step.id for step in steps]
    if not steps or not all(isinstance(i, str) and i for i in ids) or len(set(ids)) != len(ids):
        return None
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    starts: list[int] = []  # 0-based line index of each step's ``-`` line
    for step in steps:
        index, column = step.pos.line - 1, step.pos.column - 1
        if index >= len(lines):
            return None
        before = lines[index][:column]
        if not _DASH_BEFORE.fullmatch(before):
            if before.strip():
                return None
            index -= 1  # ``-`` on a line of its own, the step's keys below it
            while index >= 0 and not lines[index].strip():
                index -= 1
            if index < 0 or not _DASH_ALONE.fullmatch(lines[index]):
                return None
        starts.append(index)
    indents = {len(lines[i]) - len(lines[i].lstrip(" ")) for i in starts}
    if len(indents) != 1 or any(a >= b for a, b in zip(starts, starts[1:])):
        return None
    # The list ends at the next line that starts at column 0 with something other than a comment.
    end = next((i for i in range(starts[-1] + 1, len(lines))
                if lines[i][:1] not in ("", " ", "\t", "#", "\n", "\r")), len(lines))
    bounds = [offsets[i] for i in starts] + [offsets[end]]
    pieces = [(step_id, text[bounds[i]:bounds[i + 1]]) for i, step_id in enumerate(ids)]
    head, tail = text[:bounds[0]], text[bounds[-1]:]
    if not _STEPS_KEY.search(head):
        return None
    return head, tuple(pieces), tail


_DASH_BEFORE = re.compile(r"[ ]*-[ ]+")
_DASH_ALONE = re.compile(r"[ ]*-[ ]*(#[^\n]*)?\r?\n?")
_STEPS_KEY = re.compile(r"^steps:[ ]*(#[^\n]*)?\r?\n(?:[ ]*(#[^\n]*)?\r?\n)*\Z", re.M)


def _order(base: list[str], mine: list[str], theirs: list[str]) -> list[str]:
    """The merged order of step ids: diff3 on the id lists; where both sides moved or added
    steps at one place, theirs first, then mine's not already there."""
    order: list[str] = []
    for piece in _merge_sequences(base, mine, theirs):
        if isinstance(piece, tuple):
            _b, m, t = piece
            order.extend(t)
            order.extend(step_id for step_id in m if step_id not in t)
        else:
            order.extend(piece)
    seen: set[str] = set()
    order = [step_id for step_id in order if not (step_id in seen or seen.add(step_id))]
    # A step one side deleted from the order may still be kept (the other side changed it): put
    # it back after the step it followed, for the step merge to decide.
    for side in (theirs, mine, base):
        for index, step_id in enumerate(side):
            if step_id in seen:
                continue
            before = next((side[i] for i in range(index - 1, -1, -1) if side[i] in seen), None)
            order.insert(order.index(before) + 1 if before is not None else 0, step_id)
            seen.add(step_id)
    return order


def _merge_step(step_id: str, base: str | None, mine: str | None, theirs: str | None) -> list[str | Conflict]:
    """One step's merged lines (empty when it is deleted), or the conflict over it."""
    if mine == theirs:
        return [mine] if mine else []
    if mine == base:
        return [theirs] if theirs else []
    if theirs == base:
        return [mine] if mine else []
    if base is None or mine is None or theirs is None:
        # Added twice with different text, or changed on one side and deleted on the other.
        return [Conflict(base or "", mine or "", theirs or "", step_id)]
    return list(merge_lines(base, mine, theirs, step=step_id).parts)


def merge3(base: str, mine: str, theirs: str) -> MergeResult:
    """Merge ``mine`` and ``theirs``, both made from ``base``: by step, else by line.

    >>> base = "steps:\\n  - id: a\\n    label: A\\n  - id: b\\n    label: B\\n"
    >>> mine = base.replace("label: A", "label: A2")
    >>> theirs = base.replace("label: B", "label: B2")
    >>> print(merge3(base, mine, theirs).text, end="")
    steps:
      - id: a
        label: A2
      - id: b
        label: B2
    """
    if mine == theirs:
        return MergeResult((mine,) if mine else ())
    if mine == base:
        return MergeResult((theirs,) if theirs else ())
    if theirs == base:
        return MergeResult((mine,) if mine else ())
    cut = [step_chunks(text) for text in (base, mine, theirs)]
    if any(found is None for found in cut):
        return merge_lines(base, mine, theirs)
    (b_head, b_steps, b_tail), (m_head, m_steps, m_tail), (t_head, t_steps, t_tail) = cut  # type: ignore[misc]
    b_map, m_map, t_map = dict(b_steps), dict(m_steps), dict(t_steps)
    parts: list[str | Conflict] = list(merge_lines(b_head, m_head, t_head).parts)
    order = _order([i for i, _ in b_steps], [i for i, _ in m_steps], [i for i, _ in t_steps])
    for step_id in order:
        merged = _merge_step(step_id, b_map.get(step_id), m_map.get(step_id), t_map.get(step_id))
        parts.extend(_ended(merged))
    parts.extend(merge_lines(b_tail, m_tail, t_tail).parts)
    return MergeResult(tuple(_joined(_numbered(parts))))


def _ended(parts: list[str | Conflict]) -> list[str | Conflict]:
    """A step's text ends with a line break, so the next step starts on a line of its own."""
    if parts and isinstance(parts[-1], str) and parts[-1] and not parts[-1].endswith("\n"):
        return [*parts[:-1], parts[-1] + "\n"]
    return parts


def _numbered(parts: list[str | Conflict]) -> list[str | Conflict]:
    """The conflicts with ``line`` set to where they start in the merged text (theirs chosen)."""
    numbered: list[str | Conflict] = []
    line = 1
    for part in parts:
        if isinstance(part, Conflict):
            numbered.append(Conflict(part.base, part.mine, part.theirs, part.step, line))
            line += part.theirs.count("\n")
        else:
            numbered.append(part)
            line += part.count("\n")
    return numbered
