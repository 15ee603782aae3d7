"""Charts with correctly shaped Devanagari labels.

Matplotlib >= 3.11 shapes Devanagari through libraqm; it still needs a font that has the glyphs, so
:func:`use_devanagari_font` registers Noto Sans Devanagari from the PyPI package
``fontpkg-noto-sans-devanagari`` at run time (no system font is assumed). Every chart function
returns a :class:`matplotlib.figure.Figure` and leaves showing or saving to the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import font_manager
from matplotlib.figure import Figure
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


def _finish(fig: Figure, ax, title: str) -> Figure:
    ax.set_title(title, loc="left", fontsize=13, pad=10)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def barh(labels: Sequence[str], values: Sequence[float], title: str, xlabel: str = "") -> Figure:
    """Horizontal bar chart, largest bar on top, value printed at the end of each bar."""
    use_devanagari_font()
    labels, values = list(labels)[::-1], list(values)[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(labels), 3) + 1.2), dpi=110)
    bars = ax.barh(labels, values, color=ACCENT)
    ax.bar_label(bars, padding=3, fontsize=9)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.08)
    ax.tick_params(axis="y", labelsize=11)
    return _finish(fig, ax, title)


def heatmap(table: pd.DataFrame, title: str, cmap: str = "Blues", xlabel: str = "", ylabel: str = "") -> Figure:
    """Heatmap of a numeric table (rows × columns) with the count written in every non-zero cell."""
    use_devanagari_font()
    rows, cols = table.shape
    fig, ax = plt.subplots(figsize=(max(5.0, 0.65 * cols + 3), max(2.5, 0.45 * rows + 1.6)), dpi=110)
    data = table.to_numpy(dtype=float)
    ax.imshow(data, cmap=cmap, aspect="auto", vmin=0, vmax=max(1.0, data.max() if data.size else 1.0))
    ax.set_xticks(range(cols), [str(c) for c in table.columns], rotation=45, ha="right")
    ax.set_yticks(range(rows), [str(r) for r in table.index])
    vmax = data.max() if data.size else 0
    for i in range(rows):
        for j in range(cols):
            if data[i, j]:
                ax.text(j, i, f"{data[i, j]:g}", ha="center", va="center", fontsize=9,
                        color="white" if data[i, j] > vmax / 2 else "black")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return _finish(fig, ax, title)


def save(fig: Figure, path: str | Path) -> Path:
    """Save ``fig`` as PNG at ``path`` (folders created) and return the path."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(p, dpi=110, bbox_inches="tight")
    return p


def place_map(points: pd.DataFrame, routes: Sequence[tuple[str, Sequence[str]]] = (), title: str = "") -> Figure:
    """Countries and places on longitude × latitude, labelled, with routes drawn as lines between stops.

    ``points`` has columns ``id, label, type, lat, lon``; a country sits at its capital, so its label
    goes below the point and a place's above. ``routes`` are ``(legend label, stop ids)``. No base map
    is drawn (it would need map data from the network): the graticule gives the geography.
    """
    use_devanagari_font()
    pts = points.dropna(subset=["lat", "lon"]).drop_duplicates("id").set_index("id")
    fig, ax = plt.subplots(figsize=(11, 6.5), dpi=110)
    palette = plt.get_cmap("tab10")
    for k, (label, stops) in enumerate(routes):
        coords = [(pts.loc[s, "lon"], pts.loc[s, "lat"]) for s in stops if s in pts.index]
        if len(coords) >= 2:
            xs, ys = zip(*coords, strict=True)
            ax.plot(xs, ys, "-", color=palette(k % 10), lw=2.2, alpha=0.75, zorder=1, label=label)
    styles = {"country": dict(marker="s", s=90, color="#b5462f"), "place": dict(marker="o", s=55, color=ACCENT)}
    for kind, style in styles.items():
        sub = pts[pts["type"] == kind]
        if not sub.empty:
            ax.scatter(sub["lon"], sub["lat"], zorder=3, label=f"{kind} ({'capital' if kind == 'country' else 'city'})",
                       edgecolor="white", linewidth=0.8, **style)
    # a country at its capital shares the point with the capital city: one label for both
    for (lat, lon), group in pts.groupby([pts["lat"].round(2), pts["lon"].round(2)], sort=False):
        group = group.sort_values("type", ascending=False)  # place first, then country
        only_country = (group["type"] == "country").all()
        ax.annotate("\n".join(group["label"]), (lon, lat), xytext=(7, -14 if only_country else 6),
                    textcoords="offset points", fontsize=9.5, zorder=4, va="bottom" if not only_country else "baseline",
                    color="#7a2b1c" if only_country else "#1d2a33",
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.75))
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    ax.grid(True, color="#dde4e8", lw=0.8)
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.15)
    if len(pts) or routes:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8.5, frameon=False)
    return _finish(fig, ax, title)
