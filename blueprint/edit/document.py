"""YAML text edited by position: every change replaces a span of the text, the rest stays byte for byte.

A :class:`Document` parses the text once (PyYAML's composer over libyaml, the reader the loader uses,
so both see the same structure) and keeps the nodes with their character spans. Edits are collected
against that one parse and spliced in together by :meth:`Document.result`. Comments, blank lines,
key order, quoting, flow or block style and indentation of everything not edited are never rewritten:
no YAML is dumped, only the new values are written (see :mod:`blueprint.edit.quoting`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

import yaml

from ..phrases import say
from .parsed import Node, Parsed, is_map, is_scalar, is_seq
from .quoting import EditError, flow_value, scalar

__all__ = ["Document", "Node", "is_map", "is_seq", "is_scalar"]


def _quote_style(node: Node) -> str | None:
    """The quotes the user wrote on a scalar (kept when it is replaced), else None."""
    return node.style if is_scalar(node) and node.style in ("'", '"') else None


class Document(Parsed):
    """One parse of YAML text (:class:`~blueprint.edit.parsed.Parsed`), and the edits to splice into it.

    Args:
        text: the YAML text. It must be one document whose top level is a mapping.

    Raises:
        EditError: the text is not YAML or its top level is not a mapping.
    """

    def __init__(self, text: str):
        super().__init__(text)
        # New lines follow the file's line ends (a file saved on Windows keeps \r\n).
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self._edits: list[tuple[int, int, int, str]] = []

    def replace(self, start: int, end: int, new_text: str) -> None:
        """Replace ``text[start:end]`` (an insertion when they are equal)."""
        if start == end == len(self.text) and self.text and not self.text.endswith("\n"):
            new_text = "\n" + new_text.rstrip("\n")
        if self.newline != "\n":
            new_text = new_text.replace("\n", self.newline)
        self._edits.append((start, end, len(self._edits), new_text))

    def set_scalar(self, node: Node, value: object, *, flow: bool) -> None:
        """Replace one scalar value. Quotes the user chose to write on a value that needs none are
        kept (``label: "Enter"``); quotes a value needed (``'yes'``) go when the new one needs none."""
        self.check_free(node)
        style = _quote_style(node)
        if style and scalar(node.value, flow=flow) != node.value:
            style = None  # the old value needed its quotes; the new one gets what it needs
        text = scalar(value, flow=flow, style=style, column=node.start_mark.column)
        self.replace(node.start_mark.index, self.content_end(node), text)

    def set_value(self, mapping: yaml.MappingNode, key: str, value: object) -> None:
        """Set an existing key of ``mapping`` to ``value`` (a scalar or a list of scalars)."""
        key_node, node = self.entries(mapping)[key]
        self.check_free(mapping, node)
        flow = bool(mapping.flow_style)
        if not isinstance(value, list):
            if is_scalar(node) and not _empty_plain(node):
                self.set_scalar(node, value, flow=flow)
            else:
                text = scalar(value, flow=flow, column=key_node.start_mark.column)
                self._replace_collection(key_node, node, text)
            return
        if is_seq(node) and all(is_scalar(item) for item in node.value):
            self._set_list(node, value)
        elif is_scalar(node) and len(value) == 1 and not _empty_plain(node):
            self.set_scalar(node, value[0], flow=flow)
        else:
            self._replace_collection(key_node, node, flow_value(value))

    def _replace_collection(self, key_node: Node, node: Node, new_text: str) -> None:
        """Replace a value that is not a plain scalar: a collection, or an empty value."""
        if (is_scalar(node) and not _empty_plain(node)) or getattr(node, "flow_style", False):
            self.replace(node.start_mark.index, self.content_end(node), new_text)
            return
        # An empty value, or a block collection starting on a later line: write after the colon.
        colon = self.text.index(":", key_node.end_mark.index)
        end = colon + 1 if is_scalar(node) else self.content_end(node)
        self.replace(colon + 1, end, " " + new_text)

    def _set_list(self, node: yaml.SequenceNode, values: list) -> None:
        """Change a list of scalars item by item where possible, so comments between items stay."""
        old = [item.value for item in node.value]
        new = [str(value) for value in values]
        opcodes = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
                   if op[0] != "equal"]
        tags = {op[0] for op in opcodes}
        flow = bool(node.flow_style)
        if not opcodes:
            return
        if tags == {"replace"} and all(i2 - i1 == j2 - j1 for _t, i1, i2, j1, j2 in opcodes):
            for _t, i1, i2, j1, _j2 in opcodes:
                for offset in range(i2 - i1):
                    self.set_scalar(node.value[i1 + offset], values[j1 + offset], flow=flow)
        elif tags == {"delete"} and values:
            self.delete_items(node, [i for _t, i1, i2, _j1, _j2 in opcodes for i in range(i1, i2)])
        elif tags == {"insert"} and node.value:
            for _t, i1, _i2, j1, j2 in opcodes:
                self.insert_items(node, i1 - 1, values[j1:j2])
        elif node.flow_style or not node.value:
            self.replace(node.start_mark.index, node.end_mark.index, flow_value(values))
        else:
            column = self.column(self.dash(node.value[0]))
            lines = [f"- {scalar(value, column=column)}" for value in values]
            self.replace(node.start_mark.index, self.content_end(node), ("\n" + " " * column).join(lines))

    def remove_key(self, mapping: yaml.MappingNode, key: str) -> None:
        """Remove ``key`` and its value (with comments on its lines) from ``mapping``."""
        self.check_free(mapping)
        entries = list(self.entries(mapping).items())
        names = [name for name, _nodes in entries]
        index = names.index(key)
        key_node, value = entries[index][1]
        if mapping.flow_style:
            if index + 1 < len(entries):
                self.replace(key_node.start_mark.index, entries[index + 1][1][0].start_mark.index, "")
            elif index > 0:
                self.replace(self.content_end(entries[index - 1][1][1]), self.content_end(value), "")
            else:
                self.replace(key_node.start_mark.index, self.content_end(value), "")
            return
        start = key_node.start_mark.index
        line_start = self.line_start(start)
        if self.text[line_start:start].strip():  # the key shares its line with the list's '-'
            if index + 1 >= len(entries):
                line = key_node.start_mark.line + 1
                raise EditError(say("edit.only-key", line=line))
            self.replace(start, entries[index + 1][1][0].start_mark.index, "")
            return
        end = self.tail_end(value, key_node.start_mark.column)
        if mapping is self.root:
            line_start, end = self._around_blank_lines(line_start, end, index + 1 == len(entries))
        self.replace(line_start, end, "")

    def _around_blank_lines(self, start: int, end: int, last: bool) -> tuple[int, int]:
        """Widen removed lines over one side's blank lines, so the spacing around stays as it was:
        the blank lines after them, or before them when they end their list (or the text)."""
        after = self._blank_lines_from(end)
        if last or after >= len(self.text):
            return self._blank_lines_before(start), end if after < len(self.text) else after
        return start, after

    def add_entries(self, mapping: yaml.MappingNode, entries: list[tuple[str, object]],
                    after: str | None, hints: dict[str, str] | None = None) -> None:
        """Add new keys to ``mapping`` after its key ``after`` (before its first key when None).

        ``hints`` says how to write a list per key: ``flow`` (``[a, b]``), ``block`` (one ``- a``
        per line), ``scalar`` (a lone item without brackets), ``flow-items`` / ``block-items`` for a
        list of mappings.
        """
        if not entries:
            return
        self.check_free(mapping)
        hints = hints or {}
        own = self.entries(mapping)
        if mapping.flow_style or not own:
            texts = [f"{key}: {flow_value(value)}" for key, value in entries]
            if not own:
                if mapping.flow_style:
                    braces = "{" + ", ".join(texts) + "}"
                    self.replace(mapping.start_mark.index, mapping.end_mark.index, braces)
                    return
                line = mapping.start_mark.line + 1
                raise EditError(say("edit.empty-mapping", line=line))
            if after is None:
                self.replace(next(iter(own.values()))[0].start_mark.index,
                             next(iter(own.values()))[0].start_mark.index, "".join(t + ", " for t in texts))
            else:
                end = self.content_end(own[after][1])
                self.replace(end, end, "".join(", " + t for t in texts))
            return
        column = self.key_column(mapping)
        blank = "\n" if mapping is self.root and self.keys_blank_separated(mapping) else ""
        texts = [self.block_entry(key, value, column, hints.get(key)) for key, value in entries]
        if after is None:
            first = next(iter(own.values()))[0].start_mark.index
            self.replace(first, first, "".join(text + "\n" + blank + " " * column for text in texts))
        else:
            end = self.tail_end(own[after][1], column)
            self.replace(end, end, "".join(blank + " " * column + text + "\n" for text in texts))

    def block_entry(self, key: str, value: object, column: int, hint: str | None = None) -> str:
        """``key: value`` for a block mapping whose keys are at ``column`` (no final line break)."""
        if not isinstance(value, list):
            return f"{key}: {scalar(value, column=column)}"
        if len(value) == 1 and hint == "scalar" and not isinstance(value[0], dict):
            return f"{key}: {scalar(value[0], column=column)}"
        if hint in ("block", "block-items", "flow-items"):
            dash = column + self.sequence_offset()
            items = [self.block_item(item, dash, dash + 2, hint) for item in value]
            gap = "\n" if hint == "block-items" else ""
            return f"{key}:\n" + gap.join(items).rstrip("\n")
        return f"{key}: {flow_value(value)}"

    def block_item(self, value: object, dash: int, column: int, style: str | None = None,
                   hints: dict[str, str] | None = None) -> str:
        """One item of a block list, ``-`` at column ``dash``, its keys at ``column``; ends with a
        line break. ``style`` ``block-items`` writes a mapping as one key per line, else ``{...}``."""
        if not isinstance(value, dict):
            return " " * dash + "- " + scalar(value, column=dash) + "\n"
        if style != "block-items":
            return " " * dash + "- " + flow_value(value) + "\n"
        hints = hints or {}
        lines = []
        for index, (key, item) in enumerate(value.items()):
            entry = self.block_entry(key, item, column, hints.get(key))
            lead = " " * dash + "-" + " " * (column - dash - 1) if index == 0 else " " * column
            lines.append(lead + entry + "\n")
        return "".join(lines)

    def delete_items(self, seq: yaml.SequenceNode, indices: list[int]) -> None:
        """Remove items from a list, with the comments on their lines; comments above an item stay
        (they usually head a section of the list)."""
        self.check_free(seq, *(seq.value[index] for index in indices))
        for first, last in _runs(sorted(set(indices))):
            items = seq.value
            if seq.flow_style:
                if last + 1 < len(items):
                    self.replace(items[first].start_mark.index, items[last + 1].start_mark.index, "")
                elif first > 0:
                    self.replace(self.content_end(items[first - 1]), self.content_end(items[last]), "")
                else:
                    self.replace(items[first].start_mark.index, self.content_end(items[last]), "")
                continue
            dash = self.dash(items[first])
            start, end = self.line_start(dash), self.tail_end(items[last], self.column(dash))
            self.replace(*self._around_blank_lines(start, end, last + 1 == len(items)), "")

    def insert_items(self, seq: yaml.SequenceNode, after: int, values: list,
                     *, style: str | None = None, hints: dict[str, str] | None = None) -> None:
        """Insert items after item ``after`` (-1: before the first), in the list's own style and
        indentation; block items keep the blank-line spacing the list has."""
        self.check_free(seq)
        items = seq.value
        if seq.flow_style or not items:
            texts = [flow_value(value) for value in values]
            if not items:
                self.replace(seq.start_mark.index, seq.end_mark.index, "[" + ", ".join(texts) + "]")
            elif after < 0:
                start = items[0].start_mark.index
                self.replace(start, start, "".join(text + ", " for text in texts))
            else:
                end = self.content_end(items[after])
                self.replace(end, end, "".join(", " + text for text in texts))
            return
        anchor = items[max(after, 0)]
        dash = self.column(self.dash(anchor))
        column = anchor.start_mark.column if is_map(anchor) and not anchor.flow_style else dash + 2
        rendered = [self.block_item(value, dash, column, style, hints) for value in values]
        gap = "\n" if self.items_blank_separated(seq) else ""
        if after < 0:
            start = self.line_start(self.dash(items[0]))
            self.replace(start, start, "".join(text + gap for text in rendered))
        else:
            end = self.tail_end(items[after], dash)
            self.replace(end, end, "".join(gap + text for text in rendered))

    def result(self) -> str:
        """The text with every edit spliced in."""
        out: list[str] = []
        cursor = 0
        for start, end, _order, new_text in sorted(self._edits):
            if start < cursor:
                raise EditError(say("edit.overlap"))
            out.append(self.text[cursor:start])
            out.append(new_text)
            cursor = end
        out.append(self.text[cursor:])
        return "".join(out)


def _empty_plain(node: Node) -> bool:
    """``key:`` with nothing after it."""
    return is_scalar(node) and not node.style and node.value == ""


def _runs(indices: list[int]) -> Iterator[tuple[int, int]]:
    """Consecutive runs: ``[1, 2, 3, 7]`` -> ``(1, 3), (7, 7)``."""
    start = previous = None
    for index in indices:
        if previous is not None and index == previous + 1:
            previous = index
            continue
        if start is not None:
            yield start, previous
        start = previous = index
    if start is not None:
        yield start, previous
