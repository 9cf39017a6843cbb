"""Files uploaded through the Ingest page: caps per upload, and each file saved under the name the
user gave it, so nothing is overwritten, lost or stored under a temporary path.

Pure of Streamlit: the page hands over (name, bytes) pairs and ingests what comes back.
"""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.encodings import shown

MAX_FILES = 500  # files in one upload
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # all of them together (each file: server.maxUploadSize)
PREFIX = "upload:"  # an uploaded article's source: where it came from, and the user's file name

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def too_much(sizes: list[int]) -> str | None:
    """Why an upload is refused as a whole (too many files, too many bytes), or None."""
    if len(sizes) > MAX_FILES:
        return f"{len(sizes)} files in one upload; the limit is {MAX_FILES}. Upload them in parts, or zip them."
    total = sum(sizes)
    if total > MAX_TOTAL_BYTES:
        return (
            f"{total / 1e6:.0f} MB in one upload; the limit is {MAX_TOTAL_BYTES // (1024 * 1024)} MB. "
            "Upload them in parts, or ingest the folder with `python -m dashboard ingest`."
        )
    return None


def display_name(name: str, i: int) -> str:
    """The user's file name without any folder part (a browser may send one, in / or \\ form)."""
    base = _CONTROL.sub("", shown(name)).replace("\\", "/").rsplit("/", 1)[-1].strip()
    return base if base not in ("", ".", "..") else f"upload-{i}"


def save(files: list[tuple[str, bytes]], folder: str | Path) -> list[tuple[str, str]]:
    """Write each upload to its own subfolder of `folder`: (path, source) pairs for
    ingest(named=...). Two files of one name are both kept: the second is "name (2)"."""
    out: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for i, (name, data) in enumerate(files, 1):
        base = display_name(name, i)
        seen[base] = seen.get(base, 0) + 1
        label = base if seen[base] == 1 else f"{base} ({seen[base]})"
        sub = Path(folder) / str(i)
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / base
        path.write_bytes(data)
        out.append((str(path), PREFIX + label))
    return out


def shown_source(source: str) -> str:
    """A source as the Ingest page shows it: the user's own file name."""
    return source[len(PREFIX):] if source.startswith(PREFIX) else source
