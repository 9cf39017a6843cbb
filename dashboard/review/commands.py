"""`python -m dashboard correct|corrections|review`: reviewers' commands, registered by dashboard/cli.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path

EXAMPLES = {
    "correct": "python -m dashboard correct engagement e1a2b3c4d5e6 --set date=2020-12-22 --set type=phone_call --by 'A. Sharma' --note 'MEA readout' --db data/articles.db",
    "corrections": "python -m dashboard corrections export --out corrections.json --db data/articles.db",
    "review": "python -m dashboard review --limit 20 --table --db data/articles.db",
}
LOG_COLUMNS = ["at", "by", "kind", "target", "change", "note", "state"]
QUEUE_COLUMNS = ["n", "kind", "id", "why", "label", "reasons"]


def _err(msg: str) -> None:
    print(f"error: {msg}", file=sys.stderr)


def _print(rows: list[dict], cols: list[str], args) -> None:
    from dashboard.follow.commands import _print_rows

    _print_rows(rows, cols, args)


def cmd_correct(args) -> int:
    from dashboard.follow.commands import _open
    from dashboard.review import fields, service

    db = _open(args)
    try:
        changes = fields.parse_assignments(args.kind, args.set or [])
        evidence = {}
        if args.kind == "engagement":
            for area in args.add_area or []:
                changes[f"area:{area}"] = fields.read_value("engagement", f"area:{area}", True)
                if args.evidence:
                    evidence[f"area:{area}"] = args.evidence
            for area in args.remove_area or []:
                changes[f"area:{area}"] = fields.read_value("engagement", f"area:{area}", False)
            if args.merge:
                changes["merge"] = args.merge
            if args.split:
                changes["split"] = args.split
        elif args.add_area or args.remove_area or args.merge or args.split:
            raise fields.BadValue("--add-area, --remove-area, --merge and --split are for engagements")
        if args.reviewed:
            changes[fields.REVIEWED] = True
        if not changes:
            raise fields.BadValue("nothing to correct: give --set FIELD=VALUE (or --merge, --split, --add-area, --reviewed)")
        if args.kind == "engagement":
            saved = service.correct_engagement(db, args.id, changes, args.by, args.note or "", evidence=evidence)
        else:
            saved = service.correct_article(db, args.id, changes, args.by, args.note or "")
    except (fields.BadValue, service.NotFound) as exc:
        _err(str(exc))
        return 2
    out = {"saved": bool(saved.batch), "batch": saved.batch, "fields": saved.fields, "engagement": saved.target}
    if not saved.batch:
        out["message"] = "nothing changed: every value was already as given"
    print(json.dumps(out, ensure_ascii=False))
    return 0


def cmd_corrections(args) -> int:
    from dashboard.follow.commands import _open
    from dashboard.review import exchange, service

    if args.action == "export":
        db = _open(args)
        data = exchange.export(db)
        text = json.dumps(data, ensure_ascii=False, indent=1)
        if args.out and args.out != "-":
            Path(args.out).write_text(text + "\n", encoding="utf-8")
            print(f"{args.out}: {len(data['corrections'])} corrections")
        else:
            print(text)
        return 0
    if args.action == "import":
        if not args.file:
            _err("name the file to import: corrections import FILE")
            return 2
        try:
            data = json.loads(Path(args.file).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            _err(f"{args.file}: cannot be read as JSON: {exc}")
            return 2
        db = _open(args)
        try:
            result = exchange.import_(db, data)
        except ValueError as exc:
            _err(f"{args.file}: {exc}")
            return 2
        for p in result["problems"]:
            _err(f"{args.file}: {p}")
        print(json.dumps({k: v for k, v in result.items() if k != "problems"}))
        return 1 if result["problems"] else 0
    db = _open(args)
    if args.action == "undo":
        if not args.by:
            _err("say who is undoing: --by NAME")
            return 2
        done = service.undo(db, args.by, batch=args.batch, only_mine=args.mine)
        print(json.dumps({"undone": done}, ensure_ascii=False))
        return 0 if done else 1
    if args.action == "history":
        if not args.file:
            _err("name the engagement: corrections history ENGAGEMENT_ID")
            return 2
        rows = service.history(db, args.file)
    else:
        rows = service.review_log(db, limit=args.limit)
    _print(rows, LOG_COLUMNS, args)
    return 0


def cmd_review(args) -> int:
    from dashboard.follow.commands import _open
    from dashboard.review import queue

    db = _open(args)
    items, done = queue.load(db)
    total = len(items) + done
    print(f"{done} of {total} reviewed", file=sys.stderr)
    rows = [
        {"n": i, "kind": it.kind, "id": it.id, "why": queue.TIER_WORDS[it.tier], "label": it.label, "reasons": "; ".join(it.reasons)}
        for i, it in enumerate(items[: args.limit] if args.limit else items, 1)
    ]
    _print(rows, QUEUE_COLUMNS, args)
    return 0


def register(sub, db_help: str) -> None:
    sp = sub.add_parser(
        "correct",
        help="correct an engagement or an article; the correction holds through every ingest, regrouping and rebuild",
        epilog=f"example: {EXAMPLES['correct']}",
    )
    sp.add_argument("kind", choices=("engagement", "article"))
    sp.add_argument("id", help="engagement id (also one from before a regrouping) or article id")
    sp.add_argument("--set", action="append", metavar="FIELD=VALUE",
                    help="engagement: date (YYYY-MM-DD, YYYY-MM or FIRST..LAST), end_date, type, status, place, india, japan (names; separated by ;), relevant (false: not an India–Japan engagement); article: relevant, published, source, engagement (an engagement id, or new)")  # fmt: skip
    sp.add_argument("--add-area", action="append", metavar="AREA", help="add a cooperation area (with --evidence)")
    sp.add_argument("--remove-area", action="append", metavar="AREA", help="remove a cooperation area")
    sp.add_argument("--evidence", help="the sentence that shows an added area")
    sp.add_argument("--merge", metavar="ENGAGEMENT", help="merge with this engagement")
    sp.add_argument("--split", action="append", metavar="ARTICLE", help="split this report off into an engagement of its own (repeat for several)")
    sp.add_argument("--reviewed", action="store_true", help="mark it reviewed: right as shown")
    sp.add_argument("--by", required=True, help="who is correcting")
    sp.add_argument("--note", help="why (optional)")
    sp.add_argument("--db", help=db_help)
    sp.set_defaults(func=cmd_correct)

    sp = sub.add_parser(
        "corrections",
        help="the review log; export, import, undo, history of an engagement",
        epilog=f"example: {EXAMPLES['corrections']}; python -m dashboard corrections import corrections.json --db other.db",
    )
    sp.add_argument("action", choices=("list", "export", "import", "undo", "history"))
    sp.add_argument("file", nargs="?", help="import: the exported file; history: the engagement id")
    sp.add_argument("--out", help="export: write here (default: standard output)")
    sp.add_argument("--by", help="undo: who is undoing")
    sp.add_argument("--batch", help="undo: this save instead of the latest")
    sp.add_argument("--mine", action="store_true", help="undo: the latest save of --by")
    sp.add_argument("--limit", type=int, default=500)
    sp.add_argument("--table", action="store_true")
    sp.add_argument("--csv", action="store_true")
    sp.add_argument("--db", help=db_help)
    sp.set_defaults(func=cmd_corrections)

    sp = sub.add_parser("review", help="the review queue: what most needs a human, worst first", epilog=f"example: {EXAMPLES['review']}")
    sp.add_argument("--limit", type=int, default=50)
    sp.add_argument("--table", action="store_true")
    sp.add_argument("--csv", action="store_true")
    sp.add_argument("--db", help=db_help)
    sp.set_defaults(func=cmd_review)
