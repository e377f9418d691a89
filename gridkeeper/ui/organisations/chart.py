"""A compound's satisfaction over time: a line of the surveys' overall rates, with the events that
mattered (a change of property company, a deliberation decided) as dashed vertical lines."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCharts import QChart, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtGui import QPen

from gridkeeper.organisations.surveys import Series

EVENT_WORDS = {
    "company_changed": "Property company changed to {text}",
    "deliberation": "Deliberation decided: {text}",
}


def _ms(day: date) -> float:
    return QDateTime(datetime.combine(day, time(12))).toMSecsSinceEpoch()


def satisfaction_chart(series: Series, title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    line = QLineSeries()
    line.setName(QCoreApplication.translate("organisations", "Satisfied overall (%)"))
    for p in series.points:
        line.append(_ms(p.day), round(p.rate * 100, 1))
    line.setPointsVisible(True)
    line.setPointLabelsVisible(True)
    line.setPointLabelsFormat("@yPoint%")
    chart.addSeries(line)
    marks = []
    for e in series.events:
        mark = QLineSeries()
        words = QCoreApplication.translate("organisations", EVENT_WORDS.get(e.kind, "{text}"))
        mark.setName(f"{e.day.isoformat()} {words.format(text=e.text)}")
        mark.append(_ms(e.day), 0)
        mark.append(_ms(e.day), 100)
        pen = QPen(Qt.GlobalColor.darkRed if e.kind == "company_changed" else Qt.GlobalColor.darkGreen)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        mark.setPen(pen)
        chart.addSeries(mark)
        marks.append(mark)
    days = [p.day for p in series.points] + [e.day for e in series.events]
    axis_x = QDateTimeAxis()
    axis_x.setFormat("yyyy-MM")
    if days:
        first, last = min(days), max(days)
        axis_x.setRange(QDateTime(datetime.combine(first, time(0))).addDays(-15),
                        QDateTime(datetime.combine(last, time(0))).addDays(15))
    axis_y = QValueAxis()
    axis_y.setRange(0, 100)
    axis_y.setLabelFormat("%d%%")
    axis_y.setTickCount(6)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for s in (line, *marks):
        s.attachAxis(axis_x)
        s.attachAxis(axis_y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart
