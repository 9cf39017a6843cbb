"""Aggregations as DataFrame -> DataFrame. Every aggregate row keeps the ids behind its number."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

PERIOD_LABEL = {"month": "Month", "quarter": "Quarter", "year": "Year"}


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


def area_period(facts: pd.DataFrame, period: str = "quarter", value: str = "engagements", normalise: bool = False) -> pd.DataFrame:
    """Area x period cells from area facts (engagement_id, article_id, area, mentions, sort_date).

    value 'engagements' counts engagements discussing the area; 'mentions' sums keyword mentions.
    normalise divides by the period's total (share of that period's engagements or mentions).
    """
    cols = ["period", "area", "value", "engagements", "mentions", "engagement_ids", "article_ids"]
    if facts.empty:
        return pd.DataFrame(columns=cols)
    df = facts.copy()
    df["period"] = df["sort_date"].map(lambda d: period_of(d, period))
    df = df[df["period"] != ""]
    g = df.groupby(["period", "area"], sort=True)
    out = g.agg(
        engagements=("engagement_id", "nunique"),
        mentions=("mentions", "sum"),
        engagement_ids=("engagement_id", lambda s: sorted(set(s))),
        article_ids=("article_id", lambda s: sorted(set(s))),
    ).reset_index()
    out["value"] = out[value].astype(float)
    if normalise:
        if value == "engagements":
            totals = df.groupby("period")["engagement_id"].nunique()
        else:
            totals = df.groupby("period")["mentions"].sum()
        out["value"] = out["value"] / out["period"].map(totals).astype(float)
    return out[cols]


def rising(facts: pd.DataFrame, date_from: str, date_to: str) -> pd.DataFrame:
    """Areas by change in engagements discussing them: this period against the previous one of equal length."""
    cols = ["area", "current", "previous", "change", "new", "current_ids"]
    if facts.empty or not date_from or not date_to:
        return pd.DataFrame(columns=cols)
    start, end = date.fromisoformat(date_from[:10]), date.fromisoformat(date_to[:10])
    length = (end - start).days + 1
    prev_start, prev_end = start - timedelta(days=length), start - timedelta(days=1)
    d = facts.copy()
    cur = d[(d["sort_date"] >= start.isoformat()) & (d["sort_date"] <= end.isoformat())]
    prev = d[(d["sort_date"] >= prev_start.isoformat()) & (d["sort_date"] <= prev_end.isoformat())]
    c = cur.groupby("area")["engagement_id"].agg(lambda s: sorted(set(s)))
    p = prev.groupby("area")["engagement_id"].nunique()
    areas = sorted(set(c.index) | set(p.index))
    rows = []
    for a in areas:
        ids = c.get(a, [])
        n_cur, n_prev = len(ids), int(p.get(a, 0))
        rows.append({"area": a, "current": n_cur, "previous": n_prev, "change": n_cur - n_prev, "new": n_cur > 0 and n_prev == 0, "current_ids": ids})
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["change", "current"], ascending=False).reset_index(drop=True)


def headline(engagements: pd.DataFrame, articles: pd.DataFrame) -> dict:
    """The overview's numbers, each with what it counts."""
    latest = None
    held = engagements[engagements["status"] != "planned"] if not engagements.empty else engagements
    if not held.empty:
        latest = held.sort_values("sort_date").iloc[-1].to_dict()
    return {
        "engagements": len(engagements),
        "articles": len(articles),
        "sources": int(articles["outlet"].nunique()) if not articles.empty else 0,
        "languages": sorted(articles["language"].dropna().unique().tolist()) if not articles.empty else [],
        "latest": latest,
        "planned": int((engagements["status"] == "planned").sum()) if not engagements.empty else 0,
    }


def by_type(engagements: pd.DataFrame) -> pd.DataFrame:
    if engagements.empty:
        return pd.DataFrame(columns=["type", "engagements"])
    return engagements.groupby("type").size().rename("engagements").reset_index().sort_values("engagements", ascending=False)
