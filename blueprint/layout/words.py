"""The picture's own words (badges, legend), per locale."""

from __future__ import annotations

__all__ = ["WORDS", "word"]

#: Built-in words of the picture, per locale.
WORDS: dict[str, dict[str, str]] = {
    "fail": {"en": "fail point", "zh": "失误点"},
    "wait": {"en": "wait", "zh": "等待"},
    "legend": {"en": "Legend", "zh": "图例"},
    "flow": {"en": "flow", "zh": "流程"},
    "handoff": {"en": "handoff", "zh": "交接"},
    "support": {"en": "support", "zh": "支持"},
    "return": {"en": "return", "zh": "返回"},
    "recovery": {"en": "recovery", "zh": "补救"},
    "emotion": {"en": "customer emotion", "zh": "顾客情绪"},
    "kpi": {"en": "KPI: ", "zh": "指标："},
    "note": {"en": "Note: ", "zh": "备注："},
    "time-row": {"en": "Time", "zh": "时间"},
    "total": {"en": "total", "zh": "累计"},
    "wait-standard": {"en": "the wait's own standard", "zh": "等待时限"},
    "exceeded": {"en": "over its standard", "zh": "超出时限"},
    "incomplete": {"en": "This drawing is incomplete: {count} problems in the file", "zh": "此图不完整：文件中有 {count} 个问题"},
    "incomplete-one": {"en": "This drawing is incomplete: 1 problem in the file", "zh": "此图不完整：文件中有 1 个问题"},
    "more-problems": {"en": "… and {count} more (blueprint lint)", "zh": "……另有 {count} 个（blueprint lint）"},
}


def word(key: str, locale: str) -> str:
    """The word ``key`` in ``locale`` (English unless ``zh``).

    >>> word("fail", "zh")
    '失误点'
    """
    return WORDS[key]["zh" if locale == "zh" else "en"]
