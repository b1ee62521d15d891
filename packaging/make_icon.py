"""Draw Synset's app icon: an eye whose iris is a small bar chart (class scores) on a rounded square.

    python packaging/make_icon.py

writes ``resources/icons/synset.png`` (256 px, used by the window) and ``packaging/synset.ico``
(16–256 px, used by the Windows executables and the installer). Pure Pillow, deterministic: run it
again after changing the drawing and commit both outputs.

Each size is drawn separately at 8× and downsampled, and the small sizes (≤ 32 px) use a simpler
drawing (thicker outline, two bars) so that they stay legible in the task bar and the title bar.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
PNG_PATH = ROOT / "resources" / "icons" / "synset.png"
ICO_PATH = ROOT / "packaging" / "synset.ico"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)

BACKGROUND_TOP = (79, 70, 229)  # indigo
BACKGROUND_BOTTOM = (49, 46, 129)
WHITE = (255, 255, 255)
BAR_COLOURS = ((251, 191, 36), (52, 211, 153), (56, 189, 248))  # amber, emerald, sky
SUPERSAMPLE = 8


def draw_icon(size: int) -> Image.Image:
    """The icon at ``size`` × ``size`` px, RGBA."""
    big = size * SUPERSAMPLE
    simple = size <= 32
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))

    # Rounded square with a vertical gradient.
    gradient = Image.new("RGBA", (1, big))
    for y in range(big):
        t = y / (big - 1)
        gradient.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(BACKGROUND_TOP, BACKGROUND_BOTTOM)) + (255,))
    gradient = gradient.resize((big, big))
    mask = Image.new("L", (big, big), 0)
    margin = 0 if simple else big // 32
    ImageDraw.Draw(mask).rounded_rectangle(
        (margin, margin, big - 1 - margin, big - 1 - margin), radius=big * 0.22, fill=255
    )
    image.paste(gradient, (0, 0), mask)

    draw = ImageDraw.Draw(image)
    cx, cy = big / 2, big / 2
    # Almond-shaped eye: the intersection of two large circles, drawn as a thick white outline.
    half_width = big * (0.40 if simple else 0.36)
    half_height = big * (0.25 if simple else 0.22)
    outline = big * (0.075 if simple else 0.045)
    eye = _almond_mask(big, cx, cy, half_width, half_height)
    inner = _almond_mask(big, cx, cy, half_width - outline * 1.6, half_height - outline)
    ring = Image.new("L", (big, big), 0)
    ring.paste(eye, (0, 0))
    ring.paste(0, (0, 0), inner)
    image.paste(WHITE + (255,), (0, 0), ring)

    # Iris: a white disc holding a bar chart that rises to the right.
    iris_r = half_height * (0.86 if simple else 0.80)
    draw.ellipse((cx - iris_r, cy - iris_r, cx + iris_r, cy + iris_r), fill=WHITE)
    heights = (0.55, 1.0) if simple else (0.45, 0.75, 1.05)
    colours = BAR_COLOURS[1:] if simple else BAR_COLOURS
    n = len(heights)
    bar_w = iris_r * (0.46 if simple else 0.34)
    gap = bar_w * (0.30 if simple else 0.28)
    total = n * bar_w + (n - 1) * gap
    base = cy + iris_r * 0.55
    for i, (h, colour) in enumerate(zip(heights, colours)):
        x0 = cx - total / 2 + i * (bar_w + gap)
        draw.rounded_rectangle(
            (x0, base - iris_r * h, x0 + bar_w, base), radius=bar_w * 0.25, fill=BACKGROUND_BOTTOM if simple else colour
        )
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _almond_mask(big: int, cx: float, cy: float, half_width: float, half_height: float) -> Image.Image:
    # Two circles through (cx ± half_width, cy) with their tops/bottoms at cy ∓ half_height.
    radius = (half_width**2 + half_height**2) / (2 * half_height)
    upper = Image.new("L", (big, big), 0)
    lower = Image.new("L", (big, big), 0)
    centre_below = cy - half_height + radius  # circle whose top arc forms the upper lid
    centre_above = cy + half_height - radius
    ImageDraw.Draw(upper).ellipse((cx - radius, centre_below - radius, cx + radius, centre_below + radius), fill=255)
    ImageDraw.Draw(lower).ellipse((cx - radius, centre_above - radius, cx + radius, centre_above + radius), fill=255)
    return Image.composite(upper, Image.new("L", (big, big), 0), lower)


def main() -> None:
    PNG_PATH.parent.mkdir(parents=True, exist_ok=True)
    images = {size: draw_icon(size) for size in ICO_SIZES}
    images[256].save(PNG_PATH, optimize=True)
    largest = images[256]
    largest.save(
        ICO_PATH,
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )
    print(f"wrote {PNG_PATH.relative_to(ROOT)} and {ICO_PATH.relative_to(ROOT)} ({', '.join(map(str, ICO_SIZES))} px)")


if __name__ == "__main__":
    main()
