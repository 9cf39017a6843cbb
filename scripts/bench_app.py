"""Server time of the dashboard's pages on a large synthetic database, through real Streamlit (AppTest).

    python scripts/bench_app.py --db /tmp/bench100k.db              # an existing database
    python scripts/bench_app.py --articles 100000                    # build one first (python -m dashboard synth)

For each page: the first load (empty caches, a new session) and a filter change (a rerun with a
different engagement type selected, caches warm for the page but not for the new filter), as the
median of several runs. The issue's targets: first load under 3 s, a filter change under 300 ms at
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
        types = at.multiselect("f_types")
        choice = types.options[i % len(types.options)]
        t0 = time.perf_counter()
        types.set_value([choice]).run()
        changes.append(time.perf_counter() - t0)
        assert not at.exception, [e.value for e in at.exception]
    return statistics.median(firsts), statistics.median(changes)


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
    from dashboard import store

    n = store.connect(db, readonly=True).execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"database {db}: {n:,} articles; median of {args.runs} runs")
    print(f"{'page':<10}{'first load':>12}{'filter change':>16}")
    for page in PAGES:
        first, change = timed_page(page, args.runs)
        print(f"{page:<10}{first * 1000:>10.0f} ms{change * 1000:>13.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
