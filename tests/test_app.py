"""The real app under streamlit.testing AppTest, on a real sample database: every page, every filter,
the URL, and the drill-downs from a chart mark or a heatmap cell to the articles behind it."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "app.py"
PAGES = ["overview", "timeline", "areas", "articles", "ingest"]


@pytest.fixture
def app(sample_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(sample_db))

    def make(page="overview", params=None):
        at = AppTest.from_file(str(APP), default_timeout=60)
        for k, v in (params or {}).items():
            at.query_params[k] = v
        at.run()
        if page != "overview":
            at.switch_page(f"dashboard/pages/{page}.py")
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


def qp(at, key):
    """A query parameter as a list (AppTest gives a one-element list back as a plain string)."""
    v = at.query_params.get(key)
    return v if isinstance(v, list) else ([v] if v is not None else [])


def metric(at, label):
    return int(next(m for m in at.metric if m.label == label).value)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(app, page):
    at = app(page)
    assert not at.error
    assert at.title[0].value


@pytest.mark.parametrize(
    "widget, value",
    [
        ("f_types", ["exercise"]),
        ("f_statuses", ["planned"]),
        ("f_areas", ["space"]),
        ("f_people", ["Gen Nakatani"]),
        ("f_languages", ["en"]),
        ("f_text", "JIMEX"),
    ],
)
def test_each_filter_narrows_the_figures(app, widget, value):
    at = app()
    before = metric(at, "Engagements")
    w = at.text_input(widget) if widget == "f_text" else at.multiselect(widget)
    if widget == "f_people":
        value = [v for v in w.options if v == "Gen Nakatani"]
    w.set_value(value).run()
    after = metric(at, "Engagements")
    assert 0 < after < before, (widget, before, after)
    # and the URL carries the filter
    assert at.query_params


def test_date_range_narrows_and_widens(app):
    import datetime as dt

    at = app()
    everything = metric(at, "Engagements")
    at.date_input("f_from").set_value(dt.date(2024, 1, 1)).run()
    recent = metric(at, "Engagements")
    at.date_input("f_to").set_value(dt.date(2024, 12, 31)).run()
    one_year = metric(at, "Engagements")
    assert everything > recent > one_year > 0
    assert qp(at, "from") == ["2024-01-01"] and qp(at, "to") == ["2024-12-31"]


def test_query_params_round_trip(app):
    at = app(params={"type": ["exercise", "summit"], "from": "2018-01-01", "q": "अभ्यास"})
    assert set(at.multiselect("f_types").value) == {"exercise", "summit"}
    assert at.text_input("f_text").value == "अभ्यास"
    n = metric(at, "Engagements")
    plain = metric(app(), "Engagements")
    assert 0 < n < plain
    # a copied link reproduces the view, on another page too
    at2 = app("areas", params=dict(at.query_params))
    assert set(at2.multiselect("f_types").value) == {"exercise", "summit"}


def test_empty_state_when_nothing_matches(app):
    at = app(params={"q": "xyzzyneverthere"})
    assert metric(at, "Engagements") == 0
    assert any("No engagements match" in i.value for i in at.info)


def test_selecting_a_timeline_mark_lists_its_articles(app, sample_db):
    from dashboard import queries, store

    db = store.connect(sample_db, readonly=True)
    eid = queries.engagements(db, queries.Filters(date_from="2025-05-05", date_to="2025-05-05", types=("bilateral_ministerial",))).iloc[0]["id"]
    n_articles = len(queries.engagement_articles(db, eid))
    at = app("timeline")
    at.session_state["tl_chart"] = {"selection": {"points": [{"customdata": eid}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception
    reads = [b for b in at.button if b.label == "Read"]
    assert len(reads) == n_articles >= 4
    text = " ".join(m.value for m in at.markdown)
    assert "Rajnath Singh" in text and "Gen Nakatani" in text
    assert qp(at, "e") == [eid]


def test_selecting_a_heatmap_cell_shows_the_sentences_behind_it(app):
    at = app("areas", params={"period": "year"})
    at.session_state["ar_heatmap"] = {"selection": {"points": [{"customdata": ["counter_terrorism", "2025"]}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception
    html = " ".join(m.value for m in at.markdown)
    assert 'class="quote"' in html
    assert any(b.label.startswith("Read:") for b in at.button)
    assert qp(at, "cell") == ["counter_terrorism|2025"]


def test_article_page_escapes_untrusted_text(app, sample_db, tmp_path, monkeypatch):
    from dashboard import ingest, queries, store

    db_path = tmp_path / "xss.db"
    shutil.copy(sample_db, db_path)
    evil = tmp_path / "evil.txt"
    evil.write_text(
        'India Japan <script>alert(1)</script> talks\n\nरक्षा मंत्री राजनाथ सिंह ने 5 मई 2025 को जापान के रक्षा मंत्री जनरल नकातानी से मुलाकात की। <img src=x onerror=alert(2)> समुद्री सुरक्षा पर चर्चा हुई।\n',
        encoding="utf-8",
    )
    ingest.ingest([str(evil)], db_path, progress=False, workers=1)
    aid = queries.articles(store.connect(db_path, readonly=True), queries.Filters(text="onerror")).iloc[0]["id"]
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["a"] = aid
    at.run()
    at.switch_page("dashboard/pages/articles.py")
    at.run()
    body = next(m.value for m in at.markdown if 'class="article-text"' in m.value)
    assert "<img" not in body and "&lt;img src=x onerror=alert(2)&gt;" in body
    assert "<script>" not in " ".join(m.value for m in at.markdown)


def test_missing_database_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "nowhere.db"))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert any("missing" in e.value for e in at.error)


def test_database_from_a_newer_version_is_a_message(sample_db, tmp_path, monkeypatch):
    db_path = tmp_path / "future.db"
    shutil.copy(sample_db, db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')")
    conn.commit()
    conn.close()
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert any("newer version" in e.value for e in at.error)


def test_hindi_toggle_changes_labels(app):
    at = app()
    at.toggle("hindi").set_value(True).run()
    assert at.title[0].value == "भारत–जापान रक्षा संबंध"
    assert qp(at, "hi") == ["1"]


def test_articles_page_says_what_else_it_searched_and_can_stop(app):
    """Searching a name lists its other spellings; switching the widening off searches only the word."""
    at = app("articles")
    at.text_input(key="f_text").set_value("Nakatani").run()
    captions = " ".join(c.value for c in at.caption)
    assert "also searched:" in captions and "नकातानी" in captions
    widened = int(captions.split(" article(s)")[0].split()[-1])
    at.toggle(key="ar_expand").set_value(False).run()
    captions = " ".join(c.value for c in at.caption)
    assert "also searched:" not in captions
    assert int(captions.split(" article(s)")[0].split()[-1]) < widened
