"""Upload articles (txt, html, json, jsonl, csv or a zip of them); see each file's outcome."""

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import auth, ingest, labels, readers, store, uploads
from dashboard.highlight import markdown_escape
from dashboard.pages import common

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
st.title(labels.t("ingest", hi))
auth.require_editor("Adding articles")
st.caption(
    f"Articles are parsed and added to {Path(path).name}; the same text uploaded twice is stored once. "
    f"Nothing already stored is removed. Up to {uploads.MAX_FILES} files and "
    f"{uploads.MAX_TOTAL_BYTES >> 20} MB per upload."
)

files = st.file_uploader(
    "Articles",
    type=sorted(s.lstrip(".") for s in readers.SUFFIXES),
    accept_multiple_files=True,
    key="up_files",
    help="Plain text as saved from a news page, saved HTML pages, JSON / JSON lines / CSV exports, or a zip of any of these.",
)
refused = uploads.too_much([uf.size for uf in files]) if files else None
if refused:
    st.error(refused)
elif files and st.button("Add to the database", type="primary", key="up_go"):
    with tempfile.TemporaryDirectory() as tmp:
        # each file under the name the user gave it (two of one name are both kept), never a temporary path
        named = uploads.save([(uf.name, uf.getvalue()) for uf in files], tmp)
        bar = st.progress(0.0, text="Parsing …")
        outcomes: list[dict] = []
        total = max(len(files), 1)

        def on_file(source: str, outcome: str, reason: str | None) -> None:
            outcomes.append({"file": uploads.shown_source(source), "outcome": outcome, "reason": reason or ""})
            done = len({o["file"].split("#")[0].split("!")[0] for o in outcomes})
            bar.progress(min(done / total, 1.0), text=f"{len(outcomes)} article(s) processed")

        command = f"upload by {auth.who()}" if auth.who() else "upload"
        try:
            summary = ingest.ingest([], path, workers=1, progress=False, on_file=on_file, command=command, named=named)
        except store.StoreError as exc:
            st.error(f"Nothing was added: {exc}")
            st.stop()
        bar.progress(1.0, text="Done")
    st.session_state["up_result"] = (summary.line(), outcomes)
    st.cache_data.clear()

if "up_result" in st.session_state:
    line, outcomes = st.session_state["up_result"]
    failed = [o for o in outcomes if o["outcome"] == "failed"]
    (st.warning if failed else st.success)(line)
    for o in failed:
        st.error(markdown_escape(f"{o['file']}: {o['reason']}"))
    table = pd.DataFrame(outcomes, columns=["file", "outcome", "reason"])
    if len(table) <= 200:
        st.table(table)
    else:
        st.dataframe(table, hide_index=True, width="stretch", key="up_table")
