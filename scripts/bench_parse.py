"""Parse throughput on one core: articles/s, median of several runs, on a mixed corpus.

    python scripts/bench_parse.py            # 5 runs over the golden + sample articles, 5 KB articles, 3 KB Japanese articles
    python scripts/bench_parse.py --runs 9

The 5 KB corpus joins paragraphs of real sample articles until each text is about 5,000 characters,
so the figure answers "articles/s per core for 5 KB articles"; the Japanese corpus joins the
team-written Japanese articles of tests/lang until each is about 3 KB in UTF-8 (about 1,000 characters).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
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
