"""Review: what most needs a human, worst first, worked from the keyboard (J next, K previous,
V right as shown, U undo); and the review log of every correction and what became of it."""

import html

import pandas as pd
import streamlit as st

from dashboard import cached, labels, names
from dashboard.pages import common, review_ui
from dashboard.queries import Filters
from dashboard.review import service

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
ss = st.session_state


def word(key: str) -> str:
    return labels.t(key, hi, labels.REVIEW_PAGE)

st.markdown(common.CSS, unsafe_allow_html=True)
st.title(labels.t("review", hi))

items, done = cached.review_queue(path, stamp)
total = len(items) + done
st.progress(done / total if total else 1.0, text=(f"{total} में से {done} की समीक्षा हो चुकी" if hi else f"{done} of {total} reviewed"))

tab_queue, tab_log = st.tabs(["कतार" if hi else "Queue", "समीक्षा लॉग" if hi else "Review log"])
with tab_log:
    log = service.review_log(cached.connection(path, stamp), hindi=hi, name=lambda e: review_ui.engagement_words(path, e, hi))
    if log:
        st.dataframe(
            pd.DataFrame(
                [
                    {word(k): v for k, v in (("col_when", r["at"][:16].replace("T", " ")), ("col_who", r["by"]), ("col_change", r["change"]), ("col_target", review_ui.target_words(path, r, hi)), ("col_note", r["note"]), ("col_state", r["state"]))}
                    for r in log
                ]
            ),
            hide_index=True,
            width="stretch",
            key="rv_log",
        )
    else:
        st.caption("No correction yet." if not hi else "अभी कोई सुधार नहीं।")

with tab_queue:
    if not items:
        st.success("Nothing waits for review." if not hi else "समीक्षा के लिए कुछ नहीं बचा।")
        st.stop()
    ids = [it.id for it in items]
    if ss.get("rv_current") not in ids:
        ss["rv_current"] = ids[0]

    def step(delta: int) -> None:
        i = ids.index(ss["rv_current"]) if ss.get("rv_current") in ids else 0
        ss["rv_current"] = ids[min(max(i + delta, 0), len(ids) - 1)]

    i = ids.index(ss["rv_current"])
    item = items[i]
    nav = st.columns([1, 1, 3, 3, 3], vertical_alignment="center")  # Streamlit shows each shortcut key on its button
    nav[0].button("◀", key="rv_prev", on_click=step, args=(-1,), shortcut="K", disabled=i == 0, help=word("prev_help"))
    nav[1].button("▶", key="rv_next", on_click=step, args=(1,), shortcut="J", disabled=i >= len(ids) - 1, help=word("next_help"))
    allowed, by = review_ui.reviewer(hi, "rvq")
    if nav[2].button(review_ui.w("right", hi), key="rv_v", shortcut="V", disabled=not (allowed and by)):
        review_ui.mark_reviewed(path, item.kind, item.id, hi, "rv", by)
        st.rerun()
    if nav[3].button(review_ui.w("undo", hi), key="rv_u", shortcut="U", disabled=not (allowed and by)):
        review_ui.undo("rv", hi, by, path)
        st.rerun()
    nav[4].caption(f"{i + 1} / {len(ids)} · " + html.escape(review_ui.tier_words(item.tier, hi)))

    def label(it) -> str:
        x = it.facts
        if it.kind == "article":
            return x.get("title") or it.id
        place = names.shown(x["place"], hi) if x.get("place") else labels.t("place_not_stated", hi)
        return f"{x.get('date') or labels.t('undated', hi)} · {labels.t(x.get('type') or 'other', hi, labels.TYPES)} · {place}"

    table = pd.DataFrame(
        [
            {"": "▶" if it.id == item.id else "", word("col_why"): review_ui.tier_words(it.tier, hi), word("col_what"): label(it), word("col_reasons"): "; ".join(review_ui.reason_words(it, hi))}
            for it in items[max(0, i - 3) : i + 12]
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch", key="rv_table", height=min(38 * (len(table) + 1), 420))

    st.subheader(label(item))
    common.block("<p>" + "<br>".join(common.esc(r) for r in review_ui.reason_words(item, hi)) + "</p>")
    if item.kind == "engagement":
        eng = cached.engagements(path, stamp, Filters())
        hit = eng[eng["id"] == item.id]
        if not hit.empty:
            row = hit.iloc[0]
            review_ui.marks(row, hi)
            shown = {
                "date": row["date"] if isinstance(row["date"], str) else labels.t("undated", hi),
                "type": labels.t(row["type"], hi, labels.TYPES),
                "status": common.status(row, hi, path, stamp),
                "place": names.shown(row["place"], hi) if isinstance(row["place"], str) and row["place"] else labels.t("place_not_stated", hi),
                "participants": ", ".join(names.shown_all(list(row["participants"]), hi)) or labels.t("participants_not_named", hi),
            }
            common.how_decided(row["decisions"], shown, hi)  # the parser's reasons stay its own words (class="machine")
            arts = cached.engagement_articles(path, stamp, item.id)
            for a in arts.to_dict("records"):
                c1, c2 = st.columns([6, 1], vertical_alignment="center")
                with c1:
                    common.block(f"<b>{common.esc(a['title'] or '')}</b> · {common.esc(common.source_line(a['outlet'], a['published'], hi))} · {common.esc(labels.t(a['language'], hi, labels.LANGUAGES))}")
                if c2.button(labels.t("read", hi), key=f"rv_read_{a['id']}"):
                    common.go("dashboard/pages/articles.py", a=a["id"])
        review_ui.engagement_panel(path, item.id, hi, key="rv", expanded=True, review_page=True, on_move=lambda e: ss.update(rv_current=e))
    else:
        art = cached.article(path, stamp, item.id)
        if art is not None:
            st.markdown(f'<div class="article-text">{html.escape((art["body"] or "")[:1500])}</div>', unsafe_allow_html=True)
            review_ui.article_panel(path, art, hi, key="rv", review_page=True)
