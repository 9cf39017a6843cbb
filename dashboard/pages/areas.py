"""Cooperation areas over time: a selectable area x period grid; a cell drills down to its sentences."""

import streamlit as st

from dashboard import aggregate, cached, charts, knowledge, labels, outlets
from dashboard.pages import common, review_ui

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
st.markdown(common.CSS, unsafe_allow_html=True)
st.title(labels.t("areas", hi))

PERIODS = ["month", "quarter", "year"]
VALUES = {"engagements": "Engagements discussing the area", "mentions": "Mentions in articles"}
ss = st.session_state
if ss.get("p_period") not in PERIODS:
    ss["p_period"] = "quarter"
if ss.get("p_value") not in VALUES:
    ss["p_value"] = "engagements"
if "ar_period" not in ss or ss.get("_ar_synced") != (ss["p_period"], ss["p_value"], ss.get("p_norm")):
    ss["ar_period"], ss["ar_value"], ss["ar_norm"] = ss["p_period"], ss["p_value"], ss.get("p_norm") == "1"
c1, c2, c3 = st.columns([2, 3, 2])
c1.radio(labels.t("period", hi), PERIODS, key="ar_period", horizontal=True, format_func=str.title)
c2.radio(labels.t("value", hi), list(VALUES), key="ar_value", horizontal=True, format_func=VALUES.get)
c3.toggle(labels.t("normalise", hi), key="ar_norm", help="Divide each cell by its period's total, to compare busy and quiet periods")
ss["p_period"], ss["p_value"], ss["p_norm"] = ss["ar_period"], ss["ar_value"], "1" if ss["ar_norm"] else None
ss["_ar_synced"] = (ss["p_period"], ss["p_value"], ss["p_norm"])
common.to_url()

period, value, norm = ss["ar_period"], ss["ar_value"], ss["ar_norm"]
raw = cached.area_cells(path, stamp, f, period)
if raw.empty:
    common.empty_state(hi)
    st.stop()
cells = aggregate.area_period(raw, value, norm)
opts = cached.options(path, stamp)
first = f.date_from or opts["range"][0]
last = f.date_to or opts["range"][1]
periods = [p for p in aggregate.all_periods(first, last, period) if p >= cells["period"].min() and p <= cells["period"].max()]
area_ids = [a for a in labels.AREAS if a in set(cells["area"])]
value_label = VALUES[value] if not norm else "Share of period"
st.caption("Each square is an area in a period; darker = more. Click a square to read the sentences and articles behind its number.")
ev = st.plotly_chart(
    charts.heatmap(cells, periods, area_ids, hi, value_label=value_label.split(" ")[0], normalised=norm, height=max(420, 46 * len(area_ids) + 120)),
    key="ar_heatmap",
    on_select="rerun",
    selection_mode="points",
    width="stretch",
    theme=None,
)
points = ev.get("selection", {}).get("points", []) if ev else []
if points and points[0].get("customdata"):
    area, per = points[0]["customdata"][:2]
    ss["p_cell"] = f"{area}|{per}"
    common.to_url()

cell = ss.get("p_cell")
if cell and "|" in cell:
    area, per = cell.split("|", 1)
    hit = cells[(cells["area"] == area) & (cells["period"] == per)]
    st.subheader(f"{labels.t(area, hi, labels.AREAS)} · {per}")
    if hit.empty:
        st.info("No engagement discussed this area in that period under the current filters.")
    else:
        r = hit.iloc[0]
        eids, aids = cached.cell_articles(path, stamp, f, area, per, period)
        st.markdown(f"**{int(r['engagements'])} engagement(s)**, **{int(r['mentions'])} mention(s)** in {len(aids)} article(s).")
        everything = cached.engagements(path, stamp, f)
        review_ui.cell_marks(everything[everything["id"].isin(eids)], hi)  # corrected engagements behind the number
        evid = cached.evidence(path, stamp, tuple(aids[:500]), area)
        st.markdown("".join(common.quote(x["sentence"], f"{x['title']} — {outlets.display(x['outlet'], hi, knowledge.default())}, {x['published'] or 'undated'}", x["language"]) for x in evid.head(30).to_dict("records")), unsafe_allow_html=True)
        if len(evid) > 30:
            st.caption(f"… and {len(evid) - 30} more sentences.")
        arts = evid.drop_duplicates("article_id")[["article_id", "title", "outlet", "language", "published"]]
        for a in arts.to_dict("records"):
            if st.button(f"Read: {a['title'][:90]}", key=f"ar_read_{a['article_id']}"):
                common.go("dashboard/pages/articles.py", a=a["article_id"])

st.subheader(labels.t("trend", hi))
default = [a for a in cells.groupby("area")["value"].sum().sort_values(ascending=False).index[:4]]
pick = st.multiselect("Areas", area_ids, default=default, key="ar_trend", format_func=lambda a: labels.t(a, hi, labels.AREAS))
st.plotly_chart(charts.trend(cells, periods, pick, hi, value_label=value_label), key="ar_trend_chart", width="stretch", theme=None)
