"""Correction controls, shown where an analyst sees a mistake: the Timeline detail, the Briefing
step, the Articles detail and the Review page all call these. Every save goes through
review/service.py (one write transaction that checks what the form was built from), so a second
editor of the same record is warned instead of silently overwriting the first."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape as esc

import pandas as pd
import streamlit as st

from dashboard import auth, cached, knowledge, labels, names, store
from dashboard.models import ENGAGEMENT_TYPES, STATUSES
from dashboard.queries import Filters
from dashboard.review import aliases, service
from dashboard.review.fields import SIDES, BadValue, field_word, mark, marks_line

W = {
    "correct": ("✎ Correct this engagement", "✎ इस बैठक को सुधारें"),
    "correct_article": ("✎ Correct this article", "✎ इस लेख को सुधारें"),
    "your_name": ("Your name (kept for this session, written beside each correction)", "आपका नाम (इस सत्र के लिए, हर सुधार के साथ लिखा जाता है)"),
    "date": ("Date (YYYY-MM-DD, or YYYY-MM)", "तिथि (YYYY-MM-DD या YYYY-MM)"),
    "end_date": ("Last day (for several days)", "अंतिम दिन (कई दिनों के लिए)"),
    "type": ("Type", "प्रकार"),
    "status": ("Status", "स्थिति"),
    "place": ("Place", "स्थान"),
    "india": ("India's side", "भारत की ओर से"),
    "japan": ("Japan's side", "जापान की ओर से"),
    "areas": ("Areas discussed", "चर्चा के क्षेत्र"),
    "evidence": ("The sentence that shows an area you add", "जोड़े गए क्षेत्र को दिखाने वाला वाक्य"),
    "not_ij": ("Not an India–Japan engagement", "भारत–जापान बैठक नहीं"),
    "note": ("Note (optional)", "टिप्पणी (वैकल्पिक)"),
    "save": ("Save correction", "सुधार सहेजें"),
    "saved": ("Saved: {what}. Every page now shows it.", "सहेजा गया: {what}। अब हर पृष्ठ पर यही दिखेगा।"),
    "marked": ("Marked reviewed: it leaves the review queue until new reports arrive for it.", "समीक्षित: नई रिपोर्ट आने तक यह कतार से हट गया।"),
    "nothing": ("Nothing differed from what is shown; nothing was saved.", "कुछ भी बदला नहीं; कुछ सहेजा नहीं गया।"),
    "conflict": ("Someone changed this record since you opened it. {why}", "आपके खोलने के बाद किसी ने इसे बदला। {why}"),
    "save_anyway": ("Save mine anyway", "फिर भी मेरा सहेजें"),
    "reload": ("Discard mine and reload", "मेरा छोड़ें, नया देखें"),
    "reports": ("Its reports: merge or split", "इसकी रिपोर्टें: जोड़ें या अलग करें"),
    "merge_with": ("Merge with", "इसके साथ जोड़ें"),
    "merge": ("Merge", "जोड़ें"),
    "split_off": ("Reports to split off into an engagement of their own", "अलग बैठक बनाने वाली रिपोर्टें"),
    "split": ("Split off", "अलग करें"),
    "right": ("✓ Right as shown", "✓ जैसा दिखा, सही है"),
    "undo": ("↶ Undo my last correction", "↶ मेरा पिछला सुधार वापस लें"),
    "undone": ("Undone: {what}.", "वापस लिया गया: {what}।"),
    "no_undo": ("You have no correction to undo.", "वापस लेने को आपका कोई सुधार नहीं।"),
    "history": ("History of this engagement", "इस बैठक का इतिहास"),
    "no_history": ("No correction yet.", "अभी कोई सुधार नहीं।"),
    "viewer": ("Corrections need an editor: you are signed in as a viewer.", "सुधार के लिए संपादक होना ज़रूरी है।"),
    "relevant": ("India–Japan article", "भारत–जापान लेख"),
    "published": ("Published (YYYY-MM-DD)", "प्रकाशित (YYYY-MM-DD)"),
    "source": ("Source", "स्रोत"),
    "move_to": ("Engagement it reports", "यह किस बैठक की रिपोर्ट है"),
    "keep": ("— as it is —", "— जैसा है —"),
    "new_engagement": ("an engagement of its own", "अपनी अलग बैठक"),
    "spelling": ("Add a spelling the parser missed", "छूटी हुई वर्तनी जोड़ें"),
    "spelling_text": ("Spelling, as written in the article", "वर्तनी, जैसी लेख में लिखी है"),
    "kind": ("It is a", "यह है"),
    "name": ("Of", "किसकी"),
    "add_reparse": ("Add and re-parse", "जोड़ें और फिर से पढ़ें"),
    "reparsing": ("Re-parsing {i} of {n}: {title}", "फिर से पढ़ा जा रहा है {i}/{n}: {title}"),
    "what_changed": ("What changed", "क्या बदला"),
    "no_change": ("Re-parsed {n} article(s); nothing they say changed.", "{n} लेख फिर से पढ़े; कुछ नहीं बदला।"),
    "not_in_text": ("That spelling is not in this article's text.", "यह वर्तनी इस लेख में नहीं है।"),
}
KIND_WORDS = {"person": ("person", "व्यक्ति"), "place": ("place", "स्थान"), "organisation": ("force or organisation", "सेना या संगठन"), "exercise": ("exercise", "अभ्यास"), "dialogue": ("dialogue", "संवाद"), "outlet": ("outlet", "समाचार स्रोत")}


PICK = {False: "Choose", True: "चुनें"}  # a picker's empty text (Streamlit's own is English)


def w(key: str, hi: bool, **fmt) -> str:
    en, hin = W[key]
    text = hin if hi else en
    return text.format(**fmt) if fmt else text


def _reader(path: str):
    return cached.connection(path, cached.stamp(path))


def _flash(key: str, kind: str, text: str) -> None:
    st.session_state[f"rv_flash_{key}"] = (kind, text)


def _show_flash(key: str) -> None:
    got = st.session_state.pop(f"rv_flash_{key}", None)
    if got:
        getattr(st, got[0])(got[1])


def reviewer(hi: bool, key: str, ask: bool = True) -> tuple[bool, str]:
    """(may correct, who): the signed-in editor, or the name typed once per session (asked here
    until it is given, unless the page asks elsewhere)."""
    if auth.enabled():
        return auth.can_edit(), auth.who()
    name = st.session_state.get("rv_name", "")
    if not name and ask:
        st.text_input(w("your_name", hi), key=f"rv_name_{key}", max_chars=120, on_change=_keep_name, args=(key,))
        name = (st.session_state.get(f"rv_name_{key}") or "").strip()
    return True, name


def _keep_name(key: str) -> None:
    _remember_name((st.session_state.get(f"rv_name_{key}") or "").strip())


def mark_reviewed(path: str, kind: str, target: str, hi: bool, key: str, by: str) -> None:
    """"Right as shown": the item leaves the review queue until new reports arrive for it."""
    st.session_state["rv_path"] = path
    _save(key, hi, kind, target, {"reviewed": True}, by, "")


def _remember_name(name: str) -> None:
    if name and not auth.enabled():
        st.session_state["rv_name"] = name


def marks(row, hi: bool) -> None:
    """One line per corrected field under a detail's header: "✎ date corrected by A. Sharma on …"."""
    corrected = row.get("corrected") if hasattr(row, "get") else None
    if isinstance(corrected, dict) and corrected:
        lines = [f"{field_word(f, hi)} {mark(info, hi)}" + (f" — {info['note']}" if info.get("note") else "") for f, info in corrected.items()]
        st.markdown('<p class="rv-marks">' + "<br>".join(esc(x) for x in lines) + "</p>", unsafe_allow_html=True)


def _save(key: str, hi: bool, kind: str, target: str, changes: dict, by: str, note: str, extra: dict | None = None, force: bool = False) -> str | None:
    """Save through the service; on a conflict keep the changes and ask. Returns the new target."""
    seen_key = f"rv_seen_{key}_{target}"
    seen = None if force else st.session_state.get(seen_key)
    db = store.connect(st.session_state["rv_path"])
    try:
        if kind == "engagement":
            saved = service.correct_engagement(db, target, changes, by, note, seen=seen, **(extra or {}))
        else:
            saved = service.correct_article(db, target, changes, by, note, seen=seen)
    except service.Conflict as exc:
        st.session_state[f"rv_conflict_{key}"] = {"kind": kind, "target": target, "changes": changes, "by": by, "note": note, "extra": extra, "why": "; ".join(exc.changes)}
        return None
    except (BadValue, service.NotFound, store.StoreError) as exc:
        _flash(key, "error", str(exc))
        return None
    finally:
        db.conn.close()
    if kind == "engagement" and saved.target and saved.target != target:
        on_move = st.session_state.get(f"rv_on_move_{key}")  # a merge or split gave it another id
        if on_move:
            on_move(saved.target)
    st.session_state.pop(seen_key, None)
    st.session_state.pop(f"rv_base_{key}_{target}", None)
    st.session_state.pop(f"rv_conflict_{key}", None)
    _remember_name(by)
    if saved.batch and saved.fields == ["reviewed"]:
        _flash(key, "success", w("marked", hi))
    elif saved.batch:
        _flash(key, "success", w("saved", hi, what=", ".join(field_word(f, hi) for f in saved.fields)))
    else:
        _flash(key, "info", w("nothing", hi))
    return saved.target


def _conflict(key: str, hi: bool) -> bool:
    """The second editor's question: save anyway, or reload. True while it is open."""
    c = st.session_state.get(f"rv_conflict_{key}")
    if not c:
        return False
    st.warning(w("conflict", hi, why=c["why"]))
    a, b = st.columns(2)
    if a.button(w("save_anyway", hi), key=f"rv_force_{key}", type="primary"):
        _save(key, hi, c["kind"], c["target"], c["changes"], c["by"], c["note"], c["extra"], force=True)
        st.rerun()
    if b.button(w("reload", hi), key=f"rv_reload_{key}"):
        st.session_state.pop(f"rv_conflict_{key}", None)
        st.session_state.pop(f"rv_seen_{key}_{c['target']}", None)
        st.session_state.pop(f"rv_base_{key}_{c['target']}", None)
        st.rerun()
    return True


def _seen(key: str, target: str, seen, base: dict) -> dict:
    """What this form is built from (the record's revision, and its values then), kept until
    this session saves or reloads: the form shows those values and saves only what the reviewer
    changed in them, so another editor's change is never overwritten unasked."""
    seen_key = f"rv_seen_{key}_{target}"
    if seen_key not in st.session_state or f"rv_base_{key}_{target}" not in st.session_state:
        st.session_state[seen_key] = seen
        st.session_state[f"rv_base_{key}_{target}"] = base
    return st.session_state[f"rv_base_{key}_{target}"]


def _editor(key: str, hi: bool, review_page: bool) -> str | None:
    """Who edits in this panel, once any conflict is settled; None when the panel shows nothing
    more (a conflict to answer, or a viewer who may not correct)."""
    if _conflict(key, hi):
        return None
    allowed, by = reviewer(hi, key, ask=not review_page)
    if not allowed:
        st.info(w("viewer", hi))
        return None
    return by


def _form_key(key: str, target: str) -> str:
    """Widget keys per record revision: a record changed by someone else gets a fresh form."""
    return f"{key}_{target}_{st.session_state[f'rv_seen_{key}_{target}'].revision}"


def _people(country: str, current: list[str]) -> list[str]:
    kb = knowledge.default()
    names = {n for n, c in kb.people.items() if c == country} | {n for n, o in kb.organisations.items() if o.get("country") == country}
    return sorted(names | set(current))


def engagement_panel(path: str, engagement_id: str, hi: bool, key: str = "tl", expanded: bool = False, review_page: bool = False, on_move=None) -> None:
    """The correction form of one engagement, its reports (merge, split), review, undo and
    history. `on_move(new id)` is called when a merge or split gives the engagement another id."""
    st.session_state["rv_path"] = path
    st.session_state[f"rv_on_move_{key}"] = on_move
    row = service.current(_reader(path), engagement_id)
    if row is None:
        return
    eid = row["id"]
    _show_flash(key)  # outside the expander: a save closes it
    with st.expander(w("correct", hi), expanded=expanded or bool(st.session_state.get(f"rv_conflict_{key}"))):
        by = _editor(key, hi, review_page)
        if by is None:
            return
        row = _seen(key, eid, service.Seen(row["revision"], store.now()), row)
        k = _form_key(key, eid)
        with st.form(f"rv_form_{k}", border=False):
            c1, c2 = st.columns(2)
            d = c1.text_input(w("date", hi), value=row["date"] or "", key=f"rv_date_{k}")
            end = c2.text_input(w("end_date", hi), value=row["end_date"] or "", key=f"rv_end_{k}")
            c3, c4 = st.columns(2)
            etype = c3.selectbox(w("type", hi), ENGAGEMENT_TYPES, index=ENGAGEMENT_TYPES.index(row["type"]) if row["type"] in ENGAGEMENT_TYPES else 0, format_func=lambda t: labels.t(t, hi, labels.TYPES), placeholder=PICK[hi], key=f"rv_type_{k}")
            status = c4.selectbox(w("status", hi), STATUSES, index=STATUSES.index(row["status"]) if row["status"] in STATUSES else 0, format_func=lambda s: labels.t(s, hi, labels.STATUSES), placeholder=PICK[hi], key=f"rv_status_{k}")
            place = st.text_input(w("place", hi), value=row["place"] or "", key=f"rv_place_{k}")
            c5, c6 = st.columns(2)
            sides = {}
            for col, (f, country) in zip((c5, c6), SIDES.items(), strict=True):
                sides[f] = col.multiselect(w(f, hi), _people(country, row[f]), default=row[f], accept_new_options=True, format_func=lambda n: names.shown(n, hi) or n, placeholder=PICK[hi], key=f"rv_{f}_{k}")
            area_ids = list(labels.AREAS)
            areas = st.multiselect(w("areas", hi), area_ids, default=[a for a in row["areas"] if a in area_ids], format_func=lambda a: labels.t(a, hi, labels.AREAS), placeholder=PICK[hi], key=f"rv_areas_{k}")
            evidence = st.text_input(w("evidence", hi), key=f"rv_evidence_{k}")
            not_ij = st.checkbox(w("not_ij", hi), key=f"rv_notij_{k}")
            note = st.text_input(w("note", hi), key=f"rv_note_{k}", max_chars=2000)
            submitted = st.form_submit_button(w("save", hi), type="primary")
        if submitted:
            changes: dict = {}
            for f, v, old in (("date", d.strip(), row["date"] or ""), ("end_date", end.strip(), row["end_date"] or ""), ("type", etype, row["type"]), ("status", status, row["status"]), ("place", place.strip(), row["place"] or "")):
                if v != old:
                    changes[f] = v
            for f, v in sides.items():
                if sorted(v) != sorted(row[f]):
                    changes[f] = v
            before = set(row["areas"])
            for a in set(areas) ^ before:
                changes[f"area:{a}"] = a in areas
            if not_ij:
                changes["relevant"] = False
            ev = {f: evidence for f, on in changes.items() if f.startswith("area:") and on and evidence.strip()}
            if not by:
                _flash(key, "error", w("your_name", hi))
            elif changes:
                _save(key, hi, "engagement", eid, changes, by, note, {"evidence": ev} if ev else None)
            else:
                _flash(key, "info", w("nothing", hi))
            st.rerun()
        _structure(path, row, hi, key, by)
        if not review_page:  # the Review page has these as keyboard buttons of its own
            _actions(row, hi, key, by)
        _history(path, eid, hi)


def _structure(path: str, row: dict, hi: bool, key: str, by: str) -> None:
    st.markdown(f"**{esc(w('reports', hi))}**")
    everything = cached.engagements(path, cached.stamp(path), Filters())
    near = everything[everything["id"] != row["id"]]
    if row["sort_date"]:
        day = date.fromisoformat(row["sort_date"][:10])
        lo, hi_d = (day - timedelta(days=90)).isoformat(), (day + timedelta(days=90)).isoformat()
        near = near[(near["sort_date"] >= lo) & (near["sort_date"] <= hi_d)]
    label = {r["id"]: f"{r['date'] or r['sort_date'] or ''} · {labels.t(r['type'], hi, labels.TYPES)} · {r['place'] or ''}" for r in near.to_dict("records")}
    c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
    other = c1.selectbox(w("merge_with", hi), list(label), index=None, format_func=label.get, placeholder=PICK[hi], key=f"rv_merge_{key}_{row['id']}")
    if c2.button(w("merge", hi), key=f"rv_merge_go_{key}_{row['id']}", disabled=not other or not by):
        _save(key, hi, "engagement", row["id"], {"merge": other}, by, "")
        st.rerun()
    if len(row["members"]) > 1:
        arts = cached.engagement_articles(path, cached.stamp(path), row["id"])
        titles = {a["id"]: f"{a['published'] or ''} · {a['title']}" for a in arts.to_dict("records")}
        c3, c4 = st.columns([4, 1], vertical_alignment="bottom")
        off = c3.multiselect(w("split_off", hi), list(titles), format_func=lambda a: titles.get(a, a), placeholder=PICK[hi], key=f"rv_split_{key}_{row['id']}")
        if c4.button(w("split", hi), key=f"rv_split_go_{key}_{row['id']}", disabled=not off or not by):
            _save(key, hi, "engagement", row["id"], {"split": off}, by, "")
            st.rerun()


def _actions(row: dict, hi: bool, key: str, by: str) -> None:
    c1, c2 = st.columns(2)
    if c1.button(w("right", hi), key=f"rv_right_{key}_{row['id']}", disabled=not by):
        mark_reviewed(st.session_state["rv_path"], "engagement", row["id"], hi, key, by)
        st.rerun()
    if c2.button(w("undo", hi), key=f"rv_undo_{key}_{row['id']}", disabled=not by):
        undo(key, hi, by)
        st.rerun()


def undo(key: str, hi: bool, by: str, path: str | None = None) -> None:
    """Undo this reviewer's latest save (all its fields)."""
    db = store.connect(path or st.session_state["rv_path"])
    try:
        done = service.undo(db, by, only_mine=True)
    finally:
        db.conn.close()
    if done:
        _flash(key, "success", w("undone", hi, what=", ".join(field_word(f, hi) for f in done["fields"])))
    else:
        _flash(key, "info", w("no_undo", hi))


def _history(path: str, eid: str, hi: bool) -> None:
    rows = service.history(_reader(path), eid, hindi=hi, name=lambda e: engagement_words(path, e, hi))
    st.markdown(f"**{esc(w('history', hi))}**")
    if not rows:
        st.caption(w("no_history", hi))
        return
    st.dataframe(
        pd.DataFrame([{col(k, hi): v for k, v in (("col_when", r["at"][:16].replace("T", " ")), ("col_who", r["by"]), ("col_change", r["change"]), ("col_note", r["note"]), ("col_state", r["state"]))} for r in rows]),
        hide_index=True,
        width="stretch",
        key=f"rv_hist_{eid}",
    )


def article_panel(path: str, article: dict, hi: bool, key: str = "ar", review_page: bool = False) -> None:
    """Relevance, publication date, source, which engagement it reports; and spellings the parser
    missed, added from this article's text and re-parsed with progress."""
    st.session_state["rv_path"] = path
    aid = article["id"]
    row = store.corrections.article_row(_reader(path), aid)
    if row is None:
        return
    _show_flash(key)
    with st.expander(w("correct_article", hi), expanded=review_page or bool(st.session_state.get(f"rv_conflict_{key}"))):
        by = _editor(key, hi, review_page)
        if by is None:
            return
        row = _seen(key, aid, service.seen(_reader(path), "article", aid), row)
        k = _form_key(key, aid)
        everything = cached.engagements(path, cached.stamp(path), Filters())
        choices = {r["id"]: f"{r['date'] or r['sort_date'] or ''} · {labels.t(r['type'], hi, labels.TYPES)} · {r['place'] or ''}" for r in everything.to_dict("records")}
        with st.form(f"rv_aform_{k}", border=False):
            relevant = st.toggle(w("relevant", hi), value=bool(row["india_japan"]), key=f"rv_rel_{k}")
            c1, c2 = st.columns(2)
            published = c1.text_input(w("published", hi), value=row["published"] or "", key=f"rv_pub_{k}")
            outlet = c2.text_input(w("source", hi), value=row["outlet"] or "", key=f"rv_src_{k}")
            options = ["", "new", *[e for e in choices if e != row["engagement_id"]]]
            move = st.selectbox(w("move_to", hi), options, format_func=lambda e: w("keep", hi) if e == "" else (w("new_engagement", hi) if e == "new" else choices[e]), placeholder=PICK[hi], key=f"rv_move_{k}")
            note = st.text_input(w("note", hi), key=f"rv_anote_{k}", max_chars=2000)
            submitted = st.form_submit_button(w("save", hi), type="primary")
        if submitted:
            changes: dict = {}
            if relevant != bool(row["india_japan"]):
                changes["relevant"] = relevant
            if published.strip() != (row["published"] or ""):
                changes["published"] = published.strip()
            if outlet.strip() != (row["outlet"] or ""):
                changes["outlet"] = outlet.strip()
            if move:
                changes["engagement"] = move
            if not by:
                _flash(key, "error", w("your_name", hi))
            elif changes:
                _save(key, hi, "article", aid, changes, by, note)
            else:
                _flash(key, "info", w("nothing", hi))
            st.rerun()
        spelling_panel(path, article, hi, key, by)


def spelling_panel(path: str, article: dict, hi: bool, key: str, by: str) -> None:
    st.markdown(f"**{esc(w('spelling', hi))}**")
    c1, c2, c3 = st.columns([3, 2, 3])
    text = c1.text_input(w("spelling_text", hi), key=f"rv_alias_{key}")
    kind = c2.selectbox(w("kind", hi), aliases.KINDS, format_func=lambda x: KIND_WORDS[x][1 if hi else 0], placeholder=PICK[hi], key=f"rv_kind_{key}")
    name = c3.selectbox(w("name", hi), aliases.names_of(kind), index=None, format_func=lambda n: names.shown(n, hi) or n, placeholder=PICK[hi], key=f"rv_aname_{key}_{kind}")
    if st.button(w("add_reparse", hi), key=f"rv_add_{key}", disabled=not (text.strip() and name and by)):
        body = f"{article.get('title') or ''}\n{article.get('body') or ''}"
        if knowledge.fold(text.strip()) not in knowledge.fold(body):
            st.warning(w("not_in_text", hi))
        try:
            aliases.add(text, kind, name)
        except aliases.AliasError as exc:
            st.error(str(exc))
            return
        db = store.connect(path)
        try:
            aliases.record(db, text.strip(), kind, name, article["id"], by)
            bar = st.progress(0.0, text=w("reparsing", hi, i=0, n="…", title=""))
            changes = aliases.reparse(db, aliases.affected(db, text.strip(), article["id"]), progress=lambda i, n, t: bar.progress(i / max(n, 1), text=w("reparsing", hi, i=i, n=n, title=t[:60])))
        finally:
            db.conn.close()
        _remember_name(by)
        st.session_state[f"rv_changes_{key}"] = [(c.title, c.how, {f: v for f, v in c.changed.items()}) for c in changes]
        st.rerun()  # the page above was drawn from the record before the re-parse
    got = st.session_state.get(f"rv_changes_{key}")
    if got:
        rows = [{col("col_article", hi): t, col("col_how", hi): how, col("col_field", hi): labels.t({"areas": "areas_f"}.get(f, f), hi) if f in ("people", "participants", "areas") else field_word(f, hi), col("col_before", hi): words(b), col("col_after", hi): words(a)} for t, how, ch in got for f, (b, a) in ch.items()]
        st.markdown(f"**{esc(w('what_changed', hi))}**")
        if rows:
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=f"rv_changed_{key}")
        else:
            st.caption(w("no_change", hi, n=len(got)))


def col(key: str, hi: bool) -> str:
    """A table header of the review tables (labels.REVIEW_PAGE)."""
    return labels.t(key, hi, labels.REVIEW_PAGE)


def words(v) -> str:
    if isinstance(v, list):
        return ", ".join(v) or "—"
    return "—" if v is None else str(v)


def current_id(path: str, engagement_id: str | None) -> str | None:
    """The engagement an id means now: one from before a regrouping (an old link, a merged
    engagement) finds its engagement through its reports."""
    if not engagement_id:
        return engagement_id
    return service.resolve(_reader(path), engagement_id) or engagement_id


def cell_marks(engagements: pd.DataFrame, hi: bool) -> None:
    """Under a heatmap square: which of its engagements reviewers corrected, and how."""
    if "corrected" not in engagements:
        return
    lines = [f"{r['date'] or r['sort_date']} · {labels.t(r['type'], hi, labels.TYPES)}: {marks_line(r['corrected'], hi)}" for r in engagements.to_dict("records") if isinstance(r["corrected"], dict) and r["corrected"]]
    if lines:
        st.markdown('<p class="rv-marks">' + "<br>".join(esc(x) for x in lines) + "</p>", unsafe_allow_html=True)


def tier_words(tier: str, hi: bool) -> str:
    """Why an item is in the review queue, in the analyst's language."""
    return labels.t(tier, hi, labels.TIERS)


def reason_words(item, hi: bool) -> list[str]:
    """An item's reasons in the analyst's language: field names and types as labels, never ids;
    dates and places (data) as they are."""
    out = []
    for kind, v in item.why:
        values = dict(v)
        if "field" in values:
            values["field"] = labels.t(values["field"], hi, labels.DECIDED) if values["field"] in labels.DECIDED else field_word(values["field"], hi)
        if "sure" in values:
            values["sure"] = f"{values['sure']:.0%}"
        if "score" in values:
            values["score"] = f"{values['score']:.1f}"
        if "values" in values:
            shown = [labels.t(x, hi, labels.TYPES) if v["field"] == "type" else names.shown(x, hi) or x for x in values["values"]]
            values["values"] = ", ".join(shown)
        out.append(labels.t(kind, hi, labels.REASONS).format(**values))
    return out


def engagement_words(path: str, engagement_id: str, hi: bool) -> str:
    """An engagement as a reviewer recognises it (date · type · place), never its id; one since
    regrouped is found through its reports."""
    everything = cached.engagements(path, cached.stamp(path), Filters())
    hit = everything[everything["id"] == current_id(path, engagement_id)]
    if hit.empty:
        return col("gone", hi)
    r = hit.iloc[0]
    day = r["date"] if isinstance(r["date"], str) and r["date"] else (r["sort_date"] or labels.t("undated", hi))
    place = names.shown(r["place"], hi) if isinstance(r["place"], str) and r["place"] else labels.t("place_not_stated", hi)
    return f"{day} · {labels.t(r['type'], hi, labels.TYPES)} · {place}"


def target_words(path: str, row: dict, hi: bool) -> str:
    """What a correction was made on, in words: an engagement, an article's title, a spelling."""
    if row["kind"] == "engagement":
        return engagement_words(path, row["target"], hi)
    if row["kind"] == "article":
        art = cached.article(path, cached.stamp(path), row["target"])
        return (art["title"] if art is not None else None) or col("gone_article", hi)
    return names.shown(str(row["target"]), hi) or str(row["target"])
