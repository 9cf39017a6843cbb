"""The one home of st.cache_* wrappers. Every key includes the database's stamp (which file, and
how far its ingest runs have got), so new articles show without restarting the app."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import queries, store
from dashboard.queries import Filters


@st.cache_resource(max_entries=4)
def _probe(path: str, _file: tuple):
    return store.connect(path, readonly=True)


def stamp(path: str) -> tuple:
    """The version of the data the pages show: the file (a rebuild swaps in another one) and its
    ingest runs (every write that changes articles or engagements is one: upload, CLI, follow).

    Not the file's size and time: the Overview records each visit in the database, and saved views
    live there too, and with those in the key every new session would empty every cache for every
    analyst. Writers of anything else the pages show clear the caches themselves."""
    try:
        s = os.stat(path)
    except FileNotFoundError:
        return (None,)
    file = (s.st_dev, s.st_ino)
    try:
        return (file, *queries.data_version(_probe(path, file)))
    except store.StoreError:  # not yet upgraded, or not a database: database() says which
        wal = Path(f"{path}-wal")
        return (file, s.st_mtime_ns, s.st_size, wal.stat().st_size if wal.exists() else None)


@st.cache_resource(max_entries=4)
def connection(path: str, _stamp: tuple):
    """A read-only connection per database version (the writer is the ingest page or the CLI)."""
    return store.connect(path, readonly=True)


def _db(path: str, st_: tuple):
    return connection(path, st_)


@st.cache_data(max_entries=128, show_spinner=False)
def engagements(path: str, st_: tuple, f: Filters) -> pd.DataFrame:
    return queries.engagements(_db(path, st_), f)


@st.cache_data(max_entries=128, show_spinner=False)
def area_cells(path: str, st_: tuple, f: Filters, period: str) -> pd.DataFrame:
    return queries.area_cells(_db(path, st_), f, period)


@st.cache_data(max_entries=128, show_spinner=False)
def area_counts(path: str, st_: tuple, f: Filters, date_from: str, date_to: str) -> pd.DataFrame:
    return queries.area_counts(_db(path, st_), f, date_from, date_to)


@st.cache_data(max_entries=256, show_spinner=False)
def cell_articles(path: str, st_: tuple, f: Filters, area: str, period: str, kind: str) -> tuple[list[str], list[str]]:
    """(engagement ids, article ids) behind one heatmap cell."""
    db = _db(path, st_)
    eids = queries.cell_engagements(db, f, area, period, kind)
    return eids, queries.articles_of(db, eids)


@st.cache_data(max_entries=128, show_spinner=False)
def articles(path: str, st_: tuple, f: Filters, limit: int = 500, india_japan_only: bool = False) -> pd.DataFrame:
    return queries.articles(_db(path, st_), f, limit=limit, india_japan_only=india_japan_only)


@st.cache_data(max_entries=128, show_spinner=False)
def article_counts(path: str, st_: tuple, f: Filters) -> pd.DataFrame:
    return queries.article_counts(_db(path, st_), f)


@st.cache_data(max_entries=256, show_spinner=False)
def article(path: str, st_: tuple, article_id: str) -> dict | None:
    return queries.article(_db(path, st_), article_id)


@st.cache_data(max_entries=256, show_spinner=False)
def engagement_articles(path: str, st_: tuple, engagement_id: str) -> pd.DataFrame:
    return queries.engagement_articles(_db(path, st_), engagement_id)


@st.cache_data(max_entries=256, show_spinner=False)
def evidence(path: str, st_: tuple, article_ids: tuple[str, ...], area: str | None = None) -> pd.DataFrame:
    return queries.evidence(_db(path, st_), list(article_ids), area)


@st.cache_data(max_entries=16, show_spinner=False)
def options(path: str, st_: tuple) -> dict:
    return queries.options(_db(path, st_))


@st.cache_data(max_entries=128, show_spinner=False)
def filter_counts(path: str, st_: tuple, f: Filters) -> dict[str, dict[str, int]]:
    return queries.filter_counts(_db(path, st_), f)


@st.cache_data(max_entries=16, show_spinner=False)
def saved_views(path: str, st_: tuple) -> list[dict]:
    return store.list_views(_db(path, st_))


@st.cache_data(max_entries=16, show_spinner=False)
def counts(path: str, st_: tuple) -> dict:
    db = _db(path, st_)
    return {
        "articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
        "india_japan": db.execute("SELECT count(*) FROM articles WHERE india_japan = 1").fetchone()[0],
        "engagements": db.execute("SELECT count(*) FROM engagements").fetchone()[0],
    }


@st.cache_data(max_entries=256, show_spinner=False)
def participants(path: str, st_: tuple, engagement_id: str) -> pd.DataFrame:
    return queries.participants(_db(path, st_), engagement_id)


@st.cache_data(max_entries=16, show_spinner=False)
def default_period(path: str, st_: tuple) -> tuple[str, str]:
    return queries.default_period(_db(path, st_))


@st.cache_data(max_entries=32, show_spinner=False)
def briefing(path: str, st_: tuple, f: Filters, date_from: str, date_to: str, compare_from: str | None = None, compare_to: str | None = None):
    from dashboard import briefing as b

    inputs = queries.briefing_inputs(_db(path, st_), f, date_from, date_to, compare_from=compare_from, compare_to=compare_to)
    return b.build(**inputs, filters_text=queries.describe(f))


@st.cache_resource(show_spinner=False)
def _export_worker() -> ProcessPoolExecutor:
    """One worker process for exports: their CPU never competes with the page for the interpreter
    lock, and kaleido and Chromium are not run twice at once."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


@st.cache_resource(max_entries=8, show_spinner=False)
def briefing_exports(path: str, st_: tuple, f: Filters, date_from: str, date_to: str, compare_from: str | None, compare_to: str | None, hindi: bool) -> dict:
    """Every export of the briefing, started in the background when the page first shows it:
    {"tables": html, xlsx and CSVs (under a second), "visuals": pptx, pdf and PNGs (kaleido and
    Chromium, seconds)}. A download click waits for its future; nobody clicks "Prepare" first."""
    from dashboard import export_jobs

    b = briefing(path, st_, f, date_from, date_to, compare_from, compare_to)
    period = dataclasses.replace(f, date_from=date_from, date_to=date_to)
    started = time.monotonic()
    try:
        pool = _export_worker()
        tables: Future = pool.submit(export_jobs.tables, path, period, b, hindi)
    except BrokenProcessPool:  # the worker died (killed, out of memory): start a new one
        _export_worker.clear()
        pool = _export_worker()
        tables = pool.submit(export_jobs.tables, path, period, b, hindi)
    visuals: Future = pool.submit(export_jobs.visuals, b, hindi)
    return {"tables": tables, "visuals": visuals, "started": started}


@st.cache_data(max_entries=16, show_spinner=False)
def place_points(path: str, st_: tuple, f: Filters, hindi: bool) -> tuple[pd.DataFrame, int]:
    from dashboard import knowledge, places

    return places.points(engagements(path, st_, f), knowledge.default(), hindi)


@st.cache_data(max_entries=16, show_spinner=False)
def meeting_pairs(path: str, st_: tuple, f: Filters, people_only: bool, hindi: bool) -> tuple[pd.DataFrame, list[str], list[str]]:
    """(pairs, Indian participants, Japanese participants), most engagements first."""
    from dashboard import knowledge, meetings

    kb = knowledge.default()
    eng = engagements(path, st_, f)
    return meetings.pairs(eng, kb, people_only, hindi), meetings.ranking(eng, kb, "India", people_only), meetings.ranking(eng, kb, "Japan", people_only)


@st.cache_data(max_entries=16, show_spinner=False)
def review_queue(path: str, st_: tuple) -> tuple[list, int]:
    """The review queue (review/queue.py): (open items worst first, how many are reviewed)."""
    from dashboard.review import queue

    return queue.load(_db(path, st_))


@st.cache_data(max_entries=64, show_spinner=False)
def new_since(path: str, st_: tuple, user: str, previous: str | None) -> dict | None:
    """The Overview's new-since-your-last-visit figures (a second or so at 100,000 articles)."""
    from dashboard.follow import alerts

    return alerts.new_since_last_visit(_db(path, st_), user, previous)
