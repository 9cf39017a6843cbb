"""The parser: article text plus optional metadata in, an Article record out. Pure: no I/O."""

from __future__ import annotations

import re
from datetime import date

from dashboard import outlets as _outlets
from dashboard.models import Article
from dashboard.parse import areas as _areas
from dashboard.parse import dates as _dates
from dashboard.parse import engagement as _engagement
from dashboard.parse import entities as _entities
from dashboard.parse import language as _language
from dashboard.parse import text as _text
from dashboard.parse.matcher import longest_first

__all__ = ["parse_article"]


# a page date outside these years is a placeholder ("0001-01-01T00:00:00Z", "9999-12-31"), not a date
_PAGE_YEARS = (1900, 2100)


# a page date outside these years is a placeholder ("0001-01-01T00:00:00Z", "9999-12-31"), not a date
_PAGE_YEARS = (1900, 2100)


def _page_date_candidates(meta: dict, cleaned: _text.Cleaned, kb):
    """(source, words, date) in the order they are trusted, read one at a time: a page with many
    date-like header lines stops at the first that reads."""
    # readers.py maps the many export field names to "published"; "date" is kept for direct callers
    for key in ("published", "date"):
        if meta.get(key):
            yield "metadata", str(meta[key]), _dates.parse_date_string(str(meta[key]), kb)
    if cleaned.stamp and len(cleaned.stamp) == 10:
        yield "stamp", f"date {cleaned.stamp}", date.fromisoformat(cleaned.stamp)
    for line in cleaned.page_dates:
        yield ("byline" if line in cleaned.after_title else "header"), line, _dates.parse_date_string(line, kb)
    if cleaned.dateline_date:
        for r in _dates.find_dates(cleaned.dateline_date, kb, relative=False):
            if r.kind == "full":
                yield "dateline", cleaned.dateline_date, date(r.year, r.month, r.day)
                break


def _published(meta: dict, cleaned: _text.Cleaned, kb, warnings: list[str]) -> tuple[date | None, str | None, str]:
    """The page's date, its words, and where it was read: metadata, a capture stamp, the byline
    under the headline, a line above it ("header": perhaps the site's clock), or the dateline."""
    for source, text, d in _page_date_candidates(meta, cleaned, kb):
        if d is None:
            continue
        if not _PAGE_YEARS[0] <= d.year <= _PAGE_YEARS[1]:
            warnings.append(f"page date {text!r} is out of range ({d.isoformat()}): ignored")
            continue
        return d, text, source
    return None, None, ""


_DIGIT = re.compile(r"\d")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|ist|gmt|jst|hrs)?|अपराह्न|पूर्वाह्न|बजे|IST|GMT|JST", re.I)


def _page_date_line(line: str, kb) -> bool:
    """A header line that is mostly a date ("Posted by X | March 20, 2022 | 4 min read")."""
    if not _DIGIT.search(line):
        return False
    found = [r for r in _dates.find_dates(line, kb, relative=False) if r.kind == "full"]
    if not found:
        return False
    rest = line
    for r in found:
        rest = rest.replace(r.text, " ")
    rest = _TIME.sub(" ", rest)  # "19:05 IST", "7:15 अपराह्न" are part of a page date
    segments = [seg for seg in re.split(r"[|•·]", rest) if seg.strip()]
    words = max((len(seg.split()) for seg in segments), default=0)
    return words <= 7


def parse_article(text: str, meta: dict | None = None, kb=None, source: str = "") -> Article:
    """Parse one article. `meta` may carry title, url, published, source and language."""
    if kb is None:
        from dashboard import knowledge

        kb = knowledge.default()
    meta = meta or {}
    cleaned = _text.clean(
        text,
        kb.boilerplate,
        meta.get("title"),
        has_date=lambda line: _page_date_line(line, kb),
        is_place=lambda head: _entities.dateline_place(head, kb)[0] is not None,
    )
    body, title = cleaned.body, cleaned.title
    title_made_up = any(w.startswith("no title found") for w in cleaned.warnings)
    warnings = list(cleaned.warnings)
    published, published_text, published_from = _published(meta, cleaned, kb, warnings)

    sentences = _text.split_sentences(body)
    hits = longest_first(kb.matcher.find(body))
    title_hits = longest_first(kb.matcher.find(title))
    raw_dates = _dates.find_dates(body, kb, hits)
    dateline_place = None
    if cleaned.dateline:
        dateline_place, how = _entities.dateline_place(cleaned.dateline, kb)
        if how == "spelling":
            warnings.append(f"dateline {cleaned.dateline!r} read as {dateline_place} by spelling similarity")

    # roles ("Japan's defence minister") resolve by the article's own date when there is one
    ref_date = published
    if ref_date is None:
        for r in raw_dates:
            if r.kind == "full":
                try:
                    ref_date = date(r.year, r.month, r.day)
                    break
                except ValueError:  # a date as written that no calendar has ("29 February 2065")
                    continue
    person_hits, pw = _entities.find_people(body, hits, kb, ref_date)
    inferred = None  # a page date worked out, not read: it dates the text but is not reported as read
    if cleaned.dateline_date and published is None:
        for r in _dates.find_dates(cleaned.dateline_date, kb, relative=False):
            if r.kind != "yearless":
                continue
            # "NEW DELHI, May 5 (PTI)" and no page date: the year in which the people of the lead
            # held office on that day, when only one fits
            lead_end = sentences[1][1] if len(sentences) > 1 else len(body)
            names = sorted({p.name for p in person_hits if p.start < lead_end})
            years = kb.years_all_in_office(names, r.month, r.day)
            lead_days = {int(h.value) for h in hits if h.kind == "weekday" and h.start < lead_end}
            if len(years) > 1 and len(lead_days) == 1 and not r.text.isascii():
                # "ଟୋକିଓ,୨।୯ … ସୋମବାର": of the years they held office, the one where that day is the lead's weekday
                on_day = {y for y in years if date(y, r.month, r.day).weekday() in lead_days}
                years = on_day or years
            if len(years) == 1:
                published = inferred = date(years.pop(), r.month, r.day)
                published_text = cleaned.dateline_date
                warnings.append(f"dateline date {cleaned.dateline_date!r} has no year: {published.year} is the year {', '.join(names)} held office then")
                person_hits, pw = _entities.find_people(body, hits, kb, published)
            else:
                warnings.append(f"dateline date {cleaned.dateline_date!r} has no year and no page date")
    warnings.extend(pw)
    ctx = _engagement.Context(
        body=body,
        title=title,
        sentences=sentences,
        hits=hits,
        title_hits=title_hits,
        people=person_hits,
        kb=kb,
        published=published,
        dateline_place=dateline_place,
        label_hits=kb.matcher.find(" | ".join(cleaned.labels)) if cleaned.labels else [],
        published_from=published_from,
        page_month=cleaned.stamp if cleaned.stamp and len(cleaned.stamp) == 7 and published is None else None,
        dateline_date=cleaned.dateline_date,
    )
    # a headline made up from the first sentence frames nothing
    headline_areas = frozenset() if title_made_up else frozenset(h.value for h in title_hits if h.kind == "area")
    relevant, score, engagement, date_mentions, reasons = _engagement.build(
        ctx, raw_dates, published_text
    )
    if inferred is not None:
        date_mentions = [d for d in date_mentions if d.role != "published"]
        published = None
    if (
        engagement
        and engagement.date
        and len(engagement.date) == 10
        and not engagement.date.startswith("X")
    ):
        ref_date = date.fromisoformat(engagement.date)
    if published is None and inferred is None and any(r.kind in ("relative", "weekday") for r in raw_dates):
        warnings.append("relative dates left empty: the article has no publication date")
    if not body.strip():
        warnings.append("no article text after removing boilerplate")
    language = meta.get("language") or _language.detect(title + "\n" + body)
    return Article(
        source=source,
        title=title,
        body=body,
        language=_language.detect(title + "\n" + body) if language not in _LANGS else language,
        url=meta.get("url") or None,
        published=published.isoformat() if published else None,
        india_japan=relevant,
        engagement=engagement,
        dates=tuple(date_mentions),
        people=tuple(_entities.people_records(body, person_hits, kb, ref_date)),
        places=tuple(_entities.entity_records(body, hits, "place")),
        organisations=tuple(_entities.entity_records(body, hits, "organisation")),
        exercises=tuple(_entities.entity_records(body, hits, "exercise")),
        dialogues=tuple(_entities.entity_records(body, hits, "dialogue")),
        areas=tuple(_areas.find_areas(body, hits, sentences, kb.areas, headline_areas)),
        warnings=tuple(warnings),
        outlet=_outlets.identify(meta, text, title, cleaned.dateline, source, kb),
        relevance=round(score, 2),
        extra={"reasons": reasons, "dateline": cleaned.dateline},
    )


_LANGS = {"hi", "en", "mixed", "mr", "gu", "bn", "or", "ta", "te", "ur", "ja", "pa", "kn", "ml"}
