"""Compare: the as-is and the to-be blueprint side by side, the changes marked on both pictures.

Each side is a revision of the open draft, one of the owner's saved drafts, an example or an
uploaded file. The difference is :func:`blueprint.analysis.diff.diff` (what ``blueprint diff``
prints): removed, moved and changed steps framed on the as-is picture, added, moved and changed
ones on the to-be picture (:mod:`blueprint.render.overlay`), then the lists and the journey time
before and after. Nothing here changes either blueprint.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from .. import cached, owner, pipeline, session
from ..components import blueprint_preview
from ..i18n import t
from ..text import md_escape
from .common import load_error_words, relative_time, translator, uploader_words
from .start import EXAMPLES_DIR, UPLOAD_TYPES

__all__ = ["SIDES", "SOURCES", "key", "page"]

SIDES = ("before", "after")
SOURCES = ("revision", "draft", "example", "upload")
_PICTURE_HEIGHT = "55vh"


def key(side: str, what: str) -> str:
    """A widget's key on one side: ``bp_compare_before_source``, ``bp_compare_after_example``..."""
    return f"bp_compare_{side}_{what}"


def page() -> None:
    locale = session.ui_locale()
    tr = translator(locale)
    st.caption(tr("compare.intro"))
    texts: dict[str, str | None] = {}
    columns = st.columns(2, gap="medium")
    for side, column in zip(SIDES, columns):
        with column, st.container(border=True):
            texts[side] = _side(side, locale)
    if texts["before"] is None or texts["after"] is None:
        st.info(tr("compare.pick_both"))
        return
    for side in SIDES:
        error = cached.load_error(texts[side])
        if error is not None:
            st.error(load_error_words(f"compare.broken_{side}", error, locale))
            return
    result = cached.comparison(texts["before"], texts["after"], locale)
    _pictures(result, locale)
    _summary(result["diff"], locale)
    _lists(result, locale)


# -- choosing the two sides ------------------------------------------------------------------------


def _defaults(side: str) -> tuple[str, object]:
    """Where a side starts: with an open draft that has history, its previous revision against the
    current one; with a draft, an example against it; without, the as-is hall against the to-be."""
    current = session.draft()
    if current is not None:
        revisions = session.store().revisions(current.id, limit=2)
        if side == "after":
            return "revision", current.revision
        if len(revisions) > 1:
            return "revision", revisions[1].id
    names = [Path(example.path).name for example in cached.examples(str(EXAMPLES_DIR))]
    wanted = "before" if side == "before" else "walk"
    same_language = [name for name in names if wanted in name and name.endswith(".zh.yaml")]
    chosen = (same_language or [name for name in names if wanted in name] or names or [None])[0]
    return "example", chosen


def _side(side: str, locale: str) -> str | None:
    """One side's choice and the text it names (None until there is one)."""
    tr = translator(locale)
    source, value = _defaults(side)
    if key(side, "source") not in st.session_state:
        st.session_state[key(side, "source")] = source
    st.markdown(f"**{md_escape(tr(f'compare.{side}'))}**")
    chosen = st.segmented_control(tr("compare.source"), options=list(SOURCES), key=key(side, "source"),
                                  format_func=lambda name: tr(f"compare.source_{name}"),
                                  label_visibility="collapsed")
    if chosen == "revision":
        return _revision(side, value if source == "revision" else None, locale)
    if chosen == "draft":
        return _draft(side, locale)
    if chosen == "example":
        return _example(side, value if source == "example" else None, locale)
    if chosen == "upload":
        return _upload(side, locale)
    return None


def _revision(side: str, default: object, locale: str) -> str | None:
    tr = translator(locale)
    current = session.draft()
    if current is None:
        st.caption(tr("compare.no_draft"))
        return None
    store = session.store()
    revisions = store.revisions(current.id, limit=50)
    labels = {revision.id: (tr("compare.current") if revision.is_head else "") + t(
        "history.item", locale, when=relative_time(revision.created, locale), who=revision.author or "-",
        what=t(_source_word(revision.message), locale)) for revision in revisions}
    if st.session_state.get(key(side, "revision")) not in labels:
        st.session_state[key(side, "revision")] = default if default in labels else revisions[0].id
    picked = st.selectbox(tr("compare.revision"), options=list(labels), format_func=labels.get,
                          key=key(side, "revision"))
    found = store.revision(current.id, picked)
    return found.text if found is not None else None


def _source_word(message: str) -> str:
    known = ("create", "editor", "table", "details", "merge", "conflict", "restore", "undo", "redo", "import")
    return f"history.source_{message}" if message in known else "history.source_other"


def _draft(side: str, locale: str) -> str | None:
    tr = translator(locale)
    found = session.store().recent(owner.token(), limit=30)
    if not found:
        st.caption(tr("start.no_recent"))
        return None
    names = {info.id: (cached.summary(info.text).get("title") or info.title or tr("app.untitled"))
             + " · " + relative_time(info.updated, locale) for info in found}
    if st.session_state.get(key(side, "draft")) not in names:
        st.session_state[key(side, "draft")] = found[0].id
    picked = st.selectbox(tr("compare.draft"), options=list(names), format_func=names.get, key=key(side, "draft"))
    return next(info.text for info in found if info.id == picked)


def _example(side: str, default: object, locale: str) -> str | None:
    tr = translator(locale)
    examples = {Path(example.path).name: example for example in cached.examples(str(EXAMPLES_DIR))}
    if st.session_state.get(key(side, "example")) not in examples:
        st.session_state[key(side, "example")] = default if default in examples else next(iter(examples), None)
    picked = st.selectbox(tr("compare.example"), options=list(examples), key=key(side, "example"),
                          format_func=lambda name: f"{examples[name].title} ({name})")
    return Path(examples[picked].path).read_text(encoding="utf-8") if picked else None


def _upload(side: str, locale: str) -> str | None:
    tr = translator(locale)
    uploader_words(key(side, "upload"), tr("start.upload_button"), tr("compare.upload_types",
                                                                      types=", ".join(UPLOAD_TYPES)))
    upload = st.file_uploader(tr("start.upload_label"), type=UPLOAD_TYPES, key=key(side, "upload"),
                              label_visibility="collapsed")
    if upload is None:
        return None
    result = pipeline.read_upload(upload.getvalue())
    if result.text is None:
        st.error(load_error_words("compare.upload_failed", result.error, locale))
    return result.text


# -- what differs ----------------------------------------------------------------------------------


def _pictures(result: dict, locale: str) -> None:
    tr = translator(locale)
    labels = {"in": tr("preview.zoom_in"), "out": tr("preview.zoom_out"), "actual": tr("preview.actual"),
              "width": tr("preview.width"), "fit": tr("preview.fit"), "phase": tr("preview.phase"),
              "hint": tr("compare.hint")}
    columns = st.columns(2, gap="small")
    for side, column in zip(SIDES, columns):
        with column:
            st.markdown(f"**{md_escape(tr(f'compare.{side}'))}**")
            with st.container(key=key(side, "picture")):
                blueprint_preview(result["svg"][side], labels=labels, empty=tr("preview.empty"),
                                  height=_PICTURE_HEIGHT, key=key(side, "preview"))
            if result["why"][side]:
                st.warning(tr("preview.render_failed", message=md_escape(result["why"][side])))


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".rstrip("0").rstrip(".")


def _summary(diff: dict, locale: str) -> None:
    tr = translator(locale)
    minutes = diff["journey_minutes"]
    cols = st.columns(5)
    delta = None
    if minutes["before"] is not None and minutes["after"] is not None:
        delta = tr("analysis.minutes", n=_number(minutes["after"] - minutes["before"]))
    cols[0].metric(tr("compare.journey"), tr("compare.before_after", before=_number(minutes["before"]),
                                             after=_number(minutes["after"])),
                   delta=delta, delta_color="inverse")
    cols[1].metric(tr("compare.steps"), tr("compare.added_removed", added=len(diff["added"]),
                                           removed=len(diff["removed"])))
    cols[2].metric(tr("compare.moved_changed"), tr("compare.moved_changed_value", moved=len(diff["moved"]),
                                                   changed=len({entry["id"] for entry in diff["changed"]})))
    cols[3].metric(tr("compare.flows"), tr("compare.added_removed", added=len(diff["flows_added"]),
                                           removed=len(diff["flows_removed"])))
    cols[4].metric(tr("compare.findings"), tr("compare.fixed_introduced", fixed=len(diff["findings_fixed"]),
                                              introduced=len(diff["findings_introduced"])))


def _lists(result: dict, locale: str) -> None:
    tr = translator(locale)
    diff, labels = result["diff"], result["labels"]
    nothing = not any(diff[name] for name in ("added", "removed", "renamed", "moved", "changed", "flows_added",
                                              "flows_removed", "findings_fixed", "findings_introduced"))
    if nothing:
        st.success(tr("compare.same"))
        return
    step, label = tr("compare.col_step"), tr("compare.col_label")
    _table(tr("compare.added"), [{step: row["id"], label: row["label"], tr("compare.col_lane"): row["lane"],
                                  tr("compare.col_phase"): row["phase"]} for row in diff["added"]])
    _table(tr("compare.removed"), [{step: row["id"], label: row["label"], tr("compare.col_lane"): row["lane"],
                                    tr("compare.col_phase"): row["phase"]} for row in diff["removed"]])
    _table(tr("compare.renamed"), [{tr("compare.col_from"): row["from"], tr("compare.col_to"): row["to"],
                                    label: labels["after"].get(row["to"], "")} for row in diff["renamed"]])
    _table(tr("compare.moved"), [{step: row["id"], label: labels["after"].get(row["id"], ""),
                                  tr("compare.col_what"): tr(f"compare.what_{row['what']}"),
                                  tr("compare.col_from"): row["from"], tr("compare.col_to"): row["to"]}
                                 for row in diff["moved"]])
    _table(tr("compare.changed"), [{step: row["id"], label: labels["after"].get(row["id"], ""),
                                    tr("compare.col_field"): row["field"],
                                    tr("compare.col_before"): _shown(row["before"]),
                                    tr("compare.col_after"): _shown(row["after"])} for row in diff["changed"]])
    flow = [(tr("compare.flows_added"), diff["flows_added"]), (tr("compare.flows_removed"), diff["flows_removed"])]
    for title, rows in flow:
        _table(title, [{tr("compare.col_from"): row["from"], tr("compare.col_to"): row["to"],
                        tr("compare.col_kind"): t(f"flow.{row['kind']}", locale),
                        tr("compare.col_handoff"): "✓" if row["handoff"] else ""} for row in rows])
    for name in ("findings_fixed", "findings_introduced"):
        _table(tr(f"compare.{name}"), [{tr("compare.col_rule"): row["rule"],
                                        tr("compare.col_level"): tr(f"level.{row['level']}"),
                                        tr("compare.col_message"): row["message"]} for row in diff[name]])


def _shown(value: object) -> str:
    """A field's value in a table cell: text as it is, lists joined, nothing as a dash."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value)
    return str(value)


def _table(title: str, rows: list[dict]) -> None:
    if not rows:
        return
    st.markdown(f"**{md_escape(title)}** ({len(rows)})")
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", height=min(len(rows) + 1, 10) * 35 + 3)
