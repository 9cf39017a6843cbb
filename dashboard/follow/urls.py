"""URLs: the canonical form that makes one story at three addresses one URL (layer 1 of
de-duplication), and the rule that keeps fetching to public http(s) hosts.

courlan does the normalising (case, default ports, fragments, tracking parameters such as utm_*,
fbclid and amp=1); what it leaves — AMP paths, mobile hosts, trailing slashes — is folded here,
for the comparison key only: the URL fetched stays the one the site gave.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import courlan

_MOBILE_HOST = re.compile(r"^(?:www\.|m\.|mobile\.|amp\.)+")
_AMP_PATH = re.compile(r"(?:/amp(?=/|$)|\.amp(?=\.html?$|$)|/amp\.html?$)", re.I)
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|igshid|ref|ref_src|amp|outputType|output)$", re.I)


class Refused(Exception):
    """A URL that is not fetched, with the reason in plain words; `temporary` when it may work later."""

    def __init__(self, reason: str, temporary: bool = False):
        super().__init__(reason)
        self.temporary = temporary


def normalise(url: str) -> str:
    """The URL to fetch: absolute, normalised, without tracking parameters or a fragment."""
    url = url.strip()
    try:
        return courlan.normalize_url(url, strict=True)
    except Exception:  # courlan raises assorted errors on junk; junk is kept for the refusal message
        return url


def canonical_key(url: str) -> str:
    """One key for the canonical, AMP, mobile and tagged addresses of a page."""
    parts = urlsplit(normalise(url))
    host = _MOBILE_HOST.sub("", (parts.hostname or "").lower())
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    path = _AMP_PATH.sub("", parts.path or "/")
    path = re.sub(r"/{2,}", "/", path).rstrip("/") or "/"
    query = "&".join(
        sorted(q for q in parts.query.split("&") if q and not _TRACKING.match(q.split("=", 1)[0]))
    )
    return urlunsplit(("", host + port, path, query, ""))[2:]


def origin(url: str) -> str:
    """host:port, the unit a source's explicit permission for a private address covers."""
    p = urlsplit(url)
    port = p.port or (443 if p.scheme == "https" else 80)
    return f"{(p.hostname or '').lower()}:{port}"


@dataclass(frozen=True)
class Policy:
    """What a source may fetch: http(s) only, and private or loopback addresses only on the
    host:port pairs it was added for explicitly (so a feed's link cannot reach 127.0.0.1:22)."""

    allow_hosts: frozenset[str] = frozenset()

    def check(self, url: str) -> None:
        p = urlsplit(url)
        if p.scheme not in ("http", "https"):
            raise Refused(f"only http and https links are followed, not {p.scheme or 'a relative link'}: {url}")
        if not p.hostname:
            raise Refused(f"the link has no host: {url}")
        if p.username or p.password:
            raise Refused(f"links with a user name or password are not followed: {p.hostname}")
        try:
            port = p.port
        except ValueError:
            raise Refused(f"the link has an invalid port: {url}") from None
        where = origin(url)
        if where in self.allow_hosts:
            return
        for addr in _addresses(p.hostname, port or (443 if p.scheme == "https" else 80)):
            if not addr.is_global or addr.is_multicast:
                raise Refused(
                    f"{where} is a private or local address ({addr}); it is fetched only for a source added for it explicitly (--allow-private)"
                )


def _addresses(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(f"the host {host} cannot be found ({exc.args[-1] if exc.args else exc})", temporary=True) from None
    out = []
    for info in infos:
        a = ipaddress.ip_address(info[4][0].split("%")[0])
        if isinstance(a, ipaddress.IPv6Address) and a.ipv4_mapped:
            a = a.ipv4_mapped
        out.append(a)
    return out
