"""The sidebar every page shares: the page menu, the Hindi toggle, the filters (with counts, date
presets and a range slider) and saved views. Every widget here is drawn from the view and writes
back to it (state.bound), so a page switch never changes what is chosen."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import cached, knowledge, labels, names, outlets, store
from dashboard import view as views
from dashboard.pages import safe, state

# view key -> (label key, options key in queries.options, label table, counts key)
LISTS = {
    "type": ("types", "types", labels.TYPES, "types"),
    "status": ("status", "statuses", labels.STATUSES, "statuses"),
    "area": ("areas_f", "areas", labels.AREAS, "areas"),
    "person": ("people", "people", None, "people"),
    "lang": ("languages", "languages", labels.LANGUAGES, "languages"),
    "source": ("sources", "sources", None, "sources"),
}
PRESETS = ("12m", "year", "all")
# widget keys, as before the view existed (other slices' tests address the widgets by them)
KEYS = {"type": "f_types", "status": "f_statuses", "area": "f_areas", "person": "f_people", "lang": "f_languages", "source": "f_sources", "q": "f_text", "from": "f_from", "to": "f_to"}


def menu(slot, hi: bool) -> None:
    """The page menu: real links, each carrying the whole view, in the analyst's language."""
    with slot:
        for key, (_file, _url, icon) in state.PAGES.items():
            state.link(key, labels.t(key, hi, labels.MENU), icon=icon, width="stretch")
        st.divider()


def _ordered(values: list[str], table: dict | None) -> list[str]:
    """Options in the order of their label table (types, areas …), else as the database gives them."""
    if not table:
        return list(values)
    known = [k for k in table if k in set(values)]
    return known + [v for v in values if v not in table]


def _known(options: dict[str, list[str]], hi: bool, from_link: bool) -> list[str] | None:
    """Drop list values this database does not hold (a link from another database, a typo): they
    would select nothing, and a widget cannot show them. Returns the problems to report, or None
    when nothing was dropped."""
    v = state.current()
    problems, changes = [], {}
    for key, values in options.items():
        keep = [x for x in v[key] if x in values]
        if len(keep) != len(v[key]):
            changes[key] = keep
            if from_link:
                gone = ", ".join(views.clean_text(x, 40) for x in v[key] if x not in values)
                problems.append(f"{key}={gone}: {labels.t('unknown_values', hi)}")
    if not changes:
        return None
    state.update(**changes)
    return problems


def _multiselect(sb, key: str, options: list[str], counts: dict[str, int], hi: bool) -> None:
    label_key, _, table, _ = LISTS[key]

    def show(value: str) -> str:
        if table:
            name = labels.t(value, hi, table)
        elif key == "person":
            name = names.shown(value, hi)
        else:  # an outlet, by its one name (in Hindi when the knowledge has one)
            name = outlets.display(value, hi, knowledge.default())
        return f"{name} ({counts.get(value, 0):,})"

    def chosen(new: list[str]) -> dict:
        if len(options) > 1 and len(new) == len(options):
            st.session_state["_notice"] = labels.fmt("all_selected", hi, n=len(options))
            return {key: []}  # everything chosen is no filter: no long URL, no narrower result
        return {key: list(new)}

    state.bound(
        sb.multiselect,
        key,
        KEYS[key],
        labels.t(label_key, hi),
        options,
        format_func=show,
        placeholder=labels.t("all", hi),
        help=labels.t("counts_help", hi),
        changes=chosen,
    )


def _dates(sb, first: str | None, last: str | None, newest: str | None, hi: bool) -> None:
    """Presets count back from the newest engagement held (a planned one may lie in the future);
    the slider spans all the data."""
    lo = date.fromisoformat(first[:10]) if first else views.MIN_DATE
    up = date.fromisoformat(last[:10]) if last else date.today()
    up = max(up, lo)
    v = state.current()
    year = date.fromisoformat(newest[:10]).year if newest else up.year

    def preset_label(p: str) -> str:
        return str(year) if p == "year" else labels.t(f"preset_{p}", hi)

    def from_preset(p: str | None) -> dict:
        if p is None:
            return {}
        start, end = views.preset_range(p, first, newest)
        return {"from": start, "to": end}

    sb.markdown(f"**{labels.t('dates', hi)}**", help=labels.fmt("dates_help", hi, first=lo, last=up, newest=newest))
    state.bound(
        sb.segmented_control,
        "",
        "f_preset",
        labels.t("dates", hi),
        PRESETS,
        to_widget=lambda _: views.matching_preset(v, first, newest),
        changes=from_preset,
        format_func=preset_label,
        label_visibility="collapsed",
        width="stretch",
    )
    if lo < up:

        def clamp(d: date | None, default: date) -> date:
            return min(max(d or default, lo), up)

        def from_slider(pair: tuple[date, date]) -> dict:
            a, b = pair
            return {"from": None if a <= lo else a, "to": None if b >= up else b}

        state.bound(
            sb.slider,
            "",
            "f_range",
            labels.t("date_slider", hi),
            min_value=lo,
            max_value=up,
            to_widget=lambda _: (clamp(v["from"], lo), clamp(v["to"], up)),
            changes=from_slider,
            format="YYYY-MM",
            label_visibility="collapsed",
        )

    def ordered(name: str, other: str, before: bool):
        def changes(d: date | None) -> dict:
            o = state.current()[other]
            if d and o and ((d > o) if before else (d < o)):
                return {name: o, other: d}  # From after To: swap rather than show nothing
            return {name: d}

        return changes

    c1, c2 = sb.columns(2)
    for col, name, other, before in ((c1, "from", "to", True), (c2, "to", "from", False)):
        state.bound(
            col.date_input,
            name,
            KEYS[name],
            labels.t(name, hi),
            min_value=views.MIN_DATE,
            max_value=views.MAX_DATE,
            format="YYYY-MM-DD",
            changes=ordered(name, other, before),
        )


def _saved_views(sb, path: str, stamp: tuple, hi: bool) -> None:
    with sb.expander(labels.t("saved_views", hi)):
        saved = cached.saved_views(path, stamp)
        names = [s["name"] for s in saved]
        if names:
            pick = st.selectbox(labels.t("choose_view", hi), names, key="sv_pick", index=None, placeholder="—")
            c1, c2 = st.columns(2)
            if c1.button(labels.t("open", hi), key="sv_open", disabled=pick is None, width="stretch"):
                chosen = next(s for s in saved if s["name"] == pick)
                v, _problems = views.from_query(chosen["params"])
                st.session_state[state.VIEW] = v
                state.go(chosen["page"] if chosen["page"] in state.PAGES else "overview")
            if c2.button(labels.t("delete", hi), key="sv_delete", disabled=pick is None, width="stretch"):
                store.delete_view(path, pick)
                cached.saved_views.clear()  # not an ingest run: the stamp does not change
                st.session_state["_notice"] = labels.fmt("deleted", hi, name=pick)
                st.rerun()
        else:
            st.caption(labels.t("no_views", hi))
        name = st.text_input(labels.t("view_name", hi), key="sv_name", max_chars=store.views.MAX_NAME)
        if st.button(labels.t("save_view", hi), key="sv_save", width="stretch"):
            if not name.strip():
                st.warning(labels.t("name_needed", hi))
            else:
                try:
                    stored = store.save_view(path, name, st.session_state.get("_page", "overview"), views.to_query(state.current()))
                except store.StoreError as exc:
                    st.warning(labels.fmt("views_readonly", hi, reason=str(exc)))
                else:
                    cached.saved_views.clear()
                    st.session_state["_notice"] = labels.fmt("saved", hi, name=stored)
                    st.rerun()


def render(path: str, stamp: tuple):
    """Draw the sidebar from the view; returns (Filters, hindi)."""
    from_link = st.session_state.pop("_from_link", False)
    problems = state.problems()
    sb = st.sidebar
    state.bound(sb.toggle, "hi", "hindi", "हिंदी", help=labels.t("hindi_help", state.current()["hi"]))
    hi = bool(state.current()["hi"])
    opts = cached.options(path, stamp)
    lists = {key: _ordered(opts[opt_key], table) for key, (_, opt_key, table, _) in LISTS.items()}
    dropped = _known(lists, hi, from_link)
    if dropped is not None:
        # the URL and the menu, drawn before the page, must not keep what was dropped
        st.session_state["_problems"] = problems + dropped
        st.rerun()
    f = views.filters(state.current())
    counts = cached.filter_counts(path, stamp, f)
    sb.header(labels.t("filters", hi))
    _dates(sb, opts["range"][0], opts["range"][1], cached.default_period(path, stamp)[1], hi)
    state.bound(sb.text_input, "q", KEYS["q"], labels.t("search", hi), placeholder="आतंकवाद, maritime, \"2+2\" …", changes=lambda s: {"q": views.clean_text(s)})
    for key, (_, _, _, count_key) in LISTS.items():
        _multiselect(sb, key, lists[key], counts.get(count_key, {}), hi)
    state.bound(sb.toggle, "sure", "f_sure", labels.t("sure_dates", hi), help=labels.t("sure_dates_help", hi))
    sb.button(labels.t("reset", hi), key="clear_filters", on_click=lambda: st.session_state.update({state.VIEW: views.clear_filters(state.current())}))
    _saved_views(sb, path, stamp, hi)
    if problems:
        safe.notice(labels.fmt("link_problems", hi, items="; ".join(problems)))
    notice = st.session_state.pop("_notice", None)
    if notice:
        st.toast(safe.md(notice))
    return views.filters(state.current()), hi
