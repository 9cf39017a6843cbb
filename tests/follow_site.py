"""A small news site on 127.0.0.1 for the follower's tests and benchmark: article pages, RSS,
Atom and news sitemaps built from the articles in tests/data/follow/ (written for the project),
conditional GET, and the bad behaviours a follower must survive. Requests are recorded."""

from __future__ import annotations

import hashlib
import html
import socket
import threading
import time
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

DATA = Path(__file__).resolve().parent / "data" / "follow"


def article(name: str) -> tuple[str, str]:
    """(headline, body) of a fixture article."""
    title, body = (DATA / f"{name}.txt").read_text(encoding="utf-8").split("\n", 1)
    return title.strip(), body.strip()


def page(title: str, body: str, site: str = "Example Times", lang: str = "en", published: str | None = None,
         canonical: str | None = None, header: str = "", footer: str = "", charset: str | None = "utf-8") -> str:  # fmt: skip
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
    meta = f'<meta charset="{charset}">' if charset else ""
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    if canonical:
        meta += f'<link rel="canonical" href="{canonical}">'
    return f"""<!doctype html><html lang="{lang}"><head>{meta}<title>{html.escape(title)}</title>
<meta property="og:site_name" content="{html.escape(site)}"><meta property="og:title" content="{html.escape(title)}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{html.escape(title)}</h1>{f'<p>{html.escape(header)}</p>' if header else ''}{paras}{f'<p>{html.escape(footer)}</p>' if footer else ''}</article>
<footer>© {html.escape(site)}. All rights reserved.</footer></body></html>"""


def rss(title: str, items: list[dict], lang: str = "en") -> str:
    out = []
    for it in items:
        out.append(
            f"<item><title>{html.escape(it['title'])}</title><link>{html.escape(it['link'])}</link>"
            f"<guid>{html.escape(it['link'])}</guid><pubDate>{html.escape(it.get('date', ''))}</pubDate></item>"
        )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{html.escape(title)}</title><link>http://example.org/</link><language>{lang}</language><description>test</description>{"".join(out)}</channel></rss>'


def atom(title: str, items: list[dict], lang: str = "ja") -> str:
    out = []
    for it in items:
        out.append(
            f"<entry><title>{html.escape(it['title'])}</title><link href=\"{html.escape(it['link'])}\"/><id>{html.escape(it['link'])}</id>"
            f"<published>{html.escape(it.get('date', ''))}</published><updated>{html.escape(it.get('date', ''))}</updated></entry>"
        )
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}"><title>{html.escape(title)}</title><id>urn:test:{html.escape(title)}</id><updated>2025-05-05T00:00:00Z</updated>{"".join(out)}</feed>'


def news_sitemap(items: list[dict]) -> str:
    out = []
    for it in items:
        out.append(
            f"<url><loc>{html.escape(it['link'])}</loc><news:news><news:publication><news:name>Example</news:name>"
            f"<news:language>{it.get('lang', 'hi')}</news:language></news:publication>"
            f"<news:publication_date>{it.get('date', '')}</news:publication_date><news:title>{html.escape(it['title'])}</news:title></news:news></url>"
        )
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{"".join(out)}</urlset>')  # fmt: skip


def gzip_bomb(size: int = 64 << 20) -> bytes:
    """`size` zero bytes, gzipped: about a thousandth of that on the wire."""
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    return b"".join(c.compress(block) for _ in range(size >> 20)) + c.flush()


Route = Callable[[BaseHTTPRequestHandler], None]


class Site:
    """Routes by path (query ignored unless a route names it). Static routes answer 304 to a
    matching If-None-Match unless made with etag=False."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        self.delay = 0.0
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go in two writes: no 40 ms delayed-ACK stall

            def do_GET(self):
                with site.lock:
                    site.requests.append((self.path, dict(self.headers.items())))
                route = site.routes.get(self.path) or site.routes.get(urlsplit(self.path).path)
                try:
                    if route is None:
                        self.send_error(404)
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n)
                with site.lock:
                    site.requests.append((self.path, {"body": body.decode("utf-8")}))
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        # a port that accepts connections and never answers
        self.silent = socket.socket()
        self.silent.bind(("127.0.0.1", 0))
        self.silent.listen(16)
        self.silent_port = self.silent.getsockname()[1]

    def start(self) -> Site:
        self.thread.start()
        return self

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.silent.close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> list[dict]:
        with self.lock:
            return [h for p, h in self.requests if p == path]

    # --- routes --------------------------------------------------------------------------------

    def static(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8", etag: bool = True, slow: bool = False) -> None:
        """`slow`: the page waits `site.delay` seconds (set at any time) before answering."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        tag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'

        def route(h: BaseHTTPRequestHandler) -> None:
            if slow and self.delay:
                time.sleep(self.delay)
            if etag and h.headers.get("If-None-Match") == tag:
                h.send_response(304)
                h.send_header("ETag", tag)
                h.send_header("Content-Length", "0")
                h.end_headers()
                return
            h.send_response(200)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(data)))
            if etag:
                h.send_header("ETag", tag)
            h.end_headers()
            h.wfile.write(data)

        self.routes[path] = route

    def status(self, path: str, code: int, headers: dict | None = None) -> None:
        def route(h: BaseHTTPRequestHandler) -> None:
            h.send_response(code)
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.send_header("Content-Length", "0")
            h.end_headers()

        self.routes[path] = route

    def endless(self, path: str, total: int = 100 << 20) -> None:
        """`total` bytes with no Content-Length, sent until the client hangs up."""

        def route(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Connection", "close")
            h.end_headers()
            chunk = b"<!-- padding -->" * 4096
            sent = 0
            while sent < total:
                h.wfile.write(chunk)
                sent += len(chunk)
            h.close_connection = True

        self.routes[path] = route

    def gzipped(self, path: str, data: bytes, ctype: str = "application/rss+xml") -> None:
        def route(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Encoding", "gzip")
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)

        self.routes[path] = route


WIRE_OUTLETS = [
    ("outlet-a", "Daily Sentinel", "Follow the Daily Sentinel on social media for the latest updates.", "Also read: monsoon session of Parliament to begin next week"),
    ("outlet-b", "Coastal Herald", "This story has not been edited by Coastal Herald staff and is published from a syndicated feed.", "Subscribe to our newsletter for the morning briefing."),
    ("outlet-c", "Metro Express", "Metro Express brings you the news that matters.", "Download the Metro Express app. Share this article with your friends."),
]


def news_site(site: Site) -> dict[str, str]:
    """The good part of the site: {name: source URL} of an RSS feed (English and Hindi items, one
    story at three addresses, a link robots.txt forbids), a wire feed (one story at three outlets),
    an Atom feed (a Japanese item dated 2025年5月5日), a news sitemap (Hindi) and a page."""
    u = site.url
    site.static("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    t, b = article("en_talks")
    site.static("/news/story-1", page(t, b, "Example Times", canonical=u("/news/story-1"), published="2025-05-05"))
    site.static("/amp/news/story-1", page(t, b, "Example Times", canonical=u("/news/story-1"), header="AMP edition"))
    t, b = article("hi_jimex")
    site.static("/hi/jimex", page(t, b, "उदाहरण समाचार", lang="hi", published="2025-06-10"))
    site.static("/private/secret", page("Not for robots", "This page is disallowed by robots.txt. " * 10))
    site.static("/feeds/en.rss", rss("Example Times — defence", [
        {"title": "India and Japan agree to widen maritime and industrial defence ties", "link": u("/news/story-1"), "date": "Mon, 05 May 2025 10:00:00 +0530"},
        {"title": "India and Japan agree to widen maritime and industrial defence ties (AMP)", "link": u("/amp/news/story-1"), "date": "Mon, 05 May 2025 10:00:00 +0530"},
        {"title": "India and Japan agree to widen maritime and industrial defence ties", "link": u("/news/story-1/?utm_source=twitter&utm_medium=social&fbclid=x1"), "date": "Mon, 05 May 2025 10:00:00 +0530"},
        {"title": "अरब सागर में भारत-जापान नौसेनाओं का अभ्यास जिमेक्स शुरू", "link": u("/hi/jimex"), "date": "Tue, 10 Jun 2025 09:00:00 +0530"},
        {"title": "Not for robots", "link": u("/private/secret"), "date": "Tue, 10 Jun 2025 09:00:00 +0530"},
    ]), "application/rss+xml")  # fmt: skip
    t, b = article("wire_coastguard")
    wire_items = []
    for slug, name, header, footer in WIRE_OUTLETS:
        site.static(f"/{slug}/coastguard", page(t, b, name, header=header, footer=footer, published="2025-06-12"))
        wire_items.append({"title": t, "link": u(f"/{slug}/coastguard"), "date": "Thu, 12 Jun 2025 18:00:00 +0530"})
    site.static("/feeds/wire.rss", rss("Wire round-up", wire_items), "application/rss+xml")
    t, b = article("ja_talks")
    site.static("/ja/talks", page(t, b, "サンプル新聞", lang="ja"))
    site.static("/feeds/ja.atom", atom("サンプル新聞 防衛", [{"title": t, "link": u("/ja/talks"), "date": "2025年5月5日"}]), "application/atom+xml")
    t, b = article("hi_sitemap")
    site.static("/hi/co-development", page(t, b, "उदाहरण समाचार", lang="hi"))
    site.static("/sitemaps/news.xml", news_sitemap([{"title": t, "link": u("/hi/co-development"), "date": "2025-06-20T08:00:00+05:30"}]), "application/xml")
    return {
        "rss": u("/feeds/en.rss"),
        "wire": u("/feeds/wire.rss"),
        "atom": u("/feeds/ja.atom"),
        "sitemap": u("/sitemaps/news.xml"),
    }


def bad_site(site: Site, items: int = 10_000) -> dict[str, str]:
    """Sources that must each be reported and skipped: {name: source URL}."""
    u = site.url
    site.static("/bad/malformed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken & unescaped</title><item><title>Half an item', "application/rss+xml")
    site.status("/bad/500.xml", 500)
    site.status("/bad/429.xml", 429, {"Retry-After": "120"})
    site.status("/bad/loop-a", 302, {"Location": "/bad/loop-b"})
    site.status("/bad/loop-b", 302, {"Location": "/bad/loop-a"})
    site.endless("/bad/huge.xml")
    site.gzipped("/bad/bomb.xml", gzip_bomb())
    t, b = article("hi_charset")
    # UTF-8 bytes declared as Latin-1 by the server
    site.static("/bad/charset", page(t, b, "उदाहरण समाचार", lang="hi", charset=None), "text/html; charset=iso-8859-1")
    big = [{"title": f"Item {i}", "link": u(f"/big/item-{i}"), "date": "Mon, 05 May 2025 10:00:00 +0000"} for i in range(items)]
    site.static("/bad/big.rss", rss("Ten thousand items", big), "application/rss+xml")
    for i in range(items):
        site.routes[f"/big/item-{i}"] = _gone
    site.status("/bad/to-ssh", 302, {"Location": "http://127.0.0.1:22/"})
    site.static("/bad/ssrf.rss", rss("Links to private ports", [
        {"title": "ssh", "link": "http://127.0.0.1:22/", "date": "Mon, 05 May 2025 10:00:00 +0000"},
        {"title": "redirect to ssh", "link": u("/bad/to-ssh"), "date": "Mon, 05 May 2025 10:00:00 +0000"},
        {"title": "file", "link": "file:///etc/passwd", "date": "Mon, 05 May 2025 10:00:00 +0000"},
    ]), "application/rss+xml")  # fmt: skip
    return {
        "malformed": u("/bad/malformed.xml"),
        "404": u("/bad/404.xml"),
        "500": u("/bad/500.xml"),
        "429": u("/bad/429.xml"),
        "silent": f"http://127.0.0.1:{site.silent_port}/feed.xml",
        "loop": u("/bad/loop-a"),
        "huge": u("/bad/huge.xml"),
        "bomb": u("/bad/bomb.xml"),
        "charset": u("/bad/charset"),
        "big": u("/bad/big.rss"),
        "ssrf": u("/bad/ssrf.rss"),
    }


def _gone(h: BaseHTTPRequestHandler) -> None:
    h.send_response(410)
    h.send_header("Content-Length", "0")
    h.end_headers()


def synthetic_site(site: Site, n: int, feeds: int = 1, prefix: str = "/synth", feed_etag: bool = True) -> list[str]:
    """`n` article pages built from the project's synthetic articles (dashboard/synth.py), listed
    by `feeds` RSS feeds; the feed URLs. The pages answer after `site.delay` seconds."""
    from dashboard import synth

    records = synth.generate(n, seed=11)
    per = -(-n // feeds)
    urls = []
    for f in range(feeds):
        items = []
        for i in range(f * per, min(n, (f + 1) * per)):
            r = records[i]
            path = f"{prefix}/a-{i}"
            site.static(path, page(r["title"], r["text"], r["source"], lang=r["language"], published=r["published"]), slow=True)
            items.append({"title": r["title"], "link": site.url(path), "date": "Mon, 05 May 2025 10:00:00 +0000"})
        site.static(f"{prefix}/feed-{f}.rss", rss(f"Synthetic {f}", items), "application/rss+xml", etag=feed_etag)
        urls.append(site.url(f"{prefix}/feed-{f}.rss"))
    return urls
