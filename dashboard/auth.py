"""Who may do what on a shared dashboard: an optional login (Streamlit's st.login, any OpenID
Connect provider) and two roles. Viewers read everything; editors may also change the data
(upload, follow sources, corrections). Pages ask `can_edit()` before offering a change.

Configured in .streamlit/secrets.toml. Without an [auth] section there is no login and the one
person at the machine may do everything, as before:

    [auth]
    redirect_uri = "https://dashboard.example.org/oauth2callback"
    cookie_secret = "a long random string"
    client_id = "..."
    client_secret = "..."
    server_metadata_url = "https://login.example.org/.well-known/openid-configuration"

    [roles]
    editors = ["a.sharma@example.org", "*@analysis.example.org"]
    viewers = ["*@example.org"]      # who may sign in at all; default: anyone the provider knows
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping

import streamlit as st

from dashboard.highlight import markdown_escape

VIEWER, EDITOR = "viewer", "editor"


def role_for(email: str | None, roles: Mapping) -> str | None:
    """The role of a signed-in address under a [roles] table (patterns like *@example.org);
    None: not let in. An editor is a viewer too."""
    email = (email or "").strip().lower()
    if not email:
        return None

    def among(key: str, default: list[str]) -> bool:
        patterns = roles.get(key, default)
        if isinstance(patterns, str):
            patterns = [patterns]
        return any(fnmatch.fnmatchcase(email, str(p).strip().lower()) for p in patterns)

    if among("editors", []):
        return EDITOR
    if among("viewers", ["*"]):
        return VIEWER
    return None


def enabled() -> bool:
    """Is a login configured (an [auth] section in the secrets)?"""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _roles() -> Mapping:
    try:
        return st.secrets.get("roles", {})
    except Exception:
        return {}


def user_email() -> str | None:
    if not enabled() or not st.user.is_logged_in:
        return None
    return st.user.get("email") or st.user.get("sub")


def current_role() -> str | None:
    if not enabled():
        return EDITOR  # one person on their own machine
    if not st.user.is_logged_in:
        return None
    return role_for(user_email(), _roles())


def can_edit() -> bool:
    return current_role() == EDITOR


def who() -> str:
    """For the ingest log and corrections: the signed-in address, or '' without a login."""
    return user_email() or ""


def gate() -> None:
    """Called by app.py before any page: with a login configured, nothing shows before signing in,
    and an address the [roles] table does not let in sees only a refusal."""
    if not enabled():
        return
    if not st.user.is_logged_in:
        st.title("India–Japan defence relations")
        st.write("This dashboard is shared with a team: sign in to read it.")
        st.button("Sign in", type="primary", on_click=st.login, key="auth_login")
        st.stop()
    role = current_role()
    if role is None:
        st.error(f"{markdown_escape(user_email() or '')} may not use this dashboard. Ask its administrator to add you to [roles].")
        st.button("Sign out", on_click=st.logout, key="auth_logout")
        st.stop()
    with st.sidebar:
        st.caption(f"Signed in as {markdown_escape(user_email() or '')} ({role})")
        st.button("Sign out", on_click=st.logout, key="auth_logout")


def require_editor(what: str) -> None:
    """Stop the page with a plain message unless the user may change data."""
    if not can_edit():
        st.info(f"{what} needs an editor. You are signed in as a viewer: ask an administrator for editor rights.")
        st.stop()
