"""Write the template library (assets/templates/<id>/template.json) from one design system.

The JSON files are what the app reads; this script is how they are made, so that margins,
type sizes, the identity strip, the footer and the 9:16 safe zone stay the same on every card.
Edit the layouts here and re-run:

    python tools/build_templates.py

Coordinates are pixels of the full-size canvas (1080 wide; 1200x675 for 16:9). Rules followed
(see TEMPLATE-GUIDE.md): identity strip on top, handle + website footer on every card, outer
margin >= 56 px (so a 4:5 post keeps its text inside Instagram's 3:4 grid crop), nothing under
22 px, text over photos on a scrim, no text in the top 250 px / bottom 340 px of a story.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent / "assets" / "templates"
Layer = dict[str, Any]

SIZES = {"4:5": (1080, 1350), "1:1": (1080, 1080), "3:4": (1080, 1440), "9:16": (1080, 1920),
         "16:9": (1200, 675)}
FEED = ("4:5", "1:1", "3:4", "9:16")
WIDE = (*FEED, "16:9")
STORY_TOP, STORY_BOTTOM = 250, 340
HOAX_RED, FACT_GREEN = "#D7263D", "#1E8449"


class G:
    """Geometry of one format: canvas, margin, header band, footer band, content area."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.W, self.H = SIZES[fmt]
        self.story = fmt == "9:16"
        self.wide = fmt == "16:9"
        self.square = fmt == "1:1"
        # 1:1 shows only its centre 3:4 (x 135..945) in Instagram's profile grid: text,
        # logos and the handle stay inside it.
        self.M = 48 if self.wide else 136 if self.square else 64
        self.CW = self.W - 2 * self.M  # content width
        if self.story:
            self.hb, self.logo = 0, 88
            self.top = 404  # content starts under the identity band
            self.foot = 1500  # hairline; footer text 1504..1560, all above 1580
            self.bottom = 1484
        elif self.wide:
            self.hb, self.logo, self.fb = 108, 76, 60
            self.top, self.foot = self.hb, self.H - self.fb
            self.bottom = self.foot
        else:
            self.hb = 152 if self.square else 168
            self.logo = 80 if self.square else 88
            self.fb = 88 if self.square else 100
            self.top, self.foot = self.hb, self.H - self.fb
            self.bottom = self.foot

    def key(self) -> str:
        return self.fmt


# ---------------------------------------------------------------- building blocks


def rect(box: list[int], fill: str, **kw: Any) -> Layer:
    return {"type": "rect", "box": box, "fill": fill, **kw}


def text(box: list[int] | None, value: str, style: str | None = None, **kw: Any) -> Layer:
    layer: Layer = {"type": "text"}
    if style:
        layer["style"] = style
    layer["text"] = value
    if box is not None:
        layer["box"] = box
    layer.update(kw)
    return layer


def styled(style: str, **kw: Any) -> Layer:
    return {"style": style, **kw}


def rule(width: int = 96, thickness: int = 6, color: str = "profile.accent", **kw: Any) -> Layer:
    return {"type": "rule", "width": width, "thickness": thickness, "color": color, **kw}


def stack(box: list[int], children: list[Layer], anchor: str = "top", gap: int = 24,
          **kw: Any) -> Layer:
    return {"type": "stack", "box": box, "anchor": anchor, "gap": gap, "children": children,
            **kw}


def photo(box: list[int], field: str = "foto", index: int | str = 0, **kw: Any) -> Layer:
    return {"type": "photo", "field": field, "box": box, "index": index, **kw}


def scrim_up(g: G, y: int, h: int, strength: str = "EB") -> Layer:
    """Transparent at y, dark at y + h: under white text at the bottom of a photo."""
    return {"type": "gradient", "box": [0, y, g.W, h],
            "stops": [[0, "#00000000"], [0.4, "#000000B8"], [1, f"#000000{strength}"]]}


def header(g: G, on_photo: bool = False, fill: str = "profile.primary",
           color: str = "profile.light") -> list[Layer]:
    """The identity strip: logos + Pemda and OPD names on a band of the primary colour."""
    if g.story:
        out: list[Layer] = []
        if on_photo:
            out.append({"type": "gradient", "box": [0, 0, g.W, 560],
                        "stops": [[0, "#000000B3"], [0.6, "#00000066"], [1, "#00000000"]]})
            out.append(rect([40, 250, 1000, 128], "profile.primary", radius=20))
        elif fill.startswith("#000000"):  # a tint on a coloured story: a hairline is enough
            out.append(rect([64, 390, 952, 2], "#FFFFFF40"))
        else:
            out.append(rect([0, 0, g.W, 392], fill))
        out.append({"type": "identity", "box": [72 if on_photo else 64, 258, 936, 112],
                    "logo_height": 88, "color": color})
        return out
    # opaque on photos too: the strip looks the same on every photo (TEMPLATE-GUIDE: >= 90 %)
    band = fill
    pad = 12 if g.wide else 16  # the names may take three lines; logos stay centred
    return [rect([0, 0, g.W, g.hb], band),
            {"type": "identity", "box": [g.M, pad, g.CW, g.hb - 2 * pad],
             "logo_height": g.logo, "color": color}]


def footer(g: G, mode: str = "band", color: str = "profile.light") -> list[Layer]:
    """Handle + website. mode: band (solid primary), tint (darker band on a colour),
    line (hairline on the background), none (text only)."""
    size = 22 if g.wide else 25 if g.square else 26
    if g.story:
        if mode == "band":
            band = "profile.primary"
            return [rect([0, g.foot, g.W, g.H - g.foot], band),
                    {"type": "footer", "box": [64, g.foot + 8, 952, 64], "color": color}]
        line_color = "#FFFFFF59" if color in ("profile.light", "#FFFFFF") else "profile.text@0.2"
        return [rect([64, g.foot, 952, 2], line_color),
                {"type": "footer", "box": [64, g.foot + 4, 952, 56], "color": color}]
    band = {"band": "profile.primary", "tint": "#00000033", "dark": "#00000066"}.get(mode)
    out: list[Layer] = []
    if band:
        out.append(rect([0, g.foot, g.W, g.fb], band))
    elif mode == "line":
        out.append(rect([g.M, g.foot, g.CW, 2], "profile.text@0.15"))
    out.append({"type": "footer", "box": [g.M, g.foot, g.CW, g.fb], "color": color,
                "size": size})
    return out


def badge(g: G, y: int, align: str = "right", **kw: Any) -> Layer:
    """ASN BerAKHLAK / Bangga Melayani Bangsa pills; drawn only when the profile asks."""
    h = 48 if g.wide else 52
    return {"type": "badge", "box": [g.M, y, g.CW, h], "align": align, **kw}


def _rows(box: list[int], counts: list[int], gutter: int) -> list[list[int]]:
    """Boxes for rows of photos, ``counts[i]`` side by side in row i, rows of equal height."""
    x, y, w, h = box
    row_h = (h - gutter * (len(counts) - 1)) / len(counts)
    out = []
    for r, n in enumerate(counts):
        top = round(y + r * (row_h + gutter))
        bottom = round(y + r * (row_h + gutter) + row_h)
        cell = (w - gutter * (n - 1)) / n
        for c in range(n):
            left = round(x + c * (cell + gutter))
            right = round(x + c * (cell + gutter) + cell)
            out.append([left, top, right - left, bottom - top])
    return out


def _hero(box: list[int], small: int, gutter: int, share: float) -> list[list[int]]:
    """One large photo on the left and ``small`` photos stacked on its right."""
    x, y, w, h = box
    big = round((w - gutter) * share)
    return [[x, y, big, h], *_rows([x + big + gutter, y, w - big - gutter, h], [1] * small,
                                   gutter)]


def collage(g: G, box: list[int], field: str = "foto", gutter: int = 10, radius: int = 0,
            placeholder: str = "profile.primary", max_photos: int = 3) -> list[Layer]:
    """1 to ``max_photos`` (<= 9) photos in a box, a layout per count: one fills it; two
    side by side; three as a large photo with two small ones beside it; four as a 2x2 grid,
    or, when the first photo is upright (portrait), that photo large with three beside it;
    five to nine as rows (2+3, 3+3, 3+4, 4+4, 3+3+3; where rows differ, the first row has
    fewer, larger photos)."""
    n_is = (lambda n: f"{field}|length == {n}") if max_photos > 3 else \
        (lambda n: f"{field}|length == {n}" if n < 3 else f"{field}|length >= 3")
    upright = f"{field}_tegak[0]"
    layouts: list[tuple[str, list[list[int]]]] = [
        (f"{field}|length <= 1", [box]),
        (n_is(2), _rows(box, [2], gutter)),
        (n_is(3), _hero(box, 2, gutter, 0.62)),
        (f"{n_is(4)} and not {upright}", _rows(box, [2, 2], gutter)),
        (f"{n_is(4)} and {upright}", _hero(box, 3, gutter, 0.5)),
        (n_is(5), _rows(box, [2, 3], gutter)),
        (n_is(6), _rows(box, [3, 3], gutter)),
        (n_is(7), _rows(box, [3, 4], gutter)),
        (n_is(8), _rows(box, [4, 4], gutter)),
        (f"{field}|length >= 9", _rows(box, [3, 3, 3], gutter)),
    ]
    out: list[Layer] = []
    for when, boxes in layouts:
        if len(boxes) > max_photos:
            break
        if max_photos < 4 and len(boxes) == 4:
            continue
        for i, cell in enumerate(boxes):
            extra = {"placeholder": placeholder} if len(boxes) == 1 else {}
            out.append(photo(cell, field, i, radius=radius, **extra, when=when))
    if max_photos < 2:
        out[0].pop("when")
    return out


COMMON_STYLES: dict[str, Layer] = {
    "chip": {"type": "text", "uppercase": True, "font": "heading", "weight": "bold",
             "size": 24, "tracking": 0.08, "color": "profile.text", "max_lines": 1,
             "panel": {"fill": "profile.accent", "padding": [16, 10], "radius": 6}},
    "chip_primary": {"type": "text", "uppercase": True, "font": "heading", "weight": "bold",
                     "size": 24, "tracking": 0.08, "color": "profile.light", "max_lines": 1,
                     "panel": {"fill": "profile.primary", "padding": [16, 10], "radius": 6}},
    # titles (and quotes set in them) balance their lines: no one-word last line
    "title_light": {"type": "text", "font": "heading", "weight": "extrabold", "size": 66,
                    "balance": True,
                    "min_size": 44, "max_lines": 5, "line_height": 1.12, "color": "#FFFFFF"},
    "title_dark": {"type": "text", "font": "heading", "weight": "extrabold", "size": 64,
                   "balance": True,
                   "min_size": 44, "max_lines": 5, "line_height": 1.12,
                   "color": "profile.text"},
    "meta_light": {"type": "text", "font": "body", "weight": "semibold", "size": 28,
                   "min_size": 24, "max_lines": 2, "line_height": 1.3, "color": "#FFFFFFEB"},
    "meta_dark": {"type": "text", "font": "body", "weight": "semibold", "size": 28,
                  "min_size": 24, "max_lines": 2, "line_height": 1.3,
                  "color": "profile.primary"},
    "lead_light": {"type": "text", "font": "body", "size": 28, "min_size": 24, "max_lines": 4,
                   "line_height": 1.4, "color": "#FFFFFFD9"},
    "lead_dark": {"type": "text", "font": "body", "size": 28, "min_size": 24, "max_lines": 4,
                  "line_height": 1.4, "color": "profile.text@0.85"},
    "label": {"type": "text", "font": "body", "weight": "semibold", "size": 22,
              "tracking": 0.08, "uppercase": True, "color": "profile.primary", "max_lines": 1},
    "label_light": {"type": "text", "font": "body", "weight": "semibold", "size": 22,
                    "tracking": 0.08, "uppercase": True, "color": "profile.accent",
                    "max_lines": 1},
    "value": {"type": "text", "font": "heading", "weight": "bold", "size": 38, "min_size": 28,
              "max_lines": 2, "line_height": 1.2, "color": "profile.text"},
    "body_dark": {"type": "text", "font": "body", "weight": "medium", "size": 30,
                  "min_size": 24, "line_height": 1.4, "color": "profile.text"},
    "body_light": {"type": "text", "font": "body", "weight": "medium", "size": 30,
                   "min_size": 24, "line_height": 1.4, "color": "#FFFFFF"},
}

META = "{{ tanggal | tanggal }}{% if lokasi %}  •  {{ lokasi }}{% endif %}"


# ---------------------------------------------------------------- 1. liputan kegiatan


LIPUTAN_FIELDS = [
    {"key": "judul", "label": "Judul", "type": "text", "required": True, "max_length": 120,
     "help": "Satu kalimat inti kegiatan, misalnya: Bupati Buka Pelatihan UMKM Digital."},
    {"key": "tanggal", "label": "Tanggal", "type": "date", "required": True},
    {"key": "lokasi", "label": "Lokasi", "type": "text", "max_length": 80,
     "placeholder": "Pendopo Kabupaten"},
    {"key": "ringkasan", "label": "Ringkasan", "type": "multiline", "max_length": 230,
     "help": "Paragraf pembuka singkat (2-3 kalimat). Tidak tampil di format 1:1 dan 16:9."},
    {"key": "foto", "label": "Foto kegiatan", "type": "photo", "max_items": 3,
     "help": "1 sampai 3 foto; foto pertama menjadi foto utama."},
]
KOLASE_FIELDS = [*LIPUTAN_FIELDS[:-1],
                 {"key": "foto", "label": "Foto kegiatan", "type": "photo", "max_items": 9,
                  "help": "1 sampai 9 foto; tata letak kolase mengikuti jumlah foto, foto "
                          "pertama paling besar."}]
LIPUTAN_SAMPLE = {
    "judul": "Bupati Buka Pelatihan Pemasaran Digital bagi 150 Pelaku UMKM",
    "tanggal": "2022-11-21",
    "lokasi": "Pendopo Kabupaten Contoh",
    "ringkasan": "Pelatihan dua hari ini membekali pelaku UMKM dengan cara memotret produk, "
                 "menulis deskripsi, dan berjualan di lokapasar.",
}


def thumbs(g: G, y: int, size: tuple[int, int] = (216, 162)) -> list[Layer]:
    """Photos 2 and 3 as framed insets at the top right of a full-bleed photo."""
    w, h = size
    x = g.W - g.M - w
    out = []
    for i in (1, 2):
        top = y + (i - 1) * (h + 16)
        cond = f"foto|length >= {i + 1}"
        out.append(rect([x - 6, top - 6, w + 12, h + 12], "#FFFFFF", radius=14, when=cond))
        out.append(photo([x, top, w, h], "foto", i, radius=10, when=cond))
    return out


def liputan(g: G) -> list[Layer]:
    chip = styled("chip", text="Liputan Kegiatan")
    if g.story:
        return [
            photo([0, 0, g.W, g.H], placeholder="profile.primary"),
            *header(g, on_photo=True),
            badge(g, 404, align="left"),
            scrim_up(g, 820, 1100, "F2"),
            stack([64, 860, 952, 620], [
                chip, styled("title_light", text="{{ judul }}", size=72, height=420),
                rule(), styled("meta_light", text=META, height=84),
                styled("lead_light", text="{{ ringkasan }}", optional=True, max_lines=3,
                       height=130)],
                anchor="bottom", gap=26, scrim="auto"),
            *footer(g, "line"),
        ]
    if g.wide:  # text beside the photo, never over a face
        split = 600
        return [
            rect([0, 0, g.W, g.H], "profile.primary"),
            photo([split, g.hb, g.W - split, g.foot - g.hb], placeholder="profile.secondary"),
            *header(g),
            stack([g.M, g.hb + 24, split - 2 * g.M, g.foot - g.hb - 48], [
                chip, styled("title_light", text="{{ judul }}", size=44, min_size=36,
                             max_lines=5, height=260),
                rule(), styled("meta_light", text=META, size=24, min_size=22, max_lines=3,
                               height=96)],
                anchor="middle", gap=16),
            *footer(g, "tint"),
        ]
    tall = g.fmt == "3:4"
    scrim_y = {"4:5": 560, "1:1": 440, "3:4": 600}[g.fmt]
    children = [chip, styled("title_light", text="{{ judul }}",
                             size=60 if g.square else 66, max_lines=4 if g.square else 5,
                             height=300 if g.square else 380),
                rule(), styled("meta_light", text=META, height=80)]
    if not g.square:
        children.append(styled("lead_light", text="{{ ringkasan }}", optional=True,
                               height=200 if tall else 160,
                               max_lines=5 if tall else 4))
    return [
        photo([0, 0, g.W, g.H], placeholder="profile.primary"),
        *header(g, on_photo=True),
        *thumbs(g, g.hb + 32),
        badge(g, g.hb + 32, align="left"),
        scrim_up(g, scrim_y, g.foot - scrim_y),
        stack([g.M, scrim_y, g.CW, g.foot - scrim_y - 40], children, anchor="bottom",
              gap=22 if g.square else 24, scrim="auto"),
        *footer(g),
    ]


def liputan_kolase(g: G) -> list[Layer]:
    chip = styled("chip", text="Liputan Kegiatan")
    meta = styled("meta_dark", text=META, height=80)
    if g.story:
        return [
            *header(g),
            *collage(g, [0, 392, g.W, 640], max_photos=9),
            badge(g, 1032 - 52 - 24, align="right"),
            stack([64, 1064, 952, 420], [
                chip, styled("title_dark", text="{{ judul }}", size=60, max_lines=4,
                             height=280), meta,
                styled("lead_dark", text="{{ ringkasan }}", optional=True, max_lines=2, height=84)],
                anchor="top", gap=22),
            *footer(g),
        ]
    if g.wide:
        return [
            *header(g),
            *collage(g, [560, g.hb, g.W - 560, g.foot - g.hb], gutter=8, max_photos=9),
            stack([g.M, g.hb + 28, 464, g.foot - g.hb - 56], [
                chip, styled("title_dark", text="{{ judul }}", size=44, min_size=36,
                             max_lines=5, height=260),
                styled("meta_dark", text=META, size=24, min_size=22, max_lines=3, height=96)],
                anchor="middle", gap=18),
            *footer(g),
        ]
    photo_h = {"4:5": 600, "1:1": 470, "3:4": 680}[g.fmt]
    y = g.hb + photo_h + 32
    children = [chip, styled("title_dark", text="{{ judul }}", size=50 if g.square else 56,
                             min_size=36 if g.square else 44, max_lines=4 if g.square else 3,
                             height=200), meta]
    if not g.square:
        children.append(styled("lead_dark", text="{{ ringkasan }}", optional=True,
                               max_lines=3, height=126))
    return [
        *header(g),
        *collage(g, [0, g.hb, g.W, photo_h], max_photos=9),
        badge(g, g.hb + photo_h - 52 - 24, align="right"),
        stack([g.M, y, g.CW, g.foot - y - 28], children, anchor="middle",
              gap=18 if g.square else 22),
        *footer(g),
    ]


def detail_rows(x: int, y: int, w: int, rows: list[tuple[str, str, str, int]], row_h: int,
                value_size: int = 38, when: str | None = None, dark: bool = True,
                icon_size: int = 64, value_min: int = 26) -> list[Layer]:
    """Icon + label + value rows (date, time, place...) with hairlines between them."""
    out: list[Layer] = []
    cond = {"when": when} if when else {}
    for i, (icon, label, value, lines) in enumerate(rows):
        top = y + i * row_h
        out.append({"type": "icon", "name": icon,
                    "box": [x, top + (row_h - icon_size) // 2, icon_size, icon_size],
                    "color": "profile.light" if dark else "profile.primary",
                    "circle": "profile.primary" if dark else "profile.light", **cond})
        out.append(stack([x + icon_size + 24, top + 8, w - icon_size - 24, row_h - 16], [
            styled("label" if dark else "label_light", text=label),
            styled("value", text=value, size=value_size, min_size=value_min, max_lines=lines,
                   color="profile.text" if dark else "profile.light")],
            anchor="middle", gap=10, **cond))
        if i < len(rows) - 1:
            out.append(rect([x, top + row_h - 1, w, 2],
                            "profile.text@0.12" if dark else "#FFFFFF33", **cond))
    return out


# ---------------------------------------------------------------- 2. kunjungan kerja


def kunjungan(g: G) -> list[Layer]:
    chip = styled("chip", text="Kunjungan Kerja")
    person = styled("value", text="{{ jabatan }} {{ nama }}", color="profile.accent",
                    size=32, min_size=22, max_lines=3, height=120)
    quote = styled("body_light", text="{% if kutipan %}“{{ kutipan }}”{% endif %}", optional=True,
                   balance=True,
                   italic=True, weight="regular", max_lines=3, height=130, space_before=20)
    meta = styled("meta_light", text="{{ tanggal | tanggal }}{% if tempat %}  •  {{ tempat }}"
                                     "{% endif %}", size=26, height=76)
    # the photo starts under the identity strip (never under it: faces are often high in a
    # visit photo) and the story's photo starts below its unsafe top
    if g.story:
        split = 900
        return [
            *header(g),
            photo([0, g.top - 12, g.W, split - g.top + 12], placeholder="profile.secondary"),
            rect([0, split, g.W, g.H - split], "profile.primary"),
            rect([0, split, g.W, 8], "profile.accent"),
            badge(g, split - 52 - 32, align="left"),
            stack([64, split + 40, 952, g.foot - split - 64], [
                chip, styled("title_light", text="{{ kegiatan }}", size=56, max_lines=4,
                             height=260), person, quote, meta], anchor="top", gap=18),
            *footer(g, "tint"),
        ]
    split = {"4:5": 700, "1:1": 540, "3:4": 790}[g.fmt]
    title = styled("title_light", text="{{ kegiatan }}", size=46 if g.square else 54,
                   min_size=34 if g.square else 44, max_lines=3,
                   height=150 if g.square else 190)
    children = [chip, title, person, quote, meta]
    if g.square:
        quote["max_lines"], quote["height"], quote["size"] = 2, 84, 28
    return [
        *header(g),
        photo([0, g.hb, g.W, split - g.hb], placeholder="profile.secondary"),
        badge(g, split - 52 - 24, align="right"),
        rect([0, split, g.W, g.H - split], "profile.primary"),
        rect([0, split, g.W, 8], "profile.accent"),
        stack([g.M, split + 40, g.CW, g.foot - split - 64], children, anchor="middle",
              gap=16 if g.square else 18),
        *footer(g, "tint"),
    ]


# ---------------------------------------------------------------- 3. apel / upacara


def apel(g: G) -> list[Layer]:
    panel = {"fill": "profile.primary@0.94", "padding": [48, 44], "radius": 28}
    children = [
        styled("chip", text="{{ jenis }}", max_lines=2, line_height=1.25, tracking=0,
               min_size=22),
        styled("title_light", text="{{ pesan }}", size=50, min_size=36, max_lines=5,
               height=300, line_height=1.16),
        rule(),
        styled("meta_light", text="Pembina: {{ pembina }}", weight="bold", max_lines=2,
               height=80, color="#FFFFFF"),
        styled("meta_light", text="{{ tanggal | tanggal }}{% if lokasi %}  •  {{ lokasi }}"
                                  "{% endif %}", weight="medium", size=26, height=72,
               space_before=10),
    ]
    if g.story:
        return [
            photo([0, 0, g.W, g.H], placeholder="profile.secondary"),
            *header(g, on_photo=True),
            badge(g, 404, align="left"),
            {"type": "gradient", "box": [0, 900, g.W, 1020],
             "stops": [[0, "#00000000"], [1, "#000000B3"]]},
            stack([112, 560, 856, 900], children, anchor="bottom", gap=20, panel=panel),
            *footer(g, "band"),  # a busy photo under a hairline footer is unreadable
        ]
    inset = g.M + 48
    bottom = g.foot - 40 - 44
    top = {"4:5": 560, "1:1": 400, "3:4": 600}[g.fmt]
    if g.square:
        children[1].update(max_lines=4, height=230, size=44, min_size=32)
    return [
        photo([0, 0, g.W, g.H], placeholder="profile.secondary"),
        *header(g, on_photo=True),
        badge(g, g.hb + 28, align="left"),
        {"type": "gradient", "box": [0, top - 80, g.W, g.H - top + 80],
         "stops": [[0, "#00000000"], [1, "#000000B3"]]},
        stack([inset, top, g.W - 2 * inset, bottom - top], children, anchor="bottom",
              gap=18, panel=panel),
        *footer(g),
    ]


# ---------------------------------------------------------------- 4. agenda / undangan


BADGE_W = 260  # one "ASN BerAKHLAK" pill, 52 px high

AGENDA_ROWS = [
    ("calendar", "Hari, tanggal", "{{ tanggal | tanggal }}", 1),
    ("clock", "Waktu", "{{ jam_mulai | pukul(jam_selesai) }}", 1),
    ("pin", "Tempat", "{{ tempat }}", 3),
]


AGENDA_WIDE_ROWS = [
    ("calendar", "Waktu", "{{ tanggal | tanggal }}, {{ jam_mulai | pukul(jam_selesai) }}", 3),
    ("pin", "Tempat", "{{ tempat }}", 4),
]


def agenda(g: G) -> list[Layer]:
    title = [styled("chip", text="Agenda"),
             styled("title_light", text="{{ acara }}", size=68, max_lines=4, height=310)]
    contact = styled("meta_light", text="{% if peserta %}Peserta: {{ peserta }}{% endif %}",
                     weight="medium", size=26, min_size=22, max_lines=2)
    kontak = styled("meta_light", text="{% if kontak %}Narahubung: {{ kontak }}{% endif %}",
                    weight="medium", size=26, min_size=22, max_lines=1)
    if g.wide:
        return [
            rect([0, 0, g.W, g.H], "profile.primary"),
            *header(g, fill="#00000033"),
            stack([g.M, g.hb + 20, 520, 360], [
                styled("chip", text="Agenda"),
                styled("title_light", text="{{ acara }}", size=44, min_size=36, max_lines=4,
                       height=200),
                {**contact, "size": 24}, {**kontak, "size": 24, "max_lines": 2}],
                  anchor="middle", gap=16),
            rect([592, g.hb + 24, 560, 396], "#FFFFFF", radius=24),
            # every format carries the same information: the registration QR too
            *detail_rows(620, g.hb + 36, 512, AGENDA_ROWS, 124, value_size=28,
                         icon_size=56, value_min=22, when="not tautan"),
            # beside the QR: date and time share a row, so each value has three lines
            *detail_rows(620, g.hb + 36, 336, AGENDA_WIDE_ROWS, 186, value_size=26,
                         icon_size=56, value_min=22, when="tautan"),
            {"type": "qr", "text": "{{ tautan }}", "field": "tautan", "when": "tautan",
             "box": [1152 - 24 - 156, g.hb + 24 + (396 - 156) // 2 - 24, 156, 156],
             "color": "profile.text"},
            text([1152 - 24 - 160, g.hb + 24 + (396 + 156) // 2 - 18, 160, 60],
                 "Pindai untuk daftar", "label", size=22, tracking=0.0, uppercase=False,
                 align="center", max_lines=2, line_height=1.15, when="tautan"),
            *footer(g, "tint"),
        ]
    if g.story:
        card_y, card_h, title_box = 820, 560, [64, 410, 952, 380]
        info_box = [64, 1396, 952, 90]
    else:
        card_y = {"4:5": 540, "1:1": 432, "3:4": 580}[g.fmt]
        card_h = {"4:5": 520, "1:1": 420, "3:4": 580}[g.fmt]
        title_box = [g.M, g.hb + 24, g.CW, card_y - g.hb - 48]
        info_box = [g.M, card_y + card_h + 20, g.CW, g.foot - card_y - card_h - 40]
    if g.square:
        title[1].update(size=56, max_lines=3, height=190)
    row_h = (card_h - 48) // 3
    rows_w = g.CW - 64
    # participants and contact wrap beside the ASN badge, never under it
    narrow = [*info_box[:2], info_box[2] - BADGE_W - 24, info_box[3]]
    info_rows = [stack(info_box, [contact, kontak], anchor="middle", gap=8)] if g.story else [
        stack(info_box, [contact, kontak], anchor="middle", gap=8,
              when="tautan or not profile.badge_berakhlak"),
        stack(narrow, [contact, {**kontak, "max_lines": 2}], anchor="middle", gap=8,
              when="not tautan and profile.badge_berakhlak"),
    ]
    qr_side = 236 if not g.square else 200
    return [
        rect([0, 0, g.W, g.H], "profile.primary"),
        *header(g, fill="#00000033"),
        badge(g, (g.top if g.story else g.hb) + 12, align="right")
        if g.story else {**badge(g, g.foot - 52 - 16, align="right", which="berakhlak",
                                 when="not tautan"),
                         "box": [g.M + g.CW - BADGE_W, g.foot - 52 - 16, BADGE_W, 52]},
        stack(title_box, title, anchor="middle", gap=24),
        rect([g.M, card_y, g.CW, card_h], "#FFFFFF", radius=28),
        *detail_rows(g.M + 32, card_y + 24, rows_w, AGENDA_ROWS, row_h, when="not tautan",
                     value_size=36 if g.square else 38, value_min=22 if g.square else 26),
        *detail_rows(g.M + 32, card_y + 24, rows_w - qr_side - 32, AGENDA_ROWS, row_h,
                     when="tautan", value_size=32 if g.square else 34,
                     value_min=22 if g.square else 26),
        {"type": "qr", "text": "{{ tautan }}", "field": "tautan", "when": "tautan",
         "box": [g.M + g.CW - 32 - qr_side, card_y + (card_h - qr_side) // 2 - 18, qr_side,
                 qr_side], "color": "profile.text"},
        text([g.M + g.CW - 32 - qr_side - 20, card_y + (card_h + qr_side) // 2 - 10,
              qr_side + 40, 30], "Pindai untuk daftar", "label", size=22, tracking=0.02,
             uppercase=False, align="center", when="tautan"),
        *info_rows,
        *footer(g, "tint"),
    ]


# ---------------------------------------------------------------- 5. pengumuman layanan


def pengumuman(g: G) -> list[Layer]:
    chip = styled("chip_primary", text="Pengumuman")
    title = styled("title_dark", text="{{ layanan }}", size=56, max_lines=3, height=200)
    # labels and cards leave with their field: nothing shows over an empty value
    biaya = [styled("label_light", text="Biaya", field="biaya", when="biaya"),
             styled("title_light", text="{{ biaya }}", size=60, min_size=36, max_lines=2,
                    height=150, color="profile.accent", space_before=8)]
    jadwal = [styled("label_light", text="Jam layanan"),
              styled("body_light", text="{{ jadwal }}", size=30, max_lines=4, height=170,
                     space_before=8, weight="semibold")]
    kanal = [styled("label", text="Informasi & pendaftaran", field="kanal", when="kanal"),
             styled("body_dark", text="{{ kanal | join('  •  ') }}", size=28, max_lines=2,
                    height=84, space_before=8, weight="semibold")]
    if g.wide:
        return [
            *header(g),
            stack([g.M, g.hb + 24, 660, 140], [
                chip, {**title, "size": 40, "min_size": 36, "max_lines": 2, "height": 100}],
                gap=14),
            text([g.M, g.hb + 180, 660, 30], "Persyaratan", "label", field="persyaratan",
                 when="persyaratan"),
            {"type": "list", "field": "persyaratan", "box": [g.M, g.hb + 222, 660, 250],
             "size": 26, "min_size": 22, "gap": 12, "marker": "check",
             "marker_color": "profile.secondary"},
            rect([760, g.hb + 24, 392, g.foot - g.hb - 48], "profile.primary", radius=24),
            stack([792, g.hb + 48, 328, g.foot - g.hb - 96], [
                *jadwal[:1], {**jadwal[1], "size": 26, "max_lines": 3, "height": 110},
                *biaya[:1], {**biaya[1], "size": 48, "height": 110},
            ], anchor="middle", gap=12),
            *footer(g),
        ]
    y = g.top + (28 if g.story else 32)
    head_h = 176 if g.square else 300 if g.story else 220
    if g.square:
        title.update(size=46, min_size=34, max_lines=3, height=160)
    list_y = y + head_h + 16 + 44
    cards_h = 196 if g.square else 290 if g.story else 250
    kanal_h = 100 if g.square else 110
    cards_y = g.bottom - 24 - kanal_h - 20 - cards_h
    half = (g.CW - 24) // 2
    del list_y  # title, label and requirements are one measured flow: a short title leaves
    # the requirements more room, and they shrink together
    return [
        *header(g),
        stack([g.M, y, g.CW, cards_y - 28 - y], [
            chip, title,
            styled("label", text="Persyaratan", field="persyaratan", when="persyaratan",
                   space_before=28),
            {"type": "list", "field": "persyaratan", "size": 30, "min_size": 24,
             "gap": 16 if g.square else 18, "marker": "check",
             "marker_color": "profile.secondary", "space_before": 14}],
            anchor="top", gap=18),
        # with a fee: hours and fee side by side; without one the hours take the whole row
        *(layer for cond, card_w in (("biaya", half), ("not biaya", g.CW)) for layer in (
            rect([g.M, cards_y, card_w, cards_h], "profile.primary", radius=24, when=cond),
            stack([g.M + 32, cards_y + 24, card_w - 64, cards_h - 48], [
                *jadwal[:1], {**jadwal[1], "size": 30 if g.square else 32, "max_lines": 3,
                              "height": cards_h - 90}], anchor="middle", gap=8, when=cond))),
        rect([g.M + half + 24, cards_y, g.CW - half - 24, cards_h], "profile.accent",
             radius=24, when="biaya"),
        stack([g.M + half + 56, cards_y + 24, g.CW - half - 88, cards_h - 48], [
            {**biaya[0], "color": "profile.text"},
            {**biaya[1], "color": "profile.text", "size": 64 if g.square else 72,
             "height": cards_h - 90}], anchor="middle", gap=8, when="biaya"),
        stack([g.M, g.bottom - 20 - kanal_h, g.CW, kanal_h], kanal, anchor="middle", gap=6),
        *footer(g),
    ]


# ---------------------------------------------------------------- 6. klarifikasi hoaks


def hoaks(g: G) -> list[Layer]:
    label = styled("chip", text="[{{ label }}]", size=36, color="#FFFFFF",
                   panel={"fill": HOAX_RED, "padding": [20, 12], "radius": 8})
    klaim = styled("title_dark", text="“{{ klaim }}”", size=40, min_size=30, max_lines=3,
                   height=150, weight="bold", line_height=1.2)
    fakta_chip = styled("chip", text="Faktanya", color="#FFFFFF",
                        panel={"fill": FACT_GREEN, "padding": [16, 10], "radius": 6})
    fakta = styled("body_dark", text="{{ fakta }}", size=32, max_lines=5, height=230)
    sumber = styled("lead_dark", text="Sumber: {{ sumber }}{% if tanggal %}  •  "
                                      "{{ tanggal | tanggal }}{% endif %}",
                    size=24, min_size=22, max_lines=2, height=64, weight="medium")

    def shot(box: list[int]) -> list[Layer]:
        x, y, w, h = box
        return [photo(box, "tangkapan", fit="contain", placeholder="#E4E7EC", radius=16),
                {"type": "stamp", "text": "{{ label }}", "field": "label",
                 "box": [x + 40, y + 20, w - 80, h - 40], "angle": -12, "color": HOAX_RED,
                 "fill": "#FFFFFFD9", "size": 112 if h > 300 else 80, "border": 9}]

    if g.wide:
        return [
            *header(g),
            *shot([g.M, g.hb + 24, 440, g.foot - g.hb - 48]),
            stack([540, g.hb + 24, 612, g.foot - g.hb - 48], [
                label, {**klaim, "size": 32, "min_size": 26, "max_lines": 3, "height": 126},
                fakta_chip, {**fakta, "size": 26, "min_size": 22, "max_lines": 4,
                             "height": 150}], anchor="middle", gap=14),
            *footer(g),
        ]
    if g.story:
        return [
            *header(g),
            stack([64, 404, 952, 380], [label, klaim], anchor="top", gap=20),
            *shot([64, 800, 952, 260]),
            stack([64, 1080, 952, 404], [fakta_chip, fakta, sumber], anchor="top", gap=18),
            *footer(g),
        ]
    y = g.hb + 32
    shot_h = {"4:5": 390, "1:1": 250, "3:4": 460}[g.fmt]
    head_h = 210 if not g.square else 160
    if g.square:
        klaim.update(size=34, min_size=28, max_lines=3, height=130)
        fakta.update(size=28, min_size=24, max_lines=5, height=180)
        sumber.update(max_lines=2, height=60)
    shot_y = y + head_h + 16
    fact_y = shot_y + shot_h + 28
    return [
        *header(g),
        stack([g.M, y, g.CW, head_h], [label, klaim], anchor="middle", gap=18),
        *shot([g.M, shot_y, g.CW, shot_h]),
        rect([g.M, fact_y, 8, g.foot - fact_y - 32], FACT_GREEN),
        stack([g.M + 32, fact_y, g.CW - 32, g.foot - fact_y - 32],
              [fakta_chip, fakta, sumber], anchor="top", gap=16 if g.square else 18),
        *footer(g),
    ]


# ---------------------------------------------------------------- 7. infografis


def infografis(g: G) -> list[Layer]:
    chip = styled("chip_primary", text="Infografis", color="profile.light",
                  panel={"fill": "profile.secondary", "padding": [16, 10], "radius": 6})
    title = styled("title_dark", text="{{ judul }}", size=60, max_lines=3, height=210)
    period = styled("meta_dark", text="{{ periode }}", max_lines=1)
    source = {"type": "text", "text": "Sumber: {{ sumber }}", "font": "body", "size": 24,
              "min_size": 22, "max_lines": 2, "line_height": 1.3,
              "color": "profile.text@0.75"}
    stats = {"type": "stats", "field": "angka", "columns": 2, "card": "#FFFFFF",
             "value_size": 112, "value_min_size": 52}
    if g.wide:
        return [
            *header(g),
            stack([g.M, g.hb + 24, 400, 420], [chip, {**title, "size": 44, "min_size": 36,
                                                     "max_lines": 4, "height": 220},
                                               period, {**source, "max_lines": 3}],
                  anchor="middle", gap=16),
            {**stats, "box": [480, g.hb + 24, 672, g.foot - g.hb - 48], "value_size": 72,
             "value_min_size": 40, "label_size": 22, "gap": 16},
            *footer(g),
        ]
    if g.story:
        return [
            *header(g),
            stack([64, 420, 952, 380], [chip, {**title, "size": 64, "height": 230}, period],
                  gap=22),
            {**stats, "box": [64, 810, 952, 590]},
            {**source, "box": [64, 1410, 952, 70]},
            *footer(g),
        ]
    head_h = {"4:5": 290, "1:1": 230, "3:4": 300}[g.fmt]
    if g.square:
        title.update(size=50, min_size=36, max_lines=3, height=170)
        period["size"] = 26
        stats.update(columns=3, value_size=88, value_min_size=44, label_size=24, gap=20)
    y = g.hb + (28 if g.square else 44)
    stats_y = y + head_h + 20
    source_h = 70 if not g.square else 40
    return [
        *header(g),
        stack([g.M, y, g.CW, head_h], [chip, title, period], anchor="top",
              gap=18 if g.square else 22),
        {**stats, "box": [g.M, stats_y, g.CW, g.foot - 32 - source_h - 16 - stats_y]},
        {**source, "box": [g.M, g.foot - 32 - source_h, g.CW, source_h],
         "max_lines": 1 if g.square else 2},
        *footer(g),
    ]


def infografis_sorot(g: G) -> list[Layer]:
    """Dark style: figures in the accent colour, one per row, on the primary colour."""
    chip = styled("chip", text="Data & Fakta")
    title = styled("title_light", text="{{ judul }}", size=56, max_lines=3, height=200)
    period = styled("meta_light", text="{{ periode }}", max_lines=1, color="profile.accent")
    source = {"type": "text", "text": "Sumber: {{ sumber }}", "font": "body", "size": 24,
              "min_size": 22, "max_lines": 2, "line_height": 1.3, "color": "#FFFFFFCC"}
    stats = {"type": "stats", "field": "angka", "columns": 1, "direction": "row",
             "card": "#FFFFFF14", "card_radius": 20, "gap": 14, "value_size": 84,
             "value_min_size": 44, "value_color": "profile.accent", "label_size": 28,
             "label_color": "#FFFFFF"}
    base = [rect([0, 0, g.W, g.H], "profile.primary"),
            {"type": "gradient", "box": [0, 0, g.W, g.H],
             "stops": [[0, "#00000000"], [1, "#00000059"]]}]
    if g.wide:
        return [
            *base, *header(g, fill="#00000033"),
            stack([g.M, g.hb + 24, 420, 420], [chip, {**title, "size": 44, "min_size": 36,
                                                     "max_lines": 4, "height": 220},
                                               period, {**source, "max_lines": 3}],
                  anchor="middle", gap=16),
            {**stats, "box": [500, g.hb + 24, 652, g.foot - g.hb - 48], "value_size": 56,
             "value_min_size": 36, "label_size": 24, "gap": 10},
            *footer(g, "tint"),
        ]
    if g.story:
        return [
            *base, *header(g, fill="#00000033"),
            stack([64, 420, 952, 400], [chip, {**title, "size": 62, "height": 220}, period],
                  gap=22),
            {**stats, "box": [64, 840, 952, 550]},
            {**source, "box": [64, 1410, 952, 70]},
            *footer(g, "tint"),
        ]
    head_h = {"4:5": 290, "1:1": 210, "3:4": 300}[g.fmt]
    if g.square:
        title.update(size=46, min_size=34, max_lines=3, height=160)
        stats.update(value_size=64, value_min_size=40, label_size=26, gap=10)
    y = g.hb + (28 if g.square else 44)
    stats_y = y + head_h + 20
    source_h = 70 if not g.square else 36
    return [
        *base, *header(g, fill="#00000033"),
        stack([g.M, y, g.CW, head_h], [chip, title, period], anchor="top",
              gap=18 if g.square else 22),
        {**stats, "box": [g.M, stats_y, g.CW, g.foot - 28 - source_h - 16 - stats_y]},
        {**source, "box": [g.M, g.foot - 28 - source_h, g.CW, source_h],
         "max_lines": 1 if g.square else 2},
        *footer(g, "tint"),
    ]


# ---------------------------------------------------------------- 8. ucapan hari besar


def decor(g: G) -> list[Layer]:
    """Quiet translucent circles in the corners: festive without a third colour."""
    big = round(g.W * 0.9)
    return [rect([g.W - big // 2, -big // 3, big, big], "#FFFFFF10", radius=big // 2),
            rect([-big // 3, g.H - big // 2, round(big * 0.8), round(big * 0.8)], "#FFFFFF0D",
                 radius=round(big * 0.4))]


def ucapan(g: G) -> list[Layer]:
    greeting = [
        styled("label_light", text="Selamat", align="center", size=30, tracking=0.16),
        styled("title_light", text="{{ peringatan }}", size=88, max_lines=4, height=400,
               align="center", line_height=1.08),
        rule(120, 6, space_before=28, align="center"),
        styled("meta_light", text="{{ tanggal | tanggal }}", align="center", max_lines=1,
               size=30),
        styled("lead_light", text="{{ ucapan }}", align="center", size=40, min_size=28,
               optional=True,
               max_lines=4, height=220, color="#FFFFFF", weight="semibold", italic=True,
               space_before=24, line_height=1.3),
    ]
    person = [styled("value", text="{{ nama }}", color="#FFFFFF", size=34, min_size=24,
                     max_lines=3),
              styled("meta_light", text="{{ jabatan }}", size=28, max_lines=2,
                     color="profile.accent")]
    base = [rect([0, 0, g.W, g.H], "profile.primary"), *decor(g)]
    if g.story:
        return [
            *base, *header(g, fill="#00000026"),
            stack([64, 420, 952, 700], greeting, anchor="middle", gap=20),
            photo([64, 1160, 260, 320], radius=20, when="foto"),
            stack([356, 1160, 660, 320], person, anchor="middle", gap=10, when="foto"),
            stack([64, 1160, 952, 320], [{**p, "align": "center"} for p in person],
                  anchor="middle", gap=10, when="not foto"),
            *footer(g, "tint"),
        ]
    person_h = {"4:5": 300, "1:1": 220, "3:4": 340}[g.fmt]
    pw = round(person_h * 0.8)
    py = g.foot - 40 - person_h
    if g.square:
        greeting[1].update(size=72, max_lines=3, height=250)
        greeting[4].update(size=30, min_size=24, max_lines=3, height=130)
    return [
        *base, *header(g, fill="#00000026"),
        badge(g, g.hb + 24, align="right"),
        stack([g.M, g.hb + 92, g.CW, py - g.hb - 124], greeting, anchor="middle", gap=18),
        photo([g.M, py, pw, person_h], radius=20, when="foto"),
        stack([g.M + pw + 32, py, g.CW - pw - 32, person_h], person, anchor="middle", gap=10,
              when="foto"),
        stack([g.M, py, g.CW, person_h], [{**p, "align": "center"} for p in person],
              anchor="middle", gap=10, when="not foto"),
        *footer(g, "tint"),
    ]


# ---------------------------------------------------------------- 9. duka cita, selamat & sukses

DUKA_BG, DUKA_TEXT, DUKA_MUTED = "#161719", "#F4F4F5", "#B4B6BB"


def duka(g: G) -> list[Layer]:
    side = {"4:5": 380, "1:1": 260, "3:4": 420, "9:16": 420}[g.fmt]
    intro = styled("lead_light", text="{{ ucapan }}", align="center", color=DUKA_MUTED,
                   size=30, max_lines=2, height=90)
    name = styled("title_light", text="{{ nama }}", align="center", size=64, min_size=40,
                  max_lines=3, height=230, color=DUKA_TEXT)
    role = styled("meta_light", text="{{ jabatan }}", align="center", color=DUKA_MUTED,
                  weight="medium", max_lines=2, height=84, size=30)
    when = styled("meta_light", text="{% if tanggal %}Berpulang pada {{ tanggal | tanggal }}"
                                     "{% endif %}", align="center", color=DUKA_MUTED, size=26,
                  max_lines=1, weight="medium")
    doa = styled("lead_light", text="{{ doa }}", align="center", color=DUKA_TEXT, italic=True,
                 optional=True,
                 size=30, max_lines=3, height=130, space_before=20)
    top = g.top + max(28, (g.bottom - g.top - side - 440) // 2)
    if g.square:
        name.update(size=48, min_size=34, max_lines=3, height=170)
        doa.update(max_lines=3, height=110, size=26, min_size=22)
        intro.update(max_lines=2, height=70, size=26, min_size=22)
        role.update(size=26)
    text_y = top + side + 28
    return [
        rect([0, 0, g.W, g.H], DUKA_BG),
        *header(g, fill="#000000", color=DUKA_TEXT),
        rect([0, g.hb if not g.story else 392, g.W, 4], "#FFFFFF26"),
        photo([(g.W - side) // 2, top, side, side], radius=side // 2, placeholder="#2A2C30",
              grayscale="hitam_putih", when="foto"),
        stack([g.M, text_y, g.CW, g.bottom - 32 - text_y],
              [intro, name, role, when, doa], anchor="top", gap=14),
        *footer(g, "dark", color=DUKA_TEXT),
    ]


def sukses(g: G) -> list[Layer]:
    side = {"4:5": 320, "1:1": 240, "3:4": 360, "9:16": 340}[g.fmt]
    title = styled("title_light", text="{{ judul }}", align="center", size=76, max_lines=2,
                   height=180, color="profile.accent", uppercase=True, tracking=0.0)
    name = styled("title_light", text="{{ nama }}", align="center", size=56, min_size=36,
                  max_lines=3, height=200)
    role = styled("lead_light", text="{{ keterangan }}", align="center", size=32,
                  max_lines=4, height=180, color="#FFFFFF")
    top = g.top + max(36, (g.bottom - g.top - side - 360) // 2)
    if g.square:
        title.update(size=60, height=80, max_lines=1)
        name.update(size=44, min_size=32, max_lines=3, height=160)
        role.update(max_lines=3, height=120, size=28, min_size=22)
    ring = 10
    text_y = top + side + 28
    return [
        rect([0, 0, g.W, g.H], "profile.primary"), *decor(g),
        *header(g, fill="#00000026"),
        rect([(g.W - side) // 2 - ring, top - ring, side + 2 * ring, side + 2 * ring],
             "profile.accent", radius=side // 2 + ring, when="foto"),
        photo([(g.W - side) // 2, top, side, side], radius=side // 2, when="foto"),
        stack([g.M, text_y, g.CW, g.bottom - 32 - text_y], [title, name, role],
              anchor="top", gap=18),
        *footer(g, "tint"),
    ]


# ---------------------------------------------------------------- 10. carousel kegiatan


def carousel(g: G) -> list[dict[str, Any]]:
    hint = styled("meta_light", text="Geser untuk melihat foto kegiatan  →",
                  color="profile.accent", size=26, max_lines=1, space_before=12)
    title = styled("title_light", text="{{ judul }}", size=72 if g.story else
                   60 if g.square else 66, max_lines=4 if g.square else 5,
                   height=300 if g.square else 380)
    chip = styled("chip", text="Galeri Kegiatan")
    meta = styled("meta_light", text=META, height=80)
    if g.story:
        # a story is tapped, not swiped: no "geser" hint there
        cover_text = stack([64, 860, 952, 620], [chip, title, rule(), meta],
                           anchor="bottom", gap=24, scrim="auto")
        scrim_y = 820
    else:
        scrim_y = {"4:5": 560, "1:1": 440, "3:4": 600}[g.fmt]
        cover_text = stack([g.M, scrim_y, g.CW, g.foot - scrim_y - 40],
                           [chip, title, rule(), meta, hint], anchor="bottom", gap=22,
                           scrim="auto")
    cover = [
        photo([0, 0, g.W, g.H], placeholder="profile.primary"),
        *header(g, on_photo=True),
        badge(g, (404 if g.story else g.hb + 32), align="left"),
        scrim_up(g, scrim_y, g.H - scrim_y if g.story else g.foot - scrim_y),
        cover_text,
        *footer(g, "line" if g.story else "band"),
    ]
    # inner photo slides: light chrome (small logos, page counter), the photo carries them
    chrome_y = 270 if g.story else 36
    chrome_h = 64 if not g.square else 56
    caption_bottom = g.bottom - 40 if g.story else g.foot - 40
    content = [
        photo([0, 0, g.W, g.H], index="n", placeholder="profile.primary"),
        {"type": "gradient", "box": [0, 0, g.W, chrome_y + chrome_h + 120],
         "stops": [[0, "#0000008C"], [0.55, "#00000059"], [1, "#00000000"]]},
        {"type": "logo", "which": "both", "align": "left", "gap": 14,
         "box": [g.M, chrome_y, 360, chrome_h]},
        text([g.W - g.M - 200, chrome_y + (chrome_h - 48) // 2, 200, 48],
             "{{ slide_no }} / {{ slide_total }}", "chip", align="right", tracking=0.04),
        scrim_up(g, caption_bottom - 420, g.H - caption_bottom + 420),
        text([g.M, caption_bottom - 230, g.CW, 230],
             "{{ keterangan[n] if keterangan|length > n else '' }}", "body_light", size=36,
             min_size=26, max_lines=4, valign="bottom", weight="semibold",
             field="keterangan", scrim="auto"),
        *footer(g, "line"),
    ]
    # the documentation slide: every photo at once, as a collage (from three photos)
    grid_top = g.top + (24 if g.story else 28)
    grid_label = stack([g.M, grid_top, g.CW, 120], [
        styled("chip_primary", text="Dokumentasi Kegiatan"),
        styled("meta_dark", text="{{ tanggal | tanggal }}", max_lines=1)], anchor="top",
        gap=14)
    grid_y = grid_top + 120
    grid_bottom = (g.bottom - 24) if g.story else (g.foot - 28)
    grid = [
        *header(g),
        grid_label,
        *collage(g, [g.M, grid_y, g.CW, grid_bottom - grid_y], gutter=8, radius=8,
                 max_photos=9),
        *footer(g),
    ]
    closing_top = g.top + 48
    logo_h = 140 if g.square else 180
    closing = [
        rect([0, 0, g.W, g.H], "profile.primary"), *decor(g),
        *header(g, fill="#00000026"),
        {"type": "logo", "which": "both", "align": "center", "gap": 32,
         "box": [g.M, closing_top, g.CW, logo_h]},
        stack([g.M, closing_top + logo_h + 40, g.CW, g.bottom - closing_top - logo_h - 140], [
            styled("title_light", text="{{ penutup }}", align="center",
                   size=48 if g.square else 56, max_lines=3, height=200),
            styled("meta_light", text="{{ profile.opd_name }}", align="center",
                   color="profile.accent", max_lines=2),
            styled("lead_light", text="{{ profile.handles.values() | unique | join('  •  ') }}",
                   align="center", size=26, max_lines=3, height=120, space_before=20),
        ], anchor="middle", gap=18),
        badge(g, g.bottom - 52 - 32, align="center"),
        *footer(g, "tint"),
    ]
    return [{"name": "sampul", "layers": cover},
            {"name": "foto", "repeat": "foto", "start": 1, "layers": content},
            {"name": "dokumentasi", "min_items": {"foto": 3}, "layers": grid},
            {"name": "penutup", "layers": closing}]


# ---------------------------------------------------------------- 11. peringatan dini

LEVELS = {"WASPADA": ("#F2C200", "#111111"), "SIAGA": ("#F07C00", "#111111"),
          "AWAS": (HOAX_RED, "#FFFFFF")}
ALERT_BG = "#14161A"


def peringatan(g: G) -> list[Layer]:
    chips = [styled("chip", text="Status: {{ tingkat }}", color=ink, size=26,
                    panel={"fill": fill, "padding": [16, 10], "radius": 6},
                    when=f"tingkat == '{level}'")
             for level, (fill, ink) in LEVELS.items()]
    banner_title = styled("title_light", text="{{ bahaya }}", size=54, max_lines=3,
                          height=190, line_height=1.1)
    rows = [("pin", "Wilayah", "{{ wilayah }}", 2), ("clock", "Waktu", "{{ waktu }}", 2)]
    steps_label = text(None, "Yang perlu dilakukan", "label_light")
    stats = {"type": "stats", "field": "darurat", "columns": 2, "direction": "row",
             "card": "#FFFFFF14", "card_radius": 16, "gap": 12, "value_size": 44,
             "value_min_size": 30, "value_color": "#FFFFFF", "label_size": 26,
             "label_color": "#FFFFFFD9"}
    y0 = 404 if g.story else g.hb
    banner_h = {"4:5": 290, "1:1": 210, "3:4": 300, "9:16": 300}[g.fmt]
    if g.story:  # the alert's own type stays: the steps need the room
        banner_title["_keep"] = True
    if g.square:
        banner_title.update(size=40, min_size=30, max_lines=3, height=140)
    rows_y = y0 + banner_h + 16
    row_h = 104 if g.square else 124 if g.fmt == "3:4" else 112
    list_y = rows_y + 2 * row_h + 24
    nums_h = {"4:5": 160, "1:1": 150, "3:4": 200, "9:16": 160}[g.fmt]
    nums_y = g.bottom - 28 - nums_h
    stats["columns"] = 1
    return [
        rect([0, 0, g.W, g.H], ALERT_BG),
        *header(g),
        rect([0, y0, g.W, banner_h], "#000000"),
        {"type": "icon", "name": "warning", "box": [g.M, y0 + (banner_h - 112) // 2, 112, 112],
         "color": LEVELS["WASPADA"][0]},
        stack([g.M + 140, y0 + 20, g.CW - 140, banner_h - 40],
              [styled("label_light", text="Peringatan Dini", color="#F2C200", size=24),
               banner_title, *chips], anchor="middle", gap=14),
        *detail_rows(g.M, rows_y, g.CW, rows, row_h, value_size=30 if g.square else 32,
                     dark=False, icon_size=56),
        stack([g.M, list_y, g.CW, 40], [steps_label]),
        {"type": "list", "field": "langkah", "box": [g.M, list_y + 44, g.CW,
                                                     nums_y - list_y - 44 - 56],
         "size": 30 if not g.square else 26, "min_size": 24, "gap": 14 if not g.square else 8,
         "color": "#FFFFFF",
         "marker_color": "#F2C200", "marker_text": "#111111"},
        text([g.M, nums_y - 40, g.CW, 30], "Nomor darurat", "label_light", field="darurat",
             when="darurat"),
        {**stats, "box": [g.M, nums_y, g.CW, nums_h]},
        *footer(g, "band"),
    ]


# ---------------------------------------------------------------- 12. kutipan pimpinan


def kutipan(g: G) -> list[Layer]:
    quote = styled("title_light", text="{{ kutipan }}", size=52, min_size=36, max_lines=7,
                   height=460, weight="bold", line_height=1.2)
    name = styled("value", text="{{ nama }}", color="profile.accent", size=34, min_size=24,
                  max_lines=3, space_before=28)
    role = styled("meta_light", text="{{ jabatan }}", weight="medium", max_lines=3,
                  min_size=22)
    # the leader's photo is never tinted where a face can be: it has its own column (a
    # short fade at its edge only) and, in the story, starts under the identity band
    if g.story:
        split = 1060  # the portrait keeps its height: a face can fill it
        return [
            rect([0, 0, g.W, g.H], "profile.primary"),
            photo([0, g.top - 12, g.W, split - g.top + 12], placeholder="profile.primary"),
            {"type": "gradient", "box": [0, split - 200, g.W, 200],
             "stops": [[0, "profile.primary@0"], [1, "profile.primary"]]},
            *header(g),
            {"type": "icon", "name": "quote", "box": [64, split - 150, 96, 96],
             "color": "profile.accent"},
            stack([64, split - 30, 952, g.bottom - split + 30], [
                {**quote, "size": 40, "max_lines": 7, "height": 400, "_keep": True}, rule(),
                name, role],
                anchor="top", gap=16),
            *footer(g, "tint"),
        ]
    photo_x = 600
    body_y = g.hb + 60
    if g.square:
        quote.update(size=40, min_size=28, max_lines=8, height=380)
    else:
        quote.update(size=48, max_lines=8, height=480)
    return [
        rect([0, 0, g.W, g.H], "profile.primary"),
        photo([photo_x, g.hb, g.W - photo_x, g.foot - g.hb], placeholder="profile.primary"),
        {"type": "gradient", "box": [photo_x, g.hb, 72, g.foot - g.hb], "direction": "right",
         "stops": [[0, "profile.primary"], [1, "profile.primary@0"]]},
        {"type": "gradient", "box": [photo_x, g.foot - 140, g.W - photo_x, 140],
         "stops": [[0, "profile.primary@0"], [1, "profile.primary@0.85"]]},
        *header(g),
        {"type": "icon", "name": "quote", "box": [g.M, body_y, 96, 96],
         "color": "profile.accent"},
        stack([g.M, body_y + 128, photo_x - g.M - 32,
               g.foot - 48 - body_y - 128], [quote, rule(), name, role], anchor="top",
              gap=16),
        *footer(g, "tint"),
    ]


# ---------------------------------------------------------------- writer

TEMPLATES: list[dict[str, Any]] = []


def template(tid: str, name: str, kind: str, description: str, fields: list[dict[str, Any]],
             layout: Any, formats: tuple[str, ...], sample: dict[str, Any],
             sample_photos: dict[str, list[str]] | None = None,
             styles: dict[str, Layer] | None = None) -> None:
    TEMPLATES.append({
        "id": tid, "name": name, "kind": kind, "description": description, "fields": fields,
        "styles": {**COMMON_STYLES, **(styles or {})},
        "formats": {f: {"size": list(SIZES[f]),
                        **_format_body(layout, G(f), {**COMMON_STYLES, **(styles or {})})}
                    for f in formats},
        "sample": sample, "sample_photos": sample_photos or {},
    })


def _format_body(layout: Any, g: G, styles: dict[str, Layer]) -> dict[str, Any]:
    result = layout(g)
    if g.story:
        for item in result:
            for layer in item.get("layers", [item]):
                _story_type(layer, styles)
    return {"slides": result} if result and "layers" in result[0] else {"layers": result}


# A story is read on a phone held upright, at arm's length, for a few seconds: its type is
# larger than a feed card's (titles 80-96 px). Factors by style family.
STORY_TYPE = {"title": 1.32, "meta": 1.15, "lead": 1.12, "body": 1.15, "value": 1.12,
              "chip": 1.1, "label": 1.1}


def _story_type(layer: Layer, styles: dict[str, Layer]) -> None:
    """Scale a story layer's type (and the height kept for it) by its style family."""
    for child in layer.get("children", []):
        _story_type(child, styles)
    style = layer.get("style")
    if not style or layer.pop("_keep", False):
        return
    family = style.split("_")[0]
    factor = STORY_TYPE.get(family)
    base = {**styles.get(style, {}), **layer}
    if not factor or "size" not in base:
        return
    size = base["size"]
    new = round(size * factor)
    if family == "title":
        new = min(96, max(80, new))
    layer["size"] = new
    if "min_size" in base:
        least = round(base["min_size"] * factor)
        layer["min_size"] = max(48, least) if family == "title" else least
    if "height" in layer:
        layer["height"] = round(layer["height"] * new / size)
    if family in ("title", "body", "lead") and "max_lines" in base:
        layer["max_lines"] = base["max_lines"] + 2  # the safe band is tall: more lines


def f(key: str, label: str, kind: str = "text", **kw: Any) -> dict[str, Any]:
    return {"key": key, "label": label, "type": kind, **kw}


def define() -> None:
    template("liputan-kegiatan", "Liputan Kegiatan", "liputan",
             "Kartu berita kegiatan hari ini: foto penuh, judul tegas, tanggal dan lokasi.",
             LIPUTAN_FIELDS, liputan, WIDE, LIPUTAN_SAMPLE,
             {"foto": ["dandelion-field.jpg"]})
    template("liputan-kegiatan-kolase", "Liputan Kegiatan (Kolase)", "liputan",
             "Kartu berita dengan kolase 1-9 foto di atas dan teks di bidang terang.",
             KOLASE_FIELDS, liputan_kolase, WIDE, LIPUTAN_SAMPLE,
             {"foto": ["dandelion-field.jpg", "coffee.jpg", "cameraman.jpg"]})
    template("kunjungan-kerja", "Kunjungan Kerja Pimpinan", "kunjungan",
             "Kunjungan kerja pimpinan: foto, kegiatan, nama dan jabatan, kutipan singkat.", [
                 f("kegiatan", "Kegiatan", required=True, max_length=100,
                   help="Apa yang dilakukan, misalnya: Tinjau Pembangunan Gedung RSUD."),
                 f("jabatan", "Jabatan", required=True, max_length=80,
                   placeholder="Bupati Contoh"),
                 f("nama", "Nama pejabat", required=True, max_length=80,
                   help="Nama lengkap dengan gelar, sesuai penulisan resmi."),
                 f("tempat", "Tempat yang dikunjungi", required=True, max_length=90),
                 f("tanggal", "Tanggal", "date", required=True),
                 f("kutipan", "Kutipan singkat", "multiline", max_length=140),
                 f("foto", "Foto kunjungan", "photo", max_items=1)],
             kunjungan, FEED, {
                 "kegiatan": "Tinjau Pembangunan Gedung Rawat Inap RSUD Contoh",
                 "jabatan": "Bupati Contoh", "nama": "H. Ahmad Syaifuddin, S.Sos., M.Si.",
                 "tempat": "RSUD Kabupaten Contoh, Kecamatan Kota",
                 "tanggal": "2022-11-22",
                 "kutipan": "Gedung ini harus selesai tepat waktu agar warga tidak perlu lagi "
                            "dirujuk ke luar daerah."},
             {"foto": ["rocket-launch.jpg"]})
    template("apel-upacara", "Apel / Upacara", "apel",
             "Apel pagi atau upacara: jenis kegiatan, pesan utama pembina, tanggal, foto.", [
                 f("jenis", "Jenis apel/upacara", required=True, default="Apel Pagi",
                   max_length=60, placeholder="Upacara Hari Kesadaran Nasional"),
                 f("pesan", "Pesan utama", "multiline", required=True, max_length=160,
                   help="Satu pesan inti dari amanat pembina."),
                 f("pembina", "Pembina apel/upacara", required=True, max_length=100,
                   help="Jabatan dan nama, misalnya: Sekretaris Daerah Drs. Bambang H., M.Si."),
                 f("tanggal", "Tanggal", "date", required=True),
                 f("lokasi", "Lokasi", max_length=80),
                 f("foto", "Foto", "photo", max_items=1)],
             apel, FEED, {
                 "jenis": "Upacara Hari Kesadaran Nasional",
                 "pesan": "ASN harus datang lebih awal, bekerja tuntas, dan melayani warga "
                          "tanpa pungutan apa pun.",
                 "pembina": "Sekretaris Daerah Kabupaten Contoh, Drs. Bambang Hermawan, M.Si.",
                 "tanggal": "2022-11-17", "lokasi": "Halaman Kantor Bupati Contoh"},
             {"foto": ["dandelion-field.jpg"]})
    template("agenda-undangan", "Agenda / Undangan", "agenda",
             "Pengumuman acara: hari dan tanggal, pukul, tempat, narahubung, kode QR "
             "pendaftaran.", [
                 f("acara", "Nama acara", required=True, max_length=100,
                   placeholder="Sosialisasi Pelayanan Publik Berbasis Digital"),
                 f("tanggal", "Tanggal", "date", required=True),
                 f("jam_mulai", "Pukul mulai", "time", required=True, default="08.00"),
                 f("jam_selesai", "Pukul selesai", default="selesai",
                   help="Jam (12.00) atau 'selesai'."),
                 f("tempat", "Tempat", required=True, max_length=80),
                 f("peserta", "Peserta / sasaran", max_length=88),
                 f("kontak", "Narahubung", max_length=56, placeholder="Rina (0812-3456-7890)"),
                 f("tautan", "Tautan pendaftaran (kode QR)", "qr", max_length=120,
                   help="Alamat web pendaftaran; tampil sebagai kode QR. Kosongkan bila tidak "
                        "ada.")],
             agenda, WIDE, {
                 "acara": "Sosialisasi Pelayanan Publik Berbasis Digital",
                 "tanggal": "2022-11-24", "jam_mulai": "08.00", "jam_selesai": "selesai",
                 "tempat": "Aula Kantor Bupati Contoh, Jalan Pahlawan No. 1",
                 "peserta": "Kepala Desa dan Lurah se-Kabupaten Contoh",
                 "kontak": "Rina (0812-3456-7890)",
                 "tautan": "https://diskominfo.contohkab.go.id/daftar"})
    template("pengumuman-layanan", "Pengumuman Layanan Publik", "pengumuman",
             "Layanan publik: jam layanan, persyaratan, biaya, saluran informasi.", [
                 f("layanan", "Layanan", required=True, max_length=66),
                 f("jadwal", "Jam layanan", "multiline", required=True, max_length=80,
                   placeholder="Senin - Jumat, pukul 08.00 - 14.00 WIB"),
                 f("persyaratan", "Persyaratan", "list", max_items=6,
                   help="Satu syarat per baris."),
                 f("biaya", "Biaya", max_length=30, placeholder="GRATIS",
                   help="Kosongkan bila tidak perlu disebut; tulis GRATIS bila gratis."),
                 f("kanal", "Saluran informasi", "list", max_items=3,
                   help="Satu per baris, misalnya: WhatsApp 0812-3456-7890.")],
             pengumuman, WIDE, {
                 "layanan": "Perekaman KTP Elektronik Keliling di Kantor Kecamatan",
                 "jadwal": "Senin - Jumat\npukul 08.00 - 14.00 WIB",
                 "persyaratan": "Berusia 17 tahun atau sudah menikah\nMembawa fotokopi Kartu "
                                "Keluarga\nBelum pernah merekam KTP-el\nDatang sendiri, tidak "
                                "dapat diwakilkan",
                 "biaya": "GRATIS",
                 "kanal": "WhatsApp 0812-3456-7890\nLoket 3 Mal Pelayanan Publik"})
    template("klarifikasi-hoaks", "Klarifikasi Hoaks", "hoaks",
             "Label hoaks, klaim yang beredar, tangkapan layar bercap, faktanya, sumber resmi.", [
                 f("label", "Label", "choice", required=True, default="HOAKS",
                   choices=["HOAKS", "DISINFORMASI", "MISINFORMASI", "SALAH", "KLARIFIKASI"]),
                 f("klaim", "Klaim yang beredar", required=True, max_length=110),
                 f("tangkapan", "Tangkapan layar", "photo", max_items=1),
                 f("fakta", "Faktanya", "multiline", required=True, max_length=300),
                 f("sumber", "Sumber resmi", required=True, max_length=90),
                 f("tanggal", "Tanggal", "date")],
             hoaks, FEED, {
                 "label": "HOAKS",
                 "klaim": "Pendaftaran CPNS Pemkab Contoh dibuka lewat tautan WhatsApp dengan "
                          "biaya Rp500.000",
                 "fakta": "Pemerintah Kabupaten Contoh tidak pernah memungut biaya dalam "
                          "seleksi CPNS. Pendaftaran resmi hanya melalui portal SSCASN BKN.",
                 "sumber": "BKPSDM Kabupaten Contoh", "tanggal": "2022-11-23"},
             {"tangkapan": ["coffee.jpg"]})
    infografis_fields = [
        f("judul", "Judul", required=True, max_length=90,
          help="Apa yang diukur, misalnya: Capaian Vaksinasi Anak 2022."),
        f("periode", "Periode", max_length=60, placeholder="Januari - Oktober 2022"),
        f("angka", "Angka", "list", required=True, max_items=6, columns=["nilai", "keterangan"],
          help="Satu baris per angka: nilai | keterangan, misalnya 8.000 | ASN mengikuti "
               "pelatihan."),
        f("sumber", "Sumber data", required=True, max_length=60,
          placeholder="Dinas Kesehatan Kabupaten Contoh")]
    template("infografis-data", "Infografis Data", "infografis",
             "Tiga sampai enam angka penting dengan keterangan, sumber dan periode data.",
             infografis_fields, infografis, FEED, {
                 "judul": "Capaian Layanan Adminduk Triwulan III 2022",
                 "periode": "Juli - September 2022",
                 "angka": "12.480 | KTP elektronik dicetak\n8.215 | Kartu Identitas Anak "
                          "terbit\n3.902 | Akta kelahiran diterbitkan\n97% | Layanan selesai "
                          "di hari yang sama",
                 "sumber": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Contoh"})
    template("infografis-data-sorot", "Infografis Data (Sorot)", "infografis",
             "Angka besar berwarna aksen, satu per baris, di atas warna utama.",
             infografis_fields, infografis_sorot, FEED, {
                 "judul": "Penanganan Stunting Kabupaten Contoh 2022",
                 "periode": "Januari - Oktober 2022",
                 "angka": "14,2% | Prevalensi stunting, turun dari 19,8%\n1.250 | Balita "
                          "didampingi kader posyandu\n312 | Posyandu aktif setiap bulan\n86 | "
                          "Desa memiliki rumah desa sehat",
                 "sumber": "Dinas Kesehatan Kabupaten Contoh"})
    template("ucapan-hari-besar", "Ucapan Hari Besar / Peringatan", "ucapan",
             "Ucapan hari besar atau peringatan, dengan foto dan nama pimpinan (opsional).", [
                 f("peringatan", "Hari besar / peringatan", required=True, max_length=80),
                 f("tanggal", "Tanggal", "date"),
                 f("ucapan", "Ucapan / tema", "multiline", max_length=160),
                 f("nama", "Nama pimpinan", max_length=80),
                 f("jabatan", "Jabatan", max_length=80),
                 f("foto", "Foto pimpinan", "photo", max_items=1)],
             ucapan, FEED, {
                 "peringatan": "Hari Guru Nasional 2022", "tanggal": "2022-11-25",
                 "ucapan": "Serentak Berinovasi, Wujudkan Merdeka Belajar",
                 "nama": "H. Ahmad Syaifuddin, S.Sos., M.Si.", "jabatan": "Bupati Contoh"},
             {"foto": ["cameraman.jpg"]})
    template("duka-cita", "Duka Cita", "duka-sukses",
             "Ucapan duka cita: nama, jabatan, doa; foto hitam-putih.", [
                 f("nama", "Nama almarhum/almarhumah", required=True, max_length=90),
                 f("jabatan", "Jabatan / keterangan", max_length=120),
                 f("ucapan", "Kalimat pembuka", default="Turut berduka cita yang sedalam-dalamnya "
                                                       "atas berpulangnya", max_length=100),
                 f("tanggal", "Tanggal wafat", "date"),
                 f("doa", "Doa", "multiline", max_length=200,
                   default="Semoga almarhum mendapat tempat terbaik di sisi Tuhan Yang Maha Esa "
                           "dan keluarga yang ditinggalkan diberi ketabahan."),
                 f("foto", "Foto", "photo", max_items=1),
                 f("hitam_putih", "Foto hitam-putih", "bool", default=True)],
             duka, FEED, {
                 "nama": "H. Suharto Wibowo, S.H.",
                 "jabatan": "Kepala Dinas Pekerjaan Umum Kabupaten Contoh 2015-2020",
                 "tanggal": "2022-11-20"},
             {"foto": ["cameraman.jpg"]})
    template("selamat-sukses", "Selamat & Sukses", "duka-sukses",
             "Ucapan selamat dan sukses: nama, atas apa, foto.", [
                 f("judul", "Judul", default="Selamat & Sukses", max_length=40),
                 f("nama", "Nama", required=True, max_length=90),
                 f("keterangan", "Atas", "multiline", required=True, max_length=160,
                   placeholder="atas pelantikan sebagai Kepala Dinas ..."),
                 f("foto", "Foto", "photo", max_items=1)],
             sukses, FEED, {
                 "judul": "Selamat & Sukses", "nama": "Dr. Rina Kartikasari, S.Kom., M.T.",
                 "keterangan": "atas pelantikan sebagai Kepala Dinas Komunikasi dan "
                               "Informatika Kabupaten Contoh"},
             {"foto": ["cameraman.jpg"]})
    template("carousel-kegiatan", "Carousel Kegiatan", "carousel",
             "Beberapa slide: sampul, satu slide per foto berikutnya, dokumentasi, penutup.", [
                 f("judul", "Judul", required=True, max_length=120),
                 f("tanggal", "Tanggal", "date", required=True),
                 f("lokasi", "Lokasi", max_length=80),
                 f("foto", "Foto", "photo", required=True, max_items=10,
                   help="Foto pertama menjadi sampul; foto berikutnya mendapat satu slide "
                        "masing-masing; dari 3 foto ada slide dokumentasi berisi semuanya."),
                 f("keterangan", "Keterangan foto", "list", max_items=10,
                   help="Satu baris per foto, urut sesuai foto; baris pertama untuk foto "
                        "sampul. Semua baris juga masuk ke teks unggahan."),
                 f("penutup", "Kalimat penutup", default="Terima kasih telah mengikuti "
                                                         "kegiatan kami", max_length=80)],
             carousel, FEED, {
                 "judul": "Gerakan Tanam 10.000 Pohon di Lereng Gunung Welirang",
                 "tanggal": "2022-11-26", "lokasi": "Desa Sumberejo, Kecamatan Pacet",
                 "keterangan": "Bupati menanam bibit pertama bersama pelajar dan relawan\n"
                               "Sebanyak 10.000 bibit disiapkan oleh Dinas Lingkungan Hidup\n"
                               "Relawan mencatat titik tanam untuk perawatan bulanan",
                 "penutup": "Terima kasih telah mengikuti kegiatan kami"},
             {"foto": ["dandelion-field.jpg", "cameraman.jpg", "coffee.jpg"]})
    template("peringatan-dini", "Peringatan Dini / Darurat", "peringatan",
             "Peringatan bencana: bahaya, status, wilayah, waktu, langkah, nomor darurat.", [
                 f("bahaya", "Bahaya", required=True, max_length=80),
                 f("tingkat", "Status", "choice", required=True, default="WASPADA",
                   choices=["WASPADA", "SIAGA", "AWAS"]),
                 f("wilayah", "Wilayah", required=True, max_length=100),
                 f("waktu", "Waktu", required=True, max_length=100),
                 f("langkah", "Yang perlu dilakukan", "list", required=True, max_items=5),
                 f("darurat", "Nomor darurat", "list", max_items=3, columns=["nomor", "nama"],
                   help="Satu per baris: nomor | nama, misalnya 112 | Panggilan Darurat.")],
             # no 1:1: five steps, three numbers, the area and the time do not fit a square
             # at a readable size; 4:5 is the feed format for an alert
             peringatan, ("4:5", "3:4", "9:16"), {
                 "bahaya": "Potensi Banjir dan Tanah Longsor", "tingkat": "SIAGA",
                 "wilayah": "Kecamatan Pacet, Trawas, dan Gondang",
                 "waktu": "Senin-Rabu, 21-23 November 2022, sore hingga malam hari",
                 "langkah": "Jauhi tebing dan bantaran sungai saat hujan deras\nSiapkan tas "
                            "siaga berisi dokumen penting dan obat\nIkuti arahan petugas BPBD "
                            "dan perangkat desa",
                 "darurat": "112 | Panggilan Darurat\n(0321) 123456 | BPBD Kabupaten Contoh"})
    template("kutipan-pimpinan", "Kutipan Pimpinan", "kutipan",
             "Kutipan pimpinan dengan potret, nama dan jabatan.", [
                 f("kutipan", "Kutipan", "multiline", required=True, max_length=190),
                 f("nama", "Nama", required=True, max_length=80),
                 f("jabatan", "Jabatan", max_length=80),
                 f("foto", "Potret", "photo", max_items=1)],
             kutipan, FEED, {
                 "kutipan": "Pelayanan publik yang baik bukan soal gedung yang megah, tetapi "
                            "warga yang pulang dengan urusan selesai.",
                 "nama": "H. Ahmad Syaifuddin, S.Sos., M.Si.", "jabatan": "Bupati Contoh"},
             {"foto": ["cameraman.jpg"]})


def write() -> None:
    define()
    for data in TEMPLATES:
        folder = HERE / data["id"]
        folder.mkdir(exist_ok=True)
        text_out = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        (folder / "template.json").write_text(text_out, encoding="utf-8")
    print(f"{len(TEMPLATES)} templat ditulis.")


if __name__ == "__main__":
    write()
