"""pc-chart: the opinions counted by topic or by category, as a bar chart.

The numbers are those of pc-tally (core/tally.py), which stays the
accessible source; the chart's text alternative says every number too.
The image is drawn while the page is resolved (in the main process, so
``-j`` writes the same file) and written into the output, where the page
links to it: SVG under ``_images/`` for HTML and ePub, a PDF beside the
LaTeX sources for print (``\\sphinxincludegraphics``).  A file that did not
change is not written again.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..core.problems import Subtype
from ..core.tally import tally
from ..warnings_ import warn
from . import chart_image
from .context import RenderContext, documents_under
from .opinions import of_rows, topic_heading

BY = ("topic", "category")
WRAP = 14  # characters of a bar's label per line
NO_LINE_START = "、。，．）」』】〕・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ"
LEGEND_WRAP = 30  # characters of a legend entry per line
# Lines a bar's label and a legend entry show at most; a longer text ends in … (the table has it whole).
MAX_LABEL_LINES = 6
MAX_LEGEND_LINES = 3
# Print: a chart up to two pages tall is one image (scaled to the page); a taller one is
# printed in parts of at most a page each, never one image TeX cannot measure (about 226 in).
PRINT_SPLIT_INCHES = 18.0
PRINT_PART_INCHES = 8.0
# More bars than this make no chart a reader can take in (and take minutes to draw): pc-tally states every count.
MAX_BARS = 100


def render_chart(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    consultation = ctx.consultation
    by = node.get("by", "topic")
    if not consultation.opinions:
        return []  # pc-opinions says there were none
    if by == "category" and not consultation.categories:
        warn(Subtype.DIRECTIVE, "pc-chart :by: category: the consultation has no categories (対応区分); use :by: topic", node)
        return []
    if ctx.builder.name == "epub" and ctx.docname not in documents_under(ctx.builder.env, ctx.builder.config.root_doc):
        return []  # a page this ePub leaves out: no image for it in the package
    chart, alt, cut = chart_of(ctx, by)
    if len(chart.bars) > MAX_BARS:
        warn(
            Subtype.CHART,
            f"pc-chart: {len(chart.bars):,} bars are too many for one chart (at most {MAX_BARS}): it is not drawn; "
            "pc-tally states every count",
            node,
        )
        return []
    if cut:
        warn(
            Subtype.CHART,
            f"pc-chart: {cut} of the chart's labels are longer than it shows ({MAX_LABEL_LINES} lines a bar, "
            f"{MAX_LEGEND_LINES} a legend entry): they end in …; the tables show them whole",
            node,
        )
    fmt = "svg" if ctx.is_html else "pdf"
    parts = [chart]
    if not ctx.is_html and chart_image.height_inches(chart) > PRINT_SPLIT_INCHES:
        parts = chart_image.split(chart, PRINT_PART_INCHES)
    try:
        data = chart_image.draw(parts[0], fmt)
    except (ImportError, chart_image.NoJapaneseFontError) as error:
        warn(Subtype.CHART, f"pc-chart: the chart cannot be drawn: {error}", node)
        return []
    name = f"{ctx.anchor('chart', by)}.{fmt}"
    caption = of_rows(ctx, ctx.label(f"chart_by_{by}"))
    if ctx.is_html:
        relative = posixpath.join(getattr(ctx.builder, "imagedir", "_images"), name)
        _write(Path(ctx.builder.outdir, relative), data)
        uri = relative_uri(ctx.builder.get_target_uri(ctx.docname), relative)
        image = nodes.image(uri=uri, alt=alt, candidates={"*": uri})
        figure = nodes.figure("", image, ids=[ctx.anchor("chart", by)], classes=["pc-chart"])
        figure += nodes.caption(caption, caption)
        return [figure]
    if len(parts) > 1:
        warn(
            Subtype.CHART,
            f"pc-chart: the chart of {len(chart.bars):,} bars is {chart_image.height_inches(chart):,.0f} inches tall, "
            f"more than a page: print shows it in {len(parts)} parts",
            node,
        )
    title = nodes.paragraph(caption, caption, ids=[ctx.anchor("chart", by)], classes=["pc-chart-caption"])
    # The title is not left at the foot of a page, away from its chart.
    result: list[nodes.Node] = [
        nodes.raw("", f"\\Needspace{{\\dimexpr{chart_image.height_inches(parts[0])}in+2\\baselineskip\\relax}}\n", format="latex"),
        title,
    ]
    for number, part in enumerate(parts, start=1):
        if number > 1:
            name = f"{ctx.anchor('chart', by)}-{number}.{fmt}"
            data = chart_image.draw(part, fmt)
        _write(Path(ctx.builder.outdir, name), data)
        image = nodes.image(uri=name, alt=alt if number == 1 else "", candidates={"*": name})
        result.append(nodes.paragraph("", "", image, classes=["pc-chart"]))
    return result


def chart_of(ctx: RenderContext, by: str) -> tuple[chart_image.Chart, str, int]:
    """The chart's bars, its text alternative (which states every count), and how many labels it cuts."""
    consultation = ctx.consultation
    result = tally(
        consultation, total_label=ctx.label("grand_total"), topic_label=topic_heading, out_of_scope_label=ctx.label("out_of_scope")
    )
    keys = result.category_keys
    unit = "opinions_unit"
    if by == "category":
        labels = [_category_name(ctx, key) for key in keys]
        bars = [
            chart_image.Bar(key, tuple(n if i == j else 0 for j in range(len(keys))), ctx.number(n, unit))
            for i, (key, n) in enumerate(zip(keys, result.total.counts, strict=True))
        ]
        items = [
            ctx.label("chart_alt_item", label=label, count=ctx.number(n, unit), breakdown="")
            for label, n in zip(labels, result.total.counts, strict=True)
        ]
        legend = [_wrap(label, LEGEND_WRAP, MAX_LEGEND_LINES) for label in labels]
        chart = chart_image.Chart(tuple(bars), tuple(text for text, _cut in legend), ctx.label("chart_axis"))
        cut = sum(cut for _text, cut in legend)
        return chart, ctx.label("chart_alt", caption=of_rows(ctx, ctx.label("chart_by_category")), items="".join(items)), cut
    rows = result.rows or (result.total,)
    bars = []
    items = []
    cut = 0
    for row in rows:
        breakdown = ""
        if keys:
            parts = [f"{key} {ctx.number(n)}" for key, n in zip(keys, row.counts, strict=True) if n]
            breakdown = "（" + "・".join(parts) + "）" if len(parts) > 1 or len(keys) > 1 else ""
            spoken = "、".join(f"{key} {ctx.number(n, unit)}" for key, n in zip(keys, row.counts, strict=True) if n)
        label, shortened = _wrap(row.label)
        cut += shortened
        bars.append(chart_image.Bar(label, row.counts, ctx.number(row.total, unit) + breakdown))
        items.append(
            ctx.label(
                "chart_alt_item",
                label=row.label,
                count=ctx.number(row.total, unit),
                breakdown=f"（{spoken}）" if keys and row.total else "",
            )
        )
    legend = [_wrap(_category_name(ctx, key), LEGEND_WRAP, MAX_LEGEND_LINES) for key in keys]
    cut += sum(shortened for _text, shortened in legend)
    series = tuple(text for text, _cut in legend) if keys else (ctx.label("opinions"),)
    chart = chart_image.Chart(tuple(bars), series, ctx.label("chart_axis"))
    return chart, ctx.label("chart_alt", caption=of_rows(ctx, ctx.label("chart_by_topic")), items="".join(items)), cut


def _category_name(ctx: RenderContext, key: str) -> str:
    """「A 御意見を踏まえ、当初案に反映したもの」: the key and its short name (or description)."""
    category = ctx.consultation.category(key)
    if category is None:
        return key
    name = category.label or (category.description.splitlines() or [""])[0]
    return f"{key}　{name}" if name else key


def _wrap(text: str, width: int = WRAP, most: int = MAX_LABEL_LINES) -> tuple[str, bool]:
    """Lines of ``width`` characters; a closing mark (、。）」) stays at the end of its line (kinsoku).

    At most ``most`` lines: a longer text is cut, its last line ending in …; the flag says so.
    """
    count = -(-len(text) // width)
    width = -(-len(text) // max(count, 1))  # lines of even length: no lone last character
    lines: list[str] = []
    for char in text:
        if lines and (len(lines[-1]) < width or char in NO_LINE_START):
            lines[-1] += char
        else:
            lines.append(char)
    if len(lines) > most:
        lines = [*lines[: most - 1], lines[most - 1][: max(width - 1, 1)] + "…"]
        return "\n".join(lines), True
    return "\n".join(lines) or " ", False


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)
