"""Japanese and the other Indian languages: the mechanisms the lang set relies on, one by one."""

from datetime import date

import pytest

from dashboard.parse import dates, dates_ja
from dashboard.parse.matcher import longest_first

PAGE = date(2025, 5, 10)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("令和7年5月5日に会談した", "2025-05-05"),
        ("平成30年10月29日", "2018-10-29"),
        ("令和元年9月2日", "2019-09-02"),  # 元年 is year 1
        ("2025年5月5日", "2025-05-05"),
        ("５月５日（月）に会談した", "2025-05-05"),  # full-width digits, the year from the page
        ("本2日午後、会談した", "2025-05-02"),  # "today, the 2nd"
        ("20日夜、会談した", "2025-04-20"),  # a day alone, after the page's day: last month
        ("今月3日に", "2025-05-03"),
        ("先月20日に会談した", "2025-04-20"),
        ("昨年8月に", "2024-08"),
        ("令和7年度", "2025-04"),  # a fiscal year begins in April
        ("来月3日から5日まで訪問する", "2025-06-03"),
    ],
)
def test_japanese_dates(kb, text, expected):
    found = [r for r in dates.find_dates(text, kb) if r.kind != "weekday"]
    assert found, text
    when = dates.tense(text, found[0].start)
    assert dates.resolve(found[0], PAGE, when)[0] == expected


def test_a_japanese_day_alone_without_a_page_date_keeps_only_its_day(kb):
    r = [r for r in dates.find_dates("会談は日本時間の20日夜に行われた。", kb) if r.kind == "day"][0]
    assert dates.resolve(r, None)[0] == "XXXX-XX-20"


def test_ranges_and_lengths(kb):
    r = dates.find_dates("2月3日～14日に実施", kb)[0]
    assert (r.month, r.day, r.end_day) == (2, 3, 14)
    assert not [r for r in dates_ja.find_dates("5日間の訓練を3日後に", dates.RawDate)]


def hits(kb, text, kind):
    return [(text[h.start : h.end], h.value) for h in longest_first(kb.matcher.find(text)) if h.kind == kind]


def test_japanese_names_without_spaces(kb):
    assert ("中谷元", "Gen Nakatani") in hits(kb, "中谷元防衛相は5日、ニューデリーで会談した。", "person")
    assert not [v for _t, v in hits(kb, "日印戦闘機共同訓練「シンユウ・マイトリ」", "person") if v == "Rajnath Singh"]
    assert ("シンユウ・マイトリ", "Shinyuu Maitri") in hits(kb, "共同訓練「シンユウ・マイトリ」", "exercise")
    assert ("ＪＩＭＥＸ", "JIMEX") in hits(kb, "共同訓練「ＪＩＭＥＸ」を実施", "exercise")


def test_japanese_country_words(kb):
    assert {v for _t, v in hits(kb, "日印防衛相会談", "country")} == {"India", "Japan"}
    # インド inside インド太平洋 (the Indo-Pacific) does not make India a party
    assert {v for _t, v in hits(kb, "日米は自由で開かれたインド太平洋の実現で一致した", "country")} == {"Japan", "United States"}


@pytest.mark.parametrize(
    "text, country",
    [("জাপানের প্রতিরক্ষা মন্ত্রী", "Japan"), ("ஜப்பானில் சுற்றுப்பயணம்", "Japan"), ("జపాన్‌తో చర్చలు", "Japan"), ("भारताच्या दौऱ्यावर", "India")],
)
def test_case_endings_keep_the_name(kb, text, country):
    assert country in {v for _t, v in hits(kb, text, "country")}


def test_a_japanese_wire_dateline_and_related_links(parse):
    a = parse(
        "中谷防衛相、インド国防相と会談\n\n【ニューデリー共同】インドを訪問中の中谷元防衛相は5日、ラージナート・シン国防相と会談した。\n"
        "- 別の記事の見出しがここに入る\n関連記事\n両氏はテロ対策で連携することで一致した。"
    )
    assert a.extra["dateline"] == "ニューデリー"
    assert "【" not in a.body and "別の記事" not in a.body and "関連記事" not in a.body
    assert a.engagement.place == "New Delhi"
    assert set(a.engagement.participants) == {"Rajnath Singh", "Gen Nakatani"}


def test_a_title_inside_a_japanese_name_is_not_a_second_person(parse):
    a = parse("日印防衛相会談\n\n浜田防衛大臣は、令和4年9月8日、防衛省において来日中のラージナート・シン・インド国防大臣と会談しました。")
    assert {p.name: p.mentions for p in a.people} == {"Yasukazu Hamada": 1, "Rajnath Singh": 1}


def test_future_verbs_in_other_scripts(parse):
    a = parse(
        "નાકાતાની ભારત આવશે\n4 મે 2025\n\nનવી દિલ્હી : જાપાનના સંરક્ષણ મંત્રી જનરલ નાકાતાની સોમવારે નવી દિલ્હીમાં સંરક્ષણ મંત્રી રાજનાથ સિંહ સાથે દ્વિપક્ષીય બેઠક કરશે."
    )
    assert (a.engagement.date, a.engagement.status) == ("2025-05-05", "planned")
