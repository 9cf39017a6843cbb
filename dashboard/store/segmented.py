"""Migration 9: a second full-text column holding Japanese text with its words split by spaces.

unicode61 makes a whole Japanese clause one token and trigram misses two-character words (and on
SQLite 3.40 its LIKE returns nothing), so the index gets `segmented`: the article's Japanese
lines as words (dashboard.parse.segment), NULL for articles without Japanese. A query is split the
same way (search.fts_query), so 防衛 and 共同訓練 find Japanese articles; Hindi and English still
match `title` and `body` as before.
"""

from __future__ import annotations

import sqlite_utils

from dashboard.parse.segment import for_index
from dashboard.store.search import FTS_TOKENIZE

FTS_COLUMNS = ("title", "body", "segmented")


def _fts_triggers(db: sqlite_utils.Database) -> None:
    """The index follows the articles table; an update re-indexes only when the text changes."""
    cols = ", ".join(FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    for name in ("articles_ai", "articles_ad", "articles_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute(
        f"""CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
              INSERT INTO articles_fts (rowid, {cols}) VALUES (new.rowid, {new});
            END"""
    )
    db.execute(
        f"""CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
              INSERT INTO articles_fts (articles_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old});
            END"""
    )
    db.execute(
        f"""CREATE TRIGGER articles_au AFTER UPDATE OF {cols} ON articles BEGIN
              INSERT INTO articles_fts (articles_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old});
              INSERT INTO articles_fts (rowid, {cols}) VALUES (new.rowid, {new});
            END"""
    )


def m9_segmented_fts(db: sqlite_utils.Database) -> None:
    if "segmented" not in db["articles"].columns_dict:
        db["articles"].add_column("segmented", str)
    rows = db.execute(
        "SELECT id, title, body FROM articles WHERE segmented IS NULL"
    ).fetchall()
    updates = [(seg, aid) for aid, title, body in rows if (seg := for_index(title or "", body or ""))]
    db.conn.executemany("UPDATE articles SET segmented = ? WHERE id = ?", updates)
    for t in [t for t in db.table_names() if t.startswith("articles_fts")]:
        if t == "articles_fts":
            db.execute("DROP TABLE articles_fts")
    db.execute(
        f"""CREATE VIRTUAL TABLE articles_fts USING fts5 ({", ".join(FTS_COLUMNS)},
              content=[articles], tokenize="{FTS_TOKENIZE}")"""
    )
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    _fts_triggers(db)
