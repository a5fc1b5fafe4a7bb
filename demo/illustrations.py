"""Simple illustrations for the demo, drawn with Pillow when the demo is loaded: no downloads,
no binary files in the repository. The same key always gives the same picture (seeded by the
key), and each is stored once (found again by its title on the next run)."""

import hashlib
import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675  # 16:9, the teaser and lead image format

# Calm colour schemes (sky, ground, accent, accent): readable, not loud.
PALETTES = [
    ("#cfe8f3", "#7fb069", "#e9c46a", "#2a6f97"),
    ("#f6e7cb", "#a3b18a", "#e76f51", "#3a5a40"),
    ("#dde5f4", "#8ecae6", "#ffb703", "#023047"),
    ("#fbe3e8", "#b5c99a", "#f28482", "#6d597a"),
    ("#e9f5db", "#97a97c", "#f4a259", "#5b8e7d"),
]


def _rng(key):
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


def draw(key, motif="scene"):
    """A PNG (bytes) for `key`: sky, ground, sun and a motif (houses, trees, people at a
    table, a stage); deterministic for the same key and motif."""
    rng = _rng(key)
    sky, ground, accent, dark = PALETTES[rng.randrange(len(PALETTES))]
    image = Image.new("RGB", (WIDTH, HEIGHT), sky)
    pen = ImageDraw.Draw(image)
    horizon = rng.randint(int(HEIGHT * 0.55), int(HEIGHT * 0.7))
    pen.rectangle([0, horizon, WIDTH, HEIGHT], fill=ground)
    sun_x, sun_r = rng.randint(120, WIDTH - 120), rng.randint(45, 80)
    pen.ellipse([sun_x - sun_r, 60, sun_x + sun_r, 60 + 2 * sun_r], fill=accent)
    if motif in ("scene", "houses"):
        x = rng.randint(40, 140)
        while x < WIDTH - 160:
            width, height = rng.randint(120, 200), rng.randint(140, 280)
            pen.rectangle([x, horizon - height, x + width, horizon], fill=dark)
            pen.polygon(
                [
                    (x - 10, horizon - height),
                    (x + width // 2, horizon - height - 70),
                    (x + width + 10, horizon - height),
                ],
                fill=accent,
            )
            for row in range(horizon - height + 25, horizon - 50, 55):
                for col in range(x + 20, x + width - 30, 50):
                    pen.rectangle([col, row, col + 25, row + 30], fill=sky)
            x += width + rng.randint(60, 160)
    if motif in ("scene", "trees"):
        for _ in range(rng.randint(3, 6)):
            x = rng.randint(60, WIDTH - 60)
            size = rng.randint(50, 95)
            pen.rectangle([x - 10, horizon - size, x + 10, horizon + 20], fill="#6b4f3a")
            pen.ellipse([x - size, horizon - 3 * size, x + size, horizon - size + 20], fill=dark)
    if motif == "people":
        pen.rectangle([WIDTH * 0.2, horizon - 40, WIDTH * 0.8, horizon - 20], fill=dark)
        for i in range(6):
            x = int(WIDTH * 0.22 + i * WIDTH * 0.11)
            colour = (accent, dark)[i % 2]
            pen.ellipse([x - 28, horizon - 190, x + 28, horizon - 134], fill=colour)
            pen.rounded_rectangle([x - 40, horizon - 130, x + 40, horizon - 40], 20, fill=colour)
    if motif == "stage":
        pen.rectangle([WIDTH * 0.25, horizon - 60, WIDTH * 0.75, horizon + 10], fill=dark)
        pen.rectangle([WIDTH * 0.25, horizon - 330, WIDTH * 0.75, horizon - 300], fill=dark)
        for x in (WIDTH * 0.25, WIDTH * 0.75 - 16):
            pen.rectangle([x, horizon - 300, x + 16, horizon - 60], fill=dark)
        for i in range(3):
            x = int(WIDTH * 0.38 + i * WIDTH * 0.12)
            pen.ellipse([x - 25, horizon - 210, x + 25, horizon - 160], fill=accent)
            pen.rounded_rectangle([x - 35, horizon - 155, x + 35, horizon - 60], 18, fill=accent)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def wagtail_image(key, title, motif="scene"):
    """A Wagtail image drawn for `key`, created on the first run and found by title after."""
    from wagtail.images import get_image_model

    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).first()
    if existing is not None:
        return existing
    file = ImageFile(io.BytesIO(draw(key, motif)), name=f"demo-{key}.png")
    return Image_.objects.create(title=title, file=file)
