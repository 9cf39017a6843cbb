"""The one builder of the bundled sample database: used by the app's first start, the CLI and tests."""

from __future__ import annotations

import os
from pathlib import Path

from dashboard import ingest, paths, store

SAMPLE_DIR = paths.SAMPLE


def build(target: str | os.PathLike, progress: bool = False, workers: int | None = None) -> ingest.Summary:
    """Build `target` from data/sample/ into a new file swapped in atomically."""
    result: dict[str, ingest.Summary] = {}

    def fill(tmp: Path) -> None:
        result["summary"] = ingest.ingest(
            [str(SAMPLE_DIR)], tmp, progress=progress, workers=workers, command="build sample database"
        )

    store.build_atomically(target, fill)
    return result["summary"]


def ensure(target: str | os.PathLike) -> ingest.Summary | None:
    """Build the sample database if `target` does not exist; a user's existing file is never touched."""
    if Path(target).exists():
        return None
    return build(target)
