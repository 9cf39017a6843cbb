"""The engagement record in one pass: relevance first, then each field decided by its own module."""

from __future__ import annotations

from dashboard.models import DECIDED_FIELDS, DateMention, Decision, Engagement
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
    """Relevance, then each field by its own decision: (relevant, score, engagement, dates, reasons)."""
    strength = country_strength(ctx)
    relevant, score, reasons = is_india_japan(ctx, strength)
    etype, type_why = engagement_type(ctx) if relevant else ("other", None)
    dates, eng_date, date_why = classify_dates(ctx, raw_dates, published_text, etype)
    if not relevant:
        return False, score, None, dates, reasons
    conf = round(max(0.0, min(1.0, score / 10.0)), 2)
    if is_analysis(ctx):
        # an op-ed or analysis is about the relationship, not one meeting: no date, place or side
        dates = [d._replace(role="referenced") if d.role == "engagement" else d for d in dates]
        why = Decision(0.75, "an opinion or analysis piece: about the relationship, not one engagement")
        return True, score, Engagement(None, "other", "held", None, (), None, conf, dict.fromkeys(DECIDED_FIELDS, why)), dates, reasons
    parts, parts_why = participants(ctx, etype, eng_date)
    if eng_date is not None and eng_date.date and eng_date.date.startswith("XXXX"):
        year = _year_from_people(ctx, eng_date, parts)
        if year:
            dated = year + eng_date.date[4:]
            dates = [d._replace(date=dated) if d.date == eng_date.date else d for d in dates]
            eng_date = eng_date._replace(date=dated)
            date_why = date_why._replace(
                reason=f"{date_why.reason}; {year} is the one year {', '.join(parts)} all held office on that day",
                confidence=min(date_why.confidence, 0.7),
            )
    st, status_why = status(ctx, etype, eng_date)
    if eng_date is not None and status_why.start == eng_date.start and status_why.start >= 0:
        # read from the date against the page date: no surer than the date itself
        status_why = status_why._replace(confidence=min(status_why.confidence, round(date_why.confidence + 0.05, 2)))
    pl, place_why = place(ctx, etype, eng_date)
    if etype in ("bilateral_ministerial", "summit") and pl and ctx.kb.places.get(pl, {}).get("country") not in ("India", "Japan", "", None):
        # Indian and Japanese ministers or leaders meeting in Vientiane or Bangkok do so on the
        # sidelines of something held there
        etype = "sidelines_multilateral"
        type_why = Decision(min(type_why.confidence, 0.8), f"India's and Japan's leaders or ministers meet in {pl}, a third country", place_why.start, place_why.end)
        parts, parts_why = participants(ctx, etype, eng_date)
    eng = Engagement(
        date=eng_date.date if eng_date else None,
        type=etype,
        status=st,
        place=pl,
        participants=tuple(parts),
        end_date=eng_date.end_date if eng_date else None,
        confidence=conf,
        decisions={"date": date_why, "type": type_why, "status": status_why, "place": place_why, "participants": parts_why},
    )
    return True, score, eng, dates, reasons
