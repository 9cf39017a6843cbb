"""A shared deployment: sign-in through Streamlit's st.login against a real OpenID Connect provider
(oidc-provider-mock, started here on 127.0.0.1), viewers who read, editors who may also add
articles, and addresses that are not let in. Driven in Chromium as a person signs in."""

import shutil
import threading
from pathlib import Path

import pytest

from dashboard import auth
from scripts import stress

pytestmark = pytest.mark.skipif(not Path(stress.CHROMIUM).exists(), reason="Debian chromium is installed by scripts/setup.sh --dev")
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "email, roles, role",
    [
        ("a.sharma@example.org", {"editors": ["a.sharma@example.org"]}, "editor"),
        ("A.Sharma@Example.ORG", {"editors": ["a.sharma@example.org"]}, "editor"),
        ("b@analysis.example.org", {"editors": ["*@analysis.example.org"], "viewers": ["*@example.org"]}, "editor"),
        ("c@example.org", {"editors": ["a@example.org"], "viewers": ["*@example.org"]}, "viewer"),
        ("d@elsewhere.org", {"viewers": ["*@example.org"]}, None),
        ("anyone@anywhere.org", {}, "viewer"),  # no [roles]: whoever the provider signs in may read
        ("", {}, None),
        (None, {"viewers": "*"}, None),
        ("e@example.org", {"editors": "e@example.org"}, "editor"),  # one address as a plain string
    ],
)
def test_roles_from_the_roles_table(email, roles, role):
    assert auth.role_for(email, roles) == role


@pytest.fixture(scope="module")
def provider():
    import oidc_provider_mock
    import werkzeug.serving

    app = oidc_provider_mock.app()
    srv = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()


@pytest.fixture(scope="module")
def shared_app(provider, sample_db, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("auth")
    db = tmp / "team.db"
    shutil.copy(sample_db, db)
    port = stress.free_port()
    secrets = tmp / "secrets.toml"
    secrets.write_text(
        f"""[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "a-test-cookie-secret-that-is-long-enough"
client_id = "dashboard"
client_secret = "dashboard-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[roles]
editors = ["editor@example.org"]
viewers = ["*@example.org"]
""",
        encoding="utf-8",
    )
    proc, url = stress.serve(ROOT, tmp / "server.log", env={"DASHBOARD_DB": str(db)}, port=port, extra=["--secrets.files", str(secrets)])
    yield url
    stress.stop(proc)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=stress.CHROMIUM, args=stress.ARGS)
        yield b
        b.close()


def sign_in(browser, url: str, email: str):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    pg.goto(url)
    pg.get_by_role("button", name="Sign in").click(timeout=30_000)
    pg.wait_for_selector('input[name="sub"]', timeout=30_000)  # the provider's own sign-in form
    pg.fill('input[name="sub"]', email)
    pg.get_by_role("button", name="Authorize").click()
    pg.wait_for_url(url + "/**", timeout=30_000)
    return ctx, pg


def test_nothing_shows_before_signing_in(browser, shared_app):
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.goto(shared_app + "/articles")
    pg.wait_for_selector("text=sign in to read it", timeout=30_000)
    assert pg.locator('[data-testid="stMetric"]').count() == 0
    assert pg.locator('[data-testid="stDataFrame"]').count() == 0
    ctx.close()


def test_a_viewer_reads_but_cannot_upload(browser, shared_app):
    ctx, pg = sign_in(browser, shared_app, "viewer@example.org")
    pg.wait_for_selector('[data-testid="stMetric"]', timeout=60_000)
    assert "Signed in as viewer@example.org (viewer)" in pg.inner_text('[data-testid="stSidebar"]')
    pg.goto(shared_app + "/ingest")
    pg.wait_for_selector("text=needs an editor", timeout=30_000)
    assert pg.locator('[data-testid="stFileUploaderDropzoneInput"]').count() == 0
    ctx.close()


def test_an_editor_may_upload(browser, shared_app):
    ctx, pg = sign_in(browser, shared_app, "editor@example.org")
    pg.wait_for_selector('[data-testid="stMetric"]', timeout=60_000)
    pg.goto(shared_app + "/ingest")
    pg.wait_for_selector('[data-testid="stFileUploaderDropzoneInput"]', state="attached", timeout=30_000)
    assert "Signed in as editor@example.org (editor)" in pg.inner_text('[data-testid="stSidebar"]')
    ctx.close()


def test_an_address_outside_the_team_is_refused(browser, shared_app):
    ctx, pg = sign_in(browser, shared_app, "someone@elsewhere.org")
    pg.wait_for_selector("text=may not use this dashboard", timeout=60_000)
    assert pg.locator('[data-testid="stMetric"]').count() == 0
    ctx.close()
