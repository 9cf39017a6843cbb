"""The briefing as an analyst presents and exports it, in a real headless Chromium against
`streamlit run app.py`: presentation mode stepped through with the keyboard, every export downloaded
by clicking and opened, and the map and who-met-whom views clicked. Screenshots of every kind of
slide (1920×1080), the map and the matrix land in test-artifacts/ to be looked at."""

import io
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from browserkit import ARTIFACTS, CHROMIUM, app_server, chromium

PERIOD = "from=2025-01-01&to=2025-12-31"
WAIT = 60_000  # upper bounds for a busy CI machine, not timings
SIDEBAR_HIDDEN = "() => { const s = document.querySelector('[data-testid=\"stSidebar\"]'); return !s || getComputedStyle(s).display === 'none'; }"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")


@pytest.fixture(scope="module")
def server(sample_db, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("browser_briefing") / "briefing.db"
    shutil.copy(sample_db, db_path)
    with app_server(db_path) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True)
    pg = ctx.new_page()
    pg.outside = []
    pg.on("request", lambda r: pg.outside.append(r.url) if not r.url.startswith((server["url"], "data:", "blob:")) else None)
    yield pg
    ctx.close()


def open_page(pg, server, path: str, query: str = "") -> None:
    pg.goto(f"{server['url']}/{path}{('?' + query) if query else ''}")
    pg.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=WAIT)
    pg.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=WAIT)


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.wait_for_timeout(400)  # let plotly finish its transition
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def log_tail(server) -> str:
    return server["log"].read_text()[-3000:]


CURRENT = "() => { for (const d of document.querySelectorAll('.js-plotly-plot')) { const t = (d.data || []).find(t => t.meta === 'current'); if (t) return t.customdata[0]; } return null; }"


def test_presentation_mode_one_slide_per_screen_moved_with_the_arrow_keys(page, server):
    open_page(page, server, "briefing", PERIOD)
    page.get_by_text("Presentation mode").click()
    counter = page.locator("text=/^Slide \\d+ of \\d+$/")
    counter.wait_for(timeout=WAIT)
    page.wait_for_function(SIDEBAR_HIDDEN, timeout=WAIT)
    n = int(counter.inner_text().split()[-1])
    assert "present=1" in page.url
    kinds = ["title", "timeline", "areas"] + ["engagement"] * (n - 5) + ["quotes", "next"]
    seen_engagements = []
    for k, kind in enumerate(kinds, 1):
        if k > 1:
            page.keyboard.press("ArrowRight")
        page.wait_for_selector(f"text=Slide {k} of {n}", timeout=WAIT)
        if kind in ("timeline", "areas", "engagement"):
            page.wait_for_selector(".js-plotly-plot .scatterlayer path.point", timeout=WAIT)
            sizes = page.eval_on_selector_all(".js-plotly-plot .ytick text", "ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize))")
            assert sizes and min(sizes) >= 22, sizes  # projector-size axis labels
        if kind == "engagement":
            page.wait_for_function(CURRENT + "", timeout=WAIT)
            card = page.locator(".brief-card").first.get_attribute("data-engagement")
            assert page.evaluate(CURRENT) == card  # the engagement on the card is the one ringed on the chart
            seen_engagements.append(card)
        if kind != "engagement" or len(seen_engagements) == 1:
            shot(page, f"slide-{k:02d}-{kind}")
        # one screen: nothing scrolls below the 1080 px viewport
        assert page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight") <= 1080 + 4
    assert len(set(seen_engagements)) == n - 5
    page.keyboard.press("ArrowLeft")
    page.wait_for_selector(f"text=Slide {n - 1} of {n}", timeout=WAIT)
    page.keyboard.press("PageUp")  # a presenter's remote
    page.wait_for_selector(f"text=Slide {n - 2} of {n}", timeout=WAIT)
    page.reload()  # the URL holds the mode and the slide
    page.wait_for_selector(f"text=Slide {n - 2} of {n}", timeout=WAIT)
    page.keyboard.press("Escape")
    page.get_by_text("Presentation mode").wait_for(timeout=WAIT)
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    assert page.locator('[data-testid="stException"]').count() == 0, log_tail(server)
    assert not page.outside, page.outside[:3]


def download(page, label: str):
    with page.expect_download(timeout=180_000) as d:
        page.get_by_role("button", name=label).click()
    dl = d.value
    return dl.suggested_filename, Path(dl.path()).read_bytes()


def test_every_export_downloads_by_clicking_and_opens(page, server, browser, tmp_path):
    from openpyxl import load_workbook
    from PIL import Image
    from pptx import Presentation
    from pypdf import PdfReader

    open_page(page, server, "briefing", PERIOD)
    page.get_by_role("button", name="Briefing (HTML)").wait_for(timeout=WAIT)
    body = page.inner_text("body")
    held = int(body.split("India and Japan held ")[1].split(" ")[0])
    files = {}
    for label in ("Briefing (HTML)", "Briefing (PDF)", "Slides (PPTX)", "Tables (XLSX)", "Timeline (PNG)", "Areas (PNG)", "Engagements (CSV)", "Articles (CSV)", "Area × period (CSV)"):
        name, data = download(page, label)
        assert name.startswith("briefing_2025-01-01_2025-12-31"), name
        files[label] = data
    # HTML: opens from disk with the network watched; three charts and the base map draw
    html_path = tmp_path / "briefing.html"
    html_path.write_bytes(files["Briefing (HTML)"])
    offline = browser.new_page()
    asked = []
    offline.on("request", lambda r: asked.append(r.url) if not r.url.startswith(("file:", "data:", "blob:", "about:")) else None)
    offline.goto(html_path.as_uri())
    offline.wait_for_selector(".js-plotly-plot .geo .layer.land path", timeout=WAIT)
    assert offline.locator(".js-plotly-plot").count() == 3
    assert f"India and Japan held {held} engagements" in offline.inner_text("body")
    offline.close()
    assert not asked, asked[:3]
    # PDF: A4, the summary's figure, "What happened" once
    pdf = PdfReader(io.BytesIO(files["Briefing (PDF)"]))
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert f"held {held} engagements" in " ".join(text.split()) and text.count("What happened") == 1
    # PPTX: the summary slide and one row per engagement
    deck = Presentation(io.BytesIO(files["Slides (PPTX)"]))
    slides = list(deck.slides)
    assert f"held {held} engagements" in " ".join(sh.text_frame.text for sh in slides[1].shapes if sh.has_text_frame)
    assert sum(len(sh.table.rows) - 1 for s in slides for sh in s.shapes if sh.has_table) == held
    # XLSX: the same engagements, labels not ids
    book = load_workbook(io.BytesIO(files["Tables (XLSX)"]))
    assert book.sheetnames == ["summary", "engagements", "articles", "area_period"]
    types = [r[1] for r in book["engagements"].iter_rows(min_row=2, values_only=True)]
    assert len(types) >= held and "exercise" not in types and "Exercise" in types
    # PNG and CSV
    for label in ("Timeline (PNG)", "Areas (PNG)"):
        assert Image.open(io.BytesIO(files[label])).size[0] == 1600
    assert len(pd.read_csv(io.BytesIO(files["Engagements (CSV)"]))) >= held
    assert {"Area", "Engagements"} <= set(pd.read_csv(io.BytesIO(files["Area × period (CSV)"])).columns)
    assert zipfile.is_zipfile(io.BytesIO(files["Slides (PPTX)"]))
    assert page.locator("text=All exports are ready").count() == 1
    assert not page.outside, page.outside[:3]


def test_hindi_export_is_in_hindi(page, server):
    from openpyxl import load_workbook

    open_page(page, server, "briefing", PERIOD + "&hi=1")
    _, data = download(page, "तालिकाएं (XLSX)")
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames[1] == "बैठकें" and book["बैठकें"]["B1"].value == "प्रकार"
    assert "सैन्य अभ्यास" in [r[1] for r in book["बैठकें"].iter_rows(min_row=2, values_only=True)]


def test_map_draws_offline_and_a_circle_opens_its_engagements(page, server):
    open_page(page, server, "map")
    page.wait_for_selector(".js-plotly-plot .geo .layer.land path", timeout=WAIT)
    points = page.locator(".js-plotly-plot .scattergeo path.point")
    assert points.count() >= 10
    shot(page, "map")
    heading = page.locator("h3").first.inner_text()
    # the most isolated circle (not the default place, and no neighbour or label to catch the click)
    centres = [(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2) for b in (points.nth(i).bounding_box() for i in range(points.count()))]
    x, y = max(centres, key=lambda c: min(abs(c[0] - o[0]) + abs(c[1] - o[1]) for o in centres if o != c))
    page.mouse.click(x, y)
    page.wait_for_function("(h) => document.querySelector('h3') && document.querySelector('h3').innerText !== h", arg=heading, timeout=WAIT)
    page.get_by_role("button", name="Open on the timeline").first.click()
    page.wait_for_selector("h1:has-text('Timeline')", timeout=WAIT)
    assert not page.outside, page.outside[:3]  # no tile server, no CDN


def test_who_met_whom_square_opens_the_engagements_of_that_pair(page, server):
    open_page(page, server, "meetings")
    page.wait_for_selector(".js-plotly-plot .scatterlayer path.point", timeout=WAIT)
    shot(page, "meetings")
    heading = page.locator("h3").first.inner_text()
    squares = page.locator(".js-plotly-plot .scatterlayer path.point")
    box = squares.nth(squares.count() // 2).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("(h) => document.querySelector('h3').innerText !== h", arg=heading, timeout=WAIT)
    assert "pair=" in page.url
    assert page.get_by_role("button", name="Open on the timeline").count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0, log_tail(server)
