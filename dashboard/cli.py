"""`python -m dashboard COMMAND`: the command line, in the manner of sqlite-utils."""

from __future__ import annotations

import argparse
import json
import sys

from dashboard import readers

EXAMPLES = {
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
        f"{len(kb.exercises)} exercises, {len(kb.dialogues)} dialogues, {len(kb.areas)} areas"
    )
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

    sp = sub.add_parser(
        "check-knowledge",
        help="validate data/knowledge/",
        epilog=f"example: {EXAMPLES['check-knowledge']}",
    )
    sp.add_argument("--dir", help="another knowledge folder")
    sp.set_defaults(func=cmd_check_knowledge)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
