"""The statement as a printable A4 PDF, typeset with ReportLab in Source Sans Pro.

Source Sans Pro covers the Latin, Greek and Cyrillic letters of all 24 EU languages, so the same
layout serves every language; the font comes from its PyPI distribution.
"""

import io
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import font_source_sans_pro
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from .models import Statement

BLUE = colors.HexColor("#003399")
ACCENT = colors.HexColor("#b3004b")
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#4a4a4a")
FONT_FILES = Path(font_source_sans_pro.font_directory)
THEME_COLOURS = {
    "greener": colors.HexColor("#1e7a3c"),
    "smart": colors.HexColor("#005a9c"),
    "inclusive": colors.HexColor("#b3004b"),
    "multilevel": colors.HexColor("#7a4a00"),
}


@cache
def register_fonts() -> None:
    # The italic cuts of Source Sans Pro have no Greek or Cyrillic letters, so the family has none.
    pdfmetrics.registerFont(TTFont("Sans", FONT_FILES / "SourceSansPro-Regular.ttf"))
    pdfmetrics.registerFont(TTFont("Sans-Bold", FONT_FILES / "SourceSansPro-Bold.ttf"))
    pdfmetrics.registerFontFamily("Sans", normal="Sans", bold="Sans-Bold", italic="Sans", boldItalic="Sans-Bold")


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Sans", fontSize=11, leading=15.5, textColor=INK, alignment=TA_JUSTIFY)
    return {
        "brand": ParagraphStyle("brand", parent=body, fontName="Sans-Bold", fontSize=12, textColor=ACCENT),
        "title": ParagraphStyle(
            "title", parent=body, fontName="Sans-Bold", fontSize=26, leading=30, textColor=BLUE, spaceBefore=4
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontName="Sans", fontSize=15, leading=19, textColor=BLUE, spaceBefore=4
        ),
        "summary": ParagraphStyle(
            "summary", parent=body, fontSize=12, leading=17, textColor=MUTED, spaceBefore=10, spaceAfter=8
        ),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName="Sans-Bold", fontSize=14, leading=18, textColor=BLUE, spaceBefore=12
        ),
        "body": ParagraphStyle("paragraph", parent=body, spaceBefore=6),
        "intro": ParagraphStyle("intro", parent=body, fontName="Sans-Bold", spaceBefore=10, spaceAfter=4),
        "item": ParagraphStyle("item", parent=body),
        "theme_title": ParagraphStyle(
            "theme_title", parent=body, fontName="Sans-Bold", textColor=colors.white, alignment=TA_LEFT
        ),
        "theme_text": ParagraphStyle(
            "theme_text", parent=body, fontSize=10, leading=13.5, textColor=colors.white, alignment=TA_LEFT
        ),
    }


def _text(value: str) -> str:
    return escape(value.strip())


def _points(value, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    flowables: list[Flowable] = []
    if value["intro"]:
        flowables.append(Paragraph(_text(value["intro"]), styles["intro"]))
    items = [ListItem(Paragraph(_text(item), styles["item"]), spaceAfter=3) for item in value["items"]]
    if value["numbered"]:
        options = {"bulletType": "1", "bulletFormat": "%s.", "bulletFontName": "Sans-Bold", "bulletColor": ACCENT}
    else:
        options = {"bulletType": "bullet", "start": "•", "bulletColor": ACCENT}
    flowables.append(ListFlowable(items, leftIndent=16, bulletFontSize=11, **options))
    return [KeepTogether(flowables)]


def _themes(themes, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    cells: list = [
        [Paragraph(_text(theme["title"]), styles["theme_title"]), Paragraph(_text(theme["text"]), styles["theme_text"])]
        for theme in themes
    ]
    rows = [cells[index : index + 2] for index in range(0, len(cells), 2)]
    if rows and len(rows[-1]) == 1:
        rows[-1].append("")
    table = Table(rows, colWidths=[width / 2] * 2)
    commands: list = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
        ("LINEAFTER", (0, 0), (0, -1), 3, colors.white),
        ("LINEBELOW", (0, 0), (-1, -2), 3, colors.white),
    ]
    for index, theme in enumerate(themes):
        column, row = index % 2, index // 2
        commands.append(("BACKGROUND", (column, row), (column, row), THEME_COLOURS.get(theme["theme"], BLUE)))
    table.setStyle(TableStyle(commands))
    return [Spacer(0, 8), table, Spacer(0, 4)]


def _body(statement: Statement, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    flowables: list[Flowable] = []
    for block in statement.body:
        if block.block_type == "heading":
            flowables.append(Paragraph(_text(block.value), styles["heading"]))
        elif block.block_type == "paragraph":
            flowables.append(Paragraph(_text(block.value), styles["body"]))
        elif block.block_type == "points":
            flowables.extend(_points(block.value, styles))
        elif block.block_type == "themes":
            flowables.extend(_themes(list(block.value), styles, width))
    return flowables


def _footer(url: str):
    def draw(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(BLUE)
        canvas.setLineWidth(0.6)
        canvas.line(document.leftMargin, 14 * mm, A4[0] - document.rightMargin, 14 * mm)
        canvas.setFont("Sans", 8.5)
        canvas.setFillColor(INK)
        canvas.drawString(document.leftMargin, 10 * mm, f"#CohesionAlliance · {url}")
        canvas.drawRightString(A4[0] - document.rightMargin, 10 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    return draw


def render_statement_pdf(statement: Statement, *, url: str) -> bytes:
    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=20 * mm,
        bottomMargin=22 * mm,
        title=statement.title,
        subject=statement.subtitle,
        author="#CohesionAlliance",
        lang=statement.language_code,
    )
    story: list[Flowable] = [
        Paragraph("#CohesionAlliance", styles["brand"]),
        Paragraph(_text(statement.title), styles["title"]),
    ]
    if statement.subtitle:
        story.append(Paragraph(_text(statement.subtitle), styles["subtitle"]))
    if statement.summary:
        story.append(Paragraph(_text(statement.summary), styles["summary"]))
    story.extend(_body(statement, styles, document.width))
    footer = _footer(url)
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
