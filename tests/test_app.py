"""The real app under streamlit.testing AppTest, on a real sample database: every page, every filter,
the view kept across page switches and links, the drill-downs from a chart mark or a heatmap cell
to the articles behind it, saved views, and bad links and failures shown as sentences."""

import html
import json
import re
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import labels, queries, store

APP = Path(__file__).resolve().parent.parent / "app.py"
PAGES = list(__import__("dashboard.pages.state", fromlist=["PAGES"]).PAGES)  # every page of the menu


def healthy(at) -> None:
    """No exception, and no page that failed and said so."""
    assert not at.exception, [e.value for e in at.exception]
    failed = [e.value for e in at.error if "could not be shown" in e.value or "दिखाया नहीं जा सका" in e.value]
    assert not failed, failed


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
        healthy(at)
        return at

    return make


def qp(at, key):
    """A query parameter as a list (AppTest gives a one-element list back as a plain string)."""
    v = at.query_params.get(key)
    return v if isinstance(v, list) else ([v] if v is not None else [])


def metric(at, label):
    return int(next(m for m in at.metric if m.label == label).value)


def switch(at, page):
    at.switch_page(f"dashboard/pages/{page}.py")
    at.run()
    healthy(at)
    return at


def charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def links(at, where="main") -> list:
    """Page links (their proto: page, label, query_string) in the main area or the sidebar."""
    tree = at.sidebar if where == "sidebar" else at.main
    return [e.proto for e in tree.get("page_link")]


def select(at, chart_key, customdata):
    """A click on a chart mark, as the frontend reports it."""
    at.session_state[chart_key] = {"selection": {"points": [{"customdata": customdata}], "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    healthy(at)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(app, page):
    at = app(page)
    assert (at.title and at.title[0].value) or page == "briefing"  # the briefing draws its own headings


@pytest.mark.parametrize(
    "widget, value",
    [("f_types", ["exercise"]), ("f_statuses", ["planned"]), ("f_areas", ["space"]), ("f_people", ["Gen Nakatani"]), ("f_languages", ["en"]), ("f_text", "JIMEX")],
)
def test_each_filter_narrows_the_figures(app, widget, value):
    at = app()
    before = metric(at, "Engagements")
    w = at.text_input(widget) if widget == "f_text" else at.multiselect(widget)
    w.set_value(value).run()
    after = metric(at, "Engagements")
    assert 0 < after < before, (widget, before, after)
    assert at.query_params  # the URL carries the filter


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


def test_a_preset_sets_the_dates_and_all_clears_them(app, sample_db):
    at = app()
    at.button_group("f_preset").set_value("12m").run() if hasattr(at, "button_group") else at.get("button_group")[0].set_value("12m").run()
    last = queries.default_period(store.connect(sample_db, readonly=True))[1]
    assert qp(at, "to") == [last]
    assert metric(at, "Engagements") > 0
    at.date_input("f_from").set_value(None).run()
    at.date_input("f_to").set_value(None).run()
    assert not qp(at, "from") and not qp(at, "to")


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


def test_switching_pages_keeps_the_view_even_when_the_url_is_cleared(app):
    """Streamlit clears the URL on a page switch; the view lives in the session and comes back."""
    at = app()
    at.multiselect("f_types").set_value(["summit"]).run()
    at.toggle("hindi").set_value(True).run()
    at.text_input("f_text").set_value("Modi").run()
    n = metric(at, labels.t("engagements", True))
    want = dict(at.query_params)
    for page in ["timeline", "articles", "briefing", "ingest", "areas", "overview"]:
        at.query_params.clear()  # as a switch through the navigation does
        switch(at, page)
        assert at.multiselect("f_types").value == ["summit"], page
        assert at.toggle("hindi").value is True, page
        assert at.text_input("f_text").value == "Modi", page
        assert dict(at.query_params) == want, page
    assert metric(at, labels.t("engagements", True)) == n


def test_every_menu_link_carries_the_view(app):
    at = app(params={"type": "summit", "hi": "1"})
    menu = links(at, "sidebar")
    assert [m.label for m in menu] == [labels.t(k, True, labels.MENU) for k in PAGES]
    for m in menu:
        assert parse_qs(m.query_string) == {"type": ["summit"], "hi": ["1"]}, m.label


def test_a_link_with_another_view_replaces_the_session_view(app):
    at = app(params={"type": "summit"})
    at.query_params.clear()
    at.query_params["type"] = "exercise"
    at.query_params["e"] = "e0000000000"
    at.run()
    assert at.multiselect("f_types").value == ["exercise"]
    assert qp(at, "e") == ["e0000000000"]


def test_select_all_is_no_filter(app):
    at = app("articles")
    plain = len(at.dataframe[0].value)
    people = at.multiselect("f_people")
    people.set_value(list(people.options)).run()
    assert at.multiselect("f_people").value == []
    assert not qp(at, "person")
    assert len(at.dataframe[0].value) == plain


def test_filter_options_carry_counts_under_the_other_filters(app, sample_db):
    at = app(params={"type": "exercise"})
    db = store.connect(sample_db, readonly=True)
    n_hi = len(queries.engagements(db, queries.Filters(types=("exercise",), languages=("hi",))))
    langs = at.multiselect("f_languages")
    assert f"Hindi ({n_hi})" in langs.options
    n_ex = len(queries.engagements(db, queries.Filters(types=("exercise",))))
    assert f"Exercise ({n_ex})" in at.multiselect("f_types").options


def test_overview_timeline_mark_opens_the_timeline_with_it(app, sample_db):
    at = app(params={"type": "exercise"})
    eid = charts(at)[0]["data"][0]["customdata"][0]
    select(at, "ov_timeline", eid)
    assert at.title[0].value == "Timeline"
    assert qp(at, "e") == [eid] and qp(at, "type") == ["exercise"]
    assert at.selectbox("tl_pick").value == eid
    assert any(link.page == "articles" for link in links(at))  # its reports, each with a Read link


def test_overview_grid_square_opens_its_year_on_cooperation_areas(app):
    at = app(params={"lang": "hi"})
    select(at, "ov_heatmap", ["maritime_security", "2024"])
    assert at.title[0].value == "Cooperation areas"
    assert at.radio("ar_period").value == "year"
    assert qp(at, "cell") == ["maritime_security|2024"] and qp(at, "lang") == ["hi"]
    assert any('class="quote"' in m.value for m in at.markdown)


def test_open_this_engagement_and_read_links_carry_the_item_and_the_filters(app):
    at = app(params={"type": "summit"})
    open_link = next(link for link in links(at) if link.label == "Open this engagement")
    q = parse_qs(open_link.query_string)
    assert q["type"] == ["summit"] and q["e"]
    tl = app("timeline", params={k: v[0] for k, v in q.items()})
    reads = [link for link in links(tl) if link.label == "Read"]
    assert reads and all(parse_qs(r.query_string)["type"] == ["summit"] and parse_qs(r.query_string)["a"] for r in reads)
    art = app("articles", params={k: v[0] for k, v in parse_qs(reads[0].query_string).items()})
    assert any("data-heading" in m.value for m in art.markdown)  # the article is open
    back = next(link for link in links(art) if link.page == "timeline")
    assert parse_qs(back.query_string)["e"] == q["e"]


def test_changing_the_period_carries_the_open_square(app):
    """A quarter's square, then Year: the square becomes its year's, with no false 'nothing here'."""
    at = app("areas")
    select(at, "ar_heatmap", ["maritime_security", "2024-Q3"])
    assert qp(at, "cell") == ["maritime_security|2024-Q3"]
    at.radio("ar_period").set_value("year").run()
    healthy(at)
    assert qp(at, "cell") == ["maritime_security|2024"]
    assert not [i for i in at.info if "No engagement discussed" in i.value]
    assert any('class="quote"' in m.value for m in at.markdown)


def test_share_mode_shows_each_share_with_its_count(app):
    at = app("areas", params={"norm": "1"})
    grid = next(c for c in charts(at) if c["data"] and c["data"][0].get("marker", {}).get("symbol") == "square")
    texts = grid["data"][0]["text"]
    assert texts and all("%" in t and "·" in t for t in texts)  # '100% · 1', never a bare 100 %
    assert all("%" in h and "·" in h for h in grid["data"][0]["hovertext"])


def test_selecting_a_timeline_mark_lists_its_articles(app, sample_db):
    db = store.connect(sample_db, readonly=True)
    eid = queries.engagements(db, queries.Filters(date_from="2025-05-05", date_to="2025-05-05", types=("bilateral_ministerial",))).iloc[0]["id"]
    n_articles = len(queries.engagement_articles(db, eid))
    at = app("timeline")
    select(at, "tl_chart", eid)
    reads = [link for link in links(at) if link.label == "Read"]
    assert len(reads) == n_articles >= 4
    text = " ".join(m.value for m in at.markdown)
    assert "Rajnath Singh" in text and "Gen Nakatani" in text
    assert qp(at, "e") == [eid]


def test_an_ongoing_engagement_says_as_of_which_report(sample_db, tmp_path, monkeypatch):
    """'Ongoing' is what the reports said on their day: the page says which day, not that it is
    still on (the newest report in the data is still under way when it was written)."""
    from dashboard import ingest

    db_path = tmp_path / "ongoing.db"
    shutil.copy(sample_db, db_path)
    (tmp_path / "jimex.txt").write_text(
        "JIMEX-25 Part 2 opens off Visakhapatnam\n\nVisakhapatnam, 2 December 2025: The Indian Navy and the Japan "
        "Maritime Self-Defense Force began the second phase of JIMEX-25 off Visakhapatnam on Tuesday, practising "
        "anti-submarine warfare and replenishment at sea.\n",
        encoding="utf-8",
    )
    ingest.ingest([str(tmp_path / "jimex.txt")], db_path, progress=False, workers=1)
    db = store.connect(db_path, readonly=True)
    eng = queries.engagements(db)
    row = eng[eng["status"] == "ongoing"].iloc[0]
    last = queries.engagement_articles(db, row["id"])["published"].dropna().max()
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["e"] = row["id"]
    at.run()
    assert any(f"ongoing when last reported, {last}" in html.unescape(m.value) for m in at.markdown)  # the Overview's latest
    switch(at, "timeline")
    assert any(f"ongoing when last reported, {last}" in html.unescape(m.value) for m in at.markdown)


def test_selecting_a_heatmap_cell_shows_the_sentences_behind_it(app):
    at = app("areas", params={"period": "year"})
    select(at, "ar_heatmap", ["counter_terrorism", "2025"])
    assert any('class="quote"' in m.value for m in at.markdown)
    assert any(link.label == "Read" and "a=" in link.query_string for link in links(at))
    assert qp(at, "cell") == ["counter_terrorism|2025"]


def test_hostile_link_values_are_messages_not_errors(app):
    at = app(params={"q": "\x00x", "from": "9999-12-31", "type": "no_such_type", "e": "<script>", "period": "decade"})
    notes = html.unescape(" ".join(m.value for m in at.markdown if 'class="notice"' in m.value))
    for bad in ("from=9999-12-31", "type=no_such_type", "e=<script>", "period=decade"):
        assert bad in notes
    assert "<script>" not in " ".join(m.value for m in at.markdown)
    assert at.text_input("f_text").value == "x"
    assert not at.query_params.get("from") and not at.query_params.get("type")
    for page in ("articles", "briefing", "timeline", "areas"):
        switch(at, page)


def test_a_failing_page_is_a_sentence_and_the_trace_goes_to_the_log(sample_db, tmp_path, monkeypatch, caplog):
    db_path = tmp_path / "broken.db"
    shutil.copy(sample_db, db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TABLE engagement_areas")
    conn.commit()
    conn.close()
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("dashboard/pages/areas.py")
    at.run()
    assert not at.exception
    message = " ".join(e.value for e in at.error)
    assert "could not be shown (OperationalError)" in message and str(tmp_path) not in message
    assert "engagement_areas" in caplog.text  # the trace is in the server's log


def test_saved_views_are_kept_in_the_database(app, sample_db, tmp_path, monkeypatch):
    db_path = tmp_path / "views.db"
    shutil.copy(sample_db, db_path)
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["type"] = "exercise"
    at.query_params["lang"] = "hi"
    at.run()
    at.text_input("sv_name").set_value("Hindi exercises").run()
    at.button("sv_save").click().run()
    healthy(at)
    assert store.list_views(store.connect(db_path, readonly=True)) == [
        {"name": "Hindi exercises", "page": "overview", "params": {"lang": ["hi"], "type": ["exercise"]}, "updated_at": store.list_views(store.connect(db_path, readonly=True))[0]["updated_at"]}
    ]
    fresh = AppTest.from_file(str(APP), default_timeout=60)
    fresh.run()
    fresh.selectbox("sv_pick").set_value("Hindi exercises").run()
    fresh.button("sv_open").click().run()
    healthy(fresh)
    assert fresh.multiselect("f_types").value == ["exercise"] and fresh.multiselect("f_languages").value == ["hi"]
    fresh.selectbox("sv_pick").set_value("Hindi exercises").run()
    fresh.button("sv_delete").click().run()
    assert store.list_views(store.connect(db_path, readonly=True)) == []


def test_article_page_escapes_untrusted_text(app, sample_db, tmp_path, monkeypatch):
    from dashboard import ingest

    db_path = tmp_path / "xss.db"
    shutil.copy(sample_db, db_path)
    evil = tmp_path / "evil.txt"
    evil.write_text(
        'India Japan <script>alert(1)</script> talks ![t](http://127.0.0.1:9/t.png)\n\nरक्षा मंत्री राजनाथ सिंह ने 5 मई 2025 को जापान के रक्षा मंत्री जनरल नकातानी से मुलाकात की। <img src=x onerror=alert(2)> समुद्री सुरक्षा पर चर्चा हुई।\n',
        encoding="utf-8",
    )
    ingest.ingest([str(evil)], db_path, progress=False, workers=1)
    aid = queries.articles(store.connect(db_path, readonly=True), queries.Filters(text="onerror")).iloc[0]["id"]
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["a"] = aid
    at.run()
    switch(at, "articles")
    body = next(m.value for m in at.markdown if 'class="article-text"' in m.value)
    assert "<img" not in body and "&lt;img src=x onerror=alert(2)&gt;" in body
    everything = " ".join(m.value for m in at.markdown)
    assert "<script>" not in everything and "](http" not in everything


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


def test_an_older_database_is_upgraded_when_the_app_opens_it(sample_db, tmp_path, monkeypatch):
    db_path = tmp_path / "older.db"
    shutil.copy(sample_db, db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM schema_migrations WHERE version = 10")
    conn.execute("DROP TABLE saved_views")
    conn.commit()
    conn.close()
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    healthy(at)
    assert metric(at, "Engagements") > 0
    assert store.schema_version(store.connect(db_path, readonly=True)) == store.SCHEMA_VERSION


def test_hindi_toggle_changes_labels(app):
    at = app()
    at.toggle("hindi").set_value(True).run()
    assert at.title[0].value == "भारत–जापान रक्षा संबंध"
    assert qp(at, "hi") == ["1"]
    assert [m.label for m in at.metric][:4] == [labels.t(k, True) for k in ("engagements", "n_articles", "n_sources", "n_languages")]


def screen_texts(at) -> list[str]:
    """Every word an AppTest run put on screen: text elements, widget labels, options and help,
    buttons, metrics, expanders, page links, table headers and cells, chart texts and hovers."""
    out: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "toast"):
        out += [e.value for e in getattr(at, kind)]
    for kind in ("multiselect", "selectbox", "radio", "toggle", "text_input", "date_input", "button", "checkbox", "slider", "expander"):
        for w in getattr(at, kind):
            out += [getattr(w, "label", ""), getattr(w, "help", "") or "", getattr(w, "placeholder", "") or ""]
            out += [str(o) for o in getattr(w, "options", []) or []]
    for m in at.metric:
        out += [m.label, m.proto.help]
    out += [e.proto.label for e in at.get("page_link")]
    for e in at.get("button_group"):
        out += [o.content for o in e.proto.options]
    for d in at.dataframe:
        out += [c.get("label") or "" for c in json.loads(d.proto.columns or "{}").values()]
        out += [str(v) for v in d.value.astype(str).to_numpy().ravel()]
    for spec in charts(at):
        for trace in spec["data"]:
            out += [str(x) for x in trace.get("hovertext", []) or []] + [str(x) for x in trace.get("text", []) or []] + [trace.get("name") or ""]
            out.append(str((trace.get("marker") or {}).get("colorbar", {}).get("title", {}).get("text", "")))
        for axis in ("xaxis", "yaxis"):
            ax = spec["layout"].get(axis, {})
            out += [str(x) for x in ax.get("categoryarray", []) or []] + [str((ax.get("title") or {}).get("text", ""))]
    return [t for t in out if t and not t.lstrip().startswith("<style")]


@pytest.mark.parametrize("hindi", [True, False])
def test_every_page_in_hindi_mode_leaves_no_english_and_no_ids(sample_db, tmp_path, monkeypatch, hindi):
    """Walk every page of the menu (an engagement, a square and an article open, a search run, the
    Overview with its new-since-your-last-visit block, the Review queue's first item, a Briefing
    step): in Hindi mode no Latin label is left untranslated, and in neither mode does an internal
    id (defence_industry, two_plus_two) reach the screen."""
    from untranslated import data_of, leftovers

    from dashboard.follow import alerts
    from dashboard.review import service
    from dashboard.store import sources as src

    db_path = tmp_path / "visited.db"
    shutil.copy(sample_db, db_path)
    conn = store.connect(db_path)
    src.record_visit(conn, "default", "2000-01-01T00:00:00Z")  # so the Overview shows what is new since
    outlet, url = conn.execute("SELECT outlet, url FROM articles WHERE outlet IS NOT NULL AND url LIKE 'http%' LIMIT 1").fetchone()
    src.add_source(conn, url, outlet, 1800)  # so Sources shows its table and buttons, and a watch
    alerts.save_watch(conn, outlet, queries.Filters(types=("two_plus_two",), areas=("defence_industry",)))
    first = queries.engagements(conn).iloc[0]["id"]
    service.correct_engagement(conn, first, {"reviewed": True}, outlet)  # so the review log has a line
    conn.conn.close()
    monkeypatch.setenv("DASHBOARD_DB", str(db_path))

    def app(page, params):
        at = AppTest.from_file(str(APP), default_timeout=60)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        if page != "overview":
            switch(at, page)
        healthy(at)
        return at

    db = store.connect(db_path, readonly=True)
    data = data_of(db)
    eng = queries.engagements(db)
    eid = eng.assign(n=[len(a) for a in eng["areas"]]).sort_values("n").iloc[-1]["id"]  # one with many areas
    aid = queries.articles(db, queries.Filters(text="आतंकवाद"), india_japan_only=True).iloc[0]["id"]
    hi = "1" if hindi else ""
    visits = [
        ("overview", {"hi": hi}),
        ("timeline", {"hi": hi, "e": eid}),
        ("areas", {"hi": hi, "cell": "maritime_security|2024-Q3"}),
        ("areas", {"hi": hi, "cell": "maritime_security|2024", "period": "year", "norm": "1", "value": "mentions"}),
        ("articles", {"hi": hi, "q": "maritime"}),
        ("articles", {"hi": hi, "a": aid, "q": "आतंकवाद"}),
        ("ingest", {"hi": hi}),
        ("review", {"hi": hi}),  # its first queue item is open
        ("sources", {"hi": hi}),
        ("briefing", {"hi": hi, "type": "exercise"}),  # its default period (the last twelve months of reports), one type
        ("briefing", {"hi": hi, "e": eid, "from": "2014-01-01", "to": "2025-12-31"}),  # one engagement stepped to
        ("briefing", {"hi": hi, "present": "1", "slide": "4", "from": "2014-01-01", "to": "2025-12-31"}),  # a slide of one engagement
        ("map", {"hi": hi}),
        ("meetings", {"hi": hi}),
    ]
    found = {}
    for page, params in visits:
        at = app(page, {k: v for k, v in params.items() if v})
        texts = screen_texts(at)
        if page == "ingest":  # its uploader and results are the ingest slice's; the sidebar is shared
            texts = screen_texts_of_sidebar(at)
        bad = leftovers(texts, data, hindi) + [f"{t.strip()[:120]} [nan]" for t in texts if re.search(r"(?<![\w-])nan(?![\w-])", t, re.I)]  # a missing value shown as "nan"
        if bad:
            found[(page, params.get("a") or params.get("cell") or params.get("slide") or "")] = bad
    assert {p for p, _ in visits} == set(PAGES)
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


def screen_texts_of_sidebar(at) -> list[str]:
    out = []
    for kind in ("multiselect", "toggle", "text_input", "date_input", "button", "expander"):
        for w in getattr(at.sidebar, kind):
            out += [getattr(w, "label", ""), getattr(w, "help", "") or ""] + [str(o) for o in getattr(w, "options", []) or []]
    out += [e.proto.label for e in at.sidebar.get("page_link")] + [h.value for h in at.sidebar.header]
    return [t for t in out if t]


def test_articles_page_says_what_else_it_searched_and_can_stop(app):
    """Searching a name lists its other spellings; switching the widening off searches only the word."""
    at = app("articles")
    at.text_input(key="f_text").set_value("Nakatani").run()
    captions = " ".join(c.value for c in at.caption)
    assert "also searched\\:" in captions and "नकातानी" in captions
    widened = len(at.dataframe[0].value)
    at.toggle(key="ar_expand").set_value(False).run()
    captions = " ".join(c.value for c in at.caption)
    assert "also searched" not in captions and qp(at, "exact") == ["1"]
    assert len(at.dataframe[0].value) < widened


def test_rising_areas_compare_the_period_before_the_from_date_too(app, sample_db):
    """With From set, the period compared with lies before it: its counts are not cut off by From."""
    at = app(params={"from": "2018-01-01", "type": "exercise"})
    table = next(d for d in at.dataframe if "previous" in d.value.columns).value
    assert table["previous"].sum() > 0, table
