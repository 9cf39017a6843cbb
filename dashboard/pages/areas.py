"""Cooperation areas over time: a selectable area x period grid; a square drills down to its sentences."""

import streamlit as st

from dashboard import aggregate, cached, charts, labels
from dashboard import view as views
from dashboard.pages import common, review_ui

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
st.markdown(common.CSS, unsafe_allow_html=True)
st.title(labels.t("areas", hi))

c1, c2, c3 = st.columns([2, 3, 2])
# a new period carries the open square to the period that holds it (a quarter's square becomes
# its year's), so the page never reports on a square that is no longer on the grid
common.bound(
    c1.radio,
    "period",
    "ar_period",
    labels.t("period", hi),
    views.PERIODS,
    horizontal=True,
    format_func=lambda p: labels.t(p, hi, labels.PERIODS),
    changes=lambda p: {"period": p, "cell": views.cell_in_period(common.current()["cell"], p)},
)
common.bound(c2.radio, "value", "ar_value", labels.t("value", hi), views.VALUES, horizontal=True, format_func=lambda x: labels.t(x, hi, labels.VALUES))
common.bound(c3.toggle, "norm", "ar_norm", labels.t("normalise", hi), help=labels.t("normalise_help", hi))

v = common.current()
period, value, norm = v["period"], v["value"], v["norm"]
raw = cached.area_cells(path, stamp, f, period)
if raw.empty:
    common.empty_state(hi)
    st.stop()
totals = aggregate.engagements_per_period(cached.engagements(path, stamp, f), period) if norm else None
cells = aggregate.area_period(raw, value, norm, totals)
opts = cached.options(path, stamp)
first = f.date_from or opts["range"][0]
last = f.date_to or opts["range"][1]
periods = [p for p in aggregate.all_periods(first, last, period) if cells["period"].min() <= p <= cells["period"].max()]
area_ids = [a for a in labels.AREAS if a in set(cells["area"])]
value_label = labels.t("share", hi) if norm else labels.t(value, hi, labels.VALUES)
st.caption(labels.t("ar_caption", hi) + (" " + labels.t("share_caption", hi) if norm else ""))
ev = st.plotly_chart(
    charts.heatmap(cells, periods, area_ids, hi, value_label=value_label, normalised=norm, height=max(420, 46 * len(area_ids) + 120)),
    key="ar_heatmap",
    on_select="rerun",
    selection_mode="points",
    width="stretch",
    theme=None,
)
point = common.picked("ar_heatmap", ev)
if point and point.get("customdata"):
    area, per = point["customdata"][:2]
    if f"{area}|{per}" != common.current()["cell"]:
        common.select(cell=f"{area}|{per}")

cell = common.current()["cell"]
if cell:
    area, per = cell.split("|", 1)
    hit = cells[(cells["area"] == area) & (cells["period"] == per)]
    st.subheader(f"{labels.t(area, hi, labels.AREAS)} · {per}")
    if hit.empty:
        st.info(labels.t("cell_empty", hi))
    else:
        r = hit.iloc[0]
        eids, aids = cached.cell_articles(path, stamp, f, area, per, period)
        st.markdown(
            labels.fmt(
                "cell_summary",
                hi,
                e=f"**{labels.n(int(r['engagements']), 'engagements', hi)}**",
                m=f"**{labels.n(int(r['mentions']), 'mentions', hi)}**",
                a=labels.n(len(aids), "articles_in", hi),
            )
        )
        everything = cached.engagements(path, stamp, f)
        review_ui.cell_marks(everything[everything["id"].isin(eids)], hi)  # corrected engagements behind the number
        evid = cached.evidence(path, stamp, tuple(aids[:500]), area)
        common.block(
            "".join(
                common.quote(x["sentence"], f"{x['title']} — {common.source_line(x['outlet'], x['published'], hi)}", x["language"])
                for x in evid.head(30).to_dict("records")
            )
        )
        if len(evid) > 30:
            st.caption(labels.fmt("more_sentences", hi, n=labels.n(len(evid) - 30, "sentences", hi)))
        for a in evid.drop_duplicates("article_id")[["article_id", "title", "outlet", "published"]].to_dict("records"):
            t1, t2 = st.columns([6, 1], vertical_alignment="center")
            with t1:
                common.block(f'<p><b>{common.esc(a["title"])}</b> <span class="meta">— {common.esc(common.source_line(a["outlet"], a["published"], hi))}</span></p>')
            with t2:
                common.link("articles", labels.t("read", hi), icon=":material/article:", a=a["article_id"])

st.subheader(labels.t("trend", hi))
default = list(cells.groupby("area")["value"].sum().sort_values(ascending=False).index[:4])
common.bound(
    st.multiselect,
    "trend",
    "ar_trend",
    labels.t("trend_areas", hi),
    area_ids,
    to_widget=lambda chosen: [a for a in chosen if a in area_ids] or default,
    changes=lambda chosen: {"trend": [] if list(chosen) == default else list(chosen)},
    format_func=lambda a: labels.t(a, hi, labels.AREAS),
    placeholder=labels.t("all", hi),
)
pick = [a for a in v["trend"] if a in area_ids] or default
st.plotly_chart(charts.trend(cells, periods, pick, hi, value_label=value_label), key="ar_trend_chart", width="stretch", theme=None)
