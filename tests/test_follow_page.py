"""The Sources page and the Overview's "new since your last visit" block, in AppTest and in a real
Chromium, on the sample database plus a followed wire feed."""

import shutil
import time
from pathlib import Path

import follow_site as fs
import pytest
from browserkit import app_server, chromium
from streamlit.testing.v1 import AppTest

from dashboard import store
from dashboard.follow.http import Settings
from dashboard.follow.rounds import Follower
from dashboard.follow.urls import origin
from dashboard.store import sources as src

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def followed_db(sample_db, tmp_path_factory):
    site = fs.Site().start()
    urls = fs.news_site(site)
    path = tmp_path_factory.mktemp("page") / "page.db"
    shutil.copy(sample_db, path)
    db = store.connect(path)
    src.record_visit(db, "default", "2000-01-01T00:00:00Z")
    time.sleep(1.1)  # timestamps have whole seconds
    src.record_visit(db, "default")
    time.sleep(1.1)
    src.add_source(db, urls["wire"], "Wire round-up", 1800, None, "auto", [origin(urls["wire"])])
    gone = src.add_source(db, site.url("/gone.xml"), "Gone feed", 1800, None, "auto", [origin(site.url("/"))])
    Follower(path, Settings(host_delay=0, read_timeout=2)).run_round()
    src.set_status(db, gone["id"], "paused", "paused after 3 failures in a row; the last: answered 404 (not found)")
    db.conn.close()
    yield path
    site.close()


@pytest.fixture
def app(followed_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(followed_db))

    def make(page=None):
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.run()
        if page:
            at.switch_page(f"dashboard/pages/{page}.py")
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


def sources_table(at):
    return next(d.value for d in at.dataframe if "Last error" in d.value.columns)


def metric(at, label):
    return int(next(m for m in at.metric if m.label == label).value)


def test_overview_shows_what_is_new_since_the_last_visit(app):
    at = app()
    assert "New since your last visit" in [s.value for s in at.subheader]
    assert metric(at, "New articles") == 3
    assert metric(at, "New engagements") == 1
    assert any("3 report(s), 1 independent story" in m.value for m in at.markdown)
    # reruns in the same session keep showing the same news
    at.run()
    assert metric(at, "New articles") == 3


def test_sources_page_lists_sources_results_and_pauses(app):
    at = app("sources")
    table = sources_table(at)
    assert list(table["Name"]) == ["Wire round-up", "Gone feed"]
    wire = table.iloc[0]
    assert (wire["New"], wire["Other reports"], wire["Last result"]) == (3, 2, "fetched")
    assert table.iloc[1]["Status"] == "paused" and "404" in table.iloc[1]["Last error"]
    assert any("Gone feed" in w.value and "paused" in w.value for w in at.warning)
    assert metric(at, "Reports followed") == 3 and metric(at, "Independent stories") == 1


def test_add_pause_and_resume_a_source_on_the_page(app, followed_db):
    at = app("sources")
    at.text_input(key="src_url").set_value("http://127.0.0.1:9/local.xml")
    at.button(key="FormSubmitter:add_source-Follow").click().run()
    assert any("private or local address" in e.value for e in at.error)
    at.text_input(key="src_url").set_value("http://127.0.0.1:9/local.xml")
    at.text_input(key="src_name").set_value("Local test feed")
    at.checkbox(key="src_private").check()
    at.button(key="FormSubmitter:add_source-Follow").click().run()
    assert not at.exception
    assert "Local test feed" in list(sources_table(at)["Name"])
    label = next(o for o in at.selectbox(key="src_pick").options if o.startswith("Local test feed"))
    at.selectbox(key="src_pick").set_value(label).run()
    at.button(key="src_pause").click().run()
    db = store.connect(followed_db)
    assert src.get_source(db, "Local test feed")["status"] == "paused"
    at.selectbox(key="src_pick").set_value(label).run()
    at.button(key="src_remove").click().run()
    assert src.get_source(db, "Local test feed") is None


def test_save_the_current_filters_as_a_watch(app, followed_db):
    at = app("sources")
    at.multiselect(key="f_types").set_value(["exercise"]).run()
    at.text_input(key="watch_name").set_value("exercises")
    at.button(key="FormSubmitter:add_watch-Save watch").click().run()
    assert not at.exception
    db = store.connect(followed_db)
    w = next(w for w in src.watches(db) if w["name"] == "exercises")
    assert w["filters"] == {"types": ["exercise"]} and w["new_matches"] == 0
    assert any(e.label.startswith("exercises — 0 new") for e in at.expander)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")
def test_sources_page_and_new_since_block_in_chromium(followed_db, tmp_path):
    db = tmp_path / "browser.db"
    shutil.copy(followed_db, db)
    conn = store.connect(db)
    src.record_visit(conn, "default", "2000-01-01T00:00:00Z")  # the browser's session is a new visit
    conn.execute("UPDATE visits SET last_visit = (SELECT max(finished_at) FROM ingest_runs WHERE command != 'follow')")
    conn.conn.commit()
    conn.conn.close()
    with app_server(db) as srv, chromium() as b:
        pg = b.new_page(viewport={"width": 1600, "height": 1500})
        ARTIFACTS.mkdir(exist_ok=True)
        pg.goto(srv["url"])
        pg.get_by_text("New since your last visit").wait_for(timeout=30_000)
        pg.wait_for_selector(".js-plotly-plot", timeout=30_000)
        pg.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
        pg.wait_for_timeout(1000)
        assert pg.get_by_text("3 report(s), 1 independent story").count() >= 1, srv["log"].read_text()[-2000:]
        pg.screenshot(path=str(ARTIFACTS / "overview-new-since.png"))
        pg.locator('[data-testid="stSidebar"] [data-testid="stPageLink"] a', has_text="Sources").first.click()  # the menu, as an analyst opens it
        pg.get_by_text("Followed sources").wait_for(timeout=30_000)
        pg.wait_for_timeout(1500)
        assert pg.get_by_text("is paused").count() >= 1
        box = pg.get_by_label("URL of a feed, sitemap or article page")
        box.fill("http://127.0.0.1:9/typed.xml")
        pg.get_by_role("button", name="Follow", exact=True).click()
        pg.get_by_text("private or local address").wait_for(timeout=30_000)
        assert pg.locator('[data-testid="stException"]').count() == 0, srv["log"].read_text()[-2000:]
        pg.screenshot(path=str(ARTIFACTS / "sources.png"))


def test_text_from_the_web_cannot_make_markdown():
    from dashboard.pages.new_since import plain

    shown = plain("![x](http://e.org/x.png) [click](http://e.org) **bold** `code` <b>")
    for made in ("![x](", "[click](", "**bold**", "`code`", "<b>"):
        assert made not in shown
