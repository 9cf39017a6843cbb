"""Follow rounds against a local news site: feeds in three languages stored through the store, a
second round that is all conditional requests, de-duplication in three layers, every bad source
reported and skipped, pausing after hard failures, watches, the Atom feed and the webhook."""

import json
import sqlite3
import time
import xml.etree.ElementTree as ET

import follow_site as fs
import pytest

from dashboard import store
from dashboard.cli import main
from dashboard.follow import alerts
from dashboard.follow.http import Settings
from dashboard.follow.rounds import Follower
from dashboard.follow.urls import origin
from dashboard.queries import Filters
from dashboard.store import sources as src

FAST = Settings(host_delay=0, read_timeout=1, connect_timeout=1, deadline=5, max_bytes=2 << 20, max_decoded=4 << 20)


def due_now(db):
    for s in src.sources(db):
        src.update_source(db, s["id"], next_fetch="2000-01-01T00:00:00Z")


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    """One site, every good and bad source added (allowed for the site's own host:port only),
    one round run; the round's summary, the site and the database path."""
    site = fs.Site().start()
    good, bad = fs.news_site(site), fs.bad_site(site)
    path = tmp_path_factory.mktemp("follow") / "follow.db"
    db = store.connect(path)
    for name, url in {**good, **bad}.items():
        src.add_source(db, url, name, 1800, None, "auto", [origin(url)])
    db.conn.close()
    t = time.monotonic()
    summary = Follower(path, FAST, max_items=20).run_round()
    took = time.monotonic() - t
    yield {"site": site, "path": path, "summary": summary, "good": good, "bad": bad, "took": took}
    site.close()


def result(followed, name):
    return next(s for s in followed["summary"].sources if s.name == name)


def articles(path):
    c = sqlite3.connect(path)
    try:
        return c.execute("SELECT url, language, outlet, published, engagement_id, source_file FROM articles ORDER BY url").fetchall()
    finally:
        c.close()


def test_a_round_stores_english_and_hindi_articles_from_feeds_and_a_sitemap(followed):
    rows = {r[0].split(str(followed["site"].port))[1]: r for r in articles(followed["path"])}
    assert rows["/news/story-1"][1:4] == ("en", "Example Times", "2025-05-05")
    assert rows["/hi/jimex"][1:4] == ("hi", "उदाहरण समाचार", "2025-06-10")
    assert rows["/hi/co-development"][1:4] == ("hi", "उदाहरण समाचार", "2025-06-20")
    # stored like an ingested file: grouped into engagements, findable by full-text search
    assert all(r[4] for r in rows.values() if r[1] == "en" and "coastguard" in r[0])
    db = store.connect(followed["path"], readonly=True)
    from dashboard import queries

    assert [r["source_file"] for r in queries.search(db, "जिमेक्स", expand=False)] == [followed["site"].url("/hi/jimex")]
    assert db.execute("SELECT outcome, count(*) FROM ingest_files GROUP BY outcome").fetchall()
    assert db.execute("SELECT command FROM ingest_runs").fetchall() == [("follow",)]


def test_the_japanese_page_is_fetched_and_its_outcome_reported(followed):
    atom = result(followed, "atom")
    assert followed["site"].hits("/ja/talks")
    assert atom.new + atom.failed == 1


def test_a_japanese_article_is_stored_with_its_feed_date(followed):
    assert ("ja", "2025-05-05") in [(r[1], r[3]) for r in articles(followed["path"])]


def test_one_story_at_three_addresses_is_fetched_and_stored_once(followed):
    site = followed["site"]
    assert len(site.hits("/news/story-1")) == 1
    assert not site.hits("/amp/news/story-1") and not site.hits("/news/story-1/?utm_source=twitter&utm_medium=social&fbclid=x1")
    assert sum("/story-1" in r[0] for r in articles(followed["path"])) == 1


def test_a_wire_story_at_three_outlets_is_one_story_with_three_reports(followed):
    wire = result(followed, "wire")
    assert (wire.new, wire.near) == (3, 2)
    db = store.connect(followed["path"], readonly=True)
    assert src.story_counts(db, wire.id) == {"reports": 3, "stories": 1}
    outlets = {r[2] for r in articles(followed["path"]) if "coastguard" in r[0]}
    assert outlets == {"Daily Sentinel", "Coastal Herald", "Metro Express"}
    eids = {r[4] for r in articles(followed["path"]) if "coastguard" in r[0]}
    assert len(eids) == 1
    assert src.engagement_story_counts(db, list(eids)) == {eids.pop(): (3, 1)}


@pytest.mark.parametrize(
    "name, reason",
    [
        ("malformed", "malformed feed XML"),
        ("404", "answered 404 (not found)"),
        ("500", "answered 500 (server error)"),
        ("429", "answered 429 (too many requests); asked to wait 120 s"),
        ("silent", "did not answer within 1 s"),
        ("loop", "more than 5 redirects"),
        ("huge", "larger than the 2 MB limit"),
        ("bomb", "compression bomb"),
    ],
)
def test_each_bad_source_is_reported_in_plain_words(followed, name, reason):
    r = result(followed, name)
    assert r.outcome == "failed" and reason in r.error
    db = store.connect(followed["path"], readonly=True)
    row = src.get_source(db, r.id)
    assert row["last_outcome"] == "failed" and reason in row["last_error"]


def test_bad_sources_hang_nothing_past_their_timeouts(followed):
    # the silent server costs one read timeout (1 s); everything else answers at once. A loose
    # bound: a hang would be the 100 MB body, the bomb or the silent port waiting forever
    assert followed["took"] < 60


def test_a_429_waits_at_least_its_retry_after(followed):
    db = store.connect(followed["path"], readonly=True)
    row = src.get_source(db, result(followed, "429").id)
    assert row["next_fetch"] > store.now()


def test_a_wrong_declared_charset_still_reads_the_hindi_text(followed):
    r = result(followed, "charset")
    assert r.new == 1 and any("declared as iso-8859-1 but is UTF-8" in n for n in r.notes)
    db = store.connect(followed["path"], readonly=True)
    title = db.execute("SELECT title FROM articles WHERE url LIKE '%/bad/charset'").fetchone()[0]
    assert title.startswith("जापान के तटरक्षक पोत")


def test_a_feed_of_ten_thousand_items_is_taken_in_bounded_rounds(followed):
    r = result(followed, "big")
    assert r.failed == 20 and "10000 links" in r.notes[0]


def test_links_to_private_ports_and_other_schemes_are_refused(followed):
    r = result(followed, "ssrf")
    assert r.failed == 3 and r.new == 0
    assert sum("127.0.0.1:22 is a private or local address" in e for e in r.errors) == 2
    assert any("only http and https" in e for e in r.errors)


def test_robots_txt_is_respected(followed):
    assert not followed["site"].hits("/private/secret")
    assert any("robots.txt" in e for e in result(followed, "rss").errors)


def test_a_second_round_sends_conditional_requests_and_stores_nothing(followed):
    site, path = followed["site"], followed["path"]
    before = articles(path)
    db = store.connect(path)
    due_now(db)
    n = len(site.requests)
    summary = Follower(path, FAST, max_items=20).run_round()
    assert articles(path) == before
    for name in ("rss", "wire", "atom", "sitemap"):
        assert result({"summary": summary}, name).outcome == "not modified"
    feed_hits = [h for p, h in site.requests[n:] if p in ("/feeds/en.rss", "/feeds/wire.rss", "/feeds/ja.atom", "/sitemaps/news.xml")]
    assert len(feed_hits) == 4 and all(h.get("If-None-Match") for h in feed_hits)
    assert not [p for p, _ in site.requests[n:] if p.startswith(("/news/", "/hi/", "/outlet-"))]


def test_a_source_failing_hard_three_times_is_paused_and_says_why(followed):
    path = followed["path"]
    db = store.connect(path)
    sid = result(followed, "404").id
    for _ in range(3):
        src.update_source(db, sid, next_fetch="2000-01-01T00:00:00Z")
        Follower(path, FAST).run_round(only=[sid])
    row = src.get_source(db, sid)
    assert row["status"] == "paused" and "paused after 3 failures in a row" in row["paused_reason"] and "404" in row["paused_reason"]
    assert Follower(path, FAST).run_round(only=[sid]).sources == []
    src.set_status(db, sid, "active")
    assert src.get_source(db, sid)["status"] == "active"


def test_a_watch_records_new_matches_after_a_round(tmp_path):
    site = fs.Site().start()
    try:
        urls = fs.news_site(site)
        path = tmp_path / "w.db"
        db = store.connect(path)
        wid = alerts.save_watch(db, "exercises", Filters(types=("exercise",)))
        assert src.watches(db)[0]["new_matches"] == 0
        src.add_source(db, urls["wire"], "wire", 1800, None, "auto", [origin(urls["wire"])])
        s = Follower(path, FAST).run_round()
        assert s.watch_matches >= 1
        hits = src.watch_hits(db, wid)
        assert hits and all(h["watch"] == "exercises" and h["type"] == "exercise" for h in hits)
        assert src.watches(db)[0]["new_matches"] == len(hits)
    finally:
        site.close()


def test_feed_writes_atom_and_posts_each_new_engagement_once(followed, tmp_path, capsys):
    out = tmp_path / "new.atom"
    hook = followed["site"].url("/hook")
    assert main(["feed", "--out", str(out), "--db", str(followed["path"]), "--webhook", hook]) == 0
    root = ET.parse(out).getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert entries and all(e.find("a:id", ns).text.startswith("tag:india-japan-dashboard") for e in entries)
    summaries = " ".join(e.find("a:summary", ns).text for e in entries)
    assert "3 report(s), 1 independent story" in summaries
    posted = [json.loads(h["body"]) for h in followed["site"].hits("/hook")]
    assert len(posted) == len(entries) and {p["id"] for p in posted} == {e.find("a:id", ns).text.rsplit("/", 1)[1] for e in entries}
    assert main(["feed", "--db", str(followed["path"]), "--webhook", hook]) == 0
    assert len(followed["site"].hits("/hook")) == len(posted)


def test_sources_commands(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    assert main(["sources", "add", "http://127.0.0.1:9/feed.xml", "--db", db]) == 2
    assert "private or local address" in capsys.readouterr().err
    assert main(["sources", "add", "ftp://example.org/x", "--db", db]) == 2
    assert main(["sources", "add", "http://127.0.0.1:9/feed.xml", "--name", "local", "--every", "2h", "--lang", "hi", "--allow-private", "--db", db]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["name"], row["every_s"], row["language"], row["allow_hosts"]) == ("local", 7200, "hi", ["127.0.0.1:9"])
    assert main(["sources", "pause", "local", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "paused"
    assert main(["sources", "resume", str(row["id"]), "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "active"
    assert main(["sources", "list", "--table", "--db", db]) == 0
    assert "local" in capsys.readouterr().out
    assert main(["sources", "remove", "local", "--db", db]) == 0
    capsys.readouterr()
    assert main(["sources", "list", "--db", db]) == 0
    assert capsys.readouterr().out == ""
    assert main(["sources", "pause", "nothing", "--db", db]) == 2
