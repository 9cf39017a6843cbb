"""Overview: headline figures, the latest engagement, rising areas, and a compact timeline and heatmap."""

from datetime import date, timedelta

import streamlit as st

from dashboard import aggregate, briefing, cached, charts, knowledge, labels, outlets
from dashboard.pages import common, new_since

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
st.markdown(common.CSS, unsafe_allow_html=True)
st.title(labels.t("title", hi))

eng = cached.engagements(path, stamp, f)
counts = cached.article_counts(path, stamp, f)
h = aggregate.headline(eng, counts)
h["sources"] = outlets.independent(counts["outlet"], knowledge.default()) if not counts.empty else 0  # one per outlet, however spelt

c = st.columns(4)
c[0].metric(labels.t("engagements", hi), h["engagements"], help="Real-world India–Japan engagements; several reports of one meeting count once")
c[1].metric(labels.t("n_articles", hi), h["articles"], help="India–Japan articles behind them")
c[2].metric(labels.t("n_sources", hi), h["sources"], help="Independent outlets: the spellings of one outlet, and outlets of one group (a government's press offices), count once")
c[3].metric(labels.t("n_languages", hi), len(h["languages"]), help=", ".join(labels.t(x, hi, labels.LANGUAGES) for x in h["languages"]))

new_since.render(path, cached.connection(path, stamp), hi, common.go)  # dashboard/pages/new_since.py

if eng.empty:
    common.empty_state(hi)
    st.stop()

left, right = st.columns([3, 2])
with left:
    latest = h["latest"]
    if latest:
        st.subheader(labels.t("latest", hi))
        st.markdown(
            f"**{latest['date'] or latest['sort_date']}** · {labels.t(latest['type'], hi, labels.TYPES)} · "
            f"{labels.t(latest['status'], hi, labels.STATUSES)}  \n"
            f"{latest['place'] or '—'}  \n{', '.join(latest['participants']) or '—'}"
        )
        if st.button("Open this engagement", key="open_latest"):
            common.go("dashboard/pages/timeline.py", e=latest["id"])
with right:
    end = f.date_to or eng["sort_date"].max()
    start = f.date_from or (date.fromisoformat(end[:10]) - timedelta(days=364)).isoformat()
    prev_from, prev_to = aggregate.previous_period(start, end)
    rise = aggregate.rising(cached.area_counts(path, stamp, f, start, end), cached.area_counts(path, stamp, f, prev_from, prev_to))
    comparable, note_en, note_hi = briefing.comparison(prev_from, prev_to, *cached.options(path, stamp)["range"])
    rise = rise if comparable else rise.iloc[0:0]  # a period with no reports says nothing about what is new
    st.subheader(labels.t("rising", hi))
    st.caption(f"Engagements discussing each area, {start} to {end}, against {prev_from} to {prev_to}" if comparable else (note_hi if hi else note_en))
    if rise.empty:
        st.write("—")
    else:
        top = rise.head(5)
        st.dataframe(
            top.assign(area=[labels.t(a, hi, labels.AREAS) + (" (new)" if n else "") for a, n in zip(top["area"], top["new"], strict=True)])[["area", "current", "previous", "change"]],
            hide_index=True,
            width="stretch",
        )

st.subheader(labels.t("timeline", hi))
ev = st.plotly_chart(charts.timeline(eng, hi, height=360), key="ov_timeline", on_select="rerun", selection_mode="points", width="stretch", theme=None)
points = (ev or {}).get("selection", {}).get("points", []) if isinstance(ev, dict) or hasattr(ev, "get") else []
if points:
    common.go("dashboard/pages/timeline.py", e=points[0].get("customdata"))

st.subheader(labels.t("areas", hi))
cells = aggregate.area_period(cached.area_cells(path, stamp, f, "year"), "engagements")
periods = aggregate.all_periods(eng["sort_date"].min(), eng["sort_date"].max(), "year")
area_ids = [a for a in labels.AREAS if a in set(cells["area"])]
ev2 = st.plotly_chart(charts.heatmap(cells, periods, area_ids, hi, height=420), key="ov_heatmap", on_select="rerun", selection_mode="points", width="stretch", theme=None)
points = (ev2 or {}).get("selection", {}).get("points", []) if isinstance(ev2, dict) or hasattr(ev2, "get") else []
if points:
    area, period = points[0].get("customdata") or (None, None)
    common.go("dashboard/pages/areas.py", cell=f"{area}|{period}", period="year")
