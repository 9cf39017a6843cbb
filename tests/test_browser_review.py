"""Reviewing in a real Chromium against `streamlit run app.py`: clicks and keys as an analyst uses
them, then what the pages and the downloaded XLSX show."""

from __future__ import annotations

import io
import os
import re

import openpyxl
import pytest

from dashboard import store
from tests import reviewkit as kit
from tests.browserkit import CHROMIUM, IDLE, Analyst, app_server, chromium

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is installed by scripts/setup.sh --dev")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser_review")
    folder = kit.corpus_copy(root / "corpus")
    db_path = kit.build(root / "review.db", folder)
    with app_server(db_path, {"DASHBOARD_KNOWLEDGE_LOCAL": str(root / "local")}) as srv:
        yield {**srv, "folder": folder}


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def new_page(browser, server, width: int = 1500):
    ctx = browser.new_context(viewport={"width": width, "height": 2000}, accept_downloads=True)
    pg = ctx.new_page()
    pg.goto(server["url"])
    idle(pg)
    return pg


def idle(pg, extra: int = 300) -> None:
    pg.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=30_000)
    pg.wait_for_timeout(extra)  # a click's rerun begins
    pg.wait_for_function(IDLE, timeout=60_000)


def menu(pg, name: str) -> None:
    """Click a page in the sidebar's menu (its links carry the view)."""
    pg.locator('[data-testid="stSidebar"] [data-testid="stPageLink"] a', has_text=name).first.click()
    pg.wait_for_timeout(300)
    idle(pg)


def shot(pg, name: str) -> None:
    Analyst(pg, {"url": ""}).shot(name)


def choose(pg, label: str, option: str, typed: str | None = None) -> None:
    pg.get_by_label(label, exact=True).first.click()
    if typed:  # long lists draw only what is in view: narrow them first
        pg.keyboard.type(typed)
    pg.locator('[role="option"]').filter(has_text=option).first.click()
    idle(pg)


def open_engagement(pg, option: str, correct: bool = True) -> None:
    menu(pg, "Timeline")
    choose(pg, "Engagement", option)
    if correct:
        pg.get_by_text("✎ Correct this engagement").first.click()
        pg.wait_for_timeout(300)


def sign(pg, name: str) -> None:
    box = pg.get_by_label("Your name (kept for this session, written beside each correction)").first
    box.fill(name)
    box.press("Tab")
    idle(pg)


def fill(pg, label: str, value: str) -> None:
    box = pg.get_by_label(label).first
    box.fill(value)


def test_a_date_corrected_on_the_timeline_shows_with_its_mark_on_every_page_and_in_the_xlsx(browser, server):
    pg = new_page(browser, server)
    open_engagement(pg, "2025-05-05 · Ministerial meeting · Tokyo")
    sign(pg, "A. Sharma")
    fill(pg, "Date (YYYY-MM-DD, or YYYY-MM)", "2025-04-30")
    fill(pg, "Note (optional)", "MoD readout")
    pg.get_by_role("button", name="Save correction").click()
    pg.wait_for_selector("text=Saved: date. Every page now shows it.", timeout=30_000)
    idle(pg)
    assert pg.locator(".data-heading").first.inner_text().startswith("2025-04-30 · Ministerial meeting")
    assert "date ✎ corrected by A. Sharma on" in pg.locator(".rv-marks").first.inner_text()
    shot(pg, "review-timeline-corrected")

    # the heatmap: the square of defence industry in 2025-Q2 counts it; its engagements say so
    menu(pg, "Cooperation areas")
    pg.wait_for_selector(".js-plotly-plot .scatterlayer path.point", timeout=30_000)
    points = pg.locator(".js-plotly-plot").first.locator(".scatterlayer path.point")
    for i in range(points.count()):
        box = points.nth(i).bounding_box()
        pg.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        pg.wait_for_timeout(250)
        hover = pg.locator(".js-plotly-plot").first.locator(".hoverlayer").text_content() or ""
        if "Defence industry" in hover and "2025-Q2" in hover:
            pg.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            break
    pg.wait_for_selector(".rv-marks", timeout=30_000)
    assert "2025-04-30 · Ministerial meeting: date ✎ corrected by A. Sharma on" in pg.locator(".rv-marks").inner_text()

    # the briefing: walk to it with the arrow keys; the XLSX download carries the date and the mark
    menu(pg, "Briefing")
    pg.wait_for_selector(".brief-card", timeout=30_000)
    for _ in range(3):
        before = pg.locator(".brief-card").first.inner_text()
        if "2025-04-30" in before:
            break
        pg.keyboard.press("ArrowLeft")
        pg.wait_for_function("(b) => document.querySelector('.brief-card') && document.querySelector('.brief-card').innerText !== b", arg=before, timeout=30_000)
        idle(pg)
    card = pg.locator(".brief-card").first.inner_text()
    assert "2025-04-30" in card and "date ✎ corrected by A. Sharma on" in card
    with pg.expect_download(timeout=120_000) as dl:
        pg.get_by_role("button", name="Tables (XLSX)").click()
    book = openpyxl.load_workbook(io.BytesIO(open(dl.value.path(), "rb").read()))
    sheet = book.worksheets[1]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=2)]
    tokyo = next(r for r in rows if r["Date"] == "2025-04-30")
    assert tokyo["Corrected by a reviewer"].startswith("date ✎ corrected by A. Sharma on")
    pg.context.close()


def test_two_editors_of_one_engagement_the_second_is_asked(browser, server):
    one, two = new_page(browser, server), new_page(browser, server)
    for pg, name in ((one, "A. Sharma"), (two, "B. Rao")):
        open_engagement(pg, "2024-10-12 · Exercise · Visakhapatnam")
        sign(pg, name)
    fill(one, "Place", "Bay of Bengal")
    one.get_by_role("button", name="Save correction").click()
    one.wait_for_selector("text=Saved: place.", timeout=30_000)
    fill(two, "Last day (for several days)", "2024-10-15")
    two.get_by_role("button", name="Save correction").click()
    two.wait_for_selector("text=Someone changed this record since you opened it", timeout=30_000)
    assert "A. Sharma changed place: Visakhapatnam → Bay of Bengal" in two.inner_text("body")
    shot(two, "review-conflict")
    two.get_by_role("button", name="Save mine anyway").click()
    two.wait_for_selector("text=Saved: end date.", timeout=30_000)
    from dashboard.review import service

    row = service.current(store.connect(server["db"]), kit.engagement_of(store.connect(server["db"]), server["folder"], kit.JIMEX))
    assert (row["place"], row["end_date"]) == ("Bay of Bengal", "2024-10-15")
    one.context.close()
    two.context.close()


def test_the_review_page_from_the_keyboard_then_a_spelling_added_from_an_article(browser, server):
    pg = new_page(browser, server)
    menu(pg, "Review")
    sign(pg, "A. Sharma")
    pg.wait_for_selector("text=/\\d+ of \\d+ reviewed/", timeout=30_000)
    done, total = map(int, re.search(r"(\d+) of (\d+) reviewed", pg.inner_text("body")).groups())
    first = pg.locator("h3").first.inner_text()
    pg.locator("h1").first.click()  # keys go to the page, not to a text box
    pg.keyboard.press("j")
    pg.wait_for_function("(f) => document.querySelector('h3') && document.querySelector('h3').innerText !== f", arg=first, timeout=30_000)
    idle(pg)
    pg.keyboard.press("v")  # right as shown
    pg.wait_for_selector(f"text={done + 1} of {total} reviewed", timeout=30_000)
    shot(pg, "review-page")
    # to the article by clicks: its engagement on the Timeline, then its report's "Read"
    db = store.connect(server["db"], readonly=True)
    eid = kit.engagement_of(db, server["folder"], kit.DIALOGUE)
    row = db.execute("SELECT sort_date, type, place FROM engagements WHERE id = ?", [eid]).fetchone()
    from dashboard import labels

    open_engagement(pg, f"{row[0]} · {labels.t(row[1], False, labels.TYPES)} · {row[2] or 'place not stated'}", correct=False)
    pg.locator('[data-testid="stMain"] [data-testid="stPageLink"] a', has_text="Read").first.click()
    pg.wait_for_selector(".article-text", timeout=60_000)
    idle(pg)
    pg.get_by_text("✎ Correct this article").first.click()
    fill(pg, "Spelling, as written in the article", kit.MASUDA_HI)
    pg.keyboard.press("Tab")
    idle(pg)
    choose(pg, "Of", "Masuda Kazuo", typed="Masuda")
    pg.get_by_role("button", name="Add and re-parse").click()
    pg.wait_for_selector("text=What changed", timeout=60_000)
    idle(pg)
    people = pg.locator("table.plain").filter(has_text="Defence Secretary").first.inner_text()
    assert "Masuda Kazuo" in people  # the article now names him
    shot(pg, "review-spelling-added")
    pg.context.close()
