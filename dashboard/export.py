"""Exports of a briefing: CSV, XLSX, a self-contained HTML page, an A4 PDF, PNG charts and a PPTX deck.

Every export is built from the same Briefing the page shows, so the numbers agree, and speaks the
page's language: labels, never internal ids ("Defence industry", not "defence_industry"), in Hindi
when the page is in Hindi. Chart images are rendered server-side by kaleido with the Chromium the
project installs; the PDF is the HTML page printed by the same Chromium.
"""

from __future__ import annotations

import html
import io
import json
import threading
import warnings
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard import briefing as brief_mod
from dashboard import charts, labels, outlets, paths, places
from dashboard.briefing import Briefing
from dashboard.labels import b as word

PROJECTOR_FONT = charts.PROJECTOR
TOPOJSON = paths.STATIC / f"{charts.TOPOJSON_NAME}.json"
PAPER = {"A4": "210mm 297mm", "Letter": "8.5in 11in"}


def _s(v, default: str = "") -> str:
    """Text of a cell: None and NaN (pandas' missing text) become `default`."""
    return default if v is None or v != v else str(v)


def _kb():
    from dashboard import knowledge

    return knowledge.default()


def figures(b: Briefing, hindi: bool = False, base: int = PROJECTOR_FONT, with_map: bool = False) -> dict[str, go.Figure]:
    """The briefing's charts, in projector type. No chart titles: the page or slide heading says it.

    `with_map` adds the map of places: for the HTML page only, which carries its base map inline
    (kaleido would fetch one from a CDN)."""
    kb = _kb()
    both = pd.concat([b.engagements, b.planned]).sort_values("sort_date") if not b.planned.empty else b.engagements
    both = brief_mod.localise(both, hindi, kb)
    areas = [a for a in labels.AREAS if a in set(b.cells["area"])]
    figs = {
        "timeline": charts.timeline(both, hindi, height=620, base=base),
        "areas": charts.heatmap(b.cells, b.periods, areas, hindi, value_label=word("engagements", hindi), height=max(520, 52 * len(areas) + 160), base=base),
    }
    if with_map:
        pts, _ = places.points(pd.concat([b.engagements, b.planned]) if not b.planned.empty else b.engagements, kb, hindi)
        if not pts.empty:
            figs["map"] = charts.place_map(pts, hindi, height=620, base=base)
    return figs


def tables(b: Briefing, articles: pd.DataFrame, hindi: bool = False) -> dict[str, pd.DataFrame]:
    """The three tables of the current view (engagements, articles, area x period), with labels
    instead of ids and headers in the page's language."""
    kb = _kb()
    cols = {"date": "date", "type": "type", "status": "status", "place": "place", "participants": "participants", "reports": "articles_n", "outlets": "independent", "corrected": "corrected", "id": "id"}
    eng = pd.DataFrame(brief_mod.engagement_rows(b.view, hindi, b, kb), columns=list(cols))
    eng.columns = [word(c, hindi) for c in cols.values()]
    a = articles
    arts = pd.DataFrame(
        {
            "published": a["published"],
            "title": a["title"],
            "outlet": [outlets.display(x, hindi, kb) for x in a["outlet"]],
            "language": [labels.t(x, hindi, labels.LANGUAGES) if isinstance(x, str) else "" for x in a["language"]],
            "engagement_type": [labels.t(x, hindi, labels.TYPES) if isinstance(x, str) else "" for x in a["engagement_type"]],
            "engagement_date": a["engagement_date"],
            "url": a["url"],
            "file": [outlets.file_name(x) for x in a["source_file"]],
            "id": a["id"],
            "engagement_id": a["engagement_id"],
        }
    )
    arts.columns = [word(c, hindi) for c in arts.columns]
    cells = b.cells
    grid = pd.DataFrame(
        {
            "period": cells["period"],
            "area": [labels.t(x, hindi, labels.AREAS) for x in cells["area"]],
            "engagements": cells["engagements"].astype(int),
            "mentions": cells["mentions"].astype(int),
        }
    )
    grid.columns = [word(c, hindi) for c in grid.columns]
    return {"engagements": eng, "articles": arts, "area_period": grid}


def to_csv(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False).encode("utf-8-sig")  # the BOM makes Excel read Hindi correctly


def to_xlsx(frames: dict[str, pd.DataFrame], b: Briefing, hindi: bool = False) -> bytes:
    buf = io.BytesIO()
    sheets = {"summary": "सारांश", "engagements": "बैठकें", "articles": "लेख", "area_period": "क्षेत्र × अवधि"} if hindi else {}
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        summary = pd.DataFrame(  # in the page's language only: a Hindi workbook holds no English sentence
            {
                word("summary", hindi): [b.summary(hindi)],
                word("period", hindi): [f"{b.date_from} – {b.date_to}"],
                labels.t("filters", hindi): [b.filters(hindi)],
                word("compare", hindi): [b.compare_note(hindi)],
            }
        )
        summary.to_excel(xl, sheet_name=sheets.get("summary", "summary"), index=False)
        for name, df in frames.items():
            df.to_excel(xl, sheet_name=sheets.get(name, name)[:31], index=False)
        for ws in xl.book.worksheets:  # wide enough to read titles and dates without dragging columns
            for col in ws.columns:
                width = max((len(str(c.value)) for c in list(col)[:200] if c.value is not None), default=8)
                ws.column_dimensions[col[0].column_letter].width = min(max(10, width + 2), 70)
    return buf.getvalue()


_KALEIDO = {"started": False}
_KALEIDO_LOCK = threading.Lock()  # exports are built in a background thread; one render at a time


def to_png(fig: go.Figure, width: int = 1600, height: int | None = None) -> bytes:
    """PNG through kaleido; one Chromium is kept running for the process (seconds saved per chart)."""
    with _KALEIDO_LOCK:
        if not _KALEIDO["started"]:
            import kaleido

            try:
                kaleido.start_sync_server(silence_warnings=True)
            except Exception:  # an already running server, or an older kaleido: plain rendering still works
                pass
            _KALEIDO["started"] = True
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "kopts is ignored if using a server"
            return fig.to_image(format="png", width=width, height=height or int(fig.layout.height or 600), scale=1)


def geo_assets_script() -> str:
    """The base map inlined for plotly.js, so a map in the HTML export draws with no network."""
    if not TOPOJSON.exists():
        return ""
    data = json.dumps(json.loads(TOPOJSON.read_text(encoding="utf-8")), separators=(",", ":"))
    return (
        "<script>window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};"
        f"window.PlotlyGeoAssets.topojson[{json.dumps(charts.TOPOJSON_NAME)}] = {data};</script>"
    )


def to_html(b: Briefing, figs: dict[str, go.Figure], hindi: bool = False, paper: str = "A4") -> str:
    """One file that opens offline anywhere: plotly.js and the base map inlined once, everything else
    escaped text. Printed, it fills A4 (or Letter) pages with no date broken across lines."""
    e = html.escape
    chart_html = {}
    for i, (name, fig) in enumerate(figs.items()):
        chart_html[name] = pio.to_html(fig, include_plotlyjs=(i == 0), full_html=False, config={"displaylogo": False, "responsive": True})
    heads = ("date", "type", "status", "place", "participants", "reports")
    rows = "".join(
        f"<tr><td class='date'>{e(r['date'])}</td><td>{e(r['type'])}</td><td>{e(r['status'])}</td><td>{e(r['place'])}</td><td>{e(r['participants'])}</td><td>{e(r['reports_text'] or str(r['reports']))}</td></tr>"
        for r in brief_mod.engagement_rows(b.engagements, hindi, b)
    )
    nxt = "".join(
        f"<li><span class='date'>{e(r['date'])}</span> · {e(r['type'])} · {e(r['place'])} · {e(r['participants'])}</li>" for r in brief_mod.engagement_rows(b.planned, hindi)
    ) or f"<li>{e(word('no_planned', hindi))}</li>"
    kb = _kb()
    quotes = "".join(
        f'<blockquote lang="{e(_s(q["language"]))}">{e(_s(q["sentence"]))}<footer>{e(labels.t(q["area"], hindi, labels.AREAS))} — {e(outlets.display(_s(q["outlet"]) or None, hindi, kb))}, <span class="date">{e(_s(q["published"], word("undated", hindi)))}</span></footer></blockquote>'
        for q in b.quotes.to_dict("records")
    )
    lang = "hi" if hindi else "en"
    title = labels.t("title", hindi)
    period = word("briefing_for", hindi, a=b.date_from, b=b.date_to)
    map_part = f"<h2>{e(word('map', hindi))}</h2>{chart_html['map']}" if "map" in chart_html else ""
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{e(title)} · {e(b.date_from)} – {e(b.date_to)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{geo_assets_script() if "map" in chart_html else ""}
<style>
@page {{ size: {PAPER.get(paper, PAPER["A4"])}; margin: 14mm 12mm; }}
body {{ font-family: 'Noto Sans', 'Noto Sans Devanagari', 'Noto Sans CJK JP', Arial, sans-serif; max-width: 1200px; margin: 2rem auto; padding: 0 1rem; color: #111; font-size: 18px; line-height: 1.55; }}
h1 {{ font-size: 2.2rem; margin-bottom: .2rem; }} h2 {{ border-bottom: 3px solid #1f4e9c; padding-bottom: .2rem; margin-top: 2.4rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: 16px; }} td, th {{ border: 1px solid #ccc; padding: .35rem .5rem; text-align: left; vertical-align: top; }}
th {{ background: #f2f4f7; }} .date {{ white-space: nowrap; }} blockquote {{ border-left: 5px solid #1f4e9c; margin: 1rem 0; padding: .3rem 1rem; font-size: 1.1rem; }}
blockquote footer {{ color: #555; font-size: .9rem; margin-top: .3rem; }} .summary {{ font-size: 1.15rem; }} .muted {{ color: #555; }}
@media print {{ body {{ max-width: none; margin: 0; padding: 0; font-size: 12pt; }} table {{ font-size: 10pt; }} .modebar {{ display: none !important; }}
  .js-plotly-plot, blockquote, tr {{ break-inside: avoid; }} h2 {{ break-after: avoid; }} }}
</style></head><body>
<h1>{e(title)}</h1>
<p class="muted">{e(period)}{(' · ' + e(b.filters(hindi))) if b.filters(hindi) else ''}{(' · ' + e(b.reports(hindi))) if b.reports(hindi) else ''}</p>
<h2>{e(word("summary", hindi))}</h2><p class="summary">{e(b.summary(hindi))}</p>
<h2>{e(word("happened", hindi))}</h2>{chart_html.get("timeline", "")}
<table><thead><tr>{"".join(f"<th>{e(word(h, hindi))}</th>" for h in heads)}</tr></thead><tbody>{rows}</tbody></table>
{map_part}
<h2>{e(word("discussed", hindi))}</h2>{chart_html.get("areas", "")}
<p class="muted">{e(b.compare_note(hindi))}</p>
<h2>{e(word("words", hindi))}</h2>{quotes or f"<p>{e(word('no_quotes', hindi))}</p>"}
<h2>{e(word("next", hindi))}</h2><ul>{nxt}</ul>
<p class="muted">{e(word("built_from", hindi, n=len(b.engagements) + len(b.planned)))}</p>
</body></html>"""


def to_pptx(b: Briefing, figs: dict[str, go.Figure], images: dict[str, bytes] | None = None, hindi: bool = False) -> bytes:
    """A 16:9 deck: title, summary, each chart, the engagement list, quotes, what comes next."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    images = images or {k: to_png(f) for k, f in figs.items() if k in ("timeline", "areas")}
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    title_layout = prs.slide_layouts[0]

    def heading(s, text: str, size: int = 32) -> None:
        tb = s.shapes.add_textbox(Inches(0.6), Inches(0.3), Inches(12.1), Inches(0.9))
        tb.text_frame.text = text
        tb.text_frame.paragraphs[0].runs[0].font.size = Pt(size)
        tb.text_frame.paragraphs[0].runs[0].font.bold = True

    def text_slide(title: str, paragraphs: list[str], size: int = 22):
        s = prs.slides.add_slide(blank)
        heading(s, title, 36)
        body = s.shapes.add_textbox(Inches(0.6), Inches(1.5), Inches(12.1), Inches(5.6)).text_frame
        body.word_wrap = True
        for i, ptext in enumerate(paragraphs):
            para = body.paragraphs[0] if i == 0 else body.add_paragraph()
            para.text = ptext
            for r in para.runs:
                r.font.size = Pt(size)
            para.space_after = Pt(10)
        return s

    s = prs.slides.add_slide(title_layout)
    s.shapes.title.text = labels.t("title", hindi)
    s.placeholders[1].text = word("briefing_for", hindi, a=b.date_from, b=b.date_to) + (f"\n{b.filters(hindi)}" if b.filters(hindi) else "") + (f"\n{b.reports(hindi)}" if b.reports(hindi) else "")
    text_slide(word("summary", hindi), [b.summary(hindi)], size=22)
    for name, key in (("timeline", "happened"), ("areas", "discussed")):
        s = prs.slides.add_slide(blank)
        heading(s, word(key, hindi))
        s.shapes.add_picture(io.BytesIO(images[name]), Inches(0.5), Inches(1.2), width=Inches(12.3))
    rows = brief_mod.engagement_rows(b.engagements, hindi, b)
    cols = ("date", "type", "status", "place", "participants", "reports")
    for start in range(0, max(len(rows), 1), 10):
        chunk = rows[start : start + 10]
        s = prs.slides.add_slide(blank)
        heading(s, word("engagements", hindi) + (f" ({start + 1}–{start + len(chunk)} / {len(rows)})" if len(rows) > 10 else ""), 30)
        table = s.shapes.add_table(len(chunk) + 1, len(cols), Inches(0.5), Inches(1.2), Inches(12.3), Inches(0.5 * (len(chunk) + 1))).table
        for j, h in enumerate(cols):
            table.cell(0, j).text = word(h, hindi)
        for i, r in enumerate(chunk, 1):
            for j, k in enumerate(cols):
                table.cell(i, j).text = str(r["reports_text"] or r["reports"]) if k == "reports" else str(r[k])
        for row in table.rows:
            for cell in row.cells:
                for p in cell.text_frame.paragraphs:
                    for run in p.runs:
                        run.font.size = Pt(14)
    kb = _kb()
    quotes = [f"“{_s(q['sentence'])}” — {outlets.display(_s(q['outlet']) or None, hindi, kb)}, {_s(q['published'], word('undated', hindi))}" for q in b.quotes.head(5).to_dict("records")]
    text_slide(word("words", hindi), quotes or [word("no_quotes", hindi)], size=18)
    text_slide(word("next", hindi), [f"{r['date']} · {r['type']} · {r['place']} · {r['participants']}" for r in brief_mod.engagement_rows(b.planned, hindi)] or [word("no_planned", hindi)], size=22)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def to_pdf(html_text: str, timeout: int = 60) -> bytes:
    """The HTML briefing printed by the project's headless Chromium (the one kaleido uses); the page
    size comes from the HTML's @page rule (A4 unless asked otherwise).

    Chromium runs the page's scripts first (--virtual-time-budget), so the charts are drawn."""
    import shutil
    import subprocess
    import tempfile

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
    if not Path(browser).exists():
        raise RuntimeError("PDF export needs Chromium (Debian package chromium; scripts/setup.sh installs it)")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "briefing.html", Path(tmp) / "briefing.pdf"
        src.write_text(html_text, encoding="utf-8")
        cmd = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp}/profile",
            "--virtual-time-budget=8000", "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri(),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        if not out.exists() or out.stat().st_size == 0:
            raise RuntimeError(f"Chromium did not write the PDF: {proc.stderr[-400:]}")
        return out.read_bytes()


def build_tables(b: Briefing, articles: pd.DataFrame, hindi: bool = False, paper: str = "A4") -> dict[str, bytes]:
    """The exports that need no browser: the HTML page, the workbook and the three CSVs."""
    frames = tables(b, articles, hindi)
    page = to_html(b, figures(b, hindi, with_map=True), hindi, paper)
    return {"html": page.encode("utf-8"), "xlsx": to_xlsx(frames, b, hindi), **{name: to_csv(df) for name, df in frames.items()}}


def build_visuals(b: Briefing, hindi: bool = False, paper: str = "A4") -> dict[str, bytes]:
    """The exports Chromium draws: the deck, the PDF and the chart PNGs."""
    figs = figures(b, hindi)
    images = {k: to_png(figs[k]) for k in ("timeline", "areas")}
    return {"pptx": to_pptx(b, figs, images, hindi), "pdf": to_pdf(to_html(b, figures(b, hindi, with_map=True), hindi, paper)), **{f"{k}.png": v for k, v in images.items()}}


def build_all(b: Briefing, articles: pd.DataFrame, hindi: bool = False, paper: str = "A4") -> dict[str, bytes]:
    """Every export of one briefing, keyed by what the page offers."""
    return {**build_tables(b, articles, hindi, paper), **build_visuals(b, hindi, paper)}
