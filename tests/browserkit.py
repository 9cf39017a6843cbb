"""What the browser tests share: the app under `streamlit run` on a loopback port, Debian's chromium
driven by Playwright, and an analyst's hands (click a menu entry, pick a chip, click a chart mark).

Each test file starts its own server and browser (module scope): Playwright's sync API allows one
instance per thread, and other test files start their own.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlparse

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.dataset.testScriptState === 'notRunning'
    && !document.querySelector('[data-stale="true"]')
    && !document.querySelector('[data-testid="stSkeleton"]');
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def app_server(db_path: Path, env: dict[str, str] | None = None):
    """`streamlit run app.py` on a free loopback port with DASHBOARD_DB=db_path (and `env`); yields its URL and log."""
    port = free_port()
    log = db_path.parent / f"server-{port}.log"
    env = {**os.environ, "DASHBOARD_DB": str(db_path), **(env or {})}
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.25)
        else:
            raise RuntimeError("streamlit did not start:\n" + log.read_text())
        yield {"url": url, "log": log, "db": db_path}
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def copy_db(sample_db: Path, target_dir: Path, name: str) -> Path:
    path = target_dir / name
    shutil.copy(sample_db, path)
    return path


class Analyst:
    """One browser tab on the app, with the moves an analyst makes and the things they read."""

    def __init__(self, page, server: dict):
        self.page = page
        self.server = server
        self.outside: list[str] = []
        page.on("request", lambda r: self.outside.append(r.url) if not r.url.startswith((server["url"], "data:", "blob:")) else None)

    # --- waiting -----------------------------------------------------------
    def idle(self, timeout: int = 30_000) -> None:
        """Until Streamlit has run the script to its end and nothing on screen is stale (call it
        once the run has begun: after() and menu() first wait for the URL the run writes)."""
        self.page.wait_for_function(IDLE, timeout=timeout)

    def after(self, action, timeout: int = 30_000) -> None:
        """Do something that changes the view, then wait until the app shows the new one: the URL
        (written at the top of each run) changes first, then the run ends."""
        before = self.page.url
        action()
        self.page.wait_for_function("(u) => location.href !== u", arg=before, timeout=timeout)
        self.idle(timeout)

    def lands(self, path: str, action, timeout: int = 30_000) -> None:
        """Do something that opens another page (a chart mark, a link), and wait until that page
        has run: a switch sets the URL's query first and its path after."""
        action()
        self.page.wait_for_function("(p) => location.pathname === p", arg=path, timeout=timeout)
        self.idle(timeout)

    def log(self) -> str:
        return self.server["log"].read_text()[-3000:]

    # --- moving ------------------------------------------------------------
    def open(self, path: str = "", query: str = "") -> None:
        self.page.goto(f"{self.server['url']}/{path}{('?' + query) if query else ''}")
        self.page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=30_000)
        self.idle(60_000)

    def menu(self, page: str, hindi: bool = False) -> None:
        """Click a page in the sidebar menu (by its key: 'timeline'), in the language shown."""
        from dashboard import labels
        from dashboard.pages.state import PAGES

        link = self.page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"] a', has_text=labels.t(page, hindi, labels.MENU)).first
        target = "/" + PAGES[page][1]
        here = self.page.evaluate("() => location.pathname") == target
        before = self.page.url
        link.click()
        if here:  # the page already open: its link reruns it with the same URL
            self.page.wait_for_timeout(300)
        else:
            self.page.wait_for_function("([p, u]) => location.pathname === p && location.href !== u", arg=[target, before], timeout=30_000)
        self.idle()

    def click_point(self, chart: int, nth: int) -> None:
        """Click a chart's nth mark by its coordinates (plotly's drag layer swallows element clicks)."""
        points = self.page.locator(".js-plotly-plot").nth(chart).locator(".scatterlayer path.point")
        points.first.wait_for(timeout=30_000)
        self.page.locator(".js-plotly-plot").nth(chart).scroll_into_view_if_needed()
        box = points.nth(nth).bounding_box()
        self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def click_mark(self, chart: int, customdata) -> None:
        """Click the mark of a single-trace chart (the area grid) whose customdata is this."""
        i = self.page.evaluate(
            "([c, want]) => (document.querySelectorAll('.js-plotly-plot')[c].data[0].customdata || []).findIndex(d => JSON.stringify(d) === JSON.stringify(want))",
            [chart, customdata],
        )
        assert i >= 0, f"no mark {customdata}"
        self.click_point(chart, i)

    def choose(self, label: str, option: str) -> None:
        """Pick an option in a sidebar multiselect, as a person does: open it, type, press Enter."""
        box = self.page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]', has=self.page.get_by_text(label, exact=True)).get_by_role("combobox")
        box.click()
        box.fill(option)
        self.after(lambda: self.page.keyboard.press("Enter"))
        self.page.keyboard.press("Escape")

    def type_date(self, label: str, value: str) -> None:
        """Type a date into a date field (its year, month and day segments); it counts when the
        field loses focus, as when a person clicks elsewhere."""
        field = self.page.locator(f'[data-testid="stSidebar"] [role="group"][aria-label="{label}"]')
        field.locator('[data-type="year"]').click()
        self.page.keyboard.type(value.replace("-", ""))
        self.after(lambda: self.page.locator("h1").first.click())

    # --- reading -----------------------------------------------------------
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.page.url).query)

    def sidebar(self) -> dict:
        """What the sidebar shows chosen: chips per filter, dates, search text, the Hindi switch."""
        sb = self.page.locator('[data-testid="stSidebar"]')
        chips = {}
        for ms in sb.locator('[data-testid="stMultiSelect"]').all():
            label = ms.locator('[data-testid="stWidgetLabel"]').inner_text().strip()
            chips[label] = sorted(ms.locator("[data-tag]").all_inner_texts())
        dates = sb.locator('[data-testid="stDateInput"] input').evaluate_all("els => els.map(e => e.value)")
        search = sb.locator('[data-testid="stTextInput"] input').first.input_value()
        hindi = sb.get_by_role("switch").first.is_checked() if sb.get_by_role("switch").count() else sb.locator('input[type="checkbox"]').first.is_checked()
        return {"chips": chips, "dates": dates, "search": search, "hindi": hindi}

    def metrics(self) -> list[str]:
        return self.page.locator('[data-testid="stMetricValue"]').all_inner_texts()

    def marks(self, chart: int = 0) -> int:
        return self.page.locator(".js-plotly-plot").nth(chart).locator(".scatterlayer path.point").count()

    def errors(self) -> list[str]:
        return self.page.locator('[data-testid="stException"]').all_inner_texts()

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
