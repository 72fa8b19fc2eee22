"""The bar chart of pc-chart, drawn with matplotlib (Agg, no network), as SVG or PDF bytes.

Deterministic: no date or tool version in the file, ``svg.hashsalt`` fixed,
so a rebuild and ``-j N`` write the same bytes.  Text is drawn in a Japanese
font found through matplotlib's font manager; in SVG it becomes paths (the
chart needs no font to show), in PDF the font is embedded (Type 3 subset).

Each series (category) has a colour with at least 3:1 contrast against the
white background (WCAG 1.4.11) and a hatching of its own, and every bar
carries its numbers as text, so that nothing is told by colour alone.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

# Japanese sans-serif families, in order of preference.
JAPANESE_FONTS = ("Noto Sans CJK JP", "Harano Aji Gothic", "Source Han Sans JP", "IPAexGothic", "IPAGothic", "Noto Sans JP")
# Colours with ≥ 3:1 contrast against white (checked by tests/unit/test_chart.py),
# distinguishable with colour-vision deficiencies (after Okabe & Ito, darkened).
COLOURS = ("#0072B2", "#B34700", "#00795C", "#8E3F8E", "#5C5C5C", "#9A6A00", "#1F4E79", "#A0303A")
HATCHES = ("//", "\\\\", "xx", "..", "--", "++", "oo", "||")
BACKGROUND = "#FFFFFF"
TEXT = "#1A1A1A"
WIDTH_INCHES = 5.8  # about the text width of an A4 page
FONT_SIZE = 10.5
SALT = "pubcomment"


@dataclass(frozen=True)
class Bar:
    label: str  # on the axis, already wrapped
    counts: tuple[int, ...]  # one per series
    value_label: str  # at the end of the bar: 「計 5件（A 2・B 3）」


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    series: tuple[str, ...]  # legend entries; one series: no legend
    axis_label: str  # 件数


class NoJapaneseFontError(LookupError):
    pass


def japanese_font() -> str:
    """The file of the first installed family of JAPANESE_FONTS."""
    from matplotlib import font_manager

    by_name: dict[str, list[str]] = {}
    for entry in font_manager.fontManager.ttflist:
        if entry.style == "normal" and entry.weight in (400, "normal", "regular"):
            by_name.setdefault(entry.name, []).append(entry.fname)
    for name in JAPANESE_FONTS:
        if name in by_name:
            return sorted(by_name[name])[0]
    # matplotlib lists the fonts installed when its cache was made: ask
    # fontconfig for one installed since (make html installs one, tools/system-deps.sh).
    for name in JAPANESE_FONTS:
        found = _fontconfig_file(name)
        if found:
            return found
    raise NoJapaneseFontError(
        f"none of {', '.join(JAPANESE_FONTS)} is installed (fc-list); install one (Debian, Ubuntu: apt-get install fonts-noto-cjk)"
    )


def _fontconfig_file(family: str) -> str | None:
    """The file of ``family``'s regular face by fontconfig, or None (not installed, or no fc-list)."""
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    found = subprocess.run([fc_list, f"{family}:style=Regular", "file"], capture_output=True, text=True, check=False).stdout
    files = sorted(line.strip().rstrip(":") for line in found.splitlines() if line.strip())
    return files[0] if files else None


def height_inches(chart: Chart) -> float:
    """The chart's height: its bars (with their labels' lines) and its legend."""
    lines = max((bar.label.count("\n") + 1 for bar in chart.bars), default=1)
    height = 0.8 + len(chart.bars) * max(0.45, 0.2 * lines + 0.15)
    if len(chart.series) > 1:
        height += 0.15 + 0.27 * sum(name.count("\n") + 1 for name in chart.series)
    return round(height, 2)


def split(chart: Chart, most: float) -> list[Chart]:
    """The chart in parts of consecutive bars, each at most ``most`` inches tall (a bar taller alone is a part alone)."""
    parts: list[list[Bar]] = [[]]
    for bar in chart.bars:
        if parts[-1] and height_inches(Chart((*parts[-1], bar), chart.series, chart.axis_label)) > most:
            parts.append([])
        parts[-1].append(bar)
    return [Chart(tuple(bars), chart.series, chart.axis_label) for bars in parts]


def draw(chart: Chart, fmt: str) -> bytes:
    """The chart as ``svg`` or ``pdf`` bytes."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    font = font_manager.FontProperties(fname=japanese_font(), size=FONT_SIZE)
    family = font.get_name()
    settings: dict[str, Any] = {
        "svg.hashsalt": SALT,
        "svg.fonttype": "path",
        "pdf.fonttype": 3,
        "hatch.linewidth": 1.2,
        "font.size": FONT_SIZE,
        "font.family": [family],
        "text.color": TEXT,
        "axes.edgecolor": TEXT,
        "axes.labelcolor": TEXT,
        "xtick.color": TEXT,
        "ytick.color": TEXT,
        "path.simplify": False,
        # Every text is the data's, drawn as typed: ``$x$`` in a title is not mathematics (mathtext), nor TeX.
        "text.parse_math": False,
        "text.usetex": False,
    }
    with matplotlib.rc_context(settings):  # type: ignore[arg-type]
        height = height_inches(chart)
        # A fixed size (the labels and the legend fit inside by the constrained
        # layout), so that every chart prints at the same scale.
        figure, axes = plt.subplots(figsize=(WIDTH_INCHES, height), facecolor=BACKGROUND, layout="constrained")
        try:
            _plot(axes, chart, font)
            buffer = io.BytesIO()
            metadata: dict[str, str | None] = (
                {"Date": None, "Creator": None}
                if fmt == "svg"
                else {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None}
            )
            figure.savefig(buffer, format=fmt, metadata=metadata, facecolor=BACKGROUND)
        finally:
            plt.close(figure)
    data = buffer.getvalue()
    return _clean_svg(data) if fmt == "svg" else data


def _clean_svg(data: bytes) -> bytes:
    """matplotlib's SVG as EPUB 3 takes it: no DOCTYPE with external identifiers (OPF-073,
    HTM-003), and the empty glyphs (a space) with a ``d`` that draws nothing (RSC-005)."""
    text = data.decode("utf-8")
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text, count=1)
    text = re.sub(r"<path(?![^>]*\sd=)([^>]*?)(/?)>", r'<path d="M 0 0"\1\2>', text)
    return text.encode("utf-8")


def _plot(axes: object, chart: Chart, font: object) -> None:
    from matplotlib.axes import Axes
    from matplotlib.font_manager import FontProperties

    assert isinstance(axes, Axes) and isinstance(font, FontProperties)
    positions = list(range(len(chart.bars)))
    lefts = [0] * len(chart.bars)
    many = len(chart.series) > 1
    for index, name in enumerate(chart.series):
        widths = [bar.counts[index] for bar in chart.bars]
        colour = COLOURS[index % len(COLOURS)]
        axes.barh(
            positions,
            widths,
            left=lefts,
            height=0.6,
            color=colour,
            edgecolor=BACKGROUND,
            linewidth=1.0,
            hatch=HATCHES[index % len(HATCHES)] if many else None,
            label=name,
        )
        lefts = [left + width for left, width in zip(lefts, widths, strict=True)]
    top = max(lefts, default=0) or 1
    labels = [
        axes.text(end + top * 0.015, position, bar.value_label, va="center", ha="left", fontproperties=font, color=TEXT)
        for position, (bar, end) in enumerate(zip(chart.bars, lefts, strict=True))
    ]
    for label in labels:
        label.set_in_layout(False)  # kept inside the axes below
    axes.set_yticks(positions, [bar.label for bar in chart.bars], fontproperties=font, multialignment="left")
    axes.invert_yaxis()  # the first topic on top, as in the table
    axes.set_xlim(0, top * 1.02)
    axes.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    axes.set_xlabel(chart.axis_label, fontproperties=font)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0)
    if many:
        axes.figure.legend(prop=font, loc="outside lower left", ncol=1, frameon=False, handlelength=2.4, handleheight=1.4)
    # Widen the x range so that the value labels at the ends of the bars fit
    # inside the axes: a label of w pixels after a bar ending at x needs a
    # range R with (x + gap) / R * W + w <= W, W the axes' width in pixels.
    figure = axes.figure
    for _ in range(3):
        figure.canvas.draw()
        width = axes.get_window_extent().width
        needed = max(
            (end + top * 0.015) * width / max(width - label.get_window_extent().width - 4, 1)
            for end, label in zip(lefts, labels, strict=True)
        )
        if abs(needed - axes.get_xlim()[1]) < top * 0.01:
            break
        axes.set_xlim(0, max(needed, top * 1.02))


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two ``#RRGGBB`` colours."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)
