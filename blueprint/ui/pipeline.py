"""The app's pure work: YAML text in, plain data out (load result, findings, details, drawing, files).

:func:`load_text` reads a text once into a :class:`Loaded`; every other function takes that
result (and the language where words depend on it) and returns new values, never changing its
input and keeping nothing between calls: no Streamlit, no cache. Caching is the app's, in one
place (:mod:`blueprint.ui.cached`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from ..durations import compact_duration, format_duration
from ..errors import Bilingual, BlueprintError
from ..lint import Finding, lint_blueprint, registry
from ..lint import docs as rule_docs
from ..loader import KEYS, TOUCHPOINTS, loads
from ..model import Blueprint
from ..phrases import IdList, Phrase, say
from ..safeyaml import DEFAULT_LIMITS, Limits, decode

__all__ = [
    "EDITOR_PATH",
    "analysis_report",
    "comparison",
    "diff_marks",
    "converted",
    "EXPORT_KINDS",
    "ExampleInfo",
    "LoadError",
    "Loaded",
    "Upload",
    "completions",
    "examples",
    "export_file",
    "file_kind",
    "export_name",
    "finding_rows",
    "labels",
    "findings",
    "last_good",
    "load_text",
    "preview_svg",
    "read_upload",
    "rule_doc",
    "step_at_line",
    "step_details",
    "step_ids",
    "step_line",
    "summary",
    "svg",
    "thumbnail_svg",
    "touchpoint_report",
]

#: The name findings carry for the text in the editor.
EDITOR_PATH = "<editor>"


@dataclass(frozen=True, slots=True)
class LoadError(Bilingual):
    """Why a text did not load at all, and where; ``text(locale)`` is the message in a language, on one line."""

    rule: str
    message: str
    line: int
    column: int
    message_zh: str = field(default="", compare=False)
    phrase: Phrase | None = field(default=None, compare=False)

    @classmethod
    def of(cls, error: BlueprintError) -> LoadError:
        """The error on one line each language (a YAML message can run over several)."""
        return cls(error.rule, " ".join(error.message.split()), error.pos.line, error.pos.column,
                   " ".join(error.message_zh.split()), getattr(error, "phrase", None))

    @classmethod
    def said(cls, rule: str, phrase: Phrase, line: int = 1, column: int = 1) -> LoadError:
        """The catalogue message ``phrase`` (in any language) at ``line``:``column``."""
        return cls(rule, phrase.text("en"), line, column, phrase.text("zh"), phrase)

    @classmethod
    def not_a_blueprint(cls, keys: list[str], line: int = 1, column: int = 1) -> LoadError:
        """A YAML mapping that holds none of a blueprint's keys; ``keys`` are the ones it has."""
        found = say("app.has-keys", keys=IdList(tuple(key[:40] for key in keys))) if keys else say("app.empty-mapping")
        return cls.said("schema", say("app.not-a-blueprint", found=found), line, column)

    @classmethod
    def crash(cls, error: Exception) -> LoadError:
        """A loader bug, said as a load error: the text is kept and shown, never locked out."""
        detail = " ".join(f"{type(error).__name__}: {error}"[:300].split())
        return cls.said("rule-error", say("app.loader-crash", detail=detail))

    def _shaped(self, text: str) -> str:
        return " ".join(text.split())  # one line, as of() keeps given texts


@dataclass(frozen=True, slots=True)
class Loaded:
    """A text's load result: the blueprint, or the error that stopped loading.

    The functions below only read the blueprint; whoever keeps a ``Loaded`` for reuse must not
    change it either.
    """

    text: str
    blueprint: Blueprint | None
    error: LoadError | None

    @property
    def ok(self) -> bool:
        return self.blueprint is not None


def load_text(text: str, limits: Limits = DEFAULT_LIMITS) -> Loaded:
    """Load ``text``; never raises for bad input (the error comes back with its position).

    A YAML mapping with neither ``blueprint`` nor ``steps`` (``foo: bar``, a config file) is
    some other file, not a blueprint with mistakes: it gets one error saying so, not a list of
    missing keys and an empty drawing.
    """
    try:
        bp = loads(text, EDITOR_PATH, limits=limits)
    except BlueprintError as error:
        return Loaded(text, None, LoadError.of(error))
    except Exception as error:  # noqa: BLE001 - a text the app saved must stay one it can show
        return Loaded(text, None, LoadError.crash(error))
    if "blueprint" not in bp.key_pos and "steps" not in bp.key_pos:
        return Loaded(text, None, LoadError.not_a_blueprint(list(bp.key_pos), bp.pos.line, bp.pos.column))
    return Loaded(text, bp, None)


def last_good(texts) -> str | None:
    """The first of ``texts`` that loads (a draft's history, newest first): its last good picture."""
    for text in texts:
        if load_text(text).ok:
            return text
    return None


def findings(loaded: Loaded) -> list[Finding]:
    """The lint findings of ``text`` in file order; a text that does not load gives its one error.

    Each finding carries its message in both languages, so a change of language needs no new lint.
    (``blueprint.lint`` would read a one-line text as a file path: the editor's text is always
    loaded here first and linted as a blueprint.)
    """
    if loaded.blueprint is None:
        error = loaded.error
        return [Finding(EDITOR_PATH, error.line, error.column, "error", error.rule, error.message,
                        error.message_zh)]
    try:
        found = lint_blueprint(loaded.blueprint)
    except Exception as error:  # noqa: BLE001 - the linter's own bug: said, not raised at the page
        crash = LoadError.crash(error)
        return [Finding(EDITOR_PATH, 1, 1, "error", crash.rule, crash.message, crash.message_zh)]
    # Written out once here, in both languages: the app keeps findings in st.cache_data, whose
    # every read is a fresh copy, so a text left to be written when read was written on every rerun.
    for finding in found:
        finding.message, finding.message_zh  # noqa: B018 - read for the writing
    return found


def finding_rows(found: list[Finding], locale: str) -> list[dict]:
    """Findings as ``{line, column, level, rule, message}`` rows, the message in ``locale``:
    what the findings table and the editor's markers show."""
    return [{"line": f.line, "column": f.column, "level": f.level, "rule": f.rule,
             "message": f.text(locale)} for f in found]


def summary(loaded: Loaded) -> dict:
    """Title, locale and counts for the page header; ``title`` is None when the text does not load."""
    bp = loaded.blueprint
    if bp is None:
        return {"title": None, "locale": None, "steps": 0, "lanes": 0, "phases": 0}
    return {"title": bp.title or None, "locale": bp.locale, "steps": len(bp.steps),
            "lanes": len(bp.lanes), "phases": len(bp.phases)}


def rule_doc(rule_id: str, locale: str = "en") -> str | None:
    """A rule's documentation as Markdown (its docstring, or its ``DOC_ZH`` in Chinese), or None
    for an unknown rule."""
    module = registry.RULES.get(rule_id)
    if module is None:
        return None
    doc = rule_docs.doc(module, locale).strip()
    head, _, body = doc.partition("\n")
    # The docstring's sections are level-2 headings; inside the app they sit under the rule's name.
    return f"**{rule_id}**: {head}\n" + body.replace("\n## ", "\n#### ")


# -- steps and lines -----------------------------------------------------------------------------


def _step_spans(bp: Blueprint) -> list[tuple[int, int, str]]:
    """``(first line, last line, step id)`` for each step, in file order."""
    steps = sorted(bp.steps, key=lambda step: (step.pos.line, step.pos.column))
    spans = []
    for step, following in zip(steps, steps[1:] + [None]):
        last = following.pos.line - 1 if following is not None else _block_end(bp, step.pos.line)
        spans.append((step.pos.line, max(last, step.pos.line), step.id))
    return spans


def _block_end(bp: Blueprint, start: int) -> int:
    """The last line of the final step: before the next top-level key after the steps, else the end."""
    lines = bp.text.splitlines()
    for number in range(start, len(lines)):
        line = lines[number]
        if line and not line[0].isspace() and not line.startswith(("#", "-")):
            return number
    return len(lines)


def step_at_line(loaded: Loaded, line: int) -> str | None:
    """The id of the step whose YAML holds ``line`` (1-based), or None outside the steps."""
    bp = loaded.blueprint
    if bp is None:
        return None
    for first, last, step_id in _step_spans(bp):
        if first <= line <= last:
            return step_id
    return None


def step_line(loaded: Loaded, step_id: str) -> int | None:
    """The line where step ``step_id`` starts, or None when there is no such step."""
    bp = loaded.blueprint
    step = bp.step_by_id.get(step_id) if bp is not None else None
    return step.pos.line if step is not None else None


def step_ids(loaded: Loaded) -> list[str]:
    """The step ids in file order (empty when the text does not load)."""
    bp = loaded.blueprint
    return [step.id for step in bp.steps] if bp is not None else []


def labels(loaded: Loaded, locale: str = "en") -> dict[str, dict[str, str]]:
    """The labels of this file's lanes, phases and steps by id, as select boxes show them."""
    bp = loaded.blueprint
    if bp is None:
        return {"lane": {}, "phase": {}, "step": {}}
    return {
        "lane": {lane.id: lane.display_label(locale) for lane in bp.lanes},
        "phase": {phase.id: phase.display_label() for phase in bp.phases},
        "step": {step.id: step.label for step in bp.steps},
    }


def step_details(loaded: Loaded, step_id: str, locale: str = "en") -> dict | None:
    """What the detail panel shows of one step, or None when the step is not in the text.

    Durations come twice: ``duration`` as the file writes it (``3min``), ``duration_text`` for
    people (``3 min`` / ``3分钟``).
    """
    bp = loaded.blueprint
    step = bp.step_by_id.get(step_id) if bp is not None else None
    if step is None:
        return None
    lane = bp.lane_by_id.get(step.lane)
    phase = bp.phase_by_id.get(step.phase) if step.phase else None
    recovery = bp.step_by_id.get(step.recovery.id) if step.recovery else None
    wait: str | bool | None = compact_duration(step.wait_max) if step.wait_max else step.wait
    return {
        **step.attributes(),  # what the graph's node carries, then what the panel shows differently
        "id": step.id,
        "lane_label": lane.display_label(locale) if lane else step.lane,
        "phase_label": phase.display_label() if phase else step.phase,
        "duration": compact_duration(step.duration),
        "duration_text": format_duration(step.duration, locale) if step.duration else None,
        "wait": wait,
        "recovery_label": recovery.label if recovery else None,
        "next": [ref.id for ref in step.next],
    }


def completions(loaded: Loaded) -> dict[str, list[str]]:
    """What the editor completes: the format's keys, touchpoint kinds, and this file's ids."""
    keys = sorted({key for group in KEYS.values() for key in group})
    bp = loaded.blueprint
    return {
        "keys": keys,
        "touchpoints": list(TOUCHPOINTS),
        "lanes": [lane.id for lane in bp.lanes] if bp else [],
        "phases": [phase.id for phase in bp.phases] if bp else [],
        "steps": [step.id for step in bp.steps] if bp else [],
    }


# -- touchpoints ---------------------------------------------------------------------------------


def graph(loaded: Loaded) -> nx.MultiDiGraph | None:
    """The blueprint as a graph (a new one each call), or None when the text does not load."""
    return loaded.blueprint.to_graph() if loaded.blueprint is not None else None


def svg(loaded: Loaded) -> tuple[str | None, str | None]:
    """``(svg, None)``, or ``(None, why)`` when Graphviz fails; ``(None, None)`` when the text does
    not load.

    The defaults of ``blueprint render`` (the file's locale, evidence drawn), so the preview is
    exactly what the command line draws.
    """
    from ..render import RenderError, render

    if loaded.blueprint is None:
        return None, None
    try:
        return render(loaded.blueprint, "svg"), None
    except RenderError as error:
        return None, str(error)
    except Exception as error:  # noqa: BLE001 - a renderer bug must not take the editor down with it
        return None, f"{type(error).__name__}: {error}"


_FONT = re.compile(r' font-family="([^"]*)"')
_ROOT_START = re.compile(r"<svg\b")


def preview_svg(svg: str) -> str:
    """The drawing as the preview shows it: the same picture in fewer bytes.

    Graphviz names the font on every ``<text>`` (a fifth of a big drawing's bytes, each sent,
    parsed and styled by the browser on every keystroke); when they all name the same one, it is
    named once on the root element, from which every text inherits it.

    >>> preview_svg('<?xml version="1.0"?>\\n<svg width="9"><text font-family="A, B" x="1">a</text>'
    ...             '<text font-family="A, B">b</text></svg>')
    '<?xml version="1.0"?>\\n<svg font-family="A, B" width="9"><text x="1">a</text><text>b</text></svg>'
    """
    fonts = set(_FONT.findall(svg))
    root = _ROOT_START.search(svg)
    if len(fonts) != 1 or root is None:
        return svg
    font = f' font-family="{fonts.pop()}"'
    body = svg[root.end():].replace(font, "")
    return f"{svg[:root.end()]}{font}{body}"


def touchpoint_report(loaded: Loaded, locale: str = "en") -> dict | None:
    """Every touchpoint table and the chart spec (see :mod:`blueprint.analysis.touchpoints`).

    None when the text does not load. Keys: ``inventory``, ``by_kind``, ``by_channel``,
    ``matrix``, ``employees``, ``equipment``, ``fail_points`` (lists of row dicts or counts) and
    ``chart`` (a Vega-Lite spec).
    """
    from ..analysis import touchpoints as tp
    from .charts import chart_spec

    G = graph(loaded)
    if G is None:
        return None
    return {
        "inventory": tp.inventory(G, locale),
        "by_kind": tp.by_kind(G),
        "by_channel": tp.by_channel(G),
        "matrix": tp.phase_kind_matrix(G, locale),
        "employees": tp.employee_touchpoints(G, locale),
        "equipment": tp.equipment_touchpoints(G, locale),
        "fail_points": tp.fail_points(G),
        "chart": chart_spec(G, locale),
    }


# -- analysis and other tools' formats -------------------------------------------------------------


def analysis_report(loaded: Loaded) -> dict | None:
    """Journey, standards, queues and the timeline (:mod:`blueprint.analysis`); None when the text
    does not load."""
    from ..analysis import analyze
    from ..analysis.journey import timeline

    bp = loaded.blueprint
    if bp is None:
        return None
    lanes = {lane.id: lane.display_label(bp.locale) for lane in bp.lanes_in_zone_order()}
    rows = timeline(bp)
    for row in rows:
        row["lane"] = lanes.get(row["lane"], row["lane"])
    return {**analyze(bp), "timeline": rows, "lanes": list(lanes.values()),
            "labels": {step.id: step.label for step in bp.steps}}


def converted(loaded: Loaded, fmt: str, locale: str = "en") -> tuple[bytes, str, list[str]] | None:
    """The blueprint in another tool's format (:mod:`blueprint.interop`): ``(content, extension,
    what it cannot hold, in locale)``; None when the text does not load."""
    from ..interop import export

    if loaded.blueprint is None:
        return None
    result = export(loaded.blueprint, fmt, locale)
    return result.content, result.extension, [item.text(locale) for item in result.lost]


# -- files: examples and uploads -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExampleInfo:
    """One example of the Start page's gallery."""

    path: str
    title: str
    description: str
    locale: str
    steps: int


def examples(directory: str | Path) -> list[ExampleInfo]:
    """The example blueprints in ``directory`` (``*.yaml``, by file name) that load."""
    found = []
    for path in sorted(Path(directory).glob("*.yaml")):
        loaded = load_text(path.read_text(encoding="utf-8"))
        bp = loaded.blueprint
        if bp is None:
            continue
        found.append(ExampleInfo(str(path), bp.title, bp.description or "", bp.locale, len(bp.steps)))
    return found


_SVG_ROOT = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(r'\s(width|height|preserveAspectRatio)="[^"]*"')


def thumbnail_svg(svg: str, width: int = 1000, height: int = 400) -> str:
    """The SVG drawn in a ``width`` x ``height`` box, top-centred: gallery cards of equal height.

    Only the root element's size changes; its viewBox (the drawing) stays.

    >>> thumbnail_svg('<?xml version="1.0"?><svg width="3768pt" height="1130pt" viewBox="0 0 3768 1130"><g/></svg>')
    '<?xml version="1.0"?><svg width="1000" height="400" preserveAspectRatio="xMidYMin meet" viewBox="0 0 3768 1130"><g/></svg>'
    """
    match = _SVG_ROOT.search(svg)
    if match is None:
        return svg
    root = _SIZE.sub("", match.group(0))
    root = root.replace("<svg", f'<svg width="{width}" height="{height}" preserveAspectRatio="xMidYMin meet"', 1)
    return svg[:match.start()] + root + svg[match.end():]


@dataclass(frozen=True, slots=True)
class Upload:
    """An uploaded file: its text when it can be edited, else why not.

    ``text`` is set whenever the bytes are UTF-8 text within the size limit, even when the text is
    not a blueprint (the editor then shows it with its error). ``error`` is the load error, if any;
    ``kind`` names what a file that is not text at all is (:func:`file_kind`).
    """

    text: str | None
    error: LoadError | None
    kind: str | None = None


#: The first bytes of the files people upload by mistake, and what they are.
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"), (b"%PDF-", "pdf"),
          (b"PK\x03\x04", "zip"))


def file_kind(data: bytes) -> str | None:
    """What a file that is not text is: ``png``, ``jpeg``, ``gif``, ``pdf``, ``zip`` (XLSX and Word
    files are ZIP archives) or ``binary``; None for text (which may still fail to decode).

    >>> file_kind(b"\\x89PNG\\r\\n\\x1a\\n..."), file_kind(b"blueprint: 1\\n"), file_kind(b"a\\x00b")
    ('png', None, 'binary')
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    # UTF-16 text holds NUL bytes too; decode() says how to save it instead.
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return None


def read_upload(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Upload:
    """Check an uploaded file: what it is (a picture, a PDF...), size, encoding (the loader's own
    checks), then whether it loads."""
    kind = file_kind(data)
    if kind is not None:
        return Upload(None, None, kind)
    try:
        text = decode(data, "upload", limits)
    except BlueprintError as error:
        return Upload(None, LoadError.of(error))
    return Upload(text, load_text(text, limits).error)


# -- downloads -----------------------------------------------------------------------------------

#: Downloads on the Export page: kind -> (extension, MIME type).
EXPORT_KINDS: dict[str, tuple[str, str]] = {
    "svg": ("svg", "image/svg+xml"),
    "png": ("png", "image/png"),
    "pdf": ("pdf", "application/pdf"),
    "yaml": ("yaml", "application/yaml"),
    "json": ("json", "application/json"),
    "csv": ("csv", "text/csv"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def export_name(loaded: Loaded, kind: str) -> str:
    """The download's file name: the title made safe (:func:`blueprint.filenames.safe_filename`)."""
    from ..filenames import safe_filename

    title = loaded.blueprint.title if loaded.ok else None
    return safe_filename(title, EXPORT_KINDS[kind][0])


def export_file(loaded: Loaded, kind: str, locale: str = "en", page: str = "none") -> tuple[bytes, str, str]:
    """``(content, file name, MIME type)`` of one download.

    Pictures are exactly ``blueprint render``'s (the file's locale, evidence drawn), the PDF on
    pages of size ``page`` as ``blueprint render --page`` prints them (``none``: one page the size
    of the drawing); ``locale`` is
    the language of the inventory's headings and words (CSV, XLSX). The YAML is the text as it
    is, even when it does not load; the others need a text that loads (``ValueError`` otherwise).
    """
    from ..export import graph_json, inventory_csv, inventory_xlsx
    from ..render import render

    mime = EXPORT_KINDS[kind][1]
    name = export_name(loaded, kind)
    if kind == "yaml":
        return loaded.text.encode("utf-8"), name, mime
    bp = loaded.blueprint
    if bp is None:
        raise ValueError("the text does not load as a blueprint")
    if kind in ("svg", "png", "pdf"):
        data = render(bp, kind, page=page if kind == "pdf" else None)
        return (data.encode("utf-8") if isinstance(data, str) else data), name, mime
    G = graph(loaded)
    if kind == "json":
        return graph_json(G).encode("utf-8"), name, mime
    if kind == "csv":
        return inventory_csv(G, locale), name, mime
    return inventory_xlsx(G, locale), name, mime


# -- as-is / to-be ---------------------------------------------------------------------------------


def diff_marks(result: dict) -> tuple[dict[str, str], dict[str, str]]:
    """What each picture of a diff marks (:func:`blueprint.analysis.diff.diff`'s result): on the
    as-is side removed, moved and changed steps by their ids there; on the to-be side added,
    moved and changed ones. A step that moved and changed is marked moved.

    >>> diff_marks({"added": [{"id": "n"}], "removed": [{"id": "o"}], "renamed": [{"from": "a", "to": "b"}],
    ...             "moved": [{"id": "m"}], "changed": [{"id": "b"}, {"id": "m"}]})
    ({'o': 'removed', 'm': 'moved', 'a': 'changed'}, {'n': 'added', 'm': 'moved', 'b': 'changed'})
    """
    back = {pair["to"]: pair["from"] for pair in result["renamed"]}
    before = {step["id"]: "removed" for step in result["removed"]}
    after = {step["id"]: "added" for step in result["added"]}
    for status in ("moved", "changed"):
        for entry in result[status]:
            before.setdefault(back.get(entry["id"], entry["id"]), status)
            after.setdefault(entry["id"], status)
    return before, after


def comparison(before: Loaded, after: Loaded, locale: str = "en") -> dict | None:
    """The semantic diff from ``before`` (as-is) to ``after`` (to-be) and both pictures with its
    marks (:mod:`blueprint.render.overlay`); None when either text does not load.

    Keys: ``diff`` (:func:`blueprint.analysis.diff.diff`), ``marks`` and ``svg`` (each
    ``{"before", "after"}``; a picture is None when Graphviz failed, ``why`` says why), ``labels``
    (step id -> label on each side).
    """
    from ..analysis.diff import diff
    from ..render.overlay import overlay

    if before.blueprint is None or after.blueprint is None:
        return None
    result = diff(before.blueprint, after.blueprint)
    marks = dict(zip(("before", "after"), diff_marks(result)))
    pictures, why = {}, {}
    for side, loaded in (("before", before), ("after", after)):
        picture, why[side] = svg(loaded)
        pictures[side] = overlay(picture, diff=marks[side], locale=locale) if picture else None
    return {"diff": result, "marks": marks, "svg": pictures, "why": why,
            "labels": {side: {step.id: step.label for step in loaded.blueprint.steps}
                       for side, loaded in (("before", before), ("after", after))}}
