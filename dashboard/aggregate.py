"""Aggregations as DataFrame -> DataFrame. Every aggregate row keeps the ids behind its number."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd


def period_of(sort_date: str, period: str) -> str:
    """'2024-08-20' -> '2024-08' (month), '2024-Q3' (quarter) or '2024' (year)."""
    if not sort_date or len(sort_date) < 7:
        return ""
    y, m = sort_date[:4], int(sort_date[5:7])
    if period == "year":
        return y
    if period == "quarter":
        return f"{y}-Q{(m - 1) // 3 + 1}"
    return f"{y}-{m:02d}"


def all_periods(first: str, last: str, period: str) -> list[str]:
    """Every period between two, so empty months show as empty, not missing."""
    if not first or not last:
        return []
    y, m = int(first[:4]), int(first[5:7]) if len(first) >= 7 and first[4] == "-" and first[5:7].isdigit() else 1
    end_y, end_m = int(last[:4]), int(last[5:7]) if len(last) >= 7 and last[5:7].isdigit() else 12
    out: list[str] = []
    while (y, m) <= (end_y, end_m):
        p = period_of(f"{y:04d}-{m:02d}-01", period)
        if not out or out[-1] != p:
            out.append(p)
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def area_period(cells: pd.DataFrame, value: str = "engagements", normalise: bool = False, period_totals: dict[str, int] | None = None) -> pd.DataFrame:
    """Add the shown value to area x period counts (period, area, engagements, mentions).

    value 'engagements' counts engagements discussing the area; 'mentions' sums keyword mentions.
    normalise shows each count as a share of its period, so busy and quiet periods compare: of the
    period's engagements (period_totals, distinct engagements per period) or of its mentions. A
    share always carries its count: `label` reads '1/1', not a bare 100 %, and `total` is kept.
    """
    cols = ["period", "area", "value", "engagements", "mentions", "count", "total", "label"]
    if cells.empty:
        return pd.DataFrame(columns=cols)
    out = cells.copy()
    out["count"] = out[value].astype(int)
    if normalise:
        if value == "engagements" and period_totals is not None:
            out["total"] = out["period"].map(period_totals).fillna(0).astype(int)
            out["total"] = out[["total", "count"]].max(axis=1)  # never below a count it holds
        else:
            out["total"] = out.groupby("period")[value].transform("sum").astype(int)
        out["value"] = out["count"] / out["total"].where(out["total"] > 0, 1)
        out["label"] = [f"{c}/{t}" for c, t in zip(out["count"], out["total"], strict=True)]
    else:
        out["total"] = out.groupby("period")[value].transform("sum").astype(int)
        out["value"] = out["count"].astype(float)
        out["label"] = out["count"].map(str)
    return out[cols].reset_index(drop=True)


def engagements_per_period(engagements: pd.DataFrame, period: str) -> dict[str, int]:
    """Distinct engagements in each period (the base of an area's share of a period)."""
    if engagements.empty:
        return {}
    return engagements["sort_date"].dropna().map(lambda d: period_of(d, period)).value_counts().to_dict()


def rising(current: pd.DataFrame, previous: pd.DataFrame, comparable: bool = True) -> pd.DataFrame:
    """Areas by change in engagements discussing them, against an earlier period. `comparable` is
    False when the earlier period holds no data at all (it lies before the data starts): then no
    area is 'new', since absence there says nothing."""
    cols = ["area", "current", "previous", "change", "new"]
    cur = dict(zip(current["area"], current["engagements"], strict=True)) if not current.empty else {}
    prev = dict(zip(previous["area"], previous["engagements"], strict=True)) if not previous.empty else {}
    rows = [
        {"area": a, "current": int(cur.get(a, 0)), "previous": int(prev.get(a, 0)), "change": int(cur.get(a, 0)) - int(prev.get(a, 0)), "new": comparable and a in cur and a not in prev}
        for a in sorted(set(cur) | set(prev))
    ]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["change", "current"], ascending=False).reset_index(drop=True)


def previous_period(date_from: str, date_to: str) -> tuple[str, str]:
    """The period of equal length just before [date_from, date_to]."""
    start, end = date.fromisoformat(date_from[:10]), date.fromisoformat(date_to[:10])
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        # whole months (a quarter, a year): the same number of calendar months before
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        y, m = divmod(start.year * 12 + start.month - 1 - months, 12)
        return date(y, m + 1, 1).isoformat(), (start - timedelta(days=1)).isoformat()
    length = (end - start).days + 1
    return (start - timedelta(days=length)).isoformat(), (start - timedelta(days=1)).isoformat()


def headline(engagements: pd.DataFrame, counts: pd.DataFrame) -> dict:
    """The overview's numbers from engagements and article counts per (language, outlet)."""
    latest = None
    held = engagements[engagements["status"] != "planned"] if not engagements.empty else engagements
    if not held.empty:
        latest = held.sort_values("sort_date").iloc[-1].to_dict()
    return {
        "engagements": len(engagements),
        "articles": int(counts["n"].sum()) if not counts.empty else 0,
        "sources": int(counts["outlet"].dropna().nunique()) if not counts.empty else 0,
        "languages": sorted(counts["language"].dropna().unique().tolist()) if not counts.empty else [],
        "latest": latest,
        "planned": int((engagements["status"] == "planned").sum()) if not engagements.empty else 0,
    }
