"""An analyst's journeys through the dashboard in real Chromium: set filters, move between pages
through the sidebar and the in-page links, and find the same view and the same figures on every
page. Each journey starts from a fresh session (a new tab); nothing is opened by typing a URL
except the first page and, where a journey starts from one, a copied link."""

import re

import pytest
from browserkit import CHROMIUM, Analyst, app_server, chromium, copy_db

from dashboard import labels, queries, store
from dashboard.queries import Filters

pytestmark = pytest.mark.skipif(not __import__("pathlib").Path(CHROMIUM).exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")
PAGES = list(__import__("dashboard.pages.state", fromlist=["PAGES"]).PAGES)  # every page of the menu


@pytest.fixture(scope="module")
def server(sample_db, tmp_path_factory):
    db_path = copy_db(sample_db, tmp_path_factory.mktemp("journeys"), "journeys.db")
    with app_server(db_path) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def context(browser):
    ctx = browser.new_context(viewport={"width": 1600, "height": 1400})
    yield ctx
    ctx.close()


@pytest.fixture
def analyst(context, server):
    """A fresh session: a new tab."""
    page = context.new_page()
    yield Analyst(page, server)
    page.close()


@pytest.fixture(scope="module")
def db(server):
    return store.connect(server["db"], readonly=True)


def screen(a: Analyst, sidebar_only: bool = False) -> list[str]:
    """The words on screen: the page's text, input placeholders, and every chart's hover texts,
    names, axis labels and colour-bar title (plotly keeps them in the chart's data)."""
    root = '[data-testid="stSidebar"]' if sidebar_only else "body"
    a.page.mouse.move(5, 5)  # a chart's hover box goes away as the pointer leaves it
    a.page.wait_for_timeout(200)
    # icons are ligatures of their names ('dashboard'), the skip link is hidden until focused, and
    # a chart's open hover box is checked through the chart's data below; the parser's reasons
    # (.machine) are its own words in English, quoting the article
    texts = a.page.locator(root).evaluate(
        """(el) => {
             const hide = Array.from(el.querySelectorAll('[data-testid="stIconMaterial"], [data-testid="stSkipToContent"], .hoverlayer, .machine'));
             const was = hide.map(e => e.style.display);
             hide.forEach(e => { e.style.display = 'none'; });
             const text = el.innerText;
             hide.forEach((e, i) => { e.style.display = was[i]; });
             return [text, ...Array.from(el.querySelectorAll('input[placeholder]')).map(i => i.placeholder)];
           }"""
    )
    if not sidebar_only:
        texts += a.page.evaluate(
            """() => Array.from(document.querySelectorAll('.js-plotly-plot')).flatMap(gd => [
                 ...(gd.data || []).flatMap(t => [...(t.hovertext || []), ...(Array.isArray(t.text) ? t.text : []), t.name || '',
                                                  (((t.marker || {}).colorbar || {}).title || {}).text || '']),
                 ...['xaxis', 'yaxis'].flatMap(ax => [...(((gd.layout || {})[ax] || {}).categoryarray || [])])])"""
        )
    return [str(t) for t in texts if t]


def test_hindi_mode_survives_navigation_and_leaves_no_english(analyst, db):
    """Switch Hindi on by hand, then go everywhere by clicking (the menu, a timeline mark, a square
    of the grid, a Read link): every page stays in Hindi, and no Latin label or internal id is on
    screen (names and article text are data, and stay as written)."""
    from untranslated import data_of, leftovers

    data = data_of(db.conn)
    a = analyst
    a.open("", "type=exercise")
    a.after(lambda: a.page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"] label').first.click())
    assert a.query()["hi"] == ["1"]
    found = {}

    def check(where: str, sidebar_only: bool = False) -> None:
        assert a.sidebar()["hindi"], where
        assert a.page.locator("h1").count() == 0 or a.page.locator("h1").first.inner_text() != "Timeline", where
        bad = leftovers(screen(a, sidebar_only), data, True)
        if bad:
            found[where] = bad

    check("overview")
    a.menu("timeline", True)
    a.after(lambda: a.click_point(0, 3))
    check("timeline with an engagement open")
    a.menu("areas", True)
    a.after(lambda: a.click_point(0, 5))
    check("cooperation areas with a square open")
    a.after(lambda: a.page.locator('[data-testid="stPageLink"] a', has_text="पढ़ें").first.click())
    check("articles with an article open")
    for page in ("briefing", "review", "sources", "map", "meetings"):
        a.menu(page, True)
        check(page)
    a.menu("ingest", True)
    check("ingest", sidebar_only=True)  # its uploader's words are Streamlit's own (Browse files, 200MB per file)
    a.menu("overview", True)
    check("overview again")
    assert not a.errors(), a.log()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


def heading(a: Analyst) -> str:
    return a.page.locator(".data-heading").first.inner_text()


def test_timeline_mark_read_and_back_each_land_with_their_item_open(analyst, db):
    """Overview mark → Timeline with that engagement open → Read → Articles with that article
    open → 'Show its engagement on the timeline' → the same engagement; filters kept throughout."""
    a = analyst
    a.open("", "type=exercise")
    a.choose("Languages", "Hindi")
    want = a.sidebar()
    a.lands("/timeline", lambda: a.click_point(0, 4))  # a mark of the Overview's timeline
    eid = a.query()["e"][0]
    eng = queries.engagements(db, Filters(types=("exercise",), languages=("hi",)))
    row = eng[eng["id"] == eid].iloc[0]
    assert heading(a).startswith(row["date"] or row["sort_date"]) and a.sidebar() == want
    reports = queries.engagement_articles(db, eid)
    a.lands("/articles", lambda: a.page.locator('[data-testid="stMain"] [data-testid="stPageLink"] a', has_text="Read").first.click())
    assert heading(a) == reports.iloc[0]["title"] and a.query()["a"] == [reports.iloc[0]["id"]]
    assert a.sidebar() == want
    a.lands("/timeline", lambda: a.page.get_by_text("Show its engagement on the timeline").click())
    assert a.query()["e"] == [eid]
    assert heading(a).startswith(row["date"] or row["sort_date"]) and a.sidebar() == want
    assert not a.errors(), a.log()


def test_grid_square_read_and_open_this_engagement_land_with_their_item_open(analyst, db):
    """Overview square → Cooperation areas on Year with that square open → Read → the article;
    Overview's 'Open this engagement' → the latest engagement on the Timeline."""
    a = analyst
    a.open("", "from=2016-01-01")
    want = a.sidebar()
    a.lands("/areas", lambda: a.click_point(1, 10))  # a square of the Overview's grid (years)
    area, period = a.query()["cell"][0].split("|")
    assert re.fullmatch(r"\d{4}", period)
    assert a.page.get_by_role("radio", name="Year").is_checked()
    assert a.page.get_by_text(f"{labels.t(area, False, labels.AREAS)} · {period}").count() == 1
    assert a.page.locator(".quote").count() >= 1 and a.sidebar() == want
    title = a.page.locator('[data-testid="stMain"] p b').last.inner_text()
    a.lands("/articles", lambda: a.page.locator('[data-testid="stMain"] [data-testid="stPageLink"] a', has_text="Read").last.click())
    assert heading(a) == title
    a.menu("overview")
    a.lands("/timeline", lambda: a.page.get_by_text("Open this engagement").click())
    latest = queries.engagements(db, Filters(date_from="2016-01-01"))
    latest = latest[latest["status"] != "planned"].sort_values("sort_date").iloc[-1]
    assert a.query()["e"] == [latest["id"]] and a.sidebar() == want
    assert heading(a).startswith(latest["date"] or latest["sort_date"])
    assert not a.errors(), a.log()


def test_a_quarter_square_then_year_shows_that_year_not_a_false_nothing(analyst):
    a = analyst
    a.open("areas")
    a.after(lambda: a.click_point(0, 20))
    area, quarter = a.query()["cell"][0].split("|")
    assert "-Q" in quarter
    a.after(lambda: a.page.get_by_text("Year", exact=True).click())
    assert a.query()["cell"] == [f"{area}|{quarter[:4]}"]
    assert a.page.get_by_text("No engagement discussed").count() == 0
    assert a.page.locator(".quote").count() >= 1


def test_a_match_snippet_opens_its_article(analyst, db):
    a = analyst
    a.open("articles")
    box = a.page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"] input').first
    box.fill("JIMEX")
    a.after(lambda: box.press("Enter"))
    first = queries.articles(db, Filters(text="JIMEX"), limit=10, india_japan_only=True).iloc[0]
    a.after(lambda: a.page.locator(".st-key-matches button").first.click())
    assert a.query()["a"] == [first["id"]] and heading(a) == first["title"]
    assert a.page.locator(".article-text mark").count() >= 1


UPLOAD = "2025-12-02_jimex-visakhapatnam-upload_bharat-samachar.txt"
UPLOAD_TEXT = (
    "JIMEX-25 Part 2 opens off Visakhapatnam with INS Sahyadri and JS Kaga\n\n"
    "Visakhapatnam, 2 December 2025: The Indian Navy and the Japan Maritime Self-Defense Force began the second "
    "phase of JIMEX-25 off Visakhapatnam on Tuesday, with the frigate INS Sahyadri and the destroyer JS Kaga "
    "practising anti-submarine warfare, air defence and replenishment at sea. Officials said the drills would "
    "deepen maritime security cooperation between the two navies in the Indian Ocean.\n"
)


def test_an_uploaded_article_reaches_every_page_under_its_own_name_and_source(analyst, tmp_path):
    """Upload on the Ingest page, then by clicking: the Overview's latest engagement is the upload's,
    the Articles page finds and opens it, its engagement on the Timeline lists it, and its square on
    Cooperation areas quotes it; everywhere under its file's own name and its outlet, and no page
    shows the temporary folder it was parsed from."""
    a = analyst
    (tmp_path / UPLOAD).write_text(UPLOAD_TEXT, encoding="utf-8")
    a.open("ingest")
    a.page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(tmp_path / UPLOAD)])
    a.page.get_by_role("button", name="Add to the database").click()
    a.page.wait_for_selector("text=1 new", timeout=60_000)

    def no_temporary_path() -> None:
        body = a.page.locator('[data-testid="stMain"]').inner_text()
        assert "/tmp" not in body and str(tmp_path) not in body

    a.menu("overview")
    latest = a.page.locator('[data-testid="stMain"]').inner_text()
    assert "2025-12-02 · Exercise · ongoing when last reported, 2025-12-02" in latest
    a.menu("articles")
    box = a.page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"] input').first
    box.fill("Kaga")
    a.after(lambda: box.press("Enter"))
    a.after(lambda: a.page.locator(".st-key-matches button", has_text="JIMEX-25 Part 2").first.click())
    assert heading(a).startswith("JIMEX-25 Part 2 opens off Visakhapatnam")
    meta = a.page.locator(".meta").first.inner_text()
    assert "Bharat Samachar" in meta and meta.rstrip().endswith(UPLOAD)
    no_temporary_path()
    a.lands("/timeline", lambda: a.page.get_by_text("Show its engagement on the timeline").click())
    reports = a.page.locator('[data-testid="stMain"]').inner_text()
    assert "JIMEX-25 Part 2 opens off Visakhapatnam" in reports and UPLOAD in reports and "Bharat Samachar" in reports
    no_temporary_path()
    a.after(lambda: a.page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"] input').first.fill("") or a.page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"] input').first.press("Enter"))
    a.menu("areas")
    a.after(lambda: a.click_mark(0, ["maritime_security", "2025-Q4"]))
    quotes = " ".join(a.page.locator(".quote").all_inner_texts())
    assert "deepen maritime security cooperation" in quotes and "Bharat Samachar, 2025-12-02" in quotes
    no_temporary_path()
    assert not a.errors(), a.log()


def test_an_engagement_dated_from_a_weekday_shows_how_sure_and_why_and_the_switch_hides_it(analyst, db):
    """Timeline from the menu, the engagement picked by typing its date: its date is marked '?',
    the reason (a weekday counted from the page date) is beside it; the sidebar's switch then
    hides every engagement with an unsure date. The screenshot is docs/screenshots/timeline-weekday-date.png."""
    from dashboard.models import SURE

    a = analyst
    eng = queries.engagements(db)
    once = eng["sort_date"].map(eng["sort_date"].value_counts()) == 1
    pick = next(
        r for r in eng[once].to_dict("records")
        if (r["decisions"].get("date") or {}).get("reason", "").startswith("weekday") and r["date_confidence"] < SURE
    )
    a.open("")
    a.menu("timeline")
    box = a.page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').get_by_role("combobox").first
    box.click()
    box.fill(pick["sort_date"])  # typing narrows the picker to that day
    a.after(lambda: a.page.keyboard.press("Enter"))
    assert a.query()["e"] == [pick["id"]]
    assert heading(a).startswith(f"{pick['date']}?") or heading(a).startswith(f"{pick['sort_date']}?")
    table = a.page.locator(".decided")
    assert pick["decisions"]["date"]["reason"] in table.inner_text()
    assert table.locator("tr.unsure").first.inner_text().startswith("Date")
    a.page.locator(".data-heading").first.evaluate("e => e.scrollIntoView({block: 'start'})")
    a.page.wait_for_timeout(200)
    a.shot("timeline-weekday-date")
    assert a.marks() == len(eng)
    a.after(lambda: a.page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"]', has_text="Only engagements with a sure date").locator("label").click())
    assert a.query()["sure"] == ["1"]
    assert a.marks() == int((eng["date_confidence"] >= SURE).sum())
    assert not a.errors(), a.log()
