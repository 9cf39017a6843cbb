"""The one builder of the bundled sample database: used by the app's first start, the CLI and tests."""

from __future__ import annotations

import os
from pathlib import Path

from dashboard import ingest, paths, store

SAMPLE_DIR = paths.SAMPLE


def build(
    target: str | os.PathLike, progress: bool = False, workers: int | None = None, if_missing: bool = False
) -> ingest.Summary | None:
    """Build `target` from data/sample/ into a new file swapped in atomically (None: `if_missing`
    and another build made it first)."""
    result: dict[str, ingest.Summary] = {}

    def fill(tmp: Path) -> None:
        result["summary"] = ingest.ingest(
            [str(SAMPLE_DIR)], tmp, progress=progress, workers=workers, command="build sample database"
        )

    store.build_atomically(target, fill, if_missing=if_missing)
    return result.get("summary")


def ensure(target: str | os.PathLike) -> ingest.Summary | None:
    """Build the sample database unless `target` holds one: the app's first start, which several
    browser tabs may reach at once. The build happens once, under a lock; the tabs that waited
    get None and open what it made. A user's existing file is never touched."""
    return build(target, if_missing=True)
