"""Where the engagements took place, drawn offline: a circle per place, click one for its engagements."""

import html

import streamlit as st

from dashboard import cached, charts, knowledge, labels
from dashboard.labels import b as word
from dashboard.pages import common

path, stamp = common.database()
kb = knowledge.default()
f, hi = common.sidebar(path, stamp)
st.markdown(common.CSS, unsafe_allow_html=True)
st.title(word("map", hi))
st.caption(word("map_caption", hi))

points, unplaced = cached.place_points(path, stamp, f, hi)
if points.empty:
    common.empty_state(hi)
    st.stop()
ev = st.plotly_chart(
    charts.place_map(points, hi, height=680),
    key="map_chart",
    on_select="rerun",
    selection_mode="points",
    width="stretch",
    theme=None,
    config={"topojsonURL": charts.TOPOJSON_URL, "displaylogo": False},
)
if unplaced:
    st.caption(word("no_place", hi, n=unplaced))
picked = (ev or {}).get("selection", {}).get("points", []) if ev else []
if picked and picked[0].get("customdata"):
    st.session_state["p_place"] = picked[0]["customdata"]
    common.to_url()
place = st.session_state.get("p_place")
if place not in set(points["place"]):
    place = points.iloc[0]["place"]
row = points[points["place"] == place].iloc[0]
st.subheader(f"{kb.shown(place, hi)} · {word('engagements', hi)}: {row['n']}")
eng = cached.engagements(path, stamp, f)
for r in eng[eng["id"].isin(row["ids"])].sort_values("sort_date", ascending=False).to_dict("records"):
    c1, c2 = st.columns([5, 1])
    c1.markdown(
        f"**{html.escape(r['date'] if isinstance(r['date'], str) and r['date'] else (r['sort_date'] or ''))}** · {html.escape(labels.t(r['type'], hi, labels.TYPES))} · "
        f"{html.escape(labels.t(r['status'], hi, labels.STATUSES))} · {html.escape(kb.shown(r['place'], hi) if r['place'] else '')}  \n{html.escape(', '.join(kb.shown(n, hi) for n in r['participants']) or word('people_unknown', hi))}"
    )
    if c2.button(word("open_timeline", hi), key=f"map_open_{r['id']}"):
        common.go("dashboard/pages/timeline.py", e=r["id"])
