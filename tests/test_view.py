"""The view as data: a URL read into it and written back, hostile values named not raised, a square
carried to another period, the date presets."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import view


def test_a_url_round_trips_and_defaults_stay_out_of_it():
    q = {"from": ["2018-01-01"], "type": ["exercise", "summit"], "q": ["अभ्यास"], "hi": ["1"], "e": ["e1234567890"], "period": ["year"], "cell": ["space|2024"]}
    v, problems = view.from_query(q)
    assert not problems
    assert v["from"] == date(2018, 1, 1) and v["type"] == ["exercise", "summit"] and v["hi"] is True
    assert view.to_query(v) == {"from": "2018-01-01", "type": ["exercise", "summit"], "q": "अभ्यास", "hi": "1", "e": "e1234567890", "period": "year", "cell": "space|2024"}
    assert view.to_query(view.new()) == {}  # a fresh view is an empty URL
    assert view.filters(v).types == ("exercise", "summit") and view.filters(v).date_from == "2018-01-01"


def test_hostile_values_are_dropped_with_a_reason():
    v, problems = view.from_query({"from": ["9999-12-31"], "to": ["yesterday"], "q": ["\x00x\u200b"], "e": ["<script>"], "period": ["decade"], "cell": ["x|y"], "unknown": ["1"]})
    assert v["from"] is None and v["to"] is None and v["e"] is None and v["period"] == "quarter" and v["cell"] is None
    assert v["q"] == "x"  # NUL and other controls gone
    assert {p.split(":")[0] for p in problems} == {"from=9999-12-31", "to=yesterday", "e=<script>", "period=decade", "cell=x|y"}


def test_from_after_to_is_swapped():
    v, problems = view.from_query({"from": ["2025-01-01"], "to": ["2020-01-01"]})
    assert (v["from"], v["to"]) == (date(2020, 1, 1), date(2025, 1, 1)) and problems


def test_clearing_filters_keeps_switches_and_selections():
    v, _ = view.from_query({"type": ["summit"], "q": ["x"], "hi": ["1"], "e": ["e1"], "present": ["1"]})
    c = view.clear_filters(v)
    assert c["type"] == [] and c["q"] == "" and c["hi"] and c["e"] == "e1" and c["present"]


def test_a_square_follows_the_period():
    assert view.cell_in_period("space|2024-Q3", "year") == "space|2024"
    assert view.cell_in_period("space|2024-08", "quarter") == "space|2024-Q3"
    assert view.cell_in_period("space|2024-08", "year") == "space|2024"
    assert view.cell_in_period("space|2024", "quarter") is None  # a year cannot pick one quarter
    assert view.cell_in_period("space|2024-Q3", "quarter") == "space|2024-Q3"
    assert view.cell_in_period(None, "year") is None


def test_presets_count_back_from_the_newest_engagement():
    assert view.preset_range("12m", "2014-09-01", "2025-11-10") == (date(2024, 11, 11), date(2025, 11, 10))
    assert view.preset_range("year", "2014-09-01", "2025-11-10") == (date(2025, 1, 1), date(2025, 12, 31))
    assert view.preset_range("all", "2014-09-01", "2025-11-10") == (None, None)
    v = {**view.new(), "from": date(2025, 1, 1), "to": date(2025, 12, 31)}
    assert view.matching_preset(v, "2014-09-01", "2025-11-10") == "year"
    assert view.matching_preset(view.new(), "2014-09-01", "2025-11-10") == "all"


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(view.PARAMS) + ["zz"]), st.lists(st.text(max_size=30), max_size=4), max_size=8))
def test_any_url_gives_a_view_and_the_view_round_trips(query):
    v, _problems = view.from_query(query)
    again, problems = view.from_query(view.to_query(v))
    assert again == v and not problems
