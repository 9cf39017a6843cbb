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


def area_period(cells: pd.DataFrame, value: str = "engagements", normalise: bool = False) -> pd.DataFrame:
    """Add the shown value to area x period counts (period, area, engagements, mentions).

    value 'engagements' counts engagements discussing the area; 'mentions' sums keyword mentions.
    normalise divides by the period's total, so busy and quiet periods compare.
    """
    cols = ["period", "area", "value", "engagements", "mentions"]
    if cells.empty:
        return pd.DataFrame(columns=cols)
    out = cells.copy()
    out["value"] = out[value].astype(float)
    if normalise:
        totals = out.groupby("period")[value].transform("sum").astype(float)
        out["value"] = out["value"] / totals
    return out[cols].reset_index(drop=True)


def rising(current: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """Areas by change in engagements discussing them, against the previous period of equal length."""
    cols = ["area", "current", "previous", "change", "new"]
    cur = dict(zip(current["area"], current["engagements"], strict=True)) if not current.empty else {}
    prev = dict(zip(previous["area"], previous["engagements"], strict=True)) if not previous.empty else {}
    rows = [
        {"area": a, "current": int(cur.get(a, 0)), "previous": int(prev.get(a, 0)), "change": int(cur.get(a, 0)) - int(prev.get(a, 0)), "new": a in cur and a not in prev}
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
