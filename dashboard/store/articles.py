"""Writing parsed articles: one id per text, a savepoint per article, every file's outcome logged."""

from __future__ import annotations

import hashlib
import json
import re
from typing import NamedTuple

import orjson
import sqlite_utils

from dashboard.parse.matcher import fold
from dashboard.parse.segment import for_index
from dashboard.store.connection import _insert_rows, now, write
from dashboard.store.schema import _grouping_columns

_NON_WORD = re.compile(r"[\W_]+")


def article_id(body: str, normalised: bool = False) -> str:
    """Same text, same id: whitespace, case, punctuation and spelling folds do not make a new article.

    `normalised`: the body is already NFC (a parsed body always is), which saves a pass."""
    key = _NON_WORD.sub("", fold(body, normalised))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


CHILD_COLUMNS = {
    "article_people": ("article_id", "name", "country", "role", "role_key", "mentions"),
    "area_mentions": ("article_id", "area", "count"),
    "evidence": ("article_id", "area", "start", "end", "sentence"),
    "dates": ("article_id", "date", "role", "text", "start", "end"),
}


def _record_rows(aid: str, rec: dict) -> dict[str, list[tuple]]:
    """The rows of the per-article tables, in CHILD_COLUMNS order."""
    return {
        "article_people": [
            (aid, p["name"], p["country"], p["role"], p["role_key"], p["mentions"]) for p in rec["people"]
        ],
        "area_mentions": [(aid, a["id"], a["count"]) for a in rec["areas"]],
        "evidence": [
            (aid, a["id"], e["start"], e["end"], e["text"]) for a in rec["areas"] for e in a["evidence"]
        ],
        "dates": [(aid, d["date"], d["role"], d["text"], d["start"], d["end"]) for d in rec["dates"]],
    }


def _article_row(aid: str, rec: dict, source_file: str, synthetic: bool, ingested_at: str | None = None) -> dict:
    eng = rec.get("engagement") or {}
    pub = rec.get("published")
    year = None
    when = pub or (
        eng.get("date") if eng.get("date") and not str(eng.get("date")).startswith("X") else None
    )
    if when:
        year = int(when[:4])
    return {
        "id": aid,
        "title": rec["title"],
        "body": rec["body"],
        "language": rec["language"],
        "outlet": rec.get("outlet"),
        "url": rec.get("url"),
        "published": pub,
        "year": year,
        "india_japan": int(bool(rec["india_japan"])),
        "relevance": rec.get("relevance", 0.0),
        "source_file": source_file,
        "ingested_at": ingested_at or now(),
        "synthetic": int(synthetic),
        "engagement_id": None,
        "eng_date": eng.get("date"),
        "eng_type": eng.get("type"),
        "eng_status": eng.get("status"),
        "eng_place": eng.get("place"),
        **_grouping_columns(rec),
        # Japanese words split by spaces, for the full-text index (store/segmented.py)
        "segmented": for_index(rec["title"], rec["body"]),
    }


def _delete_article(db: sqlite_utils.Database, aid: str) -> None:
    for table in ("article_people", "area_mentions", "evidence", "dates"):
        db.execute(f"DELETE FROM [{table}] WHERE article_id = ?", [aid])
    db.execute("DELETE FROM records WHERE article_id = ?", [aid])
    db.execute("DELETE FROM articles WHERE id = ?", [aid])


TEXT_FIELDS = ("title", "body")  # of a parsed record: stored as article columns, not in the record


class Prepared(NamedTuple):
    """One parsed article as the rows it becomes. Built in the parsing processes, so the single
    writer only writes (and unpickles flat tuples instead of the nested record)."""

    id: str
    source_file: str
    record: str  # the parsed record as JSON, less TEXT_FIELDS: provenance, and how a changed parse is noticed
    columns: tuple[str, ...]
    article: tuple
    children: dict[str, list[tuple]]


def prepare(rec: dict, source_file: str, synthetic: bool = False, ingested_at: str | None = None) -> Prepared:
    aid = article_id(rec["body"], normalised=True)
    row = _article_row(aid, rec, source_file, synthetic, ingested_at)
    return Prepared(
        aid,
        source_file,
        orjson.dumps({k: v for k, v in rec.items() if k not in TEXT_FIELDS}, option=orjson.OPT_SORT_KEYS).decode(),
        tuple(row),
        tuple(row.values()),
        _record_rows(aid, rec),
    )


def save_article(db: sqlite_utils.Database, p: Prepared) -> tuple[str, str]:
    """Store one prepared article inside the caller's transaction: (outcome, article id).

    Articles are identified by their text. new: not seen before; duplicate: the same text again,
    from this file or from another one (stored once, as the first file gave it); updated: the
    same text from the same file with a changed parse (a re-parse after the knowledge grew). A
    file that now holds other text (a new export saved under an old name) adds its articles:
    nothing stored is ever removed by an ingest.
    """
    aid, source_file = p.id, p.source_file
    existing = db.execute(
        "SELECT r.record, a.source_file, a.title, a.body FROM articles a LEFT JOIN records r ON r.article_id = a.id WHERE a.id = ?",
        [aid],
    ).fetchone()
    if existing is not None:
        same = existing[2:] == tuple(p.article[p.columns.index(f)] for f in TEXT_FIELDS) and _same_record(existing[0], p.record)
        if existing[1] != source_file or same:
            return "duplicate", aid
        outcome = "updated"
        _delete_article(db, aid)
    else:
        outcome = "new"
    _insert_rows(db, "articles", p.columns, [p.article])
    db.execute("INSERT INTO records (article_id, record) VALUES (?, ?)", [aid, p.record])
    for table, rows in p.children.items():
        if rows:
            _insert_rows(db, table, CHILD_COLUMNS[table], rows)
    return outcome, aid


def _same_record(stored: str | None, new: str) -> bool:
    """Equal as JSON: records stored by an older version were written with other spacing."""
    if stored == new:
        return True
    if stored is None:
        return False
    old = json.loads(stored)
    for f in TEXT_FIELDS:
        old.pop(f, None)
    return old == json.loads(new)




def start_run(db: sqlite_utils.Database, command: str) -> int:
    with write(db):
        return (
            db["ingest_runs"]
            .insert(
                {
                    "started_at": now(),
                    "finished_at": None,
                    "command": command,
                    "new": 0,
                    "duplicate": 0,
                    "updated": 0,
                    "failed": 0,
                }
            )
            .last_pk
        )


def log_file(
    db: sqlite_utils.Database,
    run_id: int,
    source: str,
    outcome: str,
    reason: str | None = None,
    aid: str | None = None,
) -> None:
    _insert_rows(db, "ingest_files", ("run_id", "source", "outcome", "reason", "article_id"), [(run_id, source, outcome, reason, aid)])


def finish_run(db: sqlite_utils.Database, run_id: int, counts: dict[str, int]) -> None:
    with write(db):
        db["ingest_runs"].update(
            run_id,
            {
                "finished_at": now(),
                **{k: counts.get(k, 0) for k in ("new", "duplicate", "updated", "failed")},
            },
        )
