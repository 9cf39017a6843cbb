"""Loads and validates data/knowledge/: what the parser knows lives in CSV an analyst can extend.

A bad row stops loading with its file, line and reason, because a silently skipped alias would
quietly lower every figure the dashboard shows.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard import paths
from dashboard.parse.matcher import Matcher, fold

if TYPE_CHECKING:
    from dashboard.outlets import Outlets

KNOWLEDGE_DIR = paths.KNOWLEDGE  # data/knowledge/ in a checkout, its copy in an installed package
LOCAL_ENV = "DASHBOARD_KNOWLEDGE_LOCAL"

AREA_IDS = (
    "counter_terrorism",
    "maritime_security",
    "military_exercises",
    "defence_industry",
    "mro",
    "emerging_technologies",
    "cyber_security",
    "space",
    "logistics_agreements",
    "regional_security",
    "hadr",
    "training_exchanges",
    "economic_security",
    "strategic_partnership",
)
ROLE_KEYS = (
    "prime_minister",
    "defence_minister",
    "foreign_minister",
    "cds",
    "army_chief",
    "navy_chief",
    "air_chief",
    "joint_staff_chief",
    "coast_guard_chief",
    "defence_secretary",
    "vice_minister",
    "ambassador",
    "official",
    "counterpart",
)
ALIAS_KINDS = ("person", "place", "organisation", "exercise", "dialogue")
BOILERPLATE_ACTIONS = ("drop_line", "drop_rest", "byline", "page_date")
CUE_KINDS = ("type", "status", "reference", "earlier", "multilateral", "threat", "aside", "phase", "genre", "intent", "presence")

# Python's \b treats Devanagari vowel signs as non-word characters, so "पढ़ें\b" never matches;
# patterns in boilerplate.csv get this boundary instead.
_WORD_END = r"(?![\w\u0900-\u0DFF])"


class KnowledgeError(ValueError):
    """A row in a knowledge file is wrong; the message names file, line and reason."""


@dataclass(frozen=True)
class Tenure:
    name: str
    country: str
    role: str
    role_key: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Knowledge:
    tenures: list[Tenure]
    people: dict[str, str]  # canonical name -> country
    places: dict[str, dict]
    organisations: dict[str, dict]
    exercises: dict[str, dict]
    dialogues: dict[str, dict]
    areas: dict[str, dict]
    boilerplate: list[tuple[re.Pattern, str]]
    matcher: Matcher
    context_aliases: set[tuple[str, str]] = field(default_factory=set)  # (folded alias, name)
    surname_keys: dict[str, str] = field(default_factory=dict)  # loose latin key -> name
    # (kind, name) -> its spellings in every script, with whether case endings may follow
    # (context-only aliases such as a bare surname left out): what a search is widened with
    spellings: dict[tuple[str, str], list[tuple[str, bool]]] = field(default_factory=dict)
    place_aliases: list[tuple[str, str]] = field(default_factory=list)  # (spelling, place name)
    outlets: Outlets | None = None  # outlets.csv: every spelling and domain of an outlet -> one name
    hindi_names: dict[str, str] = field(default_factory=dict)  # name -> its first Devanagari alias, for Hindi mode
    _by_name: dict[str, list[Tenure]] = field(default_factory=dict, repr=False, compare=False)

    def shown(self, name: str, hindi: bool) -> str:
        """A person, place or force as Hindi mode shows it: its Devanagari spelling when known."""
        return self.hindi_names.get(name, name) if hindi else name

    def tenures_of(self, name: str) -> list[Tenure]:
        if not self._by_name:  # built on first use: asked several times for every article
            for t in self.tenures:
                self._by_name.setdefault(t.name, []).append(t)
        return self._by_name.get(name, [])

    def holder(self, country: str, role_key: str, day: date) -> str | None:
        """Who held a role on a day: resolves "Japan's defence minister" in a dated article."""
        for t in self.tenures:
            if t.country == country and t.role_key == role_key and t.covers(day):
                return t.name
        return None

    def years_in_office(self, name: str, month: int, day: int) -> set[int]:
        """The years in which `name` held a role on this month and day (for dates written without
        a year). An open tenure runs to a year past the latest date the knowledge records."""
        horizon = self._horizon()
        years: set[int] = set()
        for t in self.tenures_of(name):
            first, last = t.start or date(1990, 1, 1), t.end or horizon
            for y in range(first.year, last.year + 1):
                try:
                    d = date(y, month, day)
                except ValueError:
                    continue
                if t.covers(d) and d <= horizon:
                    years.add(y)
        return years

    def years_all_in_office(self, names, month: int, day: int) -> set[int]:
        """Years in which every named person with a known tenure held office on that day."""
        years: set[int] | None = None
        for name in names:
            held = self.years_in_office(name, month, day)
            if held:
                years = held if years is None else years & held
        return years or set()

    def _horizon(self) -> date:
        return max((d for t in self.tenures for d in (t.start, t.end) if d), default=date(2000, 1, 1)) + timedelta(days=366)

    def role_on(self, name: str, day: date | None) -> Tenure | None:
        rows = self.tenures_of(name)
        if not rows:
            return None
        if day is not None:
            for t in rows:
                if t.covers(day):
                    return t
            # nearest tenure in time: a 2016 article about a 2025 minister still names a role
            return min(rows, key=lambda t: abs(((t.start or day) - day).days))
        return rows[-1]


def _read(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    if not path.exists():
        raise KnowledgeError(f"{path}: file is missing")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        missing = [c for c in required if c not in header]
        if missing:
            raise KnowledgeError(f"{path}:1: missing column(s) {', '.join(missing)}")
        rows = []
        for row in reader:
            line = reader.line_num
            if None in row:
                raise KnowledgeError(f"{path}:{line}: more cells than columns")
            clean = {
                k: unicodedata.normalize("NFC", (v or "").strip()) for k, v in row.items() if k
            }
            if not any(clean.values()):
                continue
            rows.append((line, clean))
        return rows


def local_dir() -> Path:
    """Where spellings added from the dashboard go (`aliases-local.csv`, `outlet_aliases-local.csv`):
    the folder $DASHBOARD_KNOWLEDGE_LOCAL names (tests keep the project's files untouched), else
    paths.local_knowledge() (beside the knowledge files in a checkout, the user's data folder installed)."""
    env = os.environ.get(LOCAL_ENV)
    return Path(env) if env else paths.local_knowledge()


def files_of(directory: Path, name: str) -> list[Path]:
    """`<name>.csv` and then every `<name>-*.csv` beside it (`aliases-ja.csv`, `cues-mr.csv`): each
    script's rows live in a file of their own, so analysts (and branches) do not edit one file.
    The local additions (`<name>-local.csv` in local_dir()) come last, validated the same way."""
    base = directory / f"{name}.csv"
    extra = sorted(p for p in directory.glob(f"{name}-*.csv") if p.is_file())
    local = local_dir() / f"{name}-local.csv"
    if local.is_file() and local not in extra:
        extra.append(local)
    return [base, *extra]


def _read_all(directory: Path, name: str, required: tuple[str, ...]) -> list[tuple[Path, int, dict]]:
    """Rows of `<name>.csv` and its per-language companions, each with its own file and line."""
    return [
        (path, line, row) for path in files_of(directory, name) for line, row in _read(path, required)
    ]


def _date(value: str, path: Path, line: int, column: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KnowledgeError(
            f"{path}:{line}: {column} {value!r} is not a YYYY-MM-DD date"
        ) from None


def _need(row: dict, cols: tuple[str, ...], path: Path, line: int) -> None:
    for c in cols:
        if not row.get(c):
            raise KnowledgeError(f"{path}:{line}: {c} is empty")


def _coordinates(row: dict, path: Path, line: int) -> None:
    """lat/lon of a place: both or neither, decimal degrees on the globe (a typo would misplace a marker)."""
    lat, lon = row.get("lat", ""), row.get("lon", "")
    if not lat and not lon:
        return
    try:
        la, lo = float(lat), float(lon)
    except ValueError:
        raise KnowledgeError(f"{path}:{line}: lat {lat!r} / lon {lon!r} must both be decimal degrees") from None
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        raise KnowledgeError(f"{path}:{line}: lat {la} / lon {lo} is off the globe (lat -90..90, lon -180..180)")


def _yes(value: str) -> bool:
    return value.lower() in ("yes", "y", "true", "1")


def _loose_key(latin: str) -> str:
    """A spelling-tolerant key: नकातानी, नाकातानी and Nakatani all become 'nktn'-like strings."""
    s = re.sub(r"[^a-z]", "", latin.lower())
    s = re.sub(r"[aeiouyh]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def load(directory: Path | str = KNOWLEDGE_DIR) -> Knowledge:
    d = Path(directory)
    matcher = Matcher()

    tenures: list[Tenure] = []
    people: dict[str, str] = {}
    for path, line, r in _read_all(d, "people", ("name", "country", "role", "role_key", "from", "to")):
        _need(r, ("name", "country", "role_key"), path, line)
        if r["role_key"] not in ROLE_KEYS:
            raise KnowledgeError(
                f"{path}:{line}: role_key {r['role_key']!r} is not one of {ROLE_KEYS}"
            )
        start = _date(r["from"], path, line, "from")
        end = _date(r["to"], path, line, "to")
        if start and end and end < start:
            raise KnowledgeError(f"{path}:{line}: 'to' {end} is before 'from' {start}")
        if people.get(r["name"], r["country"]) != r["country"]:
            raise KnowledgeError(f"{path}:{line}: {r['name']} has two countries")
        people[r["name"]] = r["country"]
        tenures.append(Tenure(r["name"], r["country"], r["role"], r["role_key"], start, end))

    def table(fname: str, cols: tuple[str, ...], needed: tuple[str, ...]) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for p, line, r in _read_all(d, fname.removesuffix(".csv"), cols):
            _need(r, needed, p, line)
            if r["name"] in out:
                raise KnowledgeError(f"{p}:{line}: {r['name']!r} is defined twice")
            out[r["name"]] = r
        return out

    places = table("places.csv", ("name", "kind", "country"), ("name", "kind"))
    for p, line, r in _read_all(d, "places", ()):  # lat/lon put places on the offline map
        _coordinates(r, p, line)
    orgs = table("organisations.csv", ("name", "country", "kind"), ("name", "kind"))
    exercises = table(
        "exercises.csv",
        ("name", "service", "india_force", "japan_force", "multilateral"),
        ("name",),
    )
    dialogues = table("dialogues.csv", ("name", "kind", "engagement_type"), ("name", "kind"))
    for name, r in exercises.items():
        for col in ("india_force", "japan_force"):
            if r[col] and r[col] not in orgs:
                raise KnowledgeError(
                    f"{d / 'exercises.csv'}: {name}: {col} {r[col]!r} is not in organisations.csv"
                )
    p = d / "areas.csv"
    areas: dict[str, dict] = {}
    for line, r in _read(p, ("id", "label_en", "label_hi")):  # a fixed taxonomy: one file
        _need(r, ("id", "label_en"), p, line)
        if r["id"] not in AREA_IDS:
            raise KnowledgeError(f"{p}:{line}: area id {r['id']!r} is not in the fixed taxonomy")
        r["scope"] = (r.get("scope") or "specific").strip()
        if r["scope"] not in ("specific", "general"):
            raise KnowledgeError(f"{p}:{line}: scope {r['scope']!r} is not 'specific' or 'general'")
        areas[r["id"]] = r
    if set(areas) != set(AREA_IDS):
        raise KnowledgeError(f"{p}: areas missing: {sorted(set(AREA_IDS) - set(areas))}")

    targets = {
        "person": people,
        "place": places,
        "organisation": orgs,
        "exercise": exercises,
        "dialogue": dialogues,
    }
    seen: dict[tuple[str, str], str] = {}
    context_aliases: set[tuple[str, str]] = set()
    hindi_names: dict[str, str] = {}
    surname_keys: dict[str, str] = {}
    spellings: dict[tuple[str, str], list[tuple[str, bool]]] = {}
    place_aliases: list[tuple[str, str]] = [(name, name) for name in places]
    # every canonical name is its own alias
    for kind, names in targets.items():
        for name in names:
            seen[(kind, fold(name))] = name
            matcher.add(name, kind, name)
            spellings.setdefault((kind, name), []).append((name, False))
    for p, line, r in _read_all(d, "aliases", ("alias", "kind", "name", "context")):
        _need(r, ("alias", "kind", "name"), p, line)
        kind = r["kind"]
        if kind not in targets:
            raise KnowledgeError(f"{p}:{line}: kind {kind!r} is not one of {ALIAS_KINDS}")
        if r["name"] not in targets[kind]:
            raise KnowledgeError(f"{p}:{line}: {r['name']!r} is not defined in the {kind} file")
        key = (kind, fold(r["alias"]))
        if not key[1]:
            raise KnowledgeError(f"{p}:{line}: alias is empty after normalisation")
        other = seen.get(key)
        if other and other != r["name"]:
            raise KnowledgeError(
                f"{p}:{line}: alias {r['alias']!r} points to {r['name']!r} and {other!r}"
            )
        seen[key] = r["name"]
        flag = "context" if r["context"].lower() in ("yes", "y", "true", "1") else ""
        if flag:
            context_aliases.add((key[1], r["name"]))
        elif _yes(r.get("prefix", "")):
            flag = "prefix"  # জাপানের, ଇୱାୟାଙ୍କ, జపాన్‌తో: the name with a case ending glued on
        if flag != "context" and re.search("[\u0900-\u097f]", r["alias"]):
            hindi_names.setdefault(r["name"], r["alias"])  # the first full Devanagari spelling is the one shown
        matcher.add(r["alias"], kind, r["name"], flag)
        if flag != "context":
            spellings.setdefault((kind, r["name"]), []).append((r["alias"], flag == "prefix"))
        if kind == "place":
            place_aliases.append((r["alias"], r["name"]))

    for p, line, r in _read_all(d, "area_keywords", ("keyword", "area", "lang", "prefix")):
        _need(r, ("keyword", "area"), p, line)
        if r["area"] not in areas:
            raise KnowledgeError(f"{p}:{line}: area {r['area']!r} is not defined in areas.csv")
        flag = "prefix" if r["prefix"].lower() in ("yes", "y", "true", "1") else ""
        matcher.add(r["keyword"], "area", r["area"], flag)

    for p, line, r in _read_all(d, "countries", ("alias", "country")):
        _need(r, ("alias",), p, line)
        # an empty country marks a compound that holds a country's name without naming the country
        # (インド太平洋, "the Indo-Pacific"): hits inside it are dropped (matcher.drop_masked)
        matcher.add(r["alias"], "country" if r["country"] else "mask", r["country"], "prefix" if _yes(r.get("prefix", "")) else "")

    for p, line, r in _read_all(d, "role_phrases", ("phrase", "country", "role_key")):
        _need(r, ("phrase", "role_key"), p, line)
        if r["role_key"] not in ROLE_KEYS:
            raise KnowledgeError(
                f"{p}:{line}: role_key {r['role_key']!r} is not one of {ROLE_KEYS}"
            )
        matcher.add(r["phrase"], "role", f"{r['country']}|{r['role_key']}", "prefix" if _yes(r.get("prefix", "")) else "")

    for p, line, r in _read_all(d, "cues", ("cue", "kind", "value", "prefix")):
        _need(r, ("cue", "kind"), p, line)
        if r["kind"] not in CUE_KINDS:
            raise KnowledgeError(f"{p}:{line}: kind {r['kind']!r} is not one of {CUE_KINDS}")
        flag = "prefix" if r["prefix"].lower() in ("yes", "y", "true", "1") else ""
        matcher.add(r["cue"], "cue_" + r["kind"], r["value"], flag)

    for p, line, r in _read_all(d, "calendar", ("word", "kind", "value")):
        _need(r, ("word", "kind", "value"), p, line)
        # month, weekday and relative words are found by the automaton, like every other word
        if r["kind"] not in ("month", "weekday", "relative", "relative_month"):
            raise KnowledgeError(f"{p}:{line}: kind {r['kind']!r} is not month, weekday, relative or relative_month")
        if r["kind"] == "relative_month" and r["value"] not in ("-1", "0", "1"):
            raise KnowledgeError(f"{p}:{line}: relative_month value {r['value']!r} is not -1, 0 or 1")
        if r["kind"] == "month" and not (r["value"].isdigit() and 1 <= int(r["value"]) <= 12):
            raise KnowledgeError(f"{p}:{line}: month number {r['value']!r} is not 1-12")
        matcher.add(r["word"], r["kind"], r["value"])

    boilerplate = []
    for p, line, r in _read_all(d, "boilerplate", ("pattern", "action")):
        _need(r, ("pattern", "action"), p, line)
        if r["action"] not in BOILERPLATE_ACTIONS:
            raise KnowledgeError(
                f"{p}:{line}: action {r['action']!r} is not one of {BOILERPLATE_ACTIONS}"
            )
        try:
            rx = re.compile(r["pattern"].replace(r"\b", _WORD_END), re.IGNORECASE)
        except re.error as exc:
            raise KnowledgeError(f"{p}:{line}: pattern does not compile: {exc}") from None
        boilerplate.append((rx, r["action"]))

    from dashboard import outlets as _outlets

    outlets = _outlets.load(d / "outlets.csv", _read_all(d, "outlet_aliases", ("alias", "outlet")))
    matcher.build()
    for name, country in people.items():
        if country in ("India", "Japan"):
            for part in name.replace(".", " ").split():
                if len(part) >= 4:
                    surname_keys.setdefault(_loose_key(part), name)
    return Knowledge(
        tenures=tenures,
        people=people,
        places=places,
        organisations=orgs,
        exercises=exercises,
        dialogues=dialogues,
        areas=areas,
        boilerplate=boilerplate,
        matcher=matcher,
        context_aliases=context_aliases,
        surname_keys=surname_keys,
        spellings=spellings,
        place_aliases=place_aliases,
        outlets=outlets,
        hindi_names=hindi_names,
    )


@lru_cache(maxsize=4)
def default(directory: str = str(KNOWLEDGE_DIR)) -> Knowledge:
    """The knowledge base, loaded once per process (workers each load their own copy)."""
    return load(directory)
