"""The picture's short names for its words, read from the one catalogue (:mod:`blueprint.words`)."""

from __future__ import annotations

from .. import words as catalogue

__all__ = ["word"]

# The picture's names -> catalogue keys; a name not listed is the catalogue's ``picture.<name>``,
# and a name with a dot is a catalogue key already.
_KEYS = {
    "fail": "badge.fail", "wait": "badge.wait", "legend": "legend.title", "emotion": "legend.emotion",
    "wait-max": "legend.wait-max", "exceeded": "legend.exceeded", "flow": "flow.flow",
    "support": "flow.support", "return": "flow.return", "recovery": "flow.recovery",
}


def word(key: str, locale: str) -> str:
    """The picture's word ``key`` in ``locale``.

    >>> word("fail", "zh"), word("kpi", "en"), word("row.evidence", "en")
    ('失误点', 'KPI: ', 'Physical evidence')
    """
    return catalogue.word(key if "." in key else _KEYS.get(key, f"picture.{key}"), locale)
