"""Opening the one SQLite file: where it is, plain-worded errors, atomic rebuilds.

A user's database is their work: it is upgraded in place by recorded migrations and rebuilt only
into a new file swapped in atomically.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from dashboard import paths

ROOT = Path(__file__).resolve().parent.parent.parent


DEFAULT_DB = paths.default_db()  # data/articles.db in a checkout
# How long a writer waits for another writer (an ingest's batch, a regrouping) before giving up
WRITE_WAIT_S = 300.0


class StoreError(RuntimeError):
    """A database problem worth showing to a user as a sentence, not a traceback."""


class SchemaTooNew(StoreError):
    pass


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """--db FILE, else $DASHBOARD_DB, else data/articles.db."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("DASHBOARD_DB")
    return Path(env) if env else DEFAULT_DB


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def connect(path: str | os.PathLike, readonly: bool = False) -> sqlite_utils.Database:
    """Open (creating and migrating unless read-only); raises StoreError with a plain reason."""
    from dashboard.store.schema import SCHEMA_VERSION, migrate, schema_version  # schema needs now()

    p = Path(path)
    if readonly and not p.exists():
        raise StoreError(f"database {p} does not exist")
    try:
        if readonly:
            conn = sqlite3.connect(
                f"file:{p}?mode=ro", uri=True, check_same_thread=False, timeout=10
            )
        else:
            p.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(p), check_same_thread=False, timeout=30)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA busy_timeout = 10000")
        version = _settle(db, readonly, schema_version)
    except sqlite3.DatabaseError as exc:
        msg = str(exc)
        if "locked" in msg:
            raise StoreError(
                f"database {p} is locked by another program; try again in a moment"
            ) from exc
        raise StoreError(f"{p} is not a usable database: {msg}") from exc
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"database {p} has schema version {version}, newer than this program understands ({SCHEMA_VERSION}); update the program"
        )
    if not readonly:
        migrate(db)
    elif version < SCHEMA_VERSION:
        raise StoreError(
            f"database {p} has schema version {version}; open it once for writing to upgrade it"
        )
    return db


def _settle(db: sqlite_utils.Database, readonly: bool, schema_version: Callable) -> int:
    """Journal mode and schema version, retried while another program holds the file.

    Switching a new file to WAL, and the first read of a WAL file whose index another connection
    is still building, return "locked" without SQLite's busy handler ever being asked to wait; two
    ingests or browser tabs opening one new database at once hit this. The wait is ours."""
    deadline = time.monotonic() + WRITE_WAIT_S
    pause = 0.01
    while True:
        try:
            if not readonly:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
            return schema_version(db)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


@contextmanager
def write(db: sqlite_utils.Database, wait: float = WRITE_WAIT_S) -> Iterator[sqlite_utils.Database]:
    """The one way to open a write transaction: BEGIN IMMEDIATE takes the write lock before the
    first read, so a second writer (another ingest, an upload, `follow`, a correction) waits its
    turn for up to `wait` seconds instead of dying with "database is locked". (A deferred BEGIN
    that reads and then writes cannot wait: SQLite refuses it at once if another writer committed
    in between.) Inside another write transaction it is a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    before = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreError(
                f"the database is busy with another write (an ingest?) for over {wait:.0f} s; try again later"
            ) from exc
        raise
    finally:
        db.execute(f"PRAGMA busy_timeout = {before}")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise
    try:
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    return {t: db[t].count for t in db.table_names() if not t.startswith("articles_fts")}


def integrity_ok(path: str | os.PathLike) -> bool:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


@contextmanager
def build_lock(target: str | os.PathLike) -> Iterator[None]:
    """One build of `target` at a time, across processes and the threads of one (each browser
    tab is a thread of the Streamlit server): an advisory lock on the folder that holds it, so no
    lock file is left behind. Each call opens the folder anew, so threads exclude each other too."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


def _missing(target: Path) -> bool:
    """No database there: no file, or the empty file an interrupted first start used to leave."""
    try:
        return target.stat().st_size == 0
    except FileNotFoundError:
        return True


def build_atomically(
    target: str | os.PathLike, fill: Callable[[Path], object], if_missing: bool = False
) -> Path | None:
    """fill(path) writes a whole new database at a temporary path; it then replaces `target` in
    one os.replace, so a reader sees the old file or the new one, never a half-built one.

    Builds of one target take turns (build_lock); each writes its own temporary file, which is
    removed whatever happens, as are those of builds killed before. With `if_missing`, a build
    that finds `target` already made by the one before it does nothing and returns None."""
    target = Path(target)
    with build_lock(target):
        if if_missing and not _missing(target):
            return None
        # under the lock, any temporary file left is a killed build's
        for stale in target.parent.glob(f".{target.name}.*.building*"):
            stale.unlink(missing_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.building")
        try:
            fill(tmp)
            conn = sqlite3.connect(str(tmp))
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.close()
            for suffix in ("-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            os.replace(tmp, target)
        finally:
            for f in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                f.unlink(missing_ok=True)
    return target


def table_rows(db: sqlite_utils.Database, table: str) -> Iterable[tuple]:
    """Every row of a table in a stable order (tests compare databases with this)."""
    cols = [c.name for c in db[table].columns if c.name not in ("ingested_at", "updated_at")]
    order = ", ".join(f"[{c}]" for c in cols)
    return db.execute(f"SELECT {order} FROM [{table}] ORDER BY {order}").fetchall()

def _insert_rows(db: sqlite_utils.Database, table: str, cols: tuple[str, ...], rows: list[tuple]) -> None:
    """Plain parameterised INSERTs: the per-article hot path, where sqlite-utils' introspection costs more than the write."""
    sql = f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})"
    db.conn.executemany(sql, rows)
