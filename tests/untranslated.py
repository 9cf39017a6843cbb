"""Find what the Hindi mode left in English, and internal ids in either language, in text taken from
the screen (the browser's innerText, plotly's hover texts, AppTest's elements).

Data is not translated: titles, article text, outlets, file names, and names the knowledge base has
no Devanagari spelling for. So a word on screen is data when it is part of a data string, or part
of three words in a row that some article holds (a quote, a search snippet); any other Latin word
is a label someone forgot, and an internal id is never right.
"""

from __future__ import annotations

import html
import json
import re

from dashboard import knowledge, labels, names, outlets

# Latin that is right in Hindi mode: abbreviations inside Hindi labels, the date field's
# placeholder, a quarter's Q, the search box's example word
ALLOWED = {"mro", "hadr", "yyyy", "mm", "dd", "yyyy-mm-dd", "yyyy-mm", "maritime", "q1", "q2", "q3", "q4"}
# proper nouns: the map outlines' maker (Natural Earth), feed formats (RSS, Atom)
ALLOWED |= {"natural", "earth", "rss", "atom"}
# key names on buttons and in help texts (Esc leaves the slides; J, K, V, U work the review queue)
ALLOWED |= {"esc", "j", "k", "v", "u"}
# web addresses and file formats are written in Latin in Hindi too: URL, https, "लेख (CSV)"
ALLOWED |= {"url", "http", "https", "csv", "xlsx", "pdf", "pptx", "png", "html"}
IDS = {k for table in (labels.TYPES, labels.AREAS, labels.ROLES, labels.STATUSES, labels.LANGUAGES) for k in table if "_" in k}
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(div|p|li|tr|h\d)>|<br\s*/?>", re.I)
_TOKEN = re.compile(r"[\w'’]+(?:[-_][\w'’]+)*")


def tokens(text: str) -> list[str]:
    return [t.lower().strip("'’") for t in _TOKEN.findall(text)]


def data_of(db) -> dict:
    """What on screen counts as data: every word-trigram of the articles' titles and bodies, and the
    word sequences of outlets, file names, URLs, names (in both scripts), places, keywords, roles."""
    seqs: set[tuple[str, ...]] = set()
    strings: set[str] = set()
    for sql in (
        "SELECT outlet FROM articles",
        "SELECT source_file FROM articles",
        "SELECT url FROM articles",
        "SELECT title FROM articles",
        "SELECT value FROM facets WHERE kind IN ('source', 'person')",
        "SELECT place FROM engagements",
        "SELECT name FROM participants",
        "SELECT name FROM article_people",
        "SELECT text FROM dates",
    ):
        strings |= {r[0] for r in db.execute(sql).fetchall() if r[0]}
    for (rec,) in db.execute("SELECT record FROM records").fetchall():
        r = json.loads(rec)
        for a in r.get("areas", []):
            strings |= set(a.get("keywords", []))
        eng = r.get("engagement") or {}
        strings |= {x for x in [eng.get("place"), *eng.get("participants", [])] if x}
        strings |= {p.get("role") for p in r.get("people", []) if p.get("role")}
    strings |= {names.shown(s, True) for s in list(strings)}
    # files by name and outlets by their Hindi names, as the pages show them
    strings |= {outlets.file_name(r[0]) for r in db.execute("SELECT source_file FROM articles").fetchall() if r[0]}
    strings |= {outlets.display(r[0], True, knowledge.default()) for r in db.execute("SELECT DISTINCT outlet FROM articles").fetchall() if r[0]}
    for s in strings:
        t = tuple(tokens(s))
        if t:
            seqs.add(t)
    trigrams: set[tuple[str, str, str]] = set()
    for title, body in db.execute("SELECT title, body FROM articles").fetchall():
        for text in (title, body):
            t = tokens(text or "")
            trigrams.update(zip(t, t[1:], t[2:], strict=False))
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for s in sorted(seqs, key=len, reverse=True):
        by_first.setdefault(s[0], []).append(s)
    return {"by_first": by_first, "trigrams": trigrams}


# the parser's reasons quote the article and are the parser's own words, in English, on purpose
_MACHINE = re.compile(r'<(\w+)[^>]*class="machine"[^>]*>.*?</\1>', re.S)


def _plain(raw: str) -> str:
    """Screen text without markup: one line per block, HTML tags and entities, Markdown escapes,
    bold and colour directives taken away, and the parser's own words (class="machine")."""
    text = html.unescape(_TAG.sub(" ", _BLOCK_END.sub("\n", _MACHINE.sub(" ", raw or ""))))
    text = re.sub(r":[a-z]+-background\[|:[a-z]+\[", "", text).replace("**", "")
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def leftovers(texts: list[str], data: dict, hindi: bool) -> list[str]:
    """Lines of screen text with an internal id, or (in Hindi mode) a Latin word that is not data;
    the offending words are given in [brackets]."""
    bad = []
    for raw in texts:
        for line in _plain(raw).splitlines():
            tok = tokens(line)
            covered = [False] * len(tok)
            for i in range(len(tok)):
                if tuple(tok[i : i + 3]) in data["trigrams"]:
                    covered[i : i + 3] = [True] * 3
                for seq in data["by_first"].get(tok[i], ()):
                    if tuple(tok[i : i + len(seq)]) == seq:
                        covered[i : i + len(seq)] = [True] * len(seq)
                        break
            wrong = [
                t
                for t, c in zip(tok, covered, strict=True)
                if not c and (t in IDS or (hindi and re.search("[a-z]", t) and t not in ALLOWED and not re.fullmatch(r"\d{4}-q[1-4]", t)))
            ]
            if wrong:
                bad.append(f"{line.strip()[:120]} [{', '.join(wrong)}]")
    return sorted(set(bad))
