"""Illustrations for the demo news, drawn with Pillow: gradients, shapes and a caption."""

import io
import math

from PIL import Image, ImageDraw, ImageFont

from django.core.files.images import ImageFile

from wagtail.images.models import Image as WagtailImage

from portal.core.text import fold

WIDTH, HEIGHT = 1600, 900

# title: (top colour, bottom colour, motif, alt text)
PHOTOS = {
    "Minh họa: biển và hải đảo": (
        (40, 120, 200),
        (10, 40, 90),
        "waves",
        "Sóng biển xanh dưới mặt trời",
    ),
    "Minh họa: đất đai": ((250, 210, 120), (120, 160, 60), "fields", "Những thửa ruộng bậc thang"),
    "Minh họa: môi trường": ((150, 220, 250), (40, 140, 80), "trees", "Hàng cây xanh bên đồi"),
    "Minh họa: khí tượng thủy văn": ((90, 100, 130), (30, 40, 70), "rain", "Mây mưa trên bầu trời"),
    "Minh họa: khoáng sản": ((200, 170, 140), (90, 60, 40), "mountains", "Dãy núi đá nhiều tầng"),
    "Minh họa: hội nghị": ((230, 235, 245), (150, 170, 200), "hall", "Hội trường với các hàng ghế"),
}
INFOGRAPHIC = "Infographic: cơ cấu sử dụng đất năm 2024"
INFOGRAPHIC_DATA = [
    ("Đất nông nghiệp", 84.8, (90, 160, 70)),
    ("Đất phi nông nghiệp", 12.0, (200, 120, 60)),
    ("Đất chưa sử dụng", 3.2, (150, 150, 150)),
]
INFOGRAPHIC_ALT = (
    "Cơ cấu sử dụng đất năm 2024: đất nông nghiệp 84,8%, đất phi nông nghiệp 12,0%, "
    "đất chưa sử dụng 3,2% trên tổng diện tích tự nhiên 33,13 triệu ha."
)


def _font(size):
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size), True
    except OSError:
        return ImageFont.load_default(size), False


def _text(draw, position, text, size, fill):
    font, full = _font(size)
    draw.text(position, text if full else fold(text), font=font, fill=fill)


def _gradient(top, bottom, width=WIDTH, height=HEIGHT):
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / (height - 1)
        colour = tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def _motif(draw, motif):
    if motif == "waves":
        draw.ellipse([1200, 80, 1400, 280], fill=(255, 220, 120))
        for row in range(6):
            y = 520 + row * 60
            points = [(x, y + 25 * math.sin(x / 80 + row)) for x in range(0, WIDTH + 20, 20)]
            draw.line(points, fill=(220, 240, 255), width=6)
    elif motif == "fields":
        for step in range(7):
            y = 380 + step * 75
            draw.polygon(
                [(0, y), (WIDTH, y - 60), (WIDTH, y + 10), (0, y + 70)],
                fill=(70 + step * 15, 140 + step * 8, 50),
            )
    elif motif == "trees":
        for index in range(9):
            x = 120 + index * 170
            draw.rectangle([x - 10, 620, x + 10, 760], fill=(90, 60, 30))
            draw.ellipse([x - 80, 450, x + 80, 650], fill=(30, 120 + index * 10, 60))
    elif motif == "rain":
        for index in range(4):
            draw.ellipse([150 + index * 330, 100, 550 + index * 330, 330], fill=(180, 185, 200))
        for index in range(120):
            x, y = (index * 137) % WIDTH, 360 + (index * 53) % 480
            draw.line([(x, y), (x - 12, y + 40)], fill=(170, 200, 255), width=3)
    elif motif == "mountains":
        for index, shade in enumerate([(120, 90, 70), (90, 70, 55), (60, 45, 35)]):
            base = 900 - index * 40
            peaks = (
                [(0, base)]
                + [(x, base - 250 - 120 * ((x // 200 + index) % 3)) for x in range(100, WIDTH, 300)]
                + [(WIDTH, base)]
            )
            draw.polygon(peaks, fill=shade)
    elif motif == "hall":
        draw.rectangle([300, 120, 1300, 420], fill=(180, 30, 40))
        _text(draw, (380, 230), "HỘI NGHỊ", 90, (255, 230, 120))
        for row in range(4):
            for seat in range(14):
                x, y = 130 + seat * 100, 520 + row * 90
                draw.rounded_rectangle([x, y, x + 70, y + 60], 10, fill=(70, 80, 110))


def _save(title, image, fmt="JPEG"):
    existing = WagtailImage.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    image.save(buffer, fmt, quality=85) if fmt == "JPEG" else image.save(buffer, fmt)
    extension = "jpg" if fmt == "JPEG" else "png"
    name = f"{fold(title).lower().replace(' ', '-').replace(':', '')}.{extension}"
    return WagtailImage.objects.create(title=title, file=ImageFile(buffer, name=name))


def photo(title):
    top, bottom, motif, _ = PHOTOS[title]
    image = _gradient(top, bottom)
    draw = ImageDraw.Draw(image)
    _motif(draw, motif)
    draw.rectangle([0, HEIGHT - 90, WIDTH, HEIGHT], fill=(0, 0, 0))
    _text(draw, (40, HEIGHT - 70), title.removeprefix("Minh họa: ").upper(), 44, (255, 255, 255))
    return _save(title, image)


def infographic():
    width, height = 1200, 1800
    image = _gradient((245, 250, 255), (215, 230, 245), width, height)
    draw = ImageDraw.Draw(image)
    _text(draw, (60, 60), "CƠ CẤU SỬ DỤNG ĐẤT", 64, (20, 60, 110))
    _text(draw, (60, 150), "Năm 2024 · Tổng diện tích 33,13 triệu ha", 36, (60, 80, 110))
    for index, (label, share, colour) in enumerate(INFOGRAPHIC_DATA):
        top = 320 + index * 460
        draw.rounded_rectangle([60, top, 60 + round(10.8 * share), top + 160], 20, fill=colour)
        _text(draw, (60, top + 190), label, 48, (30, 30, 30))
        _text(draw, (60, top + 260), f"{share:.1f}%".replace(".", ","), 90, colour)
    return _save(INFOGRAPHIC, image, "PNG")


def alt_text(image_title):
    return PHOTOS[image_title][3] if image_title in PHOTOS else INFOGRAPHIC_ALT
