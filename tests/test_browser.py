"""End to end in a real headless Chromium against `streamlit run app.py` on a loopback port.

Debian's chromium (installed by scripts/setup.sh) is driven by Playwright; screenshots of every page
land in test-artifacts/ for a human to look at.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
XSS_TEXT = (
    "India Japan defence talks <script>window.__xss = 1</script>\n\n"
    "रक्षा मंत्री राजनाथ सिंह ने 5 मई 2025 को जापान के रक्षा मंत्री जनरल नकातानी से मुलाकात की। "
    '<img src=x onerror="window.__xss = 2"> आतंकवाद और समुद्री सुरक्षा पर चर्चा हुई।\n'
)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(sample_db, tmp_path_factory):
    from dashboard import ingest, queries, store

    db_path = tmp_path_factory.mktemp("browser") / "browser.db"
    shutil.copy(sample_db, db_path)
    evil = db_path.parent / "evil.txt"
    evil.write_text(XSS_TEXT, encoding="utf-8")
    ingest.ingest([str(evil)], db_path, progress=False, workers=1)
    db = store.connect(db_path, readonly=True)
    xss_id = queries.articles(db, queries.Filters(text="onerror")).iloc[0]["id"]
    hindi_id = queries.articles(db, queries.Filters(text="आतंकवाद"), india_japan_only=True).iloc[0]["id"]
    db.conn.close()
    port = free_port()
    log = db_path.parent / "server.log"
    env = {**os.environ, "DASHBOARD_DB": str(db_path)}
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.25)
    else:
        proc.kill()
        pytest.fail("streamlit did not start:\n" + log.read_text())
    yield {"url": url, "xss_id": xss_id, "hindi_id": hindi_id, "log": log}
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1600, "height": 1800})
    pg = ctx.new_page()
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server["url"], "data:", "blob:")) else None)
    pg.outside = outside
    yield pg
    ctx.close()


def open_page(pg, server, path: str = "", query: str = "") -> None:
    pg.goto(f"{server['url']}/{path}{('?' + query) if query else ''}")
    pg.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=30_000)
    # wait until Streamlit has finished running the script
    pg.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    pg.wait_for_timeout(800)


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def server_log(server) -> str:
    return server["log"].read_text()[-3000:]


@pytest.mark.parametrize("path, name, charts", [("", "overview", 2), ("timeline", "timeline", 1), ("areas", "areas", 2), ("articles", "articles", 0), ("ingest", "ingest", 0)])
def test_each_page_opens_and_its_charts_draw(page, server, path, name, charts):
    open_page(page, server, path)
    assert page.locator('[data-testid="stException"]').count() == 0, server_log(server)
    assert page.locator("h1").first.inner_text()
    if charts:
        page.wait_for_selector(".js-plotly-plot .scatterlayer .trace", timeout=30_000)
        assert page.locator(".js-plotly-plot").count() >= charts
        assert page.locator(".js-plotly-plot .scatterlayer path.point").count() > 5
    shot(page, name)
    assert not page.outside, f"requests left the machine: {page.outside[:3]}"


def test_search_a_hindi_word_and_read_the_highlighted_article(page, server):
    open_page(page, server, "articles")
    box = page.get_by_label("Search (Hindi or English)")
    box.fill("आतंकवाद")
    box.press("Enter")
    page.wait_for_function("() => location.search.includes('q=')", timeout=15_000)
    page.wait_for_timeout(1500)
    assert "q=" in page.url
    open_page(page, server, "articles", f"q={quote('आतंकवाद')}&a={server['hindi_id']}")
    marks = page.locator(".article-text mark")
    marks.first.wait_for(state="attached", timeout=30_000)  # the script may not have started yet under load
    assert marks.count() >= 1, server_log(server)
    assert all(m.startswith("आतंकवाद") for m in marks.all_inner_texts())
    assert page.locator(".article-text .person").count() >= 1
    shot(page, "article-hindi-highlighted")


def test_click_a_timeline_mark_and_see_its_articles(page, server):
    open_page(page, server, "timeline")
    page.wait_for_selector(".js-plotly-plot .scatterlayer path.point", timeout=30_000)
    points = page.locator(".js-plotly-plot .scatterlayer path.point")
    # plotly's drag layer swallows element clicks: click the mark's centre by coordinates
    box = points.nth(points.count() // 2).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector('button:has-text("Read")', timeout=20_000)
    assert page.locator('button:has-text("Read")').count() >= 1
    assert "e=" in page.url
    shot(page, "timeline-selected")


def test_upload_on_the_ingest_page_reaches_the_other_pages(page, server, tmp_path):
    good = tmp_path / "upload_sahyog_kaijin.txt"
    good.write_text(
        "Sahyog Kaijin off Chennai\n\nChennai, 18 January 2024: The Indian Coast Guard and the Japan Coast Guard "
        "held the Sahyog Kaijin exercise off Chennai today, practising search and rescue and pollution response "
        "with the Japanese cutter Quokkaberry.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty_upload.txt"
    empty.write_text("", encoding="utf-8")
    open_page(page, server, "ingest")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(good), str(empty)])
    page.get_by_role("button", name="Add to the database").click()
    page.wait_for_selector("text=1 new", timeout=60_000)
    page.wait_for_selector("text=empty_upload.txt: file is empty", timeout=10_000)
    assert page.get_by_text("empty_upload.txt: file is empty").count() == 1
    shot(page, "ingest-result")
    open_page(page, server, "articles", "q=Quokkaberry")
    # waited for, not counted at once: under load the page's script may not have started yet
    page.locator("text=Sahyog Kaijin off Chennai").first.wait_for(state="attached", timeout=30_000)
    assert page.locator("text=Sahyog Kaijin off Chennai").count() >= 1, server_log(server)


def test_briefing_at_1920_in_normal_and_presentation_mode(browser, server):
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
    pg = ctx.new_page()
    open_page(pg, server, "briefing", "from=2024-01-01&to=2025-12-31")
    pg.wait_for_selector(".js-plotly-plot .scatterlayer .trace", timeout=30_000)
    assert pg.locator('[data-testid="stSidebar"]').is_visible()
    assert "India and Japan held" in pg.inner_text("body")
    shot(pg, "briefing-normal")
    # step through with the keyboard: the left arrow shows the previous engagement
    card = pg.locator(".brief-card").first.inner_text()
    pg.keyboard.press("ArrowLeft")
    pg.wait_for_function("(before) => document.querySelector('.brief-card') && document.querySelector('.brief-card').innerText !== before", arg=card, timeout=15_000)
    pg.get_by_text("Presentation mode").click()
    pg.wait_for_function("() => { const s = document.querySelector('[data-testid=\"stSidebar\"]'); return !s || getComputedStyle(s).display === 'none'; }", timeout=15_000)
    pg.wait_for_timeout(1500)
    assert pg.locator('button:has-text("Prepare slides")').count() == 0  # controls hidden
    shot(pg, "briefing-presentation")
    ctx.close()


def test_article_with_an_xss_payload_executes_nothing(page, server):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_page(page, server, "articles", f"a={server['xss_id']}")
    page.wait_for_selector(".article-text", timeout=20_000)
    assert page.evaluate("() => window.__xss === undefined")
    assert not dialogs
    assert page.locator(".article-text img").count() == 0
    assert "onerror" in page.locator(".article-text").inner_text()
    assert page.locator("script:has-text('__xss')").count() == 0
    shot(page, "article-xss-escaped")
