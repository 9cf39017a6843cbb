"""Where engagements took place: one point per place, with its coordinates from data/knowledge/places.csv.

Pure: engagements in, points out. A venue ("Manekshaw Centre, New Delhi") sits at its own
coordinates; a place the knowledge has no coordinates for is counted, never guessed.
"""

from __future__ import annotations

import html

import pandas as pd

from dashboard import labels

COLUMNS = ["place", "lat", "lon", "n", "ids", "label", "lines"]


def coordinates(place: str | None, kb) -> tuple[float, float] | None:
    """(lat, lon) of a place name, falling back to the city after the comma of a venue."""
    if not place:
        return None
    for name in (place, place.rsplit(",", 1)[-1].strip()):
        row = kb.places.get(name)
        if row and row.get("lat") and row.get("lon"):
            return float(row["lat"]), float(row["lon"])
    return None


def map_place(place: str | None, kb) -> str | None:
    """The point an engagement is drawn at: a venue joins its city ("Hyderabad House, New Delhi" is
    drawn at New Delhi), so one city is one circle; None when there are no coordinates."""
    if not place or coordinates(place, kb) is None:
        return None
    city = place.rsplit(",", 1)[-1].strip()
    return city if "," in place and coordinates(city, kb) else place


def points(engagements: pd.DataFrame, kb, hindi: bool = False, lines_per_place: int = 8) -> tuple[pd.DataFrame, int]:
    """(one row per place with coordinates, how many engagements could not be placed)."""
    if engagements.empty:
        return pd.DataFrame(columns=COLUMNS), 0
    unplaced = 0
    groups: dict[str, list[dict]] = {}
    for r in engagements.sort_values(["sort_date", "id"]).to_dict("records"):
        where = map_place(r["place"], kb)
        if where is None:
            unplaced += 1
            continue
        groups.setdefault(where, []).append(r)
    rows = []
    word = labels.b("engagements", hindi)
    for place, items in groups.items():
        lat, lon = coordinates(place, kb)
        shown = [
            f"{html.escape(x['date'] or x['sort_date'] or '')} · {html.escape(labels.t(x['type'], hindi, labels.TYPES))} · {html.escape(labels.t(x['status'], hindi, labels.STATUSES))}"
            + (f" · {html.escape(kb.shown(x['place'], hindi).rsplit(',', 1)[0])}" if x["place"] != place else "")
            for x in items[-lines_per_place:]
        ]
        more = len(items) - len(shown)
        name = kb.shown(place, hindi)
        lines = f"<b>{html.escape(name)}</b><br>{word}: {len(items)}<br>" + "<br>".join(shown) + (f"<br>… +{more}" if more else "")
        rows.append({"place": place, "lat": lat, "lon": lon, "n": len(items), "ids": [x["id"] for x in items], "label": name.split(",")[0], "lines": lines})
    out = pd.DataFrame(rows, columns=COLUMNS).sort_values(["n", "place"], ascending=[False, True]).reset_index(drop=True)
    return out, unplaced
