"""Exports of a briefing: CSV, XLSX, a self-contained HTML page, PNG charts and a PPTX deck.

Every export is built from the same Briefing the page shows, so the numbers agree. Chart images are
rendered server-side by kaleido with the Chromium the project installs.
"""

from __future__ import annotations

import html
import io
import warnings

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard import briefing as brief_mod
from dashboard import charts, labels
from dashboard.briefing import Briefing

PROJECTOR_FONT = 20


def _s(v, default: str = "") -> str:
    """Text of a cell: None and NaN (pandas' missing text) become `default`."""
    return default if v is None or v != v else str(v)


def figures(b: Briefing, hindi: bool = False) -> dict[str, go.Figure]:
    """The briefing's charts, in projector type."""
    both = pd.concat([b.engagements, b.planned]).sort_values("sort_date") if not b.planned.empty else b.engagements
    areas = [a for a in labels.AREAS if a in set(b.cells["area"])]
    return {
        "timeline": charts.timeline(both, hindi, height=620, title="What happened" if not hindi else "क्या हुआ", base=PROJECTOR_FONT),
        "areas": charts.heatmap(b.cells, b.periods, areas, hindi, height=max(520, 52 * len(areas) + 160), base=PROJECTOR_FONT),
    }


def tables(b: Briefing, articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The three tables of the current view: engagements, articles, area x period."""
    eng = pd.DataFrame(brief_mod.engagement_rows(b.view))
    arts = articles.drop(columns=[c for c in ("snippet",) if c in articles.columns]).copy()
    cells = b.cells.copy()
    return {"engagements": eng, "articles": arts, "area_period": cells}


def to_csv(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False).encode("utf-8-sig")  # the BOM makes Excel read Hindi correctly


def to_xlsx(frames: dict[str, pd.DataFrame], b: Briefing) -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        pd.DataFrame({"summary": [b.summary_en, b.summary_hi], "period": [f"{b.date_from} to {b.date_to}"] * 2, "filters": [b.filters_text] * 2}).to_excel(xl, sheet_name="summary", index=False)
        for name, df in frames.items():
            df.to_excel(xl, sheet_name=name[:31], index=False)
    return buf.getvalue()


_KALEIDO = {"started": False}


def to_png(fig: go.Figure, width: int = 1600, height: int | None = None) -> bytes:
    """PNG through kaleido; one Chromium is kept running for the process (seconds saved per chart)."""
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


def to_html(b: Briefing, figs: dict[str, go.Figure]) -> str:
    """One file that opens offline anywhere: plotly.js inlined once, everything else escaped text."""
    e = html.escape
    chart_html = []
    for i, fig in enumerate(figs.values()):
        chart_html.append(pio.to_html(fig, include_plotlyjs=(i == 0), full_html=False, config={"displaylogo": False}))
    rows = "".join(
        f"<tr><td>{e(r['date'])}</td><td>{e(r['type'])}</td><td>{e(r['status'])}</td><td>{e(r['place'])}</td><td>{e(r['participants'])}</td><td>{r['reports']}</td></tr>"
        for r in brief_mod.engagement_rows(b.engagements)
    )
    nxt = "".join(
        f"<li>{e(r['date'])} · {e(r['type'])} · {e(r['place'])} · {e(r['participants'])}</li>" for r in brief_mod.engagement_rows(b.planned)
    ) or "<li>No planned engagement in the reports for this period.</li>"
    quotes = "".join(
        f'<blockquote lang="{e(_s(q["language"]))}">{e(_s(q["sentence"]))}<footer>{e(labels.t(q["area"], False, labels.AREAS))} — {e(_s(q["outlet"], "unknown source"))}, {e(_s(q["published"], "undated"))}</footer></blockquote>'
        for q in b.quotes.to_dict("records")
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>India–Japan defence briefing {e(b.date_from)} to {e(b.date_to)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: 'Noto Sans', 'Noto Sans Devanagari', 'Noto Sans CJK JP', Arial, sans-serif; max-width: 1200px; margin: 2rem auto; padding: 0 1rem; color: #111; font-size: 18px; line-height: 1.55; }}
h1 {{ font-size: 2.2rem; margin-bottom: .2rem; }} h2 {{ border-bottom: 3px solid #1f4e9c; padding-bottom: .2rem; margin-top: 2.4rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: 16px; }} td, th {{ border: 1px solid #ccc; padding: .35rem .5rem; text-align: left; vertical-align: top; }}
th {{ background: #f2f4f7; }} blockquote {{ border-left: 5px solid #1f4e9c; margin: 1rem 0; padding: .3rem 1rem; font-size: 1.1rem; }}
blockquote footer {{ color: #555; font-size: .9rem; margin-top: .3rem; }} .summary {{ font-size: 1.15rem; }} .muted {{ color: #555; }}
@media print {{ .modebar {{ display: none !important; }} .js-plotly-plot, blockquote, tr {{ break-inside: avoid; }} h2 {{ break-after: avoid; }} }}
</style></head><body>
<h1>India–Japan defence relations</h1>
<p class="muted">Briefing for {e(b.date_from)} to {e(b.date_to)}{(' · ' + e(b.filters_text)) if b.filters_text else ''}</p>
<h2>Summary</h2><p class="summary">{e(b.summary_en)}</p><p class="summary" lang="hi">{e(b.summary_hi)}</p>
<h2>What happened</h2>{chart_html[0] if chart_html else ''}
<table><thead><tr><th>Date</th><th>Type</th><th>Status</th><th>Place</th><th>Participants</th><th>Reports</th></tr></thead><tbody>{rows}</tbody></table>
<h2>What was discussed</h2>{chart_html[1] if len(chart_html) > 1 else ''}
<h2>In their words</h2>{quotes or '<p>No evidence sentences for this selection.</p>'}
<h2>What comes next</h2><ul>{nxt}</ul>
<p class="muted">Built by the India–Japan defence relations dashboard from {len(b.engagements) + len(b.planned)} engagements; every figure traces to the articles behind it.</p>
</body></html>"""


def to_pptx(b: Briefing, figs: dict[str, go.Figure], images: dict[str, bytes] | None = None) -> bytes:
    """A 16:9 deck: title, summary, each chart, the engagement list, quotes, what comes next."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    images = images or {k: to_png(f) for k, f in figs.items()}
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    title_layout = prs.slide_layouts[0]

    def text_slide(title: str, paragraphs: list[str], size: int = 22):
        s = prs.slides.add_slide(blank)
        tb = s.shapes.add_textbox(Inches(0.6), Inches(0.4), Inches(12.1), Inches(1.0))
        tb.text_frame.text = title
        tb.text_frame.paragraphs[0].runs[0].font.size = Pt(36)
        tb.text_frame.paragraphs[0].runs[0].font.bold = True
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
    s.shapes.title.text = "India–Japan defence relations"
    s.placeholders[1].text = f"Briefing · {b.date_from} to {b.date_to}" + (f"\n{b.filters_text}" if b.filters_text else "")
    text_slide("Summary", [b.summary_en, b.summary_hi], size=22)
    for name, title in (("timeline", "What happened"), ("areas", "What was discussed")):
        s = prs.slides.add_slide(blank)
        tb = s.shapes.add_textbox(Inches(0.6), Inches(0.3), Inches(12.1), Inches(0.8))
        tb.text_frame.text = title
        tb.text_frame.paragraphs[0].runs[0].font.size = Pt(32)
        tb.text_frame.paragraphs[0].runs[0].font.bold = True
        s.shapes.add_picture(io.BytesIO(images[name]), Inches(0.5), Inches(1.2), width=Inches(12.3))
    rows = brief_mod.engagement_rows(b.engagements)
    for start in range(0, max(len(rows), 1), 10):
        chunk = rows[start : start + 10]
        s = prs.slides.add_slide(blank)
        tb = s.shapes.add_textbox(Inches(0.6), Inches(0.3), Inches(12.1), Inches(0.8))
        tb.text_frame.text = "Engagements" + (f" ({start + 1}–{start + len(chunk)} of {len(rows)})" if len(rows) > 10 else "")
        tb.text_frame.paragraphs[0].runs[0].font.size = Pt(30)
        tb.text_frame.paragraphs[0].runs[0].font.bold = True
        table = s.shapes.add_table(len(chunk) + 1, 5, Inches(0.5), Inches(1.2), Inches(12.3), Inches(0.5 * (len(chunk) + 1))).table
        for j, h in enumerate(("Date", "Type", "Status", "Place", "Participants")):
            table.cell(0, j).text = h
        for i, r in enumerate(chunk, 1):
            for j, k in enumerate(("date", "type", "status", "place", "participants")):
                table.cell(i, j).text = str(r[k])
        for row in table.rows:
            for cell in row.cells:
                for p in cell.text_frame.paragraphs:
                    for run in p.runs:
                        run.font.size = Pt(14)
    text_slide("In their words", [f"“{_s(q['sentence'])}” — {_s(q['outlet'], 'unknown source')}, {_s(q['published'], 'undated')}" for q in b.quotes.head(5).to_dict("records")] or ["No evidence sentences for this selection."], size=18)
    text_slide("What comes next", [f"{r['date']} · {r['type']} · {r['place']} · {r['participants']}" for r in brief_mod.engagement_rows(b.planned)] or ["No planned engagement in the reports for this period."], size=22)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def to_pdf(html_text: str, timeout: int = 60) -> bytes:
    """The HTML briefing printed by the project's headless Chromium (the one kaleido uses).

    Chromium runs the page's scripts first (--virtual-time-budget), so the charts are drawn."""
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

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
