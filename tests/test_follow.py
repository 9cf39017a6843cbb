"""The follower's parts on their own: canonical URLs, the address policy, feed item dates, feeds and
sitemaps, near-duplicates, the fetcher's caps and conditional GET (against a local server)."""

import time

import follow_site as fs
import pytest

from dashboard.follow import dates, feeds, neardup, schedule
from dashboard.follow.http import Fetcher, FetchError, Settings, retry_after
from dashboard.follow.urls import Policy, Refused, canonical_key, origin


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.example.com/news/story-1",
        "https://example.com/news/story-1/",
        "https://example.com/amp/news/story-1/",
        "https://example.com/news/story-1/amp",
        "https://example.com/news/story-1?amp=1",
        "https://m.example.com/news/story-1",
        "https://amp.example.com/news/story-1.amp",
        "https://EXAMPLE.com:443/news/story-1?utm_source=twitter&utm_medium=social&fbclid=abc#comments",
    ],
)
def test_one_story_at_many_addresses_has_one_key(variant):
    assert canonical_key(variant) == canonical_key("https://example.com/news/story-1")


def test_different_stories_keep_different_keys():
    assert canonical_key("https://example.com/news/story-1") != canonical_key("https://example.com/news/story-2")
    assert canonical_key("https://example.com/news?id=1") != canonical_key("https://example.com/news?id=2")
    assert canonical_key("https://example.com:8080/a") != canonical_key("https://example.com/a")


@pytest.mark.parametrize(
    "url, why",
    [
        ("http://127.0.0.1:22/", "private or local"),
        ("http://localhost/admin", "private or local"),
        ("http://10.1.2.3/feed", "private or local"),
        ("http://192.168.0.1/", "private or local"),
        ("http://169.254.169.254/latest/meta-data/", "private or local"),
        ("http://[::1]:8000/", "private or local"),
        ("http://0.0.0.0/", "private or local"),
        ("file:///etc/passwd", "only http and https"),
        ("ftp://example.org/feed.xml", "only http and https"),
        ("http://user:secret@example.org/", "user name or password"),
    ],
)
def test_private_addresses_and_other_schemes_are_refused(url, why):
    with pytest.raises(Refused, match=why):
        Policy().check(url)


def test_an_explicit_permission_covers_only_its_own_host_and_port():
    allowed = Policy(frozenset([origin("http://127.0.0.1:8123/feed.xml")]))
    allowed.check("http://127.0.0.1:8123/news/1")
    with pytest.raises(Refused):
        allowed.check("http://127.0.0.1:22/")


@pytest.mark.parametrize(
    "raw, parsed, expected",
    [
        ("2025年5月5日", time.strptime("2025-12-01", "%Y-%m-%d"), "2025-05-05"),  # feedparser's misreading is ignored
        ("２０２５年５月５日", None, "2025-05-05"),
        ("令和7年5月5日", None, "2025-05-05"),
        ("平成元年1月8日", None, "1989-01-08"),
        ("05 मई 2025", None, "2025-05-05"),
        ("May 5, 2025", None, "2025-05-05"),
        ("Mon, 05 May 2025 10:00:00 +0530", time.strptime("2025-05-05", "%Y-%m-%d"), "2025-05-05"),
        ("2025-05-05T10:00:00+05:30", time.strptime("2025-05-05", "%Y-%m-%d"), "2025-05-05"),
        ("", None, None),
        ("no date here", None, None),
    ],
)
def test_feed_item_dates(raw, parsed, expected, kb):
    assert dates.item_date(raw, parsed, kb) == expected


def test_an_atom_item_dated_in_japanese_is_read_as_5_may(kb):
    body = fs.atom("テスト", [{"title": "日印防衛相会談", "link": "http://example.org/ja/1", "date": "2025年5月5日"}]).encode()
    listing = feeds.read(body, "http://example.org/feed", "application/atom+xml", kb)
    assert listing.kind == "feed"
    assert listing.items == [feeds.Item("http://example.org/ja/1", "日印防衛相会談", "2025-05-05", "ja")]


def test_rss_and_news_sitemap_items(kb):
    rss = fs.rss("Feed", [{"title": "A", "link": "/news/a", "date": "Tue, 10 Jun 2025 09:00:00 +0530"}]).encode()
    listing = feeds.read(rss, "http://example.org/feed.xml", "application/rss+xml", kb)
    assert [(i.url, i.published, i.language) for i in listing.items] == [("http://example.org/news/a", "2025-06-10", "en")]
    sm = fs.news_sitemap([{"title": "भारत", "link": "http://example.org/hi/1", "date": "2025-06-20T08:00:00+05:30"}]).encode()
    listing = feeds.read(sm, "http://example.org/sitemap.xml", "application/xml", kb)
    assert listing.kind == "sitemap"
    assert listing.items == [feeds.Item("http://example.org/hi/1", "भारत", "2025-06-20", "hi")]


def test_malformed_xml_is_a_plain_error(kb):
    with pytest.raises(feeds.ListingError, match="malformed feed XML"):
        feeds.read(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x & y</title><item><title>half', "http://e.org/f", "application/rss+xml", kb)
    with pytest.raises(feeds.ListingError, match="malformed sitemap XML"):
        feeds.read(b'<?xml version="1.0"?><urlset><url><loc>http://e.org/a</loc>', "http://e.org/s", "application/xml", kb)


def test_sitemap_entities_are_not_expanded(kb):
    xxe = b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]><urlset><url><loc>http://e.org/&x;</loc></url></urlset>'
    listing = feeds.read(xxe, "http://e.org/s", "application/xml", kb)
    assert all("root:" not in i.url for i in listing.items)


def test_wire_copy_with_other_boilerplate_is_a_near_duplicate_and_other_stories_are_not():
    t, body = fs.article("wire_coastguard")
    index = neardup.Index()
    index.add("a", "a", neardup.signature(body))
    for _slug, _name, header, footer in fs.WIRE_OUTLETS:
        hit = index.match(neardup.signature(f"{header}\n{body}\n{footer}"))
        assert hit and hit[1] == "a" and hit[2] > 0.6
    for other in ("en_talks", "hi_jimex", "hi_sitemap", "hi_charset"):
        assert index.match(neardup.signature(fs.article(other)[1])) is None


def test_hindi_words_with_vowel_signs_count_for_near_duplicates():
    """Two Hindi texts differing only in words with vowel signs are not near-duplicates (simhash
    over str.isalnum() tokens would see them as one)."""
    a = "भारत और जापान ने समुद्री सुरक्षा पर बातचीत की " * 5
    b = "भारत और जापान ने आतंकवाद विरोधी सहयोग पर घोषणा की " * 5
    assert neardup.signature(a).jaccard(neardup.signature(b)) < neardup.THRESHOLD
    sig = neardup.from_bytes(neardup.to_bytes(neardup.signature(a)))
    assert sig.jaccard(neardup.signature(a)) == 1.0


@pytest.mark.parametrize("text, secs", [("30m", 1800), ("45s", 45), ("2h", 7200), ("1d", 86400), ("15", 900)])
def test_durations(text, secs):
    assert schedule.seconds(text) == secs


def test_a_bad_duration_says_how_to_write_one():
    with pytest.raises(ValueError, match="30m"):
        schedule.seconds("soon")


def test_retry_after_in_seconds_or_as_a_date():
    assert retry_after("120") == 120
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0
    assert retry_after("junk") is None


@pytest.fixture(scope="module")
def site():
    s = fs.Site().start()
    yield s
    s.close()


def fetcher(**kw):
    return Fetcher(Settings(host_delay=0, read_timeout=1, connect_timeout=1, deadline=5, max_bytes=1 << 20, max_decoded=2 << 20, **kw))


def test_conditional_get_sends_the_etag_and_handles_304(site):
    site.static("/c/feed.xml", fs.rss("c", []), "application/rss+xml")
    f = fetcher()
    pol = Policy(frozenset([origin(site.url("/"))]))
    first = f.get(site.url("/c/feed.xml"), pol)
    assert first.status == 200 and first.headers["etag"]
    again = f.get(site.url("/c/feed.xml"), pol, etag=first.headers["etag"])
    assert again.not_modified
    assert site.hits("/c/feed.xml")[-1]["If-None-Match"] == first.headers["etag"]
    assert "india-japan-dashboard-follow" in site.hits("/c/feed.xml")[-1]["User-Agent"]


def test_a_gzip_bomb_stops_at_the_decompressed_cap(site):
    site.gzipped("/c/bomb", fs.gzip_bomb(16 << 20))
    with pytest.raises(FetchError, match="compression bomb") as e:
        fetcher().get(site.url("/c/bomb"), Policy(frozenset([origin(site.url("/"))])))
    assert e.value.kind == "hard"


def test_a_redirect_to_a_private_port_is_refused_at_the_hop(site):
    site.status("/c/to-ssh", 302, {"Location": "http://127.0.0.1:22/"})
    with pytest.raises(FetchError, match="127.0.0.1:22 is a private"):
        fetcher().get(site.url("/c/to-ssh"), Policy(frozenset([origin(site.url("/"))])))


def test_the_per_host_delay_spaces_requests(site):
    site.static("/c/a", "a", "text/plain")
    f = Fetcher(Settings(host_delay=0.3, robots=False))
    pol = Policy(frozenset([origin(site.url("/"))]))
    f.get(site.url("/c/a"), pol)
    t = time.monotonic()
    f.get(site.url("/c/a"), pol)
    assert time.monotonic() - t >= 0.25
