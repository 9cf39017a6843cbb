"""Spellings the parser missed, added from an article: into the local knowledge files, validated
like every other row, then the articles that contain the spelling re-parsed, with what changed.

A person, place, force, exercise or dialogue spelling goes to `aliases-local.csv`, an outlet's to
`outlet_aliases-local.csv`, in knowledge.local_dir() (beside the knowledge files unless
$DASHBOARD_KNOWLEDGE_LOCAL names another folder). A row the knowledge loader refuses is taken
out again and the reason (file, line, why) is shown.
"""

from __future__ import annotations

import csv
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dashboard import knowledge, readers, store
from dashboard.store import corrections as stored
from dashboard.store.connection import now

KINDS = ("person", "place", "organisation", "exercise", "dialogue", "outlet")
FILES = {"outlet": ("outlet_aliases", ("alias", "outlet"))}
DEFAULT_FILE = ("aliases", ("alias", "kind", "name", "context"))


class AliasError(ValueError):
    """A spelling that cannot be added; the message names the file, the line and the reason."""


def names_of(kind: str, kb=None) -> list[str]:
    """The canonical names a spelling of this kind may point to."""
    kb = kb or knowledge.default()
    table = {
        "person": kb.people,
        "place": kb.places,
        "organisation": kb.organisations,
        "exercise": kb.exercises,
        "dialogue": kb.dialogues,
        "outlet": kb.outlets.by_name if kb.outlets else {},
    }.get(kind)
    if table is None:
        raise AliasError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    return sorted(table)


def local_file(kind: str) -> Path:
    name, _cols = FILES.get(kind, DEFAULT_FILE)
    return knowledge.local_dir() / f"{name}-local.csv"


def _row(alias: str, kind: str, name: str) -> dict:
    if kind == "outlet":
        return {"alias": alias, "outlet": name}
    return {"alias": alias, "kind": kind, "name": name, "context": ""}


def known(alias: str, kind: str, name: str, kb=None) -> bool:
    """Does the knowledge already read this spelling as this name?"""
    kb = kb or knowledge.default()
    folded = knowledge.fold(alias)
    if kind == "outlet":
        return bool(kb.outlets) and kb.outlets.names.get(folded) == name
    return any(knowledge.fold(s) == folded for s, _p in kb.spellings.get((kind, name), []))


def add(alias: str, kind: str, name: str) -> Path:
    """Append the spelling to the local file and check the whole knowledge base loads with it;
    if it does not, the row is removed and AliasError says why. Returns the file written."""
    alias = unicodedata.normalize("NFC", (alias or "").strip().strip('"'))
    if not alias:
        raise AliasError("the spelling is empty")
    if "\n" in alias or len(alias) > 120:
        raise AliasError("a spelling is one line of at most 120 characters")
    if name not in names_of(kind):
        raise AliasError(f"{name!r} is not a known {kind}: choose one from the knowledge files")
    path = local_file(kind)
    _base, cols = FILES.get(kind, DEFAULT_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.read_bytes() if path.exists() else None
    with path.open("a", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, cols)
        if before is None or not before.strip():
            w.writeheader()
        elif not before.endswith(b"\n"):
            fh.write("\n")
        w.writerow(_row(alias, kind, name))
    try:
        knowledge.load(knowledge.KNOWLEDGE_DIR)
    except knowledge.KnowledgeError as exc:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)
        raise AliasError(str(exc)) from None
    finally:
        knowledge.default.cache_clear()
    return path


def ensure(row: dict) -> bool:
    """Add a spelling from an imported correction unless the knowledge has it (True: added)."""
    alias, kind, name = row.get("alias") or "", row.get("kind") or "", row.get("name") or ""
    if known(alias, kind, name):
        return False
    add(alias, kind, name)
    return True


def record(db, alias: str, kind: str, name: str, article_id: str, by: str, note: str = "") -> None:
    """The addition in the corrections log: who added which spelling, from which article."""
    item = {
        "uid": uuid.uuid4().hex,
        "batch": uuid.uuid4().hex,
        "target_kind": "knowledge",
        "target": article_id,
        "anchors": [article_id],
        "field": "alias",
        "old": None,
        "new": {"alias": alias, "kind": kind, "name": name},
        "extra": {"file": local_file(kind).name},
        "by": by,
        "at": now(),
        "note": note,
    }
    with store.write(db):
        stored.insert(db, [item])
        stored.set_states(db, {stored.rows(db, "WHERE uid = ?", [item["uid"]])[0]["id"]: ("applied", f"in {local_file(kind).name}")})


def affected(db, alias: str, article_id: str | None = None) -> list[str]:
    """The articles whose text contains the spelling (as a phrase), the given one first."""
    q = store.fts_query('"' + alias.replace('"', " ") + '"')
    ids = stored.matching_articles(db, q) if q else []
    if article_id:
        ids = [article_id] + [a for a in ids if a != article_id]
    return ids


@dataclass
class Change:
    id: str
    title: str
    how: str  # "from its file" | "from the stored text" | why it was not re-parsed
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)

    @property
    def changed(self) -> dict[str, tuple]:
        return {k: (self.before.get(k), self.after.get(k)) for k in self.after if self.before.get(k) != self.after.get(k)}


def _summary(rec: dict) -> dict:
    eng = rec.get("engagement") or {}
    return {
        "India–Japan": bool(rec.get("india_japan")),
        "people": sorted({p["name"] for p in rec.get("people") or []}),
        "participants": sorted(eng.get("participants") or []),
        "date": eng.get("date"),
        "type": eng.get("type"),
        "place": eng.get("place"),
        "source": rec.get("outlet"),
    }


def _file_of(source: str) -> Path | None:
    """The file a stored source names ("dir/export.json#3", "a.zip!b.txt"), if it is still there."""
    cuts = sorted({i for i, ch in enumerate(source) if ch in "#!"} | {len(source)})
    for cut in cuts:
        p = Path(source[:cut])
        if p.is_file():
            return p
    return None


def parse_again(stored_row: dict, kb) -> tuple[dict | None, str]:
    from dashboard.parse import parse_article

    source = stored_row["source_file"] or ""
    path = _file_of(source)
    if path is not None:
        for item in readers.read_path(path, source[: len(str(path))]):
            if isinstance(item, readers.ReadFailure) or item.source != source:
                continue
            rec = parse_article(item.text, item.meta, kb=kb, source=item.source).to_dict()
            rec["warnings"] = list(item.warnings) + rec["warnings"]
            return rec, "from its file"
    rec0 = stored_row["record"]
    meta = {"title": stored_row["title"], "published": rec0.get("published"), "url": stored_row["url"], "source": rec0.get("outlet")}
    return parse_article(stored_row["body"], meta, kb=kb, source=source).to_dict(), "from the stored text (its file is not at hand)"


def reparse(db, article_ids: list[str], progress: Callable[[int, int, str], None] | None = None) -> list[Change]:
    """Parse these articles again with today's knowledge and store what changed, then regroup
    once. `progress(done, total, title)` is called after each article."""
    from dashboard import ingest

    kb = knowledge.default()
    changes: list[Change] = []
    total = len(article_ids)
    with store.write(db):
        for i, aid in enumerate(article_ids, 1):
            row = stored.article_for_reparse(db, aid)
            if row is None:
                changes.append(Change(aid, aid, "not in the database"))
                continue
            before = _summary(row["record"])
            rec, how = parse_again(row, kb)
            prepared = store.prepare(rec, row["source_file"], bool(row["synthetic"]), row["ingested_at"])
            if prepared.id != aid:
                changes.append(Change(aid, row["title"], "not re-parsed: its text now reads differently (ingest its file again)", before, before))
            else:
                store.save_article(db, prepared)
                changes.append(Change(aid, row["title"], how, before, _summary(rec)))
            if progress:
                progress(i, total, row["title"])
        ingest.regroup(db)
    return changes
