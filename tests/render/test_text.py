"""East-Asian-width-aware measuring and wrapping."""

from __future__ import annotations

import pytest

from blueprint.layout.text import ELLIPSIS, cells, char_width, ellipsize, text_width, wrap


@pytest.mark.parametrize("text, expected", [
    ("", 0),
    ("abc", 3),
    ("营业厅", 6),
    ("BOSS系统", 8),
    ("ｆｕｌｌ", 8),  # fullwidth Latin
    ("e\u0301", 1),  # a combining accent takes no column
    ("a\u200bb", 2),  # a zero-width space neither
])
def test_cells_count_wide_characters_twice(text, expected):
    assert cells(text) == expected


def test_a_cjk_character_is_about_twice_a_latin_one():
    latin = sum(char_width(ch) for ch in "abcdefghijklmnopqrstuvwxyz") / 26
    assert char_width("营") == 1.0
    assert 1.6 <= char_width("营") / latin <= 2.2


@pytest.mark.parametrize("ch", ["·", "…", "≤", "“", "●", "，", "。"])
def test_ambiguous_and_cjk_punctuation_is_full_width(ch):
    assert char_width(ch) == 1.0


def test_text_width_scales_with_the_font_size():
    assert text_width("柜台受理", 10) == 40
    assert text_width("柜台受理", 8) == 32


@pytest.mark.parametrize("text, width, expected", [
    # CJK breaks between any two characters.
    ("迎候问候了解需求", 40, ["迎候问候", "了解需求"]),
    # Latin breaks at spaces only.
    ("Greets the customer warmly", 80, ["Greets the", "customer", "warmly"]),
    # Mixed text breaks at both.
    ("BOSS系统受理业务", 60, ["BOSS系统受", "理业务"]),
    # Closing punctuation stays with the character before it (no line starts with ，).
    ("迎候问候，了解需求", 50, ["迎候问候，", "了解需求"]),
    # Opening punctuation stays with the character after it (no line ends with （).
    ("打印（协议）给客户", 40, ["打印（协", "议）给", "客户"]),  # no line of one character at the end
    ("打印（协议）给客户", 30, ["打印", "（协", "议）给", "客户"]),
    # Line breaks in the text are kept; runs of spaces become one.
    ("第一行\n第二行   more", 200, ["第一行", "第二行 more"]),
    ("", 100, []),
    # A word longer than the line breaks after its hyphen, not inside a part.
    ("Pre-authorise card", 50, ["Pre-", "authorise", "card"]),
    ("ID check/verify", 40, ["ID", "check/", "verify"]),
])
def test_wrap(text, width, expected):
    assert wrap(text, width, 10) == expected


@pytest.mark.parametrize("text", [
    "迎候问候，了解需求并核对证件，主动推荐适合的套餐和终端",
    "Greets the customer, asks what they need and checks the ID documents",
    "BOSS系统受理 and prints the agreement 打印协议，双手递交 invoice",
    "一" * 200,
    "x" * 300,
    "https://example.com/a-very-very-very-long-path?with=query&and=more",
])
@pytest.mark.parametrize("width", [30, 60, 126, 200])
def test_every_wrapped_line_fits_and_nothing_is_lost(text, width):
    lines = wrap(text, width, 10)
    assert all(text_width(line, 10) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_word_longer_than_a_line_is_cut_between_characters():
    lines = wrap("https://example.com/averyveryverylongpath", 60, 10)
    assert len(lines) > 1
    assert "".join(lines) == "https://example.com/averyveryverylongpath"


def test_max_lines_ends_in_an_ellipsis_that_fits():
    lines = wrap("柜台受理业务并打印协议双手递交发票" * 3, 60, 10, max_lines=2)
    assert len(lines) == 2
    assert lines[-1].endswith(ELLIPSIS)
    assert text_width(lines[-1], 10) <= 60


def test_ellipsize_keeps_text_that_fits_and_cuts_text_that_does_not():
    assert ellipsize("营业员 · 3分钟", 200, 8) == "营业员 · 3分钟"
    cut = ellipsize("Floor guide (greeter) at the door", 60, 8)
    assert cut.endswith(ELLIPSIS) and text_width(cut, 8) <= 60
