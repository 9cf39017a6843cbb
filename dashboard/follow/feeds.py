"""What a fetched source lists: the items of an RSS/Atom feed (feedparser), the URLs of a sitemap
or news sitemap (lxml, entities and network off), or nothing when it is itself an article page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from dashboard.follow.dates import item_date

_XML_ROOT = re.compile(rb"<(?:[\w.-]+:)?(rss|feed|RDF|urlset|sitemapindex)\b", re.I)


class ListingError(Exception):
    """The source's document cannot be read as what it claims to be."""


@dataclass(frozen=True)
class Item:
    url: str
    title: str | None = None
    published: str | None = None  # ISO date
    language: str | None = None


@dataclass
class Listing:
    kind: str  # feed, sitemap, sitemapindex or page
    title: str | None = None
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def kind_of(body: bytes, content_type: str = "") -> str:
    """feed, sitemap, sitemapindex or page, from the document's first element (types lie)."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    m = _XML_ROOT.search(head)
    low = head[:600].lower()
    if m and not low.startswith((b"<!doctype html", b"<html")):
        root = m.group(1).decode().lower()
        return {"urlset": "sitemap", "sitemapindex": "sitemapindex"}.get(root, "feed")
    if "xml" in content_type and b"<html" not in low:
        return "feed"  # let feedparser say what is wrong with it
    return "page"


def read(body: bytes, url: str, content_type: str = "", kb=None) -> Listing:
    kind = kind_of(body, content_type)
    if kind == "feed":
        return _feed(body, url, kb)
    if kind in ("sitemap", "sitemapindex"):
        return _sitemap(body, url, kind, kb)
    return Listing("page")


def _feed(body: bytes, url: str, kb) -> Listing:
    import feedparser

    d = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    out = Listing("feed", title=(d.feed.get("title") or None))
    lang = (d.feed.get("language") or "").split("-")[0].lower() or None
    seen: set[str] = set()
    for e in d.entries:
        link = e.get("link") or next((lk.get("href") for lk in e.get("links", []) if lk.get("href")), None)
        if not link:
            continue
        link = urljoin(url, link.strip())
        if link in seen:
            continue
        seen.add(link)
        raw = e.get("published") or e.get("updated") or e.get("dc_date")
        parsed = e.get("published_parsed") or e.get("updated_parsed")
        out.items.append(Item(link, (e.get("title") or "").strip() or None, item_date(raw, parsed, kb), lang))
    if d.get("bozo"):
        exc = d.get("bozo_exception")
        what = f"{type(exc).__name__}: {exc}" if exc is not None else "unknown error"
        if "CharacterEncodingOverride" in type(exc).__name__:
            out.warnings.append(f"the feed's declared encoding is wrong ({exc})")
        elif not out.items:
            raise ListingError(f"malformed feed XML ({what}); no items could be read")
        else:
            out.warnings.append(f"malformed feed XML ({what}); {len(out.items)} items read anyway")
    if not out.items and not d.get("bozo") and not d.get("version"):
        raise ListingError("not an RSS or Atom feed")
    return out


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _sitemap(body: bytes, url: str, kind: str, kb) -> Listing:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise ListingError(f"malformed sitemap XML ({exc})") from None
    out = Listing(kind)
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        fields: dict[str, str] = {}
        for el in node.iter():
            name = _local(el.tag)
            if el.text and el.text.strip() and name not in fields:
                fields[name] = el.text.strip()
        loc = fields.get("loc")
        if not loc:
            continue
        raw = fields.get("publication_date") or fields.get("lastmod")
        out.items.append(
            Item(urljoin(url, loc), fields.get("title"), item_date(raw, None, kb) if raw else None, (fields.get("language") or "").split("-")[0].lower() or None)
        )
    if not out.items:
        out.warnings.append("the sitemap lists no URLs")
    return out
