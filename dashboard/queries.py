"""Read side of the store: filtered DataFrames for the dashboard and the CLI.

Filtering happens in SQL (indexes, FTS5); pandas only shapes the result. All user input reaches
SQL as parameters, and free text only through store.fts_query.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from dashboard import store
from dashboard.parse.segment import unspace
from dashboard.store.decisions import SURE

SNIPPETS = 50  # snippets cost an FTS pass each: only the first rows of a result get one


def _read(sql: str, conn, params=()) -> pd.DataFrame:
    """read_sql_query, with SQL NULL in text columns kept as None (pandas' str dtype would make it NaN)."""
    df = pd.read_sql_query(sql, conn, params=params)
    for col in df.columns:
        if not pd.api.types.is_numeric_dtype(df[col]):
            df[col] = df[col].astype(object).where(df[col].notna(), None)
    return df


@dataclass(frozen=True)
class Filters:
    """What the analyst has chosen in the sidebar; also what the URL carries."""

    date_from: str | None = None
    date_to: str | None = None
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    text: str = ""
    include_synthetic: bool = True
    expand: bool = True  # search a name's other spellings too (dashboard/expand.py)
    sure_dates: bool = False  # only engagements whose date the parser is sure of (store.decisions.SURE)


def text_query(text: str, expand: bool = True):
    """The FTS query for search text, widened with the other spellings of a name it is (an Expanded)."""
    from dashboard import knowledge
    from dashboard.expand import expand as widen

    return widen(store.searchable(text), knowledge.default(), enabled=expand)


def _fts(f: Filters) -> str | None:
    return text_query(f.text, f.expand).query if f.text else None


def _article_where(f: Filters, alias: str = "a") -> tuple[str, list]:
    """WHERE clause over articles for the article-level filters (language, source, text)."""
    sql, args = [], []
    if f.languages:
        sql.append(f"{alias}.language IN ({','.join('?' * len(f.languages))})")
        args += list(f.languages)
    if f.sources:
        sql.append(f"{alias}.outlet IN ({','.join('?' * len(f.sources))})")
        args += list(f.sources)
    q = _fts(f)
    if f.text and q:
        sql.append(f"{alias}.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(q)
    if not f.include_synthetic:
        sql.append(f"{alias}.synthetic = 0")
    return " AND ".join(sql), args


def _clauses(f: Filters, date_col: str, people_sql: str, areas_sql: str | None) -> tuple[list[str], list]:
    """The filter clauses shared by engagement and article queries; callers name the columns."""
    sql, args = [], []

    def among(template: str, values: tuple[str, ...]) -> None:
        if values:
            sql.append(template.format(marks=",".join("?" * len(values))))
            args.extend(values)

    if f.date_from:
        sql.append(f"{date_col} >= ?")
        args.append(f.date_from)
    if f.date_to:
        sql.append(f"{date_col} <= ?")
        args.append(f.date_to)
    among("e.type IN ({marks})", f.types)
    among("e.status IN ({marks})", f.statuses)
    among(people_sql, f.people)
    if areas_sql:
        among(areas_sql, f.areas)
    return sql, args


def _engagement_where(f: Filters, skip_areas: bool = False) -> tuple[str, list]:
    sql, args = _clauses(
        f,
        "e.sort_date",
        "e.id IN (SELECT engagement_id FROM participants WHERE name IN ({marks}))",
        None if skip_areas else "e.id IN (SELECT engagement_id FROM engagement_areas WHERE area IN ({marks}))",
    )
    aw, aargs = _article_where(f)
    if aw:
        sql.append(f"e.id IN (SELECT a.engagement_id FROM articles a WHERE {aw})")
        args += aargs
    if f.sure_dates:
        sql.append("e.date_confidence >= ?")
        args.append(SURE)
    return (" WHERE " + " AND ".join(sql)) if sql else "", args


def data_version(db) -> tuple:
    """What changes when the articles or engagements do: the ingest runs (started and finished),
    reviewers' corrections (made, undone, re-checked) and the schema (cached.stamp keys every
    cache on it)."""
    runs = db.execute("SELECT count(*), max(id), max(finished_at) FROM ingest_runs").fetchone()
    fixes = db.execute("SELECT count(*), max(id), max(undone_at), max(checked_at) FROM corrections").fetchone()
    return (*runs, *fixes, db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0])


def engagements(db, f: Filters = Filters()) -> pd.DataFrame:
    """One row per engagement matching the filters, in date order."""
    where, args = _engagement_where(f)
    df = _read(
        f"""SELECT e.id, e.date, e.end_date, e.sort_date, e.year, e.type, e.status, e.place,
                   e.participants, e.areas, e.languages, e.n_articles, e.confidence,
                   e.date_confidence, e.decisions, e.corrected
            FROM engagements e {where} ORDER BY e.sort_date, e.id""",
        db.conn,
        params=args,
    )
    for col, empty in (("participants", "[]"), ("languages", "[]"), ("areas", "{}"), ("decisions", "{}"), ("corrected", "{}")):
        df[col] = _json_column(df[col], empty)
    return df


def _json_column(col: pd.Series, empty: str) -> list:
    """Decode a column of JSON texts in one json.loads call (thousands of calls cost more than the query)."""
    return json.loads("[" + ",".join(v if v else empty for v in col) + "]")


def engagement_articles(db, engagement_id: str) -> pd.DataFrame:
    return _read(
        """SELECT id, title, language, outlet, url, published, source_file, eng_date, eng_type, eng_status
           FROM articles WHERE engagement_id = ? ORDER BY published, id""",
        db.conn,
        params=[engagement_id],
    )


def articles_by_engagement(db) -> dict[str, list[dict]]:
    """Every engagement's articles from one query (one query per engagement took 10 s at 3,391)."""
    out: dict[str, list[dict]] = defaultdict(list)
    keys = ("id", "title", "language", "outlet", "url", "published", "source_file")
    for eid, *row in db.execute(
        """SELECT engagement_id, id, title, language, outlet, url, published, source_file
           FROM articles WHERE engagement_id IS NOT NULL ORDER BY engagement_id, published, id"""
    ):
        out[eid].append(dict(zip(keys, row, strict=True)))
    return out


def participants(db, engagement_id: str) -> pd.DataFrame:
    return _read(
        "SELECT name, country FROM participants WHERE engagement_id = ? ORDER BY country, name",
        db.conn,
        params=[engagement_id],
    )


PERIOD_SQL = {
    "month": "substr(ea.sort_date, 1, 7)",
    "quarter": "substr(ea.sort_date, 1, 4) || '-Q' || ((cast(substr(ea.sort_date, 6, 2) AS integer) + 2) / 3)",
    "year": "substr(ea.sort_date, 1, 4)",
}


def _area_where(f: Filters) -> tuple[str, list]:
    where, args = _engagement_where(f, skip_areas=True)  # the area filter applies to ea.area below
    extra = ["ea.sort_date IS NOT NULL"]
    if f.areas:
        extra.append(f"ea.area IN ({','.join('?' * len(f.areas))})")
        args = args + list(f.areas)
    clause = (where + " AND " if where else " WHERE ") + " AND ".join(extra)
    return clause, args


def area_cells(db, f: Filters = Filters(), period: str = "quarter") -> pd.DataFrame:
    """Area x period counts, grouped in SQL: engagements discussing the area, and keyword mentions."""
    where, args = _area_where(f)
    return _read(
        f"""SELECT {PERIOD_SQL[period]} AS period, ea.area, count(*) AS engagements, sum(ea.mentions) AS mentions
            FROM engagement_areas ea JOIN engagements e ON e.id = ea.engagement_id
            {where} GROUP BY 1, 2 ORDER BY 1, 2""",
        db.conn,
        params=args,
    )


def cell_engagements(db, f: Filters, area: str, period: str, kind: str) -> list[str]:
    """The engagements behind one area x period cell (the drill-down of a heatmap number)."""
    where, args = _area_where(f)
    rows = db.execute(
        f"""SELECT ea.engagement_id FROM engagement_areas ea JOIN engagements e ON e.id = ea.engagement_id
            {where} AND ea.area = ? AND {PERIOD_SQL[kind]} = ? ORDER BY ea.sort_date""",
        args + [area, period],
    ).fetchall()
    return [r[0] for r in rows]


def articles_of(db, engagement_ids: list[str]) -> list[str]:
    if not engagement_ids:
        return []
    out: list[str] = []
    for i in range(0, len(engagement_ids), 500):
        chunk = engagement_ids[i : i + 500]
        out += [r[0] for r in db.execute(f"SELECT id FROM articles WHERE engagement_id IN ({','.join('?' * len(chunk))})", chunk)]
    return out


def area_counts(db, f: Filters, date_from: str, date_to: str) -> pd.DataFrame:
    """Engagements discussing each area between two dates (for 'rising against the previous period')."""
    where, args = _area_where(f)
    return _read(
        f"""SELECT ea.area, count(*) AS engagements FROM engagement_areas ea JOIN engagements e ON e.id = ea.engagement_id
            {where} AND ea.sort_date >= ? AND ea.sort_date <= ? GROUP BY ea.area""",
        db.conn,
        params=args + [date_from, date_to],
    )


def evidence(db, article_ids: list[str], area: str | None = None) -> pd.DataFrame:
    """The sentences behind a number: evidence rows of these articles (for one area, or all)."""
    if not article_ids:
        return pd.DataFrame(columns=["article_id", "area", "sentence", "start", "end", "title", "language", "outlet", "published"])
    marks = ",".join("?" * len(article_ids))
    sql = f"""SELECT v.article_id, v.area, v.sentence, v.start, v."end", a.title, a.language, a.outlet, a.published
              FROM evidence v JOIN articles a ON a.id = v.article_id WHERE v.article_id IN ({marks})"""
    args = list(article_ids)
    if area:
        sql += " AND v.area = ?"
        args.append(area)
    return _read(sql + " ORDER BY a.published, v.article_id, v.start", db.conn, params=args)


def _articles_where(f: Filters, india_japan_only: bool) -> tuple[str, list]:
    aw, args = _article_where(f)
    sql = [aw] if aw else []
    more, more_args = _clauses(
        f,
        "coalesce(a.published, e.sort_date)",
        "a.id IN (SELECT article_id FROM article_people WHERE name IN ({marks}))",
        "a.id IN (SELECT article_id FROM area_mentions WHERE area IN ({marks}))",
    )
    sql += more
    args += more_args
    if india_japan_only:
        sql.append("a.india_japan = 1")
    return (" WHERE " + " AND ".join(sql)) if sql else "", args


def article_counts(db, f: Filters = Filters()) -> pd.DataFrame:
    """Articles per (language, outlet) behind the engagements the filters select (the overview's
    counts), through the engagement index rather than a scan of every article."""
    if f == Filters():
        # the landing view: precomputed at each regrouping (store.refresh_summaries)
        rows = db.execute("SELECT value, n FROM facets WHERE kind = 'engaged'").fetchall()
        if rows:
            split = [(v.split("|", 1), n) for v, n in rows]
            return pd.DataFrame(
                {"language": [lo[0] or None for lo, _ in split], "outlet": [lo[1] or None for lo, _ in split], "n": [n for _, n in split]}
            )
    where, args = _engagement_where(f)
    aw, aargs = _article_where(f)
    return _read(
        f"""SELECT a.language, a.outlet, count(*) AS n FROM articles a
            WHERE a.engagement_id IN (SELECT e.id FROM engagements e {where}) {"AND " + aw if aw else ""}
            GROUP BY 1, 2""",
        db.conn,
        params=args + aargs,
    )


def articles(db, f: Filters = Filters(), limit: int = 500, india_japan_only: bool = False) -> pd.DataFrame:
    """Articles matching the filters, newest first, with a highlighted snippet when searching."""
    where, args = _articles_where(f, india_japan_only)
    df = _read(
        f"""SELECT a.id, a.title, a.language, a.outlet, a.url, a.published, a.india_japan, a.source_file,
                   a.engagement_id, e.type AS engagement_type, e.date AS engagement_date, a.rowid AS _rowid
            FROM articles a LEFT JOIN engagements e ON e.id = a.engagement_id
            {where} ORDER BY a.published DESC, a.id LIMIT ?""",
        db.conn,
        params=args + [int(limit)],
    )
    q = _fts(f)
    snippets: dict[int, str] = {}
    if q and not df.empty:
        # snippets only for the first rows (one FTS pass over a few hundred rows, not all matches);
        # matches are wrapped in control characters that the page escapes and turns into <mark>
        ids = df["_rowid"].tolist()[:SNIPPETS]
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            snippets.update(
                db.execute(
                    f"""SELECT rowid, snippet(articles_fts, -1, char(2), char(3), '…', 16) FROM articles_fts
                        WHERE articles_fts MATCH ? AND rowid IN ({','.join('?' * len(chunk))})""",
                    [q, *chunk],
                ).fetchall()
            )
    df["snippet"] = df["_rowid"].map(lambda r: unspace(snippets.get(r, "")))
    return df.drop(columns="_rowid")


def article(db, article_id: str) -> dict | None:
    row = db.execute(
        """SELECT a.id, a.title, a.body, a.language, a.outlet, a.url, a.published, a.source_file, a.engagement_id, r.record
           FROM articles a LEFT JOIN records r ON r.article_id = a.id WHERE a.id = ?""",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    keys = ("id", "title", "body", "language", "outlet", "url", "published", "source_file", "engagement_id", "record")
    out = dict(zip(keys, row, strict=True))
    # the stored record leaves out the text the article row holds (store.TEXT_FIELDS)
    out["record"] = {**{f: out[f] for f in store.TEXT_FIELDS}, **(json.loads(out["record"]) if out["record"] else {})}
    return out


def search(db, text: str, limit: int = 20, expand: bool = True) -> list[dict]:
    """Full-text search, best matches first, with a snippet; any input is safe. A name is also
    searched in its other spellings unless `expand` is off."""
    q = text_query(text, expand).query
    if not q:
        return []
    rows = db.execute(
        """SELECT a.id, a.title, a.source_file, a.published, a.language,
                  snippet(articles_fts, -1, '[', ']', '…', 16)
           FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
           WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?""",
        [q, int(limit)],
    ).fetchall()
    keys = ("id", "title", "source_file", "published", "language", "snippet")
    return [{**dict(zip(keys, r, strict=True)), "snippet": unspace(r[-1] or "")} for r in rows]


def stats(db) -> dict:
    counts = store.counts(db)
    # one scan of the articles for every per-article figure (each scan reads the whole table)
    per_language: dict = defaultdict(int)
    per_year: dict = defaultdict(int)
    india_japan = synthetic = 0
    for lang, year, ij, syn, n in db.execute(
        "SELECT language, coalesce(year, 0), india_japan, synthetic, count(*) FROM articles GROUP BY 1, 2, 3, 4"
    ).fetchall():
        per_language[lang] += n
        per_year[year] += n
        india_japan += n if ij == 1 else 0
        synthetic += n if syn == 1 else 0
    eng_year = dict(db.execute("SELECT coalesce(year, 0), count(*) FROM engagements GROUP BY 1 ORDER BY 1").fetchall())
    return {
        "tables": counts,
        "articles_per_language": dict(sorted(per_language.items(), key=lambda kv: -kv[1])),
        "articles_per_year": {str(k or "unknown"): v for k, v in sorted(per_year.items())},
        "engagements_per_year": {str(k or "unknown"): v for k, v in eng_year.items()},
        "india_japan_articles": india_japan,
        "synthetic_articles": synthetic,
    }


def options(db) -> dict[str, list]:
    """Values the sidebar offers: only what exists in this database (from the facets summary)."""
    rows = db.execute("SELECT kind, value FROM facets ORDER BY kind, n DESC, value").fetchall()
    out: dict[str, list] = {k: [] for k in ("type", "status", "area", "person", "language", "source")}
    first = last = None
    for kind, value in rows:
        if kind == "first":
            first = value
        elif kind == "last":
            last = value
        else:
            out.setdefault(kind, []).append(value)
    return {
        "types": sorted(out["type"]),
        "statuses": sorted(out["status"]),
        "areas": sorted(out["area"]),
        "people": out["person"],
        "languages": out["language"],
        "sources": out["source"],
        "range": [first, last],
    }


def filter_counts(db, f: Filters = Filters()) -> dict[str, dict[str, int]]:
    """For each sidebar list, the engagements each of its values would select under the other
    filters (its own choice left out, as Datasette's facets count): {'types': {'summit': 7, …}, …}.

    Every count starts from the engagements the other filters select and joins out from them
    (CROSS JOIN keeps SQLite from starting at the big side); languages and sources count an
    engagement once when one of its articles has that value and passes the other article filters."""
    from dataclasses import replace

    def counted(field: str, select: str, join: str) -> dict[str, int]:
        where, args = _engagement_where(replace(f, **{field: ()}))
        extra = ""
        if join.startswith("CROSS JOIN articles"):
            aw, aargs = _article_where(replace(f, **{field: ()}))
            if aw:
                extra = (" AND " if where else " WHERE ") + aw
                args = args + aargs
        rows = db.execute(f"SELECT {select} FROM engagements e {join} {where}{extra} GROUP BY 1", args).fetchall()
        return {v: n for v, n in rows if v is not None}

    return {
        "types": counted("types", "e.type, count(*)", ""),
        "statuses": counted("statuses", "e.status, count(*)", ""),
        "areas": counted("areas", "ea.area, count(*)", "CROSS JOIN engagement_areas ea ON ea.engagement_id = e.id"),
        "people": counted("people", "p.name, count(*)", "CROSS JOIN participants p ON p.engagement_id = e.id"),
        "languages": counted("languages", "a.language, count(DISTINCT e.id)", "CROSS JOIN articles a ON a.engagement_id = e.id"),
        "sources": counted("sources", "a.outlet, count(DISTINCT e.id)", "CROSS JOIN articles a ON a.engagement_id = e.id"),
    }


def briefing_inputs(db, f: Filters, date_from: str, date_to: str, period: str | None = None, compare_from: str | None = None, compare_to: str | None = None) -> dict:
    """The frames a briefing is built from (briefing.build), for the period and the other filters;
    compared with [compare_from, compare_to], by default the period of equal length just before.
    The area grid is by quarter, or by year over more than three years (legible on a slide)."""
    from dataclasses import replace
    from datetime import date as _date

    from dashboard import aggregate

    if period is None:
        span = (_date.fromisoformat(date_to[:10]) - _date.fromisoformat(date_from[:10])).days
        period = "year" if span > 3 * 366 else "quarter"

    base = replace(f, date_from=None, date_to=None)  # the period is given apart from the other filters
    fp = replace(f, date_from=date_from, date_to=date_to)
    eng = engagements(db, fp)
    prev_from, prev_to = (compare_from, compare_to) if compare_from and compare_to else aggregate.previous_period(date_from, date_to)
    data_first, data_last = db.execute("SELECT min(sort_date), max(sort_date) FROM engagements WHERE sort_date IS NOT NULL").fetchone()
    ids = articles_of(db, eng["id"].tolist())
    ev = evidence(db, ids[:2000])
    # what comes next: planned engagements from late in the period up to a year after it
    from datetime import date, timedelta

    end = date.fromisoformat(date_to[:10])
    soon = replace(base, date_from=(end - timedelta(days=30)).isoformat(), date_to=(end + timedelta(days=365)).isoformat(), statuses=("planned",))
    upcoming = engagements(db, soon)
    return {
        "filters": f,
        "engagements": eng,
        "upcoming": upcoming,
        "article_outlets": article_outlets(db, eng["id"].tolist() + upcoming["id"].tolist()),
        "compare_from": prev_from,
        "compare_to": prev_to,
        "data_first": data_first,
        "data_last": data_last,
        "cells_raw": area_cells(db, fp, period),
        "current_counts": area_counts(db, base, date_from, date_to),
        "previous_counts": area_counts(db, base, prev_from, prev_to),
        "evidence": ev,
        "date_from": date_from,
        "date_to": date_to,
        "period": period,
    }


def article_outlets(db, engagement_ids: list[str]) -> pd.DataFrame:
    """(engagement_id, outlet) for every article of these engagements: "N articles from M outlets"."""
    frames = [pd.DataFrame(columns=["engagement_id", "outlet"])]
    for i in range(0, len(engagement_ids), 500):
        chunk = engagement_ids[i : i + 500]
        frames.append(_read(f"SELECT engagement_id, outlet FROM articles WHERE engagement_id IN ({','.join('?' * len(chunk))})", db.conn, params=chunk))
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def default_period(db) -> tuple[str, str]:
    """The last twelve months of data: the briefing's period when none is chosen."""
    from datetime import date, timedelta

    last = db.execute("SELECT max(sort_date) FROM engagements WHERE status != 'planned'").fetchone()[0] or date.today().isoformat()
    end = date.fromisoformat(last[:10])
    return (end - timedelta(days=364)).isoformat(), end.isoformat()


def describe(f: Filters) -> str:
    """Filters in words, for titles and file names."""
    parts = []
    for name, vals in (("types", f.types), ("status", f.statuses), ("areas", f.areas), ("people", f.people), ("languages", f.languages), ("sources", f.sources)):
        if vals:
            parts.append(f"{name}: {', '.join(vals)}")
    if f.text:
        parts.append(f"search: {f.text}")
    return "; ".join(parts)
