"""The report's charts as reportlab vector drawings: unsur bars, the IPA Cartesian diagram, trend."""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors

from survey.adapters.pdf_common import drawing as _drawing
from survey.adapters.pdf_common import font
from survey.domain.ikm import Recap, TrendPoint, fmt2_id
from survey.domain.ipa import QUADRANTS, Ipa

BAR = colors.HexColor("#2f5d8a")


GRADE_COLOURS = {"A": colors.HexColor("#2e7d32"), "B": colors.HexColor("#2f5d8a"),
                 "C": colors.HexColor("#c77c00"), "D": colors.HexColor("#b3261e")}


def unsur_bars(recap: Recap, width: float) -> Drawing:
    """Converted value (NRR × 25) per unsur, horizontal bars coloured by grade."""
    rows = list(reversed(recap.unsur))  # bar charts draw bottom-up; U1 on top
    height = 250
    d = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 200, 28, width - 232, height - 40
    chart.data = [[float(u.converted or 0) for u in rows]]
    chart.categoryAxis.categoryNames = [f"U{u.unsur} {u.name}" for u in rows]
    chart.categoryAxis.labels.fontName = font("sans")
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontName = font("sans")
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#cccccc")
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    for i, u in enumerate(rows):
        if u.grade is not None:
            chart.bars[(0, i)].fillColor = GRADE_COLOURS[u.grade.letter]
    chart.barLabelFormat = "values"  # exact values, rounded once like the tables
    chart.barLabelArray = [[fmt2_id(u.converted) if u.converted is not None else "" for u in rows]]
    chart.barLabels.fontName = font("sans")
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    d.add(String(chart.x + chart.width / 2, 6, "Nilai konversi (NRR × 25)",
                 fontName=font("sans"), fontSize=8, textAnchor="middle"))
    return d


def _range(values: list[float]) -> tuple[float, float]:
    low = min(values)
    start = max(1.0, int(low * 4) / 4 - 0.25)
    return start, 4.0


def ipa_diagram(ipa: Ipa, width: float) -> Drawing:
    """Cartesian diagram: performance (X) against importance (Y), axes at the means."""
    size = min(width, 330)
    d = _drawing(width, size + 20)
    left, bottom = (width - size) / 2 + 30, 34
    w, h = size - 50, size - 30
    xs = [float(p.performance) for p in ipa.points] + [float(ipa.x_axis)]
    ys = [float(p.importance) for p in ipa.points] + [float(ipa.y_axis)]
    x0, x1 = _range(xs)
    y0, y1 = _range(ys)

    def px(v: float) -> float:
        return left + (v - x0) / (x1 - x0) * w

    def py(v: float) -> float:
        return bottom + (v - y0) / (y1 - y0) * h

    d.add(Rect(left, bottom, w, h, fillColor=None, strokeColor=colors.black, strokeWidth=0.6))
    ax, ay = px(float(ipa.x_axis)), py(float(ipa.y_axis))
    dash = dict(strokeColor=colors.HexColor("#b3261e"), strokeWidth=0.8, strokeDashArray=[3, 2])
    d.add(Line(ax, bottom, ax, bottom + h, **dash))
    d.add(Line(left, ay, left + w, ay, **dash))
    label = dict(fontName=font("sans", "bold"), fontSize=8, fillColor=colors.HexColor("#555555"))
    for key, x, y, anchor in (("A", left + 4, bottom + h - 11, "start"),
                              ("B", left + w - 4, bottom + h - 11, "end"),
                              ("C", left + 4, bottom + 5, "start"),
                              ("D", left + w - 4, bottom + 5, "end")):
        d.add(String(x, y, f"{key}. {QUADRANTS[key]}", textAnchor=anchor, **label))
    tick = dict(fontName=font("sans"), fontSize=7)
    step = 0.25
    v = x0
    while v <= x1 + 1e-9:
        d.add(String(px(v), bottom - 10, f"{v:.2f}".replace(".", ","), textAnchor="middle", **tick))
        v += step
    v = y0
    while v <= y1 + 1e-9:
        d.add(String(left - 3, py(v) - 2.5, f"{v:.2f}".replace(".", ","), textAnchor="end", **tick))
        v += step
    for p in ipa.points:
        cx, cy = px(float(p.performance)), py(float(p.importance))
        d.add(Circle(cx, cy, 3, fillColor=GRADE_COLOURS["B"], strokeColor=colors.white,
                     strokeWidth=0.5))
        d.add(String(cx + 4, cy + 3, f"U{p.unsur}", fontName=font("sans", "bold"), fontSize=7))
    axis = dict(fontName=font("sans"), fontSize=8, textAnchor="middle")
    d.add(String(left + w / 2, bottom - 24, "Rata-rata kinerja/kenyataan (X)", **axis))
    title = String(0, 0, "Rata-rata kepentingan (Y)", **axis)
    d.add(title)
    title.x, title.y = left - 26, bottom + h + 6
    title.textAnchor = "start"
    return d


def trend_line(points: list[TrendPoint], width: float) -> Drawing:
    """IKM konversi per period (oldest left)."""
    height = 170
    d = _drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 40, width - 60, height - 55
    chart.data = [[float(p.converted) if p.converted is not None else None for p in points]]
    chart.categoryAxis.categoryNames = [p.period_name.split(" (")[0] for p in points]
    chart.categoryAxis.labels.fontName = font("sans")
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 0 if len(points) <= 4 else 20
    chart.categoryAxis.labels.boxAnchor = "n" if len(points) <= 4 else "ne"
    shown = [float(p.converted) for p in points if p.converted is not None]
    low = max(20, int((min(shown, default=25) - 5) // 10 * 10))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = low, 100
    chart.valueAxis.valueStep = 10 if 100 - low <= 50 else 20
    chart.valueAxis.labels.fontName = font("sans")
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.lines[0].strokeColor = BAR
    chart.lines[0].strokeWidth = 1.5
    chart.joinedLines = 1
    from reportlab.graphics.widgets.markers import makeMarker
    chart.lines[0].symbol = makeMarker("FilledCircle", size=4)
    chart.lineLabelFormat = "values"
    chart.lineLabelArray = [[fmt2_id(p.converted) if p.converted is not None else "" for p in points]]
    chart.lineLabels.fontName = font("sans")
    chart.lineLabels.fontSize = 7
    chart.lineLabels.dy = 6
    d.add(chart)
    return d
