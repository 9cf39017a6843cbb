"""`python -m dashboard sources|follow|feed`: the follower's commands, registered by dashboard/cli.py."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

EXAMPLES = {
    "sources": "python -m dashboard sources add https://example.org/defence/rss.xml --name 'Example Defence' --every 30m --lang hi",
    "follow": "python -m dashboard follow --every 30m --db data/articles.db",
    "feed": "python -m dashboard feed --out new.atom --webhook https://hooks.example.org/dashboard",
}
LIST_COLUMNS = ["id", "name", "kind", "status", "last_fetch", "next_fetch", "last_outcome", "last_new", "last_duplicate", "last_near", "last_failed", "last_error", "url"]


def _err(msg: str) -> None:
    print(f"error: {msg}", file=sys.stderr)


def _open(args, create: bool = False):
    from dashboard import store

    path = store.db_path(args.db)
    if not path.exists() and not create:
        _err(f"database {path} does not exist; create it with: python -m dashboard ingest PATH... --db {path}")
        raise SystemExit(2)
    try:
        return store.connect(path)
    except store.StoreError as exc:
        _err(str(exc))
        raise SystemExit(2) from None


def _print_rows(rows: list[dict], cols: list[str], args) -> None:
    if getattr(args, "table", False):
        from dashboard.cli import _table

        print(_table([{c: ("" if r.get(c) is None else r.get(c)) for c in cols} for r in rows], cols))
    elif getattr(args, "csv", False):
        out = io.StringIO()
        w = csv.DictWriter(out, cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
        print(out.getvalue(), end="")
    else:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))


def cmd_sources(args) -> int:
    from dashboard.follow import schedule
    from dashboard.follow.urls import Policy, Refused, normalise, origin
    from dashboard.store import sources as src

    db = _open(args, create=args.action == "add")
    if args.action == "list":
        rows = src.sources(db)
        for r in rows:
            r.update({f"stories_{k}": v for k, v in src.story_counts(db, r["id"]).items()})
        _print_rows(rows, LIST_COLUMNS, args)
        return 0
    if args.action == "add":
        url = normalise(args.url)
        p = urlsplit(url)
        if p.scheme not in ("http", "https") or not p.hostname:
            _err(f"{args.url}: a source is an http or https URL")
            return 2
        try:
            every = schedule.seconds(args.every)
        except ValueError as exc:
            _err(str(exc))
            return 2
        allow = [origin(url)] if args.allow_private else []
        try:
            Policy(frozenset(allow)).check(url)
        except Refused as exc:
            if not exc.temporary:
                _err(f"{url}: {exc}")
                return 2
            print(f"warning: {exc}; added all the same", file=sys.stderr)
        row = src.add_source(db, url, args.name or p.hostname, int(every), args.lang, args.kind, allow)
        print(json.dumps(row, ensure_ascii=False))
        return 0
    s = src.get_source(db, args.source)
    if s is None:
        _err(f"no source {args.source!r} (give its id, URL or name; see: python -m dashboard sources list)")
        return 2
    if args.action == "pause":
        src.set_status(db, s["id"], "paused", "paused by hand")
    elif args.action == "resume":
        src.set_status(db, s["id"], "active")
    elif args.action == "remove":
        src.remove_source(db, s["id"])
        print(json.dumps({"removed": s["id"], "url": s["url"]}, ensure_ascii=False))
        return 0
    print(json.dumps(src.get_source(db, s["id"]), ensure_ascii=False))
    return 0


def cmd_follow(args) -> int:
    import threading

    from dashboard import store
    from dashboard.follow import schedule
    from dashboard.follow.http import Settings
    from dashboard.follow.rounds import Follower

    path = store.db_path(args.db)
    try:
        every = schedule.seconds(args.every) if args.every else None
    except ValueError as exc:
        _err(str(exc))
        return 2
    stop = threading.Event()
    schedule.stop_on_signals(stop, lambda m: print(m, file=sys.stderr, flush=True))
    settings = Settings(read_timeout=args.timeout, connect_timeout=min(args.timeout, 10.0), host_delay=args.host_delay)

    def on_event(url: str, outcome: str, reason: str | None) -> None:
        if not args.quiet:
            print(f"{outcome}: {url}" + (f": {reason}" if reason else ""), file=sys.stderr, flush=True)

    failed = False

    def one_round() -> None:
        nonlocal failed
        try:
            f = Follower(path, settings, stop, max_items=args.max_items, on_event=on_event)
            only = None
            if args.source or args.all:
                db = store.connect(path)
                from dashboard.store import sources as src

                picked = [src.get_source(db, ref) for ref in args.source] if args.source else src.sources(db)
                only = [s["id"] for s in picked if s]
                db.conn.close()
            summary = f.run_round(only)
        except store.StoreError as exc:
            _err(str(exc))
            failed = True
            return
        for s in summary.sources:
            print(s.line(), file=sys.stderr, flush=True)
        failed = failed or any(s.outcome == "failed" for s in summary.sources)
        print(json.dumps(summary.as_dict(), ensure_ascii=False), flush=True)
        if not summary.sources and not args.quiet:
            print("no source is due (python -m dashboard sources list shows when each is next fetched)", file=sys.stderr, flush=True)

    try:
        schedule.loop(one_round, every, stop)
    except KeyboardInterrupt:
        return 130
    return 1 if failed else 0


def cmd_feed(args) -> int:
    from dashboard.follow import alerts, schedule

    db = _open(args)
    try:
        since = schedule.seconds(args.since) if args.since else None
    except ValueError as exc:
        _err(str(exc))
        return 2
    rows = alerts.entries(db, limit=args.limit)
    if args.out:
        Path(args.out).write_bytes(alerts.atom(rows))
        print(f"wrote {args.out}: {len(rows)} engagement(s)", file=sys.stderr)
    code = 0
    if args.webhook:
        fresh = alerts.entries(db, limit=args.limit, since_s=since)
        done, errors = alerts.post_webhook(db, args.webhook, fresh)
        print(f"webhook {args.webhook}: {done} engagement(s) posted", file=sys.stderr)
        for e in errors:
            _err(e)
        code = 1 if errors else 0
    if not args.out and not args.webhook:
        for r in rows:
            print(json.dumps(alerts.payload(r), ensure_ascii=False))
    return code


def register(sub, db_help: str) -> None:
    sp = sub.add_parser("sources", help="add, list, pause, resume or remove followed sources (feeds, sitemaps, pages)", epilog=f"example: {EXAMPLES['sources']}")
    acts = sp.add_subparsers(dest="action", required=True)
    a = acts.add_parser("add", help="follow a feed, sitemap or article page", epilog=f"example: {EXAMPLES['sources']}")
    a.add_argument("url")
    a.add_argument("--name", help="how the source is shown (default: its host)")
    a.add_argument("--every", default="30m", help="how often to fetch it: 45s, 30m, 2h, 1d (default 30m)")
    a.add_argument("--lang", help="the language of its articles (hi, en, ja …) when the parser should not guess")
    a.add_argument("--kind", default="auto", choices=["auto", "feed", "sitemap", "page"], help="default: decided at the first fetch")
    a.add_argument("--allow-private", action="store_true", help="the source is on this machine or a private network: allow its host:port (only that)")
    ls = acts.add_parser("list", help="every source with its last fetch, next fetch, result and last error", epilog="example: python -m dashboard sources list --table")
    ls.add_argument("--table", action="store_true")
    ls.add_argument("--csv", action="store_true")
    for name, what in (("pause", "stop fetching a source for now"), ("resume", "fetch a paused source again"), ("remove", "stop following a source (its articles stay)")):
        x = acts.add_parser(name, help=what, epilog=f"example: python -m dashboard sources {name} 3")
        x.add_argument("source", help="id, URL or name")
    for x in (a, ls, *[acts.choices[n] for n in ("pause", "resume", "remove")]):
        x.add_argument("--db", help=db_help)
    sp.set_defaults(func=cmd_sources)

    sp = sub.add_parser("follow", help="fetch the due sources once, or every --every, storing new articles", epilog=f"example: {EXAMPLES['follow']}")
    sp.add_argument("--every", help="keep going: a round every 30m, 1h … (default: one round)")
    sp.add_argument("--source", action="append", help="only this source (id, URL or name; repeat for several), due or not")
    sp.add_argument("--all", action="store_true", help="every active source, due or not")
    sp.add_argument("--max-items", type=int, default=100, help="new links taken per source per round (default 100)")
    sp.add_argument("--host-delay", type=float, default=1.0, help="seconds between two requests to one host (default 1)")
    sp.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a server (default 20)")
    sp.add_argument("--db", help=db_help)
    sp.add_argument("-q", "--quiet", action="store_true", help="no line per link")
    sp.set_defaults(func=cmd_follow)

    sp = sub.add_parser("feed", help="an Atom feed of new engagements; optionally a JSON POST per new engagement to a webhook", epilog=f"example: {EXAMPLES['feed']}")
    sp.add_argument("--out", help="the Atom file to write")
    sp.add_argument("--webhook", help="POST each new engagement as JSON to this URL (once per engagement)")
    sp.add_argument("--limit", type=int, default=50, help="engagements in the feed (default 50)")
    sp.add_argument("--since", default="1d", help="the webhook gets engagements first reported within this long (default 1d)")
    sp.add_argument("--db", help=db_help)
    sp.set_defaults(func=cmd_feed)
