"""Files and folders into the store: parsing in worker processes on every core, one writer.

A failing file never stops or undoes the others; each batch is one transaction with a savepoint
per article, so a killed run leaves a consistent database and a rerun finishes the job.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from dashboard import grouping, readers, store

BATCH = 300
IN_FLIGHT_BYTES = 8 << 20  # input bytes being parsed or waiting for the writer
CHUNK_BYTES = 256 << 10  # files handed to a worker at once …
CHUNK_FILES = 64  # … or this many


@dataclass
class Summary:
    new: int = 0
    duplicate: int = 0
    updated: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    run_id: int | None = None

    @property
    def counts(self) -> dict[str, int]:
        return {
            "new": self.new,
            "duplicate": self.duplicate,
            "updated": self.updated,
            "failed": len(self.failed),
        }

    def line(self) -> str:
        return f"{self.new} new, {self.duplicate} duplicates skipped, {self.updated} updated, {len(self.failed)} failed"


def parse_file(path: str, given: str, synthetic: bool = False, ingested_at: str | None = None) -> list[tuple]:
    """Read and parse one file: ("ok", source, store.Prepared) or ("fail", source, reason) per
    record. Never raises: whatever one file does, the other files of its chunk still land."""
    try:
        return _parse_file(path, given, synthetic, ingested_at)
    except Exception as exc:
        return [("fail", readers.shown(given), f"could not be processed: {type(exc).__name__}: {exc}")]


def _parse_file(path: str, given: str, synthetic: bool, ingested_at: str | None) -> list[tuple]:
    from dashboard import knowledge
    from dashboard.parse import parse_article

    kb = knowledge.default()
    out: list[tuple] = []
    for item in readers.read_path(path, given):
        if isinstance(item, readers.ReadFailure):
            out.append(("fail", item.source, item.reason))
            continue
        try:
            art = parse_article(item.text, item.meta, kb=kb, source=item.source)
            rec = art.to_dict()
        except Exception as exc:  # one unparseable article must not take the batch down
            out.append(("fail", item.source, f"parser error: {type(exc).__name__}: {exc}"))
            continue
        rec["warnings"] = list(item.warnings) + rec["warnings"]
        if not rec["body"].strip():
            out.append(("fail", item.source, _no_body_reason(item.text)))
            continue
        try:
            out.append(("ok", item.source, store.prepare(rec, item.source, synthetic, ingested_at)))
        except Exception as exc:
            out.append(("fail", item.source, f"could not be prepared for storing: {type(exc).__name__}: {exc}"))
    return out


def _no_body_reason(text: str) -> str:
    """Why the parser kept nothing: a script it cannot split into words yet says so, plainly."""
    letters = [c for c in text if c.isalpha()]
    kana = sum("\u3040" <= c <= "\u30ff" for c in letters)
    han = sum("\u4e00" <= c <= "\u9fff" for c in letters)
    if letters and (kana + han) / len(letters) > 0.3:
        script = "Japanese" if kana else "Chinese"
        return (
            f"no article text found: the text is {script}, written without spaces between words, "
            "and this version of the parser cannot read it yet"
        )
    return "no article text left after removing boilerplate"


def parse_files(chunk: list[tuple[str, str]], synthetic: bool) -> list[list[tuple]]:
    """Worker: one result list per file of the chunk."""
    stamp = store.now()  # one clock reading per chunk (a fraction of a second of parsing)
    return [parse_file(path, given, synthetic, stamp) for path, given in chunk]


def _watch_parent() -> None:
    """Worker initializer: exit when the ingest that started this worker is gone (a SIGKILL
    gives it no chance to stop its pool), instead of parsing on as an orphan."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="watch-parent").start()


def _chunks(files: list[tuple[str, str]]) -> Iterable[tuple[list[tuple[str, str]], int]]:
    """(files, bytes): consecutive files grouped into tasks of about CHUNK_BYTES; one task per
    small file would leave the workers waiting on the pool's hand-over (done by a thread of the
    busy writer)."""
    chunk: list[tuple[str, str]] = []
    size = 0
    for f in files:
        chunk.append(f)
        size += _size(f[0])
        if size >= CHUNK_BYTES or len(chunk) >= CHUNK_FILES:
            yield chunk, size
            chunk, size = [], 0
    if chunk:
        yield chunk, size


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _results(files: list[tuple[str, str]], synthetic: bool, workers: int) -> Iterable[list[tuple]]:
    """Each file's results, in order. Tasks in flight are bounded by their size: enough that the
    workers never wait for work, few enough that results do not pile up ahead of the writer."""
    if workers <= 1 or len(files) < 4:
        for path, given in files:
            yield parse_file(path, given, synthetic)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_watch_parent) as pool:
        pending: deque = deque()
        in_flight = 0
        chunks = _chunks(files)

        def fill() -> None:
            nonlocal in_flight
            while len(pending) < workers * 2 or in_flight < IN_FLIGHT_BYTES:
                nxt = next(chunks, None)
                if nxt is None:
                    return
                chunk, size = nxt
                pending.append((pool.submit(parse_files, chunk, synthetic), chunk, size))
                in_flight += size

        fill()
        while pending:
            fut, chunk, size = pending.popleft()
            try:
                per_file = fut.result()
            except Exception as exc:  # a worker that died (out of memory …) fails its files, not the run
                why = f"parser process failed: {type(exc).__name__}: {exc or 'it stopped unexpectedly'}"
                per_file = [[("fail", readers.shown(given), why)] for _path, given in chunk]
            in_flight -= size
            fill()
            yield from per_file


def ingest(
    paths: list[str],
    db_path: str | os.PathLike,
    workers: int | None = None,
    progress: bool = True,
    synthetic: bool = False,
    on_file: Callable[[str, str, str | None], None] | None = None,
    command: str = "ingest",
    named: list[tuple[str, str]] | None = None,
) -> Summary:
    """Ingest files/folders into the database; `on_file(source, outcome, reason)` reports each one.

    `named`: (path, name to store and report) pairs read besides `paths`, for files whose path
    says nothing to the user (an upload saved in a temporary folder)."""
    summary = Summary()
    files: list[tuple[str, str]] = list(named or [])
    for given in paths:
        if not os.path.lexists(given):
            summary.failed.append((readers.shown(given), "no such file or folder"))
    for f, given in readers.expand([p for p in paths if os.path.lexists(p)]):
        files.append((str(f), given))
    db = store.connect(db_path)
    # checkpoint the write-ahead log every 40 MB rather than every 4 MB: pages written again and
    # again (indexes, the full-text index) reach the database file once per checkpoint
    db.execute("PRAGMA wal_autocheckpoint = 10000")
    summary.run_id = run_id = store.start_run(db, command)
    for source, reason in summary.failed:
        with store.write(db):
            store.log_file(db, run_id, source, "failed", reason)
        if on_file:
            on_file(source, "failed", reason)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(
            total=len(files), unit="file", file=sys.stderr, dynamic_ncols=True, desc="ingest"
        )
    workers = workers or os.cpu_count() or 1
    pending: list[tuple] = []
    parsed = 0

    def flush() -> None:
        if not pending:
            return
        with store.write(db):
            for res in pending:
                if res[0] == "fail":
                    _, source, reason = res
                    store.log_file(db, run_id, source, "failed", reason)
                    summary.failed.append((source, reason))
                    if on_file:
                        on_file(source, "failed", reason)
                    continue
                _, source, prepared = res
                try:
                    with db.atomic():  # savepoint: a bad article rolls back only itself
                        outcome, aid = store.save_article(db, prepared)
                        store.log_file(db, run_id, source, outcome, None, aid)
                except Exception as exc:
                    reason = f"could not store: {type(exc).__name__}: {exc}"
                    store.log_file(db, run_id, source, "failed", reason)
                    summary.failed.append((source, reason))
                    if on_file:
                        on_file(source, "failed", reason)
                    continue
                setattr(summary, outcome, getattr(summary, outcome) + 1)
                if on_file:
                    on_file(source, outcome, None)
        pending.clear()

    try:
        for results in _results(files, synthetic, workers):
            pending.extend(results)
            if bar:
                bar.update(1)
                parsed += len(results)
                bar.set_postfix_str(f"{parsed} articles", refresh=False)
            if len(pending) >= BATCH:
                flush()
        flush()
    finally:
        if bar:
            bar.close()
    regroup(db)
    store.finish_run(db, run_id, summary.counts)
    db.conn.close()
    return summary


def regroup(db) -> int:
    """Re-evaluate which articles report the same engagement, over everything stored."""
    # a summary per article is a great many small objects and none of them forms a cycle: the
    # cyclic collector would re-scan them all again and again (a third of the time at 100k)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _regroup(db)
    finally:
        if was_enabled:
            gc.enable()


def _regroup(db) -> int:
    from dashboard import knowledge

    kb = knowledge.default()
    # read and write under one write lock: a grouping computed from a snapshot that another
    # ingest has since added to would unlink that ingest's articles
    with store.write(db):
        articles = store.grouping_input(db)
        engagements, links = grouping.group(articles)
        people = {name: info.get("country", "") for name, info in kb.organisations.items()}  # forces
        people.update(kb.people)
        people.update(dict(db.execute("SELECT name, max(country) FROM article_people GROUP BY name").fetchall()))
        store.replace_engagements(db, engagements, links, people, store.engagement_area_rows(articles, engagements, links))
    return len(engagements)
