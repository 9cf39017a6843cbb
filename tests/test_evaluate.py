"""The evaluation gate: per-field F1 on the golden set and the sample corpus may rise, never quietly drop.

When a change raises the figures, record them with `python scripts/evaluate.py --write-baseline`
(and `--set sample`); a drop fails here and must be fixed or argued for in review.
"""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import evaluate  # noqa: E402


@pytest.mark.parametrize("which", ["golden", "sample", "dev", "heldout", "lang"])
def test_figures_do_not_drop(which):
    cases = evaluate.SETS[which]()
    assert len(cases) >= {"golden": 60, "sample": 150, "dev": 20, "heldout": 40, "lang": 51}[which]
    tallies, _problems = evaluate.evaluate(cases)
    got = evaluate.metrics(tallies)
    floors = json.loads(evaluate.BASELINES[which].read_text(encoding="utf-8"))
    drops = {f: (got[f]["f1"], floor) for f, floor in floors.items() if got[f]["f1"] < floor - 1e-9}
    assert not drops, f"F1 fell below the recorded baseline (got, floor): {drops}"


def test_every_golden_article_has_an_expected_record():
    golden = ROOT / "tests" / "golden"
    articles = {
        p.name.split(".")[0]
        for p in golden.iterdir()
        if p.suffix in (".txt", ".html", ".json")
        and not p.name.endswith(".expected.json")
        and p.name != "baseline.json"
    }
    expected = {p.name[: -len(".expected.json")] for p in golden.glob("*.expected.json")}
    assert articles == expected
    nearmiss = [
        p
        for p in golden.glob("*.expected.json")
        if not json.loads(p.read_text(encoding="utf-8"))["india_japan"]
    ]
    assert len(nearmiss) >= 12


def test_language_set_covers_japanese_styles_and_every_indian_language():
    """At least 30 Japanese articles with 5 near-misses, every engagement type, and 3 articles each in
    Marathi, Gujarati, Bengali, Tamil, Telugu, Odia and Urdu."""
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "tests" / "lang").glob("*.expected.json")]
    langs = [r["language"] for r in records]
    assert langs.count("ja") >= 30
    assert sum(1 for r in records if r["language"] == "ja" and not r["india_japan"]) >= 5
    for lang in ("mr", "gu", "bn", "ta", "te", "or", "ur"):
        assert langs.count(lang) >= 3, lang
    types = {r["engagement"]["type"] for r in records if r["india_japan"]}
    assert types >= {"two_plus_two", "phone_call", "sidelines_multilateral", "exercise", "summit", "agreement", "bilateral_ministerial", "official_dialogue", "visit", "other"}
import realpages  # noqa: E402


@pytest.mark.skipif(not realpages.available(), reason="../shared/realdev is not beside this checkout")
def test_real_pages_do_not_drop_and_sure_fields_are_right():
    """The real-page figures (core hi+en and the other languages) may rise, never quietly drop; and
    of the engagement fields the parser is at least 80 % sure of, at least 95 % are right."""
    result = realpages.score(realpages.cases())
    floors = json.loads(evaluate.BASELINES["real"].read_text(encoding="utf-8"))
    drops = {
        (grp, f): (result["figures"][grp][f], floor)
        for grp, fields in floors.items()
        for f, floor in fields.items()
        if (result["figures"][grp][f] or 0.0) < floor - 1e-9
    }
    assert not drops, f"real-page figures fell below the recorded baseline (got, floor): {drops}"
    right = sum(r for r, _n in result["calibration"].values())
    n = sum(k for _r, k in result["calibration"].values())
    assert n >= 30, "too few confident fields to judge calibration"
    assert right / n >= 0.95, result["calibration"]


@pytest.mark.parametrize("which", ["golden", "dev", "heldout"])
def test_sure_fields_are_right_on_the_team_sets(which):
    cal = evaluate.calibration(evaluate.SETS[which]())
    right, n = sum(r for r, _ in cal.values()), sum(k for _, k in cal.values())
    assert n >= 50 and right / n >= 0.95, cal
