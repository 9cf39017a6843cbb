"""Sources: the feeds, sitemaps and pages followed, how each last went, stories and their reports,
and watches (saved filters whose new matches each follow round records). Fetching itself runs
outside the app (`python -m dashboard follow`); this page only reads and edits the list."""

import json
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from dashboard import briefing, cached, knowledge, labels, store
from dashboard.follow import alerts, schedule
from dashboard.follow.urls import Policy, Refused, normalise, origin
from dashboard.pages import common
from dashboard.pages.new_since import plain
from dashboard.store import sources as src

EVERY = list(labels.EVERY)  # the stored forms: schedule.seconds reads them
LANGS = ["detect", "hi", "en", "ja", "mr"]


def word(key: str, **values) -> str:
    text = labels.t(key, hi, labels.SOURCES_PAGE)
    return text.format(**values) if values else text


def when(stamp: str | None) -> str:
    """A stored UTC time stamp as people write it: 2026-12-08 03:12 UTC."""
    return f"{stamp[:10]} {stamp[11:16]} {word('utc')}" if stamp and len(stamp) >= 16 else (stamp or "")


def commands(text: str, *cmds: str) -> str:
    """A sentence as HTML with command lines in it (§1, §2 …): the commands are typed as they are,
    in English, so they are marked as the machine's words."""
    out = common.esc(text)
    for i, c in enumerate(cmds, 1):
        out = out.replace(f"§{i}", f'<code class="machine" lang="en">{common.esc(c)}</code>')
    return out


def can_edit() -> bool:
    """Write actions need the editor role when login is on (dashboard/auth.py, when present)."""
    try:
        from dashboard import auth  # type: ignore[attr-defined]
    except ImportError:
        return True
    check = getattr(auth, "can_edit", None)
    return bool(check()) if callable(check) else True


def writer():
    return store.connect(path)


path, stamp = common.database()
f, hi = common.sidebar(path, stamp)
st.markdown(common.CSS, unsafe_allow_html=True)
st.title(word("sources"))
st.caption(word("caption"))
editor = can_edit()
db = cached.connection(path, stamp)
kb = knowledge.default()
rows = src.sources(db)

st.subheader(word("add"))
with st.form("add_source", clear_on_submit=True):
    c1, c2 = st.columns([3, 1])
    url = c1.text_input(word("url"), key="src_url", placeholder="https://…")
    name = c2.text_input(word("name"), key="src_name", placeholder=word("name_ph"))
    c3, c4, c5 = st.columns([1, 1, 2])
    every = c3.selectbox(word("every"), EVERY, index=1, format_func=lambda x: labels.t(x, hi, labels.EVERY), placeholder=word("every"), key="src_every")
    lang = c4.selectbox(word("language"), LANGS, format_func=lambda x: word("detect") if x == "detect" else labels.t(x, hi, labels.LANGUAGES), placeholder=word("language"), key="src_lang")
    private = c5.checkbox(word("private"), key="src_private", help=word("private_help"))
    added = st.form_submit_button(word("follow"), type="primary", disabled=not editor)
if not editor:
    st.caption(word("editor_needed"))
if added and editor:
    u = normalise(url or "")
    p = urlsplit(u)
    if p.scheme not in ("http", "https") or not p.hostname:
        st.error(word("bad_url"))
    else:
        allow = [origin(u)] if private else []
        try:
            Policy(frozenset(allow)).check(u)
            ok = True
        except Refused as exc:
            ok = exc.temporary
            (st.warning if ok else st.error)(plain(exc))
        if ok:
            w = writer()
            row = src.add_source(w, u, (name or "").strip() or p.hostname, int(schedule.seconds(every)), None if lang == "detect" else lang, "auto", allow)
            w.conn.close()
            st.success(word("following", name=plain(row["name"])))
            st.rerun()

st.subheader(word("followed"))
if not rows:
    common.block(f'<div class="notice">{commands(word("none_followed", cmd="§1"), "python -m dashboard sources add URL")}</div>')
else:
    table = pd.DataFrame(
        [
            {
                word("col_id"): r["id"],
                word("col_name"): r["name"],
                word("col_status"): word("paused" if r["status"] == "paused" else "active"),
                word("col_result"): labels.t(r["last_outcome"], hi, labels.OUTCOMES) if r["last_outcome"] else word("not_fetched"),
                word("col_error"): r["paused_reason"] or r["last_error"] or "",
                word("col_new"): r["last_new"] or 0,
                word("col_near"): r["last_near"] or 0,
                word("col_duplicate"): r["last_duplicate"] or 0,
                word("col_failed"): r["last_failed"] or 0,
                word("col_last"): when(r["last_fetch"]) or word("never"),
                word("col_next"): "—" if r["status"] == "paused" else (when(r["next_fetch"]) or word("now")),
                word("col_kind"): labels.t(r["kind"], hi, labels.SOURCE_KINDS),
                word("col_url"): r["url"],
            }
            for r in rows
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch", key="src_table")
    for r in rows:
        if r["status"] == "paused":
            st.warning(word("is_paused", name=f"**{plain(r['name'])}**", why=plain(r["paused_reason"])))
    problems = [r for r in rows if r["status"] == "active" and (r["last_outcome"] == "failed" or r["last_failed"])]
    if problems:
        st.markdown(
            f"**{word('last_errors')}**\n\n"
            + "\n".join(
                f"- **{plain(r['name'])}**: {plain(r['last_error'])}" + ("" if r["last_outcome"] == "failed" else f" ({word('links_failed', n=r['last_failed'])})")
                for r in problems
            )
        )
    by_label = {f"{r['name']} ({r['url']})": r for r in rows}
    c1, c2, c3, c4, c5 = st.columns([4, 1, 1, 1, 1])
    pick = c1.selectbox(word("pick"), list(by_label), key="src_pick", label_visibility="collapsed", placeholder=labels.t("pick", hi, labels.SOURCES_PAGE))
    chosen = by_label[pick]
    acts = {
        "pause": c2.button(word("pause"), key="src_pause", disabled=not editor or chosen["status"] == "paused"),
        "resume": c3.button(word("resume"), key="src_resume", disabled=not editor or chosen["status"] == "active"),
        "now": c4.button(word("fetch_soon"), key="src_now", disabled=not editor, help=word("fetch_soon_help")),
        "remove": c5.button(word("remove"), key="src_remove", disabled=not editor, help=word("remove_help")),
    }
    if editor and any(acts.values()):
        w = writer()
        if acts["pause"]:
            src.set_status(w, chosen["id"], "paused", "paused by hand")
        elif acts["resume"]:
            src.set_status(w, chosen["id"], "active")
        elif acts["now"]:
            src.update_source(w, chosen["id"], next_fetch=store.now())
        elif acts["remove"]:
            src.remove_source(w, chosen["id"])
        w.conn.close()
        st.rerun()

st.subheader(word("stories"))
counts = src.story_counts(db)
c = st.columns(3)
c[0].metric(word("reports_followed"), counts["reports"], help=word("reports_followed_help"))
c[1].metric(word("independent"), counts["stories"], help=word("independent_help"))
c[2].metric(word("syndicated"), len(src.stories(db, limit=1000)), help=word("syndicated_help"))
multi = src.stories(db)
if multi:
    heads = {"title": word("col_title"), "reports": word("col_reports"), "outlets": word("col_outlets"), "first_seen": word("col_first_seen")}
    table = pd.DataFrame(multi)[list(heads)]
    table["first_seen"] = table["first_seen"].map(when)
    st.dataframe(table.rename(columns=heads), hide_index=True, width="stretch", key="src_stories")

st.subheader(word("watches"))
with st.form("add_watch", clear_on_submit=True):
    c1, c2 = st.columns([3, 1])
    wname = c1.text_input(word("watch_name"), key="watch_name", placeholder=word("watch_ph"))
    c2.caption(plain(briefing.describe(f, hi, kb)) or word("no_filters"))
    saved = st.form_submit_button(word("save_watch"), disabled=not editor)
if saved and editor:
    if not (wname or "").strip():
        st.error(word("watch_needs_name"))
    else:
        w = writer()
        alerts.save_watch(w, wname, f)
        w.conn.close()
        st.success(word("watch_saved", name=plain(wname.strip())))
        st.rerun()
for wt in src.watches(db):
    with st.expander(word("new_matches", name=wt["name"], n=wt["new_matches"]), expanded=bool(wt["new_matches"])):
        st.caption(plain(briefing.describe(alerts.filters_from_dict(wt["filters"]), hi, kb)) or word("no_filters"))
        hits = src.watch_hits(db, wt["id"])
        if hits:
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            word("col_found"): when(h["found_at"]),
                            word("col_date"): h["date"] or labels.t("undated", hi),
                            word("col_type"): labels.t(h["type"] or "other", hi, labels.TYPES),
                            word("col_place"): kb.shown(h["place"], hi) if h["place"] else labels.t("place_not_stated", hi),
                            word("col_participants"): ", ".join(kb.shown(n, hi) for n in (h["participants"] if isinstance(h["participants"], list) else json.loads(h["participants"] or "[]"))),
                        }
                        for h in hits
                    ]
                ),
                hide_index=True,
                width="stretch",
                key=f"watch_hits_{wt['id']}",
            )
        if st.button(word("remove_watch"), key=f"watch_rm_{wt['id']}", disabled=not editor):
            w = writer()
            src.remove_watch(w, wt["id"])
            w.conn.close()
            st.rerun()

st.subheader(word("rounds"))
runs = src.follow_runs(db)
if runs:
    heads = {"started": word("col_started"), "finished": word("col_finished"), "new": word("col_new"), "duplicate": word("col_duplicate"), "failed": word("col_failed")}
    table = pd.DataFrame(runs)[list(heads)]
    table["started"], table["finished"] = table["started"].map(when), table["finished"].map(when)
    st.dataframe(table.rename(columns=heads), hide_index=True, width="stretch", key="src_runs")
else:
    common.block(f'<p class="meta">{commands(word("no_rounds", once="§1", every="§2"), "python -m dashboard follow", "python -m dashboard follow --every 30m")}</p>')
