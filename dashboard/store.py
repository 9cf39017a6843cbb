"""The one module that talks to SQLite (sqlite-utils): schema, migrations, writes, full-text index.

A user's database is their work: it is upgraded in place by recorded migrations, written in
transactions with a savepoint per article, and rebuilt only into a new file swapped in atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import orjson
import sqlite_utils

from dashboard.parse.matcher import fold
from dashboard.parse.text import normalise

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "articles.db"
SCHEMA_VERSION = 5
_NON_WORD = re.compile(r"[\W_]+")
# Keeps Hindi vowel signs, viramas and nuktas inside tokens (the default splits words at them).
FTS_TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"


class StoreError(RuntimeError):
    """A database problem worth showing to a user as a sentence, not a traceback."""


class SchemaTooNew(StoreError):
    pass


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """--db FILE, else $DASHBOARD_DB, else data/articles.db."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("DASHBOARD_DB")
    return Path(env) if env else DEFAULT_DB


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def article_id(body: str, normalised: bool = False) -> str:
    """Same text, same id: whitespace, case, punctuation and spelling folds do not make a new article.

    `normalised`: the body is already NFC (a parsed body always is), which saves a pass."""
    key = _NON_WORD.sub("", fold(body, normalised))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def connect(path: str | os.PathLike, readonly: bool = False) -> sqlite_utils.Database:
    """Open (creating and migrating unless read-only); raises StoreError with a plain reason."""
    p = Path(path)
    if readonly and not p.exists():
        raise StoreError(f"database {p} does not exist")
    try:
        if readonly:
            conn = sqlite3.connect(
                f"file:{p}?mode=ro", uri=True, check_same_thread=False, timeout=10
            )
        else:
            p.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(p), check_same_thread=False, timeout=30)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA busy_timeout = 10000")
        if not readonly:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        version = schema_version(db)
    except sqlite3.DatabaseError as exc:
        msg = str(exc)
        if "locked" in msg:
            raise StoreError(
                f"database {p} is locked by another program; try again in a moment"
            ) from exc
        raise StoreError(f"{p} is not a usable database: {msg}") from exc
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"database {p} has schema version {version}, newer than this program understands ({SCHEMA_VERSION}); update the program"
        )
    if not readonly:
        migrate(db)
    elif version < SCHEMA_VERSION:
        raise StoreError(
            f"database {p} has schema version {version}; open it once for writing to upgrade it"
        )
    return db


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
]


def migrate(db: sqlite_utils.Database) -> list[int]:
    """Apply the migrations this database has not had, each in its own transaction."""
    if "schema_migrations" not in db.table_names():
        db["schema_migrations"].create(
            {"version": int, "description": str, "applied_at": str}, pk="version"
        )
    applied = {r[0] for r in db.execute("SELECT version FROM schema_migrations").fetchall()}
    done = []
    for version, description, fn in MIGRATIONS:
        if version in applied:
            continue
        with db.atomic():
            fn(db)
            db["schema_migrations"].insert(
                {"version": version, "description": description, "applied_at": now()}
            )
        done.append(version)
    return done


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

    new: not seen before; duplicate: same text and same parse; updated: the text or its parse
    changed (an edited file at the same path, or a re-parse after the knowledge grew).
    """
    aid, source_file = p.id, p.source_file
    existing = db.execute(
        "SELECT r.record, a.source_file, a.title, a.body FROM articles a LEFT JOIN records r ON r.article_id = a.id WHERE a.id = ?",
        [aid],
    ).fetchone()
    if existing is not None:
        same = existing[2:] == tuple(p.article[p.columns.index(f)] for f in TEXT_FIELDS) and _same_record(existing[0], p.record)
        if existing[1] != source_file or same:
            # the same text again, from this file or from another one: stored once
            return "duplicate", aid
        outcome = "updated"
        _delete_article(db, aid)
    else:
        outcome = "new"
        # the same file with new text replaces its old article (multi-record files: per record)
        old = db.execute(
            "SELECT id FROM articles WHERE source_file = ? AND id != ?", [source_file, aid]
        ).fetchall()
        for (old_id,) in old:
            _delete_article(db, old_id)
            outcome = "updated"
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


def _insert_rows(db: sqlite_utils.Database, table: str, cols: tuple[str, ...], rows: list[tuple]) -> None:
    """Plain parameterised INSERTs: the per-article hot path, where sqlite-utils' introspection costs more than the write."""
    sql = f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})"
    db.conn.executemany(sql, rows)


def start_run(db: sqlite_utils.Database, command: str) -> int:
    with db.atomic():
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
    with db.atomic():
        db["ingest_runs"].update(
            run_id,
            {
                "finished_at": now(),
                **{k: counts.get(k, 0) for k in ("new", "duplicate", "updated", "failed")},
            },
        )


def grouping_input(db: sqlite_utils.Database) -> list[dict]:
    """What the grouping needs of every India–Japan article, oldest first (so ids are stable).

    Read from columns, not from the stored records: 100,000 records would not fit in memory twice.
    Equal values share one object (a million articles repeat a few thousand dates, places, people
    and area lists); the grouping only reads them.
    """
    shared: dict = {}
    parsed_people: dict[str, list[str]] = {}
    parsed_areas: dict[str, tuple[list[str], list[tuple[str, int]]]] = {}
    no_areas: tuple[list[str], list[tuple[str, int]]] = ([], [])
    out = []
    for aid, published, language, d, end, etype, status, place, parts, ex, areas in db.execute(
        """SELECT a.id, a.published, a.language, a.eng_date, a.eng_end_date, a.eng_type, a.eng_status,
                  a.eng_place, a.eng_participants, a.main_exercise,
                  (SELECT group_concat(area || ' ' || count) FROM area_mentions m WHERE m.article_id = a.id)
           FROM articles a WHERE a.india_japan = 1 ORDER BY a.ingested_at, a.id"""
    ):
        if parts and parts not in parsed_people:
            parsed_people[parts] = [shared.setdefault(n, n) for n in json.loads(parts)]
        if areas and areas not in parsed_areas:
            pairs = [x.split(" ") for x in areas.split(",")]
            parsed_areas[areas] = ([shared.setdefault(a, a) for a, _n in pairs], [(shared.setdefault(a, a), int(n)) for a, n in pairs])
        area_names, area_counts = parsed_areas[areas] if areas else no_areas
        out.append(
            {
                "id": aid,
                "published": shared.setdefault(published, published),
                "language": shared.setdefault(language, language),
                "engagement": {
                    "date": shared.setdefault(d, d),
                    "end_date": shared.setdefault(end, end),
                    "type": shared.setdefault(etype, etype),
                    "status": shared.setdefault(status, status),
                    "place": shared.setdefault(place, place),
                    "participants": parsed_people[parts] if parts else [],
                }
                if etype
                else None,
                "exercises": [shared.setdefault(ex, ex)] if ex else [],
                "areas": area_names,
                "area_counts": area_counts,
            }
        )
    return out


def engagement_area_rows(articles: list[dict], engagements: list[dict], links: dict[str, str]) -> list[tuple]:
    """engagement_areas rows (engagement, area, mentions, articles, sort date) from the grouping's
    own input: a join over every area mention took longer than the grouping itself."""
    sort_date = {e["id"]: e["sort_date"] for e in engagements}
    acc: dict[tuple[str, str], list[int]] = {}
    for a in articles:
        eid = links.get(a["id"])
        if eid is None:
            continue
        for area, n in a["area_counts"]:
            tally = acc.setdefault((eid, area), [0, 0])
            tally[0] += n
            tally[1] += 1
    return [(eid, area, m, k, sort_date[eid]) for (eid, area), (m, k) in acc.items()]


def refresh_summaries(db: sqlite_utils.Database, area_rows: list[tuple] | None = None) -> None:
    """Rebuild the small tables the dashboard reads instead of scanning articles: areas per
    engagement (given by the regrouping, or joined here), and the values each filter offers."""
    db.execute("DELETE FROM engagement_areas")
    if area_rows is None:
        db.execute(
            """INSERT INTO engagement_areas (engagement_id, area, mentions, articles, sort_date)
               SELECT a.engagement_id, m.area, sum(m.count), count(*), e.sort_date
               FROM area_mentions m JOIN articles a ON a.id = m.article_id JOIN engagements e ON e.id = a.engagement_id
               GROUP BY a.engagement_id, m.area"""
        )
    else:
        _insert_rows(db, "engagement_areas", ("engagement_id", "area", "mentions", "articles", "sort_date"), area_rows)
    db.execute("DELETE FROM facets")
    facets: list[tuple] = []
    for kind, sql in (
        ("type", "SELECT type, count(*) FROM engagements GROUP BY type"),
        ("status", "SELECT status, count(*) FROM engagements GROUP BY status"),
        ("area", "SELECT area, count(*) FROM engagement_areas GROUP BY area"),
        ("person", "SELECT name, count(*) FROM participants GROUP BY name"),
        ("first", "SELECT min(sort_date), 0 FROM engagements WHERE sort_date IS NOT NULL"),
        ("last", "SELECT max(sort_date), 0 FROM engagements WHERE sort_date IS NOT NULL"),
    ):
        facets += [(kind, v, n) for v, n in db.execute(sql).fetchall() if v is not None]
    # languages, sources and the overview's unfiltered counts (articles behind engagements, per
    # language and outlet) from one scan of the articles
    language: dict[str, int] = defaultdict(int)
    source: dict[str, int] = defaultdict(int)
    for lang, outlet, linked, n in db.execute(
        """SELECT language, outlet, engagement_id IS NOT NULL, count(*) FROM articles
           GROUP BY language, outlet, engagement_id IS NOT NULL"""
    ).fetchall():
        if lang is not None:
            language[lang] += n
        if outlet is not None:
            source[outlet] += n
        if linked:
            facets.append(("engaged", f"{lang or ''}|{outlet or ''}", n))
    facets += [("language", v, n) for v, n in language.items()]
    facets += [("source", v, n) for v, n in source.items()]
    db.conn.executemany("INSERT INTO facets (kind, value, n) VALUES (?, ?, ?)", facets)


def replace_engagements(
    db: sqlite_utils.Database,
    engagements: list[dict],
    links: dict[str, str],
    people: dict[str, str],
    area_rows: list[tuple] | None = None,
) -> None:
    """Swap in a new grouping in one transaction: readers see the old or the new, never half."""
    with db.atomic():
        db.execute("DELETE FROM engagements")
        db.execute("DELETE FROM participants")
        stamp = now()
        rows, parts = [], []
        for e in engagements:
            rows.append(
                {
                    "id": e["id"],
                    "date": e["date"],
                    "end_date": e.get("end_date"),
                    "sort_date": e["sort_date"],
                    "year": int(e["sort_date"][:4])
                    if e["sort_date"] and e["sort_date"][:4].isdigit()
                    else None,
                    "type": e["type"],
                    "status": e["status"],
                    "place": e["place"],
                    "participants": json.dumps(e["participants"], ensure_ascii=False),
                    "areas": json.dumps(e["areas"]),
                    "languages": json.dumps(e["languages"]),
                    "n_articles": e["n_articles"],
                    "confidence": e["confidence"],
                    "updated_at": stamp,
                }
            )
            parts.extend(
                {"engagement_id": e["id"], "name": n, "country": people.get(n, "")}
                for n in e["participants"]
            )
        if rows:
            db["engagements"].insert_all(rows, batch_size=500)
        if parts:
            db["participants"].insert_all(parts, batch_size=1000)
        # only the links that changed: an article row is rewritten whole, so touching all of
        # them would double the cost of every ingest
        current = dict(db.execute("SELECT id, engagement_id FROM articles WHERE engagement_id IS NOT NULL").fetchall())
        db.conn.executemany(
            "UPDATE articles SET engagement_id = NULL WHERE id = ?",
            [(aid,) for aid in current if aid not in links],
        )
        db.conn.executemany(
            "UPDATE articles SET engagement_id = ? WHERE id = ?",
            [(eid, aid) for aid, eid in links.items() if current.get(aid) != eid],
        )
        refresh_summaries(db, area_rows)
        db.execute("DELETE FROM people")
        db.execute(
            """INSERT INTO people (name, country, n_articles)
               SELECT name, max(country), count(DISTINCT article_id) FROM article_people GROUP BY name"""
        )


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    return {t: db[t].count for t in db.table_names() if not t.startswith("articles_fts")}


def integrity_ok(path: str | os.PathLike) -> bool:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def fts_query(text: str) -> str | None:
    """User search text -> a safe FTS5 query.

    Each word is quoted (so AND, NOT, parentheses, ^ or a stray quote are just text), a trailing
    * stays outside the quotes as a prefix search, a "quoted phrase" stays a phrase, and OR
    between two words keeps its meaning. Nothing a user types can raise a syntax error.
    """
    if not text:
        return None
    parts: list[str] = []
    for m in re.finditer(r'"([^"]+)"|(\S+)', text):
        if m.group(1) is not None:
            words = [w for w in re.findall(r"[^\s\"()*^:]+", normalise(m.group(1)))]
            words = [w.strip("'.,;!?।-") for w in words]
            words = [w for w in words if w]
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        raw = m.group(2)
        if raw == "OR" and parts and parts[-1] != "OR":
            parts.append("OR")
            continue
        if raw in ("AND", "NOT", "NEAR"):
            continue
        prefix = raw.rstrip("\"')").endswith("*")
        tok = normalise(raw).replace('"', " ")
        for w in re.findall(r"[^\s()*^:]+", tok):
            w = w.strip("'.,;!?।-+")
            if w:
                parts.append(f'"{w}"')
        if prefix and parts and parts[-1].startswith('"'):
            parts[-1] += "*"
    while parts and parts[-1] == "OR":
        parts.pop()
    while parts and parts[0] == "OR":
        parts.pop(0)
    return " ".join(parts) if parts else None


def build_atomically(target: str | os.PathLike, fill: Callable[[Path], object]) -> Path:
    """fill(path) writes a whole new database at a temporary path; it then replaces `target` in
    one os.replace, so a reader sees the old file or the new one, never a half-built one."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.building")
    for f in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        f.unlink(missing_ok=True)
    try:
        fill(tmp)
        conn = sqlite3.connect(str(tmp))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, target)
    finally:
        for f in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            f.unlink(missing_ok=True)
    return target


def table_rows(db: sqlite_utils.Database, table: str) -> Iterable[tuple]:
    """Every row of a table in a stable order (tests compare databases with this)."""
    cols = [c.name for c in db[table].columns if c.name not in ("ingested_at", "updated_at")]
    order = ", ".join(f"[{c}]" for c in cols)
    return db.execute(f"SELECT {order} FROM [{table}] ORDER BY {order}").fetchall()
