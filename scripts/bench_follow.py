"""Following, end to end against a local site (tests/follow_site.py) with politeness delays off.

1. 1,000 article pages listed by 10 RSS feeds through one round into a new database: pages/s
   (fetch, extract with trafilatura, parse, MinHash, store, regroup).
2. The time a round takes to decide that those 1,000 pages need nothing:
   a. the feeds answer 304 to the conditional request;
   b. the feeds ignore validators and send all 1,000 links again (all known);
   c. 1,000 article pages followed one by one as page sources, each answering 304.

    python scripts/bench_follow.py [--pages 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import follow_site as fs  # noqa: E402

from dashboard import store  # noqa: E402
from dashboard.follow.http import Settings  # noqa: E402
from dashboard.follow.rounds import Follower  # noqa: E402
from dashboard.follow.urls import origin  # noqa: E402
from dashboard.store import sources as src  # noqa: E402

FAST = Settings(host_delay=0)


def due(path) -> None:
    db = store.connect(path)
    db.execute("UPDATE sources SET next_fetch = '2000-01-01T00:00:00Z'")
    db.conn.commit()
    db.conn.close()


def timed_round(path, max_items: int) -> tuple[float, object]:
    due(path)
    t = time.perf_counter()
    s = Follower(path, FAST, max_items=max_items).run_round()
    return time.perf_counter() - t, s


def add(path, urls: list[str], kind: str = "auto") -> None:
    db = store.connect(path)
    for u in urls:
        src.add_source(db, u, u.rsplit("/", 1)[1], 1800, None, kind, [origin(u)])
    db.conn.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    site = fs.Site().start()
    feeds = fs.synthetic_site(site, a.pages, feeds=10, prefix="/f")
    first, not_modified, known, pages304 = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(a.runs):
            path = Path(tmp) / f"run{run}.db"
            fs.synthetic_site(site, a.pages, feeds=10, prefix="/f")
            add(path, feeds)
            t, s = timed_round(path, a.pages)
            assert s.total("new") + s.total("duplicate") == a.pages, s.line()
            first.append(t)
            t, s = timed_round(path, a.pages)
            assert all(x.outcome == "not modified" for x in s.sources)
            not_modified.append(t)
            fs.synthetic_site(site, a.pages, feeds=10, prefix="/f", feed_etag=False)  # the same feeds, no validators
            t, s = timed_round(path, a.pages)
            assert s.total("new") == 0 and s.total("failed") == 0, s.line()
            known.append(t)
            print(f"run {run + 1}: first round {a.pages / first[-1]:.1f} pages/s; unchanged: 304 feeds {not_modified[-1] * 1000:.0f} ms, "
                  f"feeds re-sent {known[-1] * 1000:.0f} ms", flush=True)  # fmt: skip
        path = Path(tmp) / "pages.db"
        add(path, [site.url(f"/f/a-{i}") for i in range(a.pages)], kind="page")
        timed_round(path, a.pages)
        for _ in range(a.runs):
            t, s = timed_round(path, a.pages)
            assert all(x.outcome == "not modified" for x in s.sources), s.line()
            pages304.append(t)
            print(f"{a.pages} page sources, all 304: {t:.2f} s", flush=True)
    site.close()
    med = statistics.median
    print()
    print(f"| {a.pages} pages through one round (10 feeds; fetch, extract, parse, store, regroup) | {a.pages / med(first):.1f} pages/s (median of {a.runs}; {', '.join(f'{a.pages / x:.1f}' for x in first)}) |")
    print(f"| unchanged, feeds answer 304 | {med(not_modified) * 1000:.0f} ms |")
    print(f"| unchanged, feeds sent again with all {a.pages} links known | {med(known) * 1000:.0f} ms |")
    print(f"| unchanged, {a.pages} page sources each answering 304 | {med(pages304):.2f} s ({a.pages / med(pages304):.0f} conditional requests/s) |")


if __name__ == "__main__":
    main()
