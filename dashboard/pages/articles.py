"""The filtered article list and the full text of one article, with search terms, people and areas marked.

The detail is built from small sections (header, text, record) so more of the record (per-field
confidence and reasons) can be added beside them."""

import streamlit as st

from dashboard import cached, decided, highlight, labels, names, queries
from dashboard.pages import common, review_ui, safe

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
st.markdown(common.CSS, unsafe_allow_html=True)
st.title(labels.t("articles", hi))

common.bound(st.toggle, "all", "ar_only_ij", labels.t("only_ij", hi), to_widget=lambda everything: not everything, changes=lambda on: {"all": not on})
also: tuple[str, ...] = ()
if f.text:
    # a name is searched in every script it is written in (dashboard/expand.py); this turns it off
    common.bound(st.toggle, "exact", "ar_expand", labels.t("expand", hi), to_widget=lambda exact: not exact, changes=lambda on: {"exact": not on})
    also = queries.text_query(f.text, f.expand).also
    if also:
        shown = ", ".join(also[:12]) + (" " + labels.fmt("and_more", hi, n=len(also) - 12) if len(also) > 12 else "")
        st.caption(safe.md(labels.fmt("also_searched", hi, words=shown)))
arts = cached.articles(path, stamp, f, limit=2000, india_japan_only=not common.current()["all"])
if arts.empty:
    common.empty_state(hi)
    st.stop()
count = labels.n(len(arts), "articles", hi) + (" " + labels.t("first_2000", hi) if len(arts) == 2000 else "")
st.caption(labels.fmt("n_found", hi, n=count))
table = arts.assign(
    outlet=[common.outlet(o, hi) if o else "" for o in arts["outlet"]],
    language=[labels.t(x, hi, labels.LANGUAGES) for x in arts["language"]],
    engagement_type=[labels.t(x, hi, labels.TYPES) if isinstance(x, str) else "" for x in arts["engagement_type"]],
    # only web addresses become links (a javascript: or data: URL from a feed would run on click)
    url=[u if isinstance(u, str) and u.lower().startswith(("http://", "https://")) else None for u in arts["url"]],
).fillna("")
ev = st.dataframe(
    table[["published", "title", "outlet", "language", "engagement_type", "engagement_date", "url"]],
    key="ar_table",
    on_select="rerun",
    selection_mode="single-row",
    hide_index=True,
    width="stretch",
    height=min(36 + 35 * len(table), 36 + 35 * 18),  # up to 18 rows in view, then it scrolls
    row_height=35,
    column_config={
        "published": st.column_config.TextColumn(labels.t("col_published", hi), width=100),
        "title": st.column_config.TextColumn(labels.t("col_title", hi), width=500),
        "outlet": st.column_config.TextColumn(labels.t("col_source", hi), width=170),
        "language": st.column_config.TextColumn(labels.t("col_language", hi), width=100),
        "engagement_type": st.column_config.TextColumn(labels.t("col_engagement", hi), width=160),
        "engagement_date": st.column_config.TextColumn(labels.t("col_engagement_date", hi), width=130),
        "url": st.column_config.LinkColumn(labels.t("col_link", hi), display_text=labels.t("link_open", hi), width=70),
    },
)
row = common.picked_row("ar_table", ev)
if row is not None and row < len(arts) and arts.iloc[row]["id"] != common.current()["a"]:
    common.select(a=arts.iloc[row]["id"])


def matches() -> None:
    """The search's matches, each with its snippet: a click opens the article."""
    st.subheader(labels.t("matches", hi))
    st.caption(labels.t("matches_help", hi))
    box = st.container(key="matches")
    for r in arts.head(10).to_dict("records"):
        # the snippet's matches come wrapped in \x02 … \x03; everything else is escaped for Markdown
        parts = (r["snippet"] or "").replace("\x03", "\x02").split("\x02")
        text = "".join(f":orange-background[**{safe.md(p)}**]" if i % 2 else safe.md(p) for i, p in enumerate(parts))
        label = f"**{safe.md(r['title'])}**  \n{text}" if text else f"**{safe.md(r['title'])}**"
        box.button(label, key=f"match_{r['id']}", type="tertiary", on_click=common.update, kwargs={"a": r["id"]}, width="stretch")


aid = common.current()["a"]
if not aid:
    if f.text:
        matches()
    st.stop()
art = cached.article(path, stamp, aid)
if art is None:
    st.warning(labels.t("gone_article", hi))
    st.stop()
rec = art["record"]


def header(art: dict) -> None:
    common.heading(art["title"])
    meta = " · ".join(
        common.esc(m) for m in (common.outlet(art["outlet"], hi), labels.t(art["language"], hi, labels.LANGUAGES), art["published"] or labels.t("undated", hi))
    )
    original = common.link_html(art["url"], labels.t("open_original", hi))
    common.block(f'<p class="meta">{meta} · {common.esc(labels.t("file", hi))} <code>{common.esc(common.file_name(art["source_file"]))}</code>{" · " + original if original else ""}</p>')


def text(art: dict, rec: dict) -> None:
    people = [(s[0], s[1], p["name"]) for p in rec.get("people", []) for s in p.get("spans", [])]
    evidence = [(e["start"], e["end"], labels.t(a["id"], hi, labels.AREAS)) for a in rec.get("areas", []) for e in a.get("evidence", [])]
    common.block(
        f'<p><mark>{common.esc(labels.t("legend_term", hi))}</mark> · <span class="person">{common.esc(labels.t("legend_person", hi))}</span> · '
        f'<span class="evidence">{common.esc(labels.t("legend_evidence", hi))}</span></p>'
    )
    common.block(f'<div class="article-text">{highlight.highlight(art["body"], f.text, people, evidence, also)}</div>')


def record(art: dict, rec: dict) -> None:
    c1, c2 = st.columns(2)
    with c1:
        st.subheader(labels.t("record", hi))
        eng = rec.get("engagement")
        if rec.get("india_japan") and eng:
            dec = eng.get("decisions") or {}
            shown = {
                "type": labels.t(eng["type"], hi, labels.TYPES),
                "status": labels.t(eng["status"], hi, labels.STATUSES),
                "date": eng["date"] or labels.t("date_unknown", hi),
                "place": names.shown(eng["place"], hi) or labels.t("place_unknown", hi),
                "participants": ", ".join(names.shown_all(eng["participants"], hi)) or "—",
            }
            line = " · ".join(decided.marked(shown[k], dec, k) for k in ("type", "status", "date", "place"))
            common.block(f"<p><b>{common.esc(line)}</b><br>{common.esc(decided.marked(shown['participants'], dec, 'participants'))}</p>")
            common.how_decided(dec, shown, hi)  # what this article alone says; the engagement's are on the Timeline
        else:
            common.block(f"<p>{common.esc(labels.t('not_ij', hi))}</p>")
        st.markdown(f"**{labels.t('dates', hi)}**")
        common.table(
            [{"date": d["date"] or labels.t("unresolved", hi), "role": labels.t(d["role"], hi, labels.DATE_ROLES), "text": d["text"]} for d in rec.get("dates", [])],
            {"date": labels.t("col_date", hi), "role": labels.t("col_role", hi), "text": labels.t("col_text", hi)},
        )
        st.markdown(f"**{labels.t('people_h', hi)}**")
        common.table(
            [
                {"name": names.shown(p["name"], hi), "country": labels.t(p["country"], hi, labels.COUNTRIES), "role": labels.t(p.get("role_key") or "", hi, labels.ROLES) if p.get("role_key") in labels.ROLES else p["role"], "mentions": p["mentions"]}
                for p in rec.get("people", [])
            ],
            {"name": labels.t("col_name", hi), "country": labels.t("col_country", hi), "role": labels.t("col_role", hi), "mentions": labels.t("col_mentions", hi)},
        )
    with c2:
        st.subheader(labels.t("areas_h", hi))
        common.table(
            [{"area": labels.t(a["id"], hi, labels.AREAS), "mentions": a["count"], "keywords": ", ".join(a.get("keywords", []))} for a in rec.get("areas", [])],
            {"area": labels.t("col_area", hi), "mentions": labels.t("col_mentions", hi), "keywords": labels.t("col_keywords", hi)},
        )
        notes = list(rec.get("warnings") or []) + list((rec.get("extra") or {}).get("reasons") or [])
        if notes:
            with st.expander(labels.t("warnings", hi)):
                common.block('<ul lang="en" class="machine">' + "".join(f"<li>{common.esc(w)}</li>" for w in notes) + "</ul>")
        if art["engagement_id"]:
            common.link("timeline", labels.t("show_on_timeline", hi), icon=":material/timeline:", e=art["engagement_id"])


header(art)
text(art, rec)
record(art, rec)
review_ui.article_panel(path, art, hi, key="ar")
