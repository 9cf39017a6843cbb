"""Who met whom: Indian and Japanese participants who took part in the same engagements.

Pure: engagements (with their participant lists) in, pairs out; each pair keeps the engagement ids
behind its number, so a square of the matrix opens the engagements themselves.
"""

from __future__ import annotations

import html
from collections import Counter

import pandas as pd

from dashboard import labels

COLUMNS = ["india", "japan", "n", "ids", "lines"]


def _country(name: str, kb, people_only: bool) -> str | None:
    if name in kb.people:
        return kb.people[name]
    if not people_only and name in kb.organisations:
        return kb.organisations[name].get("country") or None
    return None


def ranking(engagements: pd.DataFrame, kb, country: str, people_only: bool = True) -> list[str]:
    """A side's participants, most engagements first (then by name)."""
    seen: Counter = Counter()
    for names in engagements["participants"] if not engagements.empty else []:
        for n in set(names):
            if _country(n, kb, people_only) == country:
                seen[n] += 1
    return [n for n, _ in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))]


def pairs(engagements: pd.DataFrame, kb, people_only: bool = True, hindi: bool = False, lines_per_pair: int = 8) -> pd.DataFrame:
    """One row per (Indian, Japanese) pair who took part in at least one engagement together."""
    found: dict[tuple[str, str], list[dict]] = {}
    if not engagements.empty:
        for r in engagements.sort_values(["sort_date", "id"]).to_dict("records"):
            sides = {"India": set(), "Japan": set()}
            for n in r["participants"]:
                c = _country(n, kb, people_only)
                if c in sides:
                    sides[c].add(n)
            for i in sides["India"]:
                for j in sides["Japan"]:
                    found.setdefault((i, j), []).append(r)
    rows = []
    for (i, j), items in found.items():
        shown = [
            f"{html.escape(x['date'] or x['sort_date'] or '')} · {html.escape(labels.t(x['type'], hindi, labels.TYPES))} · {html.escape(kb.shown(x['place'], hindi) if x['place'] else labels.b('place_unknown', hindi))}"
            for x in items[-lines_per_pair:]
        ]
        more = len(items) - len(shown)
        lines = f"<b>{html.escape(kb.shown(i, hindi))} — {html.escape(kb.shown(j, hindi))}</b><br>{labels.b('together', hindi, n=len(items))}<br>" + "<br>".join(shown) + (f"<br>… +{more}" if more else "")
        rows.append({"india": i, "japan": j, "n": len(items), "ids": [x["id"] for x in items], "lines": lines})
    return pd.DataFrame(rows, columns=COLUMNS).sort_values(["n", "india", "japan"], ascending=[False, True, True]).reset_index(drop=True)
