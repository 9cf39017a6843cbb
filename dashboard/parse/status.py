"""Held, planned or ongoing: the engagement date against the page date decides; cue words and
tense only without them."""

from __future__ import annotations

from datetime import date

from dashboard.models import DateMention, Decision
from dashboard.parse.context import LEAD_SENTENCES, Context, _lead_tense
from dashboard.parse.dates import tense
from dashboard.parse.engagement_date import stated_length

# what can be under way on the page's day: a meeting, a call or a signing is over or still to come
_CAN_BE_ONGOING = ("exercise", "visit")


def status(ctx: Context, etype: str, eng_date: DateMention | None) -> tuple[str, Decision]:
    """The engagement date against the page date decides; cue words and tense only without them."""
    pub = ctx.published
    last_lead = ctx.lead_start + LEAD_SENTENCES - 1
    lead_end = ctx.sentences[last_lead][1] if len(ctx.sentences) > last_lead else len(ctx.body)
    planned = ongoing = 0.0
    for h in ctx.title_hits:
        if h.kind == "cue_status":
            if h.value == "planned":
                planned += 2.0
            elif h.value == "ongoing":
                ongoing += 2.0
    for h in ctx.hits:
        if h.kind == "cue_status" and h.start < lead_end:
            if h.value == "planned":
                planned += 1.0
            elif h.value == "ongoing":
                ongoing += 1.5
    if etype not in _CAN_BE_ONGOING:
        ongoing = 0.0  # "the minister is on a visit to India" while the report is of the meeting
    span = (eng_date.start, eng_date.end) if eng_date is not None and eng_date.start >= 0 else (-1, -1)
    if eng_date and eng_date.date and pub and len(eng_date.date) == 10 and not eng_date.date.startswith("X"):
        d = date.fromisoformat(eng_date.date)
        if d > pub:
            return "planned", Decision(0.92, f"its date {d.isoformat()} is after the page date {pub.isoformat()}", *span)
        if etype in _CAN_BE_ONGOING:
            lead_phase = {h.value for h in ctx.title_hits + [h for h in ctx.hits if ctx.in_lead(h.start)] if h.kind == "cue_phase"}
            if "end" in lead_phase:
                return "held", Decision(0.8, "the headline or lead says it concluded", *span)
            if eng_date.end_date and pub <= date.fromisoformat(eng_date.end_date):
                edge = pub == date.fromisoformat(eng_date.end_date) or pub == d
                return "ongoing", Decision(0.7 if edge else 0.85, f"it runs {d.isoformat()} to {eng_date.end_date}, and the page is dated {pub.isoformat()}", *span)
            if ongoing >= 1.5 and (pub - d).days <= 14:
                return "ongoing", Decision(0.75, "the lead says it is under way, and it began within two weeks of the page date", *span)
            if "start" in lead_phase and (pub - d).days <= 1:
                # "JIMEX शुरू", "began today": it is under way on the page's day
                return "ongoing", Decision(0.8, f"it began on {d.isoformat()}, the page's day or the day before", *span)
            days = stated_length(ctx, etype)
            if days and (pub - d).days < days:
                # "the two-week exercise" that began five days ago
                return "ongoing", Decision(0.75, f"it began {(pub - d).days} days before the page date and lasts {days} days", *span)
        recent = etype in _CAN_BE_ONGOING and (pub - d).days <= 14
        # an exercise begun a few days before the page may still be going on
        return "held", Decision(0.7 if recent else 0.9, f"its date {d.isoformat()} is not after the page date {pub.isoformat()}", *span)
    # no date to compare: the tense where the engagement's date is given ("यह अभ्यास 24 फरवरी से …
    # आयोजित किया जाएगा"), else of the first sentence that names the engagement
    cue = next((h for h in ctx.hits if h.kind in ("cue_type", "exercise", "dialogue")), None)
    dated = eng_date is not None and eng_date.start >= 0 and bool(ctx.sentences)
    if dated:
        when, where = ctx.tense_at(eng_date.start), "the sentence that dates it"
    elif cue is not None:
        when, where = ctx.tense_at(cue.start), "the first sentence naming it"
        span = (cue.start, cue.end)
    else:
        when, where = _lead_tense(ctx), "the lead"
    if ongoing >= 1.5 and ongoing >= planned:
        return "ongoing", Decision(0.65, "the headline or lead says it is under way", *span)
    if when == "future":
        planned += 2.0 if dated else 1.5  # the sentence that dates it says "will": decisive
    if ctx.title and tense(ctx.title, 0) == "future":
        planned += 1.0
    if planned >= 2.0:
        return "planned", Decision(0.75 if planned >= 3.0 else 0.65, f"{where} speaks of the future", *span)
    return "held", Decision(0.7 if when == "past" else 0.6, f"{where} reports it as done", *span)
