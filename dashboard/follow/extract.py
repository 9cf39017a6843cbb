"""A fetched article page into text and metadata: the bytes decoded whatever charset the server
declared (servers and pages often declare the wrong one), then trafilatura for the main text,
title, date, author, site name and canonical link."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard import readers

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
MIN_TEXT = 80  # characters: less is a teaser, a paywall or an index page, not an article


class NoArticle(Exception):
    """The page was fetched but holds no article text."""


@dataclass
class Page:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    sitename: str | None = None
    canonical: str | None = None
    language: str | None = None
    warnings: list[str] = field(default_factory=list)


def decode(body: bytes, content_type: str = "") -> tuple[str, list[str]]:
    """Text of a page: UTF-8 when the bytes are UTF-8 whatever was declared; else the declared
    charset if it decodes cleanly; else our readers' guess (charset-normalizer)."""
    declared = None
    m = re.search(r"charset=([\w.:-]+)", content_type or "", re.I) or None
    if m:
        declared = m.group(1).lower()
    else:
        mm = _META_CHARSET.search(body[:4096])
        declared = mm.group(1).decode("ascii", "replace").lower() if mm else None
    try:
        text = body.decode("utf-8")
        warn = [f"declared as {declared} but is UTF-8"] if declared and declared.replace("-", "") not in ("utf8", "usascii", "ascii") else []
        return text.lstrip("\ufeff"), warn
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return body.decode(declared), []
        except (LookupError, UnicodeDecodeError):
            pass
    text, enc, warnings = readers.decode(body)
    if text is None:
        raise NoArticle("the page's bytes are in no encoding that could be recognised")
    return text, ([f"declared as {declared}, decoded as {enc}"] if declared else warnings)


def page(body: bytes, url: str, content_type: str = "") -> Page:
    import trafilatura

    html, warnings = decode(body, content_type)
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.strip()) < MIN_TEXT:
        raise NoArticle("the page has no article text (too short after removing menus and boilerplate)")

    def attr(name: str) -> str | None:
        v = getattr(doc, name, None)
        return str(v).strip() if v else None

    published = attr("date")
    if published and published.endswith("-01-01"):
        published = None  # how a lone "© 2025" comes back: the parser reads the page's date line instead
    return Page(
        text=text,
        title=attr("title"),
        published=published,
        author=attr("author"),
        sitename=attr("sitename"),
        canonical=attr("url"),
        language=(attr("language") or "").split("-")[0].lower() or None,
        warnings=warnings,
    )
