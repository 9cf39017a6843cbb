"""Timeline of engagements; selecting a mark opens its detail: both sides, areas with evidence, every report."""

import streamlit as st

from dashboard import cached, charts, knowledge, labels, outlets
from dashboard.pages import common, review_ui

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
st.markdown(common.CSS, unsafe_allow_html=True)
st.title(labels.t("timeline", hi))
st.caption("One mark per engagement · colour and row = type · open circle = planned, diamond = ongoing · size = number of reporting articles. Click a mark for its detail.")

eng = cached.engagements(path, stamp, f)
if eng.empty:
    common.empty_state(hi)
    st.stop()

ev = st.plotly_chart(charts.timeline(eng, hi), key="tl_chart", on_select="rerun", selection_mode="points", width="stretch", theme=None)
points = ev.get("selection", {}).get("points", []) if ev else []
if points and points[0].get("customdata"):
    st.session_state["p_e"] = points[0]["customdata"]
    common.to_url()

ids = eng["id"].tolist()
selected = review_ui.current_id(path, st.session_state.get("p_e"))  # an id from before a regrouping finds its engagement
# the picker lists the latest 1,000 engagements (the chart shows them all)
label = {r["id"]: f"{r['sort_date'] or ''} · {labels.t(r['type'], hi, labels.TYPES)} · {r['place'] or ''}" for r in eng.tail(1000).to_dict("records")}
if selected in ids and selected not in label:
    r = eng[eng["id"] == selected].iloc[0]
    label[selected] = f"{r['sort_date'] or ''} · {labels.t(r['type'], hi, labels.TYPES)} · {r['place'] or ''}"
options = [None] + list(reversed(list(label)))
choice = st.selectbox(
    "Engagement",
    options,
    index=options.index(selected) if selected in label else 0,
    format_func=lambda i: "— choose, or click a mark —" if i is None else label[i],
    key=f"tl_pick_{selected}",
)
if choice != selected:
    st.session_state["p_e"] = choice
    common.to_url()
    selected = choice
if not selected or selected not in ids:
    st.stop()

row = eng[eng["id"] == selected].iloc[0]
st.header(f"{row['date'] or row['sort_date']} · {labels.t(row['type'], hi, labels.TYPES)}")
st.markdown(f"**{labels.t(row['status'], hi, labels.STATUSES)}** · {row['place'] or 'place not stated'} · {row['n_articles']} report(s) in {', '.join(labels.t(x, hi, labels.LANGUAGES) for x in row['languages'])}")
review_ui.marks(row, hi)  # "✎ date corrected by A. Sharma on 2026-12-08"

arts = cached.engagement_articles(path, stamp, selected)
st.caption(outlets.reports_line(arts["outlet"].tolist(), knowledge.default(), hi))
review_ui.engagement_panel(path, selected, hi, key="tl", on_move=lambda e: st.session_state.update(p_e=e))
parts = cached.participants(path, stamp, selected)
sides = st.columns(2)
for col, side in zip(sides, ("India", "Japan"), strict=True):
    col.subheader(f"{side} — {labels.t('participants', hi)}")
    names = parts.loc[parts["country"] == side, "name"].tolist()
    col.write(", ".join(names) or "not named in the reports")

st.subheader(labels.t("evidence", hi))
evid = cached.evidence(path, stamp, tuple(arts["id"]), None)
for area in [a for a in row["areas"]]:
    rows = evid[evid["area"] == area]
    with st.expander(f"{labels.t(area, hi, labels.AREAS)} — {len(rows)} sentence(s) in {rows['article_id'].nunique()} article(s)", expanded=False):
        for r in rows.head(8).to_dict("records"):
            st.markdown(common.quote(r["sentence"], f"{outlets.display(r['outlet'], hi, knowledge.default())}, {r['published'] or ''}", r["language"]), unsafe_allow_html=True)

st.subheader(labels.t("reported_by", hi))
for a in arts.to_dict("records"):
    c1, c2 = st.columns([5, 1])
    c1.markdown(f"**{a['title']}**  \n{outlets.display(a['outlet'], hi, knowledge.default())} · {labels.t(a['language'], hi, labels.LANGUAGES)} · {a['published'] or 'undated'} · `{outlets.file_name(a['source_file'])}`")
    if c2.button("Read", key=f"read_{a['id']}"):
        common.go("dashboard/pages/articles.py", a=a["id"])
