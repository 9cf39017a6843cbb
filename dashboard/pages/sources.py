"""Sources: the feeds, sitemaps and pages followed, how each last went, stories and their reports,
and watches (saved filters whose new matches each follow round records). Fetching itself runs
outside the app (`python -m dashboard follow`); this page only reads and edits the list."""

from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from dashboard import cached, labels, queries, store
from dashboard.follow import alerts, schedule
from dashboard.follow.urls import Policy, Refused, normalise, origin
from dashboard.pages import common
from dashboard.pages.new_since import plain
from dashboard.store import sources as src

L = {
    "sources": ("Sources", "स्रोत"),
    "add": ("Follow a source", "नया स्रोत जोड़ें"),
    "followed": ("Followed sources", "जिन स्रोतों का अनुसरण हो रहा है"),
    "stories": ("Stories and reports", "ख़बरें और रिपोर्टें"),
    "watches": ("Watches", "निगरानी"),
    "rounds": ("Recent follow rounds", "हाल के दौर"),
}
EVERY = ["15m", "30m", "1h", "3h", "6h", "12h", "1d"]


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
st.title(labels.t("sources", hi, L))
st.caption(
    "Feeds (RSS, Atom), sitemaps and article pages that `python -m dashboard follow` fetches on a schedule; "
    "new articles are parsed and stored like uploaded files. The same story at several addresses is stored once, "
    "and a wire story re-published by several outlets is one story with several reports."
)
editor = can_edit()
db = cached.connection(path, stamp)
rows = src.sources(db)

st.subheader(labels.t("add", hi, L))
with st.form("add_source", clear_on_submit=True):
    c1, c2 = st.columns([3, 1])
    url = c1.text_input("URL of a feed, sitemap or article page", key="src_url", placeholder="https://example.org/defence/rss.xml")
    name = c2.text_input("Name", key="src_name", placeholder="(its host)")
    c3, c4, c5 = st.columns([1, 1, 2])
    every = c3.selectbox("Fetch every", EVERY, index=1, key="src_every")
    lang = c4.selectbox("Language", ["(detect)", "hi", "en", "ja", "mr"], key="src_lang")
    private = c5.checkbox("It is on this machine or a private network", key="src_private", help="Allows only this URL's host and port; links from it to other private addresses are still refused.")
    added = st.form_submit_button("Follow", type="primary", disabled=not editor)
if not editor:
    st.caption("Adding, pausing and removing sources needs the editor role.")
if added and editor:
    u = normalise(url or "")
    p = urlsplit(u)
    if p.scheme not in ("http", "https") or not p.hostname:
        st.error("A source is an http or https URL.")
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
            row = src.add_source(w, u, (name or "").strip() or p.hostname, int(schedule.seconds(every)), None if lang == "(detect)" else lang, "auto", allow)
            w.conn.close()
            st.success(f"Following {plain(row['name'])}: fetched at the next follow round.")
            st.rerun()

st.subheader(labels.t("followed", hi, L))
if not rows:
    st.info("No source is followed yet. Add one above, or: `python -m dashboard sources add URL`.")
else:
    table = pd.DataFrame(
        [
            {
                "id": r["id"],
                "name": r["name"],
                "status": "paused" if r["status"] == "paused" else "active",
                "result": r["last_outcome"] or "not fetched yet",
                "last error": r["paused_reason"] or r["last_error"] or "",
                "new": r["last_new"] or 0,
                "other reports": r["last_near"] or 0,
                "duplicate": r["last_duplicate"] or 0,
                "failed": r["last_failed"] or 0,
                "last fetch": r["last_fetch"] or "never",
                "next fetch": "—" if r["status"] == "paused" else (r["next_fetch"] or "now"),
                "kind": r["kind"],
                "url": r["url"],
            }
            for r in rows
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch", key="src_table")
    for r in rows:
        if r["status"] == "paused":
            st.warning(f"**{plain(r['name'])}** is paused: {plain(r['paused_reason'])}")
    problems = [r for r in rows if r["status"] == "active" and (r["last_outcome"] == "failed" or r["last_failed"])]
    if problems:
        st.markdown(
            "**Last errors**\n\n"
            + "\n".join(
                f"- **{plain(r['name'])}**: {plain(r['last_error'])}" + ("" if r["last_outcome"] == "failed" else f" ({r['last_failed']} link(s) failed)")
                for r in problems
            )
        )
    by_label = {f"{r['name']} ({r['url']})": r for r in rows}
    c1, c2, c3, c4, c5 = st.columns([4, 1, 1, 1, 1])
    pick = c1.selectbox("Source", list(by_label), key="src_pick", label_visibility="collapsed")
    chosen = by_label[pick]
    acts = {
        "pause": c2.button("Pause", key="src_pause", disabled=not editor or chosen["status"] == "paused"),
        "resume": c3.button("Resume", key="src_resume", disabled=not editor or chosen["status"] == "active"),
        "now": c4.button("Fetch soon", key="src_now", disabled=not editor, help="Due at the next follow round"),
        "remove": c5.button("Remove", key="src_remove", disabled=not editor, help="Stop following it; its articles stay"),
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

st.subheader(labels.t("stories", hi, L))
counts = src.story_counts(db)
c = st.columns(3)
c[0].metric("Reports followed", counts["reports"], help="Pages stored or counted by following, one per outlet's page")
c[1].metric("Independent stories", counts["stories"], help="Reports that are copies of one wire story (near-duplicates) count once")
c[2].metric("Syndicated stories", len(src.stories(db, limit=1000)), help="Stories carried by more than one outlet")
multi = src.stories(db)
if multi:
    st.dataframe(pd.DataFrame(multi)[["title", "reports", "outlets", "first_seen"]], hide_index=True, width="stretch", key="src_stories")

st.subheader(labels.t("watches", hi, L))
with st.form("add_watch", clear_on_submit=True):
    c1, c2 = st.columns([3, 1])
    wname = c1.text_input("Save the current sidebar filters as a watch named", key="watch_name", placeholder="e.g. maritime exercises")
    c2.caption(plain(queries.describe(f)) or "no filters")
    saved = st.form_submit_button("Save watch", disabled=not editor)
if saved and editor:
    if not (wname or "").strip():
        st.error("A watch needs a name.")
    else:
        w = writer()
        alerts.save_watch(w, wname, f)
        w.conn.close()
        st.success(f"Watch {plain(wname.strip())} saved: what matches now is its baseline; later matches show here.")
        st.rerun()
for wt in src.watches(db):
    with st.expander(f"{wt['name']} — {wt['new_matches']} new match(es)", expanded=bool(wt["new_matches"])):
        st.caption(plain(alerts.filters_to_dict(alerts.filters_from_dict(wt["filters"]))) or "no filters")
        hits = src.watch_hits(db, wt["id"])
        if hits:
            st.dataframe(
                pd.DataFrame(hits)[["found_at", "date", "type", "place", "participants"]],
                hide_index=True,
                width="stretch",
                key=f"watch_hits_{wt['id']}",
            )
        if st.button("Remove watch", key=f"watch_rm_{wt['id']}", disabled=not editor):
            w = writer()
            src.remove_watch(w, wt["id"])
            w.conn.close()
            st.rerun()

st.subheader(labels.t("rounds", hi, L))
runs = src.follow_runs(db)
if runs:
    st.dataframe(pd.DataFrame(runs), hide_index=True, width="stretch", key="src_runs")
else:
    st.caption("No follow round yet. Run `python -m dashboard follow` (once) or `python -m dashboard follow --every 30m`.")
