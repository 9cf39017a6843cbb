"""Outlets as data: who published an article, under one name however it is spelt.

An article names its outlet in metadata, in its URL, in the masthead above the headline, or as the
agency in its dateline ("New Delhi, May 5 (PTI)"). data/knowledge/outlets.csv maps every spelling,
script and domain of an outlet to one canonical name, so "Dainik Prahari", "dainikprahari.in" and
"दैनिक प्रहरी" count as one source, not three. Pure: no I/O but reading the knowledge file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import urlsplit

from dashboard.parse.matcher import Matcher, fold, longest_first

KINDS = ("newspaper", "wire", "broadcaster", "magazine", "online", "blog", "newsletter", "government")
LANGUAGES = ("hi", "en", "mixed", "mr", "ja", "bn", "gu", "or", "ta", "te", "ur", "pa", "kn", "ml")
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
_SUBDOMAIN_NOISE = ("www.", "m.", "amp.", "mobile.")
_SUFFIXES = {"com", "in", "net", "org", "info", "news", "example", "co", "gov", "go", "or", "jp", "uk", "blogspot", "substack"}
HEADER_LINES = 10  # the page header: lines above the first paragraph, as the text cleaner reads it
HEADER_MAX_CHARS = 150
_URL = re.compile(r"https?://[^\s<>\"']+", re.I)


@dataclass(frozen=True)
class Outlet:
    name: str
    name_hi: str
    country: str
    languages: tuple[str, ...]
    kind: str
    group: str  # outlets of one group (a government's press offices) are one independent voice


@dataclass
class Outlets:
    """The outlets file, with its lookups built once."""

    by_name: dict[str, Outlet] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # folded name or alias -> canonical name
    domains: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)  # dateline agency codes: "(PTI)", "(TCW)"
    slugs: dict[str, str] = field(default_factory=dict)  # "bharat-samachar" -> Bharat Samachar
    matcher: Matcher = field(default_factory=Matcher)

    def canonical(self, value: str | None) -> str | None:
        """A name, alias, code or domain of a known outlet -> its canonical name; else None."""
        if not value:
            return None
        v = value.strip()
        return self.names.get(fold(v)) or self.codes.get(v) or self.from_domain(v)

    def from_domain(self, value: str | None) -> str | None:
        host = _host(value)
        while host and "." in host:
            if host in self.domains:
                return self.domains[host]
            host = host.split(".", 1)[1]
        return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _host(value: str | None) -> str:
    """'https://www.dainikprahari.in/desh/x' or 'dainikprahari.in' -> 'dainikprahari.in'."""
    if not value:
        return ""
    v = value.strip().lower()
    try:
        host = urlsplit(v if "//" in v else "//" + v).hostname or ""
    except ValueError:  # "[" reads as an unclosed IPv6 address: no host (found by tests/test_fuzz.py)
        return ""
    for noise in _SUBDOMAIN_NOISE:
        if host.startswith(noise):
            host = host[len(noise) :]
    return host if _DOMAIN.match(host) else ""


def load(path: Path) -> Outlets:
    """Read and validate outlets.csv; a bad row raises KnowledgeError with file, line and reason."""
    from dashboard.knowledge import KnowledgeError, _need, _read

    out = Outlets()
    owner: dict[tuple[str, str], str] = {}

    def claim(table: dict[str, str], kind: str, key: str, name: str, line: int, shown: str) -> None:
        other = owner.get((kind, key))
        if other and other != name:
            raise KnowledgeError(f"{path}:{line}: {kind} {shown!r} belongs to {other!r} and {name!r}")
        owner[(kind, key)] = name
        table[key] = name

    cols = ("name", "name_hi", "aliases", "domains", "codes", "country", "language", "kind", "group")
    for line, r in _read(path, cols):
        _need(r, ("name", "name_hi", "country", "language", "kind"), path, line)
        name = r["name"]
        if name in out.by_name:
            raise KnowledgeError(f"{path}:{line}: {name!r} is defined twice")
        if r["kind"] not in KINDS:
            raise KnowledgeError(f"{path}:{line}: kind {r['kind']!r} is not one of {KINDS}")
        langs = tuple(x.strip() for x in r["language"].split(";") if x.strip())
        bad = [x for x in langs if x not in LANGUAGES]
        if bad:
            raise KnowledgeError(f"{path}:{line}: language {bad[0]!r} is not one of {LANGUAGES}")
        out.by_name[name] = Outlet(name, r["name_hi"], r["country"], langs, r["kind"], r["group"] or name)
        for alias in [name, r["name_hi"], *r["aliases"].split(";")]:
            alias = alias.strip()
            if not alias:
                continue
            key = fold(alias)
            if not key:
                raise KnowledgeError(f"{path}:{line}: alias {alias!r} is empty after normalisation")
            claim(out.names, "name", key, name, line, alias)
            out.matcher.add(alias, "outlet", name)
            if alias.isascii():
                claim(out.slugs, "slug", _slug(alias), name, line, alias)
        for domain in (x.strip().lower() for x in r["domains"].split(";")):
            if not domain:
                continue
            if not _DOMAIN.match(domain):
                raise KnowledgeError(f"{path}:{line}: domain {domain!r} is not a host name like example.in")
            claim(out.domains, "domain", domain, name, line, domain)
            labels = domain.split(".")
            while len(labels) > 1 and labels[-1] in _SUFFIXES:
                labels.pop()
            if len(labels) == 1:  # 'dainikprahari.in' -> 'dainikprahari'; 'hindi.sagartimes.in' names no slug
                out.slugs.setdefault(_slug(labels[0]), name)
        for code in (x.strip() for x in r["codes"].split(";")):
            if code:
                claim(out.codes, "code", code, name, line, code)
    out.matcher.build()
    return out


def _header_lines(raw: str, title: str) -> list[tuple[str, bool]]:
    """The short lines above the first paragraph, each with whether it is the headline."""
    tkey = fold(title) if title else ""
    lines: list[tuple[str, bool]] = []
    for line in (ln.strip() for ln in raw.split("\n")):
        if not line:
            continue
        if len(lines) >= HEADER_LINES or (len(line) > HEADER_MAX_CHARS and not (_URL.search(line) and len(line.split()) <= 3)):
            break  # the first paragraph; a long address on a line of its own is still header
        key = fold(line)
        lines.append((line, bool(tkey) and (key == tkey or (len(key) > 20 and (key in tkey or tkey in key)))))
    return lines


def _masthead(lines: list[tuple[str, bool]], known: Outlets) -> str | None:
    """The first known outlet named in the header. On the headline line only when the name is most
    of the line: 'Ministry of External Affairs' over a press release is its publisher, 'Ministry of
    Defence signs pact with Japan' is news about the ministry."""
    for line, is_title in lines:
        hits = longest_first(known.matcher.find(line))
        if not hits:
            continue
        if is_title:
            letters = sum(c.isalnum() for c in line)
            covered = sum(c.isalnum() for h in hits for c in line[h.start : h.end])
            if covered < 0.6 * letters:
                continue
        return hits[0].value
    return None


_AGENCY = re.compile(r"\(([^()]{2,40})\)\s*$")
_JA_DATELINE = re.compile(r"【([^】]{1,30})】")


def _header_url(lines: list[tuple[str, bool]]) -> str | None:
    """A page's own address above its text ("URL: https://…", as clipping tools and saved pages
    put it)."""
    for line, _ in lines:
        m = _URL.search(line)
        if m:
            return m.group()
    return None


def identify(meta: dict, raw: str, title: str, dateline: str | None, source: str, kb) -> str | None:
    """The outlet of one article, by the most explicit evidence first.

    1. metadata naming a known outlet (source/site/outlet fields), or a known domain in the URL
       (metadata, or the page's address written above its text);
    2. metadata naming an outlet the knowledge does not list (kept as written);
    3. the masthead: a known outlet named in the page header ("दैनिक प्रहरी | ब्यूरो रिपोर्ट");
    4. the agency in the dateline ("New Delhi, May 5 (PTI)", "【ニューデリー共同】");
    5. the host of an unknown URL ("aajkiawaaz.com");
    6. the saved file's name ending in a known outlet ("…_bharat-samachar.txt").
    """
    given = next((str(meta[k]).strip() for k in ("source", "site", "outlet") if meta.get(k) and str(meta[k]).strip()), None)
    known: Outlets = getattr(kb, "outlets", None) or Outlets()
    header = _header_lines(raw, title)
    url = meta.get("url") or _header_url(header)
    found = known.canonical(given) or known.from_domain(url)
    if found:
        return found
    if given and not _host(given):
        return given
    masthead = _masthead(header, known)
    if masthead:
        return masthead
    m = _AGENCY.search(dateline or "")
    if m:
        agency = m.group(1).strip()
        hit = known.codes.get(agency) or known.names.get(fold(agency))
        if hit:
            return hit
    for m in _JA_DATELINE.finditer(raw[:2000]):  # 【ニューデリー共同】: the agency closes the bracket
        hit = next((name for code, name in known.codes.items() if not code.isascii() and m.group(1).endswith(code)), None)
        if hit:
            return hit
    host = _host(given) or _host(url)
    if host:
        return host
    stem = _stem(source)
    if "_" in stem:
        return known.slugs.get(stem.rsplit("_", 1)[1].lower())
    return None


def _stem(source: str) -> str:
    """'data/x/2024-01-13_sahyog_bharat-samachar.txt#3' -> '2024-01-13_sahyog_bharat-samachar'."""
    name = file_name(source)
    return name.rsplit(".", 1)[0] if "." in name else name


def file_name(source: str | None) -> str:
    """Where an article came from, as a reader may see it: the file's name, never a local path.

    'C:\\tmp\\upload\\a.zip!inner/b.txt' -> 'a.zip!b.txt'; 'folder/export.json#4' -> 'export.json#4'."""
    if not source:
        return ""
    if "://" in source:
        return source
    parts = source.split("!")
    names = []
    for part in parts:
        rec = ""
        if "#" in part:
            part, rec = part.rsplit("#", 1)
            rec = "#" + rec
        names.append(PureWindowsPath(PurePosixPath(part).name).name + rec)
    return "!".join(names)


def display(name: str | None, hindi: bool, kb, unknown: tuple[str, str] = ("unnamed source", "अनाम स्रोत")) -> str:
    """An outlet's name as shown: its Hindi name in Hindi mode when the knowledge has one."""
    if not name:
        return unknown[1] if hindi else unknown[0]
    o = kb.outlets.by_name.get(name)
    return (o.name_hi if hindi and o else name) or name


def independent(names: Iterable[str | None], kb) -> int:
    """How many independent outlets: spellings are already one name; a group counts once."""
    groups = set()
    for n in names:
        if n:
            o = kb.outlets.by_name.get(n)
            groups.add(o.group if o else n)
    return len(groups)


def reports_line(names: Iterable[str | None], kb, hindi: bool = False) -> str:
    """'12 articles from 9 independent outlets' for a list of the articles' outlets (one per article)."""
    names = list(names)
    n, m = len(names), independent(names, kb)
    unnamed = sum(1 for x in names if not x)
    if hindi:
        text = f"{n} लेख, {m} स्वतंत्र {'स्रोत' if m == 1 else 'स्रोतों'} से"
        return text + (f" ({unnamed} का स्रोत अज्ञात)" if unnamed else "")
    text = f"{n} article{'s' if n != 1 else ''} from {m} independent outlet{'s' if m != 1 else ''}"
    return text + (f" ({unnamed} with no named source)" if unnamed else "")
