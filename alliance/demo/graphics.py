"""Pictures for the demo content, drawn by code: web banners, the logo, story illustrations, project photos."""

import io
import math
from functools import cache
from pathlib import Path

import font_source_sans_pro
from PIL import Image, ImageDraw, ImageFont

FONTS = Path(font_source_sans_pro.font_directory)
BLUE = (0, 51, 153)
YELLOW = (255, 204, 0)
WHITE = (255, 255, 255)
# Web banner sizes from the IAB standard set that partner sites most often have room for.
BANNER_SIZES = ((728, 90), (300, 250), (160, 600))
SKY = (190, 222, 246)
WATER = (70, 140, 200)
GREY = (120, 120, 130)
THEME_COLOURS = {
    "greener": (30, 122, 60),
    "smart": (0, 90, 156),
    "inclusive": (179, 0, 75),
    "multilevel": (122, 74, 0),
}


@cache
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"SourceSansPro-{weight}.ttf"), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _fit(
    draw: ImageDraw.ImageDraw, text: str, weight: str, width: int, height: int, largest: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest font size at which the text, wrapped, fits in the box."""
    for size in range(largest, 7, -1):
        font = _font(weight, size)
        lines = _wrap(draw, text, font, width)
        fits_width = all(draw.textlength(line, font=font) <= width for line in lines)
        if fits_width and len(lines) * size * 1.15 <= height:
            return font, lines
    return _font(weight, 8), _wrap(draw, text, _font(weight, 8), width)


def _draw_lines(
    draw: ImageDraw.ImageDraw, lines: list[str], font: ImageFont.FreeTypeFont, x: int, y: int, fill: tuple
) -> int:
    line_height = int(font.size * 1.15)
    for line in lines:
        draw.text((x, y), line, font=font, fill=fill)
        y += line_height
    return y


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def banner_png(*, width: int, height: int, tagline: str, call: str) -> bytes:
    image = Image.new("RGB", (width, height), BLUE)
    draw = ImageDraw.Draw(image)
    pad = max(8, min(width, height) // 12)
    if width > height * 3:
        # Leaderboard: brand on the left, tagline in the middle, the call to action on the right.
        brand_font, brand_lines = _fit(draw, "#CohesionAlliance", "Bold", width // 4, height - 2 * pad, 30)
        _draw_lines(draw, brand_lines, brand_font, pad, pad, YELLOW)
        call_font, call_lines = _fit(draw, call, "Bold", width // 5, height - 3 * pad, 22)
        call_width = max(int(draw.textlength(line, font=call_font)) for line in call_lines) + 2 * pad
        call_box = (width - call_width - pad, pad, width - pad, height - pad)
        draw.rounded_rectangle(call_box, radius=6, fill=YELLOW)
        text_height = len(call_lines) * int(call_font.size * 1.15)
        _draw_lines(draw, call_lines, call_font, call_box[0] + pad, (height - text_height) // 2, BLUE)
        left = pad * 2 + width // 4
        tag_font, tag_lines = _fit(draw, tagline, "Semibold", call_box[0] - left - pad, height - 2 * pad, 28)
        tag_height = len(tag_lines) * int(tag_font.size * 1.15)
        _draw_lines(draw, tag_lines, tag_font, left, (height - tag_height) // 2, WHITE)
    else:
        inner = width - 2 * pad
        brand_font, brand_lines = _fit(draw, "#CohesionAlliance", "Bold", inner, height // 4, 40)
        y = _draw_lines(draw, brand_lines, brand_font, pad, pad, YELLOW) + pad
        tag_font, tag_lines = _fit(draw, tagline, "Semibold", inner, height // 2 - pad, 44)
        _draw_lines(draw, tag_lines, tag_font, pad, y, WHITE)
        call_font, call_lines = _fit(draw, call, "Bold", inner - 2 * pad, height // 5, 26)
        box_height = len(call_lines) * int(call_font.size * 1.15) + pad
        call_box = (pad, height - pad - box_height, width - pad, height - pad)
        draw.rounded_rectangle(call_box, radius=6, fill=YELLOW)
        _draw_lines(draw, call_lines, call_font, pad * 2, call_box[1] + pad // 2, BLUE)
    return _png(image)


def logo_svg() -> bytes:
    return b"""<svg xmlns="http://www.w3.org/2000/svg" width="600" height="160" viewBox="0 0 600 160" role="img">
<title>#CohesionAlliance</title>
<rect width="600" height="160" rx="12" fill="#003399"/>
<g fill="#ffcc00">
<circle cx="80" cy="34" r="7"/><circle cx="106" cy="41" r="7"/><circle cx="125" cy="60" r="7"/>
<circle cx="132" cy="86" r="7"/><circle cx="125" cy="112" r="7"/><circle cx="106" cy="131" r="7"/>
<circle cx="80" cy="138" r="7"/><circle cx="54" cy="131" r="7"/><circle cx="35" cy="112" r="7"/>
<circle cx="28" cy="86" r="7"/><circle cx="35" cy="60" r="7"/><circle cx="54" cy="41" r="7"/>
</g>
<text x="160" y="100" fill="#ffffff" font-family="Source Sans Pro, Arial, sans-serif" font-size="48"
 font-weight="700">#CohesionAlliance</text>
</svg>
"""


def logo_png() -> bytes:
    image = Image.new("RGB", (600, 160), BLUE)
    draw = ImageDraw.Draw(image)
    for index in range(12):
        angle = math.tau * index / 12
        x, y = 80 + 52 * math.sin(angle), 86 - 52 * math.cos(angle)
        draw.ellipse((x - 7, y - 7, x + 7, y + 7), fill=YELLOW)
    draw.text((160, 52), "#CohesionAlliance", font=_font("Bold", 48), fill=WHITE)
    return _png(image)


def illustration_png(*, theme: str, label: str, width: int = 1200, height: int = 800) -> bytes:
    """A plain illustration in the theme's colour, standing in for a real project photo."""
    colour = THEME_COLOURS.get(theme, BLUE)
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    for step in range(0, height, 40):
        shade = tuple(min(255, channel + step // 8) for channel in colour)
        draw.rectangle((0, step, width, step + 40), fill=shade)
    draw.ellipse((width * 0.6, height * 0.1, width * 0.9, height * 0.55), fill=YELLOW)
    font, lines = _fit(draw, label, "Bold", width - 160, height // 3, 72)
    _draw_lines(draw, lines, font, 80, height - 80 - len(lines) * int(font.size * 1.15), WHITE)
    return _png(image)


def partner_logo_png(*, initials: str, colour: tuple[int, int, int], wide: bool = False) -> bytes:
    """A made-up organisation logo: initials on a coloured badge, square or wide like many real ones."""
    width, height = (360, 160) if wide else (240, 240)
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, width - 1, height - 1), radius=min(width, height) // 5, fill=colour)
    draw.ellipse((width - 70, 14, width - 18, 66), fill=YELLOW)
    font, lines = _fit(draw, initials, "Bold", width - 60, height - 60, 120)
    text_height = len(lines) * int(font.size * 1.15)
    _draw_lines(draw, lines, font, 30, (height - text_height) // 2, WHITE)
    return _png(image)


def _harbour(draw: ImageDraw.ImageDraw, width: int, horizon: int) -> None:
    draw.rectangle((0, horizon, width, horizon + 140), fill=WATER)
    draw.polygon([(120, horizon + 30), (420, horizon + 30), (380, horizon + 90), (160, horizon + 90)], fill=WHITE)
    draw.rectangle((250, horizon - 60, 262, horizon + 30), fill=GREY)
    draw.rectangle((640, horizon - 180, 1080, horizon), fill=WHITE)
    for x in range(680, 1040, 90):
        draw.rectangle((x, horizon - 140, x + 50, horizon - 80), fill=WATER)


def _classroom(draw: ImageDraw.ImageDraw, width: int, horizon: int) -> None:
    draw.rectangle((160, horizon - 300, width - 160, horizon), fill=WHITE)
    for row in range(2):
        for x in range(220, width - 220, 170):
            top = horizon - 260 + row * 130
            draw.rectangle((x, top, x + 120, top + 90), fill=(40, 40, 60))
            draw.rectangle((x + 12, top + 12, x + 108, top + 70), fill=YELLOW)


def _water(draw: ImageDraw.ImageDraw, width: int, horizon: int) -> None:
    draw.rectangle((0, horizon + 60, width, horizon + 180), fill=WATER)
    draw.rectangle((280, horizon - 200, 310, horizon), fill=GREY)
    draw.rectangle((390, horizon - 200, 420, horizon), fill=GREY)
    draw.ellipse((220, horizon - 330, 480, horizon - 180), fill=WHITE)
    draw.rectangle((420, horizon - 40, width - 200, horizon - 10), fill=GREY)
    for x in (700, 820, 940):
        draw.rectangle((x, horizon - 120, x + 90, horizon), fill=WHITE)
        draw.polygon([(x - 10, horizon - 120), (x + 45, horizon - 170), (x + 100, horizon - 120)], fill=(190, 80, 50))


def _bridge(draw: ImageDraw.ImageDraw, width: int, horizon: int) -> None:
    draw.rectangle((0, horizon + 20, width, horizon + 150), fill=WATER)
    draw.arc((150, horizon - 160, width - 150, horizon + 240), start=200, end=340, fill=WHITE, width=24)
    draw.rectangle((150, horizon - 10, width - 150, horizon + 10), fill=WHITE)
    for x in (480, 700):
        draw.ellipse((x, horizon - 70, x + 50, horizon - 20), outline=(40, 40, 60), width=6)
        draw.ellipse((x + 70, horizon - 70, x + 120, horizon - 20), outline=(40, 40, 60), width=6)


def _market(draw: ImageDraw.ImageDraw, width: int, horizon: int) -> None:
    left, right, eaves = 200, width - 200, horizon - 180
    draw.rectangle((left, eaves, right, horizon), fill=(230, 210, 180))
    draw.polygon([(left - 40, eaves), (width // 2, eaves - 200), (right + 40, eaves)], fill=(60, 60, 70))
    for x in range(width // 2 - 300, width // 2 + 300, 80):
        draw.polygon([(x, eaves - 30), (x + 60, eaves - 30), (x + 60, eaves - 80), (x, eaves - 80)], fill=(20, 40, 110))
    for x in range(left + 60, right - 60, 160):
        draw.rectangle((x, horizon - 120, x + 90, horizon), fill=(90, 60, 40))


SCENES = {"harbour": _harbour, "classroom": _classroom, "water": _water, "bridge": _bridge, "market": _market}


def project_picture_png(*, scene: str, theme: str, label: str, width: int = 1200, height: int = 800) -> bytes:
    """A made-up photo of a funded project: a simple scene on ground in the theme's colour, named below."""
    image = Image.new("RGB", (width, height), SKY)
    draw = ImageDraw.Draw(image)
    horizon = height * 3 // 5
    draw.ellipse((width - 230, 60, width - 90, 200), fill=YELLOW)
    draw.rectangle((0, horizon, width, height), fill=THEME_COLOURS.get(theme, BLUE))
    SCENES[scene](draw, width, horizon)
    band_top = height - 150
    draw.rectangle((0, band_top, width, height), fill=BLUE)
    font, lines = _fit(draw, label, "Bold", width - 120, 110, 56)
    text_height = len(lines) * int(font.size * 1.15)
    _draw_lines(draw, lines, font, 60, band_top + (150 - text_height) // 2, WHITE)
    return _png(image)


def title_card(*, title: str, byline: str, progress: float, width: int = 640, height: int = 360) -> Image.Image:
    """One frame of a demo video: the title and who speaks, over a bar that fills as the video plays."""
    image = Image.new("RGB", (width, height), BLUE)
    draw = ImageDraw.Draw(image)
    brand = _font("Bold", 26)
    draw.text((32, 24), "#CohesionAlliance", font=brand, fill=YELLOW)
    font, lines = _fit(draw, title, "Bold", width - 64, height // 2, 44)
    y = _draw_lines(draw, lines, font, 32, height // 4, WHITE)
    draw.text((32, y + 16), byline, font=_font("Semibold", 22), fill=YELLOW)
    draw.rectangle((0, height - 12, int(width * progress), height), fill=YELLOW)
    return image
