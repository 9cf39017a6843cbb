"""Thirty walks through every page in real Chromium, and not one lost filter.

Five fresh sessions, each opened from a copied link; in each, six rounds of: one change made by
hand (a date typed, a chip chosen, Hindi switched on, a search, a preset, Clear filters), then a
walk through all pages in a random order by clicking the sidebar menu (the Briefing in each
session's first walk). On every page the sidebar
shows the same choices, the URL is the same, and the page's own figure (the Overview's count, the
Timeline's marks, the Articles page's count) is what the database gives for those filters.

The sessions run side by side in one browser (Playwright's async API, one tab each), so the server
and the browser's renderers keep both cores busy while each tab waits for its page.
"""

import asyncio
import random
import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from browserkit import ARGS, ARTIFACTS, CHROMIUM, IDLE, app_server, copy_db

from dashboard import labels, queries, store
from dashboard import view as views
from dashboard.pages.state import PAGES
from dashboard.queries import Filters

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")
LINKS = ["type=exercise", "from=2016-01-01&to=2023-12-31", "area=maritime_security&hi=1", "lang=hi&type=visit&type=exercise", ""]
CHANGES = [
    ("date", "from", "2018-01-01"),
    ("chip", "types", "summit"),
    ("hindi",),
    ("search", "अभ्यास"),
    ("preset", "preset_all"),
    ("chip", "status", "held"),
    ("date", "to", "2024-12-31"),
    ("preset", "preset_12m"),
    ("clear",),
]
TABLES = {"types": labels.TYPES, "status": labels.STATUSES}
SIDEBAR_STATE = """() => {
  const sb = document.querySelector('[data-testid="stSidebar"]');
  const chips = {};
  sb.querySelectorAll('[data-testid="stMultiSelect"]').forEach(ms => {
    chips[ms.querySelector('[data-testid="stWidgetLabel"]').innerText.trim()] =
      Array.from(ms.querySelectorAll('[data-tag]')).map(t => t.innerText).sort();
  });
  return {chips,
          dates: Array.from(sb.querySelectorAll('[data-testid="stDateInput"] input')).map(i => i.value),
          search: sb.querySelector('[data-testid="stTextInput"] input').value,
          hindi: sb.querySelector('[role="switch"]').checked};
}"""


@pytest.fixture(scope="module")
def server(sample_db, tmp_path_factory):
    db_path = copy_db(sample_db, tmp_path_factory.mktemp("walks"), "walks.db")
    with app_server(db_path) as srv:
        yield srv


class Tab:
    """One session in one tab, with the moves of browserkit.Analyst, awaited."""

    def __init__(self, page, url):
        self.page, self.url = page, url

    async def idle(self):
        await self.page.wait_for_function(IDLE, timeout=60_000)

    async def after(self, action):
        before = self.page.url
        await action()
        await self.page.wait_for_function("(u) => location.href !== u", arg=before, timeout=60_000)
        await self.idle()

    def query(self) -> dict:
        return parse_qs(urlparse(self.page.url).query)

    async def sidebar(self) -> dict:
        return await self.page.evaluate(SIDEBAR_STATE)

    async def menu(self, page: str, hindi: bool) -> None:
        target = "/" + PAGES[page][1]
        link = self.page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"] a', has_text=labels.t(page, hindi, labels.MENU)).first
        here = await self.page.evaluate("() => location.pathname") == target
        before = self.page.url
        await link.click()
        if here:
            await self.page.wait_for_timeout(300)
        else:
            await self.page.wait_for_function("([p, u]) => location.pathname === p && location.href !== u", arg=[target, before], timeout=60_000)
        await self.idle()

    async def figures(self, page: str) -> dict:
        if page == "overview":
            return {"engagements": (await self.page.locator('[data-testid="stMetricValue"]').first.inner_text())}
        if page == "timeline":
            if await self.page.locator(".js-plotly-plot").count() == 0:
                return {"marks": 0}
            await self.page.locator(".js-plotly-plot .scatterlayer path.point").first.wait_for(timeout=60_000)
            return {"marks": await self.page.locator(".js-plotly-plot").first.locator(".scatterlayer path.point").count()}
        if page == "articles":
            caption = await self.page.get_by_text(re.compile(r"^\d[\d,]* (articles?|लेख)")).first.inner_text()
            return {"articles": int(caption.split()[0].replace(",", ""))}
        return {}

    async def change(self, how: tuple, hi: bool) -> bool:
        """Make one change by hand; False when it was already in effect."""
        kind, sb = how[0], self.page.locator('[data-testid="stSidebar"]')
        if kind == "date":
            await sb.locator(f'[role="group"][aria-label="{labels.t(how[1], hi)}"] [data-type="year"]').click()
            await self.page.keyboard.type(how[2].replace("-", ""))
            await self.after(lambda: self.page.locator("h1").first.click())  # the field counts on leaving it
        elif kind == "chip":
            box = sb.locator('[data-testid="stMultiSelect"]', has=self.page.get_by_text(labels.t(how[1], hi), exact=True)).get_by_role("combobox")
            await box.click()
            await box.fill(labels.t(how[2], hi, TABLES[how[1]]))
            await self.after(lambda: self.page.keyboard.press("Enter"))
            await self.page.keyboard.press("Escape")
        elif kind == "hindi":
            await self.after(lambda: sb.locator('[data-testid="stCheckbox"] label').first.click())
        elif kind == "search":
            box = sb.locator('[data-testid="stTextInput"] input').first
            await box.fill(how[1])
            await self.after(lambda: box.press("Enter"))
        elif kind == "preset":
            radio = sb.get_by_role("radio", name=labels.t(how[1], hi))
            if await radio.get_attribute("aria-checked") == "true":
                return False
            await self.after(lambda: radio.click())
        elif kind == "clear":
            if not set(self.query()) & set(views.FILTER_KEYS):
                return False
            await self.after(lambda: sb.get_by_role("button", name=labels.t("reset", hi)).click())
        return True


def expected(db, f: Filters) -> dict:
    eng = queries.engagements(db, f)
    return {"engagements": str(len(eng)), "marks": len(eng), "articles": len(queries.articles(db, f, limit=2000, india_japan_only=True))}


async def session(browser, url: str, s: int, link: str, db, rng, problems: list) -> int:
    ctx = await browser.new_context(viewport={"width": 1600, "height": 1400})
    tab = Tab(await ctx.new_page(), url)
    walks = 0
    try:
        await tab.page.goto(f"{url}/?{link}")
        await tab.idle()
        for r in range(6):
            hi = (await tab.sidebar())["hindi"]
            if not await tab.change(CHANGES[(s * 2 + r) % len(CHANGES)], hi):
                continue
            want, want_query = await tab.sidebar(), tab.query()
            view, bad = views.from_query(want_query)
            assert not bad, bad
            exp = expected(db, views.filters(view))
            # the Briefing starts its exports (kaleido, Chromium) for every new view in a worker
            # process: visited in each session's first walk, not in all thirty, or those renders
            # would take the machine's two cores from the walks
            pages = [p for p in PAGES if p != "briefing" or r == 0]
            for page in rng.sample(pages, len(pages)):
                await tab.menu(page, want["hindi"])
                got = await tab.sidebar()
                if got != want or tab.query() != want_query:
                    problems.append((s, r, page, want, got, want_query, tab.query()))
                for k, v in (await tab.figures(page)).items():
                    if v != exp[k]:
                        problems.append((s, r, page, k, v, exp[k]))
            walks += 1
        if await tab.page.locator('[data-testid="stException"]').count():
            problems.append((s, "exception", await tab.page.locator('[data-testid="stException"]').first.inner_text()))
    finally:
        await ctx.close()
    return walks


def test_thirty_walks_through_every_page_keep_filters_and_figures(server):
    from playwright.async_api import async_playwright

    db = store.connect(server["db"], readonly=True)
    problems: list = []

    async def main() -> int:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                done = await asyncio.gather(*(session(browser, server["url"], s, link, db, random.Random(s), problems) for s, link in enumerate(LINKS)))
            finally:
                await browser.close()
            return sum(done)

    walks = asyncio.run(main())
    if problems:  # kept for a person to read: which walk, which page, what changed
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "walks-problems.txt").write_text("\n".join(map(repr, problems)) + "\n\n" + server["log"].read_text()[-5000:], encoding="utf-8")
    assert not problems, (problems[:3], server["log"].read_text()[-2000:])
    assert walks >= 28, walks


def test_the_last_twelve_months_preset_counts_back_from_the_newest_engagement(server):
    db = store.connect(server["db"], readonly=True)
    last = queries.default_period(db)[1]
    start, end = views.preset_range("12m", None, last)
    assert end == date.fromisoformat(last) and end - start == timedelta(days=364)
