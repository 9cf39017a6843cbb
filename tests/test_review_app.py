"""Corrections from the pages where an analyst sees the mistake, under AppTest on a real file."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import ingest, knowledge, store
from dashboard.review import service
from tests import reviewkit as kit

APP = Path(__file__).resolve().parent.parent / "app.py"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    root = tmp_path_factory.mktemp("review_app")
    folder = kit.corpus_copy(root / "corpus")
    return folder, kit.build(root / "base.db", folder)


@pytest.fixture
def env(base, tmp_path, monkeypatch):
    folder, path = base
    db_path = kit.clone(path, tmp_path / "app.db")
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))
    monkeypatch.setenv(knowledge.LOCAL_ENV, str(tmp_path / "local"))
    knowledge.default.cache_clear()
    yield folder, db_path
    knowledge.default.cache_clear()


def session(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(f"dashboard/pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def heading(at) -> str:
    """The open item's heading (drawn as escaped HTML: it may hold an article's title)."""
    block = next(m.value for m in at.markdown if 'class="data-heading"' in m.value)
    return html.unescape(re.sub(r"<[^>]+>", "", block)).strip()


def widget(at, kind: str, prefix: str):
    return next(x for x in getattr(at, kind) if (x.key or "").startswith(prefix))


def save(at, label: str = "Save correction") -> None:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]


def sign(at, key: str, name: str = "A. Sharma") -> None:
    at.text_input(key=f"rv_name_{key}").input(name).run()


def test_a_date_corrected_on_the_timeline_shows_with_its_mark_on_the_timeline_heatmap_and_briefing(env):
    folder, db_path = env
    eid = kit.engagement_of(store.connect(db_path), folder, kit.TOKYO_EN)
    at = session("timeline", e=eid)
    sign(at, "tl")
    widget(at, "text_input", "rv_date_tl_").input("2025-04-30")
    widget(at, "text_input", "rv_note_tl_").input("MoD readout")
    save(at)
    assert [s.value for s in at.success] == ["Saved: date. Every page now shows it."]
    assert heading(at).startswith("2025-04-30")
    assert any("date ✎ corrected by A. Sharma on " in m.value and "MoD readout" in m.value for m in at.markdown)
    fig = at.get("plotly_chart")[0].proto.spec
    assert "2025-04-30" in fig and "✎ date" in fig  # the mark moved, its hover says what was corrected

    at.switch_page("dashboard/pages/areas.py").run()
    at.session_state["ar_heatmap"] = {"selection": {"points": [{"customdata": ["defence_industry", "2025-Q2"]}]}}
    at.run()
    assert not at.exception
    assert any("2025-04-30 · Ministerial meeting: date ✎ corrected by A. Sharma on" in m.value for m in at.markdown)

    at.switch_page("dashboard/pages/briefing.py").run()
    at.sidebar.date_input(key="f_from").set_value("2025-01-01").run()
    at.sidebar.date_input(key="f_to").set_value("2025-12-31").run()
    assert not at.exception, [e.value for e in at.exception]
    cards = " ".join(m.value for m in at.markdown if "brief-card" in m.value)
    assert "2025-04-30" in cards and "date ✎ corrected by A. Sharma on" in cards


def test_the_second_of_two_sessions_editing_one_engagement_is_warned(env):
    folder, db_path = env
    eid = kit.engagement_of(store.connect(db_path), folder, kit.JIMEX)
    one, two = session("timeline", e=eid), session("timeline", e=eid)
    sign(one, "tl", "A. Sharma")
    sign(two, "tl", "B. Rao")
    widget(one, "text_input", "rv_place_tl_").input("Bay of Bengal")
    save(one)
    widget(two, "text_input", "rv_date_tl_").input("2024-10-13")
    save(two)
    warning = " ".join(w.value for w in two.warning)
    assert "Someone changed this record since you opened it" in warning and "A. Sharma changed place: Visakhapatnam → Bay of Bengal" in warning
    assert service.current(store.connect(db_path), eid)["date"] == "2024-10-12"  # nothing saved behind the warning
    save(two, "Save mine anyway")
    row = service.current(store.connect(db_path), eid)
    assert (row["date"], row["place"]) == ("2024-10-13", "Bay of Bengal")  # both kept


def test_merge_and_split_from_the_timeline_hold_through_regrouping(env):
    folder, db_path = env
    db = store.connect(db_path)
    tokyo, hindi = kit.engagement_of(db, folder, kit.TOKYO_EN), kit.article_of(db, folder, kit.TOKYO_HI)
    at = session("timeline", e=tokyo)
    sign(at, "tl")
    at.multiselect(key=f"rv_split_tl_{tokyo}").set_value([hindi]).run()
    save(at, "Split off")
    ingest.regroup(store.connect(db_path))
    db = store.connect(db_path)
    assert kit.engagement_of(db, folder, kit.TOKYO_HI) != kit.engagement_of(db, folder, kit.TOKYO_EN)

    other = kit.engagement_of(db, folder, kit.TOKYO_HI)
    at = session("timeline", e=kit.engagement_of(db, folder, kit.TOKYO_EN))
    at.text_input(key="rv_name_tl").input("A. Sharma").run()
    widget(at, "selectbox", "rv_merge_tl_").set_value(other).run()
    save(at, "Merge")
    assert heading(at).startswith("2025-05-05 · Ministerial meeting")  # still open, under its id after the merge
    ingest.regroup(store.connect(db_path))
    db = store.connect(db_path)
    assert kit.engagement_of(db, folder, kit.TOKYO_HI) == kit.engagement_of(db, folder, kit.TOKYO_EN)
    assert "merge" in service.current(db, kit.engagement_of(db, folder, kit.TOKYO_EN))["corrected"]


def test_a_spelling_added_from_the_article_reparses_it_and_it_names_the_person(env):
    folder, db_path = env
    aid = kit.article_of(store.connect(db_path), folder, kit.DIALOGUE)
    at = session("articles", a=aid)
    sign(at, "ar")
    at.text_input(key="rv_alias_ar").input(kit.MASUDA_HI).run()
    at.selectbox(key="rv_kind_ar").set_value("person").run()
    at.selectbox(key="rv_aname_ar_person").set_value("Masuda Kazuo").run()
    save(at, "Add and re-parse")
    changed = at.dataframe[-1].value
    assert set(changed["Field"]) >= {"People", "Participants"}
    assert "Masuda Kazuo" in changed[changed["Field"] == "People"].iloc[0]["After"]
    at.run()
    assert any("<table" in m.value and "Masuda Kazuo" in m.value for m in at.markdown)  # the article's people now name him


def test_the_review_page_lists_the_worst_first_and_is_worked_from_the_keyboard(env):
    folder, db_path = env
    db = store.connect(db_path)
    at = session("review")
    assert at.get("progress")[0].proto.text == "0 of 3 reviewed"
    assert at.subheader[0].value.startswith("2025-06-19 · Officials' dialogue")  # the dialogue missing its Japanese side
    sign(at, "rvq")
    next(b for b in at.button if b.key == "rv_v").click().run()  # V: right as shown
    assert not at.exception, [e.value for e in at.exception]
    assert at.get("progress")[0].proto.text == "1 of 3 reviewed"
    assert kit.engagement_of(db, folder, kit.DIALOGUE) not in at.subheader[0].value
    next(b for b in at.button if b.key == "rv_u").click().run()  # U: undo
    assert at.get("progress")[0].proto.text == "0 of 3 reviewed"
