"""How sure the parser is, on the pages: each engagement field's reason beside its value on the
Timeline and Articles details, an unsure value marked "?", and a sidebar switch that hides the
engagements whose date is unsure. Under AppTest on the sample corpus in a real SQLite file."""

from __future__ import annotations

import html
import json
import re
import sqlite3

from streamlit.testing.v1 import AppTest
from test_app import APP, charts, healthy

from dashboard.models import SURE


def weekday_dated(db_path, sure: bool) -> dict:
    """An engagement of the sample whose date the parser counted from a weekday, sure or not."""
    db = sqlite3.connect(db_path)
    for eid, d, conf, dec in db.execute("SELECT id, date, date_confidence, decisions FROM engagements ORDER BY sort_date"):
        reason = json.loads(dec or "{}").get("date", {}).get("reason") or ""
        if reason.startswith("weekday") and (conf >= SURE) == sure:
            aid = db.execute("SELECT id FROM articles WHERE engagement_id = ? ORDER BY published LIMIT 1", [eid]).fetchone()[0]
            return {"id": eid, "date": d, "confidence": conf, "reason": reason, "article": aid}
    raise AssertionError("the sample has no such engagement")


def session(db_path, monkeypatch, page: str, **params) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))
    at = AppTest.from_file(str(APP), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(f"dashboard/pages/{page}.py")
    at.run()
    healthy(at)
    return at


def decided_table(at) -> list[list[str]]:
    """The 'How sure, and why' table as rows of cell texts; its rows' classes say sure/unsure."""
    block = next(m.value for m in at.markdown if 'class="decided"' in m.value)
    rows = re.findall(r'<tr class="(\w+)">(.*?)</tr>', block, re.S)
    return [[cls] + [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)] for cls, cells in rows]


def heading(at) -> str:
    block = next(m.value for m in at.markdown if 'class="data-heading"' in m.value)
    return html.unescape(re.sub(r"<[^>]+>", "", block)).strip()


def test_an_unsure_weekday_date_shows_marked_with_its_reason_on_the_timeline(sample_db, monkeypatch):
    e = weekday_dated(sample_db, sure=False)
    at = session(sample_db, monkeypatch, "timeline", e=e["id"])
    assert heading(at).startswith(f"{e['date']}? · ")  # the doubt beside the number
    rows = {r[1]: r for r in decided_table(at)}
    cls, _, value, sure, why = rows["Date"]
    assert (cls, sure, why) == ("unsure", f"{e['confidence']:.0%}", e["reason"])
    assert value.startswith(e["date"]) and value.endswith("?")  # a range shows its last day too
    assert "counted back from the page date" in e["reason"] or "counted forward" in e["reason"]
    assert set(rows) == {"Date", "Type", "Status", "Place", "Participants"}
    assert any("less than 80 % sure" in m.value for m in at.markdown)
    hover = [h for spec in charts(at) for t in spec["data"] for h in t.get("hovertext") or []]
    assert any(h.startswith(f"<b>{e['date']}?</b>") for h in hover)  # the timeline's hover says so too


def test_a_sure_weekday_date_is_not_marked_but_still_says_why(sample_db, monkeypatch):
    e = weekday_dated(sample_db, sure=True)
    at = session(sample_db, monkeypatch, "timeline", e=e["id"])
    assert heading(at).startswith(f"{e['date']} · ")
    date_row = next(r for r in decided_table(at) if r[1] == "Date")
    assert date_row[0] == "sure" and date_row[2].startswith(e["date"]) and not date_row[2].endswith("?") and date_row[4] == e["reason"]


def test_the_article_detail_shows_what_that_article_alone_decided(sample_db, monkeypatch):
    e = weekday_dated(sample_db, sure=False)
    at = session(sample_db, monkeypatch, "articles", a=e["article"])
    rows = {r[1]: r for r in decided_table(at)}
    assert rows["Date"][4].startswith("weekday")  # the article's own reason for its date
    assert rows["Date"][0] == ("unsure" if rows["Date"][3] < "80%" else "sure")


def test_the_sure_dates_switch_hides_unsure_engagements_and_keeps_through_pages(sample_db, monkeypatch):
    db = sqlite3.connect(sample_db)
    total, unsure = db.execute(f"SELECT count(*), sum(date_confidence < {SURE}) FROM engagements").fetchone()
    assert unsure > 0
    e = weekday_dated(sample_db, sure=False)
    at = session(sample_db, monkeypatch, "timeline")
    marks = lambda: sum(len(t.get("hovertext") or []) for t in charts(at)[0]["data"] if t.get("mode") == "markers")  # noqa: E731
    assert marks() == total
    at.sidebar.toggle(key="f_sure").set_value(True).run()
    healthy(at)
    assert marks() == total - unsure
    assert at.query_params["sure"] in ("1", ["1"])  # in the URL, so a shared link keeps it
    assert e["id"] not in at.selectbox(key="tl_pick").options
    at.switch_page("dashboard/pages/overview.py")
    at.run()
    assert at.sidebar.toggle(key="f_sure").value is True  # a page switch keeps it


def test_hindi_mode_words_the_table_in_hindi_and_keeps_the_parsers_reasons_as_they_are(sample_db, monkeypatch):
    e = weekday_dated(sample_db, sure=False)
    at = session(sample_db, monkeypatch, "timeline", e=e["id"], hi="1")
    block = next(m.value for m in at.markdown if 'class="decided"' in m.value)
    assert "कितना निश्चित, और क्यों" in block and "तिथि" in block
    assert next(r for r in decided_table(at) if r[1] == "तिथि")[4] == e["reason"]
    assert block.count('lang="en" class="machine"') == 5  # marked as the parser's English words
