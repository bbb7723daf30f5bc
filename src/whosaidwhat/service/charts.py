"""Horizontal bar charts laid out for an inline SVG that the template draws.

Only geometry is computed here; labels go through Jinja2's autoescaping in the template.
The SVG scales to its container (viewBox), so one layout serves a desk and a phone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from whosaidwhat.service.reader import excerpt

WIDTH = 480
LABEL_WIDTH = 210  # left of the bars: the row's label
VALUE_WIDTH = 50  # right of the longest bar: its number
ROW = 24
BAR = 16
LABEL_CHARS = 22


@dataclass
class Bar:
    label: str
    value: int
    y: float
    width: float

    @property
    def text_y(self) -> float:
        return self.y + BAR - 4


@dataclass
class BarChart:
    width: int = WIDTH
    height: int = ROW
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR
    bars: list[Bar] = field(default_factory=list)


def bar_chart(rows: list[dict], label_key: str, value_key: str) -> BarChart:
    """One bar per row, in the rows' order, the longest for the largest value."""
    largest = max((row[value_key] for row in rows), default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / largest
    bars = [
        Bar(
            label=excerpt(str(row[label_key]), LABEL_CHARS),
            value=row[value_key],
            y=index * ROW + (ROW - BAR) / 2,
            width=round(row[value_key] * scale, 1),
        )
        for index, row in enumerate(rows)
    ]
    return BarChart(height=max(1, len(bars)) * ROW, bars=bars)
