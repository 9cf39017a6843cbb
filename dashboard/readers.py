"""Files in, article records out: encodings, HTML (trafilatura), JSON, JSON lines, CSV, zip, folders.

Every problem becomes a ReadFailure naming the file and the reason, so one bad file never stops
a batch; the parser itself never sees bytes.
"""

from __future__ import annotations

import csv
import io
import json
import math
import stat
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from dashboard.encodings import decode, shown, sniff_binary, valid_text

MAX_BYTES = 50 * 1024 * 1024
# An article is read whole or not at all: a cut text would be stored as if complete (with an id
# that matches no real article), and a field of millions of characters is an export gone wrong
# (several articles in one cell, a dump), not a news story. A long feature runs to 100 k.
MAX_ARTICLE_CHARS = 1_000_000
MAX_META_CHARS = 4_000  # a title, url, date or outlet longer than this is not one: it is dropped
MAX_ARCHIVE_BYTES = 4 * MAX_BYTES  # what one zip may expand to, counted as it is read
# members of an archive that are documents we cannot read (reported) and junk that archivers
# add (skipped quietly unless nothing else is there)
DOCUMENTS = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".pages", ".xls", ".xlsx", ".ods", ".ppt", ".pptx"}
ARCHIVES = {".zip", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz"}
JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
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


def _scalar(v):
    """A field value as text, or None: NaN and Infinity (JSON allows them) and nested lists are no
    title or date."""
    if isinstance(v, dict):  # {"source": {"name": "..."}} in news-API exports
        v = v.get("name") or v.get("title") or v.get("id")
    if isinstance(v, bool) or v is None or isinstance(v, (list, dict)):
        return None
    if isinstance(v, float) and not math.isfinite(v):
        return None
    v = str(v)
    return v if v.strip() else None


def _pick(obj: dict, names: tuple[str, ...]):
    lower = {str(k).lower(): v for k, v in obj.items()}
    for n in names:
        v = _scalar(lower.get(n.lower()))
        if v is not None:
            return v
    return None


def _record_from_obj(obj: dict, source: str) -> Item:
    text = _pick(obj, TEXT_FIELDS)
    if text is None:
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
    meta = {k: v for k, v in meta.items() if v is not None}
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


def _json(text: str):
    """json.loads with NaN/Infinity read as null (a NaN title is no title, not "nan")."""
    return json.loads(text, parse_constant=lambda _name: None)


def _records_from_json(text: str, source: str) -> Iterator[Item]:
    try:
        data = _json(text)
    except json.JSONDecodeError as exc:
        yield ReadFailure(
            source, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        )
        return
    except RecursionError:
        yield ReadFailure(source, "JSON is nested too deeply to be an article export")
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
            obj = _json(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(src, f"line {lineno} is not valid JSON: {exc.msg}")
            continue
        except RecursionError:
            yield ReadFailure(src, f"line {lineno} is JSON nested too deeply to be an article")
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



def _checked(item: Item) -> Item:
    """Every record leaves the readers valid and of a size the parser is made for."""
    if not isinstance(item, RawRecord):
        return item
    text, warnings = valid_text(item.text)
    if len(text) > MAX_ARTICLE_CHARS:
        return ReadFailure(
            item.source,
            f"article text is {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,} per article "
            "(is it several articles in one field?)",
        )
    if not text.strip():
        return ReadFailure(item.source, "article text is empty")
    meta = {}
    for k, v in item.meta.items():
        v, w = valid_text(str(v))
        if len(v) > MAX_META_CHARS:
            warnings.append(f"{k} field of {len(v):,} characters ignored (the limit is {MAX_META_CHARS:,})")
            continue
        warnings += [f"{k}: {x}" for x in w]
        meta[k] = v
    if text is item.text and meta == item.meta and not warnings:
        return item
    return RawRecord(item.source, text, meta, item.warnings + tuple(warnings))


def read_bytes(data: bytes, source: str, suffix: str = "") -> Iterator[Item]:
    """Records from the bytes of one file; `suffix` (".json" …) picks the format, else content decides."""
    for item in _read_bytes(data, source, suffix):
        yield _checked(item)


def _read_bytes(data: bytes, source: str, suffix: str) -> Iterator[Item]:
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
    what = sniff_binary(data)
    if what:
        yield ReadFailure(source, f"not a text file: {what}")
        return
    text, _enc, warnings = decode(data)
    if text is None:
        yield ReadFailure(
            source,
            "cannot decode: the bytes are not UTF-8, UTF-16, UTF-32 or a recognisable 8-bit encoding",
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


class _TooLarge(Exception):
    pass


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The member's bytes, streamed: its declared size may lie, so stop at `limit`, never trust it."""
    out = bytearray()
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 20):
            out += chunk
            if len(out) > limit:
                raise _TooLarge
    return bytes(out)


def _read_zip(data: bytes, source: str) -> Iterator[Item]:
    """Every member that holds articles, each named `archive!member`; members of one name are all
    kept (`name (2)`), and what cannot be read is named with its reason."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, UnicodeDecodeError, OSError) as exc:
        yield ReadFailure(source, f"not a valid zip archive ({exc})" if str(exc) else "not a valid zip archive")
        return
    total = 0
    seen: Counter = Counter()
    skipped: Counter = Counter()
    reported = False
    with zf:
        for info in infos:
            if info.is_dir():
                continue
            name = info.filename
            base = PurePosixPath(name).name
            suffix = PurePosixPath(base).suffix.lower()
            if name.startswith("__MACOSX/") or base.startswith("._") or base.lower() in JUNK_NAMES:
                skipped["macOS or Windows folder metadata"] += 1
                continue
            seen[name] += 1
            member = f"{source}!{name}" + (f" ({seen[name]})" if seen[name] > 1 else "")
            if suffix in ARCHIVES:
                reported = True
                yield ReadFailure(member, "an archive inside the archive is not opened: unzip it and add its files")
                continue
            if suffix in DOCUMENTS:
                reported = True
                yield ReadFailure(member, f"{suffix} documents are not read: save the article as text or HTML")
                continue
            if suffix not in SUFFIXES:
                skipped[f"{suffix or 'no-suffix'} file(s)"] += 1
                continue
            reported = True
            if info.flag_bits & 0x1:
                yield ReadFailure(member, "archive member is encrypted (password-protected) and cannot be read")
                continue
            limit = min(MAX_BYTES, MAX_ARCHIVE_BYTES - total)
            if limit <= 0:
                yield ReadFailure(member, f"not read: the archive expands to more than {MAX_ARCHIVE_BYTES >> 20} MB")
                continue
            try:
                content = _read_member(zf, info, limit)
            except _TooLarge:
                what = "archive member" if limit == MAX_BYTES else "archive"
                yield ReadFailure(
                    member,
                    f"{what} expands to more than {limit / 1e6:.0f} MB "
                    f"(declared {info.file_size / 1e6:,.0f} MB from {info.compress_size / 1e6:,.1f} MB): not read",
                )
                total += limit
                continue
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
                yield ReadFailure(member, f"archive member is corrupt: {exc}")
                continue
            total += len(content)
            yield from _read_bytes(content, member, suffix)
    if not reported:
        what = "; ".join(f"{n} {k}" for k, n in skipped.items())
        yield ReadFailure(
            source,
            "archive holds no article files (txt, html, json, jsonl, csv)" + (f"; skipped: {what}" if what else ": it is empty"),
        )


def read_path(path: str | Path, given: str | None = None) -> Iterator[Item]:
    """Records from one file (never raises: every problem is a ReadFailure)."""
    source = shown(given if given is not None else str(path))
    try:
        for item in _read_path(Path(path), source):
            yield _checked(item)
    except Exception as exc:  # a reader bug on one file must not stop the batch
        yield ReadFailure(source, f"cannot read: {type(exc).__name__}: {exc}")


def _read_path(p: Path, source: str) -> Iterator[Item]:
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            yield ReadFailure(source, _folder_note(p))
            return
        if not stat.S_ISREG(st.st_mode):
            kind = "a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else "a device or socket"
            yield ReadFailure(source, f"is {kind}, not a file: not read")
            return
        if st.st_size > MAX_BYTES:
            yield ReadFailure(
                source, f"file is {st.st_size / 1e6:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB"
            )
            return
        data = p.read_bytes()
    except FileNotFoundError:
        yield ReadFailure(source, "no such file")
        return
    except OSError as exc:
        yield ReadFailure(source, f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_bytes(data, source, p.suffix)


def _folder_note(p: Path) -> str:
    """Why a folder gave nothing: what it holds instead."""
    kinds = Counter(f.suffix.lower() or "no-suffix" for f in p.rglob("*") if f.is_file())
    if not kinds:
        return "folder is empty"
    what = ", ".join(f"{n} {k}" for k, n in kinds.most_common(5))
    return f"folder holds no article files (txt, html, json, jsonl, csv, zip); found: {what}"


def _hidden_dir(f: Path, top: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(top).parts[:-1])


def expand(paths: list[str]) -> Iterator[tuple[Path, str]]:
    """Files under the given paths (folders recursively, in a stable order), with the name to report.

    Hidden folders (.git, .venv) and AppleDouble files (._name) are left out; a hidden file
    (.notes.txt) is read. A folder with nothing to read is yielded itself, so read_path says why."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = False
            for f in sorted(p.rglob("*")):
                if (
                    f.suffix.lower() in SUFFIXES
                    and not f.name.startswith("._")
                    and not _hidden_dir(f, p)
                    and f.is_file()
                ):
                    found = True
                    yield f, shown(str(f))
            if not found:
                yield p, shown(given)
        else:
            yield p, shown(given)


def read_all(paths: list[str]) -> Iterator[Item]:
    for f, given in expand(paths):
        yield from read_path(f, given)
