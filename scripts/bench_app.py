"""Server time of the dashboard's pages on a large synthetic database, through real Streamlit (AppTest).

    python scripts/bench_app.py --db /tmp/bench100k.db              # an existing database
    python scripts/bench_app.py --articles 100000                    # build one first (python -m dashboard synth)

For each page: the first load (empty caches, a new session), a filter change (a rerun with a
different engagement type selected, caches warm for the page but not for the new filter), and a
sidebar page switch (from another page to this one with a filter set: the queries the pages share
are warm, this page's own are not; then the same switch again, everything warm), as the median of
several runs. Targets: first load under 3 s, a filter change and a page switch under 300 ms at
100,000 articles.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ["overview", "timeline", "areas", "articles"]
TYPES: list[str] = []  # the engagement types in the database (the filter values switched between)


def timed_page(page: str, runs: int) -> tuple[float, float]:
    from streamlit.testing.v1 import AppTest

    firsts, changes = [], []
    for i in range(runs):
        import streamlit as st

        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        t0 = time.perf_counter()
        at.run()
        if page != "overview":
            # AppTest opens on the default page; time the target page alone, with cold caches
            st.cache_data.clear()
            st.cache_resource.clear()
            at.switch_page(f"dashboard/pages/{page}.py")
            t0 = time.perf_counter()
            at.run()
        firsts.append(time.perf_counter() - t0)
        assert not at.exception, [e.value for e in at.exception]
        choice = TYPES[i % len(TYPES)]
        t0 = time.perf_counter()
        at.multiselect("f_types").set_value([choice]).run()
        changes.append(time.perf_counter() - t0)
        assert not at.exception, [e.value for e in at.exception]
    return statistics.median(firsts), statistics.median(changes)


def timed_switch(page: str, runs: int) -> tuple[float, float]:
    """A switch to `page` through the menu after a filter was set on another page: Streamlit clears
    the URL on a switch, so the view must come from the session (the run checks it did)."""
    from streamlit.testing.v1 import AppTest

    first, again = [], []
    other = "timeline" if page == "overview" else "overview"
    for i in range(runs):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        if other != "overview":
            at.switch_page(f"dashboard/pages/{other}.py")
        at.run()
        choice = TYPES[(i + 1) % len(TYPES)]
        at.multiselect("f_types").set_value([choice]).run()
        for times in (first, again):
            at.query_params.clear()
            at.switch_page(f"dashboard/pages/{page}.py")
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
            assert not at.exception, [e.value for e in at.exception]
            assert at.multiselect("f_types").value == [choice], "the filter was lost on the switch"
            at.query_params.clear()
            at.switch_page(f"dashboard/pages/{other}.py")
            at.run()
    return statistics.median(first), statistics.median(again)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="an existing database to measure")
    ap.add_argument("--articles", type=int, default=100_000, help="build a synthetic database of this size when --db is not given")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    tmp = None
    db = args.db
    if not db:
        tmp = tempfile.mkdtemp(prefix="bench_app_")
        db = str(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dashboard", "synth", "--articles", str(args.articles), "--db", db, "-q"], cwd=ROOT, check=True)
        print(f"built {args.articles:,} synthetic articles in {time.perf_counter() - t0:.0f} s")
    os.environ["DASHBOARD_DB"] = db
    from dashboard import queries, store

    conn = store.connect(db, readonly=True)
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    TYPES.extend(queries.options(conn)["types"])
    print(f"database {db}: {n:,} articles; median of {args.runs} runs")
    print(f"{'page':<10}{'first load':>12}{'filter change':>16}{'switch to it':>15}{'again':>10}")
    for page in PAGES:
        first, change = timed_page(page, args.runs)
        switch, again = timed_switch(page, args.runs)
        print(f"{page:<10}{first * 1000:>10.0f} ms{change * 1000:>13.0f} ms{switch * 1000:>12.0f} ms{again * 1000:>7.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
