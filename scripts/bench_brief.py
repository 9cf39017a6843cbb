"""Time to build a briefing and every export over the whole sample corpus (median of several runs; the
first run also starts kaleido's Chromium). The page starts the same two jobs in a background thread
the moment it shows ("tables": HTML, XLSX, CSV; "visuals": PNG charts, PPTX, PDF), so these are the
seconds after opening the Briefing page until a download click gets its file at once.

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


def once(db, hindi: bool = False) -> dict[str, float]:
    t: dict[str, float] = {}
    t0 = time.perf_counter()
    first, last = db.execute("SELECT min(sort_date), max(sort_date) FROM engagements").fetchone()
    f = queries.Filters()
    b = briefing.build(**queries.briefing_inputs(db, f, first, last), filters_text="")
    arts = queries.articles(db, queries.Filters(date_from=first, date_to=last), limit=100_000, india_japan_only=True)
    t["briefing model"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    export.build_tables(b, arts, hindi)
    t["html + xlsx + csv"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    figs = export.figures(b, hindi)
    images = {k: export.to_png(figs[k]) for k in ("timeline", "areas")}
    t["png charts"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    export.to_pptx(b, figs, images, hindi)
    t["pptx"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    export.to_pdf(export.to_html(b, export.figures(b, hindi, with_map=True), hindi))
    t["pdf (Chromium)"] = time.perf_counter() - t1
    t["all exports"] = time.perf_counter() - t0
    return t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--hindi", action="store_true", help="the Hindi exports")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "sample.db")
        if not args.db:
            sample.build(path)
        db = store.connect(path, readonly=True)
        n = db.execute("SELECT count(*) FROM engagements").fetchone()[0]
        runs = [once(db, args.hindi) for _ in range(args.runs)]
    print(f"briefing over {n} engagements (the whole corpus), {args.runs} runs{' (Hindi)' if args.hindi else ''}")
    print(f"first run (starts Chromium for kaleido): {runs[0]['all exports']:.2f} s")
    for k in runs[0]:
        print(f"  {k:<18} median {statistics.median(r[k] for r in runs):.2f} s   (first {runs[0][k]:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
