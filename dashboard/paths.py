"""Where the bundled data and the default database are: in a checkout, data/ beside the package; in
an installed package (`pip install .`), the copy of data/ inside it, and the database in the
user's data folder (site-packages is no place for one's work)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent
IN_CHECKOUT = (CHECKOUT / "data" / "knowledge").is_dir() and (CHECKOUT / "app.py").is_file()
DATA = CHECKOUT / "data" if IN_CHECKOUT else PACKAGE / "data"
KNOWLEDGE = DATA / "knowledge"
SAMPLE = DATA / "sample"
# the map's outlines, served by Streamlit from static/ beside the app's entry script
STATIC = CHECKOUT / "static" if IN_CHECKOUT else PACKAGE / "static"


def _user_data() -> Path:
    home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return home / "india-japan-dashboard"


def default_db() -> Path:
    """data/articles.db in a checkout; $XDG_DATA_HOME/india-japan-dashboard/articles.db installed."""
    if IN_CHECKOUT:
        return CHECKOUT / "data" / "articles.db"
    return _user_data() / "articles.db"


def local_knowledge() -> Path:
    """Where spellings an analyst adds go: beside the knowledge files in a checkout (to be
    committed with them); the user's data folder when installed (site-packages is read-only)."""
    return KNOWLEDGE if IN_CHECKOUT else _user_data() / "knowledge"
