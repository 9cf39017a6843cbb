"""Article text as safe HTML with search terms, people and area evidence marked.

Article text is untrusted: every character of it goes through html.escape; the only tags in the
output are the ones this module writes.
"""

from __future__ import annotations

import html
import re

from dashboard.parse.text import normalise


def _term_spans(body: str, query: str) -> list[tuple[int, int]]:
    """Where the searched words occur (a trailing * matches the rest of the word)."""
    spans = []
    for raw in re.findall(r"[^\s\"()]+", normalise(query or "")):
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


def highlight(body: str, query: str = "", people: list[tuple[int, int, str]] = (), evidence: list[tuple[int, int, str]] = ()) -> str:
    """HTML: <mark> for search terms, <span class=person> for people, <span class=evidence> for area sentences."""
    events: list[tuple[int, int, str, str]] = []  # (pos, order, kind, html)
    for s, e, label in evidence:
        events.append((s, 0, "open", f'<span class="evidence" title="{html.escape(label, quote=True)}">'))
        events.append((e, 3, "close", "</span>"))
    for s, e, name in people:
        events.append((s, 1, "open", f'<span class="person" title="{html.escape(name, quote=True)}">'))
        events.append((e, 2, "close", "</span>"))
    for s, e in _term_spans(body, query):
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


def snippet_html(snippet: str) -> str:
    """An FTS snippet (matches wrapped in \\x02 … \\x03) as escaped HTML with <mark>."""
    return html.escape(snippet or "").replace("\x02", "<mark>").replace("\x03", "</mark>")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def markdown_escape(text: str) -> str:
    """Untrusted text (a file name, an address) inside a Markdown message, shown as typed: no
    link, image, code span or emphasis can come out of it."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")
