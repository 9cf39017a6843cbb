"""How well articles are grouped into engagements, against the sample corpus truth files.

    python scripts/evaluate_grouping.py            # pairwise precision / recall / F1, B-cubed
    python scripts/evaluate_grouping.py --details  # engagements split or merged wrongly

Ingests data/sample/ into a temporary database through the real pipeline, then compares each
article's engagement with the `engagement_key` its truth row gives (articles with no key, the
near-misses, are left out). Pairwise: of all pairs of articles put together, how many belong
together (precision); of all pairs that belong together, how many were put together (recall).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import ingest, store  # noqa: E402


def truth() -> dict[str, str]:
    out = {}
    for f in sorted((ROOT / "data" / "sample_truth").glob("*.csv")):
        for row in csv.DictReader(f.open(encoding="utf-8")):
            if not row["engagement_key"]:
                continue
            path = ROOT / "data" / "sample" / row["file"]
            multi = path.suffix.lower() in (".json", ".jsonl", ".csv")
            src = f"{path}#{int(row['record'] or 0) + 1}" if multi else str(path)
            out[src] = row["engagement_key"]
    return out


def predicted(db_path: Path) -> dict[str, str | None]:
    db = store.connect(db_path)
    rows = db.execute(
        """SELECT f.source, a.engagement_id FROM ingest_files f JOIN articles a ON a.id = f.article_id
           WHERE f.outcome IN ('new', 'duplicate', 'updated')"""
    ).fetchall()
    return {src: eid for src, eid in rows}


def scores(gold: dict[str, str], pred: dict[str, str | None]) -> dict[str, float]:
    items = [s for s in gold if s in pred]
    together_pred = {
        (a, b) for a, b in combinations(items, 2) if pred[a] is not None and pred[a] == pred[b]
    }
    together_gold = {(a, b) for a, b in combinations(items, 2) if gold[a] == gold[b]}
    tp = len(together_pred & together_gold)
    p = tp / len(together_pred) if together_pred else 1.0
    r = tp / len(together_gold) if together_gold else 1.0
    # B-cubed: per article, the share of its predicted cluster that is right, and of its true cluster found
    pc, gc = defaultdict(set), defaultdict(set)
    for s in items:
        pc[pred[s] or s].add(s)
        gc[gold[s]].add(s)
    bp = sum(len(pc[pred[s] or s] & gc[gold[s]]) / len(pc[pred[s] or s]) for s in items) / len(
        items
    )
    br = sum(len(pc[pred[s] or s] & gc[gold[s]]) / len(gc[gold[s]]) for s in items) / len(items)
    return {
        "articles": len(items),
        "true_engagements": len(gc),
        "predicted_engagements": len(pc),
        "pair_precision": p,
        "pair_recall": r,
        "pair_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "bcubed_precision": bp,
        "bcubed_recall": br,
    }


def run() -> tuple[dict, dict, dict]:
    with tempfile.TemporaryDirectory() as d:
        db_path = Path(d) / "eval.db"
        ingest.ingest([str(ROOT / "data" / "sample")], db_path, progress=False)
        pred = predicted(db_path)
    gold = truth()
    return scores(gold, pred), gold, pred


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args()
    s, gold, pred = run()
    print(
        f"{s['articles']} articles on {s['true_engagements']} engagements; grouped into {s['predicted_engagements']}"
    )
    for k in ("pair_precision", "pair_recall", "pair_f1", "bcubed_precision", "bcubed_recall"):
        print(f"{k:<18}{s[k]:>8.1%}")
    if args.details:
        by_key = defaultdict(list)
        for src, key in gold.items():
            if src in pred:
                by_key[key].append(src)
        for key, srcs in sorted(by_key.items()):
            groups = {pred[x] for x in srcs}
            if len(groups) > 1:
                print(f"split {key}: {len(srcs)} articles in {len(groups)} engagements")
        by_pred = defaultdict(set)
        for src in gold:
            if src in pred and pred[src]:
                by_pred[pred[src]].add(gold[src])
        for eid, keys in by_pred.items():
            if len(keys) > 1:
                print(f"merged {eid}: {sorted(keys)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
