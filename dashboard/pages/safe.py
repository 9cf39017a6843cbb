"""Safe ways to show untrusted text (titles, outlets, file names, article text, URL parameters).

Streamlit renders Markdown in st.markdown, headers, captions, alerts, toasts and widget labels, and
its Markdown makes links, images, colours and formulas. So untrusted text is shown only through
`esc` inside one HTML block (`block`), where neither HTML nor Markdown reads it as markup, or,
where only Markdown is possible (a toast), through `md`.
"""

from __future__ import annotations

import re

import streamlit as st

# characters that mean something to Markdown, Streamlit's extensions (:red[…], $…$) or HTML
_INERT = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~<>$:&\"'=^"}
_MD_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")


def esc(s: object) -> str:
    """Untrusted text as HTML that neither the browser nor Markdown reads as markup: every special
    character becomes a character reference and line breaks become <br>."""
    text = "" if s is None else str(s)
    return "".join(_INERT.get(ch, ch) for ch in text).replace("\r", "").replace("\n", "<br>")


def md(s: object) -> str:
    """Untrusted text inside Markdown: every ASCII punctuation mark backslash-escaped (no link,
    image, emphasis, code span or formula can start), on one line."""
    return _MD_PUNCT.sub(r"\\\1", re.sub(r"\s+", " ", "" if s is None else str(s)))


def block(markup: str) -> None:
    """Our HTML in one block: one line starting with a <div>, so Markdown leaves all of it alone
    (a blank line would end the HTML block and let Markdown read what follows)."""
    st.markdown("<div>" + markup.replace("\r", "").replace("\n", " ") + "</div>", unsafe_allow_html=True)


def heading(text: str, level: int = 2, cls: str = "data-heading") -> None:
    """A heading that may hold untrusted text (an article's title)."""
    block(f'<h{level} class="{cls}">{esc(text)}</h{level}>')


def notice(text: str) -> None:
    """A warning that quotes untrusted text (values from a link)."""
    block(f'<div class="notice" role="alert">{esc(text)}</div>')


def table(rows: list[dict], columns: dict[str, str]) -> None:
    """A small table of untrusted values (st.table renders Markdown in its cells): columns maps
    each key to its header, in order."""
    head = "".join(f"<th>{esc(label)}</th>" for label in columns.values())
    body = "".join("<tr>" + "".join(f"<td>{esc(r.get(k, ''))}</td>" for k in columns) + "</tr>" for r in rows)
    block(f'<table class="plain"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def link_html(url: str | None, label: str) -> str:
    """An <a> to an article's original page: only http(s) addresses, escaped, opened apart."""
    u = (url or "").strip()
    if not re.match(r"https?://[^\s<>\"']+$", u, re.I):
        return ""
    return f'<a href="{esc(u)}" target="_blank" rel="noopener noreferrer nofollow">{esc(label)}</a>'
