"""The supporter map as a PNG image, for slides, print and messages that take no SVG."""

from pathlib import Path

import font_source_sans_pro
import resvg_py

# Twice the drawing's width: sharp on high-density screens and in print at A5.
PNG_WIDTH = 1600
# The project's own font: labels look the same on every server, whatever fonts it has installed.
FONT = Path(font_source_sans_pro.font_directory) / "SourceSansPro-Regular.ttf"


def svg_to_png(svg: str, *, width: int = PNG_WIDTH) -> bytes:
    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg,
            width=width,
            background="#ffffff",
            skip_system_fonts=True,
            font_files=[str(FONT)],
            font_family="Source Sans Pro",
            sans_serif_family="Source Sans Pro",
        )
    )
