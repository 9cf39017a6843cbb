"""A briefing for a period: what happened, what was discussed, in their words, what comes next,
and a summary paragraph in English and Hindi built from templates (no language model).

Pure: frames in, a Briefing out. Every figure in the summary is kept with the ids behind it
(`Briefing.trace`), so a number read out in a meeting can be shown to come from real rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard import aggregate, labels

HI_MONTHS = ("जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


@dataclass
class Briefing:
    date_from: str
    date_to: str
    filters_text: str
    engagements: pd.DataFrame  # what happened (held and ongoing), in date order
    planned: pd.DataFrame  # what comes next: planned, from late in the period to a year after
    cells: pd.DataFrame  # area x period
    periods: list[str]
    rising: pd.DataFrame
    quotes: pd.DataFrame  # in their words
    summary_en: str
    summary_hi: str
    trace: dict[str, list[str]] = field(default_factory=dict)
    view: pd.DataFrame = field(default_factory=pd.DataFrame)  # every engagement in the period: what the tables export
    compare_from: str | None = None  # the period compared with; None when no period with reports was available
    compare_to: str | None = None
    compare_note_en: str = ""  # what the comparison can and cannot say, in words
    compare_note_hi: str = ""
    data_first: str | None = None  # the span the reports cover, whatever the filters
    data_last: str | None = None
    reports_en: str = ""  # "N articles from M independent outlets"
    reports_hi: str = ""
    outlets: dict[str, list[str | None]] = field(default_factory=dict)  # engagement id -> its articles' outlets
    filters_en: str = ""  # the filters in words, with labels (filters_text keeps the ids, for file names)
    filters_hi: str = ""

    def filters(self, hindi: bool = False) -> str:
        return self.filters_hi if hindi else self.filters_en

    def summary(self, hindi: bool = False) -> str:
        return self.summary_hi if hindi else self.summary_en

    def compare_note(self, hindi: bool = False) -> str:
        return self.compare_note_hi if hindi else self.compare_note_en

    def reports(self, hindi: bool = False) -> str:
        return self.reports_hi if hindi else self.reports_en

    @property
    def slug(self) -> str:
        """Period and filters for file names: briefing_2024-01-01_2025-12-31_exercise.pptx."""
        extra = "_".join(x for x in self.filters_text.replace(",", " ").split() if x.isascii() and x.isalnum())[:40]
        return f"briefing_{self.date_from}_{self.date_to}" + (f"_{extra}" if extra else "")


def _date(d: str | None, months: tuple[str, ...], unknown: str) -> str:
    """'2025-05-05' -> '5 May 2025' / '5 मई 2025'; '2025-05' -> 'May 2025'."""
    if not d:
        return unknown
    if len(d) == 10 and not d.startswith("X"):
        return f"{int(d[8:10])} {months[int(d[5:7]) - 1]} {d[:4]}"
    if len(d) == 7:
        return f"{months[int(d[5:7]) - 1]} {d[:4]}"
    return d


def _date_en(d: str | None) -> str:
    return _date(d, EN_MONTHS, "an unstated date")


def _date_hi(d: str | None) -> str:
    return _date(d, HI_MONTHS, "अज्ञात तिथि")


def _lower(label: str) -> str:
    """'Maritime security' -> 'maritime security', but 'MRO' and '2+2 dialogue' keep their case."""
    first = label.split(" ", 1)[0]
    return label if first.isupper() or not first[:1].isalpha() else label[0].lower() + label[1:]


def _a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def _join(items: list[str], word: str) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def strongest_quotes(evidence: pd.DataFrame, engagements: pd.DataFrame, per_area: int = 1, limit: int = 6) -> pd.DataFrame:
    """The sentences worth reading out: one or two per leading area, from the most-reported
    engagements, preferring sentences that evidence several areas at once and are not too long."""
    cols = ["area", "sentence", "title", "outlet", "language", "published", "article_id"]
    if evidence.empty:
        return pd.DataFrame(columns=cols)
    ev = evidence.copy()
    multi = ev.groupby(["article_id", "start"])["area"].transform("count")
    length = ev["sentence"].str.len()
    ev["score"] = multi * 2 - (length > 320).astype(int) * 3 - (length < 40).astype(int) * 3
    order = ev.groupby("area")["article_id"].nunique().sort_values(ascending=False).index.tolist()
    picks = []
    used = set()
    for area in order:
        rows = ev[ev["area"] == area].sort_values(["score", "published"], ascending=[False, False])
        n = 0
        for r in rows.to_dict("records"):
            key = (r["article_id"], r["start"])
            if key in used:
                continue
            used.add(key)
            picks.append(r)
            n += 1
            if n >= per_area:
                break
        if len(picks) >= limit:
            break
    return pd.DataFrame(picks, columns=cols + [c for c in ("score",) if picks])[cols]


def describe(f, hindi: bool = False, kb=None) -> str:
    """The filters in words, with labels instead of ids: "Types: Exercise, 2+2 dialogue; People: …"."""
    if f is None:
        return ""
    from dashboard import outlets

    parts = []
    for key, vals, table in (("types", f.types, labels.TYPES), ("status", f.statuses, labels.STATUSES), ("areas_f", f.areas, labels.AREAS), ("languages", f.languages, labels.LANGUAGES)):
        if vals:
            parts.append(f"{labels.t(key, hindi)}: {', '.join(labels.t(v, hindi, table) for v in vals)}")
    if f.people:
        parts.append(f"{labels.t('people', hindi)}: {', '.join(kb.shown(p, hindi) if kb else p for p in f.people)}")
    if f.sources:
        parts.append(f"{labels.t('sources', hindi)}: {', '.join(outlets.display(s, hindi, kb) if kb else s for s in f.sources)}")
    if f.text:
        parts.append(f"{'खोज' if hindi else 'Search'}: {f.text}")
    return "; ".join(parts)


def comparison(compare_from: str, compare_to: str, data_first: str | None, data_last: str | None) -> tuple[bool, str, str]:
    """Whether a period can be compared with at all, and a note saying so in English and Hindi.

    Reports that start in 2014 say nothing about 2002-2013: against such a period every area would
    be "new". A period with no reports is not compared with; one that reports cover only in part is,
    with the date they start."""
    if not data_first or not data_last or compare_to < data_first or compare_from > data_last:
        if data_first and data_last:
            return (
                False,
                f"The reports cover {_date_en(data_first)} to {_date_en(data_last)}; there are none from {_date_en(compare_from)} to {_date_en(compare_to)}, so nothing is compared and no area is called new or rising.",
                f"रिपोर्टें {_date_hi(data_first)} से {_date_hi(data_last)} तक की हैं; {_date_hi(compare_from)} से {_date_hi(compare_to)} की कोई रिपोर्ट नहीं, इसलिए कोई तुलना नहीं और कोई क्षेत्र नया या बढ़ता हुआ नहीं कहा गया।",
            )
        return False, "There are no reports to compare with.", "तुलना के लिए कोई रिपोर्ट नहीं।"
    en = f"Compared with {_date_en(compare_from)} to {_date_en(compare_to)}"
    hi = f"{_date_hi(compare_from)} से {_date_hi(compare_to)} की तुलना में"
    if compare_from < data_first:
        en += f" (the reports start on {_date_en(data_first)})"
        hi += f" (रिपोर्टें {_date_hi(data_first)} से शुरू होती हैं)"
    if compare_to > data_last:
        en += f" (the reports end on {_date_en(data_last)})"
        hi += f" (रिपोर्टें {_date_hi(data_last)} तक हैं)"
    return True, en, hi


def build(
    engagements: pd.DataFrame,
    upcoming: pd.DataFrame,
    cells_raw: pd.DataFrame,
    current_counts: pd.DataFrame,
    previous_counts: pd.DataFrame,
    evidence: pd.DataFrame,
    date_from: str,
    date_to: str,
    period: str = "quarter",
    filters_text: str = "",
    compare_from: str | None = None,
    compare_to: str | None = None,
    data_first: str | None = None,
    data_last: str | None = None,
    article_outlets: pd.DataFrame | None = None,
    kb=None,
    filters=None,
) -> Briefing:
    """Everything a briefing says, from the same frames the dashboard shows.

    `compare_from`/`compare_to` default to the period of equal length just before; `data_first` and
    `data_last` (the span the reports cover) decide whether that period can say anything."""
    from dashboard import knowledge, outlets

    kb = kb or knowledge.default()
    eng = engagements.sort_values(["sort_date", "id"]).reset_index(drop=True)
    happened = eng[eng["status"] != "planned"].reset_index(drop=True)
    planned = upcoming.sort_values(["sort_date", "id"]).reset_index(drop=True)
    cells = aggregate.area_period(cells_raw, "engagements")
    periods = aggregate.all_periods(date_from, date_to, period)
    if not compare_from or not compare_to:
        compare_from, compare_to = aggregate.previous_period(date_from, date_to)
    if data_first is None and data_last is None:  # callers that do not say: assume the reports cover it
        data_first, data_last = compare_from, date_to
    comparable, note_en, note_hi = comparison(compare_from, compare_to, data_first, data_last)
    rise = aggregate.rising(current_counts, previous_counts) if comparable else aggregate.rising(current_counts.iloc[0:0], previous_counts.iloc[0:0])
    by_engagement: dict[str, list[str | None]] = {}
    if article_outlets is not None and not article_outlets.empty:
        for eid, outlet in zip(article_outlets["engagement_id"], article_outlets["outlet"], strict=True):
            by_engagement.setdefault(eid, []).append(outlet)
    in_period = [o for eid in eng["id"] for o in by_engagement.get(eid, [])]
    quotes = strongest_quotes(evidence, eng)
    trace: dict[str, list[str]] = {
        "engagements held": happened["id"].tolist(),
        "engagements planned": planned["id"].tolist(),
    }
    by_type = happened.groupby("type")["id"].apply(list).sort_index() if not happened.empty else pd.Series(dtype=object)
    types_en = [f"{len(ids)} {_lower(labels.t(t, False, labels.TYPES))}{'s' if len(ids) > 1 and not labels.t(t, False, labels.TYPES).endswith('s') else ''}" for t, ids in by_type.items()]
    types_hi = [f"{len(ids)} {labels.t(t, True, labels.TYPES)}" for t, ids in by_type.items()]
    for t, ids in by_type.items():
        trace[f"type {t}"] = ids
    top = current_counts.sort_values(["engagements", "area"], ascending=[False, True]).head(3) if not current_counts.empty else current_counts
    top_en = [f"{_lower(labels.t(a, False, labels.AREAS))} ({n})" for a, n in zip(top.get("area", []), top.get("engagements", []), strict=False)]
    top_hi = [f"{labels.t(a, True, labels.AREAS)} ({n})" for a, n in zip(top.get("area", []), top.get("engagements", []), strict=False)]
    new_areas = rise[rise["new"]]["area"].tolist()[:3] if not rise.empty else []
    latest = happened.iloc[-1].to_dict() if not happened.empty else None

    en = [f"Between {_date_en(date_from)} and {_date_en(date_to)}, India and Japan held {len(happened)} engagement{'s' if len(happened) != 1 else ''}"]
    en[0] += f" ({_join(types_en, 'and')})" if types_en else ""
    en[0] += f", and {len(planned)} more {'were' if len(planned) != 1 else 'was'} announced." if len(planned) else "."
    hi = [f"{_date_hi(date_from)} से {_date_hi(date_to)} के बीच भारत और जापान के बीच {len(happened)} बैठकें/कार्यक्रम हुए"]
    hi[0] += f" ({', '.join(types_hi)})" if types_hi else ""
    hi[0] += f", और {len(planned)} आगे के लिए घोषित हुए।" if len(planned) else "।"
    if top_en:
        en.append(f"The areas discussed in most engagements were {_join(top_en, 'and')}.")
        hi.append(f"सबसे अधिक बैठकों में चर्चित क्षेत्र रहे: {', '.join(top_hi)}।")
        for a in top.get("area", []):
            trace[f"area {a}"] = [a]
    if not comparable:
        en.append(note_en)
        hi.append(note_hi)
    elif new_areas:
        en.append(f"{note_en}, {_join([_lower(labels.t(a, False, labels.AREAS)) for a in new_areas], 'and')} appeared for the first time.")
        hi.append(f"{note_hi} पहली बार चर्चा में आए: {', '.join(labels.t(a, True, labels.AREAS) for a in new_areas)}।")
        trace["new areas"] = new_areas
    if latest:
        who = _join(list(latest["participants"])[:4], "and") or "the two sides"
        where = latest["place"] or ""
        the = "the " if where and (kb.places.get(where) or {}).get("kind") == "water" else ""  # in the Pacific Ocean
        en.append(f"The latest was {_a(_lower(labels.t(latest['type'], False, labels.TYPES)))} on {_date_en(latest['date'] or latest['sort_date'])}{' in ' + the + where if where else ''}, with {who}.")
        hi.append(f"सबसे हालिया: {labels.t(latest['type'], True, labels.TYPES)}, {_date_hi(latest['date'] or latest['sort_date'])}{', ' + kb.shown(where, True) if where else ''}; प्रतिभागी: {', '.join(kb.shown(n, True) for n in list(latest['participants'])[:4]) or 'दोनों पक्ष'}।")
        trace["latest"] = [latest["id"]]
    if len(planned):
        nxt = planned.iloc[0].to_dict()
        en.append(f"Next: {_a(_lower(labels.t(nxt['type'], False, labels.TYPES)))} expected on {_date_en(nxt['date'] or nxt['sort_date'])}.")
        hi.append(f"आगे: {labels.t(nxt['type'], True, labels.TYPES)}, {_date_hi(nxt['date'] or nxt['sort_date'])} (प्रस्तावित)।")
        trace["next"] = [nxt["id"]]
    return Briefing(
        date_from=date_from,
        date_to=date_to,
        filters_text=filters_text,
        engagements=happened,
        planned=planned,
        cells=cells,
        periods=periods,
        rising=rise,
        quotes=quotes,
        summary_en=" ".join(en),
        summary_hi=" ".join(hi),
        trace=trace,
        view=eng,
        compare_from=compare_from if comparable else None,
        compare_to=compare_to if comparable else None,
        compare_note_en=note_en,
        compare_note_hi=note_hi,
        data_first=data_first,
        data_last=data_last,
        reports_en=outlets.reports_line(in_period, kb) if by_engagement else "",
        reports_hi=outlets.reports_line(in_period, kb, hindi=True) if by_engagement else "",
        outlets=by_engagement,
        filters_en=describe(filters, False, kb) if filters is not None else filters_text,
        filters_hi=describe(filters, True, kb) if filters is not None else filters_text,
    )


def engagement_rows(df: pd.DataFrame, hindi: bool = False, b: Briefing | None = None, kb=None) -> list[dict]:
    """The engagement list as shown on the page and in every export: labels, never ids.

    With the briefing, each row also says how many independent outlets reported it."""
    from dashboard import knowledge, outlets

    kb = kb or knowledge.default()
    rows = []
    for r in df.to_dict("records"):
        row = {
            "date": r["date"] if isinstance(r["date"], str) else (r["sort_date"] or ""),
            "type": labels.t(r["type"], hindi, labels.TYPES),
            "status": labels.t(r["status"], hindi, labels.STATUSES),
            "place": kb.shown(r["place"], hindi) if isinstance(r["place"], str) else "",
            "participants": ", ".join(kb.shown(n, hindi) for n in r["participants"]),
            "reports": int(r["n_articles"]),
            "id": r["id"],
        }
        if b is not None:
            names = b.outlets.get(r["id"], [])
            row["outlets"] = outlets.independent(names, kb)
            row["reports_text"] = outlets.reports_line(names, kb, hindi) if names else ""
        rows.append(row)
    return rows


def localise(df: pd.DataFrame, hindi: bool, kb) -> pd.DataFrame:
    """Engagements with participants and place as Hindi mode shows them (Devanagari spellings from
    the knowledge's aliases); unchanged in English. Ids stay as they are."""
    if not hindi or df.empty:
        return df
    out = df.copy()
    out["participants"] = [[kb.shown(n, True) for n in names] for names in df["participants"]]
    out["place"] = [kb.shown(p, True) if isinstance(p, str) and p else p for p in df["place"]]
    return out


def trace_shown(trace: dict[str, list[str]], hindi: bool = False) -> dict[str, list[str]]:
    """The trace with labels for keys and area values ("Type: Exercise", "Area: Defence industry"):
    what the page shows; the ids of engagements stay, they are what a figure is checked against."""
    out: dict[str, list[str]] = {}
    for key, ids in trace.items():
        kind, _, rest = key.partition(" ")
        if kind == "type" and rest in labels.TYPES:
            out[f"{labels.b('type', hindi)}: {labels.t(rest, hindi, labels.TYPES)}"] = ids
        elif kind == "area" and rest in labels.AREAS:
            out[f"{labels.b('area', hindi)}: {labels.t(rest, hindi, labels.AREAS)}"] = [labels.t(a, hindi, labels.AREAS) for a in ids]
        elif key == "new areas":
            out[labels.b("new_areas", hindi)] = [labels.t(a, hindi, labels.AREAS) for a in ids]
        else:
            out[labels.b("trace_" + key.replace(" ", "_"), hindi)] = ids
    return out


def sides(participants, kb) -> dict[str, list[str]]:
    """Participants by side: India, Japan, and anyone else (a third country's minister at a 2+2)."""
    out: dict[str, list[str]] = {"India": [], "Japan": [], "other": []}
    for name in participants:
        country = kb.people.get(name) or (kb.organisations.get(name) or {}).get("country")
        out[country if country in ("India", "Japan") else "other"].append(name)
    return out


def slides(b: Briefing) -> list[tuple[str, int | None]]:
    """What presentation mode shows, one screen each: title and summary, the timeline, the area grid,
    every engagement in turn, the quotes, what comes next."""
    return [("title", None), ("timeline", None), ("areas", None), *(("engagement", i) for i in range(len(b.engagements))), ("quotes", None), ("next", None)]
