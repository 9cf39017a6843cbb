"""The two jobs the Briefing page starts the moment it shows, run in a worker process: building
the exports takes seconds of CPU, and in a thread of the server it would hold the interpreter lock
the page's own reruns need (a filter change would wait for plotly and openpyxl)."""

from __future__ import annotations

from dashboard import export
from dashboard.briefing import Briefing


def tables(path: str, period, b: Briefing, hindi: bool) -> dict[str, bytes]:
    """HTML, XLSX and the CSVs; the articles are read here, on this process's own connection."""
    from dashboard import queries, store

    db = store.connect(path, readonly=True)
    try:
        arts = queries.articles(db, period, limit=100_000, india_japan_only=True)
    finally:
        db.conn.close()
    return export.build_tables(b, arts, hindi)


def visuals(b: Briefing, hindi: bool) -> dict[str, bytes]:
    """PPTX, PDF and the chart PNGs (kaleido's Chromium stays up in the worker between jobs)."""
    return export.build_visuals(b, hindi)
