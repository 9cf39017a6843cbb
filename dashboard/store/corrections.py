"""Reviewers' corrections, stored apart from everything the parser writes (migration 11).

The corrections table is never written by an ingest, a regrouping or a re-parse: it is the
reviewers' record. What the dashboard shows is derived from the parser's output and these
rows at every regrouping (review/apply.py). A correction is anchored to reports (article ids),
never to an engagement row, and it is kept when its reports are gone: it waits for them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from dashboard.review.fields import Correction
from dashboard.store.connection import now, write

COLUMNS = (
    "uid", "batch", "target_kind", "target", "anchors", "field", "old", "new", "extra",
    "by", "at", "note", "undone_at", "undone_by",
)  # fmt: skip
# article fields a correction sets on the article row itself (the Articles page, filters, grouping)
ARTICLE_COLUMNS = {"relevant": "india_japan", "published": "published", "outlet": "outlet"}
_PARSER_VALUE = {"relevant": "$.india_japan", "published": "$.published", "outlet": "$.outlet"}


def _m11_corrections(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE IF NOT EXISTS corrections (
             id INTEGER PRIMARY KEY,
             uid TEXT NOT NULL UNIQUE,
             batch TEXT NOT NULL,
             target_kind TEXT NOT NULL,
             target TEXT NOT NULL,
             anchors TEXT NOT NULL,
             field TEXT NOT NULL,
             old TEXT, new TEXT, extra TEXT,
             by TEXT NOT NULL, at TEXT NOT NULL, note TEXT,
             undone_at TEXT, undone_by TEXT,
             state TEXT, state_note TEXT, checked_at TEXT)"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS corrections_target ON corrections (target_kind, target)")
    db.execute("CREATE INDEX IF NOT EXISTS corrections_batch ON corrections (batch)")
    cols = {c.name for c in db["engagements"].columns}
    for col in ("corrected", "parsed"):
        if col not in cols:
            db["engagements"].add_column(col, str)


def _row_to_correction(r: sqlite3.Row | tuple) -> Correction:
    (cid, uid, batch, kind, target, anchors, field, old, new, extra, by, at, note) = r[:13]
    return Correction(
        id=cid,
        uid=uid,
        batch=batch,
        target_kind=kind,
        target=target,
        anchors=tuple(json.loads(anchors or "[]")),
        field=field,
        old=json.loads(old) if old else None,
        new=json.loads(new) if new else None,
        by=by,
        at=at,
        note=note or "",
        extra=json.loads(extra) if extra else {},
    )


_SELECT = "SELECT id, uid, batch, target_kind, target, anchors, field, old, new, extra, by, at, note FROM corrections"


def active(db: sqlite_utils.Database) -> list[Correction]:
    """Every correction not undone, oldest first: the order they are applied in."""
    if "corrections" not in db.table_names():
        return []
    return [_row_to_correction(r) for r in db.execute(f"{_SELECT} WHERE undone_at IS NULL ORDER BY at, id").fetchall()]


def rows(db: sqlite_utils.Database, where: str = "", params: Iterable = ()) -> list[dict]:
    """Corrections as plain dicts (undone ones too), newest first: history, the log, exports."""
    cur = db.execute(
        f"SELECT id, {', '.join(COLUMNS)}, state, state_note, checked_at FROM corrections {where} ORDER BY at DESC, id DESC",
        list(params),
    )
    names = [d[0] for d in cur.description]
    out = []
    for r in cur.fetchall():
        d = dict(zip(names, r, strict=True))
        for k in ("anchors", "old", "new", "extra"):
            d[k] = json.loads(d[k]) if d[k] else ([] if k == "anchors" else ({} if k == "extra" else None))
        out.append(d)
    return out


def insert(db: sqlite_utils.Database, items: list[dict]) -> list[int]:
    """Store corrections (inside the caller's write transaction); a uid already stored is skipped."""
    ids = []
    for it in items:
        vals = [
            it["uid"], it["batch"], it["target_kind"], it["target"], json.dumps(list(it["anchors"])), it["field"],
            json.dumps(it.get("old"), ensure_ascii=False), json.dumps(it.get("new"), ensure_ascii=False),
            json.dumps(it.get("extra") or {}, ensure_ascii=False), it["by"], it["at"], it.get("note") or "",
            it.get("undone_at"), it.get("undone_by"),
        ]  # fmt: skip
        cur = db.conn.execute(
            f"INSERT OR IGNORE INTO corrections ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})", vals
        )
        if cur.rowcount:
            ids.append(cur.lastrowid)
    return ids


def known_uids(db: sqlite_utils.Database) -> dict[str, str | None]:
    """{uid: undone_at} of every stored correction."""
    return dict(db.execute("SELECT uid, undone_at FROM corrections").fetchall())


def undo(db: sqlite_utils.Database, batch: str, by: str, at: str | None = None) -> int:
    cur = db.conn.execute(
        "UPDATE corrections SET undone_at = ?, undone_by = ? WHERE batch = ? AND undone_at IS NULL", [at or now(), by, batch]
    )
    return cur.rowcount


def undo_uid(db: sqlite_utils.Database, uid: str, at: str, by: str) -> int:
    return db.conn.execute("UPDATE corrections SET undone_at = ?, undone_by = ? WHERE uid = ? AND undone_at IS NULL", [at, by, uid]).rowcount


def last_batch(db: sqlite_utils.Database, by: str | None = None) -> str | None:
    sql = "SELECT batch FROM corrections WHERE undone_at IS NULL" + (" AND by = ?" if by else "") + " ORDER BY at DESC, id DESC LIMIT 1"
    row = db.execute(sql, [by] if by else []).fetchone()
    return row[0] if row else None


def set_states(db: sqlite_utils.Database, states: dict[int, tuple[str, str]]) -> None:
    """The review log: each correction's state after the latest regrouping (only changes are written)."""
    if not states:
        return
    current = {cid: (s, n or "") for cid, s, n in db.execute("SELECT id, state, state_note FROM corrections WHERE undone_at IS NULL")}
    stamp = now()
    changed = [(s, n, stamp, cid) for cid, (s, n) in states.items() if current.get(cid) != (s, n or "")]
    db.conn.executemany("UPDATE corrections SET state = ?, state_note = ?, checked_at = ? WHERE id = ?", changed)


def apply_to_articles(db: sqlite_utils.Database, corrections: list[Correction]) -> dict[int, tuple[str, str]]:
    """Set corrected relevance, publication dates and sources on the article rows, and put back
    the parser's value where a correction was undone. Returns each correction's state."""
    ever = [
        r[0]
        for r in db.execute(
            f"SELECT DISTINCT target FROM corrections WHERE target_kind = 'article' AND field IN ({','.join('?' * len(ARTICLE_COLUMNS))})",
            list(ARTICLE_COLUMNS),
        )
    ]
    if not ever:
        return {}
    latest: dict[tuple[str, str], Correction] = {}
    states: dict[int, tuple[str, str]] = {}
    for c in corrections:
        if c.target_kind == "article" and c.field in ARTICLE_COLUMNS:
            before = latest.get((c.target, c.field))
            if before is not None:
                states[before.id] = ("superseded", f"changed again by {c.by} on {c.day}")
            latest[(c.target, c.field)] = c
    for i in range(0, len(ever), 500):
        chunk = ever[i : i + 500]
        found = db.execute(
            f"""SELECT a.id, a.india_japan, a.published, a.outlet, a.year, {", ".join(f"json_extract(r.record, '{p}')" for p in _PARSER_VALUE.values())}
                FROM articles a LEFT JOIN records r ON r.article_id = a.id WHERE a.id IN ({','.join('?' * len(chunk))})""",
            chunk,
        ).fetchall()
        for aid, ij, pub, outlet, year, p_ij, p_pub, p_outlet in found:
            parser = {"relevant": bool(p_ij), "published": p_pub, "outlet": p_outlet}
            want = dict(parser)
            for name in ARTICLE_COLUMNS:
                c = latest.get((aid, name))
                if c is None:
                    continue
                want[name] = c.new
                then = c.extra.get("parser", "?")
                agrees = parser[name] == c.new and then != "?" and then != c.new
                states[c.id] = ("agrees", f"the parser now reads {c.new} by itself") if agrees else ("applied", "")
            have = {"relevant": bool(ij), "published": pub, "outlet": outlet}
            if have != want:
                new_year = int(want["published"][:4]) if want["published"] else year
                db.conn.execute(
                    "UPDATE articles SET india_japan = ?, published = ?, outlet = ?, year = ? WHERE id = ?",
                    [int(want["relevant"]), want["published"], want["outlet"], new_year, aid],
                )
        present = {r[0] for r in found}
        for (aid, _name), c in latest.items():
            if aid in chunk and aid not in present:
                states[c.id] = ("waiting", f"its report {aid} is not in the database now")
    return states


def reviewer_evidence(db: sqlite_utils.Database, rows_: list[tuple[str, str, str]]) -> None:
    """Evidence sentences reviewers gave for areas they added, as evidence rows of the report
    (start = end = -1: not a span the parser found). Rewritten at every regrouping."""
    db.execute('DELETE FROM evidence WHERE start = -1 AND "end" = -1')
    if rows_:
        db.conn.executemany('INSERT INTO evidence (article_id, area, start, "end", sentence) VALUES (?, ?, -1, -1, ?)', rows_)


def carry(source: str | Path, target: str | Path) -> int:
    """Copy every correction of one database file into another (`ingest --rebuild` builds a new
    file: the reviewers' work must move with it). Returns how many were copied."""
    src = Path(source)
    if not src.exists() or src.stat().st_size == 0:
        return 0
    other = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        if not other.execute("SELECT 1 FROM sqlite_master WHERE name = 'corrections'").fetchone():
            return 0
        cur = other.execute(f"SELECT {', '.join(COLUMNS)} FROM corrections ORDER BY id")
        names = [d[0] for d in cur.description]
        items = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        other.close()
    for it in items:
        for k in ("anchors", "old", "new", "extra"):
            it[k] = json.loads(it[k]) if it[k] else None
        it["anchors"] = it["anchors"] or []
    from dashboard.store.connection import connect

    db = connect(target)
    try:
        with write(db):
            return len(insert(db, items))
    finally:
        db.conn.close()


def article_ids(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM articles")]


def members(db: sqlite_utils.Database, engagement_id: str) -> list[str]:
    """The engagement's reports, earliest first (the first is the one its id is made from)."""
    return [r[0] for r in db.execute("SELECT id FROM articles WHERE engagement_id = ? ORDER BY coalesce(published, '~'), id", [engagement_id])]


def engagement_row(db: sqlite_utils.Database, engagement_id: str) -> dict | None:
    cur = db.execute(
        """SELECT id, date, end_date, sort_date, type, status, place, participants, areas, n_articles,
                  decisions, corrected, parsed FROM engagements WHERE id = ?""",
        [engagement_id],
    )
    r = cur.fetchone()
    if r is None:
        return None
    d = dict(zip([c[0] for c in cur.description], r, strict=True))
    for k, empty in (("participants", []), ("areas", {}), ("decisions", {}), ("corrected", {}), ("parsed", {})):
        d[k] = json.loads(d[k]) if d[k] else empty
    return d


def article_row(db: sqlite_utils.Database, article_id: str) -> dict | None:
    cur = db.execute(
        """SELECT a.id, a.title, a.india_japan, a.published, a.outlet, a.engagement_id, a.relevance,
                  json_extract(r.record, '$.india_japan'), json_extract(r.record, '$.published'), json_extract(r.record, '$.outlet')
           FROM articles a LEFT JOIN records r ON r.article_id = a.id WHERE a.id = ?""",
        [article_id],
    )
    r = cur.fetchone()
    if r is None:
        return None
    keys = ("id", "title", "india_japan", "published", "outlet", "engagement_id", "relevance")
    d = dict(zip(keys, r[:7], strict=True))
    d["parser"] = {"relevant": bool(r[7]), "published": r[8], "outlet": r[9]}
    return d


def queue_inputs(db: sqlite_utils.Database, few_cues: float) -> tuple[list[dict], list[dict], list[dict]]:
    """What the review queue is built from: (engagements, their reports' own values, India–Japan
    articles whose relevance score is below `few_cues`)."""
    engagements = []
    for eid, d, sort_date, etype, place, n, decisions, corrected in db.execute(
        "SELECT id, date, sort_date, type, place, n_articles, decisions, corrected FROM engagements"
    ):
        engagements.append(
            {"id": eid, "date": d, "sort_date": sort_date, "type": etype, "place": place, "n_articles": n,
             "decisions": json.loads(decisions) if decisions else {}, "corrected": json.loads(corrected) if corrected else {}}
        )  # fmt: skip
    members = [
        {"id": aid, "engagement_id": eid, "eng_date": d, "eng_type": t, "eng_place": p}
        for aid, eid, d, t, p in db.execute("SELECT id, engagement_id, eng_date, eng_type, eng_place FROM articles WHERE engagement_id IS NOT NULL")
    ]
    weak = [
        {"id": aid, "title": title, "relevance": rel, "engagement_id": eid}
        for aid, title, rel, eid in db.execute(
            "SELECT id, title, relevance, engagement_id FROM articles WHERE india_japan = 1 AND relevance < ? ORDER BY relevance", [few_cues]
        )
    ]
    return engagements, members, weak


def matching_articles(db: sqlite_utils.Database, fts: str, limit: int = 5000) -> list[str]:
    """Ids of the articles whose title or text match an FTS query (store.fts_query), oldest first."""
    return [
        r[0]
        for r in db.execute(
            """SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
               WHERE articles_fts MATCH ? ORDER BY a.published, a.id LIMIT ?""",
            [fts, int(limit)],
        )
    ]


def article_for_reparse(db: sqlite_utils.Database, article_id: str) -> dict | None:
    """An article as stored, with its parsed record (text fields included), to parse it again."""
    cur = db.execute(
        """SELECT a.id, a.title, a.body, a.url, a.source_file, a.synthetic, a.ingested_at, r.record
           FROM articles a LEFT JOIN records r ON r.article_id = a.id WHERE a.id = ?""",
        [article_id],
    )
    r = cur.fetchone()
    if r is None:
        return None
    d = dict(zip([c[0] for c in cur.description], r, strict=True))
    d["record"] = {"title": d["title"], "body": d["body"], **(json.loads(d["record"]) if d["record"] else {})}
    return d
