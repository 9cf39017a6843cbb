"""Confidences and reasons travel from the parser into the store: each engagement keeps the surest
decision behind every value the grouping chose, and what was under way when reported is held once
the data has moved past it."""

import json

from dashboard import ingest, queries, store

CALL = (
    "India, Japan defence ministers speak on the phone\n\n"
    "New Delhi: Defence Minister Rajnath Singh held a telephonic conversation with Japan's "
    "Defence Minister Nobuo Kishi on Tuesday. They discussed maritime security.\n"
)
CALL_HI = (
    "राजनाथ सिंह ने जापान के रक्षा मंत्री से फोन पर बात की\n\n"
    "रक्षा मंत्री राजनाथ सिंह ने 22 दिसंबर 2020 को जापान के रक्षा मंत्री नोबुओ किशी से टेलीफोन पर बातचीत की। "
    "दोनों ने समुद्री सुरक्षा पर चर्चा की।\n"
)
DRILL = (
    "JIMEX under way in the Bay of Bengal\n\n"
    "The Indian Navy and the JMSDF began exercise JIMEX in the Bay of Bengal on 2 March 2020. The "
    "exercise is under way.\n"
)
LATER = (
    "Defence ministers meet in Tokyo\n\n"
    "Defence Minister Rajnath Singh met Japan's Defence Minister Gen Nakatani in Tokyo on 5 May 2025 "
    "and discussed maritime security.\n"
)


def _ingest(tmp_path, files):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (text, meta) in files.items():
        body = json.dumps({"text": text, **meta}, ensure_ascii=False) if meta else text
        (folder / name).write_text(body, encoding="utf-8")
    db_path = tmp_path / "d.db"
    ingest.ingest([str(folder)], db_path, progress=False, workers=1)
    return store.connect(db_path, readonly=True)


def test_an_engagement_keeps_the_reason_behind_its_date_and_its_confidence(tmp_path):
    db = _ingest(tmp_path, {"call.json": (CALL, {"published": "2020-12-24"}), "call_hi.txt": (CALL_HI, None)})
    rows = db.execute("SELECT date, type, decisions, date_confidence FROM engagements").fetchall()
    assert len(rows) == 1
    d, etype, decisions, conf = rows[0]
    assert (d, etype) == ("2020-12-22", "phone_call")
    decisions = json.loads(decisions)
    assert set(decisions) >= {"date", "type", "status", "participants"}
    assert decisions["date"]["confidence"] == conf >= 0.8
    assert decisions["date"]["article"]  # which report said so
    # both reports give 22 December: surer than either alone
    one = [json.loads(a)["date"][0] for (a,) in db.execute("SELECT eng_decisions FROM articles")]
    assert conf > max(one)


def test_an_exercise_under_way_when_reported_is_held_once_newer_reports_exist(tmp_path):
    db = _ingest(tmp_path, {"drill.json": (DRILL, {"published": "2020-03-03"}), "later.txt": (LATER, None)})
    rows = dict(db.execute("SELECT type, status FROM engagements").fetchall())
    assert rows["exercise"] == "held"
    reason = json.loads(db.execute("SELECT decisions FROM engagements WHERE type = 'exercise'").fetchone()[0])["status"]["reason"]
    assert "over by" in reason
    art = db.execute("SELECT eng_status FROM articles WHERE eng_type = 'exercise'").fetchone()[0]
    assert art == "ongoing"  # the report itself still says what it said on its day


def test_the_engagement_list_offers_the_date_confidence(tmp_path):
    db = _ingest(tmp_path, {"call.json": (CALL, {"published": "2020-12-24"})})
    df = queries.engagements(db)
    assert "date_confidence" in df.columns
    assert queries.engagements(db, queries.Filters(sure_dates=True)).shape[0] == 1


def test_the_sure_dates_filter_hides_an_engagement_dated_by_a_guess(tmp_path):
    # a month-only stamp is all that dates this report: it shows as unsure and the filter hides it
    db = _ingest(
        tmp_path,
        {
            "month.txt": (" date 2023-06 Rajnath Singh met Japan's Defence Minister Yasukazu Hamada in New Delhi and discussed maritime security.", None),
            "call.json": (CALL, {"published": "2020-12-24"}),
        },
    )
    every = queries.engagements(db)
    sure = queries.engagements(db, queries.Filters(sure_dates=True))
    assert set(every["date"]) == {"2023-06", "2020-12-22"}
    assert list(sure["date"]) == ["2020-12-22"]
