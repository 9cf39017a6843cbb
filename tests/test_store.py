"""The store on a real SQLite file: idempotent ingestion, partial failure, grouping, Hindi search,
migrations, atomic rebuilds and survival of a killed ingestion."""

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard import ingest, queries, sample, store, synth

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
LOG_TABLES = {"ingest_runs", "ingest_files", "schema_migrations"}


def snapshot(path: Path) -> dict:
    db = store.connect(path, readonly=True)
    tables = [t for t in db.table_names() if not t.startswith("articles_fts") and t not in LOG_TABLES]
    return {t: store.table_rows(db, t) for t in tables}


def test_sample_corpus_lands_and_a_second_ingest_changes_nothing(sample_db, tmp_path):
    path = tmp_path / "twice.db"
    shutil.copy(sample_db, path)
    before = snapshot(path)
    assert len(before["articles"]) >= 150
    again = ingest.ingest([str(sample.SAMPLE_DIR)], path, progress=False)
    assert (again.new, again.updated, len(again.failed)) == (0, 0, 0)
    assert again.duplicate >= 150
    assert snapshot(path) == before


def test_records_written_by_an_older_version_still_count_as_duplicates(sample_db, tmp_path):
    """Older versions wrote the stored record with other JSON spacing: re-ingesting the same files
    must not report (and rewrite) every article as updated."""
    path = tmp_path / "old_records.db"
    shutil.copy(sample_db, path)
    db = store.connect(path)
    with db.atomic():
        rows = db.execute("SELECT r.article_id, r.record, a.title, a.body FROM records r JOIN articles a ON a.id = r.article_id").fetchall()
        db.conn.executemany(  # older versions also kept the title and body inside the record
            "UPDATE records SET record = ? WHERE article_id = ?",
            [(json.dumps({**json.loads(r), "title": t, "body": b}, ensure_ascii=False, sort_keys=True, indent=1), aid) for aid, r, t, b in rows],
        )
    db.conn.close()
    again = ingest.ingest([str(sample.SAMPLE_DIR)], path, progress=False)
    assert (again.new, again.updated, len(again.failed)) == (0, 0, 0)
    assert again.duplicate >= len(rows)


def test_three_broken_files_are_reported_and_every_good_article_stored(tmp_path):
    folder = tmp_path / "batch"
    shutil.copytree(DATA / "encodings", folder / "good")
    (folder / "broken").mkdir()
    for name in ("empty.txt", "binary_png.txt", "csv_missing_columns.csv"):
        shutil.copy(DATA / "bad" / name, folder / "broken" / name)
    db_path = tmp_path / "b.db"
    s = ingest.ingest([str(folder)], db_path, progress=False, workers=1)
    assert sorted(Path(src).name for src, _ in s.failed) == ["binary_png.txt", "csv_missing_columns.csv", "empty.txt"]
    db = store.connect(db_path, readonly=True)
    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    # the utf-8, utf-16 and utf-16-without-BOM files hold one Hindi text: stored once
    assert stored == 2 and s.new == 2 and s.duplicate == 2
    outcomes = dict(db.execute("SELECT outcome, count(*) FROM ingest_files GROUP BY outcome").fetchall())
    assert outcomes == {"new": 2, "duplicate": 2, "failed": 3}


def test_one_engagement_many_reports_in_several_languages_and_formats(sample_db):
    db = store.connect(sample_db, readonly=True)
    eng = queries.engagements(db, queries.Filters(date_from="2025-05-05", date_to="2025-05-05", types=("bilateral_ministerial",)))
    assert len(eng) == 1
    row = eng.iloc[0]
    assert set(row["participants"]) >= {"Rajnath Singh", "Gen Nakatani"}
    arts = queries.engagement_articles(db, row["id"])
    assert len(arts) >= 4
    assert {"hi", "en"} <= set(arts["language"])
    assert len({Path(f.split("#")[0]).suffix for f in arts["source_file"]}) >= 2


@pytest.mark.parametrize(
    "query, must_match, must_not_match",
    [
        ("रत", [], ["भारत"]),  # a fragment of a word is not a word (the unicode61 default got this wrong)
        ("भारत", ["भारत"], []),
        ("आतंक*", ["आतंकवाद"], []),
        ("निंदा", ["निंदा"], []),
        ('"maritime security"', ["maritime"], []),
    ],
)
def test_hindi_full_text_search(sample_db, query, must_match, must_not_match):
    db = store.connect(sample_db, readonly=True)
    rows = queries.search(db, query, limit=50)
    snippets = " ".join(r["snippet"] for r in rows)
    for word in must_match:
        assert f"[{word}" in snippets or word.lower() in snippets.lower()
    if must_not_match:
        assert not rows, f"{query!r} matched: {rows[:1]}"
    if query.startswith('"'):
        assert all(re.search(r"maritime\]? \[?security", r["snippet"], re.I) for r in rows)
    for r in rows:
        # highlighting never cuts a Hindi word: a mark opens at a word start
        for part in r["snippet"].split("[")[1:]:
            assert not part[:1] or not ("\u093e" <= part[0] <= "\u094d")


@pytest.mark.parametrize("query", ['"', "AND", "OR (", "NOT", "*", "()", '"unbalanced', "a AND OR b", "आतंक* AND", "'; DROP TABLE articles; --", "^", ""])
def test_any_search_input_is_safe(sample_db, query):
    db = store.connect(sample_db, readonly=True)
    queries.search(db, query)
    queries.articles(db, queries.Filters(text=query))
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] > 0


def test_schema_version_and_migrations(tmp_path):
    path = tmp_path / "m.db"
    db = store.connect(path)
    assert store.schema_version(db) == store.SCHEMA_VERSION
    assert db.execute("SELECT description FROM schema_migrations").fetchone()[0].startswith("initial")
    db.conn.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(store.SchemaTooNew, match="newer than this program"):
        store.connect(path)


def test_a_database_from_before_migrations_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.commit()
    conn.close()
    db = store.connect(path)
    assert store.schema_version(db) == store.SCHEMA_VERSION
    assert db.execute("SELECT x FROM notes").fetchone()[0] == "keep me"


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(store.StoreError, match="not a usable database"):
        store.connect(bad)
    with pytest.raises(store.StoreError, match="does not exist"):
        store.connect(tmp_path / "missing.db", readonly=True)


def test_rebuild_swaps_in_a_new_file_atomically(tmp_path):
    target = tmp_path / "live.db"
    store.connect(target).conn.close()
    inode_before = target.stat().st_ino

    def fill(tmp):
        ingest.ingest([str(DATA / "encodings")], tmp, progress=False, workers=1)
        assert not target.samefile(tmp)

    store.build_atomically(target, fill)
    assert target.stat().st_ino != inode_before
    assert store.integrity_ok(target)
    assert store.connect(target, readonly=True).execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert not list(tmp_path.glob(".live.db.*"))


def test_killed_ingestion_leaves_a_sound_database_and_a_rerun_completes(tmp_path):
    folder = tmp_path / "synthetic"
    synth.write(synth.generate(6000, seed=3), folder)
    db_path = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "dashboard", "ingest", str(folder), "--db", str(db_path), "-q", "--workers", "2"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    # wait until some batches are committed, then kill the whole process group without warning
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.2)
        if db_path.exists():
            try:
                n = sqlite3.connect(db_path, timeout=1).execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                n = 0
            if n > 0:
                break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert store.integrity_ok(db_path)
    partial = sqlite3.connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0]
    rerun = ingest.ingest([str(folder)], db_path, progress=False)
    assert not rerun.failed
    db = store.connect(db_path, readonly=True)
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    # a clean ingestion of the same files, for comparison
    clean = tmp_path / "clean.db"
    ingest.ingest([str(folder)], clean, progress=False)
    expected = store.connect(clean, readonly=True).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert total == expected and partial < expected
    assert db.execute("SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1)").fetchone()[0] == 0
    assert store.integrity_ok(db_path)


def test_version_1_database_is_migrated_with_its_articles(tmp_path):
    """A database made before migration 2 keeps its articles and gains the new columns and summaries."""
    path = tmp_path / "v1.db"
    db = store.sqlite_utils.Database(sqlite3.connect(path))
    db["schema_migrations"].create({"version": int, "description": str, "applied_at": str}, pk="version")
    version, description, fn = store.MIGRATIONS[0]
    fn(db)
    db["schema_migrations"].insert({"version": version, "description": description, "applied_at": "2026-01-01"})
    from dashboard import knowledge
    from dashboard.parse import parse_article

    rec = parse_article("भारत-जापान वार्ता\n\nरक्षा मंत्री राजनाथ सिंह ने 5 मई 2025 को जापान के रक्षा मंत्री जनरल नकातानी से द्विपक्षीय बैठक की।", kb=knowledge.default()).to_dict()
    row = store._article_row("x1", rec, "old.txt", False)
    row["record"] = json.dumps(rec, ensure_ascii=False)
    for col in ("eng_end_date", "eng_participants", "main_exercise", "segmented", "eng_decisions"):
        row.pop(col)
    db["articles"].insert(row)
    db.conn.commit()
    db.conn.close()
    db = store.connect(path)
    assert store.schema_version(db) == store.SCHEMA_VERSION
    parts = db.execute("SELECT eng_participants FROM articles WHERE id = 'x1'").fetchone()[0]
    assert set(json.loads(parts)) == {"Rajnath Singh", "Gen Nakatani"}
    assert [r[0] for r in db.execute("SELECT version FROM schema_migrations ORDER BY version")] == sorted(v for v, _d, _f in store.MIGRATIONS)
    # migration 4: the parsed record moved to its own table, and the article still shows it
    assert "record" not in db["articles"].columns_dict
    assert queries.article(db, "x1")["record"]["engagement"]["type"] == rec["engagement"]["type"]
    assert queries.article(db, "x1")["record"]["body"] == rec["body"]  # shown whole …
    assert "body" not in json.loads(db.execute("SELECT record FROM records").fetchone()[0])  # … stored once
    assert queries.search(db, "नकातानी")  # the full-text index still points at the right rows
    # migration 6: each field's confidence and reason, read back from the stored record
    decided = json.loads(db.execute("SELECT eng_decisions FROM articles WHERE id = 'x1'").fetchone()[0])
    assert decided["date"][0] >= 0.8 and "5 मई 2025" in decided["date"][1]


def test_regrouping_does_not_reindex_text(sample_db, tmp_path):
    """Setting engagement_id on every article must leave the full-text index alone (migration 3)."""
    path = tmp_path / "fts.db"
    shutil.copy(sample_db, path)
    db = store.connect(path)
    db.execute("CREATE TEMP TABLE fts_writes (n INTEGER)")
    db.execute("INSERT INTO fts_writes VALUES (0)")
    db.execute("CREATE TEMP TRIGGER count_fts AFTER UPDATE OF engagement_id ON articles BEGIN UPDATE fts_writes SET n = n + 1; END")
    before = db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
    db.execute("UPDATE articles SET engagement_id = NULL")
    db.execute("UPDATE fts_writes SET n = 0")
    ingest.regroup(db)
    assert db.execute("SELECT n FROM fts_writes").fetchone()[0] > 100  # every article was touched …
    trigger = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_au'").fetchone()[0]
    assert "UPDATE OF title, body" in trigger  # … and the index trigger ignores such updates
    assert db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == before
    assert queries.search(db, "आतंकवाद")
    # regrouping what is already grouped rewrites no article row
    db.execute("UPDATE fts_writes SET n = 0")
    links = dict(db.execute("SELECT id, engagement_id FROM articles").fetchall())
    ingest.regroup(db)
    assert db.execute("SELECT n FROM fts_writes").fetchone()[0] == 0
    assert dict(db.execute("SELECT id, engagement_id FROM articles").fetchall()) == links


def test_landing_counts_from_summary_equal_the_query(sample_db):
    db = store.connect(sample_db, readonly=True)
    fast = queries.article_counts(db, queries.Filters())
    slow = queries.article_counts(db, queries.Filters(date_from="1900-01-01"))
    assert fast["n"].sum() == slow["n"].sum() > 100
    assert set(fast["language"].dropna()) == set(slow["language"].dropna())
    assert fast["outlet"].dropna().nunique() == slow["outlet"].dropna().nunique()


def test_stats_counts_agree_with_the_tables(sample_db):
    db = store.connect(sample_db, readonly=True)
    st = queries.stats(db)
    n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert st["tables"]["articles"] == st["tables"]["records"] == n
    assert sum(st["articles_per_language"].values()) == sum(st["articles_per_year"].values()) == n
    assert st["articles_per_language"]["hi"] == db.execute("SELECT count(*) FROM articles WHERE language = 'hi'").fetchone()[0]
    assert st["india_japan_articles"] == db.execute("SELECT count(*) FROM articles WHERE india_japan = 1").fetchone()[0] > 150
    assert st["synthetic_articles"] == 0
    assert sum(st["engagements_per_year"].values()) == st["tables"]["engagements"]
    out = subprocess.run([sys.executable, "-m", "dashboard", "stats", "--db", str(sample_db), "--json"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["tables"]["articles"] == n
