"""Time to build a briefing over the whole sample corpus: the model, the HTML page, the charts as PNG
and the PPTX deck (median of several runs; the first run also starts kaleido's Chromium).

    python scripts/bench_brief.py            # builds the sample database in a temp folder
    python scripts/bench_brief.py --db data/articles.db --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import briefing, export, queries, sample, store  # noqa: E402


def once(db) -> dict[str, float]:
    t = {}
    t0 = time.perf_counter()
    first, last = db.execute("SELECT min(sort_date), max(sort_date) FROM engagements").fetchone()
    f = queries.Filters()
    b = briefing.build(**queries.briefing_inputs(db, f, first, last), filters_text="")
    t["briefing model"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    figs = export.figures(b)
    export.to_html(b, figs)
    t["html"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    images = {k: export.to_png(v) for k, v in figs.items()}
    t["png charts"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    export.to_pptx(b, figs, images)
    export.to_xlsx(export.tables(b, queries.articles(db, f, limit=100_000, india_japan_only=True)), b)
    t["pptx + xlsx"] = time.perf_counter() - t1
    t["total"] = time.perf_counter() - t0
    return t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "sample.db")
        if not args.db:
            sample.build(path)
        db = store.connect(path, readonly=True)
        n = db.execute("SELECT count(*) FROM engagements").fetchone()[0]
        runs = [once(db) for _ in range(args.runs)]
    print(f"briefing over {n} engagements (the whole corpus), {args.runs} runs")
    print(f"first run (starts Chromium for kaleido): {runs[0]['total']:.2f} s")
    for k in runs[0]:
        print(f"  {k:<16} median {statistics.median(r[k] for r in runs):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
