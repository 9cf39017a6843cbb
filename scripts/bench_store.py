"""Store benchmark: ingest throughput and memory, dashboard query latency, Datasette side by side.

    python scripts/bench_store.py                                   # 100,000 articles; queries at 10k and 100k
    python scripts/bench_store.py --articles 10000 --sizes 10000    # quick check, about a minute
    python scripts/bench_store.py --sizes 10000,100000,1000000      # adds 1M (long: see below)
    python scripts/bench_store.py --runs 9 --json > bench.json      # machine output on stdout, report on stderr
    python scripts/bench_store.py --keep                            # keep /tmp/bench_store_*/ (files, databases)

1. Ingest, end to end: `--articles` synthetic articles (dashboard.synth) are generated and written
   to files in chunks of `--chunk` (each chunk in its own subfolder, since synth.write names files
   by position), then ingest.ingest(folder, db, synthetic=True) runs on all cores, `--ingest-runs`
   times (default 3), each into a new database; the median rate is reported with every run's.
   The rate counts new + duplicate + updated articles over the ingest time only (parsing, writing
   and the regrouping at the end); generation is timed separately.
   Memory: ru_maxrss of this process (RUSAGE_SELF, which also holds the generation high-water mark,
   shown separately) and of the largest worker (RUSAGE_CHILDREN), plus the peak of all processes
   together sampled from /proc every 0.2 s (RSS summed, and PSS, which counts shared pages once),
   the highest of the runs.
   Targets: >= 1,500 articles/s on the 2-core machine, under 1 GB.
2. Queries: for every `--sizes` a database of that many synthetic articles (the one of step 1 for
   its size, a new ingest for the others) and the dashboard's main queries, `--runs` runs each,
   median in ms. Target: each under 100 ms at 100k.
3. Datasette 0.65, in process (ds.client, no network), on the same database file: the same FTS5
   MATCH expression (store.fts_query, passed with _searchmode=raw) through
   /<db>/articles.json?_search=...&_size=20, against queries.search(db, q) (top 20). Two Datasette
   requests: its default (also counts all matches and suggests facets) and a lean one (_nocount,
   _nofacet, the columns queries.search returns). Note that Datasette orders matches by primary
   key, while queries.search ranks them by bm25 and builds a snippet.

A 1M database means generating and ingesting 1,000,000 articles once more: over 11 minutes at the
target rate, and about 12 GB under /tmp while it runs (the 100k database is about 1 GB); each
size's files and database are removed once it is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import ingest, knowledge, queries, store, synth  # noqa: E402
from dashboard.queries import Filters  # noqa: E402

RATE_TARGET = 1500  # articles/s end to end
MEMORY_TARGET_MB = 1024
QUERY_TARGET_MS = 100
QUERY_TARGET_SIZE = 100_000
SEARCHES = (("Hindi", "आतंकवाद"), ("English", "maritime security"))

QUERIES: list[tuple[str, Callable]] = [
    ("engagements()", lambda db: queries.engagements(db, Filters())),
    (
        "engagements(2019–2023, 3 types)",
        lambda db: queries.engagements(
            db,
            Filters(
                date_from="2019-01-01",
                date_to="2023-12-31",
                types=("two_plus_two", "summit", "bilateral_ministerial"),
            ),
        ),
    ),
    ("area_cells(quarter)", lambda db: queries.area_cells(db, Filters(), "quarter")),
    ("area_cells(month, 2 areas)", lambda db: queries.area_cells(db, Filters(areas=("space", "mro")), "month")),
    ("articles(limit=500)", lambda db: queries.articles(db, Filters(), limit=500)),
    (
        "articles(text=आतंकवाद)",
        lambda db: queries.articles(db, Filters(text="आतंकवाद"), limit=500),
    ),
    ('search("maritime security")', lambda db: queries.search(db, "maritime security")),
    ('search("आतंक*")', lambda db: queries.search(db, "आतंक*")),
    ("options()", lambda db: queries.options(db)),
    ("stats()", lambda db: queries.stats(db)),
]


OUT = sys.stdout  # the readable report; stderr when stdout carries --json


def say(*parts) -> None:
    print(*parts, file=OUT, flush=True)


def mb(kib: float) -> float:
    return kib / 1024


def maxrss_mb(who: int) -> float:
    return mb(resource.getrusage(who).ru_maxrss)  # Linux: KiB


def _proc_tree(root: int) -> list[int]:
    parent: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                parent[int(d)] = int(fh.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {root}, True
    while grew:
        grew = False
        for pid, ppid in parent.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return sorted(tree)


def _rss_pss_kib(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class TreeSampler:
    """Peak memory of this process and all its descendants together, sampled from /proc."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.available = os.path.exists("/proc/self/smaps_rollup")
        self.peak_rss = self.peak_pss = 0
        self.peak_procs = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        pids = _proc_tree(os.getpid())
        rss = pss = 0
        for pid in pids:
            r, p = _rss_pss_kib(pid)
            rss += r
            pss += p
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_procs = max(self.peak_procs, len(pids))

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> TreeSampler:
        if self.available:
            self._sample()
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.available:
            self._stop.set()
            self._thread.join()
            self._sample()


def write_corpus(n: int, folder: Path, chunk: int, seed: int) -> dict:
    """n synthetic articles as files under folder/partNNN/, never more than `chunk` in memory."""
    kb = knowledge.default()
    t0 = time.perf_counter()
    files = 0
    for k, start in enumerate(range(0, n, chunk)):
        records = synth.generate(min(chunk, n - start), seed=seed + k, kb=kb)
        files += len(synth.write(records, folder / f"part{k:03d}", seed=seed + k))
        del records
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    return {"seconds": time.perf_counter() - t0, "files": files, "megabytes": size / 2**20}


def run_ingest(folder: Path, db_path: Path, workers: int | None) -> dict:
    with TreeSampler() as sampler:
        t0 = time.perf_counter()
        s = ingest.ingest(
            [str(folder)], db_path, workers=workers, progress=False, synthetic=True, command="bench"
        )
        secs = time.perf_counter() - t0
    articles = s.new + s.duplicate + s.updated
    return {
        "seconds": secs,
        "articles": articles,
        "articles_per_s": articles / secs if secs else 0.0,
        "new": s.new,
        "duplicate": s.duplicate,
        "updated": s.updated,
        "failed": len(s.failed),
        "failures": [f"{src}: {why}" for src, why in s.failed[:5]],
        "sampled_peak_rss_mb": mb(sampler.peak_rss) if sampler.available else None,
        "sampled_peak_pss_mb": mb(sampler.peak_pss) if sampler.available else None,
        "sampled_processes": sampler.peak_procs if sampler.available else None,
        "db_megabytes": sum(
            p.stat().st_size for p in db_path.parent.glob(db_path.name + "*") if p.is_file()
        )
        / 2**20,
    }


def timed(fn: Callable[[], object], runs: int) -> dict:
    t0 = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - t0) * 1000
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    rows = len(result) if hasattr(result, "__len__") and not isinstance(result, dict) else None
    return {
        "median_ms": statistics.median(times),
        "min_ms": min(times),
        "max_ms": max(times),
        "first_ms": first,
        "rows": rows,
    }


def time_queries(db_path: Path, runs: int) -> dict[str, dict]:
    db = store.connect(db_path, readonly=True)
    try:
        return {name: timed(lambda fn=fn: fn(db), runs) for name, fn in QUERIES}
    finally:
        db.conn.close()


async def _datasette(db_path: Path, runs: int) -> dict:
    from datasette import __version__ as ds_version
    from datasette.app import Datasette

    ds = Datasette([str(db_path)])
    await ds.invoke_startup()
    name = next(
        n for n, d in ds.databases.items() if d.path and Path(d.path).resolve() == db_path.resolve()
    )
    out: dict = {"version": ds_version, "database": name, "searches": {}}
    fts = await ds.databases[name].fts_table("articles")
    if fts != "articles_fts":
        out["error"] = (
            f"Datasette found {fts!r} as the full-text table of articles, not articles_fts, "
            "so ?_search= would not search what queries.search searches"
        )
        return out

    async def get(path: str) -> tuple[float, object]:
        t0 = time.perf_counter()
        resp = await ds.client.get(path)
        ms = (time.perf_counter() - t0) * 1000
        try:
            body = resp.json()
        except ValueError:
            body = None
        if resp.status_code != 200:
            why = body.get("error") if isinstance(body, dict) else resp.text[:300]
            raise RuntimeError(f"HTTP {resp.status_code} for {path}: {why}")
        return ms, body

    async def median_of(path: str) -> tuple[dict, object]:
        _, body = await get(path)  # warm-up, also the result we check
        times = [(await get(path))[0] for _ in range(runs)]
        return {"median_ms": statistics.median(times), "min_ms": min(times)}, body

    floor, _ = await median_of(f"/{name}.json?" + urlencode({"sql": "select 1", "_shape": "array"}))
    out["request_floor"] = floor  # what any in-process request costs (ASGI, httpx, JSON)

    db = store.connect(db_path, readonly=True)
    try:
        for label, text in SEARCHES:
            q = store.fts_query(text)
            matches = db.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [q]
            ).fetchone()[0]
            ours = timed(lambda text=text: queries.search(db, text, limit=20), runs)
            entry: dict = {"text": text, "match": q, "matches": matches, "ours": ours}
            base = {"_search": q, "_searchmode": "raw", "_size": 20}
            lean = {
                **base,
                "_nocount": 1,
                "_nofacet": 1,
                "_col": ["title", "source_file", "published", "language"],
            }
            for variant, params in (("default", base), ("lean", lean)):
                path = f"/{name}/articles.json?" + urlencode(params, doseq=True)
                try:
                    t, body = await median_of(path)
                except RuntimeError as exc:
                    entry[variant] = {"error": str(exc)}
                    continue
                rows = body.get("rows", []) if isinstance(body, dict) else []
                t["rows"] = len(rows)
                t["count"] = body.get("filtered_table_rows_count")
                t["ratio"] = t["median_ms"] / ours["median_ms"] if ours["median_ms"] else None
                if len(rows) != min(20, matches):
                    t["warning"] = f"{len(rows)} rows, expected {min(20, matches)}"
                elif variant == "default" and t["count"] not in (None, matches):
                    t["warning"] = f"Datasette counted {t['count']} matches, SQLite {matches}"
                elif variant == "default" and t["count"] is None:
                    t["warning"] = "Datasette's count of all matches timed out (sql_time_limit_ms)"
                entry[variant] = t
            out["searches"][label] = entry
    finally:
        db.conn.close()
    return out


def datasette_compare(db_path: Path, runs: int) -> dict:
    try:
        import datasette  # noqa: F401
    except ImportError as exc:
        return {"error": f"Datasette is not importable: {exc}"}
    try:
        return asyncio.run(_datasette(db_path, runs))
    except Exception as exc:  # report why, keep the rest of the benchmark
        return {"error": f"Datasette could not run the search: {type(exc).__name__}: {exc}"}


def report_ingest(n: int, gen: dict, ing: dict, self_before: float, self_mb: float, child_mb: float) -> None:
    say(f"== Ingest, end to end: {n:,} synthetic articles, {os.cpu_count()} cores ==")
    say(
        f"generate + write (not in the rate): {gen['seconds']:.1f} s, {gen['files']:,} files, "
        f"{gen['megabytes']:.0f} MB"
    )
    ok = "meets" if ing["articles_per_s"] >= RATE_TARGET else "BELOW"
    target = f"{ok} the {RATE_TARGET:,}/s target" if n == QUERY_TARGET_SIZE else f"the {RATE_TARGET:,}/s target is for {QUERY_TARGET_SIZE:,}"
    rates = ", ".join(f"{r:,.0f}" for r in ing["rates"])
    say(
        f"ingest: median of {len(ing['rates'])} runs {ing['articles_per_s']:,.0f} articles/s, {ing['seconds']:.1f} s "
        f"({target}; runs: {rates})"
    )
    say(
        f"  {ing['articles']:,} articles = {ing['new']:,} new + {ing['duplicate']:,} duplicate + "
        f"{ing['updated']:,} updated; {ing['failed']} failed; database {ing['db_megabytes']:.0f} MB"
    )
    for line in ing["failures"]:
        say(f"  failed: {line}")
    say(
        f"peak memory (ru_maxrss): main process {self_mb:.0f} MB "
        f"({self_before:.0f} MB before ingest: imports and generation), largest worker {child_mb:.0f} MB"
    )
    if ing["sampled_peak_rss_mb"] is not None:
        total = ing["sampled_peak_pss_mb"]
        ok = "under" if total < MEMORY_TARGET_MB else "OVER"
        target = f"{ok} {MEMORY_TARGET_MB} MB" if n == QUERY_TARGET_SIZE else f"the {MEMORY_TARGET_MB} MB target is for {QUERY_TARGET_SIZE:,}"
        say(
            f"peak of all {ing['sampled_processes']} processes together during ingest (sampled): "
            f"PSS {total:.0f} MB ({target}), RSS summed {ing['sampled_peak_rss_mb']:.0f} MB"
        )
    say()


def report_queries(size: int, res: dict[str, dict], runs: int) -> None:
    say(f"== Queries at {size:,} articles: median of {runs} runs (ms) ==")
    say(f"{'query':<34} {'median':>8} {'min':>8} {'max':>8} {'first':>8} {'rows':>7}")
    for name, t in res.items():
        flag = "  > 100 ms" if t["median_ms"] > QUERY_TARGET_MS else ""
        rows = "" if t["rows"] is None else f"{t['rows']:,}"
        say(
            f"{name:<34} {t['median_ms']:>8.1f} {t['min_ms']:>8.1f} {t['max_ms']:>8.1f} "
            f"{t['first_ms']:>8.1f} {rows:>7}{flag}"
        )
    slow = [n for n, t in res.items() if t["median_ms"] > QUERY_TARGET_MS]
    if size == QUERY_TARGET_SIZE:
        say(f"target: each under {QUERY_TARGET_MS} ms at {QUERY_TARGET_SIZE:,}: " + ("met" if not slow else f"NOT met by {', '.join(slow)}"))
    elif size > QUERY_TARGET_SIZE:
        say(f"(the {QUERY_TARGET_MS} ms target is for {QUERY_TARGET_SIZE:,} articles; over {QUERY_TARGET_MS} ms here: {', '.join(slow) or 'none'})")
    say()


def report_datasette(size: int, d: dict, runs: int) -> None:
    say(f"== Full-text search vs Datasette at {size:,} articles (top 20, median of {runs}) ==")
    if "error" in d:
        say(f"Datasette: no figure. {d['error']}")
        say()
        return
    say(
        f"Datasette {d['version']} in process; a bare request (select 1) costs "
        f"{d['request_floor']['median_ms']:.1f} ms"
    )
    for label, e in d["searches"].items():
        say(f"{label} «{e['text']}» (MATCH {e['match']}, {e['matches']:,} matching articles):")
        say(f"  queries.search (bm25 order, snippet)      {e['ours']['median_ms']:8.1f} ms")
        for variant, desc in (("default", "Datasette ?_search= (count, facets)"), ("lean", "Datasette ?_search= &_nocount&_nofacet")):
            t = e[variant]
            if "error" in t:
                say(f"  {desc:<41} no figure: {t['error']}")
                continue
            ratio = f"Datasette/ours {t['ratio']:.1f}" if t["ratio"] else "—"
            warn = f"  ({t['warning']})" if t.get("warning") else ""
            say(f"  {desc:<41} {t['median_ms']:8.1f} ms  {ratio}{warn}")
    say()


def main() -> int:
    global OUT
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=100_000, help="articles for the ingest run (default 100,000)")
    ap.add_argument("--sizes", default="10000,100000", help="database sizes for the query timings (default 10000,100000)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each query (default 5)")
    ap.add_argument("--ingest-runs", type=int, default=3, help="ingests of the same files, each into a new database (default 3)")
    ap.add_argument("--workers", type=int, default=None, help="parser processes (default: all cores)")
    ap.add_argument("--chunk", type=int, default=50_000, help="articles generated at a time (default 50,000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-datasette", action="store_true", help="skip the Datasette comparison")
    ap.add_argument("--json", action="store_true", help="JSON on stdout, the readable report on stderr")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (files and databases)")
    args = ap.parse_args()
    try:
        sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        ap.error(f"--sizes takes comma-separated numbers, not {args.sizes!r}")
    if args.articles < 1 or any(s < 1 for s in sizes) or min(args.runs, args.ingest_runs, args.chunk) < 1:
        ap.error("--articles, --sizes, --runs, --ingest-runs and --chunk must be positive")
    if args.json:
        OUT = sys.stderr

    tmp = Path(tempfile.mkdtemp(prefix="bench_store_", dir="/tmp"))
    result: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "sqlite": __import__("sqlite3").sqlite_version,
        },
        "articles": args.articles,
        "runs": args.runs,
        "sizes": {},
        "folder": str(tmp) if args.keep else None,
    }
    say(f"working in {tmp}" + (" (kept)" if args.keep else " (removed at the end)"))
    say()
    try:
        # 1. ingest throughput and memory
        knowledge.default()  # loaded once, as `python -m dashboard synth` does before ingesting
        folder, db_path = tmp / f"files_{args.articles}", tmp / f"bench_{args.articles}.db"
        gen = write_corpus(args.articles, folder, args.chunk, args.seed)
        self_before = maxrss_mb(resource.RUSAGE_SELF)
        runs = []
        for k in range(args.ingest_runs):
            for f in db_path.parent.glob(db_path.name + "*"):
                f.unlink()  # each run starts from no database
            runs.append(run_ingest(folder, db_path, args.workers))
            say(f"ingest run {k + 1}/{args.ingest_runs}: {runs[-1]['seconds']:.1f} s, {runs[-1]['articles_per_s']:,.0f} articles/s")
        # the median run by rate, with the highest memory of all runs
        ing = dict(sorted(runs, key=lambda r: r["articles_per_s"])[len(runs) // 2])
        ing["rates"] = [r["articles_per_s"] for r in runs]
        for key in ("sampled_peak_rss_mb", "sampled_peak_pss_mb"):
            if ing[key] is not None:
                ing[key] = max(r[key] for r in runs)
        self_mb, child_mb = maxrss_mb(resource.RUSAGE_SELF), maxrss_mb(resource.RUSAGE_CHILDREN)
        result["ingest"] = {
            "generate": gen,
            **ing,
            "maxrss_self_mb": self_mb,
            "maxrss_self_before_ingest_mb": self_before,
            "maxrss_children_mb": child_mb,
            "targets": {"articles_per_s": RATE_TARGET, "memory_mb": MEMORY_TARGET_MB},
        }
        report_ingest(args.articles, gen, ing, self_before, self_mb, child_mb)
        if not args.keep:
            shutil.rmtree(folder)
        dbs = {args.articles: db_path}

        # 2. and 3. queries and Datasette at each size
        for size in sizes:
            entry: dict = {}
            if size not in dbs:
                say(f"building a {size:,}-article database …")
                f, p = tmp / f"files_{size}", tmp / f"bench_{size}.db"
                g = write_corpus(size, f, args.chunk, args.seed)
                b = run_ingest(f, p, args.workers)
                entry["build"] = {"generate_seconds": g["seconds"], **b}
                say(
                    f"  generated in {g['seconds']:.0f} s; ingested {b['articles']:,} in {b['seconds']:.0f} s "
                    f"({b['articles_per_s']:,.0f} articles/s, {b['failed']} failed), {b['db_megabytes']:.0f} MB"
                )
                say()
                if not args.keep:
                    shutil.rmtree(f)
                dbs[size] = p
            entry["queries"] = time_queries(dbs[size], args.runs)
            report_queries(size, entry["queries"], args.runs)
            if not args.no_datasette:
                entry["datasette"] = datasette_compare(dbs[size], args.runs)
                report_datasette(size, entry["datasette"], args.runs)
            result["sizes"][str(size)] = entry
            if not args.keep and size != args.articles:
                for p in tmp.glob(f"bench_{size}.db*"):
                    p.unlink()
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
