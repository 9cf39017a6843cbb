"""DataFrame -> plotly Figure. Figures take everything as arguments; pages decide what to show."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import labels
from dashboard.models import SURE

# one palette for engagement types, chosen to stay distinct on a projector and for colour-blind eyes
TYPE_COLOURS = {
    "bilateral_ministerial": "#1f4e9c",
    "two_plus_two": "#d35400",
    "summit": "#8e2c8e",
    "phone_call": "#2e8b57",
    "sidelines_multilateral": "#b8860b",
    "exercise": "#c0392b",
    "official_dialogue": "#16a085",
    "visit": "#5d6d7e",
    "agreement": "#7b3f00",
    "other": "#95a5a6",
}
STATUS_SYMBOL = {"held": "circle", "planned": "circle-open", "ongoing": "diamond"}
FONT = "Noto Sans, Noto Sans Devanagari, Noto Sans CJK JP, Arial, sans-serif"
SCREEN = 15  # base type size on a laptop screen
PROJECTOR = 24  # on slides and in exports: axis labels of 23 px stay legible from the back of a room
# counts in blue, from a light blue that stands out on white (plotly's "Blues" starts at white)
COUNT_SCALE = [[0.0, "#c6dbef"], [0.35, "#6baed6"], [0.7, "#2171b5"], [1.0, "#08306b"]]
HIGHLIGHT = "#111111"


def legible(fig: go.Figure, height: int = 520, base: int = SCREEN) -> go.Figure:
    """One layout for every chart: large type, white background, dark text, legible when projected.

    Axis labels, legend and colour-bar ticks are one size below `base`: PROJECTOR makes them 23 px."""
    fig.update_layout(
        template="plotly_white",
        font={"family": FONT, "size": base, "color": "#111"},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        hoverlabel={"font": {"family": FONT, "size": max(base - 2, 14)}},
        legend={"font": {"size": base - 1}},
    )
    fig.update_xaxes(showgrid=True, gridcolor="#e5e5e5", tickfont={"size": base - 1})
    fig.update_yaxes(showgrid=True, gridcolor="#e5e5e5", tickfont={"size": base - 1})
    return fig


HI_MONTHS = ("जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर")


def hindi_date_ticks(first: str | None, last: str | None, most: int = 9) -> dict:
    """Date-axis ticks with Hindi month names: plotly.js ships English month names only."""
    if not first or not last:
        return {}
    y0, m0, y1, m1 = int(first[:4]), int(first[5:7]), int(last[:4]), int(last[5:7])
    months = (y1 - y0) * 12 + m1 - m0 + 1
    step = next(s for s in (1, 2, 3, 6, 12, 24, 36, 60, 120, 1200) if months / s <= most)
    vals, text = [], []
    k = (y0 * 12 + m0 - 1 + step - 1) // step * step  # the first month on a multiple of the step
    while k <= y1 * 12 + m1 - 1:
        y, m = divmod(k, 12)
        vals.append(f"{y:04d}-{m + 1:02d}-01")
        text.append(f"{HI_MONTHS[m]} {y}" if step < 12 else str(y))
        k += step
    return {"tickmode": "array", "tickvals": vals, "ticktext": text}


def count_ticks(vmax: float) -> dict:
    """Colour-bar ticks for counts: whole numbers only, about five of them."""
    step = max(1, int(np.ceil(vmax / 5)))
    return {"tickmode": "linear", "tick0": 0, "dtick": step, "tickformat": "d"}


def timeline(eng: pd.DataFrame, hindi: bool = False, height: int = 520, title: str | None = None, base: int = SCREEN, highlight: str | None = None) -> go.Figure:
    """One mark per engagement: x = date, row and colour = type, open marks = planned, size = reports.

    `highlight` (an engagement id) rings that mark and fades the others: the one being presented.
    One trace per (type, status), so symbols are scalars: per-point symbol lists make plotly
    validate every value and cost more than the query behind the chart."""
    from dashboard.labels import b as word

    fig = go.Figure()
    if eng.empty:
        return legible(fig, height, base)
    status_label = {s: labels.t(s, hindi, labels.STATUSES) for s in STATUS_SYMBOL}
    no_place, no_people, reports = word("place_unknown", hindi), word("people_unknown", hindi), word("articles_n", hindi)
    current = eng[eng["id"] == highlight] if highlight else eng.iloc[0:0]
    for etype in [t for t in TYPE_COLOURS if t in set(eng["type"])]:
        label = labels.t(etype, hindi, labels.TYPES)
        for status, symbol in STATUS_SYMBOL.items():
            d = eng[(eng["type"] == etype) & (eng["status"] == status)]
            if d.empty:
                continue
            marks = d["corrected"] if "corrected" in d else [None] * len(d)  # fields reviewers corrected
            sure = d["date_confidence"] if "date_confidence" in d else [None] * len(d)
            hover = [
                f"<b>{dt if isinstance(dt, str) and dt else sd}{'?' if dc is not None and dc == dc and dc < SURE else ''}</b> · {label} · {status_label[status]}<br>{pl if isinstance(pl, str) and pl else no_place}<br>"
                f"{', '.join(pp) or no_people}<br><i>{', '.join(labels.t(a, hindi, labels.AREAS) for a in list(ar)[:6])}</i><br>{reports}: {n}"
                + (f"<br>✎ {', '.join(mk)}" if isinstance(mk, dict) and mk else "")
                for dt, sd, pl, pp, ar, n, mk, dc in zip(d["date"], d["sort_date"], d["place"], d["participants"], d["areas"], d["n_articles"], marks, sure, strict=True)
            ]
            # numpy arrays, not lists: plotly validates lists element by element
            fig.add_trace(
                go.Scatter(
                    x=np.array(d["sort_date"].tolist(), dtype="datetime64[D]"),
                    y=np.full(len(d), label),
                    mode="markers",
                    name=f"{label} ({status_label[status]})",
                    customdata=np.array(d["id"].tolist(), dtype=str),
                    hovertext=np.array(hover, dtype=str),
                    hoverinfo="text",
                    marker={
                        "size": np.minimum(12 + 5 * d["n_articles"].to_numpy(), 44) * (base / SCREEN) ** 0.5,
                        "color": TYPE_COLOURS[etype],
                        "symbol": symbol,
                        "line": {"width": 2, "color": TYPE_COLOURS[etype]},
                        "opacity": 0.3 if len(current) else 0.85,
                    },
                )
            )
    if len(current):
        r = current.iloc[0]
        label = labels.t(r["type"], hindi, labels.TYPES)
        size = min(12 + 5 * int(r["n_articles"]), 44) * (base / SCREEN) ** 0.5
        fig.add_trace(
            go.Scatter(
                x=np.array([r["sort_date"]], dtype="datetime64[D]"),
                y=[label],
                mode="markers+text",
                name=word("current", hindi),
                meta="current",  # how tests and scripts find the highlighted mark: the name is a label, in either language
                customdata=[r["id"]],
                text=[r["date"] if isinstance(r["date"], str) and r["date"] else r["sort_date"]],  # a missing date is NaN, not None, after a concat
                textposition="top center",
                textfont={"size": base, "color": HIGHLIGHT},
                hoverinfo="skip",
                marker={"size": size + 16, "color": TYPE_COLOURS.get(r["type"], "#555"), "symbol": STATUS_SYMBOL.get(r["status"], "circle"), "line": {"width": 5, "color": HIGHLIGHT}, "opacity": 1},
            )
        )
    fig.update_layout(title=title, showlegend=False, clickmode="event+select", dragmode="pan")
    if hindi:
        fig.update_xaxes(**hindi_date_ticks(eng["sort_date"].min(), eng["sort_date"].max()))
    if title:
        fig.update_layout(margin={"t": 80})
    fig.update_yaxes(categoryorder="array", categoryarray=[labels.t(t, hindi, labels.TYPES) for t in reversed(TYPE_COLOURS)])
    return legible(fig, height, base)


def heatmap(cells: pd.DataFrame, periods: list[str], areas: list[str], hindi: bool = False, value_label: str | None = None, height: int = 560, normalised: bool = False, base: int = SCREEN) -> go.Figure:
    """Area x period as square markers (selectable, unlike plotly heatmap traces); colour = value.

    Counts get whole-number colour-bar ticks; a share always carries its count ("100% · 1"), so one
    engagement in a quiet quarter does not read like a busy one. The lightest squares are light blue
    with a grey edge, never white on white."""
    from dashboard.labels import b as word

    fig = go.Figure()
    if cells.empty:
        return legible(fig, height, base)
    value_label = value_label or word("engagements", hindi)
    area_names = {a: labels.t(a, hindi, labels.AREAS) for a in areas}
    # the count behind a share: of what is shown (aggregate's 'count'), else engagements
    counts = (cells["count"] if "count" in cells else cells["engagements"]).astype(int)
    if normalised:
        text = [f"{v:.0%} · {n}" for v, n in zip(cells["value"], counts, strict=True)]
    else:
        text = [f"{v:.0f}" for v in cells["value"]]
    eng_word, men_word = word("engagements", hindi), word("mentions", hindi)
    hover = [
        f"<b>{area_names.get(r['area'], r['area'])}</b> · {r['period']}<br>{value_label}: {txt}<br>{eng_word}: {r['engagements']} · {men_word}: {r['mentions']}"
        for r, txt in zip(cells.to_dict("records"), text, strict=True)
    ]
    n = max(len(periods), 1)
    rows = max(len(areas), 1)
    # squares fit their cell both ways: 900 px of plot width per period, the height per area row
    size = max(6, min(34 * base / SCREEN, int(900 / n * 0.8), int((height - 120) / rows * 0.8)))
    font = max(12, base - 3)
    # labels go inside the squares only where they fit ('100% · 12' is wider than a count)
    labelled = n <= 30 and size >= 18 and max(len(t) for t in text) * font * 0.55 <= size * 1.1
    sizes = size
    if normalised and not labelled:
        # then a share's base is its size: one engagement of one is a small square, not a full one
        most = max(int(counts.max()), 1)
        sizes = np.maximum(6, np.round(size * np.sqrt(0.25 + 0.75 * counts.to_numpy() / most))).astype(int)
    vmax = float(cells["value"].max()) or 1.0
    text_colour = ["#111" if v < 0.5 * vmax else "#fff" for v in cells["value"]]
    colorbar = {"title": {"text": value_label, "font": {"size": base - 1}}, "tickfont": {"size": base - 1}}
    colorbar.update({"tickformat": ".0%"} if normalised else count_ticks(vmax))
    fig.add_trace(
        go.Scatter(
            x=cells["period"],
            y=cells["area"].map(area_names),
            mode="markers+text" if labelled else "markers",
            text=text,
            textfont={"color": text_colour, "size": font},
            customdata=list(zip(cells["area"], cells["period"], strict=True)),
            hovertext=hover,
            hoverinfo="text",
            marker={
                "symbol": "square",
                "size": sizes,
                "color": cells["value"],
                "colorscale": COUNT_SCALE,
                "cmin": 0,
                "cmax": vmax,
                "showscale": True,
                "colorbar": colorbar,
                "line": {"width": 1, "color": "#555"},
            },
            name="",
        )
    )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=periods)
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=[area_names[a] for a in reversed(areas)])
    fig.update_layout(showlegend=False, clickmode="event+select", dragmode=False)
    return legible(fig, height, base)


def trend(cells: pd.DataFrame, periods: list[str], areas: list[str], hindi: bool = False, value_label: str = "Engagements", height: int = 420) -> go.Figure:
    fig = go.Figure()
    for a in areas:
        d = cells[cells["area"] == a].set_index("period")["value"].reindex(periods, fill_value=0)
        fig.add_trace(go.Scatter(x=periods, y=d.values, mode="lines+markers", name=labels.t(a, hindi, labels.AREAS)))
    fig.update_layout(yaxis_title=value_label)
    fig.update_xaxes(type="category")
    return legible(fig, height)


# the offline base map: plotly.js draws geo traces from a topojson file it would fetch from a CDN;
# config={"topojsonURL": TOPOJSON_URL} points it at the copy Streamlit serves from static/, and the
# HTML export inlines the same file (export.geo_assets_script)
TOPOJSON_URL = "app/static/"
TOPOJSON_NAME = "world_110m"


def place_map(points: pd.DataFrame, hindi: bool = False, height: int = 620, base: int = SCREEN) -> go.Figure:
    """One circle per place (area = engagements there), on coastlines and land only: no borders, so
    no disputed line is drawn. `points`: place, lat, lon, n, label, lines (hover text)."""
    fig = go.Figure()
    if not points.empty:
        # name the busiest places, skipping one that sits on a bigger named neighbour (Yokosuka by Tokyo)
        top: set[str] = set()
        named: list[tuple[float, float]] = []
        for r in points.sort_values("n", ascending=False).to_dict("records"):
            if len(top) < 10 and all(abs(r["lat"] - a) + abs(r["lon"] - b) > 3 for a, b in named):
                top.add(r["place"])
                named.append((r["lat"], r["lon"]))
        fig.add_trace(
            go.Scattergeo(
                lon=points["lon"],
                lat=points["lat"],
                mode="markers+text",
                text=[lbl if p in top else "" for p, lbl in zip(points["place"], points["label"], strict=True)],
                textposition="top center",
                textfont={"size": max(12, base - 3), "color": "#111"},
                customdata=points["place"],
                hovertext=points["lines"],
                hoverinfo="text",
                marker={
                    "size": 10 + 9 * np.sqrt(points["n"].to_numpy()) * (base / SCREEN) ** 0.5,
                    "color": points["n"],
                    "colorscale": COUNT_SCALE,
                    "cmin": 0,
                    "line": {"width": 1.5, "color": "#1f2d3d"},
                    "opacity": 0.9,
                    "showscale": False,
                },
                name="",
            )
        )
    fig.update_geos(
        resolution=110,
        projection_type="natural earth",
        showland=True,
        landcolor="#eceff1",
        showocean=True,
        oceancolor="#f4f8fc",
        showcoastlines=True,
        coastlinecolor="#8a96a3",
        showcountries=False,
        showlakes=False,
        showframe=False,
    )
    if not points.empty:  # the places with a margin around them, so no circle sits on the frame
        pad = 8
        fig.update_geos(
            lataxis_range=[max(-85, points["lat"].min() - pad), min(85, points["lat"].max() + pad)],
            lonaxis_range=[max(-180, points["lon"].min() - pad), min(180, points["lon"].max() + pad)],
        )
    fig.update_layout(showlegend=False, clickmode="event+select", dragmode="pan")
    legible(fig, height, base)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 10, "b": 0})
    return fig


def meeting_matrix(pairs: pd.DataFrame, rows: list[str], cols: list[str], hindi: bool = False, height: int = 620, base: int = SCREEN, names: dict[str, str] | None = None) -> go.Figure:
    """Who met whom: Indian participants down, Japanese across; a square's number and colour = the
    engagements both took part in. `pairs`: india, japan, n, lines (hover text); `names`: how each
    participant is written on the axes (Devanagari in Hindi mode)."""
    fig = go.Figure()
    d = pairs[pairs["india"].isin(rows) & pairs["japan"].isin(cols)] if not pairs.empty else pairs
    if d.empty:
        return legible(fig, height, base)
    vmax = float(d["n"].max())
    size = max(8, min(40 * base / SCREEN, int((height - 200) / max(len(rows), 1) * 0.85), int(1100 / max(len(cols), 1) * 0.85)))
    fig.add_trace(
        go.Scatter(
            x=d["japan"],
            y=d["india"],
            mode="markers+text" if size >= 18 else "markers",
            text=d["n"].astype(str),
            textfont={"size": max(12, base - 3), "color": ["#111" if v < 0.5 * vmax else "#fff" for v in d["n"]]},
            customdata=list(zip(d["india"], d["japan"], strict=True)),
            hovertext=d["lines"],
            hoverinfo="text",
            marker={
                "symbol": "square",
                "size": size,
                "color": d["n"],
                "colorscale": COUNT_SCALE,
                "cmin": 0,
                "cmax": vmax,
                "showscale": True,
                "colorbar": {"tickfont": {"size": base - 1}, **count_ticks(vmax)},
                "line": {"width": 1, "color": "#555"},
            },
            name="",
        )
    )
    shown = names or {}
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=cols, side="top", tickangle=-40, tickmode="array", tickvals=cols, ticktext=[shown.get(c, c) for c in cols])
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(reversed(rows)), tickmode="array", tickvals=rows, ticktext=[shown.get(r, r) for r in rows])
    fig.update_layout(showlegend=False, clickmode="event+select", dragmode=False)
    return legible(fig, height, base)
