"""Parse throughput on one core: articles/s, median of several runs, on a mixed corpus.

    python scripts/bench_parse.py            # 5 runs over the golden + sample articles, 5 KB articles, 3 KB Japanese articles
    python scripts/bench_parse.py --runs 9
    python scripts/bench_parse.py --scaling  # time against input length: 10 k, 100 k, 1 M characters
    python scripts/bench_parse.py --against ../old-checkout   # this parser against another one, side by side

The 5 KB corpus joins paragraphs of real sample articles until each text is about 5,000 characters,
so the figure answers "articles/s per core for 5 KB articles"; the Japanese corpus joins the
team-written Japanese articles of tests/lang until each is about 3 KB in UTF-8 (about 1,000 characters).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the parser timed: this checkout's, or (for --against) another's, on this checkout's corpus
CODE = Path(os.environ.get("BENCH_PARSE_CODE") or ROOT)
sys.path.insert(0, str(CODE))

from dashboard import knowledge, readers  # noqa: E402
from dashboard.parse import parse_article  # noqa: E402


def corpus() -> list[tuple[str, dict]]:
    items = []
    for f, given in readers.expand([str(ROOT / "tests" / "golden"), str(ROOT / "data" / "sample")]):
        for it in readers.read_path(f, given):
            if isinstance(it, readers.RawRecord):
                items.append((it.text, it.meta))
    return items


def five_kb(items: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    out, buf = [], ""
    for text, _meta in items:
        buf += text + "\n\n"
        while len(buf) >= 5000:
            out.append((buf[:5000], {}))
            buf = buf[5000:]
    return out


def japanese_3kb() -> list[tuple[str, dict]]:
    """Team-written Japanese articles (tests/lang) joined until each text is about 3 KB in UTF-8."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "lang").glob("3*.txt"))]
    out, buf = [], ""
    for _ in range(4):
        for text in texts:
            buf += text + "\n"
            if len(buf.encode("utf-8")) >= 3000:
                out.append((buf, {}))
                buf = ""
    return out


def run_segment(items) -> float:
    from dashboard.parse.segment import for_index

    t0 = time.perf_counter()
    for text, _meta in items:
        for_index("", text)
    return len(items) / (time.perf_counter() - t0)


def run(items, kb) -> float:
    t0 = time.perf_counter()
    for text, meta in items:
        parse_article(text, meta, kb=kb)
    return len(items) / (time.perf_counter() - t0)


# Inputs that once grew with the square of their length (issue 12, §3): one unit repeated
SCALING = {
    "dates": "05 मई 2025 ",
    "numeric dates": "1-1-2020 ",
    "numbers": "12345 67,890 2+2 ",
    "datelines": "नई दिल्ली, 5 मई (भाषा)। रक्षा मंत्री राजनाथ सिंह ने जापान के रक्षा मंत्री से बात की।\n",
    "underscores": "_",
    "mixed prose": "India and Japan held talks on 5 May 2025 in New Delhi. भारत और जापान ने 6 मई को टोक्यो में बात की। ",
}
SIZES = (10_000, 100_000, 1_000_000)


def scaling_input(kind: str, size: int) -> str:
    head = "India Japan defence talks\n\n"
    unit = SCALING[kind]
    return head + (unit * (size // len(unit) + 1))[: size - len(head)]


def one(kind: str, size: int) -> float:
    """Seconds to parse one scaling input (run in its own process, so a slow one can be cut off)."""
    kb = knowledge.default()
    parse_article("India Japan talks\n\nNew Delhi, 5 May 2025: the ministers met.", kb=kb)  # warm-up
    text = scaling_input(kind, size)
    t0 = time.perf_counter()
    parse_article(text, {}, kb=kb)
    return time.perf_counter() - t0


def scaling(limit: float) -> None:
    print(f"{'input':<14}" + "".join(f"{n:>12,}" for n in SIZES) + "   ratio 10k→100k, 100k→1M (10 = linear)")
    for kind in SCALING:
        times: list[float | None] = []
        for size in SIZES:
            if times and times[-1] is None:
                times.append(None)  # the smaller one was already cut off
                continue
            try:
                out = subprocess.run(
                    [sys.executable, __file__, "--one", kind, str(size)], capture_output=True, text=True, timeout=limit, check=True
                )
                times.append(json.loads(out.stdout)["seconds"])
            except subprocess.TimeoutExpired:
                times.append(None)
            except subprocess.CalledProcessError as exc:
                print(f"{kind}: {size} failed: {exc.stderr.strip().splitlines()[-1:]}")
                times.append(None)
        cells = "".join(f"{t:>11.2f}s" if t is not None else f"{'>' + format(limit, 'g') + 's':>12}" for t in times)
        ratios = [f"{b / a:.0f}" if a and b else "—" for a, b in zip(times, times[1:], strict=False)]
        print(f"{kind:<14}{cells}   {', '.join(ratios)}", flush=True)


def against(other: Path, runs: int) -> None:
    """Both parsers on the mixed corpus, in alternating processes (the machine's load then weighs
    on both alike); each process reports its best of 4 passes."""
    rates: dict[str, list[float]] = {"this": [], "other": []}
    for _ in range(runs):
        for name, code in (("this", ROOT), ("other", other)):
            out = subprocess.run([sys.executable, __file__, "--rate"], env={**os.environ, "BENCH_PARSE_CODE": str(code)}, capture_output=True, text=True, check=True)
            rates[name].append(float(out.stdout))
    mine, theirs = statistics.median(rates["this"]), statistics.median(rates["other"])
    print(f"mixed corpus: this checkout {mine:,.0f}/s, {other} {theirs:,.0f}/s: ratio {mine / theirs:.3f} (medians of {runs} processes, best of 4 passes each)")


def best_rate() -> float:
    kb = knowledge.default()
    mixed = corpus()
    run(mixed[:20], kb)
    return max(run(mixed, kb) for _ in range(4))


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scaling", action="store_true", help="time against input length instead")
    ap.add_argument("--limit", type=float, default=120.0, help="with --scaling: seconds before an input is cut off")
    ap.add_argument("--against", type=Path, metavar="CHECKOUT", help="time this parser against another checkout's, side by side")
    ap.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    ap.add_argument("--rate", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.rate:
        print(best_rate())
        return 0
    if args.against:
        against(args.against.resolve(), args.runs)
        return 0
    if args.one:
        print(json.dumps({"seconds": one(args.one[0], int(args.one[1]))}))
        return 0
    if args.scaling:
        scaling(args.limit)
        return 0
    t0 = time.perf_counter()
    kb = knowledge.default()
    load_s = time.perf_counter() - t0
    mixed = corpus()
    big = five_kb(mixed)
    ja = japanese_3kb()
    run(mixed[:20], kb)  # warm-up: lazy imports, regex compilation
    run(ja[:5], kb)
    for name, items in (("mixed corpus", mixed), ("5 KB articles", big), ("3 KB Japanese", ja)):
        rates = [run(items, kb) for _ in range(args.runs)]
        avg = sum(len(t) for t, _ in items) / len(items)
        print(
            f"{name:<14} {len(items):>4} articles, mean {avg / 1000:.1f} KB: "
            f"median {statistics.median(rates):,.0f} articles/s per core "
            f"(min {min(rates):,.0f}, max {max(rates):,.0f}, {args.runs} runs)"
        )
    run_segment(ja[:3])  # loads the Sudachi dictionary
    rates = [run_segment(ja) for _ in range(args.runs)]
    print(f"Japanese segmentation for the search index (at ingest): median {statistics.median(rates):,.0f} articles/s per core on the 3 KB Japanese articles")
    print(f"knowledge base load: {load_s * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
