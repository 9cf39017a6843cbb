"""Following sources: feeds, sitemaps and article pages fetched on a schedule, de-duplicated in
three layers (canonical URL, text hash, near-duplicate wire copy), with alerts.

urls (canonical form, address policy) · http (polite, capped fetching) · feeds (what a source
lists) · dates (feed item dates) · extract (page → text and metadata) · neardup (MinHash) ·
rounds (one follow round, through the same store operations as an ingest) · alerts (new since a
visit, watches, Atom feed, webhook) · schedule (durations, the loop, signals).
"""
