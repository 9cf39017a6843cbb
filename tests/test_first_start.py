"""A fresh clone's first start, opened in three browser tabs at once: the sample database is built
once, every tab shows the Overview, and no half-built or temporary file is left behind.
(`python scripts/stress.py first-start --trials 10` repeats it.)"""

from pathlib import Path

import pytest

from scripts import stress

pytestmark = pytest.mark.skipif(not Path(stress.CHROMIUM).exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")


def test_first_start_in_three_tabs_at_once_gives_one_working_database(tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=stress.CHROMIUM, args=stress.ARGS)
        try:
            problems = stress.trial_first_start(browser, tmp_path)
        finally:
            browser.close()
    assert not problems, problems + [(tmp_path / "server.log").read_text()[-3000:]]
