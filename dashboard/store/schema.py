"""The schema as recorded migrations: a database of any earlier version is upgraded in place."""

from __future__ import annotations

import json

import sqlite_utils

from dashboard.store.connection import now, write
from dashboard.store.corrections import _m11_corrections
from dashboard.store.decisions import _m6_decisions, article_decisions
from dashboard.store.engagements import refresh_summaries
from dashboard.store.search import FTS_TOKENIZE
from dashboard.store.segmented import m9_segmented_fts
from dashboard.store.sources import _m8_sources
from dashboard.store.views import _m10_saved_views


def schema_version(db: sqlite_utils.Database) -> int:
    if "schema_migrations" not in db.table_names():
        return 0
    row = db.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def _m1_initial(db: sqlite_utils.Database) -> None:
    db["articles"].create(
        {
            "id": str,
            "title": str,
            "body": str,
            "language": str,
            "outlet": str,
            "url": str,
            "published": str,
            "year": int,
            "india_japan": int,
            "relevance": float,
            "source_file": str,
            "ingested_at": str,
            "synthetic": int,
            "engagement_id": str,
            "eng_date": str,
            "eng_type": str,
            "eng_status": str,
            "eng_place": str,
            "record": str,
        },
        pk="id",
    )
    db["engagements"].create(
        {
            "id": str,
            "date": str,
            "end_date": str,
            "sort_date": str,
            "year": int,
            "type": str,
            "status": str,
            "place": str,
            "participants": str,
            "areas": str,
            "languages": str,
            "n_articles": int,
            "confidence": float,
            "updated_at": str,
        },
        pk="id",
    )
    db["participants"].create(
        {"engagement_id": str, "name": str, "country": str}, pk=("engagement_id", "name")
    )
    db["people"].create({"name": str, "country": str, "n_articles": int}, pk="name")
    db["article_people"].create(
        {
            "article_id": str,
            "name": str,
            "country": str,
            "role": str,
            "role_key": str,
            "mentions": int,
        },
        pk=("article_id", "name"),
    )
    db["area_mentions"].create(
        {"article_id": str, "area": str, "count": int}, pk=("article_id", "area")
    )
    db["evidence"].create(
        {"article_id": str, "area": str, "start": int, "end": int, "sentence": str}
    )
    db["dates"].create(
        {"article_id": str, "date": str, "role": str, "text": str, "start": int, "end": int}
    )
    db["ingest_runs"].create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "command": str,
            "new": int,
            "duplicate": int,
            "updated": int,
            "failed": int,
        },
        pk="id",
    )
    db["ingest_files"].create(
        {"run_id": int, "source": str, "outcome": str, "reason": str, "article_id": str}
    )
    for table, cols in (
        ("articles", ["engagement_id"]),
        ("articles", ["published"]),
        ("articles", ["india_japan", "published"]),
        ("articles", ["source_file"]),
        ("engagements", ["sort_date"]),
        ("participants", ["name"]),
        ("article_people", ["name"]),
        ("area_mentions", ["area"]),
        ("evidence", ["article_id", "area"]),
        ("dates", ["article_id"]),
        ("ingest_files", ["run_id"]),
    ):
        db[table].create_index(cols, if_not_exists=True)
    db["articles"].enable_fts(["title", "body"], tokenize=FTS_TOKENIZE, create_triggers=True)


def _grouping_columns(rec: dict) -> dict:
    """Per-article fields the grouping reads, kept in columns so regrouping never parses records."""
    eng = rec.get("engagement") or {}
    ex = rec.get("exercises") or []
    return {
        "eng_end_date": eng.get("end_date"),
        "eng_participants": json.dumps(eng.get("participants") or [], ensure_ascii=False),
        # the exercise the article is about: the one it names most
        "main_exercise": max(ex, key=lambda e: e["mentions"])["name"] if ex else None,
        "eng_decisions": article_decisions(rec),
    }


def _m2_summaries(db: sqlite_utils.Database) -> None:
    for col in ("eng_end_date", "eng_participants", "main_exercise"):
        db["articles"].add_column(col, str)
    rows = db.execute("SELECT id, record FROM articles").fetchall()
    updates = []
    for aid, record in rows:
        g = _grouping_columns(json.loads(record))
        updates.append((g["eng_end_date"], g["eng_participants"], g["main_exercise"], aid))
    db.conn.executemany("UPDATE articles SET eng_end_date = ?, eng_participants = ?, main_exercise = ? WHERE id = ?", updates)
    db["engagement_areas"].create(
        {"engagement_id": str, "area": str, "mentions": int, "articles": int, "sort_date": str}, pk=("engagement_id", "area")
    )
    db["engagement_areas"].create_index(["area", "sort_date"], if_not_exists=True)
    db["engagement_areas"].create_index(["sort_date"], if_not_exists=True)
    db["facets"].create({"kind": str, "value": str, "n": int}, pk=("kind", "value"))
    refresh_summaries(db)


def _m3_fts_update_trigger(db: sqlite_utils.Database) -> None:
    """Re-index an article's text only when its text changes: setting engagement_id on every article
    at each regrouping used to re-tokenise the whole corpus."""
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        """CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
             INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
             INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
           END"""
    )


def _m4_records_table(db: sqlite_utils.Database) -> None:
    """The parsed record (three times the article's size) moves out of the articles row: every
    regrouping rewrites the rows whose engagement changes, and scans read the columns after it.
    Its title and body are already columns of the article, so the record keeps the rest."""
    db["records"].create({"article_id": str, "record": str}, pk="article_id")
    db.execute(
        "INSERT INTO records (article_id, record) SELECT id, json_remove(record, '$.title', '$.body') FROM articles"
    )
    db.execute("ALTER TABLE articles DROP COLUMN record")


def _m5_stats_index(db: sqlite_utils.Database) -> None:
    """`stats` counts articles per language and year from this index instead of reading the table."""
    db["articles"].create_index(["language", "year", "india_japan", "synthetic"], if_not_exists=True)


MIGRATIONS = [
    (
        1,
        "initial schema: articles, engagements, people, areas, evidence, dates, ingest log, FTS",
        _m1_initial,
    ),
    (2, "grouping columns on articles; engagement_areas and facets summaries for fast dashboards", _m2_summaries),
    (3, "full-text index updated only when title or body change", _m3_fts_update_trigger),
    (4, "parsed records in their own table, out of the articles rows", _m4_records_table),
    (5, "an index for the per-language and per-year counts", _m5_stats_index),
    (6, "each engagement field's confidence and reason, per article and per engagement", _m6_decisions),
    (8, "followed sources, URLs seen, reports of one story, watches, visits, webhook deliveries", _m8_sources),
    (9, "a segmented column in the full-text index, so Japanese words are found", m9_segmented_fts),
    (10, "saved views; indexes for the sidebar's counts and the language and source filters", _m10_saved_views),
    (11, "reviewers' corrections, and which engagement fields they changed", _m11_corrections),
]
SCHEMA_VERSION = max(v for v, _, _ in MIGRATIONS)


def migrate(db: sqlite_utils.Database) -> list[int]:
    """Apply the migrations this database has not had, each in its own write transaction.

    Which ones are missing is read again once the write lock is held: two programs opening one
    new database at once (two ingests, two browser tabs) must not both create a table."""
    done = []
    if "schema_migrations" not in db.table_names():
        with write(db):
            db["schema_migrations"].create(
                {"version": int, "description": str, "applied_at": str}, pk="version", if_not_exists=True
            )
    for version, description, fn in MIGRATIONS:
        if version in _applied(db):
            continue
        with write(db):
            if version in _applied(db):
                continue
            fn(db)
            db["schema_migrations"].insert(
                {"version": version, "description": description, "applied_at": now()}
            )
        done.append(version)
    return done


def _applied(db: sqlite_utils.Database) -> set[int]:
    return {r[0] for r in db.execute("SELECT version FROM schema_migrations").fetchall()}
