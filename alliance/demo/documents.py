"""Short PDFs that stand in for the library's reports and position papers in the demo content."""

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from alliance.campaigns.pdf import BLUE, register_fonts


def demo_document_pdf(*, title: str, author: str, summary: str) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, title=title, author=author
    )
    heading = ParagraphStyle("heading", fontName="Sans-Bold", fontSize=20, leading=24, textColor=BLUE)
    body = ParagraphStyle("body", fontName="Sans", fontSize=11, leading=15)
    document.build(
        [
            Paragraph(title, heading),
            Spacer(0, 6 * mm),
            Paragraph(author, body),
            Spacer(0, 6 * mm),
            Paragraph(summary, body),
            Spacer(0, 6 * mm),
            Paragraph("Demo document of the #CohesionAlliance site: replace it with the real file.", body),
        ]
    )
    return buffer.getvalue()
