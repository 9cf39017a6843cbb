"""The filtered article list and the full text of one article, with search terms, people and areas marked."""

import dataclasses
import html

import streamlit as st

from dashboard import cached, highlight, knowledge, labels, outlets, queries
from dashboard.pages import common, review_ui

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
st.markdown(common.CSS, unsafe_allow_html=True)
st.title(labels.t("articles", hi))

only_ij = st.toggle("Only India–Japan articles", value=True, key="ar_only_ij")
also: tuple[str, ...] = ()
if f.text:
    # a name is searched in every script it is written in (dashboard/expand.py); this turns it off
    f = dataclasses.replace(f, expand=st.toggle("Search other spellings of a name too", value=True, key="ar_expand"))
    also = queries.text_query(f.text, f.expand).also
    if also:
        shown = ", ".join(also[:12]) + (f" … and {len(also) - 12} more" if len(also) > 12 else "")
        st.caption(f"also searched: {shown}")
arts = cached.articles(path, stamp, f, limit=2000, india_japan_only=only_ij)
if arts.empty:
    common.empty_state(hi)
    st.stop()
st.caption(f"{len(arts)} article(s){' (first 2,000)' if len(arts) == 2000 else ''}. Select a row to read it.")
table = arts.fillna("").assign(
    language=[labels.t(x, hi, labels.LANGUAGES) for x in arts["language"]],
    engagement_type=[labels.t(x, hi, labels.TYPES) if isinstance(x, str) else "" for x in arts["engagement_type"]],
)
ev = st.dataframe(
    table[["published", "title", "outlet", "language", "engagement_type", "engagement_date", "url"]],
    key="ar_table",
    on_select="rerun",
    selection_mode="single-row",
    hide_index=True,
    width="stretch",
    height=320,
    column_config={
        "published": st.column_config.TextColumn("Published", width="small"),
        "title": st.column_config.TextColumn("Title", width="large"),
        "outlet": "Source",
        "language": st.column_config.TextColumn("Language", width="small"),
        "engagement_type": "Engagement",
        "engagement_date": st.column_config.TextColumn("Engagement date", width="small"),
        "url": st.column_config.LinkColumn("Link", display_text="open", width="small"),
    },
)
rows = ev.get("selection", {}).get("rows", []) if ev else []
if rows:
    st.session_state["p_a"] = arts.iloc[rows[0]]["id"]
    common.to_url()

aid = st.session_state.get("p_a")
if not aid:
    if f.text:
        st.subheader("Matches")
        for r in arts.head(10).to_dict("records"):
            st.markdown(f"**{html.escape(r['title'])}** — {highlight.snippet_html(r['snippet'])}", unsafe_allow_html=True)
    st.stop()
art = cached.article(path, stamp, aid)
if art is None:
    st.warning("That article is not in this database (it may have been removed). Choose another one.")
    st.stop()
rec = art["record"]
st.header(art["title"])
meta = [outlets.display(art["outlet"], hi, knowledge.default()), labels.t(art["language"], hi, labels.LANGUAGES), art["published"] or "undated", f"`{outlets.file_name(art['source_file'])}`"]
st.markdown(" · ".join(html.escape(m) if not m.startswith("`") else m for m in meta))
if art["url"]:
    st.markdown(f"[Open the original]({art['url']})")

people = [(s[0], s[1], p["name"]) for p in rec.get("people", []) for s in p.get("spans", [])]
evidence = [(e["start"], e["end"], a["id"]) for a in rec.get("areas", []) for e in a.get("evidence", [])]
legend = '<mark>search term</mark> · <span class="person">person</span> · <span class="evidence">sentence evidencing an area</span>'
st.markdown(legend, unsafe_allow_html=True)
st.markdown(f'<div class="article-text">{highlight.highlight(art["body"], f.text, people, evidence, also)}</div>', unsafe_allow_html=True)

c1, c2 = st.columns(2)
with c1:
    st.subheader("Extracted record")
    eng = rec.get("engagement")
    if rec.get("india_japan") and eng:
        st.markdown(
            f"**{labels.t(eng['type'], hi, labels.TYPES)}** · {labels.t(eng['status'], hi, labels.STATUSES)} · {eng['date'] or 'date unknown'} · {eng['place'] or 'place unknown'}  \n"
            f"{', '.join(eng['participants']) or '—'}"
        )
    else:
        st.markdown("Not an India–Japan engagement. " + "; ".join(rec.get("extra", {}).get("reasons", [])))
    st.markdown("**Dates**")
    st.table([{"date": d["date"] or "unresolved", "role": d["role"], "text": d["text"]} for d in rec.get("dates", [])] or [{"date": "—", "role": "", "text": ""}])
    st.markdown("**People**")
    st.table([{"name": p["name"], "country": p["country"], "role": p["role"], "mentions": p["mentions"]} for p in rec.get("people", [])] or [{"name": "—"}])
with c2:
    st.subheader("Areas")
    st.table([{"area": labels.t(a["id"], hi, labels.AREAS), "mentions": a["count"], "keywords": ", ".join(a.get("keywords", []))} for a in rec.get("areas", [])] or [{"area": "—"}])
    if rec.get("warnings"):
        st.markdown("**Warnings**")
        for w in rec["warnings"]:
            st.markdown(f"- {html.escape(w)}")
    if art["engagement_id"]:
        if st.button("Show its engagement on the timeline", key="ar_to_eng"):
            common.go("dashboard/pages/timeline.py", e=art["engagement_id"])
review_ui.article_panel(path, art, hi, key="ar")
