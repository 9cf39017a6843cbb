"""Fuzz the parse API with many seeded inputs (outside the suite; tests/test_fuzz.py is its CI-sized
sibling): random Unicode (Devanagari, Japanese, combining marks, controls, surrogates, bidi marks)
mixed with words the parser knows, and mutations of the team-written articles.

    python scripts/fuzz.py --inputs 100000            # all cores; prints exceptions and the slowest inputs
    python scripts/fuzz.py --inputs 2000 --seed 3 --save /tmp/fuzz   # keep failing and slowest inputs as JSON

Each input runs through parse_article(text, meta) and the record's to_dict(); an exception or
an input slower than --slow seconds is reported with its seed number, so `--only N` replays it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import fuzz_inputs  # noqa: E402

_KB = None


def _one(seed: int, n: int) -> tuple[int, str, float, str | None, int]:
    """(input number, kind, seconds, error or None, characters)."""
    global _KB
    from dashboard import knowledge
    from dashboard.parse import parse_article

    if _KB is None:
        _KB = knowledge.default()
    rng = random.Random(f"{seed}:{n}")
    text, meta, kind = fuzz_inputs.draw(rng)
    t = time.perf_counter()
    err = None
    try:
        parse_article(text, meta, kb=_KB).to_dict()
    except Exception as exc:
        err = f"{type(exc).__name__}: {exc} @ {traceback.extract_tb(exc.__traceback__)[-1].filename.rsplit('/', 2)[-1]}:{traceback.extract_tb(exc.__traceback__)[-1].lineno}"
    return n, kind, time.perf_counter() - t, err, len(text)


def _warm() -> None:
    """Worker initializer: load the knowledge and compile the patterns before any input is timed."""
    global _KB
    from dashboard import knowledge
    from dashboard.parse import parse_article

    _KB = knowledge.default()
    parse_article("India Japan talks\n\nNew Delhi, 5 May 2025: the defence ministers met. भारत और जापान।", {"published": "2025-05-05"}, kb=_KB)


def _batch(seed: int, ns: list[int]) -> list[tuple]:
    return [_one(seed, n) for n in ns]


def replay(seed: int, n: int) -> tuple[str, dict, str]:
    return fuzz_inputs.draw(random.Random(f"{seed}:{n}"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--slow", type=float, default=2.0, help="report inputs slower than this (seconds)")
    ap.add_argument("--save", help="folder for the failing and slowest inputs (JSON)")
    ap.add_argument("--only", type=int, help="run one input number and show the error in full")
    args = ap.parse_args()
    if args.only is not None:
        from dashboard.parse import parse_article

        text, meta, kind = replay(args.seed, args.only)
        print(json.dumps({"kind": kind, "meta": meta, "text": text[:2000]}, ensure_ascii=False)[:3000])
        parse_article(text, meta).to_dict()
        print("no exception")
        return 0
    t0 = time.perf_counter()
    results: list[tuple] = []
    step = 200
    with ProcessPoolExecutor(max_workers=args.workers, initializer=_warm) as pool:
        futures = [pool.submit(_batch, args.seed, list(range(i, min(i + step, args.inputs)))) for i in range(0, args.inputs, step)]
        for k, f in enumerate(futures, 1):
            results += f.result()
            if k % 50 == 0:
                print(f"  {len(results):,} inputs, {sum(r[3] is not None for r in results)} exceptions", file=sys.stderr, flush=True)
    wall = time.perf_counter() - t0
    errors = [r for r in results if r[3]]
    slowest = sorted(results, key=lambda r: -r[2])[:10]
    kinds: dict[str, int] = {}
    for r in results:
        kinds[r[1]] = kinds.get(r[1], 0) + 1
    print(f"{len(results):,} inputs ({', '.join(f'{v:,} {k}' for k, v in kinds.items())}), seed {args.seed}: "
          f"{len(errors)} exceptions; slowest {slowest[0][2]:.2f} s (input {slowest[0][0]}, {slowest[0][1]}, {slowest[0][4]:,} characters); "
          f"{sum(r[2] > args.slow for r in results)} over {args.slow:g} s; {wall:.0f} s on {args.workers} processes")
    by_error: dict[str, list[int]] = {}
    for r in errors:
        by_error.setdefault(r[3], []).append(r[0])
    for e, ns in sorted(by_error.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(ns):>5} × {e}   (e.g. --only {ns[0]})")
    for r in slowest[:5]:
        print(f"  slow: input {r[0]} ({r[1]}, {r[4]:,} characters): {r[2]:.2f} s")
    if args.save:
        out = Path(args.save)
        out.mkdir(parents=True, exist_ok=True)
        for label, rows in (("error", errors[:50]), ("slow", slowest[:5])):
            for r in rows:
                text, meta, kind = replay(args.seed, r[0])
                (out / f"{label}_{r[0]}.json").write_text(json.dumps({"seed": args.seed, "input": r[0], "kind": kind, "seconds": r[2], "error": r[3], "meta": meta, "text": text}, ensure_ascii=False, indent=1), encoding="utf-8", errors="surrogatepass")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
