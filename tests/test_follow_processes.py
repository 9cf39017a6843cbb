"""`python -m dashboard follow` as a process: SIGKILL in the middle of a round loses and doubles
nothing, SIGTERM finishes the article in hand and exits, and four reader processes querying all
the while see no lock error."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import follow_site as fs
import pytest

from dashboard import store

ROOT = Path(__file__).resolve().parent.parent
N = 40


@pytest.fixture(scope="module")
def site():
    s = fs.Site().start()
    yield s
    s.close()


def follow_cmd(db, *extra):
    return [sys.executable, "-m", "dashboard", "follow", "--db", str(db), "--host-delay", "0", "--timeout", "2", "--max-items", "1000", "-q", *extra]


def add_source(db, url):
    subprocess.run([sys.executable, "-m", "dashboard", "sources", "add", url, "--allow-private", "--db", str(db)], cwd=ROOT, check=True, capture_output=True)


def count(db, sql="SELECT count(*) FROM articles"):
    c = sqlite3.connect(db, timeout=10)
    try:
        return c.execute(sql).fetchone()[0]
    finally:
        c.close()


def wait_for(pred, proc, limit=60.0):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if pred():
            return
        if proc.poll() is not None:
            pytest.fail(f"follow ended early: {proc.returncode}\n{proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.05)
    proc.kill()
    pytest.fail("timed out")


def complete(db) -> None:
    """Every page was handled exactly once: stored (or found a duplicate) and never stored twice."""
    assert store.integrity_ok(db)
    assert count(db, "SELECT count(DISTINCT source) FROM ingest_files WHERE outcome IN ('new', 'duplicate')") == N
    assert count(db, "SELECT count(*) FROM (SELECT source FROM ingest_files WHERE outcome = 'new' GROUP BY source HAVING count(*) > 1)") == 0
    assert count(db, "SELECT count(*) FROM follow_urls WHERE outcome IN ('new', 'duplicate')") == N
    assert count(db, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.article_id = a.id)") == 0
    assert count(db, "SELECT count(*) FROM articles WHERE engagement_id IS NULL AND india_japan = 1") == 0


def test_kill_9_mid_round_then_rerun_loses_and_doubles_nothing(site, tmp_path):
    site.delay = 0.03
    feed = fs.synthetic_site(site, N, prefix="/kill")[0]
    db = tmp_path / "kill.db"
    add_source(db, feed)
    proc = subprocess.Popen(follow_cmd(db), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    wait_for(lambda: db.exists() and count(db) >= 5, proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)
    stored = count(db)
    assert 5 <= stored < N
    assert store.integrity_ok(db)
    rerun = subprocess.run(follow_cmd(db), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    complete(db)


def test_sigterm_finishes_the_article_in_hand_and_exits(site, tmp_path):
    site.delay = 0.2
    feed = fs.synthetic_site(site, N, prefix="/term")[0]
    db = tmp_path / "term.db"
    add_source(db, feed)
    proc = subprocess.Popen(follow_cmd(db, "--every", "30m"), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: db.exists() and count(db) >= 2, proc)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "SIGTERM: finishing the article in hand, then stopping" in err
    assert '"stopped": true' in out
    assert count(db) < N
    site.delay = 0
    # every article logged as stored is stored whole
    assert count(db, "SELECT count(*) FROM ingest_files f WHERE outcome = 'new' AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = f.article_id)") == 0
    rerun = subprocess.run(follow_cmd(db), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    complete(db)


READER = textwrap.dedent(
    """
    import sys, time, pathlib
    from dashboard import queries, store
    db_path, stop, out = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    n = errors = 0
    messages = []
    db = store.connect(db_path, readonly=True)
    while not stop.exists():
        try:
            if n % 20 == 0:
                db.conn.close()
                db = store.connect(db_path, readonly=True)
            db.execute("SELECT count(*) FROM articles").fetchone()
            queries.search(db, "जापान")
            queries.engagements(db)
            queries.articles(db, limit=50)
            n += 1
            time.sleep(0.02)  # four readers and a writer share two cores
        except Exception as exc:
            errors += 1
            messages.append(f"{type(exc).__name__}: {exc}")
    out.write_text(f"{n} {errors}\\n" + "\\n".join(messages[:5]))
    """
)


def test_four_readers_see_no_lock_error_while_follow_writes(site, tmp_path):
    site.delay = 0.01
    feed = fs.synthetic_site(site, N, prefix="/read")[0]
    db = tmp_path / "read.db"
    add_source(db, feed)
    stop = tmp_path / "stop"
    readers = [
        subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop), str(tmp_path / f"r{i}.txt")], cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for i in range(4)
    ]
    try:
        writer = subprocess.run(follow_cmd(db), cwd=ROOT, capture_output=True, text=True, timeout=180)
    finally:
        stop.touch()
        for r in readers:
            r.wait(60)
    assert writer.returncode == 0, writer.stderr
    complete(db)
    for i, r in enumerate(readers):
        assert r.returncode == 0, r.stderr.read()
        n, errors, *messages = (tmp_path / f"r{i}.txt").read_text().split(None, 2) + [""]
        assert int(n) > 0
        assert int(errors) == 0, messages
