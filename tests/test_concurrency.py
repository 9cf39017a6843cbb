"""Several programs at one database: two ingests at once both complete with the union stored,
readers never fail during a write, and a killed ingest leaves no parser workers behind."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from dashboard import ingest, queries, sample, store, synth

ROOT = Path(__file__).resolve().parent.parent


def _halves(tmp: Path) -> tuple[Path, Path]:
    files = sorted(f for f in sample.SAMPLE_DIR.rglob("*") if f.is_file())
    a, b = tmp / "a", tmp / "b"
    for i, f in enumerate(files):
        dest = (a if i % 2 else b) / f.relative_to(sample.SAMPLE_DIR)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, dest)
    return a, b


def links(path: Path) -> tuple[list, dict]:
    db = sqlite3.connect(path)
    engagements = db.execute("SELECT id, date, type, n_articles FROM engagements ORDER BY id").fetchall()
    return engagements, dict(db.execute("SELECT id, engagement_id FROM articles").fetchall())


def test_two_ingests_into_one_new_database_at_once_both_complete(sample_db, tmp_path):
    a, b = _halves(tmp_path)
    db_path = tmp_path / "both.db"  # new: both also race to create the schema
    cmd = [sys.executable, "-m", "dashboard", "ingest", "--db", str(db_path), "-q", "--workers", "1"]
    procs = [subprocess.Popen([*cmd, str(folder)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for folder in (a, b)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err[-3000:]
        assert "locked" not in err
    assert store.integrity_ok(db_path)
    # the union is stored (the same text in two files is stored once, as whichever ingest came
    # first gave it, so the parse of such a duplicate may differ from a single ingest's) …
    ids = lambda path: {r[0] for r in sqlite3.connect(path).execute("SELECT id FROM articles")}  # noqa: E731
    assert ids(db_path) == ids(sample_db)
    # … and the last regrouping saw every article: grouping again changes nothing
    before = links(db_path)
    assert all(before[1][a] for a, in sqlite3.connect(db_path).execute("SELECT id FROM articles WHERE india_japan = 1 AND eng_type IS NOT NULL"))
    db = store.connect(db_path)
    ingest.regroup(db)
    db.conn.close()
    assert links(db_path) == before


def test_readers_never_fail_while_an_ingest_writes(sample_db, tmp_path):
    path = tmp_path / "busy.db"
    shutil.copy(sample_db, path)
    folder = tmp_path / "new"
    synth.write(synth.generate(400, seed=11), folder)
    errors: list[str] = []
    reads = 0
    done = threading.Event()

    def reader() -> None:
        nonlocal reads
        db = store.connect(path, readonly=True)
        while not done.is_set():
            try:
                queries.engagements(db)
                queries.articles(db, queries.Filters(text="भारत"), limit=50)
                reads += 1
            except Exception as exc:  # any error a page would show
                errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        s = ingest.ingest([str(folder)], path, progress=False, workers=1)
        # an upload-sized write while the readers go on
        one = tmp_path / "one.txt"
        one.write_text("Coast guards drill\n\nChennai, 18 January 2024: The Indian and Japanese coast guards held a drill.", encoding="utf-8")
        ingest.ingest([str(one)], path, progress=False, workers=1)
    finally:
        done.set()
        for t in threads:
            t.join()
    assert not s.failed and s.new + s.duplicate == 400 and s.new > 300
    assert reads > 3 and not errors, errors[:3]


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(d.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_ingest_leaves_no_parser_workers(tmp_path):
    folder = tmp_path / "many"
    synth.write(synth.generate(3000, seed=5), folder)
    cmd = [sys.executable, "-m", "dashboard", "ingest", str(folder), "--db", str(tmp_path / "k.db"), "-q", "--workers", "2"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.time() + 60
    while time.time() < deadline and len(workers) < 2:
        time.sleep(0.1)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the ingest never started its workers"
    os.kill(proc.pid, signal.SIGKILL)  # the ingest alone, as the OOM killer or `kill -9` would
    proc.wait()
    deadline = time.time() + 15
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert not left, f"parser workers {left} outlived their ingest"


def _open(path: str, start: float, results) -> None:
    while time.time() < start:
        pass
    try:
        store.connect(path).conn.close()
        results.put("ok")
    except Exception as exc:  # what an ingest or a browser tab would have shown
        results.put(f"{type(exc).__name__}: {exc}")


def test_programs_opening_one_new_database_at_the_same_instant_all_get_it(tmp_path):
    """Switching a new file to WAL says "locked" without waiting; four programs started together
    (without the wait, about one trial in fifteen failed here) must all open it."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    failures = []
    for trial in range(20):
        path = str(tmp_path / f"new{trial}.db")
        results = ctx.Queue()
        start = time.time() + 0.2
        procs = [ctx.Process(target=_open, args=(path, start, results)) for _ in range(4)]
        for p in procs:
            p.start()
        failures += [r for r in (results.get(timeout=60) for _ in procs) if r != "ok"]
        for p in procs:
            p.join()
    assert failures == []
