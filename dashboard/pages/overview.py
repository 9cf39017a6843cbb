"""Overview: headline figures, the latest engagement, areas compared across two periods, and a compact
timeline and area grid whose marks open the other pages."""

import dataclasses
from datetime import date, timedelta

import streamlit as st

from dashboard import aggregate, briefing, cached, charts, knowledge, labels, outlets
from dashboard import view as views
from dashboard.pages import common, new_since

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
v = common.current()
st.markdown(common.CSS, unsafe_allow_html=True)
st.title(labels.t("title", hi))

eng = common.in_script(cached.engagements(path, stamp, f), hi)
counts = cached.article_counts(path, stamp, f)
h = aggregate.headline(eng, counts)
h["sources"] = outlets.independent(counts["outlet"], knowledge.default()) if not counts.empty else 0  # one per outlet, however spelt

c = st.columns(4)
c[0].metric(labels.t("engagements", hi), h["engagements"], help=labels.t("help_engagements", hi))
c[1].metric(labels.t("n_articles", hi), h["articles"], help=labels.t("help_articles", hi))
c[2].metric(labels.t("n_sources", hi), h["sources"], help=labels.t("help_sources", hi))
c[3].metric(labels.t("n_languages", hi), len(h["languages"]), help=", ".join(labels.t(x, hi, labels.LANGUAGES) for x in h["languages"]) or None)

new_since.render(path, cached.connection(path, stamp), hi, common.go)  # dashboard/pages/new_since.py

if eng.empty:
    common.empty_state(hi)
    st.stop()

left, right = st.columns([3, 2])
with left:
    latest = h["latest"]
    if latest:
        st.subheader(labels.t("latest", hi))
        common.block(
            f"<p><b>{common.esc(latest['date'] or latest['sort_date'])}</b> · {common.esc(labels.t(latest['type'], hi, labels.TYPES))} · "
            f"{common.esc(common.status(latest, hi, path, stamp))}<br>{common.esc(latest['place'] or labels.t('place_not_stated', hi))}<br>"
            f"{common.esc(', '.join(latest['participants']) or labels.t('participants_not_named', hi))}</p>"
        )
        common.link("timeline", labels.t("open_engagement", hi), icon=":material/open_in_new:", e=latest["id"])

with right:
    first_data = cached.options(path, stamp)["range"][0]
    end = f.date_to or eng["sort_date"].max()
    start = f.date_from or (date.fromisoformat(end[:10]) - timedelta(days=364)).isoformat()
    cur_from = v["cur_from"].isoformat() if v["cur_from"] else start
    cur_to = v["cur_to"].isoformat() if v["cur_to"] else end
    if cur_from > cur_to:
        cur_from, cur_to = cur_to, cur_from
    auto_prev = aggregate.previous_period(cur_from, cur_to)
    prev_from = v["prev_from"].isoformat() if v["prev_from"] else auto_prev[0]
    prev_to = v["prev_to"].isoformat() if v["prev_to"] else auto_prev[1]
    st.subheader(labels.t("rising", hi))
    with st.popover(labels.t("compare", hi), icon=":material/date_range:"):
        for title, lo, up, lo_d, up_d in (("this_period", "cur_from", "cur_to", cur_from, cur_to), ("against", "prev_from", "prev_to", prev_from, prev_to)):
            st.markdown(f"**{labels.t(title, hi)}**")
            a, b = st.columns(2)
            common.bound(a.date_input, lo, f"ov_{lo}", labels.t("from", hi), to_widget=lambda d, x=lo_d: d or date.fromisoformat(x), min_value=views.MIN_DATE, max_value=views.MAX_DATE, format="YYYY-MM-DD")
            common.bound(b.date_input, up, f"ov_{up}", labels.t("to", hi), to_widget=lambda d, x=up_d: d or date.fromisoformat(x), min_value=views.MIN_DATE, max_value=views.MAX_DATE, format="YYYY-MM-DD")
    # a period with no reports says nothing about what is new (briefing.comparison says why)
    comparable, note_en, note_hi = briefing.comparison(prev_from, prev_to, *cached.options(path, stamp)["range"])
    undated = dataclasses.replace(f, date_from=None, date_to=None)  # each period brings its own dates
    rise = aggregate.rising(
        cached.area_counts(path, stamp, undated, cur_from, cur_to),
        cached.area_counts(path, stamp, undated, prev_from, prev_to),
        comparable=comparable,
    )
    rise = rise if comparable else rise.iloc[0:0]
    note = note_hi if hi else note_en
    if not comparable:  # the reason nothing is compared
        st.caption(note)
    else:  # the periods, and where the reports start or end inside the earlier one
        st.caption(labels.fmt("compare_caption", hi, a=cur_from, b=cur_to, c=prev_from, d=prev_to) + (" " + note[note.index("(") :] if "(" in note else ""))
    if rise.empty:
        st.write("—")
    else:
        top = rise.head(5)
        shown = top.assign(area=[labels.t(a, hi, labels.AREAS) + (f" ({labels.t('new', hi)})" if n else "") for a, n in zip(top["area"], top["new"], strict=True)])
        st.dataframe(
            shown[["area", "current", "previous", "change"]],
            hide_index=True,
            width="stretch",
            column_config={k: labels.t(f"col_{k}", hi) for k in ("area", "current", "previous", "change")},
        )

st.subheader(labels.t("timeline", hi))
st.caption(labels.t("ov_timeline_hint", hi))
ev = st.plotly_chart(charts.timeline(eng, hi, height=360), key="ov_timeline", on_select="rerun", selection_mode="points", width="stretch", theme=None)
point = common.picked("ov_timeline", ev)
if point and point.get("customdata"):
    common.go("timeline", e=point["customdata"])

st.subheader(labels.t("areas", hi))
st.caption(labels.t("ov_grid_hint", hi))
cells = aggregate.area_period(cached.area_cells(path, stamp, f, "year"), "engagements")
periods = aggregate.all_periods(eng["sort_date"].min(), eng["sort_date"].max(), "year")
area_ids = [a for a in labels.AREAS if a in set(cells["area"])]
ev2 = st.plotly_chart(
    charts.heatmap(cells, periods, area_ids, hi, value_label=labels.t("engagements", hi), height=420),
    key="ov_heatmap",
    on_select="rerun",
    selection_mode="points",
    width="stretch",
    theme=None,
)
point = common.picked("ov_heatmap", ev2)
if point and point.get("customdata"):
    area, period = point["customdata"][:2]
    common.go("areas", cell=f"{area}|{period}", period="year")
