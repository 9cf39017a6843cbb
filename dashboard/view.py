"""What the analyst is looking at, as one plain dict: the filters, the Hindi toggle, presentation mode
and each page's selection. The URL is its written form, so a copied link reproduces the screen.

Pure (no Streamlit): pages keep one such dict in the session and read and write it through
dashboard/pages/common.py. Everything from a URL is untrusted: values are cleaned and checked here,
and what cannot be used is named in `problems` instead of raising.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from dashboard.queries import Filters

MIN_DATE = date(1950, 1, 1)
MAX_DATE = date(2100, 12, 31)
PERIODS = ("month", "quarter", "year")
VALUES = ("engagements", "mentions")
MAX_TEXT = 300  # characters of a search or a list value taken from a URL
MAX_VALUES = 200  # values of one list parameter

_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_CELL = re.compile(r"([a-z_]{1,64})\|(\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?)")


@dataclass(frozen=True)
class Param:
    """One URL parameter: its kind decides how it is cleaned, written and what 'empty' is."""

    kind: str  # date | list | text | flag | choice | id | cell
    choices: tuple[str, ...] = ()
    default: object = None


# URL key -> parameter. Filters first, then switches, then each page's own state.
PARAMS: dict[str, Param] = {
    "from": Param("date"),
    "to": Param("date"),
    "type": Param("list"),
    "status": Param("list"),
    "area": Param("list"),
    "person": Param("list"),
    "lang": Param("list"),
    "source": Param("list"),
    "q": Param("text", default=""),
    "exact": Param("flag", default=False),  # search the words alone, not a name's other spellings
    "sure": Param("flag", default=False),  # only engagements whose date the parser is sure of
    "hi": Param("flag", default=False),
    "present": Param("flag", default=False),
    # Timeline: the open engagement; Articles: the open article, and all articles or India–Japan only
    "e": Param("id"),
    "a": Param("id"),
    "all": Param("flag", default=False),
    # Cooperation areas: the open square, the grid's period and value, shares, the trend's areas
    "cell": Param("cell"),
    "period": Param("choice", PERIODS, "quarter"),
    "value": Param("choice", VALUES, "engagements"),
    "norm": Param("flag", default=False),
    "trend": Param("list"),
    # Briefing: the slide shown, the period compared with; Map: the open place; Who met whom: the pair
    "slide": Param("text"),
    "cf": Param("date"),
    "ct": Param("date"),
    "place": Param("text"),
    "pair": Param("text"),
    # Overview: the two periods whose areas are compared
    "cur_from": Param("date"),
    "cur_to": Param("date"),
    "prev_from": Param("date"),
    "prev_to": Param("date"),
}
FILTER_KEYS = ("from", "to", "type", "status", "area", "person", "lang", "source", "q", "exact", "sure")
LIST_FIELDS = {"type": "types", "status": "statuses", "area": "areas", "person": "people", "lang": "languages", "source": "sources"}


def empty(key: str) -> object:
    p = PARAMS[key]
    return [] if p.kind == "list" else p.default


def new() -> dict:
    """The view of a fresh session: everything at its default."""
    return {k: empty(k) for k in PARAMS}


def clean_text(s: str, limit: int = MAX_TEXT) -> str:
    """Text from outside as the app may use it: NFC, no control characters (NUL included), bounded."""
    s = unicodedata.normalize("NFC", str(s))
    s = "".join(ch if ch in "\t " or unicodedata.category(ch)[0] != "C" else " " for ch in s)
    return re.sub(r"\s+", " ", s).strip()[:limit]


def _date(raw: str) -> date:
    d = date.fromisoformat(raw.strip()[:10])
    if not MIN_DATE <= d <= MAX_DATE:
        raise ValueError(f"not a date between {MIN_DATE} and {MAX_DATE}")
    return d


def from_query(query: Mapping[str, Iterable[str] | str]) -> tuple[dict, list[str]]:
    """A view from URL parameters (each a list of strings, as st.query_params.get_all gives them),
    and the problems found, one sentence each ('from=9999-12-31: not a date …'). Unknown keys are
    ignored; a bad value is dropped, never raised."""
    view, problems = new(), []
    for key, p in PARAMS.items():
        raw = query.get(key)
        if raw is None:
            continue
        values = [raw] if isinstance(raw, str) else list(raw)
        if not values:
            continue
        first = values[0]
        shown = clean_text(first, 40)
        try:
            if p.kind == "list":
                out = []
                for v in values[:MAX_VALUES]:
                    c = clean_text(v)
                    if c and c not in out:
                        out.append(c)
                view[key] = out
            elif p.kind == "date":
                view[key] = _date(first)
            elif p.kind == "text":
                view[key] = clean_text(first) or p.default
            elif p.kind == "flag":
                view[key] = first.strip().lower() in ("1", "true", "yes", "on")
            elif p.kind == "choice":
                if first not in p.choices:
                    raise ValueError(f"one of {', '.join(p.choices)}")
                view[key] = first
            elif p.kind == "id":
                if not _ID.fullmatch(first):
                    raise ValueError("not an id")
                view[key] = first
            elif p.kind == "cell":
                if not _CELL.fullmatch(first):
                    raise ValueError("not an area and a period")
                view[key] = first
        except ValueError as exc:
            problems.append(f"{key}={shown}: {exc}")
    for lo, hi in (("from", "to"), ("cur_from", "cur_to"), ("prev_from", "prev_to"), ("cf", "ct")):
        if view[lo] and view[hi] and view[lo] > view[hi]:
            view[lo], view[hi] = view[hi], view[lo]
            problems.append(f"{lo} was after {hi}: the two dates are swapped")
    return view, problems


def to_query(view: Mapping) -> dict[str, str | list[str]]:
    """The URL parameters of a view; defaults and empty values are left out, so links stay short."""
    out: dict[str, str | list[str]] = {}
    for key, p in PARAMS.items():
        v = view.get(key)
        if v is None or v == p.default or v == [] or v == "":
            continue
        if p.kind == "list":
            out[key] = list(v)
        elif p.kind == "date":
            out[key] = v.isoformat()
        elif p.kind == "flag":
            out[key] = "1"
        else:
            out[key] = str(v)
    return out


def signature(query: Mapping[str, Iterable[str] | str]) -> tuple:
    """A comparable form of URL parameters (order of keys does not matter, order of values does)."""
    return tuple(sorted((k, (v,) if isinstance(v, str) else tuple(v)) for k, v in query.items() if k in PARAMS))


def filters(view: Mapping) -> Filters:
    """The sidebar's part of the view, as the queries take it."""
    return Filters(
        date_from=view["from"].isoformat() if view.get("from") else None,
        date_to=view["to"].isoformat() if view.get("to") else None,
        **{field: tuple(view.get(key) or ()) for key, field in LIST_FIELDS.items()},
        text=view.get("q") or "",
        expand=not view.get("exact"),
        sure_dates=bool(view.get("sure")),
    )


def clear_filters(view: Mapping) -> dict:
    """The same view without filters: switches and page selections stay."""
    return {**view, **{k: empty(k) for k in FILTER_KEYS}}


def with_params(view: Mapping, **changes: object) -> dict:
    """A copy with some parameters changed (the target view of an in-app link)."""
    unknown = set(changes) - set(PARAMS)
    if unknown:
        raise KeyError(f"not view parameters: {sorted(unknown)}")
    return {**view, **changes}


def cell_in_period(cell: str | None, period: str) -> str | None:
    """A selected square carried to another period: a quarter or month becomes the year or quarter
    that holds it; a coarser square cannot pick a finer one, so the selection is dropped."""
    if not cell or "|" not in cell:
        return None
    area, per = cell.split("|", 1)
    year, rest = per[:4], per[5:]
    kind = "year" if not rest else ("quarter" if rest.startswith("Q") else "month")
    if kind == period:
        return cell
    if period == "year":
        return f"{area}|{year}"
    if period == "quarter" and kind == "month":
        return f"{area}|{year}-Q{(int(rest) - 1) // 3 + 1}"
    return None


def preset_range(preset: str, first: str | None, last: str | None) -> tuple[date | None, date | None]:
    """From and To of a date preset, counted back from the newest engagement in the data (so the
    bundled sample, which ends in 2025, is not empty in a later year): 12m, year, all."""
    if preset == "all" or not last:
        return None, None
    end = date.fromisoformat(last[:10])
    if preset == "12m":
        start = end - timedelta(days=364)
        return start, end
    if preset == "year":
        return date(end.year, 1, 1), date(end.year, 12, 31)
    raise ValueError(f"unknown preset {preset!r}")


def matching_preset(view: Mapping, first: str | None, last: str | None) -> str | None:
    """Which preset the view's From and To are, if any (the preset buttons show it selected)."""
    have = (view.get("from"), view.get("to"))
    for name in ("12m", "year", "all"):
        if preset_range(name, first, last) == have:
            return name
    return None
