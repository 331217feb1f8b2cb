"""Draw KontenOPD's application icon from the bundled megaphone icon (assets/icons, CC0).

A rounded square in the app's blue with a white megaphone and a small card behind it. Writes
the freedesktop hicolor PNGs (packaging/icons/hicolor/<n>x<n>/apps/) and the Windows .ico
(packaging/windows/kontenopd.ico). Made by the project, released under CC0 1.0 (LICENSE.md).
Re-run after changing the drawing:

    python packaging/icons/make_app_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]
ICON_ID = "id.go.kontenopd.KontenOPD"
HICOLOR = Path(__file__).resolve().parent / "hicolor"
ICO = ROOT / "packaging" / "windows" / "kontenopd.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
BLUE = (18, 84, 160, 255)
GOLD = (245, 184, 0, 255)


def draw(size: int = 1024) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pad = size * 0.06
    d.rounded_rectangle((pad, pad, size - pad, size - pad), radius=size * 0.2, fill=BLUE)
    # a gold "post" card peeking out behind the megaphone
    d.rounded_rectangle((size * 0.52, size * 0.18, size * 0.84, size * 0.52),
                        radius=size * 0.05, fill=GOLD)
    mask = Image.open(ROOT / "assets" / "icons" / "megaphone.png").convert("RGBA")
    inner = round(size * 0.62)
    alpha = mask.getchannel("A").resize((inner, inner), Image.Resampling.LANCZOS)
    white = Image.new("RGBA", (inner, inner), (255, 255, 255, 255))
    white.putalpha(alpha)
    offset = round((size - inner) / 2)
    img.alpha_composite(white, (offset - round(size * 0.03), offset + round(size * 0.04)))
    return img


def main() -> None:
    big = draw()
    for n in SIZES:
        out = HICOLOR / f"{n}x{n}" / "apps" / f"{ICON_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        big.resize((n, n), Image.Resampling.LANCZOS).save(out, optimize=True)
    big.resize((256, 256), Image.Resampling.LANCZOS).save(
        ICO, sizes=[(n, n) for n in (16, 24, 32, 48, 64, 128, 256)])
    print(f"icons written under {HICOLOR} and {ICO}")


if __name__ == "__main__":
    main()
