"""Followed sources and what following them leaves behind: the sources, every URL seen, the story
each followed article reports, watches and their matches, visits, webhook deliveries.

Each write is its own short transaction taken with BEGIN IMMEDIATE, so `follow` holds the write
lock for one article at a time and readers (WAL) and an ingest running beside it never see a lock
error.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator

import sqlite_utils

from dashboard.store.connection import now, write

SOURCE_COLUMNS = (
    "id", "url", "name", "kind", "every_s", "language", "allow_hosts", "added_at", "status",
    "paused_reason", "last_fetch", "next_fetch", "last_outcome", "last_new", "last_duplicate",
    "last_near", "last_failed", "last_error", "failure_score", "hard_failures", "temp_failures", "etag",
    "last_modified", "title", "total_new",
)  # fmt: skip


def _m8_sources(db: sqlite_utils.Database) -> None:
    db["sources"].create(
        {
            "id": int,
            "url": str,
            "name": str,
            "kind": str,  # auto (decided at the first fetch), feed, sitemap or page
            "every_s": int,
            "language": str,
            "allow_hosts": str,  # JSON list of host:port that may be private (given when added)
            "added_at": str,
            "status": str,  # active or paused
            "paused_reason": str,
            "last_fetch": str,
            "next_fetch": str,
            "last_outcome": str,
            "last_new": int,
            "last_duplicate": int,
            "last_near": int,
            "last_failed": int,
            "last_error": str,
            "failure_score": float,
            "hard_failures": int,  # in a row; three pause the source
            "temp_failures": int,  # in a row; each doubles the wait before the next try
            "etag": str,
            "last_modified": str,
            "title": str,
            "total_new": int,
        },
        pk="id",
    )
    db["sources"].create_index(["url"], unique=True)
    db["follow_urls"].create(
        {
            "key": str,  # the canonical form (layer 1 of de-duplication)
            "url": str,
            "source_id": int,
            "article_id": str,
            "outcome": str,  # new, duplicate, failed
            "reason": str,
            "tries": int,
            "retry": int,  # 1: a temporary failure, tried again next round
            "first_seen": str,
            "last_seen": str,
        },
        pk="key",
    )
    db["follow_urls"].create_index(["source_id"])
    db["follow_urls"].create_index(["article_id"])
    db["reports"].create(
        {
            "key": str,  # the page's canonical URL: one row per page that carries the story
            "article_id": str,  # the stored text (the same text at two outlets: one article)
            "story_id": str,  # the first report's article id (layer 3: near-duplicates)
            "source_id": int,
            "url": str,
            "host": str,
            "outlet": str,
            "author": str,
            "similarity": float,
            "signature": bytes,  # MinHash of the text, on the report that brought the text
            "added_at": str,
        },
        pk="key",
    )
    db["reports"].create_index(["article_id"])
    db["reports"].create_index(["story_id"])
    db["watches"].create(
        {"id": int, "name": str, "filters": str, "created_at": str, "created_by": str}, pk="id"
    )
    db["watches"].create_index(["name"], unique=True)
    db["watch_hits"].create(
        {"watch_id": int, "engagement_id": str, "run_id": int, "found_at": str, "baseline": int},
        pk=("watch_id", "engagement_id"),
    )
    db["visits"].create({"user": str, "last_visit": str}, pk="user")
    db["webhook_sent"].create(
        {"url": str, "engagement_id": str, "sent_at": str, "status": int}, pk=("url", "engagement_id")
    )


@contextlib.contextmanager
def writing(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction taken up front: the store's one way, store.write (BEGIN IMMEDIATE,
    waiting for another writer instead of failing half-way)."""
    with write(db):
        yield db


# --- sources -----------------------------------------------------------------------------------


def add_source(
    db: sqlite_utils.Database,
    url: str,
    name: str,
    every_s: int,
    language: str | None = None,
    kind: str = "auto",
    allow_hosts: list[str] | None = None,
) -> dict:
    """Add a source (or return the one already following this URL)."""
    existing = get_source(db, url)
    if existing:
        return existing
    stamp = now()
    with writing(db):
        db.conn.execute(
            """INSERT INTO sources (url, name, kind, every_s, language, allow_hosts, added_at, status,
                                    next_fetch, failure_score, hard_failures, temp_failures, total_new)
               VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, 0, 0, 0, 0)""",
            [url, name, kind, every_s, language, json.dumps(allow_hosts or []), stamp, stamp],
        )
    return get_source(db, url)


def _row(cur: sqlite3.Cursor, row: tuple) -> dict:
    d = {c[0]: v for c, v in zip(cur.description, row, strict=True)}
    if "allow_hosts" in d:
        d["allow_hosts"] = json.loads(d["allow_hosts"] or "[]")
    return d


def sources(db: sqlite_utils.Database) -> list[dict]:
    cur = db.conn.execute(f"SELECT {', '.join(SOURCE_COLUMNS)} FROM sources ORDER BY id")
    return [_row(cur, r) for r in cur.fetchall()]


def get_source(db: sqlite_utils.Database, ref: str | int) -> dict | None:
    """A source by id, URL or name."""
    cur = db.conn.execute(
        f"SELECT {', '.join(SOURCE_COLUMNS)} FROM sources WHERE id = ? OR url = ? OR name = ? ORDER BY id LIMIT 1",
        [ref if isinstance(ref, int) or str(ref).isdigit() else -1, str(ref), str(ref)],
    )
    r = cur.fetchone()
    return _row(cur, r) if r else None


def due_sources(db: sqlite_utils.Database, at: str, only: list[int] | None = None) -> list[dict]:
    """Active sources whose next fetch is due (all of `only` when given: an explicit request)."""
    if only:
        return [s for s in sources(db) if s["id"] in only and s["status"] == "active"]
    return [s for s in sources(db) if s["status"] == "active" and (s["next_fetch"] or "") <= at]


def set_status(db: sqlite_utils.Database, source_id: int, status: str, reason: str | None = None) -> None:
    with writing(db):
        if status == "active":
            db.conn.execute(
                "UPDATE sources SET status = 'active', paused_reason = NULL, failure_score = 0, hard_failures = 0, temp_failures = 0, next_fetch = ? WHERE id = ?",
                [now(), source_id],
            )
        else:
            db.conn.execute("UPDATE sources SET status = ?, paused_reason = ? WHERE id = ?", [status, reason, source_id])


def remove_source(db: sqlite_utils.Database, source_id: int) -> None:
    """Stop following; the articles it brought stay (they are the analyst's data)."""
    with writing(db):
        db.conn.execute("DELETE FROM sources WHERE id = ?", [source_id])


def update_source(db: sqlite_utils.Database, source_id: int, **values) -> None:
    if not values:
        return
    cols = [c for c in values if c in SOURCE_COLUMNS and c != "id"]
    with writing(db):
        db.conn.execute(
            f"UPDATE sources SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
            [values[c] for c in cols] + [source_id],
        )


# --- URLs seen ---------------------------------------------------------------------------------


def seen_urls(db: sqlite_utils.Database, keys: list[str]) -> dict[str, tuple[str, int]]:
    """{key: (outcome, retry)} for the keys already seen: one query per 500 keys, so deciding that
    a thousand known links need nothing costs a few milliseconds."""
    out: dict[str, tuple[str, int]] = {}
    for i in range(0, len(keys), 500):
        part = keys[i : i + 500]
        for k, outcome, retry in db.conn.execute(
            f"SELECT key, outcome, retry FROM follow_urls WHERE key IN ({','.join('?' * len(part))})", part
        ):
            out[k] = (outcome, retry)
    return out


def record_url(
    db: sqlite_utils.Database,
    key: str,
    url: str,
    source_id: int,
    outcome: str,
    reason: str | None = None,
    article_id: str | None = None,
    retry: bool = False,
) -> None:
    """Inside the caller's transaction: how this URL went (a later try overwrites a failure)."""
    stamp = now()
    db.conn.execute(
        """INSERT INTO follow_urls (key, url, source_id, article_id, outcome, reason, tries, retry, first_seen, last_seen)
           VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET url = excluded.url, article_id = coalesce(excluded.article_id, article_id),
             outcome = excluded.outcome, reason = excluded.reason, tries = tries + 1, retry = excluded.retry,
             last_seen = excluded.last_seen""",
        [key, url, source_id, article_id, outcome, reason, int(retry), stamp, stamp],
    )


# --- reports and stories -----------------------------------------------------------------------


def signatures(db: sqlite_utils.Database, since: str | None = None) -> Iterator[tuple[str, str, bytes]]:
    """(article id, story id, MinHash signature) of followed articles, newest first."""
    sql = "SELECT article_id, story_id, signature FROM reports WHERE signature IS NOT NULL"
    args: list = []
    if since:
        sql += " AND added_at >= ?"
        args.append(since)
    yield from db.conn.execute(sql + " ORDER BY added_at DESC", args)


def report_of(db: sqlite_utils.Database, article_id: str) -> tuple[str, list[str]] | None:
    """(story id, hosts that carry it) of a stored article, if it came by following."""
    rows = db.conn.execute("SELECT story_id, host FROM reports WHERE article_id = ?", [article_id]).fetchall()
    return (rows[0][0], [h for _s, h in rows]) if rows else None


def record_report(
    db: sqlite_utils.Database,
    key: str,
    article_id: str,
    story_id: str,
    source_id: int | None,
    url: str,
    host: str,
    outlet: str | None,
    author: str | None,
    similarity: float | None,
    signature: bytes | None,
    replace: bool = False,
) -> None:
    """Inside the caller's transaction: one more page carrying a story (`replace`: the page's text
    changed, so its report now stands for the new text)."""
    db.conn.execute(
        f"""INSERT OR {'REPLACE' if replace else 'IGNORE'} INTO reports (key, article_id, story_id, source_id, url, host, outlet, author, similarity, signature, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [key, article_id, story_id, source_id, url, host, outlet, author, similarity, signature, now()],
    )


def story_counts(db: sqlite_utils.Database, source_id: int | None = None) -> dict[str, int]:
    """{"reports": N, "stories": M}: followed articles, and how many independent stories they are."""
    where, args = ("WHERE source_id = ?", [source_id]) if source_id is not None else ("", [])
    n, m = db.conn.execute(f"SELECT count(*), count(DISTINCT story_id) FROM reports {where}", args).fetchone()
    return {"reports": n, "stories": m}


def engagement_story_counts(db: sqlite_utils.Database, engagement_ids: list[str]) -> dict[str, tuple[int, int]]:
    """{engagement id: (reports, independent stories)}; an article that was not followed is one
    report and its own story."""
    out: dict[str, tuple[int, int]] = {}
    for i in range(0, len(engagement_ids), 500):
        part = engagement_ids[i : i + 500]
        for eid, n, m in db.conn.execute(
            f"""SELECT a.engagement_id, sum(max(1, (SELECT count(*) FROM reports r WHERE r.article_id = a.id))),
                       count(DISTINCT coalesce((SELECT r.story_id FROM reports r WHERE r.article_id = a.id LIMIT 1), a.id))
                FROM articles a WHERE a.engagement_id IN ({','.join('?' * len(part))}) GROUP BY a.engagement_id""",
            part,
        ):
            out[eid] = (n, m)
    return out


def stories(db: sqlite_utils.Database, limit: int = 50) -> list[dict]:
    """Stories with more than one report, the most reported first."""
    cur = db.conn.execute(
        """SELECT r.story_id, count(*) AS reports, group_concat(coalesce(r.outlet, ''), ' · ') AS outlets,
                  (SELECT title FROM articles WHERE id = r.story_id) AS title, min(r.added_at) AS first_seen
           FROM reports r GROUP BY r.story_id HAVING count(*) > 1 ORDER BY reports DESC, first_seen DESC LIMIT ?""",
        [limit],
    )
    return [_row(cur, r) for r in cur.fetchall()]


# --- watches, visits, webhook ------------------------------------------------------------------


def add_watch(db: sqlite_utils.Database, name: str, filters: dict, created_by: str | None = None) -> int:
    with writing(db):
        db.conn.execute(
            "INSERT INTO watches (name, filters, created_at, created_by) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET filters = excluded.filters",
            [name, json.dumps(filters, ensure_ascii=False, sort_keys=True), now(), created_by],
        )
        wid = db.conn.execute("SELECT id FROM watches WHERE name = ?", [name]).fetchone()[0]
        db.conn.execute("DELETE FROM watch_hits WHERE watch_id = ?", [wid])
    return wid


def watches(db: sqlite_utils.Database) -> list[dict]:
    cur = db.conn.execute(
        """SELECT w.id, w.name, w.filters, w.created_at,
                  (SELECT count(*) FROM watch_hits h WHERE h.watch_id = w.id AND h.baseline = 0) AS new_matches
           FROM watches w ORDER BY w.name"""
    )
    out = [_row(cur, r) for r in cur.fetchall()]
    for w in out:
        w["filters"] = json.loads(w["filters"])
    return out


def remove_watch(db: sqlite_utils.Database, watch_id: int) -> None:
    with writing(db):
        db.conn.execute("DELETE FROM watch_hits WHERE watch_id = ?", [watch_id])
        db.conn.execute("DELETE FROM watches WHERE id = ?", [watch_id])


def watch_known(db: sqlite_utils.Database, watch_id: int) -> set[str]:
    return {r[0] for r in db.conn.execute("SELECT engagement_id FROM watch_hits WHERE watch_id = ?", [watch_id])}


def record_watch_hits(db: sqlite_utils.Database, watch_id: int, engagement_ids: list[str], run_id: int | None, baseline: bool) -> None:
    """Inside the caller's transaction. The matches a new watch starts with are its baseline, not news."""
    stamp = now()
    db.conn.executemany(
        "INSERT OR IGNORE INTO watch_hits (watch_id, engagement_id, run_id, found_at, baseline) VALUES (?, ?, ?, ?, ?)",
        [(watch_id, e, run_id, stamp, int(baseline)) for e in engagement_ids],
    )


def watch_hits(db: sqlite_utils.Database, watch_id: int | None = None, since: str | None = None, limit: int = 200) -> list[dict]:
    sql = """SELECT h.watch_id, w.name AS watch, h.engagement_id, h.found_at, e.date, e.type, e.place, e.participants
             FROM watch_hits h JOIN watches w ON w.id = h.watch_id LEFT JOIN engagements e ON e.id = h.engagement_id
             WHERE h.baseline = 0"""
    args: list = []
    if watch_id is not None:
        sql += " AND h.watch_id = ?"
        args.append(watch_id)
    if since:
        sql += " AND h.found_at > ?"
        args.append(since)
    cur = db.conn.execute(sql + " ORDER BY h.found_at DESC, e.sort_date DESC LIMIT ?", args + [limit])
    return [_row(cur, r) for r in cur.fetchall()]


def last_visit(db: sqlite_utils.Database, user: str) -> str | None:
    r = db.conn.execute("SELECT last_visit FROM visits WHERE user = ?", [user]).fetchone()
    return r[0] if r else None


def record_visit(db: sqlite_utils.Database, user: str, at: str | None = None) -> None:
    with writing(db):
        db.conn.execute(
            "INSERT INTO visits (user, last_visit) VALUES (?, ?) ON CONFLICT(user) DO UPDATE SET last_visit = excluded.last_visit",
            [user, at or now()],
        )


def new_since(db: sqlite_utils.Database, since: str, limit: int = 10) -> dict:
    """What arrived after `since`: articles, engagements first reported then, engagements that got
    another report, and the newest of those engagements."""
    n_articles = db.conn.execute("SELECT count(*) FROM articles WHERE ingested_at > ?", [since]).fetchone()[0]
    cur = db.conn.execute(
        """SELECT e.id, e.date, e.sort_date, e.type, e.status, e.place, e.participants, e.n_articles,
                  min(a.ingested_at) AS first_reported, max(a.ingested_at) AS last_reported
           FROM engagements e JOIN articles a ON a.engagement_id = e.id
           GROUP BY e.id HAVING last_reported > ? ORDER BY first_reported DESC, e.sort_date DESC""",
        [since],
    )
    rows = [_row(cur, r) for r in cur.fetchall()]
    for r in rows:
        r["participants"] = json.loads(r["participants"] or "[]")
        r["is_new"] = r["first_reported"] > since
    return {
        "articles": n_articles,
        "new_engagements": sum(r["is_new"] for r in rows),
        "updated_engagements": sum(not r["is_new"] for r in rows),
        "engagements": rows[:limit],
    }


def new_engagements(db: sqlite_utils.Database, limit: int = 50) -> list[dict]:
    """The engagements most recently first reported (the Atom feed's entries), with their articles."""
    cur = db.conn.execute(
        """SELECT e.id, e.date, e.sort_date, e.type, e.status, e.place, e.participants, e.areas, e.n_articles,
                  min(a.ingested_at) AS first_reported, max(a.ingested_at) AS last_reported
           FROM engagements e JOIN articles a ON a.engagement_id = e.id
           GROUP BY e.id ORDER BY first_reported DESC, e.id LIMIT ?""",
        [limit],
    )
    rows = [_row(cur, r) for r in cur.fetchall()]
    for r in rows:
        r["participants"] = json.loads(r["participants"] or "[]")
        r["areas"] = list(json.loads(r["areas"] or "{}"))
        cur2 = db.conn.execute(
            "SELECT title, outlet, url, language, published FROM articles WHERE engagement_id = ? ORDER BY ingested_at, id",
            [r["id"]],
        )
        r["articles"] = [_row(cur2, x) for x in cur2.fetchall()]
    return rows


def webhook_sent(db: sqlite_utils.Database, url: str) -> set[str]:
    return {r[0] for r in db.conn.execute("SELECT engagement_id FROM webhook_sent WHERE url = ?", [url])}


def record_webhook(db: sqlite_utils.Database, url: str, engagement_id: str, status: int) -> None:
    with writing(db):
        db.conn.execute(
            "INSERT OR REPLACE INTO webhook_sent (url, engagement_id, sent_at, status) VALUES (?, ?, ?, ?)",
            [url, engagement_id, now(), status],
        )


def follow_runs(db: sqlite_utils.Database, limit: int = 10) -> list[dict]:
    cur = db.conn.execute(
        """SELECT started_at AS started, finished_at AS finished, new, duplicate, failed
           FROM ingest_runs WHERE command = 'follow' ORDER BY id DESC LIMIT ?""",
        [limit],
    )
    return [_row(cur, r) for r in cur.fetchall()]
