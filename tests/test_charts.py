"""Charts: the map has real borders and coastlines from offline data, and its labels do not overlap."""

from __future__ import annotations

import itertools

import matplotlib
import pandas as pd

matplotlib.use("Agg")

from sahyog import charts


def test_country_outlines_ship_with_the_package():
    outlines = charts.country_outlines()
    assert {"PK", "KZ", "AF", "IN", "AE"} <= set(outlines)
    lon, lat = outlines["PK"][0].mean(axis=0)
    assert 60 < lon < 78 and 23 < lat < 37  # Pakistan where Pakistan is


def _points(rows: list[tuple]) -> pd.DataFrame:
    """Map points as the notebook passes them: id, bilingual label, type, latitude, longitude."""
    return pd.DataFrame(rows, columns=["id", "label", "type", "lat", "lon"])


def test_map_draws_borders_and_keeps_crowded_labels_apart():
    points = _points(
        [
            ("PK", "पाकिस्तान · Pakistan", "country", 33.72, 73.04),
            ("geo:1", "इस्लामाबाद · Islamabad", "place", 33.72, 73.04),
            ("geo:2", "लाहौर · Lahore", "place", 31.56, 74.35),
            ("AF", "अफ़गानिस्तान · Afghanistan", "country", 34.53, 69.17),
            ("geo:3", "पेशावर · Peshawar", "place", 34.01, 71.58),
            ("geo:4", "रावलपिंडी · Rawalpindi", "place", 33.6, 73.07),
        ]
    )
    fig = charts.place_map(points, [("Lahore → Kabul", ["geo:2", "AF"])], title="स्थान · places")
    ax = fig.axes[0]
    assert ax.collections and any(type(c).__name__ == "PolyCollection" for c in ax.collections)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]
    assert len(boxes) == 5  # Islamabad and Pakistan share one label
    overlaps = [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]
    assert overlaps == []


def test_map_of_far_apart_places_stays_on_the_globe():
    points = _points(
        [
            ("US", "United States", "country", 38.9, -77.0),
            ("CN", "China", "country", 39.9, 116.4),
            ("IN", "India", "country", 28.6, 77.2),
        ]
    )
    ax = charts.place_map(points).axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert -180 <= x0 < -77 and 116.4 < x1 <= 180 and y0 >= -90 and y1 <= 90


SHOWN_PX = 900  # about the width a chart gets in JupyterLab's output area and on a report page


def test_long_bar_labels_leave_room_for_ticks_that_do_not_collide():
    """05's country-pair chart: long bilingual labels squeezed the axis until its ticks overlapped."""
    import matplotlib.pyplot as plt

    from sahyog import charts

    labels = [f"अफ़गानिस्तान – तुर्कमेनिस्तान · Afghanistan – Turkmenistan {i}" for i in range(11)]
    fig = charts.barh(labels, [156] + [32] * 10, title="देश-युग्म · country pairs", xlabel="agreements")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].get_xticklabels() if t.get_text()]
    plt.close(fig)
    assert len(boxes) >= 3
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(boxes)]
    assert min(gaps) >= 10, f"tick labels run together (gaps {gaps} px)"  # "100120140160" before


def test_the_month_heatmap_text_is_readable_at_the_width_shown():
    """05's agreement-by-month heatmap: its numbers were about 9 px tall once scaled to the page."""
    import matplotlib.pyplot as plt
    import pandas as pd

    from sahyog import charts

    table = pd.DataFrame(
        [[i % 9 + 1] * 12 for i in range(7)],
        index=[f"सांस्कृतिक पहल · cultural initiative {i}" for i in range(7)],
        columns=[f"2025-{m:02d}" for m in range(1, 13)],
    )
    fig = charts.heatmap(table, title="समझौते · agreement categories by month", xlabel="month")
    width_px = fig.get_figwidth() * charts.SCREEN_DPI
    scale = min(1.0, SHOWN_PX / width_px)
    sizes = [t.get_fontsize() for t in fig.axes[0].texts]
    plt.close(fig)
    assert sizes and min(sizes) * charts.SCREEN_DPI / 72 * scale >= 12  # px tall, as shown


def test_a_short_heatmap_with_long_column_labels_still_lays_out():
    # one or two rows under labels at 45°: the figure grows below, and tight_layout no longer warns into the page
    import warnings

    table = pd.DataFrame(
        [[1, 0], [0, 1]],
        index=["ऋण / अनुदान · loan / grant / credit", "समझौता · agreement"],
        columns=["कोई क्षेत्र नहीं · no sector", "परिवहन · Transport and connectivity"],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        fig = charts.heatmap(table, "श्रेणी × क्षेत्र · category × sector", xlabel="sector")
    matplotlib.pyplot.close(fig)


PHONE_SHOWN_PX = 376  # the width a chart gets on a 400 px phone (page margins taken off)


def _png_width(png: bytes) -> int:
    return int.from_bytes(png[16:20], "big")  # PNG header: pixel width


def _png_height(png: bytes) -> int:
    return int.from_bytes(png[20:24], "big")


def test_the_phone_layout_keeps_bar_labels_readable_on_a_phone(tmp_path):
    """A desk chart shown 376 px wide has labels 6-8 px tall; the phone layout, shown as wide, 11 px or more."""
    import matplotlib.pyplot as plt

    labels = ["परिवहन · Transport and connectivity", "व्यापार · Trade", "ऊर्जा · Energy"]
    fig = charts.barh(labels, [8, 7, 1], title="सहयोग के क्षेत्र · sectors of cooperation", xlabel="mentions")
    desk = _png_width(charts.save(fig, tmp_path / "desk.png").read_bytes())
    png = charts.phone_png(fig)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    size = fig.axes[0].get_yticklabels()[0].get_fontsize()
    plt.close(fig)
    assert all("\n" in t and " · " not in t for t in ticks)  # Hindi above English
    assert size * charts.SAVE_DPI / 72 * PHONE_SHOWN_PX / _png_width(png) >= 11  # px tall as shown
    assert size * charts.SAVE_DPI / 72 * PHONE_SHOWN_PX / desk < 9  # what the desk layout gives


def test_a_map_is_drawn_again_for_a_phone_with_readable_labels_apart(tmp_path):
    # shrunk, the desk's map had 5 px labels; the phone's is drawn at its width, in English only, labels apart
    points = _points(
        [
            ("PK", "पाकिस्तान · Pakistan", "country", 33.72, 73.04),
            ("geo:2", "लाहौर · Lahore", "place", 31.56, 74.35),
            ("AF", "अफ़गानिस्तान · Afghanistan", "country", 34.53, 69.17),
            ("geo:3", "कराची · Karachi", "place", 24.86, 67.0),
            ("AE", "संयुक्त अरब अमीरात · United Arab Emirates", "country", 24.45, 54.38),
        ]
    )
    desk = charts.place_map(points, title="स्थान · places")
    desk_px = _png_width(charts.save(desk, tmp_path / "map.png").read_bytes())
    png = charts.phone_png(desk)
    matplotlib.pyplot.close(desk)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and _png_width(png) < desk_px
    phone = charts.place_map(points, title="स्थान · places", phone=True)
    ax = phone.axes[0]
    renderer = phone.canvas.get_renderer()
    texts = [t for t in ax.texts if t.get_text()]
    assert {t.get_text() for t in texts} == {"Pakistan", "Lahore", "Afghanistan", "Karachi", "United Arab Emirates"}
    boxes = [t.get_window_extent(renderer) for t in texts]
    assert [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)] == []
    size = texts[0].get_fontsize()
    matplotlib.pyplot.close(phone)
    assert size * charts.SAVE_DPI / 72 * PHONE_SHOWN_PX / _png_width(png) >= 9  # px tall as shown on a phone


def test_saved_charts_keep_every_shade_of_a_heatmap_and_white(tmp_path):
    """The PNG palette (256 colours) must not merge two counts of a heatmap into one shade, nor tint white."""
    from PIL import Image

    table = pd.DataFrame([list(range(31))] * 4, index=[f"r{i}" for i in range(4)], columns=[f"c{j}" for j in range(31)])
    fig = charts.heatmap(table, "shades", xlabel="x")
    with Image.open(charts.save(fig, tmp_path / "h.png")) as image:
        assert image.mode == "P" and round(image.info["dpi"][0]) == charts.SAVE_DPI
        areas = [rgb for n, rgb in image.convert("RGB").getcolors(1 << 16) if n > 1000]  # cells and background
    matplotlib.pyplot.close(fig)
    assert (255, 255, 255) in areas
    assert len(areas) >= 31  # 31 counts (0 is the colour map's lightest shade, not white), plus white


def test_a_wide_heatmap_turns_on_its_side_for_a_phone():
    """Twelve months across four inches would collide: on a phone the months run down the page."""
    import matplotlib.pyplot as plt

    months = [f"2025-{m:02d}" for m in range(1, 13)]
    wide = pd.DataFrame([list(range(12)), [1] * 12], index=["समझौता · agreement", "ऋण · loan"], columns=months)
    fig = charts.heatmap(wide, "समझौते · agreement categories by month", xlabel="month")
    turned = charts.turned_heatmap(fig)
    ax = turned.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == months and ax.get_ylabel() == "month"
    assert ax.images[0].get_array()[11, 0] == 11  # December's agreements, now row 12, column 1
    plt.close(turned)
    png = charts.phone_png(fig)
    plt.close(fig)
    assert _png_height(png) > _png_width(png)  # tall, not wide
    square = pd.DataFrame([[1] * 12] * 12, index=months, columns=months)
    fig = charts.heatmap(square, "too wide either way")
    assert charts.phone_png(fig) == b""  # one layout serves both
    plt.close(fig)


def test_the_phone_layout_leaves_odd_figures_alone():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3), layout="constrained")  # a notebook's own figure with a colour bar
    fig.colorbar(ax.imshow([[0, 1]], aspect="auto"))
    assert charts.phone_png(fig) in (b"", charts.png_bytes(fig))  # no error (tight_layout would raise)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(8, 3), layout="constrained")  # labels on both sides of the axis
    ax.barh(["ऊर्जा · Energy", "जल · Water"], [2, 1])
    ax.tick_params(labelright=True)
    assert charts.phone_png(fig)[:8] == b"\x89PNG\r\n\x1a\n"
    assert {t.get_text() for t in ax.get_yticklabels()} == {"ऊर्जा\nEnergy", "जल\nWater"}  # both sides
    plt.close(fig)


def test_the_example_maps_label_boxes_do_not_touch():
    """The white boxes behind the labels, not only their letters, stay apart on the example's map (Afghanistan
    and Islamabad touched on the desk)."""
    from sahyog import extract, paths, present, tables

    record = tables.reported(extract.record_for(paths.example_article(), "", ""), False)[0]
    ents = tables.entities(record)
    points = ents[ents["type"].isin(tables.MAPPABLE)].assign(label=lambda d: present.place_labels(d, True))
    routes = tables.routes(record)
    for phone in (False, True):
        fig = charts.place_map(points[["id", "label", "type", "lat", "lon"]],
                               list(zip(routes["route"], routes["stops"], strict=True)),
                               title="स्थान और गलियारे · places and corridors", phone=phone)  # fmt: skip
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in fig.axes[0].texts if t.get_text()]
        assert len(boxes) >= 8
        assert [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)] == [], phone
