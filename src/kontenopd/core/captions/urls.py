"""Links as X sees them: twitter-text v3's URL extraction, with the top-level domain list.

The link part of :mod:`.xtext` (which counts every link found here as 23):

* ``http(s)://`` URLs and bare domains; a domain ends in a top-level domain from
  ``assets/data/tlds.json`` (generic and country code alike: ``desa.id``, ``M.Si`` and ``foo.jp``
  are links). A bare domain keeps only its ASCII part and may not follow ``-``, ``_``, ``.``
  or ``/``; no link follows a letter, digit, ``@``, ``$`` or ``#``. Hosts are checked the way
  twitter-text checks them (labels of 1-63 characters after punycode, no label starting or
  ending with ``-`` or ``_``, ``xn--`` forms ASCII only, at most 4096 characters). Trailing
  punctuation stays outside; ``t.co`` links end at their slug.
* :class:`XEntity`, the link, hashtag or mention found in a text, is defined here (the
  lowest of the two modules); offsets are code points into the NFC text.

Host names are found by a scanner that makes the choices twitter-text's regular expression
makes (most subdomains first, longest TLD whose next character allows it), in one pass: the
expression itself backtracks for minutes on text such as "a.a.a.a..." repeated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

MAX_URL_LENGTH = 4096
MAX_TCO_SLUG = 40
MAX_LABEL = 63

INVALID_CHARS = "\ufffe\ufeff\uffff"
_DIRECTIONAL = "\u202a-\u202e\u061c\u200e\u200f\u2066\u2067\u2068\u2069"
_SPACES = "\x09-\x0d\x20\x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# twitter-text's punctuation set (it has no '"' and no '`': those can be in a host name)
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]\^_{|}~$"
LATIN = ("\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257"
         "\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff")
_CYRILLIC = "\u0400-\u04ff"


@dataclass(frozen=True)
class XEntity:
    """A link, hashtag or mention found in the (NFC) text."""

    kind: str  # "url", "hashtag", "mention"
    start: int  # code point offsets into XParse.text
    end: int
    text: str  # as written (a hashtag or mention includes its '#' / '@')
    value: str = ""  # url: what twitter-text reports; hashtag / mention: without the sign

    @property
    def has_protocol(self) -> bool:
        return self.kind == "url" and self.text[:8].lower().startswith(("http://", "https://"))


# ---------------------------------------------------------------- top-level domains


@cache
def tld_data() -> dict[str, Any]:
    """assets/data/tlds.json: ``generic`` and ``country`` lists plus where they came from."""
    from ..paths import assets_dir  # noqa: PLC0415 - resolve assets lazily

    path = assets_dir() / "data" / "tlds.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if not data.get("generic") or not data.get("country"):
        raise ValueError(f"{path}: daftar TLD kosong.")
    return data


@cache
def tlds() -> frozenset[str]:
    data = tld_data()
    return frozenset(data["generic"]) | frozenset(data["country"])


class _Tlds:
    """The TLD lists as sets, with what a longest-first match needs."""

    def __init__(self, generic: list[str], country: list[str]) -> None:
        self.generic = frozenset(t.lower() for t in generic)
        self.country = frozenset(t.lower() for t in country)
        self.lengths = sorted({len(t) for t in self.generic | self.country}, reverse=True)
        self.first = frozenset(t[0] for t in self.generic | self.country)


@cache
def _tld_sets() -> _Tlds:
    data = tld_data()
    return _Tlds(data["generic"], data["country"])


# ---------------------------------------------------------------- patterns

_QUERY = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_END = r"[a-z0-9\-_&=#/]"
_PATH_CHAR = f"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&{LATIN}]"
_PARENS = rf"\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\)"
_PATH_END = rf"(?:[+\-a-z{_CYRILLIC}0-9=_#/{LATIN}]|(?:{_PARENS}))"
_PATH = rf"(?:(?:{_PATH_CHAR}*(?:{_PARENS}{_PATH_CHAR}*)*{_PATH_END})|(?:@{_PATH_CHAR}+/))"
_FLAGS_I = regex.IGNORECASE | regex.VERSION0
# what may follow the host: port, path, query (all optional)
_URL_TAIL = regex.compile(
    rf"(?::(?P<port>[0-9]+))?(?P<path>/{_PATH}*)?(?P<query>\?{_QUERY}*{_QUERY_END})?", _FLAGS_I)
_PROTOCOL = regex.compile(r"https?://", _FLAGS_I)
_TCO = regex.compile(rf"https?://t\.co/([a-z0-9]+)(?:\?{_QUERY}*{_QUERY_END})?", _FLAGS_I)
_PUNYCODE_TAIL = regex.compile(r"[\-0-9a-z]+", _FLAGS_I)

_NOT_DOMAIN = frozenset(
    "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$" + INVALID_CHARS
    + "\t\n\x0b\x0c\r \x85\xa0\u1680\u180e\u2028\u2029\u202f\u205f\u3000"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u202a\u202b\u202c\u202d\u202e\u061c\u200e\u200f\u2066\u2067\u2068\u2069")
_NOT_BEFORE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@＠$#＃" + INVALID_CHARS)
_NOT_AFTER_TLD = frozenset(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@+-")
_ASCII_LABEL = regex.compile(f"[\\-a-zA-Z0-9{LATIN}]")


def _fold(text: str) -> str:
    """Case-insensitive key as JavaScript's /i compares (no non-ASCII letter becomes ASCII)."""
    if text.isascii():
        return text.lower()
    out = []
    for c in text:
        low = c.lower()
        out.append(low if len(low) == 1 and (c.isascii() or not low.isascii()) else c)
    return "".join(out)


def _tld_end(text: str, q: int, limit: int) -> int | None:
    """End of the top-level domain starting at ``q`` (generic first, then country code, each
    the longest whose next character is not a letter, digit, '@', '+' or '-'; then an
    ``xn--`` label), or None."""
    sets = _tld_sets()
    if q >= limit or _fold(text[q]) not in sets.first:
        return _punycode_end(text, q, limit)
    window = _fold(text[q:min(limit, q + sets.lengths[0])])
    for table in (sets.generic, sets.country):
        for size in sets.lengths:
            if size > len(window) or window[:size] not in table:
                continue
            end = q + size
            if end == limit or text[end] not in _NOT_AFTER_TLD:
                return end
    return _punycode_end(text, q, limit)


def _punycode_end(text: str, q: int, limit: int) -> int | None:
    if _fold(text[q:q + 4]) != "xn--" or q + 4 > limit:
        return None
    m = _PUNYCODE_TAIL.match(text, q + 4, limit)
    return m.end() if m else None


class _Scanner:
    """Host names in one text, the way twitter-text's regular expression finds them.

    ``(subdomain.)* domain. tld``: a label is the run of characters up to the next '.';
    a subdomain label may hold '_' and '-', the domain label only '-', neither at its ends.
    The regular expression prefers the most subdomains (greedy, with backtracking); this does
    the same with one pass per text instead of backtracking per start position."""

    def __init__(self, text: str, limit: int | None = None, ascii_only: bool = False) -> None:
        self.text = text
        self.n = len(text) if limit is None else limit
        self.ascii_only = ascii_only
        n = self.n
        self.run_end = [0] * (n + 1)
        self.next_us = [n] * (n + 1)
        self.run_end[n] = n
        for i in range(n - 1, -1, -1):
            c = text[i]
            inside = (bool(_ASCII_LABEL.match(c)) if ascii_only
                      else c not in _NOT_DOMAIN or c in "_-")
            self.run_end[i] = self.run_end[i + 1] if inside else i
            self.next_us[i] = i if c == "_" else self.next_us[i + 1]
        self.memo: dict[int, int | None] = {}

    def _label(self, p: int) -> int:
        """End of the label starting at ``p`` (its '.' is there), or -1."""
        e = self.run_end[p] if p < self.n else p
        return e if e > p and e < self.n and self.text[e] == "." else -1

    def _sub_ok(self, p: int, e: int) -> bool:
        return self.ascii_only or (self.text[p] not in _NOT_DOMAIN
                                   and self.text[e - 1] not in _NOT_DOMAIN)

    def host_end(self, p: int) -> int | None:
        """End of the host name starting at ``p`` (greedy as the regex), or None."""
        memo, stack, cur = self.memo, [], p
        while cur not in memo:
            e = self._label(cur) if cur < self.n else -1
            if e < 0 or not self._sub_ok(cur, e):
                memo[cur] = None
                break
            stack.append((cur, e))
            cur = e + 1
        while stack:
            x, e = stack.pop()
            found = memo[e + 1]
            if found is None and (self.ascii_only or self.next_us[x] >= e):
                found = _tld_end(self.text, e + 1, self.n)
            memo[x] = found
        return memo[p]

    def ascii_hosts(self) -> list[tuple[int, int]]:
        """Every ASCII host name, left to right, without overlap (``validAsciiDomain``)."""
        out, pos = [], 0
        while pos < self.n:
            end = self.host_end(pos)
            if end is None:
                pos += 1
                continue
            out.append((pos, end))
            pos = end
        return out


# ---------------------------------------------------------------- links


_SEPARATORS = regex.compile("[.\u3002\uff0e\uff61]")
_NOT_PRINTABLE_ASCII = regex.compile(r"[^\x20-\x7e]")


def _punycode_length(label: str) -> int:
    """Length of ``punycode.toASCII(label)`` (twitter-text measures labels after it)."""
    parts = _SEPARATORS.split(label)
    total = len(parts) - 1
    for part in parts:
        if _NOT_PRINTABLE_ASCII.search(part):
            try:
                total += 4 + len(part.encode("punycode"))
            except UnicodeError:
                total += 4 + len(part) * 2  # lone surrogates: long, never a valid host
        else:
            total += len(part)
    return total


def _host_ok(domain: str) -> bool:
    """twitter-text's IDNA check: every label 1-63 characters once punycode-encoded, and a
    host starting with ``xn--`` has an ASCII domain in it."""
    if domain[:4] == "xn--" and not _Scanner(domain, ascii_only=True).ascii_hosts():
        return False
    return all(1 <= _punycode_length(label) <= MAX_LABEL for label in domain.split("."))


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (what twitter-text's indices and limits count)."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def _url_at(text: str, scan: _Scanner, p: int) -> tuple[int, int, int] | None:
    """(host start, host end, protocol length) of a URL starting at ``p``, or None."""
    proto = _PROTOCOL.match(text, p)
    q = proto.end() if proto else p
    end = scan.host_end(q) if q < len(text) else None
    return None if end is None else (q, end, q - p)


def extract_urls(text: str) -> list[XEntity]:
    """Links in ``text`` (already NFC) as twitter-text's ``extractUrlsWithIndices`` finds them.

    ``XEntity.value`` is the URL string twitter-text reports; ``text`` is what the span covers
    (they differ only for a bare domain whose ASCII part ends before its path)."""
    if "." not in text:
        return []
    # the one character that folds to ASCII under IGNORECASE but not in JavaScript's /i
    probe = text.replace("\u017f", "\u0180") if "\u017f" in text else text
    scan = _Scanner(probe)
    found: list[XEntity] = []
    n, m = len(text), 0
    while m < n:
        # twitter-text: (a preceding character | start of text) then the URL
        start, before, hit = m + 1, text[m], None
        if text[m] not in _NOT_BEFORE and m + 1 < n:
            hit = _url_at(probe, scan, m + 1)
        if hit is None and m == 0:
            start, before, hit = 0, "", _url_at(probe, scan, 0)
        if hit is None:
            m += 1
            continue
        host_start, host_end, proto_len = hit
        tail = _URL_TAIL.match(probe, host_end)
        assert tail is not None  # every part of the tail is optional: it always matches
        end = tail.end()
        m = end  # the search goes on after the whole match
        url, domain = probe[start:end], probe[host_start:host_end]
        if (not _host_ok(domain)
                or len(probe[start:host_start] or "https://") + utf16_len(url)
                > MAX_URL_LENGTH):
            continue
        if proto_len:
            found += _protocol_url(text, url, start, end)
        elif not (before and before in "-_./"):
            found += _bare_urls(text, domain, host_start, host_end,
                                end if tail.group("path") else None)
    return found


def _protocol_url(text: str, url: str, start: int, end: int) -> list[XEntity]:
    """The link ``url`` (``text[start:end]``, with its protocol); a t.co link ends after its
    slug, and one with too long a slug is no link."""
    tco = _TCO.match(url)
    if tco:
        if len(tco.group(1)) > MAX_TCO_SLUG:
            return []
        end = start + tco.end()
    return [XEntity("url", start, end, text[start:end], text[start:end])]


def _bare_urls(text: str, domain: str, host_start: int, host_end: int,
               path_end: int | None) -> list[XEntity]:
    """The links in a bare ``domain`` (no protocol) at ``host_start``: each ASCII host in it;
    the last one also takes the path up to ``path_end`` when there is one."""
    found = []
    for a, b in _Scanner(domain, ascii_only=True).ascii_hosts():
        piece = text[host_start + a:host_start + b]
        found.append(XEntity("url", host_start + a, host_start + b, piece, piece))
    if found and path_end is not None:
        last = found[-1]
        value = last.value + text[host_end:path_end]
        found[-1] = XEntity("url", last.start, path_end, text[last.start:path_end], value)
    return found

