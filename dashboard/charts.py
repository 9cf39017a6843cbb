"""DataFrame -> plotly Figure. Figures take everything as arguments; pages decide what to show."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import labels

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


def legible(fig: go.Figure, height: int = 520, base: int = 15) -> go.Figure:
    """One layout for every chart: large type, white background, dark text, legible when projected."""
    fig.update_layout(
        template="plotly_white",
        font={"family": FONT, "size": base, "color": "#111"},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        hoverlabel={"font": {"family": FONT, "size": base}},
        legend={"font": {"size": base - 1}},
    )
    fig.update_xaxes(showgrid=True, gridcolor="#e5e5e5", tickfont={"size": base - 1})
    fig.update_yaxes(showgrid=True, gridcolor="#e5e5e5", tickfont={"size": base - 1})
    return fig


def timeline(eng: pd.DataFrame, hindi: bool = False, height: int = 520, title: str | None = None, base: int = 15) -> go.Figure:
    """One mark per engagement: x = date, row and colour = type, open marks = planned, size = reports.

    One trace per (type, status), so symbols are scalars: per-point symbol lists make plotly
    validate every value and cost more than the query behind the chart."""
    fig = go.Figure()
    if eng.empty:
        return legible(fig, height)
    status_label = {s: labels.t(s, hindi, labels.STATUSES) for s in STATUS_SYMBOL}
    for etype in [t for t in TYPE_COLOURS if t in set(eng["type"])]:
        label = labels.t(etype, hindi, labels.TYPES)
        for status, symbol in STATUS_SYMBOL.items():
            d = eng[(eng["type"] == etype) & (eng["status"] == status)]
            if d.empty:
                continue
            hover = [
                f"<b>{dt or sd}</b> · {label} · {status_label[status]}<br>{pl or labels.t('place_not_stated', hindi)}<br>"
                f"{', '.join(pp) or labels.t('participants_not_named', hindi)}<br><i>{', '.join(labels.t(a, hindi, labels.AREAS) for a in list(ar)[:6])}</i><br>{labels.n(n, 'articles', hindi)}"
                for dt, sd, pl, pp, ar, n in zip(d["date"], d["sort_date"], d["place"], d["participants"], d["areas"], d["n_articles"], strict=True)
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
                        "size": np.minimum(12 + 5 * d["n_articles"].to_numpy(), 44),
                        "color": TYPE_COLOURS[etype],
                        "symbol": symbol,
                        "line": {"width": 2, "color": TYPE_COLOURS[etype]},
                        "opacity": 0.85,
                    },
                )
            )
    fig.update_layout(title=title, showlegend=False, clickmode="event+select", dragmode="pan")
    if title:
        fig.update_layout(margin={"t": 80})
    fig.update_yaxes(categoryorder="array", categoryarray=[labels.t(t, hindi, labels.TYPES) for t in reversed(TYPE_COLOURS)])
    return legible(fig, height, base)


def heatmap(cells: pd.DataFrame, periods: list[str], areas: list[str], hindi: bool = False, value_label: str = "Engagements", height: int = 560, normalised: bool = False, base: int = 15) -> go.Figure:
    """Area x period as square markers (selectable, unlike plotly heatmap traces); colour = value."""
    fig = go.Figure()
    if cells.empty:
        return legible(fig, height)
    area_names = {a: labels.t(a, hindi, labels.AREAS) for a in areas}
    # a share carries its count ('1/1'): the label comes with the cells when aggregate made it
    text = cells["label"].tolist() if "label" in cells else [f"{v:.0%}" if normalised else f"{v:.0f}" for v in cells["value"]]
    shown = [f"{v:.0%} ({txt})" if normalised else txt for v, txt in zip(cells["value"], text, strict=True)]
    hover = [
        f"<b>{area_names.get(r['area'], labels.t(r['area'], hindi, labels.AREAS))}</b> · {r['period']}<br>{value_label}: {sh}<br>"
        f"{labels.n(int(r['engagements']), 'engagements', hindi)}, {labels.n(int(r['mentions']), 'mentions', hindi)}"
        for r, sh in zip(cells.to_dict("records"), shown, strict=True)
    ]
    n = max(len(periods), 1)
    rows = max(len(areas), 1)
    # squares fit their cell both ways: 900 px of plot width per period, the height per area row
    size = max(6, min(34, int(900 / n * 0.8), int((height - 120) / rows * 0.8)))
    sizes = size
    if normalised and "count" in cells:
        # a share's base is its size: one engagement of one is a small square, not a full one
        most = max(int(cells["count"].max()), 1)
        sizes = np.maximum(6, np.round(size * np.sqrt(0.25 + 0.75 * cells["count"].to_numpy() / most))).astype(int)
    vmax = float(cells["value"].max()) or 1.0
    text_colour = ["#111" if v < 0.55 * vmax else "#fff" for v in cells["value"]]
    fig.add_trace(
        go.Scatter(
            x=cells["period"],
            y=cells["area"].map(area_names),
            mode="markers+text" if n <= 30 and size >= 18 else "markers",
            text=text,
            textfont={"color": text_colour, "size": max(12, base - 3)},
            customdata=list(zip(cells["area"], cells["period"], strict=True)),
            hovertext=hover,
            hoverinfo="text",
            marker={
                "symbol": "square",
                "size": sizes,
                "color": cells["value"],
                "colorscale": "Blues",
                "cmin": 0,
                "showscale": True,
                "colorbar": {"title": value_label, "tickformat": ".0%" if normalised else None},
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
