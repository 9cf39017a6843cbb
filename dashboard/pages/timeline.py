"""Timeline of engagements; selecting a mark opens its detail: both sides, areas with evidence, every report.

The detail is built from small sections (detail_header, sides, evidence, reports) so more of the
record (per-field confidence and reasons) can be added beside them."""

import pandas as pd
import streamlit as st

from dashboard import cached, charts, decided, knowledge, labels, names, outlets
from dashboard.pages import common, review_ui
from dashboard.queries import Filters

path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
st.markdown(common.CSS, unsafe_allow_html=True)
st.title(labels.t("timeline", hi))
st.caption(labels.t("tl_caption", hi))

eng = common.in_script(cached.engagements(path, stamp, f), hi)
if eng.empty:
    common.empty_state(hi)
    st.stop()

ev = st.plotly_chart(charts.timeline(eng, hi), key="tl_chart", on_select="rerun", selection_mode="points", width="stretch", theme=None)
point = common.picked("tl_chart", ev)
if point and point.get("customdata") and point["customdata"] != common.current()["e"]:
    common.select(e=point["customdata"])


def describe(r) -> str:
    return f"{r['sort_date'] or ''} · {labels.t(r['type'], hi, labels.TYPES)} · {r['place'] or labels.t('place_not_stated', hi)}"


selected = review_ui.current_id(path, common.current()["e"])  # an id from before a regrouping finds its engagement
if selected != common.current()["e"]:
    common.update(e=selected)
ids = set(eng["id"])
row = None
if selected and selected not in ids:
    # opened from a link whose filters do not select it: show it anyway, and say so
    everything = common.in_script(cached.engagements(path, stamp, Filters()), hi)
    hit = everything[everything["id"] == selected]
    row = hit.iloc[0] if not hit.empty else None
# the picker lists the latest 1,000 engagements (the chart shows them all) and the open one
choices = {r["id"]: describe(r) for r in eng.tail(1000).to_dict("records")}
if selected in ids and selected not in choices:
    choices[selected] = describe(eng[eng["id"] == selected].iloc[0])
elif row is not None:
    choices[selected] = describe(row)
common.bound(
    st.selectbox,
    "e",
    "tl_pick",
    labels.t("engagement", hi),
    list(reversed(list(choices))),
    to_widget=lambda e: e if e in choices else None,
    format_func=choices.get,
    index=None,
    placeholder=labels.t("choose_engagement", hi),
)
if not selected:
    st.stop()
if selected in ids:
    row = eng[eng["id"] == selected].iloc[0]
elif row is None:
    st.info(labels.t("gone_engagement", hi))
    st.stop()
else:
    st.info(labels.t("gone_engagement", hi))

arts = cached.engagement_articles(path, stamp, selected)


def detail_header(row, arts: pd.DataFrame) -> None:
    """The values, an unsure one marked '?', then each beside how sure the parser is and why."""
    dec = row["decisions"]
    when = row["date"] or row["sort_date"]
    common.heading(f"{decided.marked(when, dec, 'date')} · {decided.marked(labels.t(row['type'], hi, labels.TYPES), dec, 'type')}")
    status_text = common.status(row, hi, path, stamp)  # 'ongoing' as of the last report, not today
    status = decided.marked(status_text, dec, "status")
    place = decided.marked(row["place"], dec, "place") or labels.t("place_not_stated", hi)
    langs = ", ".join(labels.t(x, hi, labels.LANGUAGES) for x in row["languages"])
    reports = labels.fmt("n_reports_in", hi, n=labels.n(int(row["n_articles"]), "reports", hi), languages=langs)
    common.block(f'<p class="meta"><b>{common.esc(status)}</b> · {common.esc(place)} · {common.esc(reports)}</p>')
    st.caption(outlets.reports_line(arts["outlet"].tolist(), knowledge.default(), hi))  # 'N articles from M independent outlets'
    shown = {
        "date": f"{when} – {row['end_date']}" if row.get("end_date") else when,
        "type": labels.t(row["type"], hi, labels.TYPES),
        "status": status_text,
        "place": row["place"] or labels.t("place_not_stated", hi),
        "participants": ", ".join(row["participants"]) or labels.t("not_named", hi),
    }
    common.how_decided(dec, shown, hi)


def sides(engagement_id: str) -> None:
    parts = cached.participants(path, stamp, engagement_id)
    for col, side in zip(st.columns(2), ("India", "Japan"), strict=True):
        with col:
            st.subheader(f"{labels.t(side, hi, labels.COUNTRIES)} — {labels.t('participants', hi)}")
            people = names.shown_all(parts.loc[parts["country"] == side, "name"], hi)
            common.block(f"<p>{common.esc(', '.join(people) or labels.t('not_named', hi))}</p>")


def evidence(row, arts: pd.DataFrame) -> None:
    st.subheader(labels.t("evidence", hi))
    evid = cached.evidence(path, stamp, tuple(arts["id"]), None)
    for area in row["areas"]:
        rows = evid[evid["area"] == area]
        counted = labels.fmt("sentences_in", hi, s=labels.n(len(rows), "sentences", hi), a=labels.n(rows["article_id"].nunique(), "articles_in", hi))
        title = f"{labels.t(area, hi, labels.AREAS)} — {counted}"
        with st.expander(title, expanded=False):
            common.block("".join(common.quote(r["sentence"], common.source_line(r["outlet"], r["published"], hi), r["language"]) for r in rows.head(8).to_dict("records")))


def reports(arts: pd.DataFrame) -> None:
    st.subheader(labels.t("reported_by", hi))
    for a in arts.to_dict("records"):
        c1, c2 = st.columns([6, 1], vertical_alignment="center")
        with c1:
            meta = " · ".join(
                common.esc(x)
                for x in (common.outlet(a["outlet"], hi), labels.t(a["language"], hi, labels.LANGUAGES), a["published"] or labels.t("undated", hi))
            )
            common.block(f'<p><b>{common.esc(a["title"])}</b><br><span class="meta">{meta} · <code>{common.esc(common.file_name(a["source_file"]))}</code></span></p>')
        with c2:
            common.link("articles", labels.t("read", hi), icon=":material/article:", a=a["id"])


detail_header(row, arts)
review_ui.marks(row, hi)  # "✎ date corrected by A. Sharma on 2026-12-08"
review_ui.engagement_panel(path, selected, hi, key="tl", on_move=lambda e: common.update(e=e))
sides(selected)
evidence(row, arts)
reports(arts)
