"""Aggregations on small hand-built frames: empty, one month, busy and quiet periods, mixed scripts."""

import pandas as pd
import pytest

from dashboard import aggregate


def cells(rows):
    return pd.DataFrame(rows, columns=["period", "area", "engagements", "mentions"])


def test_empty_frames_give_empty_results():
    assert aggregate.area_period(cells([])).empty
    assert aggregate.rising(pd.DataFrame(columns=["area", "engagements"]), pd.DataFrame(columns=["area", "engagements"])).empty


def test_value_is_engagements_or_mentions():
    c = cells([("2025-05", "counter_terrorism", 2, 9), ("2025-05", "space", 1, 1)])
    assert aggregate.area_period(c, "engagements")["value"].tolist() == [2.0, 1.0]
    assert aggregate.area_period(c, "mentions")["value"].tolist() == [9.0, 1.0]


def test_normalise_makes_each_period_sum_to_one():
    c = cells([("2024", "space", 1, 1), ("2024", "mro", 3, 3), ("2025", "space", 10, 10)])
    out = aggregate.area_period(c, "engagements", normalise=True)
    assert out.groupby("period")["value"].sum().round(9).tolist() == [1.0, 1.0]
    assert out.loc[out["area"] == "mro", "value"].item() == pytest.approx(0.75)


@pytest.mark.parametrize(
    "d, period, expected",
    [("2024-08-20", "month", "2024-08"), ("2024-08-20", "quarter", "2024-Q3"), ("2024-01-01", "quarter", "2024-Q1"), ("2024-12-31", "year", "2024"), ("", "month", "")],
)
def test_period_of(d, period, expected):
    assert aggregate.period_of(d, period) == expected


def test_all_periods_fills_gaps():
    assert aggregate.all_periods("2024-11-15", "2025-02-01", "month") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert aggregate.all_periods("2023-12-01", "2024-04-01", "quarter") == ["2023-Q4", "2024-Q1", "2024-Q2"]


def test_rising_against_previous_period():
    cur = pd.DataFrame({"area": ["space", "counter_terrorism", "mro"], "engagements": [3, 2, 1]})
    prev = pd.DataFrame({"area": ["counter_terrorism", "mro"], "engagements": [2, 4]})
    out = aggregate.rising(cur, prev)
    assert out.iloc[0].to_dict() == {"area": "space", "current": 3, "previous": 0, "change": 3, "new": True}
    assert out.iloc[-1]["area"] == "mro" and out.iloc[-1]["change"] == -3
    assert aggregate.previous_period("2025-01-01", "2025-12-31") == ("2024-01-01", "2024-12-31")


def test_headline_counts_and_latest_held():
    eng = pd.DataFrame(
        {"id": ["a", "b"], "sort_date": ["2025-05-05", "2025-09-01"], "status": ["held", "planned"], "type": ["summit", "visit"]}
    )
    counts = pd.DataFrame({"language": ["hi", "en"], "outlet": ["दैनिक", "Wire"], "n": [1, 2]})
    h = aggregate.headline(eng, counts)
    assert (h["engagements"], h["articles"], h["sources"], h["languages"]) == (2, 3, 2, ["en", "hi"])
    assert h["latest"]["id"] == "a" and h["planned"] == 1
