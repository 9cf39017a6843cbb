"""The seed article (a real page, kept outside the repo) parses to the record the issue asks for."""

import pytest
from conftest import SEED

pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason="../shared/seeds is not beside this checkout"
)


@pytest.fixture(scope="module")
def seed(parse):
    return parse(SEED.read_text(encoding="utf-8"), source=str(SEED))


def test_engagement(seed):
    e = seed.engagement
    assert seed.india_japan
    assert (e.date, e.type, e.status) == ("2025-05-05", "bilateral_ministerial", "held")
    assert e.place == "Manekshaw Centre, New Delhi"
    assert set(e.participants) == {"Rajnath Singh", "Gen Nakatani"}


def test_attack_date_is_referenced_not_engagement(seed):
    roles = {d.date: d.role for d in seed.dates}
    assert roles["2025-04-22"] == "referenced"
    assert roles["2025-05-05"] == "engagement"


def test_areas(seed):
    expected = {
        "counter_terrorism",
        "strategic_partnership",
        "military_exercises",
        "maritime_security",
        "defence_industry",
        "mro",
        "emerging_technologies",
        "cyber_security",
        "space",
    }
    assert {a.id for a in seed.areas} == expected


def test_evidence_offsets_point_into_body(seed):
    for a in seed.areas:
        for ev in a.evidence:
            assert seed.body[ev.start : ev.end] == ev.text


def test_title_and_boilerplate(seed):
    assert seed.title == "Rajnath Singh strengthens defence ties with Japan"
    assert "यह भी पढ़ें" not in seed.body
    assert "Bharat & Pakistan tension" not in seed.body
    assert not seed.body.startswith("Rajnath Singh -strengthens")


def test_gen_is_a_name_not_a_rank(seed):
    nakatani = next(p for p in seed.people if p.name == "Gen Nakatani")
    assert nakatani.country == "Japan" and nakatani.role_key == "defence_minister"
