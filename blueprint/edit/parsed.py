"""YAML text parsed once, with every node's span: its structure (keys, merges, aliases) and where
things stand in the text (lines, columns, blank lines, the ``-`` of a list item).
:class:`blueprint.edit.document.Document` adds the edits."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import yaml

from ..phrases import say
from .quoting import EditError

__all__ = ["Node", "Parsed", "is_map", "is_scalar", "is_seq"]

Node = yaml.Node

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader


def is_map(node: object) -> bool:
    return isinstance(node, yaml.MappingNode)


def is_seq(node: object) -> bool:
    return isinstance(node, yaml.SequenceNode)


def is_scalar(node: object) -> bool:
    return isinstance(node, yaml.ScalarNode)


class Parsed:
    """One parse of YAML text: the nodes with their character spans, and where things stand.

    Args:
        text: the YAML text. It must be one document whose top level is a mapping.

    Raises:
        EditError: the text is not YAML or its top level is not a mapping.
    """

    def __init__(self, text: str):
        self.text = text
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError as exc:
            detail = str(exc).splitlines()[0]
            raise EditError(say("edit.not-yaml", detail=detail)) from None
        if not is_map(root):
            raise EditError(say("edit.top-not-a-mapping"))
        self.root: yaml.MappingNode = root
        self._aliased = self._find_aliased(root)

    # -- structure --------------------------------------------------------------------------------

    @staticmethod
    def _find_aliased(root: Node) -> set[int]:
        """Ids of nodes written once and used again through a YAML alias, with everything inside."""
        seen: set[int] = set()
        aliased: set[int] = set()
        stack = [root]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                marks = [node]
                while marks:
                    inner = marks.pop()
                    if id(inner) not in aliased:
                        aliased.add(id(inner))
                        marks.extend(_children(inner))
                continue
            seen.add(id(node))
            stack.extend(_children(node))
        return aliased

    def check_free(self, *nodes: Node) -> None:
        """Refuse to edit a node the file reuses through a YAML alias (``*name``)."""
        for node in nodes:
            if id(node) in self._aliased:
                line = node.start_mark.line + 1
                raise EditError(say("edit.aliased", line=line))

    @staticmethod
    def entries(mapping: yaml.MappingNode) -> dict[str, tuple[Node, Node]]:
        """The mapping's own entries by key text, in file order (merge keys ``<<`` left out)."""
        found: dict[str, tuple[Node, Node]] = {}
        for key, value in mapping.value:
            if is_scalar(key) and not (key.value == "<<" and not key.style):
                found.setdefault(key.value, (key, value))
        return found

    def merged(self, mapping: yaml.MappingNode) -> dict[str, tuple[Node, yaml.MappingNode]]:
        """The mapping's values as the loader sees them, each with the mapping that holds it: own
        keys first, then keys from ``<<`` merges."""
        found = {key: (value, mapping) for key, (_k, value) in self.entries(mapping).items()}
        for key, value in mapping.value:
            if is_scalar(key) and key.value == "<<" and not key.style:
                sources = value.value if is_seq(value) else [value]
                for source in sources:
                    if is_map(source):
                        for name, inner in self.merged(source).items():
                            found.setdefault(name, inner)
        return found

    # -- positions --------------------------------------------------------------------------------

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def column(self, index: int) -> int:
        return index - self.line_start(index)

    def next_line(self, index: int) -> int:
        """The start of the line after the one holding ``index`` (the text's end on the last line)."""
        end = self.text.find("\n", index)
        return len(self.text) if end < 0 else end + 1

    def content_end(self, node: Node) -> int:
        """Where the node's own text ends: before trailing comments, blank lines and line breaks.

        (libyaml ends a block collection where the next token starts, after comments.)
        """
        if is_scalar(node):
            end = node.end_mark.index
            if node.style in ("|", ">"):
                while end > node.start_mark.index and self.text[end - 1] in "\r\n":
                    end -= 1
            return end
        if node.flow_style or not node.value:
            return node.end_mark.index
        last = node.value[-1]
        if is_map(node):
            key, value = last
            if is_scalar(value) and value.value == "" and not value.style:
                return self.text.index(":", key.end_mark.index) + 1
            return self.content_end(value)
        return self.content_end(last)

    def tail_end(self, node: Node, column: int) -> int:
        """The start of the line after ``node``'s text, past comment lines indented deeper than
        ``column`` (they belong to the node), stopping at a blank line or anything else."""
        position = self.next_line(self.content_end(node))
        text = self.text
        while position < len(text):
            line_end = self.next_line(position)
            line = text[position:line_end]
            stripped = line.lstrip(" ")
            if not stripped.startswith("#") or len(line) - len(stripped) <= column:
                break
            position = line_end
        return position

    def _blank_lines_from(self, position: int) -> int:
        text = self.text
        while position < len(text):
            line_end = self.next_line(position)
            if text[position:line_end].strip():
                break
            position = line_end
        return position

    def _blank_lines_before(self, position: int) -> int:
        text = self.text
        while position > 0:
            start = self.line_start(position - 1)
            if text[start:position].strip():
                break
            position = start
        return position

    def dash(self, item: Node) -> int:
        """The index of the ``-`` that starts a block sequence item."""
        position = item.start_mark.index - 1
        while position >= 0 and self.text[position] in " \t\r\n":
            position -= 1
        if position < 0 or self.text[position] != "-":
            line = item.start_mark.line + 1
            raise EditError(say("edit.no-dash", line=line))
        return position

    def key_column(self, mapping: yaml.MappingNode) -> int:
        return mapping.value[0][0].start_mark.column if mapping.value else mapping.start_mark.column

    def blank_between(self, node: Node, column: int, next_start: int) -> bool:
        """True when a blank line separates ``node`` (its keys or ``-`` at ``column``) from what
        starts at ``next_start``."""
        between = self.text[self.tail_end(node, column):self.line_start(next_start)]
        return any(not line.strip() for line in between.split("\n")[:-1])

    def items_blank_separated(self, seq: yaml.SequenceNode) -> bool:
        """True when a block list's items are separated by blank lines."""
        items = seq.value
        return any(
            self.blank_between(item, self.column(self.dash(item)), self.dash(following))
            for item, following in pairwise(items)
        )

    def keys_blank_separated(self, mapping: yaml.MappingNode) -> bool:
        """True when a block mapping's keys are separated by blank lines (top-level sections)."""
        pairs = list(self.entries(mapping).values())
        column = self.key_column(mapping)
        return any(
            self.blank_between(value, column, following.start_mark.index)
            for (_key, value), (following, _v) in pairwise(pairs)
        )

    def sequence_offset(self) -> int:
        """How far the file indents a block list's ``-`` under its key (``steps:\\n  - id`` is 2)."""
        for key, value in self.root.value:
            if is_seq(value) and not value.flow_style and value.value:
                return self.column(self.dash(value.value[0])) - key.start_mark.column
        return 2

    # -- edits ------------------------------------------------------------------------------------


def _children(node: Node) -> Iterator[Node]:
    if is_map(node):
        for key, value in node.value:
            yield key
            yield value
    elif is_seq(node):
        yield from node.value
