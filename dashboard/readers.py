"""Files in, article records out: encodings, HTML (trafilatura), JSON, JSON lines, CSV, zip, folders.

Every problem becomes a ReadFailure naming the file and the reason, so one bad file never stops
a batch; the parser itself never sees bytes.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
TEXT_FIELDS = (
    "text",
    "body",
    "content",
    "article",
    "full_text",
    "fulltext",
    "article_text",
    "story",
)
TITLE_FIELDS = ("title", "headline", "heading")
URL_FIELDS = ("url", "link", "canonical_url", "source_url")
DATE_FIELDS = (
    "published",
    "date",
    "publishedAt",
    "published_at",
    "pubDate",
    "datePublished",
    "pub_date",
    "published_date",
)
SOURCE_FIELDS = ("source", "site", "outlet", "publisher", "source_name", "sitename")
LANG_FIELDS = ("language", "lang")
SUFFIXES = {".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".csv", ".zip"}
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"MZ": "a Windows executable",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


@dataclass(frozen=True)
class RawRecord:
    source: str  # the path as given, with "#N" for the Nth record of a multi-record file
    text: str
    meta: dict = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadFailure:
    source: str
    reason: str


Item = RawRecord | ReadFailure


def decode(data: bytes) -> tuple[str | None, str, list[str]]:
    """(text, encoding, warnings); text is None when no encoding fits."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", warnings
        except UnicodeDecodeError:
            return None, "utf-16", warnings
    # UTF-16 without a byte-order mark: spaces and ASCII letters leave zero bytes behind (and
    # Devanagari in UTF-16-LE is also valid UTF-8 garbage, so this test must come first)
    if b"\x00" in data[:8000]:
        t = _utf16_guess(data)
        if t is not None:
            return t, "utf-16", warnings
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    # mostly UTF-8 with a few broken bytes: keep the article, say what was replaced
    lossy = data.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd")
    multibyte = sum(1 for b in data[:20000] if b >= 0xC2)
    if multibyte > 20 and bad <= max(3, len(lossy) // 500):
        warnings.append(f"{bad} undecodable byte sequence(s) replaced (first at byte {bad_at})")
        return lossy, "utf-8", warnings
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.25:
        return None, "", warnings
    warnings.append(f"decoded as {best.encoding}")
    return str(best), best.encoding, warnings


def _utf16_guess(data: bytes) -> str | None:
    """Text if the bytes read as UTF-16 (either byte order) with no control characters."""
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            t = data[: len(data) - len(data) % 2].decode(enc)
        except UnicodeDecodeError:
            continue
        head = t[:3000]
        if head and sum(c.isprintable() or c in "\n\r\t" for c in head) / len(head) > 0.98:
            return t
    return None


def _sniff_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:8000]
    if b"\x00" in head and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if _utf16_guess(head) is not None:
            return None  # UTF-16 without a byte-order mark: decode() reads it
        return "binary data (it contains NUL bytes)"
    return None


def _pick(obj: dict, names: tuple[str, ...]):
    lower = {str(k).lower(): v for k, v in obj.items()}
    for n in names:
        v = lower.get(n.lower())
        if isinstance(v, dict):  # {"source": {"name": "..."}} in news-API exports
            v = v.get("name") or v.get("title") or v.get("id")
        if v not in (None, ""):
            return v
    return None


def _record_from_obj(obj: dict, source: str) -> Item:
    text = _pick(obj, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        return ReadFailure(
            source, f"no article text (looked for fields: {', '.join(TEXT_FIELDS[:3])} …)"
        )
    meta = {
        "title": _pick(obj, TITLE_FIELDS),
        "url": _pick(obj, URL_FIELDS),
        "published": _pick(obj, DATE_FIELDS),
        "source": _pick(obj, SOURCE_FIELDS),
        "language": _pick(obj, LANG_FIELDS),
    }
    meta = {k: str(v) for k, v in meta.items() if v not in (None, "")}
    if _looks_like_html(text):
        return _from_html(text, source, meta)
    return RawRecord(source, text, meta)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<body" in head or ("<p>" in head and "</p>" in head)


def _from_html(html: str, source: str, meta: dict | None = None) -> Item:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is not None and str(getattr(doc, "date", "") or "").endswith("-01-01"):
        # "2025-01-01" is how a lone "© 2025" comes back from the extensive date search: keep
        # only what the page's metadata says, so the parser reads the page date line instead
        strict = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        doc.date = getattr(strict, "date", None) if strict is not None else None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.strip()) < 40:
        return ReadFailure(source, "HTML page has no article text")
    m = dict(meta or {})
    for key, attr in (
        ("title", "title"),
        ("url", "url"),
        ("published", "date"),
        ("source", "sitename"),
    ):
        v = getattr(doc, attr, None)
        if v and not m.get(key):
            m[key] = str(v)
    return RawRecord(source, text, m)


def _records_from_json(text: str, source: str) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadFailure(
            source, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        )
        return
    if isinstance(data, dict):
        for key in ("articles", "results", "items", "data", "records", "stories"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, dict):
        yield _record_from_obj(data, source)
        return
    if not isinstance(data, list):
        yield ReadFailure(source, "JSON is neither an article object nor a list of articles")
        return
    if not data:
        yield ReadFailure(source, "JSON list is empty")
    for i, obj in enumerate(data, 1):
        src = f"{source}#{i}"
        yield (
            _record_from_obj(obj, src)
            if isinstance(obj, dict)
            else ReadFailure(src, "record is not a JSON object")
        )


def _records_from_jsonl(text: str, source: str) -> Iterator[Item]:
    n = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        n += 1
        src = f"{source}#{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(src, f"line {lineno} is not valid JSON: {exc.msg}")
            continue
        yield (
            _record_from_obj(obj, src)
            if isinstance(obj, dict)
            else ReadFailure(src, f"line {lineno} is not a JSON object")
        )
    if n == 0:
        yield ReadFailure(source, "file has no JSON lines")


def _records_from_csv(text: str, source: str) -> Iterator[Item]:
    csv.field_size_limit(MAX_BYTES)
    # the header line decides the delimiter (csv.Sniffer is fooled by commas inside quoted text)
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=header_line.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or []) if h]
    lower = {h.lower() for h in header}
    if not lower & set(TEXT_FIELDS):
        yield ReadFailure(
            source,
            f"CSV has no article-text column (need one of: {', '.join(TEXT_FIELDS[:3])}); found: {', '.join(header) or 'no header'}",
        )
        return
    n = 0
    try:
        for i, row in enumerate(reader, 1):
            n += 1
            yield _record_from_obj({k.strip(): v for k, v in row.items() if k}, f"{source}#{i}")
    except csv.Error as exc:
        yield ReadFailure(source, f"CSV is malformed near line {reader.line_num}: {exc}")
    if n == 0:
        yield ReadFailure(source, "CSV has a header but no rows")


def read_bytes(data: bytes, source: str, suffix: str = "") -> Iterator[Item]:
    """Records from the bytes of one file; `suffix` (".json" …) picks the format, else content decides."""
    if len(data) > MAX_BYTES:
        yield ReadFailure(
            source,
            f"file is {len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB",
        )
        return
    if not data.strip():
        yield ReadFailure(source, "file is empty")
        return
    suffix = suffix.lower()
    if suffix == ".zip" or data.startswith(b"PK\x03\x04"):
        yield from _read_zip(data, source)
        return
    what = _sniff_binary(data)
    if what:
        yield ReadFailure(source, f"not a text file: {what}")
        return
    text, _enc, warnings = decode(data)
    if text is None:
        yield ReadFailure(
            source,
            "cannot decode: the bytes are not UTF-8, UTF-16 or a recognisable 8-bit encoding",
        )
        return
    text = text.lstrip("\ufeff")
    if not text.strip():
        yield ReadFailure(source, "file is empty")
        return
    head = text.lstrip()[:200].lower()
    if suffix in (".html", ".htm") or (
        not suffix and (head.startswith("<!doctype html") or head.startswith("<html"))
    ):
        items: Iterator[Item] = iter([_from_html(text, source)])
    elif suffix == ".json" or (
        suffix not in (".txt", ".text", ".csv", ".jsonl", ".ndjson") and head[:1] in "{["
    ):
        items = _records_from_json(text, source)
    elif suffix in (".jsonl", ".ndjson"):
        items = _records_from_jsonl(text, source)
    elif suffix in (".csv", ".tsv"):
        items = _records_from_csv(text, source)
    else:
        items = iter([RawRecord(source, text, {})])
    for item in items:
        if isinstance(item, RawRecord) and warnings:
            item = RawRecord(item.source, item.text, item.meta, tuple(warnings) + item.warnings)
        yield item


def _read_zip(data: bytes, source: str) -> Iterator[Item]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        yield ReadFailure(source, "not a valid zip archive")
        return
    total = 0
    with zf:
        for info in zf.infolist():
            if info.is_dir() or Path(info.filename).name.startswith("."):
                continue
            member = f"{source}!{info.filename}"
            suffix = Path(info.filename).suffix.lower()
            if suffix not in SUFFIXES - {".zip"}:
                continue
            total += info.file_size
            if info.file_size > MAX_BYTES or total > 4 * MAX_BYTES:
                yield ReadFailure(member, "archive member is too large")
                continue
            yield from read_bytes(zf.read(info), member, suffix)


def read_path(path: str | Path, given: str | None = None) -> Iterator[Item]:
    """Records from one file (never raises: every problem is a ReadFailure)."""
    p = Path(path)
    source = given if given is not None else str(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            yield ReadFailure(
                source, f"file is {size / 1e6:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB"
            )
            return
        data = p.read_bytes()
    except FileNotFoundError:
        yield ReadFailure(source, "no such file")
        return
    except IsADirectoryError:
        yield ReadFailure(source, "is a directory")
        return
    except OSError as exc:
        yield ReadFailure(source, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, source, p.suffix)


def expand(paths: list[str]) -> Iterator[tuple[Path, str]]:
    """Files under the given paths (folders recursively, in a stable order), with the name to report."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    yield f, str(f)
        else:
            yield p, given


def read_all(paths: list[str]) -> Iterator[Item]:
    for f, given in expand(paths):
        yield from read_path(f, given)
