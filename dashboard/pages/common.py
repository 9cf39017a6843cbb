"""What every page shares: the database, the sidebar filters and their mirror in the URL.

Filters live in st.session_state (so they survive a page switch) and in st.query_params (so a
copied link reproduces the view, on any page).
"""

from __future__ import annotations

import html
from datetime import date

import streamlit as st

from dashboard import cached, labels, store
from dashboard.queries import Filters

# URL key -> (session key, kind)
PARAMS = {
    "from": ("f_from", "date"),
    "to": ("f_to", "date"),
    "type": ("f_types", "list"),
    "status": ("f_statuses", "list"),
    "area": ("f_areas", "list"),
    "person": ("f_people", "list"),
    "lang": ("f_languages", "list"),
    "source": ("f_sources", "list"),
    "q": ("f_text", "text"),
    "hi": ("hindi", "bool"),
    "present": ("present", "bool"),  # the briefing's presentation mode, kept across pages
}
PAGE_PARAMS = ("e", "a", "cell", "period", "value", "norm", "slide", "cf", "ct", "place", "pair")  # slide, compare from/to: the briefing; place: the map; pair: who met whom
CSS = """
<style>
mark { background: #ffe066; color: #000; padding: 0 2px; border-radius: 2px; }
.person { font-weight: 700; color: #0b3d91; }
.evidence { border-bottom: 2px solid #e67e22; }
.article-text { font-size: 1.12rem; line-height: 1.75; max-width: 52rem; }
.quote { border-left: 4px solid #1f4e9c; padding: .2rem .8rem; margin: .4rem 0; font-size: 1.05rem; }
.quote .src { color: #555; font-size: .9rem; }
.rv-marks { color: #8a4b00; font-size: .95rem; margin: .1rem 0 .4rem; }
</style>
"""


def database() -> tuple[str, tuple]:
    """(path, stamp) of the database, or a clear message and a stop: never a traceback."""
    path = str(store.db_path())
    try:
        stamp = cached.stamp(path)
        cached.connection(path, stamp)
    except store.SchemaTooNew as exc:
        st.error(f"This database was written by a newer version of the dashboard. {exc}")
        st.stop()
    except store.StoreError as exc:
        msg = str(exc)
        if "does not exist" in msg:
            st.error(f"The database file {path} is missing. Build it with `python -m dashboard ingest data/sample --db {path}` or remove DASHBOARD_DB to use the sample data.")
        elif "locked" in msg:
            st.error(f"The database is busy (locked by another program). Reload the page in a moment. ({msg})")
        else:
            st.error(f"The database cannot be opened: {msg}")
        st.stop()
    return path, stamp


def _from_url() -> None:
    """Once per session (and whenever the URL was edited), copy URL parameters into widget state."""
    qp = st.query_params
    signature = tuple(sorted((k, tuple(qp.get_all(k))) for k in qp.keys()))
    if st.session_state.get("_url_sig") == signature:
        return
    for key, (skey, kind) in PARAMS.items():
        vals = qp.get_all(key)
        if kind == "list":
            st.session_state[skey] = list(vals)
        elif kind == "date":
            try:
                st.session_state[skey] = date.fromisoformat(vals[0]) if vals else None
            except ValueError:
                st.session_state[skey] = None
        elif kind == "text":
            st.session_state[skey] = vals[0] if vals else ""
        elif kind == "bool":
            st.session_state[skey] = bool(vals and vals[0] in ("1", "true", "yes"))
    for key in PAGE_PARAMS:
        vals = qp.get_all(key)
        st.session_state["p_" + key] = vals[0] if vals else None
    st.session_state["_url_sig"] = signature


def to_url() -> None:
    """Write the current filters and page state back to the URL."""
    out: dict[str, str | list[str]] = {}
    for key, (skey, kind) in PARAMS.items():
        v = st.session_state.get(skey)
        if not v:
            continue
        if kind == "list":
            out[key] = list(v)
        elif kind == "date":
            out[key] = v.isoformat()
        elif kind == "bool":
            out[key] = "1"
        else:
            out[key] = str(v)
    for key in PAGE_PARAMS:
        v = st.session_state.get("p_" + key)
        if v:
            out[key] = str(v)
    current = {k: (st.query_params.get_all(k) if len(st.query_params.get_all(k)) > 1 else st.query_params.get(k)) for k in st.query_params.keys()}
    if current != out:
        st.query_params.from_dict(out)
    st.session_state["_url_sig"] = tuple(sorted((k, tuple(v) if isinstance(v, list) else (v,)) for k, v in out.items()))


def _clear() -> None:
    for skey, kind in PARAMS.values():
        if skey == "hindi":
            continue
        st.session_state[skey] = [] if kind == "list" else (None if kind == "date" else "")
    for key in PAGE_PARAMS:
        st.session_state["p_" + key] = None


def sidebar(path: str, stamp: tuple) -> tuple[Filters, bool]:
    """The shared filters; returns them and whether labels are in Hindi."""
    _from_url()
    opts = cached.options(path, stamp)
    hi = st.sidebar.toggle("हिंदी", key="hindi", help="Show labels in Hindi")
    sb = st.sidebar
    sb.header(labels.t("filters", hi))
    lo, up = opts["range"]
    lo_d = date.fromisoformat(lo[:10]) if lo else date(2014, 1, 1)
    up_d = date.fromisoformat(up[:10]) if up else date.today()
    c1, c2 = sb.columns(2)
    c1.date_input("From", min_value=date(1990, 1, 1), max_value=date(2100, 1, 1), key="f_from", format="YYYY-MM-DD", help=f"Data from {lo_d}")
    c2.date_input("To", min_value=date(1990, 1, 1), max_value=date(2100, 1, 1), key="f_to", format="YYYY-MM-DD", help=f"Data to {up_d}")
    sb.text_input(labels.t("search", hi), key="f_text", placeholder="आतंकवाद, maritime, \"2+2\" …")

    def multi(label_key: str, skey: str, options: list[str], table: dict | None = None) -> None:
        current = [v for v in st.session_state.get(skey, []) if v in options]
        st.session_state[skey] = current
        sb.multiselect(labels.t(label_key, hi), options, key=skey, format_func=(lambda v: labels.t(v, hi, table)) if table else str)

    multi("types", "f_types", opts["types"], labels.TYPES)
    multi("status", "f_statuses", opts["statuses"], labels.STATUSES)
    multi("areas_f", "f_areas", opts["areas"], labels.AREAS)
    multi("people", "f_people", opts["people"])
    multi("languages", "f_languages", opts["languages"], labels.LANGUAGES)
    multi("sources", "f_sources", opts["sources"])
    sb.button(labels.t("reset", hi), on_click=_clear, key="clear_filters")
    f = current_filters()
    to_url()
    return f, hi


def current_filters() -> Filters:
    ss = st.session_state
    return Filters(
        date_from=ss["f_from"].isoformat() if ss.get("f_from") else None,
        date_to=ss["f_to"].isoformat() if ss.get("f_to") else None,
        types=tuple(ss.get("f_types") or ()),
        statuses=tuple(ss.get("f_statuses") or ()),
        areas=tuple(ss.get("f_areas") or ()),
        people=tuple(ss.get("f_people") or ()),
        languages=tuple(ss.get("f_languages") or ()),
        sources=tuple(ss.get("f_sources") or ()),
        text=(ss.get("f_text") or "").strip(),
    )


def go(page: str, **params: str | None) -> None:
    """Switch page carrying page state (engagement, article, cell) in session and URL."""
    for k, v in params.items():
        st.session_state["p_" + k] = v
    to_url()
    st.switch_page(page)


def quote(sentence: str, source: str, language: str) -> str:
    return f'<div class="quote" lang="{html.escape(language or "", quote=True)}">{html.escape(sentence)}<div class="src">— {html.escape(source or "")}</div></div>'


def empty_state(hi: bool) -> None:
    st.info(labels.t("no_match", hi))
