"""Saved views: named sets of filters and selections an analyst comes back to, kept in the database
beside the articles (a URL can be lost; the database travels with the work).

Migration 10 makes the table, and the two indexes behind the sidebar's counts and the language
and source filters (they read the article rows' short columns without touching their bodies).
"""

from __future__ import annotations

import json
import os

import sqlite_utils

from dashboard.store.connection import StoreError, connect, now

MAX_NAME = 80


def _m10_saved_views(db: sqlite_utils.Database) -> None:
    if "saved_views" not in db.table_names():
        db["saved_views"].create(
            {"name": str, "page": str, "params": str, "created_at": str, "updated_at": str}, pk="name"
        )
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_engagement_language_outlet ON articles (engagement_id, language, outlet)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_language_outlet_engagement ON articles (language, outlet, engagement_id)")


def list_views(db: sqlite_utils.Database) -> list[dict]:
    """Every saved view, by name: {'name', 'page', 'params' (URL parameters), 'updated_at'}."""
    if "saved_views" not in db.table_names():
        return []
    rows = db.execute("SELECT name, page, params, updated_at FROM saved_views ORDER BY name COLLATE NOCASE").fetchall()
    return [{"name": n, "page": p, "params": json.loads(q), "updated_at": u} for n, p, q, u in rows]


def save_view(path: str | os.PathLike, name: str, page: str, params: dict) -> str:
    """Store (or replace) a named view; returns the name as stored. Raises StoreError on a bad name."""
    name = " ".join(str(name).split())[:MAX_NAME]
    if not name:
        raise StoreError("a saved view needs a name")
    db = connect(path)
    try:
        stamp = now()
        with db.atomic():
            db.execute(
                """INSERT INTO saved_views (name, page, params, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (name) DO UPDATE SET page = excluded.page, params = excluded.params, updated_at = excluded.updated_at""",
                [name, page, json.dumps(params, ensure_ascii=False, sort_keys=True), stamp, stamp],
            )
    finally:
        db.conn.close()
    return name


def delete_view(path: str | os.PathLike, name: str) -> bool:
    db = connect(path)
    try:
        with db.atomic():
            gone = db.execute("DELETE FROM saved_views WHERE name = ?", [name]).rowcount
    finally:
        db.conn.close()
    return bool(gone)
