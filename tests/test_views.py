"""The map of engagement places and the who-met-whom matrix: their data from real engagements, their
charts offline, their pages under AppTest with a click through to the engagement on the timeline."""

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import charts, knowledge, meetings, places, queries, store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def engagements(sample_db):
    db = store.connect(sample_db, readonly=True)
    yield queries.engagements(db)
    db.conn.close()


def test_every_place_of_the_sample_is_on_the_map(engagements, kb):
    pts, unplaced = places.points(engagements, kb)
    assert unplaced == int((engagements["place"].fillna("") == "").sum())  # only engagements without a place
    assert pts["n"].sum() + unplaced == len(engagements)
    delhi = pts[pts["place"] == "New Delhi"].iloc[0]
    # venues in New Delhi are drawn at New Delhi, not as circles of their own
    assert delhi["n"] == int(engagements["place"].fillna("").str.endswith("New Delhi").sum())
    assert (round(delhi["lat"]), round(delhi["lon"])) == (29, 77)


def test_the_map_draws_from_local_outlines_never_a_cdn(engagements, kb):
    pts, _ = places.points(engagements, kb)
    fig = charts.place_map(pts)
    assert fig.layout.geo.showcountries is False  # coastlines and land only: no disputed border drawn
    assert charts.TOPOJSON_URL.startswith("app/static/")
    topo = ROOT / "static" / f"{charts.TOPOJSON_NAME}.json"
    assert topo.stat().st_size > 50_000
    assert "enableStaticServing = true" in (ROOT / ".streamlit" / "config.toml").read_text()


def test_who_met_whom_pairs_keep_their_engagements(engagements, kb):
    pairs = meetings.pairs(engagements, kb)
    top = pairs.iloc[0]
    assert (top["india"], top["japan"]) == ("Narendra Modi", "Shinzo Abe")
    together = engagements[engagements["id"].isin(top["ids"])]
    assert len(together) == top["n"]
    assert all({"Narendra Modi", "Shinzo Abe"} <= set(p) for p in together["participants"])
    assert meetings.ranking(engagements, kb, "India")[0] == "Rajnath Singh"
    forces = meetings.pairs(engagements, kb, people_only=False)
    assert ((forces["india"] == "Indian Navy") & (forces["japan"] == "JMSDF")).any()


def test_bad_coordinates_name_file_line_and_reason(tmp_path):
    d = tmp_path / "knowledge"
    shutil.copytree(knowledge.KNOWLEDGE_DIR, d)
    path = d / "places.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "Atlantis,city,Nowhere,95.0,10.0\n", encoding="utf-8")
    with pytest.raises(knowledge.KnowledgeError, match=rf"places.csv:{text.count(chr(10)) + 1}: .*off the globe"):
        knowledge.load(d)


@pytest.fixture
def app(sample_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(sample_db))

    def make(page: str, params: dict | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for k, v in (params or {}).items():
            at.query_params[k] = v
        at.run()
        at.switch_page(f"dashboard/pages/{page}.py")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


def test_clicking_a_place_lists_its_engagements_and_opens_one_on_the_timeline(app, engagements, kb):
    at = app("map")
    at.session_state["map_chart"] = {"selection": {"points": [{"customdata": "Tokyo"}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    tokyo = engagements[engagements["place"].fillna("").str.endswith("Tokyo")]
    assert f"Tokyo · Engagements: {len(tokyo)}" in [h.value for h in at.subheader]
    opens = [b for b in at.button if b.key and b.key.startswith("map_open_")]
    assert len(opens) == len(tokyo)
    opens[0].click().run()
    assert not at.exception and at.title[0].value == "Timeline"


def test_clicking_a_pair_lists_their_engagements_in_hindi_too(app, engagements):
    at = app("meetings")
    at.session_state["hindi"] = True
    at.run()
    at.session_state["mt_chart"] = {"selection": {"points": [{"customdata": ["Rajnath Singh", "Taro Kono"]}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    heading = at.subheader[0].value
    assert heading.startswith("राजनाथ सिंह — ") and "साझा बैठक" in heading
    opens = [b for b in at.button if b.key and b.key.startswith("mt_open_")]
    both = engagements[[{"Rajnath Singh", "Taro Kono"} <= set(p) for p in engagements["participants"]]]
    assert len(opens) == len(both) > 0
    assert at.query_params["pair"] == "Rajnath Singh|Taro Kono"


def test_empty_views_say_so(app):
    at = app("meetings", {"from": "1990-01-01", "to": "1990-12-31"})
    assert at.info and not at.exception
    at = app("map", {"from": "1990-01-01", "to": "1990-12-31"})
    assert at.info and not at.exception


def test_pure_view_modules_do_not_touch_streamlit_or_sqlite():
    import ast

    for name in ("places.py", "meetings.py", "outlets.py", "briefing.py", "export.py"):
        tree = ast.parse((ROOT / "dashboard" / name).read_text(encoding="utf-8"))
        mods = {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        mods |= {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not mods & {"streamlit", "sqlite3", "sqlite_utils"}, name


def test_points_of_no_engagements_are_empty(kb):
    pts, unplaced = places.points(pd.DataFrame(), kb)
    assert pts.empty and unplaced == 0


def test_overview_names_no_area_new_against_a_period_before_the_reports(sample_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(sample_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"from": "2014-01-01", "to": "2025-12-31"})
    at.run()
    assert not at.exception
    assert any("there are none from 1 January 2002 to 31 December 2013" in c.value for c in at.caption)
    assert not any("(new)" in str(df.value) for df in at.dataframe)
