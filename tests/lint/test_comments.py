"""Disable comments: disable-line (same line, or the next line when alone), disable/enable regions."""

from blueprint.lint import lint

BASE = """\
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer}
"""


def rules_at(text, config=None):
    return [(f.line, f.rule) for f in lint(text, config, path="bp.yaml")]


def test_without_comments():
    text = BASE + "  - {id: water, lane: frontstage, label: Water, owner: Staff, fail: Empty}\n"
    assert sorted(rules_at(text)) == [(6, "fail-without-recovery"), (6, "isolated-step")]


def test_disable_line_on_the_line_itself():
    text = BASE + ("  - {id: water, lane: frontstage, label: Water, owner: Staff, fail: Empty}"
                   "  # blueprint: disable-line rule:isolated-step\n")
    assert rules_at(text) == [(6, "fail-without-recovery")]


def test_disable_line_with_several_rules_and_with_none():
    several = BASE + ("  - {id: water, lane: frontstage, label: Water, owner: Staff, fail: Empty}"
                      "  # blueprint: disable-line rule:isolated-step rule:fail-without-recovery\n")
    assert rules_at(several) == []
    every = BASE + "  - {id: water, lane: frontstage, label: Water, owner: Staff, fail: Empty}  # blueprint: disable-line\n"
    assert rules_at(every) == []


def test_disable_line_alone_applies_to_the_next_line():
    text = BASE + ("  # blueprint: disable-line rule:isolated-step\n"
                   "  - {id: water, lane: frontstage, label: Water}\n"
                   "  - {id: tea, lane: frontstage, label: Tea}\n")
    assert rules_at(text) == [(8, "isolated-step")]


def test_disable_and_enable_regions():
    text = BASE + ("  # blueprint: disable rule:isolated-step\n"
                   "  - {id: water, lane: frontstage, label: Water, owner: Staff, fail: Empty}\n"
                   "  # blueprint: enable rule:isolated-step\n"
                   "  - {id: tea, lane: frontstage, label: Tea}\n")
    assert sorted(rules_at(text)) == [(7, "fail-without-recovery"), (9, "isolated-step")]


def test_bare_disable_then_enable_one_rule():
    text = BASE + ("# blueprint: disable\n"
                   "  - {id: water, lane: frontstage, label: Water, owner: Staff, fail: Empty}\n"
                   "# blueprint: enable rule:fail-without-recovery\n"
                   "  - {id: tea, lane: frontstage, label: Tea, fail: Cold}\n"
                   "# blueprint: enable\n"
                   "  - {id: cake, lane: frontstage, label: Cake}\n")
    assert sorted(rules_at(text)) == [(9, "fail-without-recovery"), (11, "isolated-step")]


def test_disable_from_the_top_hides_a_whole_file():
    text = "# blueprint: disable\n" + BASE + "  - {id: water, lane: frontstage, label: Water}\n"
    assert rules_at(text) == []


def test_unknown_rule_and_missing_rule_prefix_are_reported_and_do_not_widen():
    text = BASE + ("  - {id: water, lane: frontstage, label: Water}"
                   "  # blueprint: disable-line rule:isolated-stp isolated-step\n")
    findings = lint(text, path="bp.yaml")
    got = [(f.line, f.column, f.rule, f.message) for f in findings]
    assert got == [
        (6, 10, "isolated-step",
         "step 'water' has no flow in or out: connect it with 'next:' or a flow, or remove it"),
        (6, 81, "unknown-reference",
         ("disable comment: rule 'isolated-stp' does not exist (did you mean 'isolated-step'?); "
          "'blueprint rules' lists them")),
        (6, 94, "unknown-reference",
         "disable comment: write 'rule:isolated-step' to name a rule; this word is ignored"),
    ]
    assert [f.message_zh for f in findings][1:] == [
        "禁用注释：规则 'isolated-stp' 不存在（是不是 'isolated-step'？）；'blueprint rules' 会列出所有规则",
        "禁用注释：请写成 'rule:isolated-step' 来指明规则；这个词已被忽略",
    ]


def test_hash_inside_quotes_is_not_a_comment():
    text = BASE + "  - {id: water, lane: frontstage, label: 'x # blueprint: disable-line'}\n"
    assert rules_at(text) == [(6, "isolated-step")]
    text = BASE + '  - {id: water, lane: frontstage, label: "x \\" # blueprint: disable-line"}\n'
    assert rules_at(text) == [(6, "isolated-step")]


def test_hash_without_a_blank_before_is_not_a_comment():
    text = BASE + "  - id: water\n    lane: frontstage\n    label: x#blueprint:disable-line\n"
    assert rules_at(text) == [(6, "isolated-step")]


def test_comments_work_on_a_file(tmp_path):
    path = tmp_path / "bp.yaml"
    path.write_text(BASE + "  - {id: water, lane: frontstage, label: Water}  # blueprint: disable-line\n",
                    encoding="utf-8")
    assert lint(path) == []


def test_windows_line_endings():
    text = (BASE + "  - {id: water, lane: frontstage, label: Water}\n"
            "  - {id: tea, lane: frontstage, label: Tea}  # blueprint: disable-line\n").replace("\n", "\r\n")
    assert rules_at(text) == [(6, "isolated-step")]
