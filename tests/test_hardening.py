"""Smaller promises of the hardening work: grouping that depends on the articles alone, search text
with control characters, uploads that keep their names, the engagements listing in one query."""

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import ingest, queries, readers, store, uploads
from dashboard.grouping import engagement_id

ROOT = Path(__file__).resolve().parent.parent


def grouping_of(db) -> tuple[list, dict]:
    return (
        db.execute("SELECT id, date, type, status, n_articles FROM engagements ORDER BY id").fetchall(),
        dict(db.execute("SELECT id, engagement_id FROM articles").fetchall()),
    )


def test_grouping_and_ids_do_not_depend_on_when_articles_were_ingested(sample_db, tmp_path):
    """Two builds of one corpus ingest its files in another order and at other times: the same
    engagements must come out, under the same ids (shared ?e= links keep working)."""
    path = tmp_path / "shuffled.db"
    shutil.copy(sample_db, path)
    db = store.connect(path)
    before = grouping_of(db)
    ids = [r[0] for r in db.execute("SELECT id FROM articles")]
    random.Random(4).shuffle(ids)
    with store.write(db):
        db.conn.executemany(
            "UPDATE articles SET ingested_at = ? WHERE id = ?",
            [(f"2026-12-0{1 + i % 8}T{i % 24:02d}:00:00Z", aid) for i, aid in enumerate(ids)],
        )
    ingest.regroup(db)
    assert grouping_of(db) == before
    # an engagement's id is its earliest report's anchor
    eid, aid = db.execute(
        "SELECT e.id, a.id FROM engagements e JOIN articles a ON a.engagement_id = e.id ORDER BY coalesce(a.published, '~'), a.id LIMIT 1"
    ).fetchone()
    assert eid == engagement_id(aid)


@pytest.mark.parametrize("text", ["x\x00y", "\x00", "आतंक\x00वाद", "भारत\x00", "a\x01\x02b", "\x1f\x7f\x9f", "\ud800भारत", "q=%00x"])
def test_control_characters_in_search_text_never_raise(sample_db, text):
    db = store.connect(sample_db, readonly=True)
    queries.search(db, text)
    queries.articles(db, queries.Filters(text=text))
    queries.engagements(db, queries.Filters(text=text))


def test_a_nul_between_words_searches_both_words(sample_db):
    db = store.connect(sample_db, readonly=True)
    assert len(queries.search(db, "भारत\x00जापान", limit=100)) == len(queries.search(db, "भारत जापान", limit=100)) > 0


def test_engagements_json_lists_every_engagement_with_its_articles(sample_db):
    out = subprocess.run([sys.executable, "-m", "dashboard", "engagements", "--db", str(sample_db), "--json"], capture_output=True, text=True, check=True, cwd=ROOT)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    db = store.connect(sample_db, readonly=True)
    assert len(rows) == db.execute("SELECT count(*) FROM engagements").fetchone()[0]
    for r in rows[::7]:
        expected = queries.engagement_articles(db, r["id"])
        assert [a["title"] for a in r["articles"]] == expected["title"].tolist()


def test_uploads_keep_every_file_under_its_own_name(tmp_path):
    files = [("report.txt", b"one"), ("report.txt", b"two"), ("..", b"dots"), (".hidden.txt", b"h"), ("C:\\Users\\a\\x.txt", b"w"), ("../../etc/passwd.txt", b"p"), ("", b"e")]
    saved = uploads.save(files, tmp_path)
    assert [s for _p, s in saved] == [
        "upload:report.txt", "upload:report.txt (2)", "upload:upload-3", "upload:.hidden.txt", "upload:x.txt", "upload:passwd.txt", "upload:upload-7",
    ]
    assert [Path(p).read_bytes() for p, _s in saved] == [d for _n, d in files]
    assert all(Path(p).resolve().is_relative_to(tmp_path.resolve()) for p, _s in saved)


def test_upload_caps_refuse_with_a_reason():
    assert uploads.too_much([10] * uploads.MAX_FILES) is None
    assert "the limit is 500" in uploads.too_much([10] * (uploads.MAX_FILES + 1))
    assert "the limit is 200 MB" in uploads.too_much([150 << 20, 60 << 20])


def test_an_uploaded_article_is_stored_under_its_name_not_a_temporary_path(tmp_path):
    text = b"Coast guards drill\n\nChennai, 18 January 2024: The Indian and Japanese coast guards held a drill off Chennai today."
    saved = uploads.save([("drill.txt", text), ("drill.txt", text.replace(b"drill off", b"second drill off"))], tmp_path / "up")
    seen = []
    s = ingest.ingest([], tmp_path / "u.db", workers=1, progress=False, named=saved, on_file=lambda src, o, r: seen.append((src, o)))
    assert s.new == 2
    sources = sorted(r[0] for r in store.connect(tmp_path / "u.db", readonly=True).execute("SELECT source_file FROM articles"))
    assert sources == ["upload:drill.txt", "upload:drill.txt (2)"]
    assert sorted(seen) == [("upload:drill.txt", "new"), ("upload:drill.txt (2)", "new")]


def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_a_replacement(tmp_path):
    raw = bytes(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(b"India Japan talks\n\nNew Delhi, 5 May 2025: defence ministers met.")
    [(f, given)] = list(readers.expand([str(tmp_path)]))
    assert given.endswith("caf\ufffd.txt")
    [item] = readers.read_path(f, given)
    assert isinstance(item, readers.RawRecord) and item.source.endswith("caf\ufffd.txt")


def test_text_is_made_valid_in_one_place():
    text, warnings = readers.valid_text("a\ud800b\x00c\ud83d\ude00\x0cd")
    assert text == "a\ufffdbc\U0001f600\nd"
    assert any("surrogates" in w for w in warnings) and any("control character" in w for w in warnings)
