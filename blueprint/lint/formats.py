"""Output formats for findings: ``standard``, ``parsable``, ``json``, ``sarif`` and ``github``.

Each takes ``locale``: ``"en"`` (the default) writes the English messages, ``"zh"`` the Chinese
ones, any language of the catalogue its own (and, in ``standard``, its words around them; in
``sarif``, the rules' docs in it).
Levels, rule ids and the JSON keys stay the same in both.

No format prints a control or bidi character raw (:mod:`blueprint.controls`): a file name or a key
cannot drive the terminal, start a line of its own, or issue a GitHub workflow command.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections import Counter
from pathlib import PurePath, PurePosixPath
from typing import Iterable, TextIO
from urllib.parse import quote

from ..controls import json_visible, visible
from ..phrases import Phrase, say
from ..version import __version__
from ..words import word
from . import docs, registry
from .linter import Finding

__all__ = ["FORMATS", "render", "standard", "parsable", "json_text", "sarif", "github", "use_color"]

FORMATS = ("standard", "parsable", "json", "sarif", "github")

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_DIM, _UNDERLINE, _RESET = "\033[2m", "\033[4m", "\033[0m"
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: Where SARIF viewers send a user who asks what the tool is: the package's page on the index.
INFORMATION_URI = "https://pypi.org/project/service-blueprint/"
#: The code scanning category of these results (SARIF runAutomationDetails: "category/" + no instance).
AUTOMATION_ID = "blueprint-lint/"


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def render(findings: list[Finding], fmt: str, *, color: bool = False, locale: str = "en",
           base_dir: str | None = None) -> str:
    """The findings in format ``fmt`` (one of :data:`FORMATS`), their messages in ``locale``.

    ``base_dir`` (``sarif`` only): file URIs are written relative to it, the repository's root.
    """
    if fmt == "standard":
        return standard(findings, color=color, locale=locale)
    if fmt == "parsable":
        return parsable(findings, locale=locale)
    if fmt == "json":
        return json_text(findings, locale=locale)
    if fmt == "sarif":
        return sarif(findings, locale=locale, base_dir=base_dir)
    if fmt == "github":
        return github(findings, locale=locale)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def _by_file(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.path, []).append(finding)
    return grouped


def standard(findings: list[Finding], *, color: bool = False, locale: str = "en") -> str:
    """For people: findings grouped by file, then a count; empty when there are none.

    >>> found = [Finding("a.yaml", 3, 7, "error", "cycle", "break the loop", "打断循环")]
    >>> print(standard(found), end="")
    a.yaml
      3:7       error    break the loop  (cycle)
    <BLANKLINE>
    1 problem (1 error, 0 warnings, 0 info)
    >>> print(standard(found, locale="zh"), end="")
    a.yaml
      3:7       错误     打断循环  (cycle)
    <BLANKLINE>
    共 1 个问题（1 个错误，0 个警告，0 个提示）
    """
    if not findings:
        return ""

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    out = []
    for path, group in _by_file(findings).items():
        out.append(paint(visible(path), _UNDERLINE))
        for f in group:
            place = paint(f"{f.line}:{f.column}".ljust(9), _DIM)
            level = paint(_padded(word(f"lint.level.{f.level}", locale, default=f.level), 7),
                          _COLORS.get(f.level, ""))
            out.append(f"  {place} {level}  {visible(f.text(locale))}  {paint(f'({f.rule})', _DIM)}")
        out.append("")
    counts = Counter(f.level for f in findings)
    counted = {f"{kind}s": _count(kind, counts[kind]) for kind in ("error", "warning", "info")}
    out.append(say("lint.count.summary", problems=_count("problem", len(findings)), **counted).text(locale))
    return "\n".join(out) + "\n"


def _count(what: str, number: int) -> Phrase:
    """``1 error``, ``3 errors``, ``3 个错误``."""
    return say(f"lint.count.{what}.{'one' if number == 1 else 'many'}", n=number)


def _padded(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns (a Chinese character takes two)."""
    width = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * (columns - width)


def parsable(findings: list[Finding], *, locale: str = "en") -> str:
    """One ``path:line:col: [level] message (rule-id)`` line per finding."""
    return "".join(f"{finding.describe(locale)}\n" for finding in findings)


def json_text(findings: list[Finding], *, locale: str = "en") -> str:
    """A JSON list of ``{path, line, column, level, rule, message}``."""
    rows = [
        {"path": f.path, "line": f.line, "column": f.column, "level": f.level, "rule": f.rule,
         "message": f.text(locale)}
        for f in findings
    ]
    return json_visible(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n"


def _uri(path: str) -> str:
    """A SARIF artifact URI: relative paths stay relative (POSIX separators), absolute ones are file URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(PurePosixPath(*pure.parts).as_posix() if pure.parts else path, safe="/")


def _location(path: str, base_dir: str | None) -> dict:
    """A SARIF artifactLocation: relative to ``base_dir`` (as ``%SRCROOT%``) when the file is under it.

    Code scanning matches results to files by a URI relative to the repository's root, so
    ``../x.yaml`` run from a subdirectory must become ``x.yaml``, not stay ``../x.yaml``.
    """
    if base_dir is None or path.startswith("<"):  # no root given, or <stdin>
        return {"uri": _uri(path)}
    full = os.path.abspath(path)
    relative = os.path.relpath(full, base_dir)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return {"uri": _uri(full)}  # outside the repository: an absolute file URI
    return {"uri": _uri(relative), "uriBaseId": "%SRCROOT%"}


def _sarif_rule(module, locale: str) -> dict:
    summary = docs.summary(module, locale)
    what_it_finds = docs.section_names(locale)[0]
    text = docs.doc(module, locale).strip()
    return {
        "id": module.ID,
        "name": "".join(word.capitalize() for word in module.ID.split("-")),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": docs.sections(module, locale).get(what_it_finds, summary)},
        "help": {"text": text, "markdown": text},
        "defaultConfiguration": {"level": _SARIF_LEVELS[module.LEVEL]},
    }


def sarif(findings: list[Finding], *, locale: str = "en", base_dir: str | None = None) -> str:
    """SARIF 2.1.0 for code scanning: every rule with its docs, one result per finding.

    With ``base_dir`` (the repository's root) file URIs are relative to it, under ``%SRCROOT%``.
    """
    rule_ids = list(registry.RULES)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    results = []
    for f in findings:
        result = {
            "ruleId": f.rule,
            "level": _SARIF_LEVELS.get(f.level, "warning"),
            "message": {"text": f.text(locale)},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": _location(f.path, base_dir),
                    "region": {"startLine": f.line, "startColumn": f.column},
                },
            }],
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        results.append(result)
    run = {
        "tool": {"driver": {
            "name": "blueprint-lint",
            "version": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [_sarif_rule(registry.RULES[rule_id], locale) for rule_id in rule_ids],
        }},
        "automationDetails": {"id": AUTOMATION_ID},
        # Our columns count characters (code points), not UTF-16 units.
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if base_dir is not None:
        root = PurePath(os.path.abspath(base_dir)).as_uri().rstrip("/") + "/"
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": root}}
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_visible(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"


def _escape_data(text: str) -> str:
    """GitHub's encoding of a command's data (``%``, CR, LF), other controls written visibly."""
    return visible(text, keep_line_breaks=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(findings: list[Finding], *, locale: str = "en") -> str:
    r"""GitHub Actions workflow commands, one annotation per finding.

    >>> print(github([Finding("a,b.yaml", 2, 3, "info", "empty-lane", "50% done\nnext")]), end="")
    ::notice file=a%2Cb.yaml,line=2,col=3,title=empty-lane::50%25 done%0Anext
    """
    lines = []
    for f in findings:
        properties = ",".join([
            f"file={_escape_property(f.path)}", f"line={f.line}", f"col={f.column}",
            f"title={_escape_property(f.rule)}",
        ])
        level = _GITHUB_LEVELS.get(f.level, "warning")
        lines.append(f"::{level} {properties}::{_escape_data(f.text(locale))}\n")
    return "".join(lines)
