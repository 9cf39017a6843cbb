"""The dashboard for a team: `streamlit run serve.py` serves app.py with security headers on every
response (Streamlit's config has no option for them; its ASGI App takes middleware).

    streamlit run serve.py --server.address 0.0.0.0 --server.port 8501

Put it behind a TLS proxy and configure the login (README: "Deploying for a team").
"""

import streamlit as st
from starlette.middleware import Middleware

# What a browser may do with these pages: never frame them (clickjacking), never guess a type,
# send no referrer off the site, and use no camera, microphone or location.
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"),
    (b"referrer-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Plain ASGI middleware: adds HEADERS to every HTTP response (the websocket is left alone)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [(k, v) for k, v in HEADERS if k not in names]
            await send(message)

        return await self.app(scope, receive, with_headers)


app = st.App("app.py", middleware=[Middleware(SecurityHeaders)])
