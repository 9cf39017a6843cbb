"""Alerts: what is new since an analyst's last visit, watches (a named set of filters whose new
matches each follow round records), an Atom feed of new engagements, and a JSON POST per new
engagement to a webhook."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

from dashboard import queries
from dashboard.queries import Filters
from dashboard.store import sources as src

ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:india-japan-dashboard,2026"


def filters_to_dict(f: Filters) -> dict:
    """Only what differs from no filter, lists for tuples: the watch's stored form."""
    default = Filters()
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in dataclasses.asdict(f).items() if v != getattr(default, k)}


def filters_from_dict(d: dict) -> Filters:
    names = {f.name for f in dataclasses.fields(Filters)}
    return Filters(**{k: (tuple(v) if isinstance(v, list) else v) for k, v in d.items() if k in names})


def save_watch(db, name: str, f: Filters, user: str | None = None) -> int:
    """A watch starts from what already matches (its baseline); later matches are its news."""
    name = name.strip()
    if not name:
        raise ValueError("a watch needs a name")
    wid = src.add_watch(db, name, filters_to_dict(f), user)
    ids = list(queries.engagements(db, f)["id"])
    with src.writing(db):
        src.record_watch_hits(db, wid, ids, None, baseline=True)
    return wid


def update_watches(db, run_id: int | None) -> int:
    """After a round: each watch's matches not seen before become its new matches."""
    total = 0
    for w in src.watches(db):
        ids = set(queries.engagements(db, filters_from_dict(w["filters"]))["id"])
        new = sorted(ids - src.watch_known(db, w["id"]))
        if new:
            with src.writing(db):
                src.record_watch_hits(db, w["id"], new, run_id, baseline=False)
            total += len(new)
    return total


def _ago(seconds: float) -> str:
    return (datetime.now(UTC) - timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def entries(db, limit: int = 50, since_s: float | None = None) -> list[dict]:
    """The newest engagements (by when they were first reported), with report and story counts."""
    rows = src.new_engagements(db, limit)
    if since_s is not None:
        cut = _ago(since_s)
        rows = [r for r in rows if r["first_reported"] >= cut]
    counts = src.engagement_story_counts(db, [r["id"] for r in rows])
    for r in rows:
        r["reports"], r["stories"] = counts.get(r["id"], (r["n_articles"], r["n_articles"]))
    return rows


def _title(e: dict) -> str:
    who = ", ".join(e["participants"][:4]) or "participants not named"
    return f"{e['date'] or e['sort_date'] or 'date unknown'} · {e['type']} ({e['status']}) · {e['place'] or 'place unknown'}: {who}"


def _summary(e: dict) -> str:
    lines = [f"{e['reports']} report(s), {e['stories']} independent stor{'y' if e['stories'] == 1 else 'ies'}."]
    if e["areas"]:
        lines.append("Areas: " + ", ".join(e["areas"]) + ".")
    for a in e["articles"][:10]:
        lines.append(f"- {a['title'] or '(untitled)'} — {a['outlet'] or 'unknown outlet'} ({a['language']}) {a['url'] or ''}".rstrip())
    return "\n".join(lines)


def atom(rows: list[dict], title: str = "India–Japan defence engagements: new") -> bytes:
    """An Atom 1.0 document; ElementTree escapes every text (titles come from the web)."""
    ET.register_namespace("", ATOM)

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", f"{TAG}:feed/new-engagements")
    sub(feed, "title", title)
    sub(feed, "updated", max((r["last_reported"] for r in rows), default=_ago(0)))
    author = sub(feed, "author")
    sub(author, "name", "India–Japan defence dashboard")
    sub(feed, "generator", "python -m dashboard feed")
    for e in rows:
        entry = sub(feed, "entry")
        sub(entry, "id", f"{TAG}:engagement/{e['id']}")
        sub(entry, "title", _title(e))
        sub(entry, "published", e["first_reported"])
        sub(entry, "updated", e["last_reported"])
        link = next((a["url"] for a in e["articles"] if a["url"]), None)
        if link:
            sub(entry, "link", href=link)
        sub(entry, "category", term=e["type"])
        sub(entry, "summary", _summary(e), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def payload(e: dict) -> dict:
    keys = ("id", "date", "sort_date", "type", "status", "place", "participants", "areas", "reports", "stories", "first_reported", "last_reported")
    return {**{k: e[k] for k in keys}, "title": _title(e), "articles": e["articles"]}


def post_webhook(db, url: str, rows: list[dict], timeout: float = 10.0) -> tuple[int, list[str]]:
    """POST each engagement not yet delivered to this URL; (delivered, errors). An engagement
    whose delivery failed is tried again next time."""
    import httpx

    from dashboard.follow.urls import Policy, Refused, origin

    try:
        # the URL was given by whoever runs the command: it may be on this machine or network
        Policy(frozenset([origin(url)])).check(url)
    except Refused as exc:
        return 0, [str(exc)]
    sent = src.webhook_sent(db, url)
    done, errors = 0, []
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for e in rows:
            if e["id"] in sent:
                continue
            try:
                r = client.post(url, content=json.dumps(payload(e), ensure_ascii=False).encode("utf-8"), headers={"Content-Type": "application/json; charset=utf-8"})
            except httpx.HTTPError as exc:
                errors.append(f"{url}: {type(exc).__name__}: {exc}")
                break  # the receiver is down: the rest waits for the next run
            if 200 <= r.status_code < 300:
                src.record_webhook(db, url, e["id"], r.status_code)
                done += 1
            else:
                errors.append(f"{url} answered {r.status_code} for engagement {e['id']}")
    return done, errors


def new_since_last_visit(db, user: str, previous: str | None) -> dict | None:
    """What arrived after the previous visit (None on a first visit: everything would be new)."""
    if not previous:
        return None
    out = src.new_since(db, previous)
    out["since"] = previous
    out["watch_hits"] = src.watch_hits(db, since=previous, limit=20)
    ids = [e["id"] for e in out["engagements"]]
    counts = src.engagement_story_counts(db, ids)
    for e in out["engagements"]:
        e["reports"], e["stories"] = counts.get(e["id"], (e["n_articles"], e["n_articles"]))
    return out
