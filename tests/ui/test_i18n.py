"""The message catalogue: both languages everywhere, and no user-visible literal outside it."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from blueprint.ui.i18n import LOCALES, MESSAGES, t
from blueprint.words import CATALOGUE, DEFAULT_LOCALE
from tests.conftest import ROOT

UI_SOURCES = [ROOT / "app.py", *sorted((ROOT / "blueprint" / "ui" / "pages").glob("*.py"))]
CJK = re.compile(r"[\u3400-\u9fff]")
#: Chinese text: ideographs, or full-width punctuation (``{label}（{step}）``).
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def test_every_message_has_both_languages():
    for key, messages in MESSAGES.items():
        assert set(messages) == set(LOCALES), key
        for locale in LOCALES:
            assert messages[locale].strip(), (key, locale)


def test_placeholders_are_the_same_in_both_languages():
    def fields(text: str) -> set[str]:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}

    for key, messages in MESSAGES.items():
        assert fields(messages["en"]) == fields(messages["zh"]), key


def test_english_messages_are_english_and_chinese_ones_are_chinese():
    # Language names and file formats read the same in both; everything else is translated.
    same = {key for key, m in MESSAGES.items() if m["en"] == m["zh"]}
    assert same <= {"language.zh", "language.en", "export.svg", "export.png", "export.pdf", "export.yaml",
                    "export.csv"}, same
    for key, messages in MESSAGES.items():
        if key != "language.zh":
            assert not CJK.search(messages["en"]), key
        if key not in same and not key.startswith("export."):
            assert CHINESE.search(messages["zh"]), key


def test_format_and_fallback():
    assert t("findings.title", "en", count=2) == "Findings (2)"
    assert t("findings.title", "zh", count=2) == "检查结果（2）"
    assert t("nav.start", "de") == t("nav.start", "en")
    with pytest.raises(KeyError):
        t("no.such.key", "en")


def _message_keys_used(tree: ast.AST) -> tuple[set[str], set[str]]:
    """Literal keys passed to t()/tr(), and f-string key prefixes (``nav.{name}`` -> ``nav.``)."""
    literal, prefixes = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("t", "tr") \
                and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                literal.add(first.value)
            elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                prefixes.add(first.values[0].value)
    return literal, prefixes


def test_every_key_the_pages_use_exists():
    for path in UI_SOURCES:
        literal, prefixes = _message_keys_used(ast.parse(path.read_text(encoding="utf-8")))
        known = {*MESSAGES, *CATALOGUE[DEFAULT_LOCALE]}  # interface strings and the domain's words
        for key in literal:
            assert key in known, f"{path.name}: {key}"
        for prefix in prefixes:
            assert any(key.startswith(prefix) for key in known), f"{path.name}: {prefix}"
    assert not set(MESSAGES) & set(CATALOGUE[DEFAULT_LOCALE]), "a word lives in one catalogue only"


# Streamlit calls whose text arguments a user reads.
_TEXT_KEYWORDS = {"label", "help", "placeholder", "caption", "body", "title", "value", "text", "tab", "name"}
_WRITERS = {
    "title", "header", "subheader", "markdown", "caption", "text", "write", "info", "warning", "error",
    "success", "toast", "button", "download_button", "form_submit_button", "text_input", "text_area",
    "selectbox", "segmented_control", "radio", "checkbox", "toggle", "file_uploader", "metric", "tabs",
    "expander", "popover", "set_page_config", "Page", "link_button", "page_link", "number_input",
}


def _is_words(node: ast.AST) -> bool:
    """A literal (or f-string part) with letters in it: text a user would read."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[A-Za-z\u3400-\u9fff]{2,}", _without_markup(node.value)))
    if isinstance(node, ast.JoinedStr):
        return any(_is_words(part) for part in node.values)
    return False


def _without_markup(text: str) -> str:
    # Streamlit's own syntax is not words: icons (:material/home:), colours (:gray[...]), entities.
    return re.sub(r":material/[a-z_]+:|:[a-z]+\[|&[a-z]+;", "", text)


@pytest.mark.parametrize("path", UI_SOURCES, ids=lambda p: p.name)
def test_no_literal_text_reaches_the_page(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    offenders = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name not in _WRITERS:
            continue
        texts = list(node.args) + [kw.value for kw in node.keywords if kw.arg in _TEXT_KEYWORDS]
        offenders += [f"{path.name}:{arg.lineno}" for arg in texts if _is_words(arg)]
    assert not offenders, offenders


def test_the_checker_finds_a_literal():
    # The test above must be able to fail: a page with a literal label is caught.
    tree = ast.parse('import streamlit as st\nst.button("Save now")\nst.caption(f"{n} steps")\n')
    found = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
             and getattr(node.func, "attr", "") in _WRITERS and any(_is_words(a) for a in node.args)]
    assert len(found) == 2


def test_a_load_error_in_a_sentence_has_one_stop_after_it():
    """A message that ends with a question (the zh syntax error asks "引号或括号没有闭合吗？") keeps
    its mark alone in the sentence around it, not "？。"; nothing of it is lost."""
    from blueprint.ui import pipeline
    from blueprint.ui.pages.common import load_error_words

    error = pipeline.load_text('blueprint: 1\ntitle: "Small\nsteps: []\n').error
    assert error.text("zh").endswith("？")
    for key in ("editor.load_error", "details.broken", "tables.broken"):
        for locale in ("zh", "en"):
            words = load_error_words(key, error, locale, step="enter")
            assert "？。" not in words and "?." not in words and "。。" not in words, words
            assert error.text(locale).rstrip("。.？?").replace("'", "") in words.replace("\\", "").replace("'", "")
