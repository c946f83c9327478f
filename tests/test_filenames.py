"""File names: safe names from titles, picture names from inputs."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import blueprint
from blueprint.filenames import output_name, safe_filename

ROOT = Path(__file__).resolve().parent.parent
REAL_FILES = sorted(
    [*(ROOT / "blueprint" / "templates").glob("*.yaml"), *(ROOT / "examples").glob("*.yaml")]
)
WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


@pytest.mark.parametrize(("title", "ext", "expected"), [
    ("营业厅办理入网", "svg", "营业厅办理入网.svg"),
    ("New service blueprint", "png", "New_service_blueprint.png"),
    ("../../etc/passwd", "csv", "etc_passwd.csv"),
    ("..\\..\\Windows\\system32", "pdf", "Windows_system32.pdf"),
    ("<script>alert(1)</script>", "svg", "script_alert(1)_script.svg"),
    ("a\x00b", "yaml", "ab.yaml"),
    ("a\tb\nc", "json", "a_b_c.json"),
    ("   ", "xlsx", "blueprint.xlsx"),
    ("", "xlsx", "blueprint.xlsx"),
    (None, "svg", "blueprint.svg"),
    ("...", "svg", "blueprint.svg"),
    (".hidden", "svg", "hidden.svg"),
    ("-rf", "svg", "rf.svg"),
    ("report. . ", "pdf", "report.pdf"),
    ('a<>:"/\\|?*b', "svg", "a_b.svg"),
    ("CON", "svg", "CON_.svg"),
    ("nul", "txt", "nul_.txt"),
    ("com1", "csv", "com1_.csv"),
    ("lpt9.backup", "csv", "lpt9.backup_.csv"),
    ("CONSOLE", "svg", "CONSOLE.svg"),
    ("厅\u3000前", "svg", "厅_前.svg"),  # ideographic space is white space
    ("evil\u202egpj.exe", "svg", "evilgpj.exe.svg"),  # right-to-left override removed
    ("营业厅：前/后", "svg", "营业厅：前_后.svg"),  # full-width colon is an ordinary character
    ("plan", ".tar.gz", "plan.tar.gz"),
    ("plan", "", "plan"),
])
def test_safe_filename(title, ext, expected):
    assert safe_filename(title, ext) == expected


def test_safe_filename_default_is_cleaned_too():
    assert safe_filename("///", "svg", default="my chart") == "my_chart.svg"
    assert safe_filename("///", "svg", default="///") == "blueprint.svg"


@pytest.mark.parametrize("title", ["营" * 200, "a" * 400, "é" * 200, "e\u0301" * 100, "😀" * 80])
def test_safe_filename_is_capped_in_bytes_at_a_character_boundary(title):
    name = safe_filename(title, "xlsx")
    encoded = name.encode("utf-8")
    assert len(encoded) <= 150
    assert name.endswith(".xlsx")
    assert encoded.decode("utf-8") == name  # whole characters only
    stem = name[: -len(".xlsx")]
    assert stem and unicodedata.normalize("NFC", title).startswith(stem)
    assert safe_filename(title, "xlsx", max_bytes=40).encode("utf-8").__len__() <= 40


def test_safe_filename_does_not_leave_a_combining_mark_alone():
    # q with two marks has no precomposed form, so NFC keeps the marks; the cap falls between them.
    title = "x" * 144 + "q\u0307\u0323"  # 144 + 1 + 2 + 2 bytes; 146 fit before ".svg"
    name = safe_filename(title, "svg")
    assert not name[:-4].endswith(("\u0307", "\u0323"))


def test_safe_filename_rejects_a_bad_extension():
    with pytest.raises(ValueError):
        safe_filename("t", "svg/../x")
    with pytest.raises(ValueError):
        safe_filename("t", "svg", max_bytes=4)


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda path: path.name)
def test_safe_filename_of_real_titles(path):
    title = blueprint.load(str(path)).title
    name = safe_filename(title, "svg")
    assert name.endswith(".svg") and len(name) > 4
    assert not WINDOWS_FORBIDDEN & set(name)
    assert not name.startswith(".")


@pytest.mark.parametrize("source, ext, expected", [
    ("examples/hall-walk.zh.yaml", "svg", "hall-walk.zh.svg"),
    ("营业厅.yml", "png", "营业厅.png"),
    ("/tmp/x/../../etc/passwd", "pdf", "passwd.pdf"),
    ("C:\\work\\hall.yaml", "svg", "hall.svg"),
    ("-", "dot", "blueprint.dot"),
    ("con.yaml", "svg", "con_.svg"),
    (".hidden.yaml", "svg", "hidden.svg"),
    ('a<b>:"c|d?.yaml', "svg", "a_b_c_d.svg"),
])
def test_output_name(source, ext, expected):
    assert output_name(source, ext) == expected
