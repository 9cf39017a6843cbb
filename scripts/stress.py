"""Repeated trials of the concurrency promises, outside the suite (which runs each once).

    python scripts/stress.py ingests --trials 10      # two CLI ingests into one new database at once
    python scripts/stress.py first-start --trials 10  # a fresh clone's app opened in 3 browser tabs at once

Each trial passes when every process completes, the database passes integrity_check and holds
what it should, and no temporary build file is left; the script prints one line per trial and
a total. Only loopback addresses are used.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def fresh_clone(dest: Path) -> Path:
    """The app as a fresh clone has it (no data/articles.db); the sample corpus and knowledge are
    linked, not copied. Returns the database path the app will build."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "app.py", dest / "app.py")
    shutil.copytree(ROOT / "dashboard", dest / "dashboard", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / ".streamlit", dest / ".streamlit", ignore=shutil.ignore_patterns("secrets.toml"))
    (dest / "data").mkdir()
    for name in ("knowledge", "sample", "sample_truth"):
        (dest / "data" / name).symlink_to(ROOT / "data" / name)
    return dest / "data" / "articles.db"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(
    folder: Path, log: Path, env: dict | None = None, script: str = "app.py", port: int | None = None, extra: list[str] | None = None
) -> tuple[subprocess.Popen, str]:
    """`streamlit run` in `folder` on a (free) loopback port, once it answers its health check."""
    port = port or free_port()
    env = {**{k: v for k, v in os.environ.items() if k != "DASHBOARD_DB"}, **(env or {})}
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", *(extra or [])]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(160):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.25)
    proc.kill()
    raise RuntimeError("streamlit did not start:\n" + log.read_text()[-3000:])


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def open_tabs_at_once(browser, url: str, n: int = 3, timeout_ms: int = 180_000) -> list[str]:
    """Open `n` tabs (separate browser contexts: separate sessions) within a moment of each other,
    wait for each to show the Overview; returns the problems seen, empty when all is well."""
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(n)]
    pages = [c.new_page() for c in contexts]
    for pg in pages:
        pg.goto(url, wait_until="commit")
    problems = []
    for i, pg in enumerate(pages):
        try:
            pg.wait_for_selector('[data-testid="stMetric"]', timeout=timeout_ms)
            pg.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
        except Exception as exc:
            problems.append(f"tab {i + 1}: no Overview ({type(exc).__name__})")
        body = pg.inner_text("body")
        for bad in ("database is locked", "schema version", "already exists", "Traceback", "cannot be opened"):
            if bad in body:
                problems.append(f"tab {i + 1} shows «{bad}»")
        if pg.locator('[data-testid="stException"]').count():
            problems.append(f"tab {i + 1} shows an exception")
    for c in contexts:
        c.close()
    return problems


def check_database(db: Path, at_least: int) -> list[str]:
    problems = []
    if not db.exists() or db.stat().st_size == 0:
        return [f"{db} missing or empty"]
    conn = sqlite3.connect(db)
    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("integrity_check failed")
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    if n < at_least:
        problems.append(f"only {n} articles")
    left = list(db.parent.glob(f".{db.name}.*"))
    if left:
        problems.append(f"left behind: {[f.name for f in left]}")
    return problems


def trial_first_start(browser, work: Path) -> list[str]:
    db = fresh_clone(work / "clone")
    proc, url = serve(work / "clone", work / "server.log")
    try:
        problems = open_tabs_at_once(browser, url)
    finally:
        stop(proc)
    return problems + check_database(db, 150)


def trial_ingests(work: Path) -> list[str]:
    files = sorted(f for f in (ROOT / "data" / "sample").rglob("*") if f.is_file())
    halves = [work / "a", work / "b"]
    for i, f in enumerate(files):
        dest = halves[i % 2] / f.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, dest)
    db = work / "both.db"
    cmd = [sys.executable, "-m", "dashboard", "ingest", "--db", str(db), "-q", "--workers", "1"]
    procs = [subprocess.Popen([*cmd, str(h)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for h in halves]
    problems = []
    for i, p in enumerate(procs):
        _out, err = p.communicate(timeout=600)
        if p.returncode != 0:
            problems.append(f"ingest {i + 1} exited {p.returncode}: {err.strip().splitlines()[-1:] }")
    expected = len({f.name for f in files})
    problems += check_database(db, 1)
    conn = sqlite3.connect(db)
    per_file = {Path(s.split("#")[0].split("!")[0]).name for (s,) in conn.execute("SELECT DISTINCT source FROM ingest_files WHERE outcome != 'failed'")}
    if len(per_file) != expected:
        problems.append(f"{len(per_file)} of {expected} files stored")
    unlinked = conn.execute("SELECT count(*) FROM articles WHERE india_japan = 1 AND eng_type IS NOT NULL AND engagement_id IS NULL").fetchone()[0]
    if unlinked:
        problems.append(f"{unlinked} articles left out of the grouping")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["ingests", "first-start"])
    ap.add_argument("--trials", type=int, default=10)
    args = ap.parse_args()
    passed = 0
    t0 = time.perf_counter()
    browser = pw = None
    if args.what == "first-start":
        from playwright.sync_api import sync_playwright

        pw = sync_playwright().start()
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    try:
        for i in range(1, args.trials + 1):
            with tempfile.TemporaryDirectory() as tmp:
                t = time.perf_counter()
                problems = trial_first_start(browser, Path(tmp)) if browser else trial_ingests(Path(tmp))
                ok = not problems
                passed += ok
                print(f"trial {i}: {'ok' if ok else 'FAILED: ' + '; '.join(problems)} ({time.perf_counter() - t:.1f} s)", flush=True)
    finally:
        if browser:
            browser.close()
            pw.stop()
    print(f"{args.what}: {passed} of {args.trials} trials passed ({time.perf_counter() - t0:.0f} s)")
    return 0 if passed == args.trials else 1


if __name__ == "__main__":
    raise SystemExit(main())
