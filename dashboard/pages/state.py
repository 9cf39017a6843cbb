"""The one place the view lives in a session, and its mirror in the URL.

Streamlit keeps a widget's value only while the widget is drawn on the page it belongs to: its
id includes the page, so the same sidebar filter on another page is another widget, and a page
switch through st.switch_page or the navigation menu also clears the URL. A view kept in widget
keys, or re-read from the URL on every page, is lost on the first switch. So the view is a plain
dict under one session key (never a widget key); widgets are drawn from it and write back to it
in their on_change callbacks (which run before the page); the URL and the page menu are written
from it at the top of every run, and the URL is read into it only when a session starts or when
it holds a view the app did not write (a copied link, an in-app link, the browser's back button).
A change made while a page draws (a chart mark, a table row) reruns at once (`select`), so the
menu, the links and the URL always carry the view on screen.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from dashboard import view as views

HERE = Path(__file__).resolve().parent
# page key -> (file, url path, icon); titles come from labels (they follow the Hindi toggle)
PAGES = {
    "overview": (HERE / "overview.py", "", ":material/dashboard:"),
    "timeline": (HERE / "timeline.py", "timeline", ":material/timeline:"),
    "areas": (HERE / "areas.py", "areas", ":material/grid_on:"),
    "articles": (HERE / "articles.py", "articles", ":material/article:"),
    "map": (HERE / "map.py", "map", ":material/map:"),
    "meetings": (HERE / "meetings.py", "meetings", ":material/groups:"),
    "briefing": (HERE / "briefing.py", "briefing", ":material/slideshow:"),
    "review": (HERE / "review.py", "review", ":material/rate_review:"),
    "ingest": (HERE / "ingest.py", "ingest", ":material/upload_file:"),
    "sources": (HERE / "sources.py", "sources", ":material/rss_feed:"),
}
VIEW = "view"
_SIG = "_url_sig"
_SEEN = "_seen_selection"


def _url() -> dict[str, list[str]]:
    qp = st.query_params
    return {k: qp.get_all(k) for k in qp.keys()}


# Pages written against the first version of this module keep their state in session keys and
# call to_url(): st.session_state["p_slide"], ["present"] … mirror the view's parameters
LEGACY = {"present": "present", "hi": "hindi", **{k: "p_" + k for k in ("e", "a", "cell", "period", "value", "norm", "slide", "cf", "ct", "place", "pair")}}
_PUSHED = "_legacy_pushed"


def _as_legacy(key: str, value: object) -> object:
    if key in ("present", "hi"):
        return bool(value)
    if value in (None, "", False):
        return None
    return "1" if value is True else (value.isoformat() if hasattr(value, "isoformat") else str(value))


def _pull() -> bool:
    """Take into the view what such a page wrote into its session keys since they were set."""
    ss = st.session_state
    pushed = ss.get(_PUSHED, {})
    query = {}
    for key, skey in LEGACY.items():
        if skey in ss and ss[skey] != pushed.get(skey):
            value = ss[skey]
            query[key] = [] if value in (None, False, "") else ["1" if value is True else str(value)]
    if not query:
        return False
    parsed, _problems = views.from_query({k: v for k, v in query.items() if v})
    ss[VIEW] = {**ss[VIEW], **{k: (parsed[k] if query[k] else views.empty(k)) for k in query}}
    return True


def _push() -> None:
    ss = st.session_state
    v = ss[VIEW]
    pushed = {skey: _as_legacy(key, v[key]) for key, skey in LEGACY.items()}
    for skey, value in pushed.items():
        ss[skey] = value
    ss[_PUSHED] = pushed


def to_url() -> None:
    """For pages that keep state in the legacy session keys: take it into the view and the URL;
    rerun when it changed, so the menu and links drawn at the top carry it too."""
    changed = _pull()
    write_url()
    if changed:
        st.rerun()  # the next run's load() sets the session keys from the view again


def load() -> dict:
    """At the top of every run: the session's view, taken from the URL when it starts a session or
    carries a view this app did not write. An empty URL on a running session is a page switch
    (Streamlit drops the URL then), never a request to clear the view."""
    ss = st.session_state
    url = _url()
    sig = views.signature(url)
    if VIEW not in ss or (sig and sig != ss.get(_SIG)):
        v, problems = views.from_query(url)
        ss[VIEW] = v
        ss["_problems"] = problems
        ss["_from_link"] = True
        ss[_SIG] = sig
    else:
        _pull()  # what a legacy page's callbacks wrote before this run
    _push()
    return ss[VIEW]


def current() -> dict:
    """The view of this run (load() has run in app.py; AppTest and scripts get a fresh one)."""
    if VIEW not in st.session_state:
        return load()
    return st.session_state[VIEW]


def update(**changes: object) -> dict:
    """Change parameters of the view now; the URL follows at the end of the run."""
    v = views.with_params(current(), **changes)
    st.session_state[VIEW] = v
    return v


def select(**changes: object) -> None:
    """Change the view while a page draws (the analyst picked a mark or a row): rerun, so that
    everything drawn before this point shows the new view too."""
    update(**changes)
    st.rerun()


def query(**changes: object) -> dict[str, str | list[str]]:
    """The URL parameters of the view with some changes: what an in-app link carries."""
    return views.to_query(views.with_params(current(), **changes))


def write_url() -> None:
    """Mirror the view in the URL (at the top of every run)."""
    ss = st.session_state
    q = views.to_query(current())
    sig = views.signature(q)
    if sig != views.signature(_url()):
        st.query_params.from_dict(q)
    ss[_SIG] = sig


def page_key(page: str) -> str:
    """'timeline' or its file ('dashboard/pages/timeline.py') -> 'timeline'."""
    return page if page in PAGES else Path(page).stem


def go(page: str, **changes: object) -> None:
    """Open another page with the view (and these changes): the target page, its URL and the
    session agree before the switch, so nothing is read back from a cleared URL."""
    page = page_key(page)
    v = update(**changes)
    q = views.to_query(v)
    st.session_state[_SIG] = views.signature(q)
    st.switch_page(str(PAGES[page][0]), query_params=q)


def link(page: str, label: str, icon: str | None = None, help: str | None = None, width: str = "content", **changes: object) -> None:
    """A real link (it opens in a new tab too) to a page, carrying the whole view it points at.
    The label must be our own words: Streamlit renders Markdown in it."""
    st.page_link(str(PAGES[page][0]), label=label, icon=icon, help=help, query_params=query(**changes), width=width)


def _fresh(key: str, items: list) -> list | None:
    """items if they differ from what this key held at the last run, else None.

    A chart's or table's selection is widget state: it stays while the widget is drawn, so acting
    on it at every run would undo any later choice. Only a change counts; an empty selection is
    remembered too, so picking the same mark again after a page switch counts."""
    sig = json.dumps(items, default=str)
    seen = st.session_state.setdefault(_SEEN, {})
    if seen.get(key) == sig:
        return None
    seen[key] = sig
    return items or None


def picked(key: str, event) -> dict | None:
    """The first point of a chart selection the analyst has just made, else None."""
    points = []
    if event is not None and hasattr(event, "get"):
        points = (event.get("selection") or {}).get("points") or []
    return points[0] if _fresh(key, [p.get("customdata") for p in points]) else None


def picked_row(key: str, event) -> int | None:
    """The row of a table the analyst has just selected, else None."""
    rows = []
    if event is not None and hasattr(event, "get"):
        rows = list((event.get("selection") or {}).get("rows") or [])
    got = _fresh(key, rows)
    return got[0] if got else None


def bound(draw: Callable, name: str, key: str, *args, to_widget: Callable | None = None, changes: Callable | None = None, **kwargs):
    """Draw a widget whose value is view[name]: the widget is set from the view on every run (so it
    shows the view on every page) and its callback writes the analyst's change back; `changes`
    turns the new value into the view parameters it sets (a preset sets From and To)."""
    ss = st.session_state
    value = current()[name] if name else None
    ss[key] = to_widget(value) if to_widget else value

    def changed() -> None:
        new = ss[key]
        update(**(changes(new) if changes else {name: new}))

    return draw(*args, key=key, on_change=changed, **kwargs)


def problems() -> list[str]:
    """What the URL of a link held that could not be used (shown once)."""
    return st.session_state.pop("_problems", [])
