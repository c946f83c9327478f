"""The domain's word catalogue: complete in every shipped language, and a new language is only entries."""

from __future__ import annotations

import html
import re
import string

import pytest

import blueprint
from blueprint import words
from blueprint.cli import main
from blueprint.lint.formats import render as format_findings

from .conftest import BEFORE, ROOT

#: A pseudo-locale: every English word in brackets, so a word not read from the catalogue shows.
PSEUDO = "qps"


def pseudo(text: str) -> str:
    return f"⟦{text}⟧"


@pytest.fixture
def pseudo_locale(monkeypatch):
    """A third language, added the way a translator adds one: a table in the catalogue, nothing else."""
    monkeypatch.setitem(words.CATALOGUE, PSEUDO, {key: pseudo(text) for key, text in words.CATALOGUE["en"].items()})
    return PSEUDO


def _fields(text: str) -> list[str | None]:
    return [name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name is not None]


#: Messages whose Chinese leaves out a value the English gives: the decoder's English reason a file
#: is no UTF-8, the namespace a BPMN file lacks.
LEFT_OUT = {"interop.not-utf8", "interop.bpmn.not-bpmn"}


@pytest.mark.parametrize("locale", words.locales())
def test_every_shipped_language_has_every_word_with_the_placeholders_english_has(locale):
    english, table = words.CATALOGUE["en"], words.CATALOGUE[locale]
    assert set(table) == set(english)
    for key, text in table.items():
        # Named placeholders may come in another order: each language has its own word order. A
        # translation may leave a value out where its words say it otherwise, never add one.
        assert set(_fields(text)) <= set(_fields(english[key])), key
        assert set(_fields(text)) == set(_fields(english[key])) or key.startswith("board-error.") or (
            key in LEFT_OUT), key
        assert text.strip() or key.startswith(("join.", "duration.exact.join")), key


def test_a_missing_word_reads_as_english_and_an_unknown_key_is_an_error(monkeypatch):
    monkeypatch.setitem(words.CATALOGUE, PSEUDO, {"row.customer": "C"})
    assert words.word("row.customer", PSEUDO) == "C"
    assert words.word("row.support", PSEUDO) == "Support processes"
    assert words.normalize(PSEUDO) == PSEUDO and words.normalize("xx") == "en"
    with pytest.raises(KeyError):
        words.word("row.nowhere", PSEUDO)


def _texts(svg: str) -> str:
    """The text of an SVG's text nodes, unescaped, in order, one space between (wrapped lines rejoin)."""
    return " ".join(html.unescape(text).strip() for text in re.findall(r">([^<>]+)</text>", svg))


def test_a_new_language_renders_and_lints_with_catalogue_entries_only(pseudo_locale, tmp_path, capsys):
    source = (ROOT / "examples" / BEFORE).read_text(encoding="utf-8")
    assert "\nlocale: zh\n" in source
    path = tmp_path / f"hall.{PSEUDO}.yaml"
    path.write_text(source.replace("\nlocale: zh\n", f"\nlocale: {PSEUDO}\n"), encoding="utf-8")

    bp = blueprint.load(path)
    assert bp.locale == PSEUDO and not bp.problems  # the loader takes the catalogue's languages
    texts = _texts(blueprint.render(bp, "svg"))
    drawn = ("row.customer", "row.support", "row.evidence", "line.line-of-visibility", "legend.title",
             "legend.wait-max", "flow.return", "badge.fail")
    for key in drawn:
        assert pseudo(words.word(key)) in texts, key
        assert words.word(key) not in texts.replace(pseudo(words.word(key)), ""), key
    # Durations on cards are written with the catalogue's units too.
    assert re.search(r"⟦[0-9.]+ min⟧", texts)

    findings = blueprint.lint(bp)
    assert findings and findings == blueprint.lint(source.replace("\nlocale: zh\n", "\nlocale: en\n"),
                                                   path=str(path))
    # The rules' messages are catalogue entries too: every one reads in the new language.
    written = format_findings(findings, "parsable", locale=PSEUDO).splitlines()
    assert len(written) == len(findings) and all("] ⟦" in line and "⟧ (" in line for line in written)

    # The command line offers the language everywhere it offers one.
    out = tmp_path / "hall.svg"
    assert main(["render", "--locale", PSEUDO, "-o", str(out), str(path)]) == 0
    assert pseudo(words.word("legend.title")) in _texts(out.read_text(encoding="utf-8"))
    assert main(["lint", "--locale", PSEUDO, "-f", "parsable", str(path)]) == 1
    assert capsys.readouterr().out.count("\n") == len(findings)


def _keys(phrase) -> set[str]:
    """The catalogue keys a phrase uses, its placeholders' phrases included."""
    from blueprint.phrases import Phrase

    found = {phrase.key}
    for _name, value in phrase.params:
        if isinstance(value, Phrase):
            found |= _keys(value)
    return found


def test_every_rule_writes_its_messages_in_a_new_language_from_catalogue_entries_only(pseudo_locale):
    """Each rule that checks a blueprint, on each of its failing fixtures: every message it gives
    reads in the pseudo-locale, wholly (no English left outside the catalogue's brackets), and every
    message the catalogue holds for the rule is given by some fixture."""
    from blueprint.lint import registry
    from blueprint.lint.rules import rule_error

    from .lint.helpers import FIXTURES

    used: set[str] = set()
    checking = [rule_id for rule_id, module in registry.RULES.items() if hasattr(module, "check")]
    assert len(checking) >= 15
    for rule_id in checking:
        paths = sorted((FIXTURES / rule_id).glob("invalid-*.yaml"))
        assert paths, rule_id
        findings = [f for path in paths for f in blueprint.lint(path) if f.rule == rule_id]
        assert findings, rule_id
        for finding in findings:
            written = finding.text(PSEUDO)
            assert written.startswith("⟦") and written.endswith("⟧"), (rule_id, written)
            assert written != finding.text("en") and written != finding.text("zh")
            assert finding.phrase is not None and finding.text("en") == finding.message
            used |= _keys(finding.phrase)
    wanted = {key for key in words.CATALOGUE["en"]
              if key.startswith(tuple(f"lint.{rule_id}." for rule_id in checking))}
    assert wanted - used == set()
    assert rule_error.ID == "rule-error"


#: The rules whose findings the loader makes: what a file that does not load, or loads with
#: problems, is told.
LOADER_RULES = ("schema", "unknown-key", "duplicate-id", "unknown-reference", "long-label", "input-limit",
                "yaml-syntax", "duplicate-key")


def _bracketed_whole(written: str) -> bool:
    """Whether ``written`` is one catalogue entry from end to end: no text outside its brackets."""
    depth = 0
    for index, char in enumerate(written):
        depth += (char == "⟦") - (char == "⟧")
        if depth == 0 and index < len(written) - 1:
            return False
    return written.startswith("⟦") and depth == 0


def test_the_loaders_messages_come_in_a_new_language_from_catalogue_entries_only(pseudo_locale, tmp_path,
                                                                                 capsys):
    """A broken file's findings (content problems, and files that do not load at all) read wholly in
    the pseudo-locale; without the brackets they are the English, word for word."""
    from blueprint.lint.linter import lint as lint_file

    from .lint.helpers import FIXTURES
    from .test_loader import BROKEN, SINGLE_PROBLEMS

    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    sources = [broken, *sorted(path for rule in LOADER_RULES for path in (FIXTURES / rule).glob("invalid-*.yaml"))]
    for index, (body, *_rest) in enumerate(SINGLE_PROBLEMS):
        sources.append(tmp_path / f"single-{index}.yaml")
        sources[-1].write_text(body, encoding="utf-8")
    odd = {"utf16.yaml": "blueprint: 1\n".encode("utf-16"), "latin1.yaml": "title: caf\xe9\n".encode("latin-1"),
           "nul.yaml": b"blueprint: 1\x00\n", "alias.yaml": b"a: *nowhere\n", "tag.yaml": b"a: !!python/name:os\n",
           "merge.yaml": b"a: {<<: 1}\n", "key.yaml": b"? [a]\n: 1\n", "duration.yaml":
           b"blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A, duration: [1], wait: 5-3min,"
           b" queue: {arrivals: -1, servers: 0, hours: {'9:00': x}}}\n"}
    for name, data in odd.items():
        sources.append(tmp_path / name)
        sources[-1].write_bytes(data)

    findings = [f for path in sources for f in lint_file(path) if f.rule in LOADER_RULES]
    assert {f.rule for f in findings} == set(LOADER_RULES)
    assert len(findings) > 60
    for finding in findings:
        written = finding.text(PSEUDO)
        assert _bracketed_whole(written), (finding.rule, written)
        assert written.replace("⟦", "").replace("⟧", "") == finding.message
        assert finding.text("zh") == finding.message_zh != finding.message

    # As the command line writes them, with file:line:col kept.
    assert main(["lint", "--locale", PSEUDO, "-f", "parsable", str(broken)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(re.match(rf"{re.escape(str(broken))}:\d+:\d+: \[\w+\] ⟦.*⟧ \([a-z-]+\)$", line)
                         for line in lines)


def test_a_new_languages_rule_documentation_is_one_table_of_translations(pseudo_locale, monkeypatch, capsys):
    """A rule's documentation in a new language is an entry of that language's table in
    blueprint.rule_docs (the headings and the page's words come from the catalogue); the examples
    are the docstring's, and a rule left untranslated reads in English."""
    from blueprint import rule_docs
    from blueprint.lint import docs, registry

    cycle, dead_end = registry.RULES["cycle"], registry.RULES["dead-end"]
    english = docs.sections(cycle)
    prose = "\n\n".join([pseudo(docs.summary(cycle)),
                         *(f"## {pseudo(name)}\n{pseudo(english[name])}" for name in docs.SECTIONS[:2])])
    monkeypatch.setitem(rule_docs.DOCS, PSEUDO, {"cycle": prose + "\n"})

    assert list(docs.sections(cycle, PSEUDO)) == [pseudo(name) for name in docs.SECTIONS]
    assert docs.examples(cycle, PSEUDO) == docs.examples(cycle) != (None, None)
    assert docs.summary(dead_end, PSEUDO) == docs.summary(dead_end)
    page = docs.render(PSEUDO)
    assert page.startswith(pseudo("# Lint rules")) and f"\n### {pseudo('Failing example')}\n" in page
    assert f"{pseudo('Default level: **warning**.')}" in page

    assert main(["rules", "cycle", "--locale", PSEUDO]) == 0
    out = capsys.readouterr().out
    assert out.startswith(pseudo("cycle (warning)")) and pseudo(docs.summary(cycle)) in out
    assert main(["rules", "cycel", "--locale", PSEUDO]) == 2
    hint = pseudo(" (did you mean 'cycle'?)")
    expected = pseudo("no rule 'cycel'" + hint + "; 'blueprint rules' lists them")
    assert capsys.readouterr().err == f"blueprint: {expected}\n"


def test_import_notes_export_losses_and_edit_refusals_come_in_a_new_language(pseudo_locale, tmp_path, capsys):
    """What another tool's format could not hold, what an import guessed, why a file could not be
    imported and why an edit is refused: each reads wholly in the pseudo-locale, and without the
    brackets it is the English, word for word."""
    from blueprint.edit import EditError, apply_rows, rename_step, table_rows
    from blueprint.errors import BlueprintError
    from blueprint.interop import export, import_file

    def in_pseudo(message, english: str) -> None:
        written = message.text(PSEUDO)
        assert _bracketed_whole(written), written
        assert written.replace("⟦", "").replace("⟧", "") == english != message.text("zh")

    table = "Step,Lane,Touchpoint\nAsk at the desk,Counter clerk,phone\nPay,Customer,\nWait,Bob,\n".encode()
    imported = import_file(table, "steps.csv")
    keys = {note.key for note in imported.notes}
    assert {"interop.sheet.kind-as-channel", "interop.sheet.row-order", "interop.lane-zone-guessed",
            "interop.lane-zone-unknown"} <= keys
    for note in imported.notes:
        in_pseudo(note, note.en)
    guessed = next(note for note in imported.notes if note.key == "interop.lane-zone-guessed")
    zone = pseudo("frontstage")
    assert guessed.text(PSEUDO) == pseudo(f"lane 'Counter clerk': zone {zone} guessed from its name")

    bp = blueprint.load(ROOT / "examples" / BEFORE)
    for fmt in ("bpmn", "mermaid", "mermaid-journey", "drawio", "csv"):
        lost = export(bp, fmt).lost
        assert lost, fmt
        for item in lost:
            in_pseudo(item, item.en)

    with pytest.raises(BlueprintError) as caught:
        import_file(b"Id,Step\nask,Ask\nask,Pay\n", "steps.csv")
    in_pseudo(caught.value, caught.value.message)
    twice = pseudo(pseudo("row 3, column A") + ": " + pseudo("step id 'ask' is used twice"))
    assert caught.value.problem.describe(PSEUDO) == f"steps.csv:3:1: {twice} (import)"

    text = "blueprint: 1\ntitle: t\nsteps:\n  - {id: a, lane: customer, label: A, next: b}\n" \
           "  - {id: b, lane: customer, label: B}\n"
    with pytest.raises(EditError) as refused:
        rename_step(text, "a", "b")
    in_pseudo(refused.value, "there is already a step 'b': ids must be unique")
    with pytest.raises(EditError) as refused:
        apply_rows(text, "steps", [{**row, "lane": None} for row in table_rows(text, "steps")])
    in_pseudo(refused.value, "step 'a': 'lane' cannot be empty")

    # The command line writes the import's notes in the language too.
    source = tmp_path / "steps.csv"
    source.write_bytes(table)
    out = tmp_path / "out.yaml"
    assert main(["import", "--locale", PSEUDO, "--verbose", "-o", str(out), str(source)]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if line.startswith("note: ")]
    assert len(notes) == len(imported.notes) and all(_bracketed_whole(line[6:]) for line in notes)


@pytest.mark.parametrize("text", ["foo: bar\n", "{}\n"])
def test_the_apps_not_a_blueprint_message_comes_in_a_new_language(pseudo_locale, text):
    from blueprint.ui import pipeline

    loaded = pipeline.load_text(text)
    said = loaded.error.text(pseudo_locale)
    assert said.startswith("⟦this is not a blueprint") and ("⟦this file has 'foo'⟧" in said or "⟦this file is an empty" in said)
    assert loaded.error.text("zh").startswith("这不是蓝图")
