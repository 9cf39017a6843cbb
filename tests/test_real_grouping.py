"""Grouping real pages: reports of one meeting in two languages and three outlets are one
engagement, and a meeting of the same ministers months earlier is another (../shared pages,
copied into a temporary folder and ingested into a real SQLite file)."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REAL = SHARED / "realdev" / "texts"
SEED = SHARED / "seeds" / "000_d38e96fed68a67b2.txt"

pytestmark = pytest.mark.skipif(not (REAL.exists() and SEED.exists()), reason="../shared is not beside this checkout")


def test_six_real_pages_make_three_engagements(tmp_path):
    from dashboard import ingest, queries, store

    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    for n in ("038", "040", "018", "019", "033"):
        text = (REAL / f"{n}.txt").read_text(encoding="utf-8")
        (folder / f"{n}.txt").write_text("\n".join(text.split("\n")[3:]), encoding="utf-8")  # the URL/LANG header off
    db_path = tmp_path / "six.db"
    ingest.ingest([str(folder)], db_path, progress=False, workers=1)
    db = store.connect(db_path, readonly=True)
    groups = {}
    for e in queries.engagements(db).to_dict("records"):
        files = sorted(Path(f).name for f in queries.engagement_articles(db, e["id"])["source_file"])
        groups[tuple(files)] = (e["date"], e["type"])
    assert groups == {
        ("038.txt", "040.txt", "seed.txt"): ("2025-05-05", "bilateral_ministerial"),
        ("018.txt", "019.txt"): ("2020-12-22", "phone_call"),
        ("033.txt",): ("2024-11-22", "sidelines_multilateral"),
    }
