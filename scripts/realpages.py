"""The real-page set: ../shared/realdev read as it is, scored by the rules of its own score.py.

The scoring functions (date precision, place parts, name matching, the area and type maps) are
imported from score.py itself rather than copied, so our figures and the scorer's cannot drift
apart. Texts are parsed in-process through the same reader as `python -m dashboard parse`.
"""

from __future__ import annotations

import importlib.util
import os
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALDEV = Path(os.environ.get("REALDEV_DIR", ROOT.parent / "shared" / "realdev"))
FIELDS = ("relevance", "date", "date_known", "type", "status", "place", "participants", "areas")
# engagement fields that carry a confidence, and the realdev field that checks each
CONFIDENT_FIELDS = ("date", "type", "status", "place", "participants")
CALIBRATION_THRESHOLD = 0.8


def available() -> bool:
    return (REALDEV / "annotations.yaml").exists() and (REALDEV / "score.py").exists()


def _scorer():
    spec = importlib.util.spec_from_file_location("realdev_score", REALDEV / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def cases() -> list[tuple[dict, dict]]:
    """(annotation, parsed record) per excerpt; the excerpt is the text after its 3-line header."""
    import yaml

    from dashboard import knowledge, readers
    from dashboard.parse import parse_article

    kb = knowledge.default()
    gold = yaml.safe_load((REALDEV / "annotations.yaml").read_text(encoding="utf-8"))
    out = []
    for g in gold:
        raw = (REALDEV / "texts" / g["file"]).read_text(encoding="utf-8")
        body = "\n".join(raw.split("\n")[3:])
        items = list(readers.read_bytes(body.encode("utf-8"), g["file"], ".txt"))
        item = items[0] if items else None
        if item is None or isinstance(item, readers.ReadFailure):
            out.append((g, {}))
            continue
        rec = parse_article(item.text, item.meta, kb=kb, source=g["file"]).to_dict()
        out.append((g, rec))
    return out


class Score:
    """Right/total for single-valued fields; tp, predicted, gold for set-valued ones (F1)."""

    def __init__(self) -> None:
        self.right = self.total = 0
        self.tp = self.n_pred = self.n_gold = 0

    def value(self) -> float | None:
        if self.total:
            return self.right / self.total
        if not (self.n_pred or self.n_gold):
            return None
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score(pairs: list[tuple[dict, dict]]) -> dict:
    """Per group (core = hi+en, other, all) and field: the figures score.py prints, plus status,
    every miss, and the confidence calibration of each engagement field."""
    s = _scorer()
    table: dict[tuple[str, str], Score] = defaultdict(Score)
    misses: list[str] = []
    calib: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # field -> [right, n] at conf >= threshold

    def single(groups, field, ok):
        for grp in groups:
            table[grp, field].right += bool(ok)
            table[grp, field].total += 1

    def sets(groups, field, tp, n_pred, n_gold):
        for grp in groups:
            t = table[grp, field]
            t.tp, t.n_pred, t.n_gold = t.tp + tp, t.n_pred + n_pred, t.n_gold + n_gold

    for g, r in pairs:
        groups = ("core" if g["lang"] in s.CORE else "other", "all")
        eng = r.get("engagement") or {}
        decisions = eng.get("decisions") or {}
        rel = bool(r.get("india_japan")) == bool(g["about_india_japan"])
        single(groups, "relevance", rel)
        miss = [] if rel else [f"relevance pred={r.get('india_japan')}"]
        if g["about_india_japan"]:
            ok: dict[str, bool] = {}
            ok["date"] = s.date_ok(eng.get("date"), g["engagement_date"], g.get("acceptable_dates"))
            ok["type"] = eng.get("type") == s.TYPE_MAP.get(g["engagement_type"], g["engagement_type"])
            gold_status = g.get("status")
            ok["status"] = eng.get("status") == gold_status if gold_status not in (None, "n/a") else True
            ok["place"] = s.place_ok(eng.get("place"), g["place"])
            gp = [p for p in g["participants"] if "not named" not in p]
            pp = [p if isinstance(p, str) else (p.get("name") or "") for p in eng.get("participants") or []]
            tp, n_p, n_g = s.f1_counts(pp, gp, s.name_match)
            ok["participants"] = tp == n_p == n_g
            ga = {s.AREA_MAP.get(x, x) for x in (g.get("areas") or [])} - {None}
            pa = {(x["id"] if isinstance(x, dict) else x) for x in (r.get("areas") or [])}
            single(groups, "date", ok["date"])
            if g["engagement_date"] is not None:
                single(groups, "date_known", ok["date"])
            single(groups, "type", ok["type"])
            if gold_status not in (None, "n/a"):
                single(groups, "status", ok["status"])
            single(groups, "place", ok["place"])
            sets(groups, "participants", tp, n_p, n_g)
            sets(groups, "areas", len(ga & pa), len(pa), len(ga))
            for f in CONFIDENT_FIELDS:
                conf = (decisions.get(f) or {}).get("confidence")
                if conf is not None and conf >= CALIBRATION_THRESHOLD:
                    calib[f][0] += ok[f]
                    calib[f][1] += 1
            if not ok["date"]:
                miss.append(f"date pred={eng.get('date')} gold={g['engagement_date']}")
            if not ok["type"]:
                miss.append(f"type pred={eng.get('type')} gold={g['engagement_type']}")
            if not ok["status"]:
                miss.append(f"status pred={eng.get('status')} gold={gold_status}")
            if not ok["place"]:
                miss.append(f"place pred={eng.get('place')!r} gold={g['place']!r}")
            if not ok["participants"]:
                miss.append(f"people pred={pp} gold={gp}")
            if ga != pa:
                miss.append(f"areas missing={sorted(ga - pa)} extra={sorted(pa - ga)}")
        if miss:
            misses.append(f"{g['file']} [{g['lang']}] " + "; ".join(miss))
    figures = {grp: {f: table[grp, f].value() for f in FIELDS} for grp in ("core", "other", "all")}
    return {"figures": figures, "misses": misses, "calibration": {f: tuple(v) for f, v in calib.items()}, "articles": len(pairs)}


def report(result: dict, details: bool = False) -> str:
    lines = [f"real set (../shared/realdev): {result['articles']} excerpts of real pages; core = hi+en"]
    lines.append(f"{'group':<7}" + "".join(f"{f:>13}" for f in FIELDS))
    for grp, vals in result["figures"].items():
        lines.append(f"{grp:<7}" + "".join(f"{'-' if v is None else f'{v:.2f}':>13}" for v in vals.values()))
    lines.append("")
    lines.append(f"calibration: among engagement fields with confidence >= {CALIBRATION_THRESHOLD}, the share right")
    right = n = 0
    for f in CONFIDENT_FIELDS:
        r, k = result["calibration"].get(f, (0, 0))
        right, n = right + r, n + k
        lines.append(f"  {f:<13} {r:>3}/{k:<3} " + (f"{r / k:.1%}" if k else "-"))
    verdict = "holds" if n and right / n >= 0.95 else ("no confident fields" if not n else "FAILS")
    lines.append(f"  {'all':<13} {right:>3}/{n:<3} " + (f"{right / n:.1%}" if n else "-") + f"  (aim >= 95%: {verdict})")
    if details:
        lines.append("")
        lines.extend(result["misses"])
    return "\n".join(lines)
