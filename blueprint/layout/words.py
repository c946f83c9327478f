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
}


def word(key: str, locale: str) -> str:
    """The word ``key`` in ``locale`` (English unless ``zh``).

    >>> word("fail", "zh")
    '失误点'
    """
    return WORDS[key]["zh" if locale == "zh" else "en"]
