"""What every format shares: results, size limits, safe XML, zone guessing, ids, and the YAML writer.

An export returns :class:`Exported` (the file's bytes and what the format could not hold); an import
returns :class:`Imported` (the blueprint as plain data, its YAML text, and notes on what was guessed
or could not be carried). Input that cannot be read raises :class:`blueprint.BlueprintError` with
the position of the fault: ``file:line:col`` for text and XML, the sheet, row and column for
spreadsheets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import BlueprintError, Pos
from ..model import Zone
from ..phrases import Phrase, say
from ..words import locales

__all__ = [
    "MAX_IMPORT_BYTES", "ZONE_WORDS", "Exported", "Imported", "check_file_size", "check_size", "first_keys",
    "guess_zone", "import_error", "parse_xml", "skipped_steps", "to_yaml", "unique_id", "zone_named",
]

_CJK = re.compile(r"[\u3400-\u9fff]")

#: The largest file an import reads. A real step table or process model is far smaller; a bigger
#: file is refused before it is parsed, so a hostile upload costs nothing.
MAX_IMPORT_BYTES = 10 * 1024 * 1024

#: Words in lane and role names that tell a lane's zone, in both languages, checked in this order
#: (a "customer service" lane is staff, so the staff words are looked for before "customer").
ZONE_WORDS: tuple[tuple[Zone, tuple[str, ...]], ...] = (
    (Zone.SUPPORT, ("support", "system", "platform", "database", "it ", "supplier", "vendor", "partner",
                    "支持", "系统", "平台", "数据库", "供应商", "合作方", "总部")),
    (Zone.BACKSTAGE, ("backstage", "back office", "back-office", "backoffice", "back end", "backend",
                      "warehouse", "kitchen", "后台", "后端", "后勤", "仓库", "内部")),
    (Zone.FRONTSTAGE, ("frontstage", "front stage", "front office", "front desk", "front-line",
                       "staff", "employee", "clerk", "agent", "service", "counter", "reception",
                       "guide", "cashier", "nurse", "doctor", "teller", "courier", "engineer",
                       "前台", "员工", "柜台", "柜员", "客服", "导购", "营业员", "服务", "接待", "护士",
                       "医生", "工程师", "快递员", "大堂")),
    (Zone.CUSTOMER, ("customer", "client", "guest", "patient", "user", "visitor", "passenger", "buyer",
                     "consumer", "me", "顾客", "客户", "用户", "游客", "患者", "病人", "乘客", "访客",
                     "消费者", "旅客")),
)

@dataclass
class Exported:
    """A file to hand to a user: its content, its extension, and what the format could not hold."""

    content: bytes
    extension: str
    media_type: str
    lost: list[Phrase] = field(default_factory=list)


@dataclass
class Imported:
    """A blueprint read from another format: plain data (the YAML's mapping), its text, and notes."""

    data: dict[str, Any]
    notes: list[Phrase] = field(default_factory=list)

    @property
    def yaml(self) -> str:
        return to_yaml(self.data)


def import_error(path: str, line: int, column: int, message: Phrase) -> BlueprintError:
    """The error an import raises for input it cannot read (rule ``import``)."""
    return BlueprintError("import", message, Pos(path, line, column))


def skipped_steps(grid) -> list[Phrase]:
    """What an export of a laid-out picture (``grid``, a :class:`blueprint.layout.Grid`) leaves out:
    the steps in no known lane, if any."""
    if not grid.skipped:
        return []
    return [say("interop.steps-without-lane", steps=", ".join(step.id for step in grid.skipped))]


def zone_named(zone: Zone) -> Phrase:
    """A zone as a note names it (``frontstage``; ``前台接触``)."""
    return say(f"interop.zone.{zone.value}")


def check_size(data: bytes, path: str, limit: int = MAX_IMPORT_BYTES) -> None:
    """Refuse ``data`` larger than ``limit`` bytes before anything parses it.

    >>> check_size(b"x" * 11, "big.csv", limit=10)
    Traceback (most recent call last):
    ...
    blueprint.errors.BlueprintError: big.csv:1:1: the file is 11 bytes, more than the 10 bytes an import reads (import)
    """
    check_file_size(len(data), path, limit)


def check_file_size(size: int, path: str, limit: int = MAX_IMPORT_BYTES) -> None:
    """Refuse a file of ``size`` bytes when it is larger than ``limit`` (before reading it)."""
    if size > limit:
        def human(n: int) -> str:
            return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"

        raise import_error(path, 1, 1, say("interop.too-big", size=human(size), limit=human(limit)))


def guess_zone(name: str | None) -> Zone | None:
    """The zone a lane or role name suggests, or None.

    >>> guess_zone("Counter clerk"), guess_zone("顾客"), guess_zone("BOSS 系统"), guess_zone("Bob")
    (<Zone.FRONTSTAGE: 'frontstage'>, <Zone.CUSTOMER: 'customer'>, <Zone.SUPPORT: 'support'>, None)
    """
    if not name:
        return None
    text = f" {name.strip().casefold()} "
    for zone in Zone:
        if text.strip() in (zone.value, *(zone.label(locale).casefold() for locale in locales())):
            return zone
    for zone, found in ZONE_WORDS:
        for word in found:
            if word.isascii() and re.search(rf"(?<![a-z]){re.escape(word.strip())}(?![a-z])", text):
                return zone
            if not word.isascii() and word in text:
                return zone
    return None


def first_keys(path: str, title: str | None, untitled: str, texts: Iterable[str],
               locale: str | None = None) -> dict[str, Any]:
    r"""An imported blueprint's first keys: ``blueprint: 1``; the ``title`` found in the file, else the
    file's name without its extension, else ``untitled``; the ``locale`` the file gives, else ``zh``
    when one of ``texts`` (its words) holds a Chinese character, else ``en``.

    >>> first_keys("C:\\in\\开户.bpmn", None, "process", ["Open an account"])
    {'blueprint': 1, 'title': '开户', 'locale': 'en'}
    >>> first_keys("", "Hall", "journey", ["取号"])
    {'blueprint': 1, 'title': 'Hall', 'locale': 'zh'}
    """
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", path.replace("\\", "/").rsplit("/", 1)[-1])
    locale = locale or ("zh" if any(_CJK.search(text) for text in texts) else "en")
    return {"blueprint": 1, "title": title or stem or untitled, "locale": locale}


def unique_id(text: str, taken: set[str], default: str = "step") -> str:
    """An id from ``text`` (white space becomes ``-``) that is not in ``taken``; adds it to ``taken``.

    >>> taken = set()
    >>> unique_id("Take a number", taken), unique_id("Take a number", taken), unique_id(" ", taken)
    ('Take-a-number', 'Take-a-number-2', 'step')
    """
    base = re.sub(r"\s+", "-", text.strip())[:60].strip("-") or default
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


# ---------------------------------------------------------------------------------------------
# XML


def _line_keeping_parser():
    from defusedxml.ElementTree import DefusedXMLParser

    class LineKeepingParser(DefusedXMLParser):
        """defusedxml's parser (no DTD entities, no external references) that keeps each start tag's position."""

        def _start(self, tag, attr_list):
            element = super()._start(tag, attr_list)
            element.sourceline = self.parser.CurrentLineNumber
            element.sourcecolumn = self.parser.CurrentColumnNumber + 1
            return element

    return LineKeepingParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)


def parse_xml(data: bytes, path: str):
    """Parse untrusted XML into an ElementTree root whose elements know ``sourceline``/``sourcecolumn``.

    A DTD (the carrier of XXE and "billion laughs" entity expansion) is refused outright, as are
    entities and external references; malformed XML names its line and column.
    """
    from xml.parsers.expat import ExpatError

    from defusedxml import DefusedXmlException

    check_size(data, path)
    parser = _line_keeping_parser()
    try:
        parser.feed(data)
        return parser.close()
    except DefusedXmlException as error:
        line = getattr(parser.parser, "CurrentLineNumber", 1)
        column = getattr(parser.parser, "CurrentColumnNumber", 0) + 1
        raise import_error(path, line, column,
                           say("interop.xml-refused", error=type(error).__name__)) from None
    # ElementTree's ParseError is a SyntaxError; defusedxml 0.7.0 raises it from a second copy of
    # ElementTree (so not xml.etree.ElementTree.ParseError itself), or lets expat's error through.
    except (SyntaxError, ExpatError) as error:
        line, column = getattr(error, "position", None) or (error.lineno, error.offset)
        reason = str(error).split(":")[0]
        raise import_error(path, line, column + 1, say("interop.xml-malformed", reason=reason)) from None


# ---------------------------------------------------------------------------------------------
# YAML


class _Dumper(yaml.SafeDumper):
    """Block style for the file, flow style for short lists of ids (``next: [a, b]``)."""


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    short = all(isinstance(item, str) and len(item) < 40 and "\n" not in item for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=short and len(value) <= 6)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_str)


def to_yaml(data: dict[str, Any]) -> str:
    """A blueprint mapping as YAML text, keys in the order given, Chinese kept readable.

    >>> print(to_yaml({"blueprint": 1, "title": "进厅", "steps": [{"id": "a", "next": ["b", "c"]}]}))
    blueprint: 1
    title: 进厅
    steps:
    - id: a
      next: [b, c]
    <BLANKLINE>
    """
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
