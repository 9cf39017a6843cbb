"""Who met whom: Indian and Japanese participants across engagements; a square opens the engagements."""

import html

import streamlit as st

from dashboard import cached, charts, knowledge, labels
from dashboard.labels import b as word
from dashboard.pages import common

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
ss = st.session_state
kb = knowledge.default()
st.markdown(common.CSS, unsafe_allow_html=True)
st.title(word("meetings", hi))
st.caption(word("meetings_caption", hi))

c1, c2 = st.columns([2, 3])
forces = c1.toggle(word("forces", hi), key="mt_forces", help=word("forces_help", hi))
pairs, india, japan = cached.meeting_pairs(path, stamp, f, not forces, hi)
if pairs.empty:
    common.empty_state(hi)
    st.stop()
top = c2.slider(word("people_shown", hi), 5, max(5, max(len(india), len(japan))), min(20, max(len(india), len(japan))), key="mt_top")
rows, cols = india[:top], japan[:top]
ev = st.plotly_chart(
    charts.meeting_matrix(pairs, rows, cols, hi, height=max(520, 34 * len(rows) + 260), names={n: kb.shown(n, hi) for n in rows + cols}),
    key="mt_chart",
    on_select="rerun",
    selection_mode="points",
    width="stretch",
    theme=None,
)
picked = (ev or {}).get("selection", {}).get("points", []) if ev else []
if picked and picked[0].get("customdata"):
    ss["p_pair"] = "|".join(picked[0]["customdata"][:2])
    common.to_url()
pair = (ss.get("p_pair") or "").split("|")
hit = pairs[(pairs["india"] == pair[0]) & (pairs["japan"] == pair[-1])] if len(pair) == 2 else pairs.iloc[0:0]
if hit.empty:
    hit = pairs.head(1)
r = hit.iloc[0]
st.subheader(f"{kb.shown(r['india'], hi)} — {kb.shown(r['japan'], hi)} · {word('together', hi, n=r['n'])}")
eng = cached.engagements(path, stamp, f)
for x in eng[eng["id"].isin(r["ids"])].sort_values("sort_date", ascending=False).to_dict("records"):
    a, b = st.columns([5, 1])
    a.markdown(
        f"**{html.escape(x['date'] if isinstance(x['date'], str) and x['date'] else (x['sort_date'] or ''))}** · {html.escape(labels.t(x['type'], hi, labels.TYPES))} · "
        f"{html.escape(kb.shown(x['place'], hi) if x['place'] else word('place_unknown', hi))}  \n{html.escape(', '.join(kb.shown(n, hi) for n in x['participants']))}"
    )
    if b.button(word("open_timeline", hi), key=f"mt_open_{x['id']}"):
        common.go("dashboard/pages/timeline.py", e=x["id"])
