"""The grouping's input and output: engagements, their participants and the dashboard's summaries."""

from __future__ import annotations

import json
from collections import defaultdict

import sqlite_utils

from dashboard.store.connection import _insert_rows, now, write


def grouping_input(db: sqlite_utils.Database) -> list[dict]:
    """What the grouping needs of every India–Japan article (in id order; the grouping does not
    depend on it).

    Read from columns, not from the stored records: 100,000 records would not fit in memory twice.
    Equal values share one object (a million articles repeat a few thousand dates, places, people
    and area lists); the grouping only reads them.
    """
    shared: dict = {}
    parsed_people: dict[str, list[str]] = {}
    parsed_areas: dict[str, tuple[list[str], list[tuple[str, int]]]] = {}
    no_areas: tuple[list[str], list[tuple[str, int]]] = ([], [])
    out = []
    for aid, published, language, d, end, etype, status, place, parts, ex, decisions, areas in db.execute(
        """SELECT a.id, a.published, a.language, a.eng_date, a.eng_end_date, a.eng_type, a.eng_status,
                  a.eng_place, a.eng_participants, a.main_exercise, a.eng_decisions,
                  (SELECT group_concat(area || ' ' || count) FROM area_mentions m WHERE m.article_id = a.id)
           FROM articles a WHERE a.india_japan = 1 ORDER BY a.id"""
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
                    "decisions": decisions,  # JSON text, read only for the members that decide a field
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
    with write(db):
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
                    "decisions": json.dumps(e.get("decisions") or {}, ensure_ascii=False),
                    "date_confidence": (e.get("decisions") or {}).get("date", {}).get("confidence"),
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
