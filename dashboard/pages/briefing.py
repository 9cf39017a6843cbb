"""Briefing: one message per section, the period compared honestly, exports ready without a click,
and a presentation mode that shows one 1920×1080 slide per screen, moved with the arrow keys."""

import html
import time
from datetime import date

import pandas as pd
import streamlit as st

from dashboard import aggregate, briefing, cached, charts, knowledge, labels, outlets
from dashboard.labels import b as word
from dashboard.pages import common, review_ui

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
ss = st.session_state
kb = knowledge.default()
e = html.escape

STYLE = """<style>
.block-container { max-width: 1800px; }
.brief-h { font-size: 2.4rem; font-weight: 800; margin: .2rem 0 .5rem; line-height: 1.2; }
.brief-summary { font-size: 1.4rem; line-height: 1.6; }
.brief-note { font-size: 1.05rem; color: #444; }
.brief-card { font-size: 1.5rem; line-height: 1.5; border: 3px solid #1f4e9c; border-radius: 10px; padding: .7rem 1.2rem; }
.brief-card .sides { display: flex; gap: 2.5rem; flex-wrap: wrap; margin-top: .3rem; }
.brief-card .side b { display: block; font-size: 1.05rem; color: #1f4e9c; text-transform: uppercase; letter-spacing: .04em; }
.brief-figures { display: flex; gap: 3rem; font-size: 1.3rem; margin: 1rem 0; }
.brief-figures b { display: block; font-size: 3rem; line-height: 1.1; color: #1f4e9c; }
.quote { font-size: 1.3rem !important; }
.nowrap, .card-date { white-space: nowrap; }
</style>"""
PRESENT_STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none !important; }
.block-container { max-width: 100% !important; padding: 1.2rem 3rem .4rem !important; }
html { font-size: 22px; }
.st-key-br_slide .brief-h { font-size: 2.6rem; }
.st-key-br_slide .brief-summary { font-size: 1.45rem; max-width: 78rem; }
.st-key-br_slide .quote { font-size: 1.35rem !important; margin: .9rem 0; }
.st-key-br_slide .brief-card { font-size: 1.45rem; }
.st-key-br_keys { display: none !important; }
.st-key-br_nav p { font-size: 1.1rem; }
</style>"""

SLIDE_CHART = {"displayModeBar": False}  # no toolbar floating over a slide

# --- the period, the comparison and the briefing -------------------------------------------------
first, last = cached.default_period(path, stamp)
date_from = f.date_from or first
date_to = f.date_to or last
present = bool(ss.get("present"))


def _set_present(on: bool) -> None:
    ss["present"] = on
    ss["p_slide"] = "1" if on else None


st.markdown(common.CSS + STYLE + (PRESENT_STYLE if present else ""), unsafe_allow_html=True)
if not present:
    top_l, top_r = st.columns([5, 2])
    top_l.markdown(f'<div class="brief-h">{e(labels.t("title", hi))} · <span class="nowrap">{e(date_from)} → {e(date_to)}</span></div>', unsafe_allow_html=True)
    top_r.toggle(word("present", hi), value=False, key="br_present_w", help=word("present_help", hi), on_change=lambda: _set_present(True))
    if f.date_from is None or f.date_to is None:
        st.caption(word("period_default", hi))
    default_cf, default_ct = aggregate.previous_period(date_from, date_to)
    mode = st.radio(word("compare", hi), ["previous", "custom"], horizontal=True, key="br_cmp_mode", index=1 if ss.get("p_cf") else 0, format_func=lambda m: word("compare_prev" if m == "previous" else "compare_custom", hi))
    if mode == "custom":
        c1, c2, _ = st.columns([1, 1, 3])
        cf = c1.date_input(word("compare_from", hi), value=date.fromisoformat(ss.get("p_cf") or default_cf), min_value=date(1990, 1, 1), max_value=date(2100, 1, 1), format="YYYY-MM-DD", key="br_cf")
        ct = c2.date_input(word("compare_to", hi), value=date.fromisoformat(ss.get("p_ct") or default_ct), min_value=date(1990, 1, 1), max_value=date(2100, 1, 1), format="YYYY-MM-DD", key="br_ct")
        ss["p_cf"], ss["p_ct"] = (cf.isoformat(), ct.isoformat()) if cf and ct and cf <= ct else (None, None)
    else:
        ss["p_cf"] = ss["p_ct"] = None
    common.to_url()
compare_from, compare_to = ss.get("p_cf"), ss.get("p_ct")
b = cached.briefing(path, stamp, f, date_from, date_to, compare_from, compare_to)
jobs = cached.briefing_exports(path, stamp, f, date_from, date_to, compare_from, compare_to, hi)  # exports start now, in the background

both = briefing.localise(b.engagements if b.planned.empty else pd.concat([b.engagements, b.planned]).sort_values("sort_date"), hi, kb)
rows = briefing.engagement_rows(b.engagements, hi, b, kb)
areas = [a for a in labels.AREAS if a in set(b.cells["area"])]


def quotes_html(limit: int) -> str:
    return "".join(
        common.quote(q["sentence"], f"{labels.t(q['area'], hi, labels.AREAS)} — {outlets.display(q['outlet'], hi, kb)}, {q['published'] if isinstance(q['published'], str) and q['published'] else word('undated', hi)}", q["language"] if isinstance(q["language"], str) else "")
        for q in b.quotes.head(limit).to_dict("records")
    ) or f'<div class="brief-summary">{e(word("no_quotes", hi))}</div>'


def next_html() -> str:
    nxt = briefing.engagement_rows(b.planned, hi)
    return "".join(
        f'<div class="brief-card" style="margin-bottom:.6rem">{e(r["date"])} · {e(r["type"])} · {e(r["place"] or word("place_unknown", hi))}<br>{e(r["participants"] or word("people_unknown", hi))}</div>'
        for r in nxt
    ) or f'<div class="brief-summary">{e(word("no_planned", hi))}</div>'


def rising_html() -> str:
    rise = b.rising
    new = rise[rise["new"]]["area"].tolist() if not rise.empty else []
    up = rise[(rise["change"] > 0) & (~rise["new"])].head(4) if not rise.empty else rise
    msg = []
    if new:
        msg.append(f"{word('new_areas', hi)}: " + ", ".join(labels.t(a, hi, labels.AREAS) for a in new))
    if len(up):
        msg.append(f"{word('rising', hi)}: " + ", ".join(f"{labels.t(a, hi, labels.AREAS)} (+{c})" for a, c in zip(up["area"], up["change"], strict=True)))
    return f'<div class="brief-summary">{e(" · ".join(msg) or word("none_rising", hi))}</div><div class="brief-note">{e(b.compare_note(hi))}</div>'


def card_html(i: int) -> str:
    r = rows[i]
    side = briefing.sides(b.engagements.iloc[i]["participants"], kb)
    parts = "".join(
        f'<div class="side"><b>{e(word(k.lower(), hi) if k != "other" else "")}</b>{e(", ".join(kb.shown(x, hi) for x in v))}</div>' for k, v in side.items() if v
    ) or e(word("people_unknown", hi))
    areas_txt = ", ".join(labels.t(a, hi, labels.AREAS) for a in list(b.engagements.iloc[i]["areas"])[:6])
    return (
        f'<div class="brief-card" data-engagement="{e(r["id"], quote=True)}"><b class="card-date">{e(r["date"])}</b> · {e(r["type"])} · {e(r["status"])} · {e(r["place"] or word("place_unknown", hi))}'
        f'<div class="sides">{parts}</div>'
        + (f"<i>{e(areas_txt)}</i><br>" if areas_txt else "")
        + f'<small>{e(word("eng_of", hi, i=i + 1, n=len(rows)))} · {e(r["reports_text"] or str(r["reports"]))}</small>'
        + (f'<div class="rv-marks">{e(r["corrected"])}</div>' if r.get("corrected") else "")
        + "</div>"
    )


def step(delta: int, n: int, key: str) -> None:
    ss[key] = str(min(max(int(ss.get(key) or 1) + delta, 1), n))


# --- presentation mode: one slide per screen -----------------------------------------------------
if present:
    deck = briefing.slides(b)
    n = len(deck)
    k = min(max(int(ss.get("p_slide") or 1), 1), n)
    ss["p_slide"] = str(k)
    kind, idx = deck[k - 1]
    slide = st.container(key="br_slide", height=900, border=False)
    with slide:
        if kind == "title":
            st.markdown(
                f'<div class="brief-h" style="font-size:3.2rem">{e(labels.t("title", hi))}</div>'
                f'<div class="brief-summary">{e(word("briefing_for", hi, a=date_from, b=date_to))}{(" · " + e(b.filters(hi))) if b.filters(hi) else ""}</div>'
                f'<div class="brief-figures"><div><b>{len(b.engagements)}</b>{e(word("engagements", hi))}</div><div><b>{len(b.planned)}</b>{e(labels.t("planned", hi, labels.STATUSES))}</div>'
                f'<div><b>{sum(len(v) for v in b.outlets.values())}</b>{e(word("articles_n", hi))}</div><div><b>{outlets.independent([o for v in b.outlets.values() for o in v], kb)}</b>{e(word("independent", hi))}</div></div>'
                f'<div class="brief-h" style="font-size:2rem">{e(word("summary", hi))}</div><div class="brief-summary">{e(b.summary(hi))}</div>',
                unsafe_allow_html=True,
            )
        elif kind == "timeline":
            st.markdown(f'<div class="brief-h">{e(word("happened", hi))}</div>', unsafe_allow_html=True)
            st.plotly_chart(charts.timeline(both, hi, height=760, base=charts.PROJECTOR), key="br_s_timeline", width="stretch", theme=None, config=SLIDE_CHART)
            st.markdown(f'<div class="brief-note">{e(word("legend", hi))}</div>', unsafe_allow_html=True)
        elif kind == "areas":
            st.markdown(f'<div class="brief-h">{e(word("discussed", hi))}</div>', unsafe_allow_html=True)
            st.plotly_chart(charts.heatmap(b.cells, b.periods, areas, hi, value_label=word("engagements", hi), height=700, base=charts.PROJECTOR), key="br_s_areas", width="stretch", theme=None, config=SLIDE_CHART)
            st.markdown(rising_html(), unsafe_allow_html=True)
        elif kind == "engagement":
            r = rows[idx]
            st.markdown(f'<div class="brief-h">{e(word("engagement", hi))} {idx + 1} / {len(rows)}: {e(r["type"])}</div>', unsafe_allow_html=True)
            st.plotly_chart(charts.timeline(both, hi, height=480, base=charts.PROJECTOR, highlight=r["id"]), key="br_s_eng", width="stretch", theme=None, config=SLIDE_CHART)
            st.markdown(card_html(idx), unsafe_allow_html=True)
        elif kind == "quotes":
            st.markdown(f'<div class="brief-h">{e(word("words", hi))}</div>' + quotes_html(4), unsafe_allow_html=True)
        else:
            st.markdown(f'<div class="brief-h">{e(word("next", hi))}</div>' + next_html(), unsafe_allow_html=True)
    nav = st.container(key="br_nav", horizontal=True, vertical_alignment="center")
    nav.button(word("prev", hi), key="br_s_prev", disabled=k == 1, shortcut="Left", on_click=step, args=(-1, n, "p_slide"))
    nav.markdown(e(word("slide_of", hi, i=k, n=n)))
    nav.button(word("next_btn", hi), key="br_s_next", disabled=k == n, shortcut="Right", on_click=step, args=(1, n, "p_slide"))
    nav.button(word("exit", hi), key="br_exit", shortcut="Esc", on_click=_set_present, args=(False,))
    keys = st.container(key="br_keys")  # presenter remotes send PageDown/PageUp; hidden, but their shortcuts work
    keys.button(word("next_btn", hi), key="br_s_pgdn", shortcut="PageDown", on_click=step, args=(1, n, "p_slide"))
    keys.button(word("prev", hi), key="br_s_pgup", shortcut="PageUp", on_click=step, args=(-1, n, "p_slide"))
    common.to_url()
    st.stop()

# --- normal mode: the whole briefing on one page -------------------------------------------------
st.markdown(f'<div class="brief-h">{e(word("summary", hi))}</div>', unsafe_allow_html=True)
st.markdown(f'<div class="brief-summary" lang="{"hi" if hi else "en"}">{e(b.summary(hi))}</div>', unsafe_allow_html=True)
if b.reports(hi):
    st.markdown(f'<div class="brief-note">{e(b.reports(hi))}</div>', unsafe_allow_html=True)
with st.expander(word("trace", hi)):
    st.json(briefing.trace_shown(b.trace, hi), expanded=False)

st.markdown(f'<div class="brief-h">{e(word("happened", hi))}</div>', unsafe_allow_html=True)
if b.engagements.empty and b.planned.empty:
    common.empty_state(hi)
    st.stop()
current = None
if rows:
    ids = [r["id"] for r in rows]
    i = ids.index(ss["p_e"]) if ss.get("p_e") in ids else len(rows) - 1

    def move(delta: int) -> None:
        j = min(max((ids.index(ss["p_e"]) if ss.get("p_e") in ids else len(ids) - 1) + delta, 0), len(ids) - 1)
        ss["p_e"] = ids[j]

    current = ids[i]
st.plotly_chart(charts.timeline(both, hi, height=460, base=19, highlight=current), key="br_timeline", width="stretch", theme=None)
st.caption(word("legend", hi))
if rows:
    c1, c2, c3 = st.columns([1, 6, 1])
    c1.button(word("prev", hi), key="br_prev", disabled=i == 0, width="stretch", shortcut="Left", on_click=move, args=(-1,))
    c3.button(word("next_btn", hi), key="br_next", disabled=i >= len(rows) - 1, width="stretch", shortcut="Right", on_click=move, args=(1,))
    c2.markdown(card_html(i), unsafe_allow_html=True)
    with c2:
        review_ui.engagement_panel(path, rows[i]["id"], hi, key="br")
    heads = ("date", "type", "status", "place", "participants", "reports")
    st.dataframe(
        pd.DataFrame([{word(h, hi): (x["reports_text"] if h == "reports" else x[h]) for h in heads} for x in rows]),
        hide_index=True,
        width="stretch",
        key="br_table",
        column_config={word("date", hi): st.column_config.TextColumn(width="small"), word("participants", hi): st.column_config.TextColumn(width="large")},
    )

st.markdown(f'<div class="brief-h">{e(word("discussed", hi))}</div>', unsafe_allow_html=True)
st.plotly_chart(charts.heatmap(b.cells, b.periods, areas, hi, value_label=word("engagements", hi), height=max(460, 44 * len(areas) + 140), base=19), key="br_heatmap", width="stretch", theme=None)
st.markdown(rising_html(), unsafe_allow_html=True)

st.markdown(f'<div class="brief-h">{e(word("words", hi))}</div>' + quotes_html(6), unsafe_allow_html=True)
st.markdown(f'<div class="brief-h">{e(word("next", hi))}</div>' + next_html(), unsafe_allow_html=True)

# --- exports of exactly this view, built in the background from the moment the page showed ------
st.markdown(f'<div class="brief-h">{e(word("export", hi))}</div>', unsafe_allow_html=True)
name = b.slug + ("_hi" if hi else "")
FILES = [
    ("html", f"{name}.html", "text/html", "tables"),
    ("pdf", f"{name}.pdf", "application/pdf", "visuals"),
    ("pptx", f"{name}.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "visuals"),
    ("xlsx", f"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "tables"),
    ("timeline.png", f"{name}_timeline.png", "image/png", "visuals"),
    ("areas.png", f"{name}_areas.png", "image/png", "visuals"),
    ("engagements", f"{name}_engagements.csv", "text/csv", "tables"),
    ("articles", f"{name}_articles.csv", "text/csv", "tables"),
    ("area_period", f"{name}_area_period.csv", "text/csv", "tables"),
]


def _fetch(job: str, key: str):
    return lambda: jobs[job].result(timeout=300)[key]  # a click before the build is done waits for it


grid = st.container(key="br_exports", horizontal=True)
for key, fname, mime, job in FILES:
    grid.download_button(word(f"dl_{key}", hi), _fetch(job, key), fname, mime, key=f"dl_{key.replace('.', '_')}", on_click="ignore")


@st.fragment(run_every=1.0 if not all(jobs[j].done() for j in ("tables", "visuals")) else None)
def export_status() -> None:
    failed = [jobs[j].exception() for j in ("tables", "visuals") if jobs[j].done() and jobs[j].exception()]
    if failed:
        st.error(word("failed", hi, e=failed[0]))
    elif all(jobs[j].done() for j in ("tables", "visuals")):
        st.caption(f"✓ {word('ready', hi)} {word('names_note', hi)}")
    else:
        st.caption(f"⏳ {word('preparing', hi, s=int(time.monotonic() - jobs['started']))}")


export_status()
