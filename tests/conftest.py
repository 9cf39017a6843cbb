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


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    """The bundled sample corpus in a real SQLite file, built once per test session."""
    from dashboard import sample

    path = tmp_path_factory.mktemp("db") / "sample.db"
    s = sample.build(path)
    assert not s.failed, s.failed
    return path
