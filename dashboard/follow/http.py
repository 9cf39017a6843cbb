"""Fetching politely and safely: one httpx client, timeouts, size caps (also after gzip), conditional
GET, robots.txt, a delay per host, Retry-After, and redirects followed by hand so that every hop
passes the same address check as the first.

Every failure is a FetchError with a weight (hard: the address is wrong or refused; temporary: it
may work later; soft: the page was fetched but is no use) and a reason an analyst can read.
"""

from __future__ import annotations

import email.utils
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib import robotparser
from urllib.parse import urljoin, urlsplit

import httpx

from dashboard.follow.urls import Policy, Refused, origin

MB = 1 << 20
USER_AGENT = "india-japan-dashboard-follow/1.0 (+news follower for an analyst dashboard; polite: robots.txt, 1 request/s per host)"
REASONS = {
    400: "bad request",
    401: "needs a login",
    403: "forbidden",
    404: "not found",
    410: "gone",
    429: "too many requests",
    500: "server error",
    502: "bad gateway",
    503: "service unavailable",
    504: "gateway timeout",
}


class FetchError(Exception):
    def __init__(self, kind: str, reason: str, retry_after: float | None = None):
        super().__init__(reason)
        self.kind = kind  # hard, temporary or soft
        self.reason = reason
        self.retry_after = retry_after


class Stopped(Exception):
    """The follower was asked to stop while waiting for its turn at a host."""


@dataclass
class Settings:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # the whole response, however slowly it drips
    max_bytes: int = 10 << 20  # as sent
    max_decoded: int = 30 << 20  # after gzip/deflate
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between two requests to one host
    robots: bool = True
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), at most a day."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), 86400.0)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, min((when - datetime.now(UTC)).total_seconds(), 86400.0))


class Fetcher:
    def __init__(self, settings: Settings | None = None, stop: threading.Event | None = None):
        self.settings = s = settings or Settings()
        self.stop = stop or threading.Event()
        self.client = httpx.Client(
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            follow_redirects=False,
            headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate"},
            trust_env=False,
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, robotparser.RobotFileParser | None] = {}
        self._robots_failed: dict[str, FetchError] = {}
        self._lock = threading.Lock()
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    def get(
        self,
        url: str,
        policy: Policy,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
        robots: bool = True,
        max_bytes: int | None = None,
    ) -> Response:
        """GET with the source's policy; 304 comes back as a Response, every failure as FetchError."""
        s = self.settings
        for _hop in range(s.max_redirects + 1):
            try:
                policy.check(url)
            except Refused as exc:
                raise FetchError("temporary" if exc.temporary else "hard", str(exc)) from None
            if robots and s.robots and not self._allowed(url, policy):
                raise FetchError("hard", f"robots.txt of {urlsplit(url).hostname} does not allow {urlsplit(url).path or '/'}")
            self._wait_turn(url)
            headers = {"Accept": accept}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            try:
                resp = self._request(url, headers, max_bytes or s.max_bytes)
            except httpx.TimeoutException:
                raise FetchError("temporary", f"{origin(url)} did not answer within {s.read_timeout:g} s") from None
            except httpx.ConnectError as exc:
                raise FetchError("temporary", f"cannot connect to {origin(url)} ({_short(exc)})") from None
            except httpx.HTTPError as exc:
                raise FetchError("temporary", f"{origin(url)}: {type(exc).__name__}: {_short(exc)}") from None
            if resp.status in (301, 302, 303, 307, 308):
                loc = resp.headers.get("location")
                if not loc:
                    raise FetchError("hard", f"{url} redirects without saying where")
                url = urljoin(url, loc)
                continue
            if resp.status == 304 or 200 <= resp.status < 300:
                return resp
            what = REASONS.get(resp.status, "HTTP error")
            wait = retry_after(resp.headers.get("retry-after"))
            if resp.status in (429, 503) or resp.status >= 500:
                extra = f"; asked to wait {wait:g} s" if wait is not None else ""
                raise FetchError("temporary", f"{url} answered {resp.status} ({what}){extra}", wait)
            raise FetchError("hard", f"{url} answered {resp.status} ({what})")
        raise FetchError("hard", f"more than {s.max_redirects} redirects, the last to {url} (a redirect loop?)")

    def _request(self, url: str, headers: dict, max_bytes: int) -> Response:
        s = self.settings
        with self._lock:
            self.requests += 1
        with self.client.stream("GET", url, headers=headers) as r:
            hdrs = {k.lower(): v for k, v in r.headers.items()}
            if r.status_code != 200:
                # an error page, a redirect or a 304: its body is not needed; a short one is read
                # so the connection can be used again
                n = hdrs.get("content-length", "")
                if n.isdigit() and int(n) <= 65536:
                    r.read()
                return Response(str(r.url), r.status_code, hdrs)
            declared = hdrs.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError("hard", f"{url} is {int(declared) / MB:.0f} MB; the limit is {max_bytes / MB:.0f} MB")
            body = self._read_body(r, url, hdrs.get("content-encoding", "").lower().strip(), max_bytes, time.monotonic() + s.deadline)
        return Response(str(r.url), 200, hdrs, body)

    def _read_body(self, r: httpx.Response, url: str, encoding: str, max_bytes: int, deadline: float) -> bytes:
        s = self.settings
        dec = None
        if encoding in ("gzip", "x-gzip"):
            dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            dec = zlib.decompressobj()
        elif encoding not in ("", "identity"):
            raise FetchError("soft", f"{url} is sent with an unsupported encoding ({encoding})")
        raw = 0
        out = bytearray()
        try:
            for chunk in r.iter_raw(65536):
                raw += len(chunk)
                if raw > max_bytes:
                    raise FetchError("hard", f"{url} is larger than the {max_bytes / MB:.0f} MB limit; stopped reading")
                if time.monotonic() > deadline:
                    raise FetchError("temporary", f"{url} took longer than {s.deadline:g} s to send")
                if dec is None:
                    out += chunk
                    continue
                buf = chunk
                while buf:
                    out += dec.decompress(buf, s.max_decoded - len(out) + 1)
                    if len(out) > s.max_decoded:
                        raise FetchError(
                            "hard",
                            f"{url} unpacks to more than {s.max_decoded / MB:.0f} MB (a compression bomb?); stopped",
                        )
                    buf = dec.unconsumed_tail
        except zlib.error as exc:
            raise FetchError("soft", f"{url} is sent as {encoding} but does not unpack ({exc})") from None
        return bytes(out)

    def _wait_turn(self, url: str) -> None:
        """One request per host every host_delay seconds (longer if robots.txt asks for it)."""
        host = origin(url)
        delay = self.settings.host_delay
        rp = self._robots.get(host)
        if rp is not None:
            cd = rp.crawl_delay(self.settings.user_agent)
            if cd:
                delay = max(delay, min(float(cd), 60.0))
        while True:
            with self._lock:
                wait = self._last.get(host, 0.0) + delay - time.monotonic()
                if wait <= 0:
                    self._last[host] = time.monotonic()
                    return
            if self.stop.wait(wait):
                raise Stopped()

    def _allowed(self, url: str, policy: Policy) -> bool:
        host = origin(url)
        if host in self._robots_failed:  # a host that failed once this round is not asked again
            raise self._robots_failed[host]
        if host not in self._robots:
            try:
                self._robots[host] = self._load_robots(url, policy)
            except FetchError as exc:
                self._robots_failed[host] = exc
                raise
        rp = self._robots[host]
        return rp is None or rp.can_fetch(self.settings.user_agent, url)

    def _load_robots(self, url: str, policy: Policy) -> robotparser.RobotFileParser | None:
        """robots.txt of the URL's host; None when there is none (everything allowed). A host that
        does not answer or fails (5xx) makes the fetch fail as temporary, as RFC 9309 says."""
        p = urlsplit(url)
        robots_url = f"{p.scheme}://{p.netloc}/robots.txt"
        try:
            resp = self.get(robots_url, policy, accept="text/plain", robots=False, max_bytes=500_000)
        except FetchError as exc:
            if exc.kind == "temporary":
                raise FetchError("temporary", f"robots.txt could not be read: {exc.reason}", exc.retry_after) from None
            return None  # 4xx, too large, refused redirect: treated as no robots.txt
        rp = robotparser.RobotFileParser(robots_url)
        rp.parse(resp.body.decode("utf-8", "replace").splitlines())
        return rp


def _short(exc: Exception) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:200]
