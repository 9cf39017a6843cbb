from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_d38e96fed68a67b2.txt"


@pytest.fixture(scope="session")
def kb():
    from dashboard import knowledge

    return knowledge.default()


@pytest.fixture(scope="session")
def parse(kb):
    from dashboard.parse import parse_article

    def _parse(text, meta=None, source="test"):
        return parse_article(text, meta, kb=kb, source=source)

    return _parse
