"""The engagement record in one pass: relevance first, then each field decided by its own module."""

from __future__ import annotations

from dashboard.models import DateMention, Engagement
from dashboard.parse.context import Context
from dashboard.parse.dates import RawDate
from dashboard.parse.engagement_date import _year_from_people, classify_dates
from dashboard.parse.engagement_type import engagement_type
from dashboard.parse.participants import participants
from dashboard.parse.place import place
from dashboard.parse.relevance import country_strength, is_analysis, is_india_japan
from dashboard.parse.status import status


def build(
    ctx: Context, raw_dates: list[RawDate], published_text: str | None
) -> tuple[bool, float, Engagement | None, list[DateMention], list[str]]:
    strength = country_strength(ctx)
    relevant, score, reasons = is_india_japan(ctx, strength)
    etype = engagement_type(ctx) if relevant else "other"
    dates, eng_date, date_why = classify_dates(ctx, raw_dates, published_text, etype)
    if not relevant:
        return False, score, None, dates, reasons
    if is_analysis(ctx):
        # an op-ed or analysis is about the relationship, not one meeting: no date, place or side
        dates = [d if d.role != "engagement" else DateMention(d.date, "referenced", d.text, d.start, d.end, d.end_date) for d in dates]
        return True, score, Engagement(None, "other", "held", None, (), None, round(max(0.0, min(1.0, score / 10.0)), 2)), dates, reasons
    parts = participants(ctx, etype, eng_date)
    if eng_date is not None and eng_date.date and eng_date.date.startswith("XXXX"):
        year = _year_from_people(ctx, eng_date, parts)
        if year:
            dated = year + eng_date.date[4:]
            dates = [d._replace(date=dated) if d.date == eng_date.date else d for d in dates]
            eng_date = eng_date._replace(date=dated)
    st, status_why = status(ctx, etype, eng_date)
    pl, place_why = place(ctx, etype, eng_date)
    if etype in ("bilateral_ministerial", "summit") and pl and ctx.kb.places.get(pl, {}).get("country") not in ("India", "Japan", "", None):
        # Indian and Japanese ministers or leaders meeting in Vientiane or Bangkok do so on the
        # sidelines of something held there
        etype = "sidelines_multilateral"
        parts = participants(ctx, etype, eng_date)
    conf = max(0.0, min(1.0, score / 10.0))
    eng = Engagement(
        date=eng_date.date if eng_date else None,
        type=etype,
        status=st,
        place=pl,
        participants=tuple(parts),
        end_date=eng_date.end_date if eng_date else None,
        confidence=round(conf, 2),
        decisions={"date": date_why, "status": status_why, "place": place_why},
    )
    return True, score, eng, dates, reasons
