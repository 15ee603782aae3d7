"""Charts with correctly shaped Devanagari labels.

Matplotlib >= 3.11 shapes Devanagari through libraqm; it still needs a font that has the glyphs, so
:func:`use_devanagari_font` registers Noto Sans Devanagari from the PyPI package
``fontpkg-noto-sans-devanagari`` at run time (no system font is assumed). Every chart function
returns a :class:`matplotlib.figure.Figure` and leaves showing or saving to the caller.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import MaxNLocator

FAMILY = "Noto Sans Devanagari"
ACCENT = "#2f6f8f"


@lru_cache(maxsize=1)
def devanagari_font_path() -> Path:
    """Path of the Noto Sans Devanagari font file shipped by ``fontpkg-noto-sans-devanagari``."""
    import fontpkg

    return Path(fontpkg.path(FAMILY))


@lru_cache(maxsize=1)
def use_devanagari_font() -> str:
    """Register the Devanagari font with matplotlib and make it the default family; return its name."""
    path = devanagari_font_path()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    plt.rcParams["font.family"] = [name, "DejaVu Sans"]  # DejaVu as fallback for symbols
    plt.rcParams["axes.unicode_minus"] = False
    return name


MAX_WIDTH = 8.5  # inches at 110 dpi: about 935 px, the width a chart is shown at in a report and in JupyterLab


TITLE_SIZE, TITLE_PAD = 13, 10  # points


def _finish(fig: Figure, ax, title: str) -> Figure:
    ax.set_title(title, loc="left", fontsize=TITLE_SIZE, pad=TITLE_PAD)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def barh(labels: Sequence[str], values: Sequence[float], title: str, xlabel: str = "") -> Figure:
    """Horizontal bar chart, largest bar on top, value printed at the end of each bar."""
    use_devanagari_font()
    labels, values = list(labels)[::-1], list(values)[::-1]
    longest = max((len(str(label)) for label in labels), default=0)
    # long labels (country pairs, bilingual names) get a wider figure, so the bars keep room for their ticks
    width = min(MAX_WIDTH, max(6.6, 3.6 + 0.085 * longest))
    fig, ax = plt.subplots(figsize=(width, 0.45 * max(len(labels), 3) + 1.2), dpi=110)
    bars = ax.barh(labels, values, color=ACCENT)
    ax.bar_label(bars, padding=3, fontsize=10)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))  # few ticks: none collide
    ax.margins(x=0.08)
    ax.tick_params(axis="y", labelsize=11)
    return _finish(fig, ax, title)


def heatmap(table: pd.DataFrame, title: str, cmap: str = "Blues", xlabel: str = "", ylabel: str = "") -> Figure:
    """Heatmap of a numeric table (rows × columns) with the count written in every non-zero cell."""
    use_devanagari_font()
    rows, cols = table.shape
    # at most MAX_WIDTH inches: a wider figure is scaled down on the page and its numbers become unreadable
    width = min(MAX_WIDTH, max(5.0, 0.5 * cols + 3.5))
    longest = max((len(str(c)) for c in table.columns), default=0)  # column labels stand at 45°: room below
    fig, ax = plt.subplots(figsize=(width, max(2.5, 0.5 * rows + 1.6) + 0.05 * longest), dpi=110)
    data = table.to_numpy(dtype=float)
    ax.imshow(data, cmap=cmap, aspect="auto", vmin=0, vmax=max(1.0, data.max() if data.size else 1.0))
    ax.set_xticks(range(cols), [str(c) for c in table.columns], rotation=45, ha="right")
    ax.set_yticks(range(rows), [str(r) for r in table.index])
    vmax = data.max() if data.size else 0
    for i in range(rows):
        for j in range(cols):
            if data[i, j]:
                ax.text(
                    j,
                    i,
                    f"{data[i, j]:g}",
                    ha="center",
                    va="center",
                    fontsize=11 if cols <= 12 else 9,
                    color="white" if data[i, j] > vmax / 2 else "black",
                )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return _finish(fig, ax, title)


SCREEN_DPI = 110  # the size a chart is shown at on a page
SAVE_DPI = 165  # the PNG is saved sharper, so that a reader can zoom in (phones: tap the chart)


PNG_COLOURS = 256  # a chart's flat colours and anti-aliased text fit a palette: about a third of the bytes


def png_bytes(fig: Figure, dpi: int = SAVE_DPI) -> bytes:
    """``fig`` as PNG bytes on white, with a palette of :data:`PNG_COLOURS` colours chosen by median cut (pages
    embed every chart, twice for phones: the bytes are what a reader downloads). Median cut keeps the few
    colours a chart's areas have (each shade of a heatmap, white as white) and spends the rest on the edges of
    text and lines."""
    from PIL import Image

    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=dpi, bbox_inches="tight", pad_inches=0.3)  # room for shaped Devanagari
    with Image.open(raw) as image:
        flat = Image.alpha_composite(Image.new("RGBA", image.size, "white"), image.convert("RGBA")).convert("RGB")
    out = io.BytesIO()
    palette = flat.quantize(PNG_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    palette.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def save(fig: Figure, path: str | Path, dpi: int = SAVE_DPI) -> Path:
    """Save ``fig`` as PNG at ``path`` (folders created; on white, with a palette: :func:`png_bytes`) and return
    the path."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(png_bytes(fig, dpi))
    return p


# --- phones ------------------------------------------------------------------------------------------------

# A page shows a chart at most about 376 px wide on a 400 px phone. A desk chart (up to MAX_WIDTH inches) is then
# shrunk to a third and its 10-11 pt labels to 5-6 px; at this width they stay 11-12 px.
PHONE_WIDTH = 4.0  # inches
PHONE_COLUMNS = 8  # a heatmap with more columns keeps one layout: narrower, its numbers and labels would collide
BILINGUAL = " · "  # "परिवहन · Transport and connectivity": on a phone, the two names on two lines
TITLE_CHARS = 34  # a longer title is broken at BILINGUAL (else it would widen the saved image)


def phone_png(fig: Figure, dpi: int = SAVE_DPI) -> bytes:
    """The chart laid out again for a phone, as PNG bytes: :data:`PHONE_WIDTH` inches wide, the height kept,
    bilingual row labels on two lines; a heatmap of more than :data:`PHONE_COLUMNS` columns turned on its side
    (:func:`turned_heatmap`: months down the page, not across it); a map drawn again by the function that drew it
    (``fig.sahyog_phone``: :func:`place_map`, whose labels are placed apart for its own size). Empty (one layout
    serves both) for another axis of fixed aspect and for a heatmap too wide either way. Changes ``fig``: call it
    after the desk PNG is saved."""
    remake = getattr(fig, "sahyog_phone", None)  # a map draws itself again for a phone (place_map)
    if remake is not None:
        small = remake()
        try:
            return png_bytes(small, dpi)
        finally:
            plt.close(small)
    if any(ax.get_aspect() != "auto" for ax in fig.axes):
        return b""
    if any(ax.images and len(ax.get_xticks()) > PHONE_COLUMNS for ax in fig.axes):
        turned = turned_heatmap(fig)
        if turned is None:
            return b""
        try:
            return phone_png(turned, dpi)
        finally:
            plt.close(turned)
    for ax in fig.axes:
        _two_lines(ax)
    w, h = fig.get_size_inches()
    if w > PHONE_WIDTH:
        fig.set_size_inches(PHONE_WIDTH, h)
        if not isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine):
            fig.tight_layout()  # a constrained layout lays itself out again when saved
    return png_bytes(fig, dpi)


def turned_heatmap(fig: Figure) -> Figure | None:
    """A :func:`heatmap` figure drawn again with rows and columns swapped, for a phone, when it then has at most
    :data:`PHONE_COLUMNS` columns (None otherwise, or for any other figure)."""
    if len(fig.axes) != 1 or len(fig.axes[0].images) != 1:
        return None
    ax = fig.axes[0]
    image = ax.images[0]
    data = np.asarray(image.get_array())
    rows = list(ax.yaxis.get_major_formatter().format_ticks(ax.get_yticks()))
    cols = list(ax.xaxis.get_major_formatter().format_ticks(ax.get_xticks()))
    if data.ndim != 2 or data.shape != (len(rows), len(cols)) or len(rows) > PHONE_COLUMNS:
        return None
    table = pd.DataFrame(data.T, index=cols, columns=rows)
    return heatmap(table, ax.get_title(loc="left"), image.get_cmap().name, xlabel=ax.get_ylabel(),
                   ylabel=ax.get_xlabel())  # fmt: skip


def _two_lines(ax) -> None:
    """Bilingual row labels and a long title of ``ax`` broken at :data:`BILINGUAL`; a heatmap's column labels
    upright (at 45° in a narrow column, long labels run into their neighbours)."""
    if ax.images:
        ax.tick_params(axis="x", labelrotation=90)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("center")
    ticks = ax.get_yticks()
    labels = list(ax.yaxis.get_major_formatter().format_ticks(ticks))  # drawn or not, one per tick (not per side)
    if any(BILINGUAL in t for t in labels):
        ax.set_yticks(ticks, [t.replace(BILINGUAL, "\n") for t in labels])
    title = ax.get_title(loc="left")
    if len(title) > TITLE_CHARS and BILINGUAL in title:
        ax.set_title(title.replace(BILINGUAL, "\n", 1), loc="left", fontsize=TITLE_SIZE, pad=TITLE_PAD)


# --- maps ------------------------------------------------------------------------------------------------

LAND, LAND_NAMED, SEA, BORDER = "#ecefe8", "#f6e3c8", "#dbe9f3", "#98a6ad"


@lru_cache(maxsize=1)
def country_outlines() -> dict[str, list[np.ndarray]]:
    """Every country's outline (ISO alpha-2 → outer rings of lon/lat points), from the GeoJSON that the
    ``countryinfo`` package ships: borders and coastlines offline, nothing downloaded."""
    import countryinfo

    out: dict[str, list[np.ndarray]] = {}
    for country in countryinfo.all_countries():
        try:
            code, shape = country.iso()["alpha2"], country.geo_json()
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        rings = [
            np.asarray(poly[0], dtype=float)
            for feature in shape.get("features", [])
            for poly in _polygons(feature.get("geometry") or {})
        ]
        if rings:
            out[code] = rings
    return out


def _polygons(geometry: dict) -> list:
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"]]
    return list(geometry.get("coordinates", [])) if geometry.get("type") == "MultiPolygon" else []


def _extent(lons: Sequence[float], lats: Sequence[float], min_span: float = 12.0) -> tuple[float, float, float, float]:
    """A lon/lat box around the points with a margin, at least ``min_span`` degrees each way."""
    x0, x1, y0, y1 = min(lons), max(lons), min(lats), max(lats)
    pad_x = max((x1 - x0) * 0.18, (min_span - (x1 - x0)) / 2, 1.5)
    pad_y = max((y1 - y0) * 0.18, (min_span - (y1 - y0)) / 2, 1.5)
    return x0 - pad_x, x1 + pad_x, max(y0 - pad_y, -85.0), min(y1 + pad_y, 85.0)


def _fit(extent: tuple[float, float, float, float], ratio: float) -> tuple[float, float, float, float]:
    """Widen or heighten ``extent`` so that the map (lon scaled by cos(lat)) is ``ratio`` wide per unit high,
    never past the poles (±85°) or the date line."""
    x0, x1, y0, y1 = extent
    scale = np.cos(np.radians((y0 + y1) / 2))
    width, height = (x1 - x0) * scale, y1 - y0
    if width < ratio * height:
        extra = (ratio * height - width) / scale / 2
        x0, x1 = x0 - extra, x1 + extra
    else:
        extra = (width / ratio - height) / 2
        y0, y1 = y0 - extra, y1 + extra
    return max(x0, -180.0), min(x1, 180.0), max(y0, -85.0), min(y1, 85.0)


def draw_countries(ax, extent: tuple[float, float, float, float], named: Iterable[str] = ()) -> None:
    """Land, borders and coastlines inside ``extent``; the ``named`` countries (ISO codes) tinted."""
    from matplotlib.collections import PolyCollection

    x0, x1, y0, y1 = extent
    named = set(named)
    rings, colours = [], []
    for code, outlines in country_outlines().items():
        for ring in outlines:
            if ring[:, 0].max() < x0 or ring[:, 0].min() > x1 or ring[:, 1].max() < y0 or ring[:, 1].min() > y1:
                continue
            rings.append(ring)
            colours.append(LAND_NAMED if code in named else LAND)
    ax.set_facecolor(SEA)
    ax.add_collection(PolyCollection(rings, facecolors=colours, edgecolors=BORDER, linewidths=0.7, zorder=0))


MAP_SIZE = {False: (9.0, 7.0), True: (PHONE_WIDTH, 5.2)}  # inches: the desk's map and the phone's
MAP_LABEL_PT = {False: 10, True: 8}


def place_map(points: pd.DataFrame, routes: Sequence[tuple[str, Sequence[str]]] = (), title: str = "",
              phone: bool = False) -> Figure:  # fmt: skip
    """Countries and places on a map with borders and coastlines, labelled without overlaps, routes as lines.

    ``points`` has columns ``id, label, type, lat, lon`` (a country sits at its capital and shares one
    label with it); ``routes`` are ``(legend label, stop ids)``. The map is a plate carrée scaled for
    the latitude; labels are moved apart by adjustText, with a thin leader line where they moved. The desk's
    figure carries its phone layout (:func:`phone_png`): :data:`PHONE_WIDTH` inches wide, labels in English only
    (the last part of a bilingual label), so that they stay readable and apart on a small screen.
    """
    from functools import partial

    from adjustText import adjust_text

    use_devanagari_font()
    pts = points.dropna(subset=["lat", "lon"]).drop_duplicates("id").set_index("id")
    if phone:
        pts = pts.assign(label=[str(x).split(BILINGUAL)[-1] for x in pts["label"]])
    fig, ax = plt.subplots(figsize=MAP_SIZE[phone], dpi=110)
    if not phone:
        fig.sahyog_phone = partial(place_map, points, routes, title, phone=True)  # type: ignore[attr-defined]
    if pts.empty:
        ax.text(0.5, 0.5, "no places with coordinates", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _finish(fig, ax, title)
    extent = _fit(_extent(list(pts["lon"]), list(pts["lat"])), ratio=1.35)
    draw_countries(ax, extent, [i for i, t in pts["type"].items() if t == "country"])
    _draw_routes(ax, pts, routes)
    styles = {"country": dict(marker="s", s=70, color="#b5462f"), "place": dict(marker="o", s=45, color=ACCENT)}
    for kind, style in styles.items():
        sub = pts[pts["type"] == kind]
        if not sub.empty:
            ax.scatter(
                sub["lon"],
                sub["lat"],
                zorder=3,
                label="country (at its capital)" if kind == "country" else "city",
                edgecolor="white",
                linewidth=0.8,
                **style,
            )
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_aspect(1 / np.cos(np.radians((extent[2] + extent[3]) / 2)))
    texts = []
    for (lat, lon), group in pts.groupby([pts["lat"].round(2), pts["lon"].round(2)], sort=False):
        group = group.sort_values("type", ascending=False)  # the city first, then its country
        texts.append(
            ax.text(
                lon,
                lat,
                "\n".join(group["label"]),
                fontsize=MAP_LABEL_PT[phone],
                zorder=4,
                ha="left",
                va="bottom",
                color="#7a2b1c" if (group["type"] == "country").all() else "#1d2a33",
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8),
            )
        )
    fig.tight_layout()
    adjust_text(
        texts,
        x=list(pts["lon"]),
        y=list(pts["lat"]),
        ax=ax,
        ensure_inside_axes=True,
        force_text=(0.9, 1.3) if phone else (0.6, 1.0),
        force_static=(0.4, 0.6),
        expand=(1.3, 1.7) if phone else (1.3, 1.6),  # room around each label (boxes touched at 1.15 x 1.5 on the desk)
        iter_lim=3000,
        arrowprops=dict(arrowstyle="-", color="#5b6b76", lw=0.6),
    )
    ax.tick_params(labelsize=8 - phone, colors="#5b6b76")
    if not phone:  # on a phone the degrees on the ticks say enough, and the legend needs the room
        ax.set_xlabel("longitude (°E)", fontsize=8, color="#5b6b76")
        ax.set_ylabel("latitude (°N)", fontsize=8, color="#5b6b76")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06 if phone else -0.08), fontsize=9 - phone,
              frameon=False, ncol=1 if phone else 2)  # fmt: skip
    return _finish(fig, ax, title)


def _draw_routes(ax, pts: pd.DataFrame, routes: Sequence[tuple[str, Sequence[str]]]) -> None:
    palette = plt.get_cmap("tab10")
    for k, (label, stops) in enumerate(routes):
        coords = [(pts.loc[s, "lon"], pts.loc[s, "lat"]) for s in stops if s in pts.index]
        if len(coords) >= 2:
            xs, ys = zip(*coords, strict=True)
            ax.plot(xs, ys, "-", color=palette(k % 10), lw=2.4, alpha=0.8, zorder=2, label=label)
