"""Line breaking for Indonesian poster text.

``wrap`` fills lines greedily (or balanced) from *tokens*: words that must stay together are
joined first ("Ridwan, S.Sos., M.Si., M.M.", "Kab. Mojokerto", "8.000 ASN", "22–23 April
2023"); a kept unit wider than the line is loosened again, weakest join first, down to single
words. A word wider than the line on its own is broken: URLs after "/", ".", "?", "=", "-";
hashtags and CamelCase words at their capitals, without a hyphen; other words at an
Indonesian hyphenation point (pyphen) with a visible "-" and at least four letters either
side; only when nothing of that fits, at any character. Ordinary prose is never hyphenated.

The module knows no fonts: widths come from the ``measure`` callable (text.py passes the
font's unhinted advance widths, the same the renderer draws with).
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyphen

Measure = Callable[[str], float]

MIN_PART = 4  # never leave fewer characters of a broken word on a line
HYPHEN = "-"
NBSP = "\u00a0"

# ---------------------------------------------------------------- keep-together rules
# Join strengths: when a kept unit is wider than the line, the weakest joins give way first
# (a name before its degrees, then dates and phrases, then numbers and their units; an
# abbreviation and the word it belongs to, and degrees among themselves, last).
_WEAK, _MID, _STRONG, _TIGHT = 1, 2, 3, 4
# ``relax`` levels for ``wrap``: 0 keeps every unit together; each level lets the joins of that
# strength and weaker go (text.fit_text tries them in turn before it gives up on a box).
RELAX_LEVELS = (0, _WEAK, _MID, _STRONG, _TIGHT)

# Titles and abbreviations that belong to the word after them ("Kab. Mojokerto").
_ABBREV_NEXT = frozenset(s.lower() for s in (
    "Prov.", "Kab.", "Kec.", "Kel.", "Ds.", "Kp.", "Jl.", "Jln.", "Gg.", "No.", "Dr.", "Drs.",
    "Dra.", "dr.", "drg.", "Ir.", "H.", "Hj.", "K.H.", "KH.", "Prof.", "Moh.", "Muh.", "Ny.",
    "Sdr.", "Sdri.", "Bpk.", "Pdt.",
))
# Words that belong to a number after them ("Rp 4,5", "pukul 08.00", "RT 05", "No 16").
_BEFORE_NUMBER = frozenset((
    "rp", "rp.", "idr", "usd", "us$", "pukul", "jam", "rt", "rw", "no", "nomor", "pasal", "ayat",
    "–", "—", "-", "s.d.", "s/d", "sd", "±", "~", "≈",
))
# ...of which these take a number that counts nothing after it ("No. 16 Surabaya").
_NUMBER_LABELS = frozenset(("no.", "no", "nomor", "rt", "rw", "pasal", "ayat", "kode"))
# Academic degrees written after a name. Dotted ones (S.Sos., M.Si., Ph.D., M.A.P.) are
# recognised by shape; these single-part ones only right after a comma ("Budi, SH, MH").
_SINGLE_DEGREES = frozenset((
    "dr.", "drs.", "dra.", "drg.", "ir.", "prof.", "sh", "mh", "se", "mm", "msi", "ssos", "spd",
    "mpd", "st", "mt", "skom", "mkes", "map", "phd", "sip", "stp", "amd", "ak", "ak.",
))
_DOTTED_DEGREE = re.compile(r"(?:[A-Z][A-Za-z]{0,4}\.)+[A-Z][A-Za-z]{0,4}\.?")
_NUMBER = re.compile(
    r"[(\[]?(?:Rp\.?|US\$|\$|€|±|~|≈|[+\-−])?\d[\d.,:/]*"
    r"(?:[–—\-]\d[\d.,:]*)?(?:%|‰|°[CF]?|[A-Za-z]{1,3})?")
_YEAR = re.compile(r"(?:1[89]|20|21)\d\d")
_MONTHS = frozenset((
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt",
    "ags", "agust", "sep", "sept", "okt", "nov", "des", "january", "february", "march", "may",
    "june", "july", "august", "october", "december", "aug", "oct", "dec",
))
_PHRASES = frozenset((
    ("idul", "fitri"), ("idul", "adha"), ("hari", "raya"),
    ("isra", "mikraj"), ("isra", "miraj"), ("isra", "mi'raj"), ("isra", "mi’raj"),
    ("maulid", "nabi"), ("hut", "ri"), ("hut", "ke"),
))
_OPEN = "\"'“‘([«"
_CLOSE = "\"'”’)]»"
_END_PUNCT = ".,;:!?" + _CLOSE


def _core(word: str) -> str:
    """The word without the quotes and brackets around it."""
    return word.strip(_OPEN + _CLOSE)


def _bare(word: str) -> str:
    """The word without surrounding quotes/brackets and trailing clause punctuation."""
    return _core(word).rstrip(",;:!?")


def _is_degree(word: str, previous: str) -> bool:
    core = _bare(word)
    if core.lower() in _ABBREV_NEXT:  # K.H., Dr., Prof. before a name are not trailing degrees
        return previous.endswith(",") and core.lower() in _SINGLE_DEGREES
    if _DOTTED_DEGREE.fullmatch(core):
        return True
    return previous.endswith(",") and core.lower() in _SINGLE_DEGREES


def _is_number(word: str) -> bool:
    return bool(_NUMBER.fullmatch(word)) and word[-1] not in _END_PUNCT


def join_strength(words: list[str], i: int) -> int:
    """How strongly words[i] and words[i + 1] stay together on one line (0: free break)."""
    word, nxt = words[i], words[i + 1]
    prev = words[i - 1] if i else ""
    low, next_low = _core(word).lower(), _bare(nxt).lower()
    if _is_degree(nxt, word):
        # Degree after degree: never apart; the first degree after the name's last word.
        return _TIGHT if _is_degree(word, prev) else _WEAK
    if low in _ABBREV_NEXT:
        return _TIGHT
    if low in _BEFORE_NUMBER and nxt[:1].isdigit():
        return _STRONG
    if _is_number(word):
        # A day stays with its month, a number with its unit or the word it counts; not a
        # year that ends a date, a house number, or before an abbreviation with its own word.
        if (_YEAR.fullmatch(word) and _core(prev).lower() in _MONTHS) \
                or _core(prev).lower() in _NUMBER_LABELS or _core(nxt).lower() in _ABBREV_NEXT:
            return 0
        return _STRONG
    if low in _MONTHS and word == _core(word) and _YEAR.fullmatch(_bare(nxt) or ""):
        return _MID
    if (low, next_low) in _PHRASES or (low, next_low.split("-")[0]) in _PHRASES:
        return _MID
    return 0


def _split_by_strength(words: list[str], gaps: list[str], strengths: list[int],
                       width: float, width_of: Measure) -> list[tuple[int, int]]:
    """Word ranges for one kept unit: whole if it fits, else loosened weakest join first.
    ``gaps[k]`` is the space between ``words[k]`` and ``words[k + 1]``."""
    n = len(words)
    if n == 1 or width_of(_joined(words, gaps, 0, n)) <= width:
        return [(0, n)]
    weakest = min(strengths)
    cuts = [0, *(k + 1 for k, s in enumerate(strengths) if s == weakest), n]
    out: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(cuts):
        inner = _split_by_strength(words[a:b], gaps[a:b - 1], strengths[a:b - 1], width,
                                   width_of)
        out += [(a + x, a + y) for x, y in inner]
    return out


def _joined(words: list[str], gaps: list[str], a: int, b: int) -> str:
    return words[a] + "".join(gaps[k] + words[k + 1] for k in range(a, b - 1))


def _words(paragraph: str) -> tuple[list[str], list[str]]:
    """Words and the runs of spaces between them (kept as typed: "21 November  •  Pendopo").
    Split on plain spaces only: a no-break space (U+00A0) keeps its words together."""
    parts = re.split(r"( +)", paragraph.strip(" "))
    words, gaps = parts[0::2], parts[1::2]
    if words == [""]:
        return [], []
    return words, gaps


def _tokens(paragraph: str, width: float, width_of: Measure,
            relax: int = 0) -> list[tuple[str, str]]:
    """The paragraph as (token, space before it): kept units that fit ``width``, joins of
    strength ``relax`` and weaker left out."""
    words, gaps = _words(paragraph)
    if not words:
        return []
    strengths = [join_strength(words, i) for i in range(len(words) - 1)]
    strengths = [s if s > relax else 0 for s in strengths]
    out: list[tuple[str, str]] = []
    start = 0
    for k, s in enumerate([*strengths, 0]):
        if s == 0:
            ranges = _split_by_strength(words[start:k + 1], gaps[start:k], strengths[start:k],
                                        width, width_of)
            out += [(_joined(words, gaps, start + a, start + b),
                     gaps[start + a - 1] if start + a else "") for a, b in ranges]
            start = k + 1
    return out


def units(paragraph: str) -> list[str]:
    """The paragraph's keep-together units (words joined by spaces), before any fitting."""
    return [tok for tok, _gap in _tokens(paragraph, float("inf"), lambda _s: 0.0)]


# ---------------------------------------------------------------- breaking one long word
_URL = re.compile(r"(?i)(?:[a-z][a-z0-9+.\-]*://|www\.)\S+|[^@\s]+@[^@\s]+\.[a-z]{2,}\S*"
                  r"|[\w\-]+(?:\.[\w\-]+)+/\S*|[a-z][\w\-]*(?:\.[a-z][\w\-]*){2,}\S*")
_URL_BREAK_AFTER = "/.?=-&_"
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])"
                    r"|(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _dictionary() -> pyphen.Pyphen | None:
    """The Indonesian patterns (loaded on first use, ~50 ms). They ship inside the pyphen
    wheel: no download, works offline. A build that lost them still renders: long words
    are then cut at characters."""
    try:
        import pyphen  # noqa: PLC0415 - only long words need it

        return pyphen.Pyphen(lang="id_ID")
    except (ImportError, KeyError, OSError) as exc:
        warnings.warn(f"Indonesian hyphenation unavailable ({exc!r}); long words are cut at "
                      f"characters", RuntimeWarning, stacklevel=2)
        return None


def hyphenation_points(word: str) -> list[int]:
    """Offsets in ``word`` where it may be hyphenated: Indonesian patterns, applied to each
    run of letters (CamelCase runs separately), with at least ``MIN_PART`` letters of the run
    on either side."""
    points: list[int] = []
    patterns = _dictionary()
    if patterns is None:
        return points
    for run in _LETTERS.finditer(word):
        parts = [p for p in _CAMEL.split(run.group()) if p] or [run.group()]
        offset = run.start()
        for part in parts:
            if len(part) >= 2 * MIN_PART:
                points += [offset + p for p in patterns.positions(part.lower())
                           if MIN_PART <= p <= len(part) - MIN_PART]
            offset += len(part)
    return points


def _is_url(word: str) -> bool:
    return bool(_URL.fullmatch(_core(word)))


def _is_camel(word: str) -> bool:
    return word[:1] in "#@" or bool(re.search(r"[a-z][A-Z]", word))


def _break_classes(word: str) -> list[list[tuple[int, bool]]]:
    """Break positions of a word, best class first: (offset, add a hyphen there)."""
    n = len(word)
    if _is_url(word):
        after = [i + 1 for i, ch in enumerate(word[:-1])
                 if ch in _URL_BREAK_AFTER and word[i + 1] not in _URL_BREAK_AFTER and i > 0]
        return [[(p, False) for p in after]]
    explicit = [i + 1 for i, ch in enumerate(word[:-1]) if ch in "-–/" + NBSP
                and i + 1 >= MIN_PART and n - i - 1 >= MIN_PART]
    classes: list[list[tuple[int, bool]]] = []
    if _is_camel(word):
        camel = [m.start() for m in _CAMEL.finditer(word)
                 if MIN_PART <= m.start() <= n - MIN_PART]
        classes.append([(p, False) for p in sorted({*camel, *explicit})])
    elif explicit:
        classes.append([(p, False) for p in explicit])
    classes.append([(p, True) for p in hyphenation_points(word)])
    return [c for c in classes if c]


def _char_break(rest: str, avail: float, width_of: Measure, hyphen: str) -> int:
    """The longest prefix of ``rest`` that fits with ``hyphen`` after it (at least one
    character)."""
    lo, hi = 1, len(rest) - 1
    while lo < hi:  # binary search: widths grow with the prefix
        mid = (lo + hi + 1) // 2
        if width_of(rest[:mid] + hyphen) <= avail:
            lo = mid
        else:
            hi = mid - 1
    if len(rest) - lo < MIN_PART < lo:  # leave a few characters for the next line
        lo = max(MIN_PART, len(rest) - MIN_PART)
    return lo


def _piece(word: str, start: int, end: int, hyphen: bool) -> str:
    # A no-break space the word was broken at (it was too wide even so) is not kept.
    return word[start:end].removesuffix(NBSP) + (HYPHEN if hyphen else "")


def break_word(word: str, room: float, width: float, width_of: Measure) -> list[str]:
    """Split a word wider than ``width``: the first piece fits ``room`` (what is left of the
    current line; "" when no good break fits there: start a new line), the middle pieces fit
    ``width`` and the last piece is what continues the next line. Hyphenated pieces end
    with "-"."""
    classes = _break_classes(word)
    least = 1 if _is_url(word) else MIN_PART
    # A forced break inside an ordinary word still shows a hyphen; URLs and hashtags never.
    plain = least > 1 and not _is_camel(word)
    pieces: list[str] = []
    start, avail, fresh = 0, room, room >= width
    while len(word) - start > 1 and width_of(word[start:]) > avail:
        choice: tuple[int, bool] | None = None
        # On a line that already has words, only the word's best kind of break may be used
        # there; otherwise the word starts a new line.
        for cls in classes if fresh else classes[:1]:
            fitting = [(p, hy) for p, hy in cls if p - start >= least
                       and width_of(_piece(word, start, p, hy)) <= avail]
            if fitting:
                choice = max(fitting)
                break
        if choice is None and fresh:
            p = start + _char_break(word[start:], avail, width_of, HYPHEN if plain else "")
            choice = (p, plain and word[p - 1].isalpha() and word[p].isalpha())
        if choice is None:
            pieces.append("")
        else:
            p, hy = choice
            pieces.append(_piece(word, start, p, hy))
            start = p
        avail, fresh = width, True
    pieces.append(word[start:])
    return pieces


# ---------------------------------------------------------------- filling lines
class _Widths:
    """Memoised measurement for one wrap call."""

    def __init__(self, measure: Measure) -> None:
        self.measure = measure
        self.seen: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        got = self.seen.get(text)
        if got is None:
            got = self.seen[text] = self.measure(text)
        return got


Line = list[tuple[str, str]]  # (token or piece, the space before it)


def _text(line: Line) -> str:
    return "".join(gap + tok for tok, gap in line).lstrip(" ") if line else ""


def _greedy(tokens: list[tuple[str, str]], widths: list[float], width: float,
            width_of: Measure) -> list[Line]:
    lines: list[Line] = []
    cur: Line = []
    cur_w = 0.0
    for (tok, gap), w in zip(tokens, widths, strict=True):
        gap_w = width_of(gap)
        if w <= width:
            grown = cur_w + gap_w + w
            fits = bool(cur) and grown <= width
            if fits and grown > width - 2:  # near the edge: kerning decides, measure it whole
                fits = width_of(_text([*cur, (tok, gap)])) <= width
            if fits:
                cur.append((tok, gap))
                cur_w = grown
                continue
            if cur:
                lines.append(cur)
            cur, cur_w = [(tok, gap)], w
            continue
        room = width - cur_w - gap_w if cur else width
        pieces = break_word(tok, room, width, width_of)
        for piece in pieces[:-1]:
            if piece:
                cur.append((piece, gap))
            if cur:
                lines.append(cur)
            cur = []
        cur, cur_w = [(pieces[-1], gap)], width_of(pieces[-1])
    if cur:
        lines.append(cur)
    return lines


def _balance(tokens: list[tuple[str, str]], widths: list[float], width: float,
             width_of: Measure, lines: list[Line]) -> list[Line]:
    """The same number of lines, as even as they go: the narrowest width that still gives
    that many lines (binary search), then no one-word last line if a word can come down."""
    count = len(lines)
    if max(widths) > width:  # a word was broken: its pieces must stay where they are
        return lines
    lo, hi = max(widths), width
    while hi - lo > 0.25:
        mid = (lo + hi) / 2
        if len(_greedy(tokens, widths, mid, width_of)) <= count:
            hi = mid
        else:
            lo = mid
    narrow = _greedy(tokens, widths, hi, width_of)
    if len(narrow) == count:
        lines = narrow
    last = lines[-1]
    if len(last) == 1 and " " not in last[0][0] and len(lines[-2]) >= 2:
        moved = [lines[-2][-1], *last]
        if width_of(_text(moved)) <= width:
            lines = [*lines[:-2], lines[-2][:-1], moved]
    return lines


def wrap(text: str, width: float, measure: Measure, *, balance: bool = False,
         relax: int = 0) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (as ``measure`` tells).

    Newlines in ``text`` are kept as line breaks, and the spaces between words on a line as
    typed (a break drops them). With ``balance`` (titles, quotes) every paragraph keeps the
    line count greedy filling gives it, with the line widths evened out and no single-word
    last line where avoidable. ``relax`` (one of ``RELAX_LEVELS``) loosens the keep-together
    rules, for text that cannot fit its box otherwise.
    """
    if not text:
        return []
    width_of = _Widths(measure)
    out: list[str] = []
    for paragraph in text.split("\n"):
        tokens = _tokens(paragraph, width, width_of, relax)
        if not tokens:
            out.append("")
            continue
        widths = [width_of(tok) for tok, _gap in tokens]
        lines = _greedy(tokens, widths, width, width_of)
        if balance and len(lines) >= 2:
            lines = _balance(tokens, widths, width, width_of, lines)
        out += [_text(line) for line in lines]
    return out

