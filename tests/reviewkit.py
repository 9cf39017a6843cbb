"""The small corpus the review tests correct (tests/data/review: five reports of three
engagements, written for the project), built once and copied for each test."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "data" / "review"
TOKYO_EN = "2025-05-05_rajnath-nakatani-tokyo_capital-wire.txt"
TOKYO_HI = "2025-05-06_rajnath-nakatani-vaarta_dainik-prahari.txt"
DIALOGUE = "2025-06-20_raksha-niti-vaarta_rashtriya-sandesh.txt"
JIMEX = "2024-10-12_jimex-visakhapatnam_sagar-times.txt"
MASUDA_HI = "मसूदा काज़ुओ"  # a spelling of Masuda Kazuo the knowledge lacks: the dialogue names him so


def corpus_copy(folder: Path, leave_out: tuple[str, ...] = ()) -> Path:
    """The corpus files in a folder of the test's own (file names are the articles' sources)."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in CORPUS.glob("*.txt"):
        if f.name not in leave_out:
            shutil.copy(f, folder / f.name)
    return folder


def build(db: Path, folder: Path) -> Path:
    from dashboard import ingest

    s = ingest.ingest([str(folder)], db, workers=1, progress=False)
    assert not s.failed, s.failed
    return db


def clone(src: Path, dst: Path) -> Path:
    """A copy of a database with its write-ahead log folded in."""
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    with b:
        a.backup(b)
    a.close()
    b.close()
    return dst


def source(name: str, folder: Path) -> str:
    return str(folder / name)


def engagement_of(db, folder: Path, name: str) -> str:
    row = db.execute("SELECT engagement_id FROM articles WHERE source_file = ?", [source(name, folder)]).fetchone()
    return row[0]


def article_of(db, folder: Path, name: str) -> str:
    return db.execute("SELECT id FROM articles WHERE source_file = ?", [source(name, folder)]).fetchone()[0]
