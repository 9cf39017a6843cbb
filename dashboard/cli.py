"""`python -m dashboard COMMAND`: the command line, in the manner of sqlite-utils."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dashboard import readers

EXAMPLES = {
    "ingest": "python -m dashboard ingest data/sample --db data/articles.db",
    "search": 'python -m dashboard search "आतंकवाद*" --db data/articles.db',
    "stats": "python -m dashboard stats --db data/articles.db",
    "engagements": "python -m dashboard engagements --db data/articles.db --json",
    "synth": "python -m dashboard synth --articles 10000 --db /tmp/synthetic.db",
    "brief": "python -m dashboard brief --from 2024-01-01 --to 2025-12-31 --type exercise --out briefing.pptx",
    "parse": "python -m dashboard parse tests/golden/001_rajnath-nakatani-delhi-talks.txt --json",
    "check-knowledge": "python -m dashboard check-knowledge",
}


def _err(msg: str) -> None:
    print(f"error: {msg}", file=sys.stderr)


def _summary(d: dict) -> str:
    lines = [
        d["source"],
        f"  title:     {d['title']}",
        f"  language:  {d['language']}    published: {d['published'] or '—'}",
    ]
    e = d["engagement"]
    if d["india_japan"] and e:
        lines.append(
            f"  India–Japan engagement: {e['type']}, {e['status']}, {e['date'] or 'date unknown'}, {e['place'] or 'place unknown'}"
        )
        lines.append(f"  participants: {', '.join(e['participants']) or '—'}")
    else:
        lines.append("  not an India–Japan engagement")
    if d["dates"]:
        lines.append(
            "  dates:     "
            + "; ".join(f"{x['date'] or '?'} {x['role']} «{x['text']}»" for x in d["dates"])
        )
    if d["people"]:
        lines.append(
            "  people:    " + ", ".join(f"{p['name']} ({p['country']})" for p in d["people"])
        )
    if d["areas"]:
        lines.append("  areas:     " + ", ".join(f"{a['id']} ×{a['count']}" for a in d["areas"]))
    for w in d["warnings"]:
        lines.append(f"  warning:   {w}")
    return "\n".join(lines)


def cmd_parse(args) -> int:
    from dashboard import knowledge
    from dashboard.parse import parse_article

    kb = knowledge.default()
    failed = 0
    for item in readers.read_all(args.paths):
        if isinstance(item, readers.ReadFailure):
            failed += 1
            _err(f"{item.source}: {item.reason}")
            continue
        try:
            art = parse_article(item.text, item.meta, kb=kb, source=item.source)
        except Exception as exc:  # a parser bug on one article must not stop the batch
            failed += 1
            _err(f"{item.source}: parser failed: {type(exc).__name__}: {exc}")
            continue
        d = art.to_dict()
        d["warnings"] = list(item.warnings) + d["warnings"]
        if args.json:
            print(json.dumps(d, ensure_ascii=False))
        else:
            print(_summary(d) + "\n")
    return 1 if failed else 0


def cmd_check_knowledge(args) -> int:
    from dashboard import knowledge

    try:
        kb = knowledge.load(args.dir) if args.dir else knowledge.load()
    except knowledge.KnowledgeError as exc:
        _err(str(exc))
        return 1
    print(
        f"ok: {len(kb.people)} people, {len(kb.places)} places, {len(kb.organisations)} organisations, "
        f"{len(kb.exercises)} exercises, {len(kb.dialogues)} dialogues, {len(kb.areas)} areas, "
        f"{len(kb.outlets.by_name) if kb.outlets else 0} outlets"
    )
    return 0


def _open(args):
    from dashboard import store

    path = store.db_path(args.db)
    if not path.exists():
        _err(f"database {path} does not exist; create it with: python -m dashboard ingest PATH... --db {path}")
        raise SystemExit(2)
    try:
        # an older database is upgraded in place on first use; reads never create a file
        return store.connect(path, readonly=False)
    except store.StoreError as exc:
        _err(str(exc))
        raise SystemExit(2) from None


def cmd_ingest(args) -> int:
    from dashboard import ingest, store

    path = store.db_path(args.db)
    try:
        if args.rebuild:
            summary = {}

            def fill(tmp):
                store.corrections.carry(path, tmp)  # reviewers' corrections move into the new file
                summary["s"] = ingest.ingest(args.paths, tmp, workers=args.workers, progress=not args.quiet)

            store.build_atomically(path, fill)
            s = summary["s"]
        else:
            s = ingest.ingest(args.paths, path, workers=args.workers, progress=not args.quiet)
    except store.StoreError as exc:
        _err(str(exc))
        return 2
    print(f"{path}: {s.line()}")
    for source, reason in s.failed:
        print(f"failed: {source}: {reason}", file=sys.stderr)
    return 1 if s.failed else 0


def cmd_search(args) -> int:
    from dashboard import queries

    db = _open(args)
    for row in queries.search(db, args.query, limit=args.limit, expand=not args.exact):
        print(json.dumps(row, ensure_ascii=False))
    return 0


def _table(rows: list[dict], cols: list[str]) -> str:
    widths = {c: max([len(c)] + [len(str(r.get(c, ""))) for r in rows]) for c in cols}
    widths = {c: min(w, 60) for c, w in widths.items()}
    line = "  ".join(c.ljust(widths[c]) for c in cols)
    out = [line, "  ".join("-" * widths[c] for c in cols)]
    for r in rows:
        out.append("  ".join(str(r.get(c, ""))[: widths[c]].ljust(widths[c]) for c in cols))
    return "\n".join(out)


def cmd_stats(args) -> int:
    from dashboard import queries

    st = queries.stats(_open(args))
    if args.json:
        print(json.dumps(st, ensure_ascii=False, indent=1))
        return 0
    for title, d in (("table", st["tables"]), ("language", st["articles_per_language"]), ("year", st["articles_per_year"])):
        print(_table([{title: k, "rows": v} for k, v in d.items()], [title, "rows"]) + "\n")
    print(f"India–Japan articles: {st['india_japan_articles']}; synthetic: {st['synthetic_articles']}")
    return 0


def cmd_engagements(args) -> int:
    from dashboard import queries

    db = _open(args)
    df = queries.engagements(db)
    by_engagement = queries.articles_by_engagement(db)
    rows = []
    for e in df.to_dict("records"):
        arts = by_engagement.get(e["id"], [])
        rows.append(
            {
                "id": e["id"],
                "date": e["date"],
                "type": e["type"],
                "status": e["status"],
                "place": e["place"],
                "participants": e["participants"],
                "areas": list(e["areas"]),
                "corrected": e["corrected"],  # {field: {by, at, note}} for the fields reviewers set
                "articles": [
                    {"title": a["title"], "source": a["outlet"], "language": a["language"], "file": a["source_file"], "url": a["url"]}
                    for a in arts
                ],
            }
        )
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    flat = [
        {
            **{k: ("" if v is None or v != v else v) for k, v in r.items()},  # v != v: NaN
            "participants": ", ".join(r["participants"]),
            "areas": ", ".join(r["areas"]),
            "articles": len(r["articles"]),
            "corrected": ", ".join(r["corrected"]),
        }
        for r in rows
    ]
    print(_table(flat, ["date", "type", "status", "place", "participants", "articles", "areas", "corrected"]))
    return 0


def cmd_synth(args) -> int:
    import tempfile

    from dashboard import ingest, store, synth

    path = store.db_path(args.db)
    records = synth.generate(args.articles, seed=args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out or tmp
        synth.write(records, folder, seed=args.seed)
        s = ingest.ingest([str(folder)], path, synthetic=True, workers=args.workers, progress=not args.quiet, command="synth")
    print(f"{path}: {args.articles} synthetic articles written; {s.line()}")
    return 1 if s.failed else 0


def cmd_brief(args) -> int:
    from dataclasses import replace

    from tqdm import tqdm

    from dashboard import briefing, export, queries

    db = _open(args)
    f = queries.Filters(
        types=tuple(args.type or ()),
        statuses=tuple(args.status or ()),
        areas=tuple(args.area or ()),
        people=tuple(args.person or ()),
        languages=tuple(args.lang or ()),
        sources=tuple(args.source or ()),
        text=args.q or "",
    )
    first, last = queries.default_period(db)
    date_from, date_to = args.date_from or first, args.date_to or last
    outs = args.out
    kinds = {Path(o).suffix.lower() for o in outs}
    unknown = kinds - {".html", ".pdf", ".pptx", ".xlsx", ".csv", ".png"}
    if unknown:
        _err(f"cannot write {', '.join(sorted(unknown))}: use .html, .pdf, .pptx, .xlsx, .csv or .png")
        return 2
    steps = ["read", "build"] + (["charts"] if kinds & {".html", ".pdf", ".pptx", ".png"} else []) + (["images"] if kinds & {".pptx", ".png"} else []) + ["write"]
    bar = tqdm(total=len(steps), desc="brief", unit="step", file=sys.stderr, disable=args.quiet)
    inputs = queries.briefing_inputs(db, f, date_from, date_to, compare_from=args.compare_from, compare_to=args.compare_to)
    bar.update()
    b = briefing.build(**inputs, filters_text=queries.describe(f))
    bar.update()
    hi = args.hindi
    figs = images = None
    if "charts" in steps:
        figs = export.figures(b, hi)
        bar.update()
    if "images" in steps:
        images = {k: export.to_png(v) for k, v in figs.items()}
        bar.update()
    frames = export.tables(b, queries.articles(db, replace(f, date_from=date_from, date_to=date_to), limit=1_000_000, india_japan_only=True), hi)
    for out in outs:
        p = Path(out)
        kind = p.suffix.lower()
        if kind == ".html":
            p.write_text(export.to_html(b, export.figures(b, hi, with_map=True), hi, args.paper), encoding="utf-8")
        elif kind == ".pdf":
            p.write_bytes(export.to_pdf(export.to_html(b, export.figures(b, hi, with_map=True), hi, args.paper)))
        elif kind == ".pptx":
            p.write_bytes(export.to_pptx(b, figs, images, hi))
        elif kind == ".xlsx":
            p.write_bytes(export.to_xlsx(frames, b, hi))
        elif kind == ".csv":
            for name, df in frames.items():
                p.with_name(f"{p.stem}_{name}.csv").write_bytes(export.to_csv(df))
        elif kind == ".png":
            for name, img in images.items():
                p.with_name(f"{p.stem}_{name}.png").write_bytes(img)
    bar.update()
    bar.close()
    print(b.summary(hi))
    print(f"wrote {', '.join(outs)} ({date_from} to {date_to}; {len(b.engagements)} held, {len(b.planned)} planned)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m dashboard", description="India–Japan defence news: parse, store, explore."
    )
    sub = p.add_subparsers(dest="command", required=True)

    sp = sub.add_parser(
        "parse",
        help="parse articles and print their records",
        epilog=f"example: {EXAMPLES['parse']}",
    )
    sp.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders (txt, html, json, jsonl, csv, zip)",
    )
    sp.add_argument("--json", action="store_true", help="one JSON object per article per line")
    sp.set_defaults(func=cmd_parse)

    db_help = "database file (default: $DASHBOARD_DB or data/articles.db)"
    sp = sub.add_parser("ingest", help="parse files and folders into the database", epilog=f"example: {EXAMPLES['ingest']}")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--db", help=db_help)
    sp.add_argument("--workers", type=int, default=None, help="parser processes (default: all cores)")
    sp.add_argument("--rebuild", action="store_true", help="build a new database from PATHs and swap it in atomically")
    sp.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("search", help="full-text search in any script (a name also in its other spellings); JSON lines with a snippet", epilog=f"example: {EXAMPLES['search']}")
    sp.add_argument("query")
    sp.add_argument("--db", help=db_help)
    sp.add_argument("--limit", type=int, default=20)
    sp.add_argument("--exact", action="store_true", help="search only what was typed, not a name's other spellings")
    sp.set_defaults(func=cmd_search)

    sp = sub.add_parser("stats", help="counts per table, language and year", epilog=f"example: {EXAMPLES['stats']}")
    sp.add_argument("--db", help=db_help)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_stats)

    sp = sub.add_parser("engagements", help="each engagement with its articles", epilog=f"example: {EXAMPLES['engagements']}")
    sp.add_argument("--db", help=db_help)
    sp.add_argument("--json", action="store_true", help="one JSON object per engagement per line")
    sp.set_defaults(func=cmd_engagements)

    sp = sub.add_parser("synth", help="write N synthetic articles and ingest them (scale tests)", epilog=f"example: {EXAMPLES['synth']}")
    sp.add_argument("--articles", type=int, required=True)
    sp.add_argument("--db", help=db_help)
    sp.add_argument("--out", help="also keep the generated files in this folder")
    sp.add_argument("--seed", type=int, default=7)
    sp.add_argument("--workers", type=int, default=None)
    sp.add_argument("-q", "--quiet", action="store_true")
    sp.set_defaults(func=cmd_synth)

    sp = sub.add_parser("brief", help="a briefing for a period: HTML, PDF, PPTX, XLSX, CSV or PNG", epilog=f"example: {EXAMPLES['brief']}")
    sp.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD (default: a year before the latest engagement)")
    sp.add_argument("--to", dest="date_to", help="last day, YYYY-MM-DD")
    sp.add_argument("--type", action="append", help="engagement type (repeat for several)")
    sp.add_argument("--status", action="append", help="held, planned or ongoing")
    sp.add_argument("--area", action="append", help="cooperation area id")
    sp.add_argument("--person", action="append", help="participant's canonical name")
    sp.add_argument("--lang", action="append", help="article language (hi, en, mixed …)")
    sp.add_argument("--source", action="append", help="outlet")
    sp.add_argument("--q", help="full-text search")
    sp.add_argument("--out", action="append", required=True, help="output file: .html, .pdf, .pptx, .xlsx, .csv or .png (repeat for several)")
    sp.add_argument("--compare-from", help="compare with a period from this day (default: the period of equal length just before)")
    sp.add_argument("--compare-to", help="... to this day")
    sp.add_argument("--hindi", action="store_true", help="labels, headings and summary in Hindi")
    sp.add_argument("--paper", choices=("A4", "Letter"), default="A4", help="PDF page size (default A4)")
    sp.add_argument("--db", help=db_help)
    sp.add_argument("-q", "--quiet", action="store_true")
    sp.set_defaults(func=cmd_brief)

    sp = sub.add_parser(
        "check-knowledge",
        help="validate data/knowledge/",
        epilog=f"example: {EXAMPLES['check-knowledge']}",
    )
    sp.add_argument("--dir", help="another knowledge folder")
    sp.set_defaults(func=cmd_check_knowledge)

    from dashboard.follow import commands as follow_commands  # sources, follow, feed

    follow_commands.register(sub, db_help)
    from dashboard.review import commands as review_commands  # correct, corrections, review

    review_commands.register(sub, db_help)

    from dashboard import launch  # app

    launch.register(sub, db_help)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
