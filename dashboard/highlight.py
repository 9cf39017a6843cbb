"""Article text as safe HTML with search terms, people and area evidence marked.

Article text is untrusted: every character of it goes through html.escape; the only tags in the
output are the ones this module writes.
"""

from __future__ import annotations

import html
import re

from dashboard.parse import segment
from dashboard.parse.text import normalise


def _japanese_spans(body: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where Japanese terms occur as whole words: they start and end where Sudachi splits words
    (防衛 is marked in 防衛省, whose words are 防衛 / 省; 衛 alone is marked nowhere)."""
    if not segment.has_japanese(body):
        return []
    words = segment.spans(body)
    starts, ends = {s for s, _ in words}, {e for _, e in words}
    out = []
    for term in terms:
        i = body.find(term)
        while i != -1:
            if i in starts and i + len(term) in ends:
                out.append((i, i + len(term)))
            i = body.find(term, i + 1)
    return out


def _term_spans(body: str, query: str, also: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Where the searched words occur (a trailing * matches the rest of the word), and where the
    other spellings searched with them occur (`also`, whole phrases)."""
    spans = []
    japanese = [w.strip("*'\".,;!?。、") for w in normalise(query or "").split() if segment.has_japanese(w)]
    japanese += [normalise(a) for a in also if segment.has_japanese(a)]
    spans += _japanese_spans(body, [t for t in japanese if t])
    for phrase in also:
        if segment.has_japanese(phrase):
            continue
        rx = re.compile(r"(?<![\w\u0900-\u0963\u0966-\u097f])" + re.escape(normalise(phrase)) + r"[\w\u0900-\u0d7f]*(?![\w\u0900-\u097f])", re.I)
        spans += [(m.start(), m.end()) for m in rx.finditer(body)]
    for raw in re.findall(r"[^\s\"()]+", normalise(query or "")):
        if segment.has_japanese(raw):
            continue
        if raw in ("AND", "OR", "NOT"):
            continue
        prefix = raw.endswith("*")
        word = raw.strip("*'\".,;!?।:^")
        if not word:
            continue
        tail = r"[\w\u0900-\u0963\u0966-\u097f]*" if prefix else ""
        rx = re.compile(r"(?<![\w\u0900-\u0963\u0966-\u097f])" + re.escape(word) + tail + r"(?![\w\u0900-\u0963\u0966-\u097f])", re.I)
        spans += [(m.start(), m.end()) for m in rx.finditer(body)]
    return spans


def highlight(
    body: str,
    query: str = "",
    people: list[tuple[int, int, str]] = (),
    evidence: list[tuple[int, int, str]] = (),
    also: tuple[str, ...] = (),
) -> str:
    """HTML: <mark> for search terms, <span class=person> for people, <span class=evidence> for area sentences."""
    events: list[tuple[int, int, str, str]] = []  # (pos, order, kind, html)
    for s, e, label in evidence:
        events.append((s, 0, "open", f'<span class="evidence" title="{html.escape(label, quote=True)}">'))
        events.append((e, 3, "close", "</span>"))
    for s, e, name in people:
        events.append((s, 1, "open", f'<span class="person" title="{html.escape(name, quote=True)}">'))
        events.append((e, 2, "close", "</span>"))
    for s, e in _merge(_term_spans(body, query, tuple(also))):
        events.append((s, 2, "open", "<mark>"))
        events.append((e, 1, "close", "</mark>"))
    # closing before opening at one position; spans that would cross are dropped, keeping HTML well formed
    events.sort(key=lambda x: (x[0], 0 if x[2] == "close" else 1, x[1]))
    out, pos, stack = [], 0, []
    for at, _order, kind, tag in events:
        out.append(html.escape(body[pos:at]))
        pos = at
        if kind == "open":
            stack.append(tag)
            out.append(tag)
        else:
            closing = tag
            opener = {"</span>": "<span", "</mark>": "<mark>"}[closing]
            if stack and stack[-1].startswith(opener):
                stack.pop()
                out.append(closing)
            else:
                # crossing spans: close and reopen what is inside, so tags always nest
                inner = []
                while stack and not stack[-1].startswith(opener):
                    inner.append(stack.pop())
                    out.append("</mark>" if inner[-1] == "<mark>" else "</span>")
                if stack:
                    stack.pop()
                    out.append(closing)
                for t in reversed(inner):
                    stack.append(t)
                    out.append(t)
    out.append(html.escape(body[pos:]))
    while stack:
        t = stack.pop()
        out.append("</mark>" if t == "<mark>" else "</span>")
    return "".join(out).replace("\n", "<br>")


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping marks (a spelling inside a longer one) become one."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def snippet_html(snippet: str) -> str:
    """An FTS snippet (matches wrapped in \\x02 … \\x03) as escaped HTML with <mark>."""
    return html.escape(snippet or "").replace("\x02", "<mark>").replace("\x03", "</mark>")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def markdown_escape(text: str) -> str:
    """Untrusted text (a file name, an address) inside a Markdown message, shown as typed: no
    link, image, code span or emphasis can come out of it."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")
