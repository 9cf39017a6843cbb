"""What every page shares: the database, the view (filters, switches, selections; state.py), the
sidebar (sidebar.py) and safe ways to show untrusted text (safe.py), under one import."""

from __future__ import annotations

import html
import logging

import pandas as pd
import streamlit as st

from dashboard import cached, decided, knowledge, labels, names, outlets, store
from dashboard.pages import sidebar as _sidebar
from dashboard.pages.safe import block, esc, heading, link_html, md, notice, table  # noqa: F401  (the pages' API)
from dashboard.pages.state import (  # noqa: F401
    bound,
    current,
    go,
    link,
    picked,
    picked_row,
    select,
    to_url,
    update,
)

log = logging.getLogger("dashboard")
CSS = """
<style>
mark { background: #ffe066; color: #000; padding: 0 2px; border-radius: 2px; }
.person { font-weight: 700; color: #0b3d91; }
.evidence { border-bottom: 2px solid #e67e22; }
.article-text { font-size: 1.12rem; line-height: 1.75; max-width: 52rem; }
.quote { border-left: 4px solid #1f4e9c; padding: .2rem .8rem; margin: .4rem 0; font-size: 1.05rem; }
.quote .src { color: #555; font-size: .9rem; }
tr.unsure td { background: #fff4e0; }
.decided td:nth-child(2) { min-width: 8.5em; }
tr.unsure td:nth-child(2) { font-weight: 700; color: #8a4b00; }
.rv-marks { color: #8a4b00; font-size: .95rem; margin: .1rem 0 .4rem; }
.meta { color: #333; }
.meta code { font-size: .9rem; }
.snippet { display: block; padding: .35rem .6rem; margin: .2rem 0; border-radius: 6px; color: inherit; text-decoration: none; border: 1px solid #dde3ea; }
.snippet:hover { background: #f2f4f7; border-color: #1f4e9c; }
.snippet b { color: #0b3d91; }
table.plain { border-collapse: collapse; width: 100%; font-size: .95rem; margin-bottom: .8rem; }
table.plain th, table.plain td { border-bottom: 1px solid #dde3ea; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.st-key-matches button { justify-content: flex-start; text-align: left; border: 1px solid #dde3ea; border-radius: 6px; padding: .35rem .6rem; }
.st-key-matches button:hover { background: #f2f4f7; border-color: #1f4e9c; }
.st-key-matches button > div { justify-content: flex-start; }
.st-key-matches button p { text-align: left; }
.notice { background: #fff8e1; border-left: 4px solid #e6a700; padding: .6rem .9rem; border-radius: 4px; margin: .3rem 0 .8rem; }
</style>
"""
def database() -> tuple[str, tuple]:
    """(path, stamp) of the database, or a clear message and a stop: never a traceback. A database
    of an older schema is upgraded in place first (the app reads through read-only connections)."""
    path = str(store.db_path())
    try:
        stamp = cached.stamp(path)
        try:
            cached.connection(path, stamp)
        except store.StoreError as exc:
            if "open it once for writing" not in str(exc):
                raise
            store.connect(path).conn.close()  # runs the migrations it lacks
            stamp = cached.stamp(path)
            cached.connection(path, stamp)
    except store.SchemaTooNew as exc:
        st.error(f"This database was written by a newer version of the dashboard. {exc}")
        st.stop()
    except store.StoreError as exc:
        msg = str(exc)
        if "does not exist" in msg:
            st.error(f"The database file {path} is missing. Build it with `python -m dashboard ingest data/sample --db {path}` or remove DASHBOARD_DB to use the sample data.")
        elif "locked" in msg:
            st.error(f"The database is busy (locked by another program). Reload the page in a moment. ({msg})")
        else:
            st.error(f"The database cannot be opened: {msg}")
        st.stop()
    return path, stamp


def sidebar(path: str, stamp: tuple):
    """The shared filters; returns them (queries.Filters) and whether labels are in Hindi."""
    return _sidebar.render(path, stamp)


def hindi() -> bool:
    return bool(current()["hi"])


def in_script(eng, hi: bool):
    """Engagements with their places and participants as the analyst reads them (Devanagari in
    Hindi mode), for charts and lists; the cached frame itself is left as stored."""
    if not hi or eng.empty:
        return eng
    place = pd.Series([names.shown(p, True) for p in eng["place"]], index=eng.index, dtype=object)  # None stays None
    return eng.assign(place=place, participants=[names.shown_all(pp, True) for pp in eng["participants"]])


def outlet(name: str | None, hi: bool) -> str:
    """An outlet as the analyst reads it: its one name (in Hindi when the knowledge has one)."""
    return outlets.display(name, hi, knowledge.default(), unknown=(labels.t("unknown_source"), labels.t("unknown_source", True)))


def status(row, hi: bool, path: str, stamp: tuple) -> str:
    """An engagement's status; 'ongoing' says as of which report (true on that day, not today)."""
    if row["status"] != "ongoing":
        return labels.t(row["status"], hi, labels.STATUSES)
    last = cached.engagement_articles(path, stamp, row["id"])["published"].dropna().max()
    return labels.fmt("ongoing_as_of", hi, date=last) if isinstance(last, str) else labels.t("ongoing", hi, labels.STATUSES)


def file_name(source: str | None) -> str:
    """Where an article came from: the file's name, never a local or temporary path."""
    return outlets.file_name(source)


def source_line(outlet_name: str | None, published: str | None, hi: bool) -> str:
    """'Outlet, 2025-05-05' with the words for a missing outlet or date."""
    return f"{outlet(outlet_name, hi)}, {published or labels.t('undated', hi)}"


def how_decided(decisions, values: dict, hi: bool) -> None:
    """Each engagement field's value beside how sure the parser is and why, an unsure one marked
    "?". The reasons are the parser's own words (English, quoting the article's), so they are
    marked lang="en" and class="machine"."""
    rows = decided.rows(decisions, values)
    if not rows:
        return
    head = "".join(f"<th>{esc(labels.t(k, hi))}</th>" for k in ("col_field", "col_value", "col_sure", "col_why"))
    body = "".join(
        f'<tr class="{"unsure" if r["unsure"] else "sure"}"><td>{esc(labels.t(r["field"], hi, labels.DECIDED))}</td>'
        f'<td>{esc(r["value"])}</td><td>{esc(r["sure"])}</td><td lang="en" class="machine">{esc(r["why"])}</td></tr>'
        for r in rows
    )
    note = f'<p class="meta">{esc(labels.t("unsure_note", hi))}</p>' if any(r["unsure"] for r in rows) else ""
    block(f'<div class="decided"><b>{esc(labels.t("how_decided", hi))}</b><table class="plain">'
          f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}</div>")


def quote(sentence: str, source: str, language: str) -> str:
    """An evidence sentence and where it comes from, as HTML (both untrusted)."""
    return f'<div class="quote" lang="{html.escape(language or "", quote=True)}">{esc(sentence)}<div class="src">— {esc(source)}</div></div>'


def empty_state(hi: bool) -> None:
    st.info(labels.t("no_match", hi))


def page_failed(exc: BaseException, page: str) -> None:
    """A page raised: the analyst sees a sentence, the server log gets the trace (no paths on screen)."""
    log.exception("page %s failed", page, exc_info=exc)
    st.error(labels.fmt("page_error", hindi(), kind=type(exc).__name__))
