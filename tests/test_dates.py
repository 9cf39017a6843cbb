"""Date spans and their resolution: Hindi/English months, digits, ranges, relative words, missing years."""

from datetime import date

import pytest

from dashboard.parse.dates import find_dates, parse_date_string, resolve, tense


def one(kb, text, published=None, when="past"):
    found = find_dates(text, kb)
    assert found, f"no date found in {text!r}"
    return resolve(found[0], published, when)[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("05 मई 2025 को बैठक हुई", "2025-05-05"),
        ("05 मई, 2025 को", "2025-05-05"),
        ("०५ मई २०२५ को", "2025-05-05"),
        ("8 सितम्बर 2022", "2022-09-08"),
        ("8 सितंबर 2022", "2022-09-08"),
        ("12 अक्तूबर 2018", "2018-10-12"),
        ("12 अक्टूबर 2018", "2018-10-12"),
        ("24 फ़रवरी 2025", "2025-02-24"),
        ("on May 5, 2025 in Delhi", "2025-05-05"),
        ("on 5th May 2025", "2025-05-05"),
        ("dated 5.5.2025", "2025-05-05"),
        ("2025-05-05T10:00", "2025-05-05"),
        ("मार्च 2023 में", "2023-03"),
        ("in March 2023", "2023-03"),
        ("Sept. 8, 2022", "2022-09-08"),
    ],
)
def test_explicit_dates(kb, text, expected):
    assert one(kb, text) == expected


def test_yearless_date_takes_publication_year(kb):
    assert one(kb, "5 मई को बैठक हुई", date(2025, 5, 6)) == "2025-05-05"
    # the latest such date not after the page date
    assert one(kb, "28 दिसंबर को बैठक हुई", date(2025, 1, 3)) == "2024-12-28"


def test_yearless_date_without_publication_date_is_not_given_a_year(kb):
    assert one(kb, "5 मई को बैठक हुई") == "XXXX-05-05"
    assert one(kb, "on May 5 the ministers met") == "XXXX-05-05"


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("मंगलवार को दोनों मंत्रियों की बैठक हुई।", date(2025, 5, 8), "2025-05-06"),  # Thu -> Tue
        ("आज दोनों मंत्रियों की बैठक हुई।", date(2025, 5, 8), "2025-05-08"),
        ("कल दोनों मंत्रियों की बैठक हुई।", date(2025, 5, 8), "2025-05-07"),
        ("कल दोनों मंत्री मिलेंगे और बात करेंगे।", date(2025, 5, 8), "2025-05-09"),
        ("The ministers met yesterday in Tokyo.", date(2022, 9, 9), "2022-09-08"),
        ("The ministers met on Tuesday.", date(2022, 9, 9), "2022-09-06"),
    ],
)
def test_relative_dates_resolve_against_publication_date(kb, text, published, expected):
    found = find_dates(text, kb)
    when = tense(text, found[0].start)
    assert resolve(found[0], published, when)[0] == expected


def test_relative_dates_without_publication_date_stay_empty(kb):
    assert one(kb, "मंगलवार को बैठक हुई।") is None
    assert one(kb, "The ministers met yesterday.") is None


def test_not_dates(kb):
    for text in ("2+2 वार्ता", "10 वर्षों से", "may be held", "भारत के 75 साल"):
        assert find_dates(text, kb, relative=False) == [], text


def test_range_gives_start_and_end(kb):
    found = find_dates("अभ्यास 10 से 15 अक्टूबर 2025 तक चलेगा", kb)
    assert resolve(found[0], None) == ("2025-10-10", "2025-10-15")


def test_metadata_date_strings(kb):
    for s in (
        "2025-05-05T18:40:00+05:30",
        "Mon, 05 May 2025 18:40:00 +0530",
        "05 मई 2025, 10:15 PM",
        "May 5, 2025",
    ):
        assert parse_date_string(s, kb) == date(2025, 5, 5), s


@pytest.mark.parametrize(
    "weekday, engagement",
    [
        ("on Monday", "2025-05-05"),
        ("on Sunday", "2025-05-04"),  # wire copy: the weekday on or before the day it was filed
    ],
)
def test_a_year_less_dateline_takes_the_year_the_people_held_office(parse, weekday, engagement):
    """No page date and "May 5" in the dateline: 2025 is the only year in which Rajnath Singh and
    Gen Nakatani were both defence ministers on 5 May."""
    text = (
        "Rajnath Singh, Nakatani hold talks\n\n"
        f"NEW DELHI, May 5 (PTI) - Defence Minister Rajnath Singh {weekday} held bilateral talks with "
        "Japan's Minister of Defense Gen Nakatani in New Delhi and discussed defence industry cooperation."
    )
    art = parse(text)
    assert art.engagement.date == engagement
    assert art.published is None  # worked out, not read on the page: dates the text, is not reported
    assert any("2025 is the year" in w for w in art.warnings)


def test_a_year_less_dateline_without_people_in_office_gets_no_year(parse):
    art = parse("India, Japan hold talks\n\nNEW DELHI, May 5 (PTI) - India and Japan on Monday held defence talks in New Delhi.")
    assert art.published is None
    assert any("has no year" in w for w in art.warnings)


def test_a_year_less_range_under_way_on_the_page_date_is_this_year(kb):
    """'1 से 14 नवंबर तक चलेगा' ("will run"), written on 5 November 2018, is the 2018 exercise."""
    assert one(kb, "अभ्यास 1 से 14 नवंबर तक चलेगा", date(2018, 11, 5), "future") == "2018-11-01"
    assert one(kb, "अभ्यास 10 से 14 नवंबर तक चलेगा", date(2018, 11, 5), "future") == "2018-11-10"


def test_placeholder_page_dates_are_ignored_with_a_warning(parse):
    for placeholder in ("0001-01-01T00:00:00Z", "9999-12-31"):
        for text in (
            "Rajnath Singh met Gen Nakatani on 5 May and discussed maritime security.",
            "Rajnath Singh will meet Gen Nakatani tomorrow to discuss maritime security.",
            "Rajnath Singh met Gen Nakatani on Monday; India and Japan discussed maritime security.",
        ):
            art = parse(text, {"published": placeholder})
            assert art.published is None
            assert any("out of range" in w for w in art.warnings)


def test_a_page_of_a_thousand_dates_is_read_in_one_pass(kb):
    found = find_dates("05 मई 2025 " * 1000, kb)
    assert len(found) == 1000
    assert len({r.start for r in found}) == 1000
