"""`streamlit run serve.py`, the team deployment: every response carries the security headers,
and the app still draws in Chromium under them (no blocked script or frame)."""

import shutil
import urllib.request
from pathlib import Path

import pytest

from scripts import stress

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not Path(stress.CHROMIUM).exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")


def test_security_headers_on_every_response_and_the_app_still_draws(sample_db, tmp_path):
    from playwright.sync_api import sync_playwright

    db = tmp_path / "s.db"
    shutil.copy(sample_db, db)
    proc, url = stress.serve(ROOT, tmp_path / "server.log", env={"DASHBOARD_DB": str(db)}, script="serve.py")
    try:
        for path in ("/", "/_stcore/health", "/articles"):
            headers = urllib.request.urlopen(url + path, timeout=10).headers
            assert headers["X-Frame-Options"] == "DENY", path
            assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert headers["Referrer-Policy"] == "same-origin"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=stress.CHROMIUM, args=stress.ARGS)
            pg = browser.new_page()
            blocked: list[str] = []
            pg.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
            pg.goto(url)
            pg.wait_for_selector('[data-testid="stMetric"]', timeout=60_000)
            pg.wait_for_selector(".js-plotly-plot", timeout=60_000)
            browser.close()
        assert not blocked, blocked
    finally:
        stress.stop(proc)
