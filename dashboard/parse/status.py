"""Held, planned or ongoing: the engagement date against the page date decides; cue words and
tense only without them."""

from __future__ import annotations

from datetime import date

from dashboard.models import DateMention
from dashboard.parse.context import LEAD_SENTENCES, Context, _lead_tense
from dashboard.parse.dates import tense
from dashboard.parse.engagement_date import duration_days


def status(ctx: Context, etype: str, eng_date: DateMention | None) -> str:
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
    if (
        eng_date
        and eng_date.date
        and pub
        and len(eng_date.date) == 10
        and not eng_date.date.startswith("X")
    ):
        d = date.fromisoformat(eng_date.date)
        if d > pub:
            return "planned"
        if etype in ("exercise", "visit"):
            lead_phase = {h.value for h in ctx.title_hits + [h for h in ctx.hits if ctx.in_lead(h.start)] if h.kind == "cue_phase"}
            if "end" in lead_phase:
                return "held"  # "…संपन्न", "concluded": it is over
            if eng_date.end_date and pub <= date.fromisoformat(eng_date.end_date):
                return "ongoing"
            if ongoing >= 1.5 and (pub - d).days <= 14:
                return "ongoing"
            if "start" in lead_phase and (pub - d).days <= 1:
                return "ongoing"  # "JIMEX शुरू", "began today": it is under way on the page's day
            days = duration_days(ctx.body)
            if days and (pub - d).days < days:
                return "ongoing"  # "the two-week exercise" that began five days ago
        return "held"
    # no date to compare: the tense where the engagement's date is given ("यह अभ्यास 24 फरवरी से …
    # आयोजित किया जाएगा"), else of the first sentence that names the engagement
    cue = next((h for h in ctx.hits if h.kind in ("cue_type", "exercise", "dialogue")), None)
    dated = eng_date is not None and eng_date.start >= 0 and bool(ctx.sentences)
    if dated:
        si = ctx.sentence_of(eng_date.start)
        s_start, s_end = ctx.sentences[si]
        when = ctx.tense_at(eng_date.start)
    elif cue is not None:
        si = ctx.sentence_of(cue.start)
        s_start, s_end = ctx.sentences[si]
        when = ctx.tense_at(cue.start)
    else:
        when = _lead_tense(ctx)
    if ongoing >= 1.5 and ongoing >= planned:
        return "ongoing"
    if when == "future":
        planned += 2.0 if dated else 1.5  # the sentence that dates it says "will": decisive
    if ctx.title and tense(ctx.title, 0) == "future":
        planned += 1.0
    if planned >= 2.0:
        return "planned"
    return "held"
