"""Corrections on a real SQLite file: they win everywhere derived, hold through every regrouping,
rebuild and re-parse, wait for missing reports, and travel between databases."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import openpyxl
import pytest

from dashboard import cli, export, ingest, knowledge, queries, store
from dashboard.review import aliases, exchange, queue, service
from dashboard.review.fields import BadValue
from tests import reviewkit as kit


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    root = tmp_path_factory.mktemp("review")
    folder = kit.corpus_copy(root / "corpus")
    return folder, kit.build(root / "base.db", folder)


@pytest.fixture
def db(base, tmp_path):
    folder, path = base
    copy = kit.clone(path, tmp_path / "r.db")
    conn = store.connect(copy)
    conn.folder, conn.path = folder, copy
    return conn


@pytest.fixture
def local_knowledge(tmp_path, monkeypatch):
    """Spellings added by a test go to its own folder, never into data/knowledge/."""
    monkeypatch.setenv(knowledge.LOCAL_ENV, str(tmp_path / "local"))
    knowledge.default.cache_clear()
    yield tmp_path / "local"
    knowledge.default.cache_clear()


def _json_engagements(path, capsys) -> list[dict]:
    capsys.readouterr()
    assert cli.main(["engagements", "--json", "--db", str(path)]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_a_corrected_date_wins_everywhere_and_survives_a_rebuild(db, capsys):
    eid = kit.engagement_of(db, db.folder, kit.TOKYO_EN)
    assert cli.main(["correct", "engagement", eid, "--set", "date=2025-04-30", "--by", "A. Sharma", "--note", "MoD readout", "--db", str(db.path)]) == 0
    assert json.loads(capsys.readouterr().out)["fields"] == ["date"]

    row = next(e for e in _json_engagements(db.path, capsys) if e["id"] == eid)
    assert row["date"] == "2025-04-30" and row["corrected"]["date"]["by"] == "A. Sharma"
    eng = queries.engagements(db)
    mine = eng[eng["id"] == eid].iloc[0]
    assert mine["sort_date"] == "2025-04-30" and mine["date_confidence"] == 1.0
    assert mine["decisions"]["date"]["reason"].startswith("✎ corrected by A. Sharma on ")
    cells = queries.area_cells(db, queries.Filters(), "month")
    assert set(cells[cells["area"] == "defence_industry"]["period"]) >= {"2025-04"}  # the heatmap moved it
    assert "2025-05" not in set(cells[cells["area"] == "maritime_security"]["period"])

    from dashboard import briefing

    b = briefing.build(**queries.briefing_inputs(db, queries.Filters(), "2024-01-01", "2025-12-31"))
    frames = export.tables(b, queries.articles(db, queries.Filters(), india_japan_only=True))
    sheet = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(frames, b))).worksheets[1]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=2)]
    tokyo = next(r for r in rows if r["Id"] == eid)
    assert tokyo["Date"] == "2025-04-30"
    assert tokyo["Corrected by a reviewer"].startswith("date ✎ corrected by A. Sharma on 20")

    assert cli.main(["ingest", str(db.folder), "--rebuild", "-q", "--workers", "1", "--db", str(db.path)]) == 0
    row = next(e for e in _json_engagements(db.path, capsys) if e["id"] == eid)
    assert row["date"] == "2025-04-30" and row["corrected"]["date"]["note"] == "MoD readout"


def test_merge_and_split_hold_through_regrouping_and_new_reports(db, tmp_path):
    tokyo = kit.engagement_of(db, db.folder, kit.TOKYO_EN)
    hindi = kit.article_of(db, db.folder, kit.TOKYO_HI)
    saved = service.correct_engagement(db, tokyo, {"split": [hindi]}, by="A. Sharma")
    apart = kit.engagement_of(db, db.folder, kit.TOKYO_HI)
    assert apart != kit.engagement_of(db, db.folder, kit.TOKYO_EN) == saved.target
    ingest.regroup(db)
    # a third report of the same meeting arrives: the split still holds
    more = tmp_path / "more"
    more.mkdir()
    (more / "2025-05-07_rajnath-nakatani_indo-pacific-monitor.txt").write_text(
        "Rajnath Singh and Gen Nakatani meet in Tokyo\n\nPublished: May 7, 2025\n\nTOKYO, May 5, 2025: Defence Minister Rajnath Singh met Japan's Defence Minister Gen Nakatani in Tokyo on May 5, 2025 and discussed defence industry cooperation.\n",
        encoding="utf-8",
    )
    kit.build(db.path, more)
    assert kit.engagement_of(db, db.folder, kit.TOKYO_HI) != kit.engagement_of(db, db.folder, kit.TOKYO_EN)

    jimex = kit.engagement_of(db, db.folder, kit.JIMEX)
    dialogue = kit.engagement_of(db, db.folder, kit.DIALOGUE)
    merged = service.correct_engagement(db, jimex, {"merge": dialogue}, by="B. Rao", note="one visit")
    ingest.regroup(db)
    assert kit.engagement_of(db, db.folder, kit.JIMEX) == kit.engagement_of(db, db.folder, kit.DIALOGUE) == merged.target
    # an id from before the regrouping still finds its engagement
    gone = dialogue if merged.target != dialogue else jimex
    assert service.resolve(db, gone) == merged.target
    service.correct_engagement(db, gone, {"place": "Tokyo"}, by="B. Rao")
    assert service.current(db, merged.target)["place"] == "Tokyo"


def test_the_second_editor_is_warned_and_nothing_is_lost(db):
    eid = kit.engagement_of(db, db.folder, kit.JIMEX)
    first, second = service.seen(db, "engagement", eid), service.seen(db, "engagement", eid)
    service.correct_engagement(db, eid, {"place": "Bay of Bengal"}, by="A. Sharma", seen=first)
    with pytest.raises(service.Conflict) as err:
        service.correct_engagement(db, eid, {"status": "ongoing"}, by="B. Rao", seen=second)
    assert "A. Sharma changed place: Visakhapatnam → Bay of Bengal" in str(err.value)
    assert service.current(db, eid)["status"] == "held"  # not saved
    service.correct_engagement(db, eid, {"status": "ongoing"}, by="B. Rao")  # asked, and saved anyway
    row = service.current(db, eid)
    assert (row["place"], row["status"]) == ("Bay of Bengal", "ongoing")


def test_undo_puts_back_the_parser_value_and_history_keeps_both(db):
    eid = kit.engagement_of(db, db.folder, kit.JIMEX)
    service.correct_engagement(db, eid, {"type": "visit", "area:hadr": True}, by="A. Sharma", evidence={"area:hadr": "Relief drills were held."})
    assert service.current(db, eid)["type"] == "visit"
    assert "hadr" in service.current(db, eid)["areas"]
    assert "Relief drills were held." in set(queries.evidence(db, queries.articles_of(db, [eid]), "hadr")["sentence"])
    undone = service.undo(db, "A. Sharma")
    assert sorted(undone["fields"]) == ["area:hadr", "type"]
    row = service.current(db, eid)
    assert row["type"] == "exercise" and "hadr" not in row["areas"] and not row["corrected"]
    assert queries.evidence(db, queries.articles_of(db, [eid]), "hadr").empty
    history = service.history(db, eid)
    assert [h["undone"] for h in history] == [True, True]
    assert any(h["change"] == "type: exercise → visit" for h in history)
    assert service.undo(db, "A. Sharma") is None
    with pytest.raises(BadValue):
        service.correct_engagement(db, eid, {"type": "picnic"}, by="A. Sharma")
    with pytest.raises(BadValue):
        service.correct_engagement(db, eid, {"type": "visit"}, by=" ")


def test_a_correction_waits_for_its_report_and_the_log_says_when_the_parser_agrees(db, tmp_path, local_knowledge):
    eid = kit.engagement_of(db, db.folder, kit.DIALOGUE)
    service.correct_engagement(db, eid, {"japan": "Masuda Kazuo"}, by="A. Sharma")
    assert service.current(db, eid)["japan"] == ["Masuda Kazuo"]
    # a rebuild from the files without that report: the correction waits, it is not dropped
    assert cli.main(["ingest", str(kit.corpus_copy(tmp_path / "less", leave_out=(kit.DIALOGUE,))), "--rebuild", "-q", "--workers", "1", "--db", str(db.path)]) == 0
    folder, path = db.folder, db.path
    db = store.connect(path)
    log = service.review_log(db)
    assert log[0]["state"].startswith("waiting") and "not in the database" in log[0]["state"]
    assert cli.main(["ingest", str(folder), "--rebuild", "-q", "--workers", "1", "--db", str(path)]) == 0
    db = store.connect(path)
    assert service.review_log(db)[0]["state"] == "applied"
    # the parser learns the spelling: it now names him itself, and the log says so
    aid = kit.article_of(db, folder, kit.DIALOGUE)
    aliases.add(kit.MASUDA_HI, "person", "Masuda Kazuo")
    changes = aliases.reparse(db, aliases.affected(db, kit.MASUDA_HI, aid))
    assert changes[0].changed["people"][1] == ["Masuda Kazuo", "Rajesh Kumar Singh"]
    assert service.review_log(db)[0]["state"].startswith("the parser now agrees")


def test_a_spelling_from_an_article_is_validated_and_the_article_then_names_the_person(db, local_knowledge):
    aid = kit.article_of(db, db.folder, kit.DIALOGUE)
    before = queries.article(db, aid)["record"]
    assert "Masuda Kazuo" not in {p["name"] for p in before["people"]}
    with pytest.raises(aliases.AliasError, match=r"aliases-local\.csv:2: alias .* points to 'Rajesh Kumar Singh' and 'Rajnath Singh'"):
        aliases.add("राजनाथ सिंह", "person", "Rajesh Kumar Singh")
    assert not (local_knowledge / "aliases-local.csv").exists()  # the refused row is taken out again
    path = aliases.add(kit.MASUDA_HI, "person", "Masuda Kazuo")
    assert path == local_knowledge / "aliases-local.csv"
    seen = []
    aliases.reparse(db, aliases.affected(db, kit.MASUDA_HI, aid), progress=lambda i, n, t: seen.append((i, n)))
    assert seen == [(1, 1)]
    assert "Masuda Kazuo" in {p["name"] for p in queries.article(db, aid)["record"]["people"]}
    assert "Masuda Kazuo" in service.current(db, kit.engagement_of(db, db.folder, kit.DIALOGUE))["japan"]


def test_export_then_import_into_a_fresh_database_gives_identical_engagements(db, tmp_path, capsys):
    tokyo = kit.engagement_of(db, db.folder, kit.TOKYO_EN)
    service.correct_engagement(db, tokyo, {"date": "2025-05-04", "india": "Rajnath Singh;Giridhar Aramane"}, by="A. Sharma")
    service.correct_engagement(db, tokyo, {"split": [kit.article_of(db, db.folder, kit.TOKYO_HI)]}, by="A. Sharma")
    service.correct_article(db, kit.article_of(db, db.folder, kit.JIMEX), {"published": "2024-10-11"}, by="B. Rao")
    service.correct_engagement(db, kit.engagement_of(db, db.folder, kit.DIALOGUE), {"relevant": False}, by="B. Rao")
    service.undo(db, "B. Rao")
    out = tmp_path / "c.json"
    assert cli.main(["corrections", "export", "--out", str(out), "--db", str(db.path)]) == 0
    fresh = kit.build(tmp_path / "fresh.db", db.folder)
    capsys.readouterr()
    assert cli.main(["corrections", "import", str(out), "--db", str(fresh)]) == 0
    assert json.loads(capsys.readouterr().out)["new"] == 5
    assert _json_engagements(fresh, capsys) == _json_engagements(db.path, capsys)
    fdb = store.connect(fresh)
    before = {t: list(store.table_rows(fdb, t)) for t in ("corrections", "engagements", "articles")}
    assert cli.main(["corrections", "import", str(out), "--db", str(fresh)]) == 0
    assert json.loads(capsys.readouterr().out) == {"new": 0, "undone": 0, "known": 5}
    assert {t: list(store.table_rows(fdb, t)) for t in before} == before
    with pytest.raises(ValueError, match="not a corrections file"):
        exchange.import_(fdb, {"format": "something else"})


def test_the_queue_puts_the_known_wrong_field_first_and_a_reviewed_item_returns_with_new_reports(db, tmp_path):
    items, done = queue.load(db)
    top = items[0]
    # the dialogue's Japanese side is missing (the parser does not know the spelling): least sure
    assert (top.kind, top.id, top.fields[0]) == ("engagement", kit.engagement_of(db, db.folder, kit.DIALOGUE), "participants")
    assert done == 0
    service.correct_engagement(db, top.id, {"reviewed": True}, by="A. Sharma")
    items2, done2 = queue.load(db)
    assert top.id not in {i.id for i in items2} and done2 == 1 and len(items2) == len(items) - 1
    more = tmp_path / "more"
    more.mkdir()
    (more / "2025-06-21_raksha-niti-vaarta_bharat-samachar.txt").write_text(
        "भारत-जापान रक्षा नीति वार्ता संपन्न\n\nप्रकाशित: 21 जून 2025, 08:00 AM\n\nरक्षा सचिव राजेश कुमार सिंह ने गुरुवार को टोक्यो में भारत-जापान रक्षा नीति वार्ता की सह-अध्यक्षता की।\n",
        encoding="utf-8",
    )
    kit.build(db.path, more)
    assert kit.engagement_of(db, more, "2025-06-21_raksha-niti-vaarta_bharat-samachar.txt") == top.id
    assert top.id in {i.id for i in queue.load(db)[0]}


def test_queue_order_follows_the_four_reasons():
    sure = {f: {"confidence": 0.9} for f in ("date", "type", "place")}
    engagements = [
        {"id": "single", "n_articles": 1, "decisions": sure, "sort_date": "2025-01-01"},
        {"id": "split", "n_articles": 2, "decisions": sure},
        {"id": "unsure", "n_articles": 3, "decisions": {**sure, "date": {"confidence": 0.4}}},
        {"id": "slightly", "n_articles": 3, "decisions": {**sure, "place": {"confidence": 0.75}}},
        {"id": "fine", "n_articles": 3, "decisions": sure},
    ]
    members = [{"id": "a", "engagement_id": "split", "eng_date": "2025-01-01"}, {"id": "b", "engagement_id": "split", "eng_date": "2025-01-09"}]
    items, done = queue.build(engagements, members, [{"id": "weak", "title": "t", "relevance": 3.0}], set(), set())
    assert [i.id for i in items] == ["unsure", "slightly", "split", "weak", "single"]
    items, done = queue.build(engagements, members, [], {"unsure"}, set())
    assert [i.id for i in items] == ["slightly", "split", "single"] and done == 1


def test_evaluate_scores_the_parser_against_what_was_reviewed(db):
    eid = kit.engagement_of(db, db.folder, kit.DIALOGUE)
    service.correct_engagement(db, eid, {"japan": ["Masuda Kazuo"], "date": "2025-06-19"}, by="A. Sharma")
    service.correct_engagement(db, kit.engagement_of(db, db.folder, kit.JIMEX), {"reviewed": True}, by="A. Sharma")
    out = subprocess.run([sys.executable, "scripts/evaluate.py", "--set", "reviewed", "--db", str(db.path), "--json"], capture_output=True, text=True, check=True, cwd=kit.CORPUS.parents[2]).stdout
    fields = json.loads(out)["fields"]
    assert fields["japan"] == [2, 1, 1]  # the dialogue's missing minister, and JIMEX right as shown
    assert fields["date"] == [1, 1, 1] and fields["type"] == [1, 1, 1]  # the dialogue's date was right already: nothing stored
