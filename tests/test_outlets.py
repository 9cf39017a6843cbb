"""Outlets: one name per outlet however an article spells it, and a named source for every sample article."""

import shutil

import pytest

from dashboard import knowledge, outlets, store

BODY = "नई दिल्ली। रक्षा मंत्री राजनाथ सिंह ने 5 मई 2025 को जापान के रक्षा मंत्री जनरल नकातानी से मुलाकात की और समुद्री सुरक्षा पर चर्चा की।\n"


def test_the_four_dainik_prahari_forms_are_one_outlet(parse, kb):
    forms = [
        parse(BODY, {"source": "Dainik Prahari"}),
        parse(BODY, {"source": "dainikprahari.in"}),
        parse(BODY, {"url": "https://dainikprahari.example/raksha/x"}),
        parse("दैनिक प्रहरी | नई दिल्ली ब्यूरो\n\n" + BODY, {}, source="upload.txt"),
    ]
    assert {a.outlet for a in forms} == {"Dainik Prahari"}
    assert outlets.independent([a.outlet for a in forms], kb) == 1
    assert outlets.reports_line([a.outlet for a in forms], kb) == "4 articles from 1 independent outlet"


@pytest.mark.parametrize(
    "text, meta, expected",
    [
        ("Sagar Times | पूर्वी तट ब्यूरो\nप्रकाशित: 10 अक्टूबर 2018\n\n" + BODY, {}, "Sagar Times"),  # masthead label
        ("India, Japan hold talks on maritime security and industry\nBy Staff Correspondent, The Capital Wire\n\n" + BODY, {}, "The Capital Wire"),  # byline
        ("NEW DELHI, May 5 (PTI) - Defence Minister Rajnath Singh met Japan's Gen Nakatani to discuss maritime security and defence industry ties in detail.\n", {}, "Press Trust of India"),  # dateline agency
        (BODY, {"url": "https://m.punjabkesari.in/national/news/x"}, "Punjab Kesari"),  # a subdomain of a listed domain
        (BODY, {"source": "Some Weekly"}, "Some Weekly"),  # metadata the knowledge does not list: kept
        ("中谷防衛相、インド国防相と会談\n\n【ニューデリー共同】インドを訪問中の中谷元防衛相は5日、ニューデリーでラージナート・シン国防相と会談した。\n", {}, "Kyodo News"),  # a Japanese wire dateline
        ("日印共同訓練について\n平成30年10月5日\n海上幕僚監部\n\n" + BODY, {}, "Ministry of Defense (Japan)"),  # a JSDF staff office's release
        (BODY, {"url": "https://aajkiawaaz.com/x"}, "aajkiawaaz.com"),  # an unlisted site: its host
        ("URL: https://www.amarujala.com/world/rajnath-japan-" + "x" * 200 + "\n\n" + BODY, {}, "Amar Ujala"),  # the address a clipping tool wrote above the text
    ],
)
def test_the_outlet_comes_from_metadata_url_masthead_or_dateline(parse, text, meta, expected):
    assert parse(text, meta, source="upload.txt").outlet == expected


def test_a_headline_about_a_ministry_does_not_make_it_the_publisher(parse):
    text = "Ministry of Defence signs pact with Japan on supplies and services\n\n" + BODY
    assert parse(text, {}, source="upload.txt").outlet is None
    # a press release whose only header line is the ministry's name is the ministry's
    assert parse("Ministry of External Affairs\n\n" + BODY, {}, source="upload.txt").outlet == "Ministry of External Affairs (India)"


def test_a_saved_file_named_after_a_known_outlet_names_it(parse):
    assert parse(BODY, {}, source="/tmp/x/2025-05-05_rajnath-nakatani_bharat-samachar.txt").outlet == "Bharat Samachar"
    assert parse(BODY, {}, source="/tmp/x/2025-05-05_rajnath-nakatani_unknown-weekly.txt").outlet is None


def test_every_sample_article_has_a_named_outlet(sample_db):
    db = store.connect(sample_db, readonly=True)
    unnamed = db.execute("SELECT source_file FROM articles WHERE outlet IS NULL OR outlet = ''").fetchall()
    spellings = {r[0] for r in db.execute("SELECT DISTINCT outlet FROM articles")}
    db.conn.close()
    assert not unnamed, unnamed
    assert not {"dainikprahari.in", "dainikprahari.example", "दैनिक प्रहरी"} & spellings


def test_government_press_offices_count_as_one_independent_voice(kb):
    names = ["Ministry of Defence (India)", "Press Information Bureau", "Dainik Prahari", None]
    assert outlets.independent(names, kb) == 2
    assert outlets.reports_line(names, kb) == "4 articles from 2 independent outlets (1 with no named source)"
    assert outlets.reports_line(names, kb, hindi=True).startswith("4 लेख, 2 स्वतंत्र स्रोतों से")
    assert outlets.display("Dainik Prahari", True, kb) == "दैनिक प्रहरी"


@pytest.mark.parametrize(
    "source, shown",
    [
        ("/home/analyst/work/data/sample/2014-2019/2015-03-31_parrikar_dainik-prahari.txt", "2015-03-31_parrikar_dainik-prahari.txt"),
        ("/tmp/tmpab12/export.json#4", "export.json#4"),
        ("C:\\Users\\a\\AppData\\Local\\Temp\\clips.zip!2024/jimex.txt", "clips.zip!jimex.txt"),
        ("https://example.in/a", "https://example.in/a"),
        (None, ""),
    ],
)
def test_reports_show_the_file_name_never_a_local_path(source, shown):
    assert outlets.file_name(source) == shown


@pytest.mark.parametrize(
    "row, reason",
    [
        ("Another Prahari,अन्य प्रहरी,दैनिक प्रहरी,,,India,hi,newspaper,", "belongs to 'Dainik Prahari' and 'Another Prahari'"),
        ("Weekly One,साप्ताहिक,,dainikprahari.in,,India,hi,newspaper,", "domain 'dainikprahari.in' belongs to"),
        ("Weekly Two,साप्ताहिक दो,,not a domain,,India,hi,newspaper,", "is not a host name"),
        ("Weekly Three,साप्ताहिक तीन,,,,India,hi,tabloid,", "kind 'tabloid' is not one of"),
        ("Weekly Four,साप्ताहिक चार,,,,India,xx,newspaper,", "language 'xx' is not one of"),
        ("Weekly Five,,,,,India,hi,newspaper,", "name_hi is empty"),
    ],
)
def test_a_bad_outlet_row_names_file_line_and_reason(tmp_path, row, reason):
    d = tmp_path / "knowledge"
    shutil.copytree(knowledge.KNOWLEDGE_DIR, d)
    path = d / "outlets.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + row + "\n", encoding="utf-8")
    line = text.count("\n") + 1
    with pytest.raises(knowledge.KnowledgeError) as exc:
        knowledge.load(d)
    assert f"outlets.csv:{line}:" in str(exc.value) and reason in str(exc.value)


def test_overview_counts_independent_outlets(sample_db, monkeypatch):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from dashboard import queries

    monkeypatch.setenv("DASHBOARD_DB", str(sample_db))
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=60)
    at.run()
    db = store.connect(sample_db, readonly=True)
    counts = queries.article_counts(db)
    expected = outlets.independent(counts["outlet"], knowledge.default())
    assert expected < counts["outlet"].nunique()  # the press offices of one government count once
    assert int(next(m for m in at.metric if m.label == "Sources").value) == expected
