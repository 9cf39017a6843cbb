"""Exports opened the way a user opens them: the deck with python-pptx, the workbook with pandas, the
HTML briefing in headless Chromium with the network watched; and the page shows the same summary."""

import html
import io
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from dashboard import briefing, export, queries, store

ROOT = Path(__file__).resolve().parent.parent
FROM, TO = "2018-01-01", "2025-12-31"
FILTERS = queries.Filters(types=("exercise", "bilateral_ministerial", "two_plus_two"))


@pytest.fixture(scope="module")
def built(sample_db):
    db = store.connect(sample_db, readonly=True)
    b = briefing.build(**queries.briefing_inputs(db, FILTERS, FROM, TO), filters_text=queries.describe(FILTERS))
    figs = export.figures(b)
    images = {k: export.to_png(v) for k, v in figs.items()}
    arts = queries.articles(db, replace(FILTERS, date_from=FROM, date_to=TO), limit=100_000, india_japan_only=True)
    return {"db": db, "b": b, "figs": figs, "images": images, "articles": arts}


def test_summary_figures_trace_to_rows(built):
    b = built["b"]
    assert f"held {len(b.engagements)} engagements" in b.summary_en
    assert len(b.trace["engagements held"]) == len(b.engagements) > 5
    assert set(b.engagements["type"]) <= set(FILTERS.types)
    assert "भारत और जापान" in b.summary_hi


def test_pptx_has_title_charts_summary_and_list(built):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    b = built["b"]
    deck = Presentation(io.BytesIO(export.to_pptx(b, built["figs"], built["images"])))
    slides = list(deck.slides)
    list_slides = -(-len(b.engagements) // 10)
    assert len(slides) == 1 + 1 + 2 + list_slides + 1 + 1
    assert "India–Japan defence relations" in slides[0].shapes.title.text
    summary = " ".join(sh.text_frame.text for sh in slides[1].shapes if sh.has_text_frame)
    assert b.summary_en in summary and b.summary_hi in summary
    pictures = [sh for s in slides[2:4] for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 2
    tables = [sh.table for s in slides for sh in s.shapes if sh.has_table]
    assert sum(len(t.rows) - 1 for t in tables) == len(b.engagements)


def test_png_charts_are_images(built):
    for img in built["images"].values():
        assert img[:8] == b"\x89PNG\r\n\x1a\n" and len(img) > 20_000


def test_xlsx_rows_equal_the_filtered_view(built):
    b, db = built["b"], built["db"]
    frames = export.tables(b, built["articles"])
    book = pd.read_excel(io.BytesIO(export.to_xlsx(frames, b)), sheet_name=None)
    view = queries.engagements(db, replace(FILTERS, date_from=FROM, date_to=TO))
    assert set(book) == {"summary", "engagements", "articles", "area_period"}
    assert len(book["engagements"]) == len(view)
    assert set(book["engagements"]["id"]) == set(view["id"])
    assert len(book["articles"]) == len(built["articles"])
    assert book["summary"]["summary"][0] == b.summary_en
    assert book["area_period"]["engagements"].sum() == b.cells["engagements"].sum()


def test_csv_is_excel_friendly_utf8(built):
    frames = export.tables(built["b"], built["articles"])
    data = export.to_csv(frames["articles"])
    assert data.startswith(b"\xef\xbb\xbf")
    assert len(pd.read_csv(io.BytesIO(data))) == len(built["articles"])


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")
def test_html_briefing_draws_offline_in_a_browser(built, tmp_path):
    from playwright.sync_api import sync_playwright

    path = tmp_path / "briefing.html"
    path.write_text(export.to_html(built["b"], built["figs"]), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .scatterlayer .trace", timeout=30_000)
        assert page.locator(".js-plotly-plot").count() == 2
        assert page.locator(".js-plotly-plot .scatterlayer path.point").count() > 5
        assert built["b"].summary_en in page.inner_text("body")
        browser.close()
    outside = [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert not outside, outside


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")
def test_pdf_briefing_is_printed_with_its_charts(built):
    pdf = export.to_pdf(export.to_html(built["b"], built["figs"]))
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert len(pdf) > 50_000  # text, two drawn charts and the tables; an empty page is a few KB


def test_cli_brief_writes_every_format_with_period_in_the_summary(sample_db, tmp_path):
    out = tmp_path / "b"
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "brief", "--db", str(sample_db), "--from", FROM, "--to", TO, "--type", "exercise", "--out", f"{out}.html", "--out", f"{out}.xlsx", "--out", f"{out}.csv", "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "b.html").stat().st_size > 1_000_000  # plotly.js inlined
    assert len(pd.read_excel(tmp_path / "b.xlsx", sheet_name="engagements")) > 3
    assert (tmp_path / "b_articles.csv").exists()
    assert "India and Japan held" in proc.stdout


def test_briefing_page_shows_the_exported_summary(sample_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DASHBOARD_DB", str(sample_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"type": list(FILTERS.types), "from": FROM, "to": TO})
    at.run()
    at.switch_page("dashboard/pages/briefing.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    db = store.connect(sample_db, readonly=True)
    b = briefing.build(**queries.briefing_inputs(db, replace(FILTERS, date_from=FROM, date_to=TO), FROM, TO), filters_text="")
    page = " ".join(m.value for m in at.markdown)
    assert html.escape(b.summary_en) in page
    labels = [d.label for d in at.get("download_button")]
    assert {"Briefing (HTML)", "Tables (XLSX)"} <= set(labels)
    # step through the engagements
    before = " ".join(m.value for m in at.markdown if "brief-card" in m.value)
    at.button("br_prev").click().run()
    after = " ".join(m.value for m in at.markdown if "brief-card" in m.value)
    assert before != after
