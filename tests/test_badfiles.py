"""The bad-file corpus (tests/badfiles/) ingested beside good articles through the command line:
every bad file gets one line naming it and its reason, the good ones (and the good records inside
bad files) land, and the database passes integrity_check."""

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import ingest, store
from tests.badfiles import large

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
GOOD = ["001_rajnath-nakatani-delhi-talks.txt", "003_parrikar-tokyo-2015-pib.txt", "002_nakatani-to-visit-india.txt"]


def stored_from(db: sqlite3.Connection, name: str) -> int:
    """Articles whose source names this file (as itself or as a member or record of it)."""
    rows = db.execute("SELECT source_file FROM articles").fetchall()
    return sum(1 for (src,) in rows if _names(src, name))


def _names(source: str, name: str) -> bool:
    return Path(source.split("!")[0].split("#")[0]).name == name


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("badfiles")
    folder = tmp / "in"
    shutil.copytree(large.FILES, folder)
    for name in GOOD:
        shutil.copy(GOLDEN / name, folder / name)
    expected = large.expected_small()
    big, explicit = large.write(folder)
    expected.update(big)
    assert len(expected) >= 40
    db_path = tmp / "bad.db"
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "ingest", str(folder), *explicit, "--db", str(db_path), "-q", "--workers", "2"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    return {"proc": proc, "expected": expected, "db": db_path, "folder": folder}


def test_every_bad_file_is_named_with_its_reason_and_the_run_finishes(corpus_run):
    proc, expected = corpus_run["proc"], corpus_run["expected"]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 1, proc.stdout + proc.stderr[-2000:]
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("failed: ")]
    for name, exp in expected.items():
        mine = [ln for ln in lines if _names(ln[len("failed: "):].split(": ", 1)[0], name)]
        if exp["message"] is None:
            assert not mine, f"{name} should land, got {mine}"
            continue
        if exp.get("or_lands") and not mine:
            continue
        assert any(exp["message"] in ln for ln in mine), f"{name}: expected «{exp['message']}», got {mine}"
    # no failure line that the corpus does not expect
    for ln in lines:
        src = ln[len("failed: "):].split(": ", 1)[0]
        assert any(_names(src, name) for name, e in expected.items() if e["message"]), ln


def test_the_good_files_and_good_records_land_and_the_database_is_sound(corpus_run):
    db = sqlite3.connect(corpus_run["db"])
    assert store.integrity_ok(corpus_run["db"])
    for name in GOOD:
        assert stored_from(db, name) == 1, name
    for name, exp in corpus_run["expected"].items():
        n = stored_from(db, name)
        if exp.get("or_lands"):
            assert n in (0, 1), name
        else:
            assert n == exp["lands"], f"{name}: {n} stored, expected {exp['lands']}"
    # text made valid before storing: no NUL, no lone surrogate, no "nan" title
    assert db.execute("SELECT count(*) FROM articles WHERE instr(body, char(0)) OR instr(title, char(0))").fetchone()[0] == 0
    nan = db.execute("SELECT title FROM articles WHERE source_file LIKE '%json_nan_title.json%'").fetchone()[0]
    assert nan.lower() != "nan" and "case 17" in nan
    utf32 = db.execute("SELECT body FROM articles WHERE source_file LIKE '%utf32_bom.txt'").fetchone()[0]
    assert "case number 13" in utf32 and "\x00" not in utf32
    warned = db.execute("SELECT r.record FROM records r JOIN articles a ON a.id = r.article_id WHERE a.source_file LIKE '%json_lone_surrogate.json'").fetchone()[0]
    assert "lone UTF-16 surrogates" in warned
    emoji = db.execute("SELECT title || body FROM articles WHERE source_file LIKE '%json_surrogate_pair.json'").fetchone()[0]
    assert "\U0001f600" in emoji


def test_a_zip_with_two_members_of_one_name_keeps_both(corpus_run):
    db = sqlite3.connect(corpus_run["db"])
    sources = sorted(r[0] for r in db.execute("SELECT source_file FROM articles WHERE source_file LIKE '%zip_same_name_twice.zip!%'"))
    assert [s.split("!")[1] for s in sources] == ["report.txt", "report.txt (2)"]


def test_a_new_export_at_an_old_path_adds_and_never_removes(tmp_path):
    export = tmp_path / "export.json"
    db_path = tmp_path / "x.db"
    export.write_text(json.dumps([{"text": large.article(101)}]), encoding="utf-8")
    ingest.ingest([str(export)], db_path, progress=False, workers=1)
    export.write_text(json.dumps([{"text": large.article(102)}]), encoding="utf-8")
    s = ingest.ingest([str(export)], db_path, progress=False, workers=1)
    assert (s.new, s.updated) == (1, 0)
    bodies = [r[0] for r in sqlite3.connect(db_path).execute("SELECT body FROM articles")]
    assert len(bodies) == 2 and any("case 101" in b for b in bodies)


def test_parse_json_prints_valid_json_for_surrogates_and_odd_names(tmp_path):
    src = large.FILES
    odd = tmp_path.as_posix().encode() + b"/odd\xff name.txt"
    with open(odd, "wb") as fh:
        fh.write(large.article(7).encode())
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "parse", "--json", str(src / "json_lone_surrogate.json"), str(src / "jsonl_lone_surrogate.jsonl"), odd],
        cwd=ROOT, capture_output=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    records = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert len(records) == 3
    assert "\ufffd" in records[0]["body"] and records[2]["source"].endswith("odd\ufffd name.txt")
