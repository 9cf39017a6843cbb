"""The Overview's "new since your last visit" block (called from overview.py with one line).

A visit is a browser session: its start is recorded once, so reruns within the session keep
showing what was new when it began, and the next session shows what came after.
"""

from __future__ import annotations

import streamlit as st

from dashboard import cached, labels, store
from dashboard.store import sources as src

L = {
    "new_since": ("New since your last visit", "आपकी पिछली विज़िट के बाद से नया"),
    "new_articles": ("New articles", "नए लेख"),
    "new_engagements": ("New engagements", "नए संपर्क"),
    "more_reports": ("Engagements with new reports", "नई रिपोर्टों वाले संपर्क"),
    "watch_matches": ("New watch matches", "निगरानी के नए मिलान"),
    "since": ("Since {when} UTC", "{when} यूटीसी से"),
    "stories": ("{r} report(s), {s} independent stor{y}", "{r} रिपोर्ट, {s} स्वतंत्र ख़बरें"),
    "is_new": ("new", "नया"),
    "more": ("more reports", "और रिपोर्टें"),
    "open": ("Open", "खोलें"),
    "watch": ("Watch", "निगरानी"),
}


def _user() -> str:
    """The signed-in analyst when login is on (dashboard/auth.py, when present), else one shared visitor."""
    try:
        from dashboard import auth  # type: ignore[attr-defined]
    except ImportError:
        return "default"
    who = getattr(auth, "who", None)
    name = who() if callable(who) else None
    return str(name or "default")


def _previous_visit(path: str) -> str | None:
    key = "_new_since_previous_visit"
    if key not in st.session_state:
        user = _user()
        try:
            db = store.connect(path)
            st.session_state[key] = src.last_visit(db, user)
            src.record_visit(db, user)
            db.conn.close()
        except Exception:  # a busy or read-only database: the block is a convenience, not a page
            st.session_state[key] = None
    return st.session_state[key]


def render(path: str, db, hi: bool, go) -> None:
    previous = _previous_visit(path)
    news = cached.new_since(path, cached.stamp(path), _user(), previous)  # cached: computed once per data version
    if news is None:
        return
    st.subheader(labels.t("new_since", hi, L))
    st.caption(labels.t("since", hi, L).format(when=str(previous).replace("T", " ").rstrip("Z")[:16]))
    c = st.columns(4)
    c[0].metric(labels.t("new_articles", hi, L), news["articles"])
    c[1].metric(labels.t("new_engagements", hi, L), news["new_engagements"])
    c[2].metric(labels.t("more_reports", hi, L), news["updated_engagements"])
    c[3].metric(labels.t("watch_matches", hi, L), len(news["watch_hits"]))
    for e in news["engagements"][:5]:
        left, right = st.columns([5, 1])
        stories = labels.t("stories", hi, L).format(r=e["reports"], s=e["stories"], y="y" if e["stories"] == 1 else "ies")
        flag = labels.t("is_new" if e["is_new"] else "more", hi, L)
        who = ", ".join(e["participants"][:3]) or "—"
        left.markdown(
            f"**{e['date'] or e['sort_date'] or '—'}** · {labels.t(e['type'], hi, labels.TYPES)} · "
            f"{plain(e['place'] or '—')} · {plain(who)} — {stories} ({flag})"
        )
        if right.button(labels.t("open", hi, L), key=f"new_since_{e['id']}"):
            go("dashboard/pages/timeline.py", e=e["id"])
    for h in news["watch_hits"][:5]:
        st.caption(f"{labels.t('watch', hi, L)} {plain(h['watch'])}: {h['date'] or '—'} · {labels.t(h['type'] or '', hi, labels.TYPES)} · {plain(h['place'] or '—')}")


try:  # the project's one Markdown escape, once the hardening slice has landed it
    from dashboard.highlight import markdown_escape as _escape  # type: ignore[attr-defined]
except ImportError:

    def _escape(text: str) -> str:
        return "".join("\\" + c if c in "\\`*_{}[]#|<>~" else c for c in text).replace("\n", " ")


def plain(text) -> str:
    """Text from the web shown in Markdown as typed: no link, image or emphasis comes out of it."""
    return _escape("" if text is None else str(text))
