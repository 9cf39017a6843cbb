"""Exports opened the way a user opens them: the deck with python-pptx, the workbook with openpyxl, the
PDF with pypdf, the HTML briefing in headless Chromium with the network watched; in English and in
Hindi; and the briefing's comparison says only what the reports can support."""

import html
import io
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from dashboard import briefing, charts, export, labels, queries, store

ROOT = Path(__file__).resolve().parent.parent
FROM, TO = "2018-01-01", "2025-12-31"
FILTERS = queries.Filters(types=("exercise", "bilateral_ministerial", "two_plus_two"))
IDS = {x for x in (*labels.TYPES, *labels.AREAS) if "_" in x}  # internal ids that no label or sentence contains
CHROMIUM = pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")


def build(db, f=FILTERS, date_from=FROM, date_to=TO, **kw):
    return briefing.build(**queries.briefing_inputs(db, f, date_from, date_to, **kw), filters_text=queries.describe(f))


@pytest.fixture(scope="module")
def built(sample_db):
    db = store.connect(sample_db, readonly=True)
    b = build(db)
    figs = export.figures(b)
    images = {k: export.to_png(v) for k, v in figs.items()}
    arts = queries.articles(db, replace(FILTERS, date_from=FROM, date_to=TO), limit=100_000, india_japan_only=True)
    return {"db": db, "b": b, "figs": figs, "images": images, "articles": arts}


def cells_of(book) -> list[str]:
    return [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None]


def test_summary_figures_trace_to_rows(built):
    b = built["b"]
    assert f"held {len(b.engagements)} engagements" in b.summary_en
    assert len(b.trace["engagements held"]) == len(b.engagements) > 5
    assert set(b.engagements["type"]) <= set(FILTERS.types)
    assert "भारत और जापान" in b.summary_hi
    assert re.fullmatch(r"\d+ articles from \d+ independent outlets", b.reports_en)


def test_a_period_before_the_reports_is_not_compared_with(sample_db):
    """2014-2025 against 2002-2013: the reports start in 2014, so no area 'appeared for the first time'."""
    db = store.connect(sample_db, readonly=True)
    b = build(db, queries.Filters(), "2014-01-01", "2025-12-31")
    assert "for the first time" not in b.summary_en and "पहली बार" not in b.summary_hi
    assert "there are none from 1 January 2002 to 31 December 2013" in b.summary_en
    assert b.rising.empty and b.compare_from is None
    # the analyst compares with a period that has reports: new areas can be named, and are true
    b2 = build(db, queries.Filters(), "2020-01-01", "2025-12-31", compare_from="2014-01-01", compare_to="2019-12-31")
    assert b2.compare_from == "2014-01-01" and "the reports start on 1 September 2014" in b2.compare_note_en
    early = queries.area_counts(db, queries.Filters(), "2014-01-01", "2019-12-31")
    for area in b2.rising[b2.rising["new"]]["area"]:
        assert area not in set(early["area"])


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
    assert b.summary_en in summary
    pictures = [sh for s in slides[2:4] for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 2
    tables = [sh.table for s in slides for sh in s.shapes if sh.has_table]
    assert sum(len(t.rows) - 1 for t in tables) == len(b.engagements)
    text = [sh.text_frame.text for s in slides for sh in s.shapes if sh.has_text_frame] + [c.text for t in tables for r in t.rows for c in r.cells]
    assert not IDS & {w.strip(" ,·") for t in text for w in t.split()}


def test_hindi_deck_and_workbook_speak_hindi(built):
    from openpyxl import load_workbook
    from pptx import Presentation

    b = built["b"]
    deck = Presentation(io.BytesIO(export.to_pptx(b, built["figs"], built["images"], hindi=True)))
    slides = list(deck.slides)
    assert slides[0].shapes.title.text == "भारत–जापान रक्षा संबंध"
    assert b.summary_hi in " ".join(sh.text_frame.text for sh in slides[1].shapes if sh.has_text_frame)
    headers = [c.text for s in slides for sh in s.shapes if sh.has_table for c in sh.table.rows[0].cells]
    assert headers[:3] == ["तिथि", "प्रकार", "स्थिति"]
    book = load_workbook(io.BytesIO(export.to_xlsx(export.tables(b, built["articles"], hindi=True), b, hindi=True)))
    assert book.sheetnames == ["सारांश", "बैठकें", "लेख", "क्षेत्र × अवधि"]
    assert [c.value for c in book["बैठकें"][1]][:3] == ["तिथि", "प्रकार", "स्थिति"]
    assert "सैन्य अभ्यास" in cells_of(book)
    assert not IDS & set(cells_of(book))


def test_png_charts_are_images(built):
    for img in built["images"].values():
        assert img[:8] == b"\x89PNG\r\n\x1a\n" and len(img) > 20_000


def test_xlsx_rows_equal_the_filtered_view_with_labels_not_ids(built):
    from openpyxl import load_workbook

    b, db = built["b"], built["db"]
    frames = export.tables(b, built["articles"])
    data = export.to_xlsx(frames, b)
    book = pd.read_excel(io.BytesIO(data), sheet_name=None)
    view = queries.engagements(db, replace(FILTERS, date_from=FROM, date_to=TO))
    assert set(book) == {"summary", "engagements", "articles", "area_period"}
    assert len(book["engagements"]) == len(view)
    assert set(book["engagements"]["Id"]) == set(view["id"])
    assert set(book["engagements"]["Type"]) <= {labels.t(t, False, labels.TYPES) for t in FILTERS.types}
    assert len(book["articles"]) == len(built["articles"])
    assert book["summary"]["Summary"][0] == b.summary_en
    assert book["area_period"]["Engagements"].sum() == b.cells["engagements"].sum()
    assert "Defence industry" in set(book["area_period"]["Area"])
    assert not any("/" in f or "\\" in f for f in book["articles"]["File"].dropna())  # file names, never local paths
    assert not IDS & set(cells_of(load_workbook(io.BytesIO(data))))


def test_csv_is_excel_friendly_utf8(built):
    frames = export.tables(built["b"], built["articles"])
    data = export.to_csv(frames["articles"])
    assert data.startswith(b"\xef\xbb\xbf")
    assert len(pd.read_csv(io.BytesIO(data))) == len(built["articles"])


def test_projector_charts_have_large_axis_labels_whole_ticks_and_no_white_squares(built):
    heat = built["figs"]["areas"]
    assert heat.layout.yaxis.tickfont.size >= 22 and heat.layout.xaxis.tickfont.size >= 22
    bar = heat.data[0].marker.colorbar
    assert bar.tickformat == "d" and bar.dtick == int(bar.dtick) >= 1
    lightest = heat.data[0].marker.colorscale[0][1]
    assert lightest.lower() not in ("#ffffff", "#fff", "white", "rgb(255,255,255)") and int(lightest[1:3], 16) < 0xE0
    share = charts.heatmap(built["b"].cells.assign(value=1.0), built["b"].periods, list(labels.AREAS), normalised=True)
    assert all(re.fullmatch(r"\d+% · \d+", t) for t in share.data[0].text)  # a share carries its count


def test_timeline_highlights_the_current_engagement(built):
    b = built["b"]
    eid = b.engagements.iloc[2]["id"]
    fig = charts.timeline(b.engagements, highlight=eid, base=charts.PROJECTOR)
    current = [t for t in fig.data if t.meta == "current"]
    assert len(current) == 1 and list(current[0].customdata) == [eid]
    assert all(t.marker.opacity < 0.5 for t in fig.data if t.meta != "current")
    hindi = charts.timeline(b.engagements, hindi=True)
    assert all(not re.search(r"[A-Za-z]{3}", t) for t in hindi.layout.xaxis.ticktext)  # Hindi month names


@CHROMIUM
def test_html_briefing_draws_offline_in_a_browser_with_its_map(built, tmp_path):
    from playwright.sync_api import sync_playwright

    path = tmp_path / "briefing.html"
    path.write_text(export.to_html(built["b"], export.figures(built["b"], with_map=True)), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .scatterlayer .trace", timeout=30_000)
        page.wait_for_selector(".js-plotly-plot .geo .layer.land path", timeout=30_000)  # the base map, from the inlined outlines
        assert page.locator(".js-plotly-plot").count() == 3
        assert page.locator(".js-plotly-plot .scatterlayer path.point").count() > 5
        assert page.locator(".js-plotly-plot .geo .scattergeo path.point").count() > 3
        assert page.locator(".js-plotly-plot .geo .layer.coastlines path").count() >= 1
        assert built["b"].summary_en in page.inner_text("body")
        assert page.get_by_role("heading", name="What happened").count() == 1
        browser.close()
    outside = [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert not outside, outside


@CHROMIUM
def test_pdf_briefing_is_a4_with_whole_dates_and_one_what_happened(built):
    from pypdf import PdfReader

    pdf = export.to_pdf(export.to_html(built["b"], export.figures(built["b"], with_map=True)))
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)  # A4 in mm
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert text.count("What happened") == 1
    for d in built["b"].engagements["date"].dropna().head(8):
        assert d in text, f"{d} is broken across lines"
    assert len(pdf) > 50_000  # text, drawn charts and the tables; an empty page is a few KB


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


def test_briefing_page_shows_the_summary_steps_through_and_compares_as_asked(sample_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DASHBOARD_DB", str(sample_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"type": list(FILTERS.types), "from": FROM, "to": TO})
    at.run()
    at.switch_page("dashboard/pages/briefing.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    db = store.connect(sample_db, readonly=True)
    b = build(db, replace(FILTERS, date_from=FROM, date_to=TO))
    page = " ".join(m.value for m in at.markdown)
    assert html.escape(b.summary_en) in page and html.escape(b.reports_en) in page
    labels_ = [d.label for d in at.get("download_button")]
    assert {"Briefing (HTML)", "Briefing (PDF)", "Slides (PPTX)", "Tables (XLSX)", "Engagements (CSV)"} <= set(labels_)
    # step through the engagements
    before = " ".join(m.value for m in at.markdown if "brief-card" in m.value)
    at.button("br_prev").click().run()
    after = " ".join(m.value for m in at.markdown if "brief-card" in m.value)
    assert before != after
    # compare with a period the analyst picks
    at.radio("br_cmp_mode").set_value("custom").run()
    at.date_input("br_cf").set_value("2014-01-01").run()
    at.date_input("br_ct").set_value("2017-12-31").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Compared with 1 January 2014 to 31 December 2017" in " ".join(m.value for m in at.markdown)
    assert at.query_params["cf"] == "2014-01-01"
