"""The compliance summary: computed once (``build_summary``), then rendered per format.

The text, Markdown, HTML and CSV renderers are plain Python; the PDF renderer is
``tracker.reports.pdf`` (the only module here that loads Qt, so it is not imported here).
"""

from tracker.reports.csv import render_csv
from tracker.reports.html import render_html
from tracker.reports.markdown import render_markdown
from tracker.reports.model import Summary, build_summary, summarise
from tracker.reports.text import render_text

__all__ = [
    "Summary",
    "build_summary",
    "render_csv",
    "render_html",
    "render_markdown",
    "render_text",
    "summarise",
]
