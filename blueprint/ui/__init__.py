"""The Streamlit app's package: everything ``app.py`` calls.

Pure work, tested without Streamlit: :mod:`.i18n` (the interface strings), :mod:`.pipeline`
(text in, findings, details, tables, files out), :mod:`.charts` (Vega-Lite specs), :mod:`.text`
(user text made safe for Markdown); drafts are kept in :mod:`blueprint.store`. Streamlit glue: :mod:`.components` (the editor and the
preview), :mod:`.cached` (``st.cache_data`` over the pipeline), :mod:`.session` (the open draft and
the one way to change its text), :mod:`.owner` (the browser's owner token), :mod:`.recent` (its
drafts), :mod:`.live` (another tab's save seen), :mod:`.conflict` (a clash settled side by side)
and :mod:`.pages` (one function per page).
"""

__all__: list[str] = []
