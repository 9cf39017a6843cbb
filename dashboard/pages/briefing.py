"""Briefing: one message per section, large type for a shared screen, step-through, and exports."""

import html
from datetime import date

import pandas as pd
import streamlit as st

from dashboard import aggregate, briefing, cached, charts, export, labels
from dashboard.pages import common

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
ss = st.session_state

present = common.bound(st.toggle, "present", "br_present", "Presentation mode", help="Hide the sidebar and controls; large type for a projector")  # the flag lives in the view
st.markdown(
    common.CSS
    + """<style>
.block-container { max-width: 1800px; }
.brief-h { font-size: 2.6rem; font-weight: 800; margin: .2rem 0 .6rem; }
.brief-summary { font-size: 1.45rem; line-height: 1.6; }
.brief-card { font-size: 1.6rem; line-height: 1.5; border: 3px solid #1f4e9c; border-radius: 10px; padding: .8rem 1.2rem; }
.quote { font-size: 1.3rem !important; }
</style>"""
    + (
        """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
.block-container { padding-top: 1rem !important; }
html { font-size: 20px; }
</style>"""
        if present
        else ""
    ),
    unsafe_allow_html=True,
)

first, last = cached.default_period(path, stamp)
date_from = f.date_from or first
date_to = f.date_to or last
b = cached.briefing(path, stamp, f, date_from, date_to)
st.markdown(f'<div class="brief-h">India–Japan defence relations · {html.escape(date_from)} → {html.escape(date_to)}</div>', unsafe_allow_html=True)
if b.filters_text:
    st.caption(b.filters_text)

st.markdown('<div class="brief-h">Summary</div>', unsafe_allow_html=True)
st.markdown(f'<div class="brief-summary">{html.escape(b.summary_en)}</div>', unsafe_allow_html=True)
st.markdown(f'<div class="brief-summary" lang="hi">{html.escape(b.summary_hi)}</div>', unsafe_allow_html=True)
with st.expander("Where each figure comes from"):
    st.json(b.trace, expanded=False)

# 1. what happened
st.markdown('<div class="brief-h">What happened</div>', unsafe_allow_html=True)
if b.engagements.empty and b.planned.empty:
    common.empty_state(hi)
    st.stop()
both = b.engagements if b.planned.empty else pd.concat([b.engagements, b.planned]).sort_values("sort_date")
st.plotly_chart(charts.timeline(both, hi, height=460, base=19), key="br_timeline", width="stretch", theme=None)

# step-through, one engagement at a time
rows = briefing.engagement_rows(b.engagements, hi)
if rows:
    i = min(ss.get("br_i", len(rows) - 1), len(rows) - 1)
    c1, c2, c3 = st.columns([1, 6, 1])
    if c1.button("◀ Previous", key="br_prev", disabled=i == 0, width="stretch", shortcut="Left", help="Left arrow key"):
        i -= 1
    if c3.button("Next ▶", key="br_next", disabled=i >= len(rows) - 1, width="stretch", shortcut="Right", help="Right arrow key"):
        i += 1
    ss["br_i"] = i
    r = rows[i]
    c2.markdown(
        f'<div class="brief-card"><b>{html.escape(r["date"])}</b> · {html.escape(r["type"])} · {html.escape(r["status"])}<br>'
        f'{html.escape(r["place"] or "place not stated")}<br>{html.escape(r["participants"] or "participants not named")}'
        f'<br><small>{i + 1} of {len(rows)} · {r["reports"]} report(s)</small></div>',
        unsafe_allow_html=True,
    )
    if not present:
        st.dataframe([{k: v for k, v in x.items() if k != "id"} for x in rows], hide_index=True, width="stretch", key="br_table")

# 2. what was discussed
st.markdown('<div class="brief-h">What was discussed</div>', unsafe_allow_html=True)
areas = [a for a in labels.AREAS if a in set(b.cells["area"])]
st.plotly_chart(charts.heatmap(b.cells, b.periods, areas, hi, height=max(460, 44 * len(areas) + 140), base=19), key="br_heatmap", width="stretch", theme=None)
new = b.rising[b.rising["new"]]["area"].tolist() if not b.rising.empty else []
up = b.rising[(b.rising["change"] > 0) & (~b.rising["new"])].head(4) if not b.rising.empty else b.rising
msg = []
if new:
    msg.append("New this period: " + ", ".join(labels.t(a, hi, labels.AREAS) for a in new))
if len(up):
    msg.append("Rising: " + ", ".join(f"{labels.t(a, hi, labels.AREAS)} (+{c})" for a, c in zip(up["area"], up["change"], strict=True)))
prev_from, prev_to = aggregate.previous_period(date_from, date_to)
st.markdown(f'<div class="brief-summary">{html.escape(" · ".join(msg) or "No area is new or rising")}<br><small>against {prev_from} to {prev_to}</small></div>', unsafe_allow_html=True)

# 3. in their words
st.markdown('<div class="brief-h">In their words</div>', unsafe_allow_html=True)
st.markdown(
    "".join(common.quote(q["sentence"], f"{labels.t(q['area'], hi, labels.AREAS)} — {export._s(q['outlet'], 'unknown source')}, {export._s(q['published'], 'undated')}", export._s(q["language"])) for q in b.quotes.to_dict("records"))
    or "No evidence sentences for this selection.",
    unsafe_allow_html=True,
)

# 4. what comes next
st.markdown('<div class="brief-h">What comes next</div>', unsafe_allow_html=True)
nxt = briefing.engagement_rows(b.planned, hi)
st.markdown(
    "".join(f'<div class="brief-card" style="margin-bottom:.6rem">{html.escape(r["date"])} · {html.escape(r["type"])} · {html.escape(r["place"] or "")}<br>{html.escape(r["participants"])}</div>' for r in nxt)
    or '<div class="brief-summary">No planned engagement in the reports for this period.</div>',
    unsafe_allow_html=True,
)

# exports of exactly this view
if not present:
    st.markdown('<div class="brief-h">Export</div>', unsafe_allow_html=True)
    files = cached.briefing_files(path, stamp, f, date_from, date_to)
    name = b.slug
    c = st.columns(4)
    c[0].download_button("Briefing (HTML)", files["html"], f"{name}.html", "text/html", key="dl_html")
    c[1].download_button("Tables (XLSX)", files["xlsx"], f"{name}.xlsx", key="dl_xlsx")
    for j, t in enumerate(("engagements", "articles", "area_period")):
        st.columns(4)[j].download_button(f"{t.replace('_', '-')} (CSV)", files[t], f"{name}_{t}.csv", "text/csv", key=f"dl_{t}")
    if c[2].button("Prepare slides, PDF and images", key="br_render"):
        ss["br_render_key"] = (stamp, f, date_from, date_to)
    if ss.get("br_render_key") == (stamp, f, date_from, date_to):
        with st.spinner("Rendering charts with Chromium …"):
            visuals = cached.briefing_visuals(path, stamp, f, date_from, date_to)
        c[2].download_button("Slides (PPTX)", visuals["pptx"], f"{name}.pptx", key="dl_pptx")
        c[2].download_button("Briefing (PDF)", visuals["pdf"], f"{name}.pdf", "application/pdf", key="dl_pdf")
        c[3].download_button("Timeline (PNG)", visuals["timeline.png"], f"{name}_timeline.png", "image/png", key="dl_png_t")
        c[3].download_button("Areas (PNG)", visuals["areas.png"], f"{name}_areas.png", "image/png", key="dl_png_a")
    st.caption(f"File names carry the period and filters. Built {date.today().isoformat()} from the same rows as this page.")
