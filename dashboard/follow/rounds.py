"""One follow round: every due source fetched (conditionally), its new links fetched, parsed and
stored through the same store operations as an ingested file (same ids, text de-duplication,
grouping, full-text index), each article in its own short transaction.

A stop request (SIGINT/SIGTERM) is honoured between articles; a SIGKILL loses nothing already
committed, and the next round picks up what was left (a feed's ETag is kept only once all its
links were handled, so an interrupted feed is read again in full).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from dashboard import ingest, store
from dashboard.follow import extract, feeds, neardup
from dashboard.follow.http import Fetcher, FetchError, Settings, Stopped
from dashboard.follow.urls import Policy, canonical_key, normalise
from dashboard.store import sources as src

ACCEPT_FEED = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
WEIGHTS = {"hard": 1.0, "soft": 0.5, "temporary": 0.25}
PAUSE_AFTER_HARD = 3  # hard failures in a row
PAUSE_AT_SCORE = 6.0  # weighted failures in a row
ITEM_TRIES = 3  # a link that failed for a temporary reason is tried again, this many times in all
MAX_CHILD_SITEMAPS = 20
NEAR_DAYS = 30  # near-duplicates are looked for among reports of the last days


@dataclass
class SourceResult:
    id: int
    name: str
    url: str
    outcome: str = "ok"  # ok, not modified, failed, stopped
    new: int = 0
    duplicate: int = 0
    near: int = 0
    failed: int = 0
    error: str | None = None
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    paused: bool = False

    def line(self) -> str:
        head = f"{self.name}: "
        if self.outcome == "failed":
            return head + f"failed: {self.error}" + (" — paused" if self.paused else "")
        if self.outcome == "not modified":
            return head + "not modified (304)"
        out = head + f"{self.new} new ({self.near} another report of a story already stored), {self.duplicate} duplicate, {self.failed} failed"
        return out + "".join(f"; {n}" for n in self.notes)


@dataclass
class RoundSummary:
    run_id: int | None = None
    sources: list[SourceResult] = field(default_factory=list)
    stopped: bool = False
    engagements: int | None = None
    watch_matches: int = 0

    def total(self, what: str) -> int:
        return sum(getattr(s, what) for s in self.sources)

    def line(self) -> str:
        return (
            f"{len(self.sources)} source(s): {self.total('new')} new articles ({self.total('near')} another report of a stored story), "
            f"{self.total('duplicate')} duplicates, {self.total('failed')} failed links, "
            f"{sum(s.outcome == 'failed' for s in self.sources)} source(s) failed"
            + (f"; {self.watch_matches} new watch match(es)" if self.watch_matches else "")
            + ("; stopped early" if self.stopped else "")
        )

    def as_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "stopped": self.stopped,
            "new": self.total("new"),
            "near_duplicates": self.total("near"),
            "duplicates": self.total("duplicate"),
            "failed": self.total("failed"),
            "watch_matches": self.watch_matches,
            "sources": [s.__dict__ for s in self.sources],
        }


def _later(seconds: float) -> str:
    return (datetime.now(UTC) + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


class Follower:
    """Runs rounds against one database; `stop` (an Event) ends a round between two articles."""

    def __init__(
        self,
        db_path,
        settings: Settings | None = None,
        stop: threading.Event | None = None,
        max_items: int = 100,
        on_event: Callable[[str, str, str | None], None] | None = None,
    ):
        self.db_path = db_path
        self.settings = settings or Settings()
        self.stop = stop or threading.Event()
        self.max_items = max_items
        self.on_event = on_event
        from dashboard import knowledge

        self.kb = knowledge.default()

    def run_round(self, only: list[int] | None = None) -> RoundSummary:
        db = store.connect(self.db_path)
        summary = RoundSummary()
        fetcher = Fetcher(self.settings, self.stop)
        try:
            due = src.due_sources(db, store.now(), only)
            if not due:
                return summary
            summary.run_id = store.start_run(db, "follow")
            index = _LazyIndex(db)
            for s in due:
                if self.stop.is_set():
                    summary.stopped = True
                    break
                res = _SourceRound(self, db, fetcher, index, s, summary.run_id).run()
                summary.sources.append(res)
                if res.outcome == "stopped":
                    summary.stopped = True
                    break
            if summary.total("new"):
                summary.engagements = ingest.regroup(db)
                from dashboard.follow import alerts

                summary.watch_matches = alerts.update_watches(db, summary.run_id)
            store.finish_run(
                db,
                summary.run_id,
                {"new": summary.total("new"), "duplicate": summary.total("duplicate"), "failed": summary.total("failed")},
            )
            return summary
        finally:
            fetcher.close()
            db.conn.close()

    def event(self, url: str, outcome: str, reason: str | None = None) -> None:
        if self.on_event:
            self.on_event(url, outcome, reason)


class _LazyIndex:
    """The recent reports' signatures, loaded when the round meets its first new text (a round
    of unchanged sources never needs them)."""

    def __init__(self, db):
        self.db = db
        self.index: neardup.Index | None = None

    def _load(self) -> neardup.Index:
        if self.index is None:
            self.index = neardup.Index()
            since = (datetime.now(UTC) - timedelta(days=NEAR_DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")
            for aid, story, sig in src.signatures(self.db, since):
                self.index.add(aid, story, neardup.from_bytes(sig))
        return self.index

    def match(self, sig):
        return self._load().match(sig)

    def add(self, article_id: str, story_id: str, sig) -> None:
        self._load().add(article_id, story_id, sig)


class _SourceRound:
    def __init__(self, f: Follower, db, fetcher: Fetcher, index: _LazyIndex, source: dict, run_id: int):
        self.f, self.db, self.fetcher, self.index, self.s, self.run_id = f, db, fetcher, index, source, run_id
        self.policy = Policy(frozenset(source["allow_hosts"]))
        self.res = SourceResult(source["id"], source["name"], source["url"])
        self.complete = True  # every link handled: the feed's validators may be kept

    def run(self) -> SourceResult:
        s, res = self.s, self.res
        try:
            resp = self.fetcher.get(s["url"], self.policy, s["etag"], s["last_modified"], accept=ACCEPT_FEED)
        except Stopped:
            res.outcome = "stopped"
            return res
        except FetchError as exc:
            return self._failed(exc.kind, exc.reason, exc.retry_after)
        if resp.not_modified:
            res.outcome = "not modified"
            self._succeeded()
            return res
        ctype = resp.headers.get("content-type", "")
        try:
            listing = feeds.read(resp.body, resp.url, ctype, self.f.kb)
        except feeds.ListingError as exc:
            return self._failed("hard", str(exc))
        kind = s["kind"] if s["kind"] != "auto" else listing.kind
        if s["kind"] in ("feed", "sitemap") and listing.kind == "page":
            return self._failed("hard", f"expected a {s['kind']} but {resp.url} is a web page")
        res.notes += listing.warnings
        try:
            if listing.kind == "page":
                self._article(feeds.Item(resp.url), body=resp.body, ctype=ctype, page_source=True)
            else:
                items = listing.items
                if listing.kind == "sitemapindex":
                    items = self._children(items)
                self._items(items, listing.title)
        except Stopped:
            res.outcome = "stopped"
            self.complete = False
        if res.outcome == "stopped":
            self._save_counts(kind, listing.title, None)
            return res
        self._succeeded(kind, listing.title, resp.headers if self.complete else None)
        return res

    # --- the listing -------------------------------------------------------------------------

    def _children(self, sitemaps: list[feeds.Item]) -> list[feeds.Item]:
        items: list[feeds.Item] = []
        for sm in sitemaps[:MAX_CHILD_SITEMAPS]:
            if self.f.stop.is_set():
                raise Stopped()
            try:
                r = self.fetcher.get(normalise(sm.url), self.policy, accept=ACCEPT_FEED)
                items += feeds.read(r.body, r.url, r.headers.get("content-type", ""), self.f.kb).items
            except (FetchError, feeds.ListingError) as exc:
                self.res.notes.append(f"sitemap {sm.url} skipped: {getattr(exc, 'reason', exc)}")
        if len(sitemaps) > MAX_CHILD_SITEMAPS:
            self.res.notes.append(f"the sitemap index lists {len(sitemaps)} sitemaps; the first {MAX_CHILD_SITEMAPS} were read")
        return items

    def _items(self, items: list[feeds.Item], title: str | None) -> None:
        """The links not seen before (or worth another try), newest first, at most max_items."""
        self.title = title
        by_key: dict[str, feeds.Item] = {}
        for it in items:
            by_key.setdefault(canonical_key(it.url), it)
        seen = src.seen_urls(self.db, list(by_key))
        todo = [(k, it) for k, it in by_key.items() if k not in seen or seen[k][1]]
        todo.sort(key=lambda kv: kv[1].published or "", reverse=True)
        cap = self.f.max_items
        if len(todo) > cap:
            self.res.notes.append(f"the source lists {len(items)} links, {len(todo)} not seen before; {cap} taken this round, the rest in later rounds")
            todo = todo[:cap]
            self.complete = False
        for key, it in todo:
            if self.f.stop.is_set():
                raise Stopped()
            self._article(it, key=key)

    # --- one article -------------------------------------------------------------------------

    def _article(self, it: feeds.Item, key: str | None = None, body: bytes | None = None, ctype: str = "", page_source: bool = False) -> None:
        url = normalise(it.url)
        key = key or canonical_key(url)
        try:
            if body is None:
                resp = self.fetcher.get(url, self.policy, accept=ACCEPT_PAGE)
                body, ctype, url = resp.body, resp.headers.get("content-type", ""), resp.url
            page = extract.page(body, url, ctype)
        except Stopped:
            raise
        except FetchError as exc:
            self._link_failed(key, url, exc.reason, exc.kind == "temporary")
            return
        except extract.NoArticle as exc:
            self._link_failed(key, url, str(exc), False)
            return
        keys = [key]
        if page.canonical:
            ck = canonical_key(page.canonical)
            if ck != key and not page_source:
                keys.append(ck)
                if src.seen_urls(self.db, [ck]).get(ck, ("failed",))[0] in ("new", "duplicate"):
                    self._record(keys, url, "duplicate", f"the page names {page.canonical} as its canonical address, already stored")
                    return
        outlet = page.sitename or self.s["title"] or getattr(self, "title", None) or self.s["name"]
        meta = {
            "title": it.title or page.title,
            "url": url,
            "published": it.published or page.published,
            "source": outlet,
            "language": self.s["language"],
        }
        meta = {k: v for k, v in meta.items() if v}
        from dashboard.parse import parse_article

        try:
            rec = parse_article(page.text, meta, kb=self.f.kb, source=url).to_dict()
        except Exception as exc:  # one unparseable article must not take the round down
            self._link_failed(key, url, f"parser error: {type(exc).__name__}: {exc}", False)
            return
        rec["warnings"] = page.warnings + rec["warnings"]
        self.res.notes += [f"{url}: {w}" for w in page.warnings]
        if not rec["body"].strip():
            self._link_failed(key, url, "no article text left after removing boilerplate", False)
            return
        prepared = store.prepare(rec, url)
        sig = neardup.signature(rec["body"])
        host = (urlsplit(url).hostname or "").lower()
        with src.writing(self.db):
            outcome, aid = store.save_article(self.db, prepared)
            reason = None
            if outcome in ("new", "updated"):
                hit = self.index.match(sig)
                story, sim = (hit[1], hit[2]) if hit else (aid, None)
                if hit:
                    reason = f"another report of story {story} (similarity {sim:.2f})"
                src.record_report(self.db, key, aid, story, self.s["id"], url, host, outlet, page.author, sim, neardup.to_bytes(sig), replace=True)
            else:
                known = src.report_of(self.db, aid)
                if known is None or host not in known[1]:
                    # the same text at another outlet: stored once, counted as one more report
                    src.record_report(self.db, key, aid, known[0] if known else aid, self.s["id"], url, host, outlet, page.author, 1.0, None if known else neardup.to_bytes(sig))
                    reason = "the same text is already stored; counted as another outlet's report"
            store.log_file(self.db, self.run_id, url, outcome, reason, aid)
            for k in keys:
                src.record_url(self.db, k, url, self.s["id"], "new" if outcome != "duplicate" else "duplicate", reason, aid)
        if outcome in ("new", "updated"):
            self.res.new += 1
            if reason:
                self.res.near += 1
            self.index.add(aid, story, sig)
        else:
            self.res.duplicate += 1
        self.f.event(url, outcome, reason)

    def _record(self, keys: list[str], url: str, outcome: str, reason: str) -> None:
        with src.writing(self.db):
            for k in keys:
                src.record_url(self.db, k, url, self.s["id"], outcome, reason)
            store.log_file(self.db, self.run_id, url, outcome, reason)
        self.res.duplicate += 1
        self.f.event(url, outcome, reason)

    def _link_failed(self, key: str, url: str, reason: str, temporary: bool) -> None:
        reason = reason.removeprefix(url).lstrip(" :") or reason
        tries = self.db.conn.execute("SELECT tries FROM follow_urls WHERE key = ?", [key]).fetchone()
        retry = temporary and (tries[0] if tries else 0) + 1 < ITEM_TRIES
        with src.writing(self.db):
            src.record_url(self.db, key, url, self.s["id"], "failed", reason, retry=retry)
            store.log_file(self.db, self.run_id, url, "failed", reason)
        if retry:
            self.complete = False
        self.res.failed += 1
        self.res.errors.append(f"{url}: {reason}")
        self.f.event(url, "failed", reason)

    # --- the source's row --------------------------------------------------------------------

    def _save_counts(self, kind: str, title: str | None, headers: dict | None, **extra) -> None:
        r = self.res
        values = {
            "last_fetch": store.now(),
            "last_outcome": r.outcome,
            "last_new": r.new,
            "last_duplicate": r.duplicate,
            "last_near": r.near,
            "last_failed": r.failed,
            "last_error": r.errors[0] if r.errors else None,
            "total_new": (self.s["total_new"] or 0) + r.new,
            "kind": kind,
            **extra,
        }
        if title:
            values["title"] = title
        if headers is not None:
            values["etag"] = headers.get("etag")
            values["last_modified"] = headers.get("last-modified")
        src.update_source(self.db, self.s["id"], **values)

    def _succeeded(self, kind: str | None = None, title: str | None = None, headers: dict | None = None) -> None:
        self._save_counts(
            kind or self.s["kind"], title, headers,
            next_fetch=_later(self.s["every_s"]), failure_score=0.0, hard_failures=0, temp_failures=0,
        )  # fmt: skip

    def _failed(self, kind: str, reason: str, wait: float | None = None) -> SourceResult:
        s, res = self.s, self.res
        res.outcome, res.error = "failed", reason
        score = (s["failure_score"] or 0) + WEIGHTS[kind]
        hard = (s["hard_failures"] or 0) + (kind == "hard")
        temp = (s["temp_failures"] or 0) + (kind == "temporary")
        delay = float(s["every_s"])
        if kind == "temporary":
            delay = min(delay * 2 ** min(temp - 1, 6), 86400.0)
        if wait is not None:
            delay = max(delay, wait)
        values = {
            "last_fetch": store.now(),
            "last_outcome": "failed",
            "last_error": reason,
            "last_new": 0,
            "last_duplicate": 0,
            "last_near": 0,
            "last_failed": 0,
            "failure_score": score,
            "hard_failures": hard if kind == "hard" else 0,
            "temp_failures": temp,
            "next_fetch": _later(delay),
        }
        if hard >= PAUSE_AFTER_HARD and kind == "hard" or score >= PAUSE_AT_SCORE:
            values["status"] = "paused"
            values["paused_reason"] = f"paused after {hard if kind == 'hard' else 'repeated'} failures in a row; the last: {reason}"
            res.paused = True
        src.update_source(self.db, s["id"], **values)
        self.f.event(s["url"], "failed", reason)
        return res
