"""End to end in a real headless Chromium against `streamlit run app.py` on a loopback port: each
page draws, a Hindi search highlights, hostile articles run nothing and link nowhere, the
briefing presents. Screenshots of every page land in test-artifacts/ for a human to look at.
(The analyst's journeys between pages are in test_journeys.py.)
"""

import json
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
from browserkit import CHROMIUM, ROOT, Analyst, app_server, chromium, copy_db, free_port

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")
XSS_TEXT = (
    "India Japan defence talks <script>window.__xss = 1</script>\n\n"
    "रक्षा मंत्री राजनाथ सिंह ने 5 मई 2025 को जापान के रक्षा मंत्री जनरल नकातानी से मुलाकात की। "
    '<img src=x onerror="window.__xss = 2"> आतंकवाद और समुद्री सुरक्षा पर चर्चा हुई।\n'
)
# a feed item written to make every analyst's browser fetch a tracker and show a phishing link,
# and a file name whose backtick would end a code span
HOSTILE_NAME = "report`<img src=x onerror=alert(4)>`[click](javascript:alert(5)).json"


def hostile_item(tracker: str) -> dict:
    return {
        "title": f"India Japan defence ministers meet ![t]({tracker}/title.png) [Verify your account]({tracker}/phish) <img src={tracker}/img.png>",
        "text": (
            "Defence Minister Rajnath Singh met Japan's Defence Minister Gen Nakatani in New Delhi on 5 May 2025 "
            f"and discussed maritime security ![t2]({tracker}/body.png) and [counter-terrorism]({tracker}/cta). "
            "They agreed to $x^2$ :red[expand] defence industry cooperation."
        ),
        "source": f"Evil ![t3]({tracker}/outlet.png) Times",
        "url": "javascript:alert(6)",
        "published": "2025-05-06",
    }


class Tracker(BaseHTTPRequestHandler):
    """Stands in for the internet: counts every request a page would make to a hostile host."""

    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        Tracker.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def tracker():
    srv = ThreadingHTTPServer(("127.0.0.1", free_port()), Tracker)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


@pytest.fixture(scope="module")
def server(sample_db, tmp_path_factory, tracker):
    from dashboard import ingest, queries, store

    tmp = tmp_path_factory.mktemp("browser")
    db_path = copy_db(sample_db, tmp, "browser.db")
    (tmp / "evil.txt").write_text(XSS_TEXT, encoding="utf-8")
    (tmp / HOSTILE_NAME).write_text(json.dumps(hostile_item(tracker)), encoding="utf-8")
    ingest.ingest([str(tmp / "evil.txt"), str(tmp / HOSTILE_NAME)], db_path, progress=False, workers=1)
    db = store.connect(db_path, readonly=True)
    ids = {
        "xss_id": queries.articles(db, queries.Filters(text="onerror")).iloc[0]["id"],
        "hindi_id": queries.articles(db, queries.Filters(text="आतंकवाद"), india_japan_only=True).iloc[0]["id"],
        "hostile": queries.articles(db, queries.Filters(text="Verify")).iloc[0].to_dict(),
    }
    db.conn.close()
    ja = ROOT / "tests" / "lang" / "326_rajnath-hamada-tokyo-2022-mod.txt"
    ingest.ingest([str(ja)], db_path, progress=False, workers=1)
    db = store.connect(db_path, readonly=True)
    ids["ja_id"] = queries.articles(db, queries.Filters(text="戦闘機", expand=False)).iloc[0]["id"]
    db.conn.close()
    with app_server(db_path) as srv:
        yield {**srv, **ids}


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def analyst(browser, server):
    ctx = browser.new_context(viewport={"width": 1600, "height": 1800})
    yield Analyst(ctx.new_page(), server)
    ctx.close()


@pytest.mark.parametrize("path, name, charts", [("", "overview", 2), ("timeline", "timeline", 1), ("areas", "areas", 2), ("articles", "articles", 0), ("ingest", "ingest", 0)])
def test_each_page_opens_and_its_charts_draw(analyst, path, name, charts):
    a = analyst
    a.open(path)
    assert not a.errors(), a.log()
    assert a.page.locator("h1").first.inner_text()
    if charts:
        a.page.wait_for_selector(".js-plotly-plot .scatterlayer .trace", timeout=30_000)
        # charts draw one after another: wait for all of them, not the first
        a.page.wait_for_function(f"() => document.querySelectorAll('.js-plotly-plot').length >= {charts}", timeout=30_000)
        assert a.page.locator(".js-plotly-plot").count() >= charts
        assert a.page.locator(".js-plotly-plot .scatterlayer path.point").count() > 5
    a.shot(name)
    assert not a.outside, f"requests left the machine: {a.outside[:3]}"


def test_search_a_hindi_word_and_read_the_highlighted_article(analyst, server):
    a = analyst
    a.open("articles")
    box = a.page.get_by_label("Search (Hindi or English)")
    box.fill("आतंकवाद")
    a.after(lambda: box.press("Enter"))
    assert a.query()["q"] == ["आतंकवाद"]
    a.open("articles", f"q={quote('आतंकवाद')}&a={server['hindi_id']}")
    marks = a.page.locator(".article-text mark")
    assert marks.count() >= 1, a.log()
    assert all(m.startswith("आतंकवाद") for m in marks.all_inner_texts())
    assert a.page.locator(".article-text .person").count() >= 1
    a.shot("article-hindi-highlighted")


def test_click_a_timeline_mark_and_see_its_articles(analyst):
    a = analyst
    a.open("timeline")
    a.after(lambda: a.click_point(0, a.marks(0) // 2))
    assert a.page.locator('[data-testid="stMain"] [data-testid="stPageLink"] a', has_text="Read").count() >= 1
    assert "e" in a.query()
    a.shot("timeline-selected")


def test_upload_on_the_ingest_page_reaches_the_other_pages(analyst, tmp_path):
    a = analyst
    good = tmp_path / "upload_sahyog_kaijin.txt"
    good.write_text(
        "Sahyog Kaijin off Chennai\n\nChennai, 18 January 2024: The Indian Coast Guard and the Japan Coast Guard "
        "held the Sahyog Kaijin exercise off Chennai today, practising search and rescue and pollution response "
        "with the Japanese cutter Quokkaberry.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty_upload.txt"
    empty.write_text("", encoding="utf-8")
    a.open("ingest")
    a.page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(good), str(empty)])
    a.page.get_by_role("button", name="Add to the database").click()
    a.page.wait_for_selector("text=1 new", timeout=60_000)
    a.page.wait_for_selector("text=empty_upload.txt: file is empty", timeout=10_000)
    assert a.page.get_by_text("empty_upload.txt: file is empty").count() == 1
    a.shot("ingest-result")
    a.open("articles", "q=Quokkaberry")
    assert a.page.locator("text=Sahyog Kaijin off Chennai").count() >= 1, a.log()


def test_an_upload_with_bad_files_and_two_files_of_one_name_lands_the_good_ones(analyst):
    """One bad file never aborts an upload; every file keeps the name the user gave it."""
    from tests.badfiles import large

    bad = large.FILES
    files = [
        {"name": "report.txt", "mimeType": "text/plain", "buffer": large.article(301).encode()},
        {"name": "report.txt", "mimeType": "text/plain", "buffer": large.article(302).encode()},
        {"name": ".hidden.txt", "mimeType": "text/plain", "buffer": large.article(303).encode()},
        {"name": "deep.json", "mimeType": "application/json", "buffer": ("[" * 100_000 + "]" * 100_000).encode()},
        {"name": "zip_bad_crc.zip", "mimeType": "application/zip", "buffer": (bad / "zip_bad_crc.zip").read_bytes()},
        {"name": "zip_encrypted_member.zip", "mimeType": "application/zip", "buffer": (bad / "zip_encrypted_member.zip").read_bytes()},
        {"name": "surrogate.json", "mimeType": "application/json", "buffer": (bad / "json_lone_surrogate.json").read_bytes()},
    ]
    analyst.open("ingest")
    page = analyst.page
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(files)
    page.get_by_role("button", name="Add to the database").click()
    page.wait_for_selector("text=Done", timeout=60_000)
    page.wait_for_selector("text=6 new", timeout=30_000)  # 3 text files, a good member of each zip, the surrogate JSON
    page.wait_for_selector("text=report.txt (2)", timeout=30_000)
    body = page.inner_text("body")
    assert "deep.json: JSON is nested too deeply" in body
    assert "zip_bad_crc.zip!crc.txt: archive member is corrupt" in body
    assert "zip_encrypted_member.zip!secret.txt: archive member is encrypted" in body
    assert "report.txt (2)" in body and ".hidden.txt" in body
    assert "/tmp" not in body and "Traceback" not in body
    analyst.shot("ingest-bad-files")


def test_briefing_at_1920_in_normal_and_presentation_mode(browser, server):
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
    a = Analyst(ctx.new_page(), server)
    a.open("briefing", "from=2024-01-01&to=2025-12-31")
    pg = a.page
    pg.wait_for_selector(".js-plotly-plot .scatterlayer .trace", timeout=30_000)
    assert pg.locator('[data-testid="stSidebar"]').is_visible()
    assert "India and Japan held" in pg.inner_text("body")
    a.shot("briefing-normal")
    # step through with the keyboard: the left arrow shows the previous engagement
    card = pg.locator(".brief-card").first.inner_text()
    pg.keyboard.press("ArrowLeft")
    pg.wait_for_function("(before) => document.querySelector('.brief-card') && document.querySelector('.brief-card').innerText !== before", arg=card, timeout=15_000)
    a.after(lambda: pg.get_by_text("Presentation mode").click())
    assert a.query()["present"] == ["1"]  # the flag is part of the view: it survives a page switch
    pg.wait_for_function("() => { const s = document.querySelector('[data-testid=\"stSidebar\"]'); return !s || getComputedStyle(s).display === 'none'; }", timeout=15_000)
    pg.wait_for_timeout(1500)
    assert pg.locator('button:has-text("Prepare slides")').count() == 0  # controls hidden
    a.shot("briefing-presentation")
    ctx.close()


def test_article_with_an_xss_payload_executes_nothing(analyst, server):
    a = analyst
    dialogs: list[str] = []
    a.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    a.open("articles", f"a={server['xss_id']}")
    assert a.page.evaluate("() => window.__xss === undefined")
    assert not dialogs
    assert a.page.locator(".article-text img").count() == 0
    assert "onerror" in a.page.locator(".article-text").inner_text()
    assert a.page.locator("script:has-text('__xss')").count() == 0
    a.shot("article-xss-escaped")


def test_hostile_titles_outlets_and_file_names_show_as_text_on_every_page(analyst, server, tracker):
    """A feed item's title, outlet, text and file name carry Markdown images and links, HTML and a
    backtick: on the Articles list and detail, the Timeline's reports and the Cooperation areas'
    quotes, they show as the characters they are. No <img> or <a> comes from them, nothing is
    fetched from the hostile host, and the javascript: URL is not a link."""
    a = analyst
    art = server["hostile"]
    dialogs: list[str] = []
    a.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    visits = [("articles", "q=Verify"), ("articles", f"a={art['id']}"), ("timeline", f"e={art['engagement_id']}"), ("areas", "period=year&cell=maritime_security|2025")]
    for path, query in visits:
        a.open(path, query)
        page = a.page
        if path == "areas":
            assert page.get_by_text("Evil ![t3]").count() >= 1  # its quote's source line
        else:
            assert page.get_by_text("[Verify your account]").count() >= 1, (path, a.log())
        bad_img = page.locator(f'img[src*="{tracker}"], img[src="x"]').count()
        bad_a = page.evaluate("(t) => Array.from(document.querySelectorAll('a')).filter(x => (x.getAttribute('href') || '').startsWith('javascript') || (x.getAttribute('href') || '').includes(t)).length", tracker)
        assert bad_img == 0 and bad_a == 0, (path, bad_img, bad_a)
        assert not a.errors(), a.log()
    a.open("articles", f"a={art['id']}")
    meta = a.page.locator(".meta").first.inner_text()
    assert HOSTILE_NAME in meta  # the whole file name, backtick and all, in its code span
    assert a.page.locator(".meta code").first.inner_text().endswith(HOSTILE_NAME)
    assert a.page.get_by_text("Open the original").count() == 0  # javascript: is not a web address
    a.shot("article-hostile-markdown")
    assert not Tracker.hits, Tracker.hits
    assert not dialogs


def test_search_a_japanese_word_and_read_the_article_with_whole_word_marks(analyst, server):
    """共同訓練 typed in the search box finds the Japanese article; opened, the word is marked whole
    (inside 戦闘機共同訓練 too), the people are marked, and the page draws real Japanese glyphs."""
    fonts = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True).stdout
    assert fonts.strip(), "no Japanese font: scripts/setup.sh installs fonts-noto-cjk"
    a = analyst
    a.open("articles")
    box = a.page.get_by_label("Search (Hindi or English)")
    box.fill("共同訓練")
    a.after(lambda: box.press("Enter"))
    assert a.page.get_by_text("日印防衛相会談の概要").count() >= 1, a.log()
    a.open("articles", f"q={quote('共同訓練')}&a={server['ja_id']}")
    marks = a.page.locator(".article-text mark").all_inner_texts()
    assert marks and set(marks) == {"共同訓練"}, a.log()
    assert a.page.locator(".article-text .person").count() >= 2
    a.shot("article-japanese")
