"""Regenerate assets/data/tlds.json, the top-level domains the X counter treats as links.

    python tools/refresh_tlds.py path/to/tld_lib.yml          # twitter-text's list
    python tools/refresh_tlds.py path/to/tlds-alpha-by-domain.txt   # IANA's root zone list

Download the source file yourself (this tool never uses the network):

* twitter-text ``conformance/tld_lib.yml`` (Apache-2.0) is what X's own counting library uses,
  split into ``country`` and ``generic``. This is the default source: with it our count agrees
  with twitter-text exactly.
* IANA ``tlds-alpha-by-domain.txt`` (https://data.iana.org/TLD/tlds-alpha-by-domain.txt) is
  the live root zone: newer, but X may not know a TLD added since its library was updated.
  IANA lists internationalised TLDs in punycode (``XN--P1AI``); they are decoded (``рф``).
  IANA does not say which TLDs are country codes: two-letter ones are, and an
  internationalised one is when the current data file already lists it as a country code.

Options: ``--date YYYY-MM-DD`` (the source's date; default: from an IANA header, else today),
``--source-url URL`` (recorded in the file), ``--out PATH`` (default: assets/data/tlds.json),
``--check`` (exit 1 when the output would change).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "data" / "tlds.json"
TWITTER_TEXT_URL = ("https://github.com/twitter/twitter-text/blob/master/conformance/"
                    "tld_lib.yml")
IANA_URL = "https://data.iana.org/TLD/tlds-alpha-by-domain.txt"
_LABEL = re.compile(r"^[^\s.]+$")


def parse_tld_lib(text: str) -> dict[str, list[str]]:
    """The two lists of twitter-text's tld_lib.yml (a flat YAML file: two keys, one item a
    line). A small reader of exactly that shape, so the tool needs no YAML library."""
    lists: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split(" #", 1)[0].rstrip()
        if not line.strip() or line.strip() == "---" or line.lstrip().startswith("#"):
            continue
        key = re.fullmatch(r"([A-Za-z_]+):", line)
        if key:
            current = lists.setdefault(key.group(1), [])
            continue
        item = re.fullmatch(r"\s*-\s+['\"]?([^'\"]+?)['\"]?", line)
        if item is None or current is None:
            raise SystemExit(f"baris {number} tidak dikenali: {raw!r}")
        current.append(item.group(1).strip().lower())
    missing = {"country", "generic"} - set(lists)
    if missing:
        raise SystemExit(f"tld_lib.yml tanpa daftar: {', '.join(sorted(missing))}")
    return {"country": lists["country"], "generic": lists["generic"]}


def parse_iana(text: str, known_country: set[str]) -> tuple[dict[str, list[str]], str | None]:
    """IANA's list: one TLD a line, upper case, a '#' header with the version date."""
    date = None
    country: list[str] = []
    generic: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            found = re.search(r"Last Updated (\w{3}) (\w{3}) +(\d+) .* (\d{4})", line)
            if found:
                date = dt.datetime.strptime(
                    f"{found.group(2)} {found.group(3)} {found.group(4)}", "%b %d %Y"
                ).date().isoformat()
            continue
        label = line.lower()
        if not _LABEL.match(label):
            raise SystemExit(f"baris {number} bukan TLD: {raw!r}")
        if label.startswith("xn--"):
            try:
                label = label[4:].encode("ascii").decode("punycode")
            except UnicodeError:
                raise SystemExit(f"baris {number}: punycode rusak: {raw!r}") from None
        is_country = (len(label) == 2 and label.isascii()) or label in known_country
        (country if is_country else generic).append(label)
    return {"country": country, "generic": generic}, date


def build(lists: dict[str, list[str]], source: str, source_url: str, date: str) -> dict:
    def ordered(items: list[str]) -> list[str]:
        # twitter-text's order: reverse code point order, so a TLD comes before any shorter
        # TLD it starts with (the regular expression tries alternatives in order)
        return sorted(set(items), reverse=True)

    country = ordered(lists["country"])
    generic = [t for t in ordered(lists["generic"]) if t not in set(country)]
    return {
        "source": source,
        "source_url": source_url,
        "source_date": date,
        "licence": "see tlds.LICENSE.md",
        "counts": {"country": len(country), "generic": len(generic)},
        "country": country,
        "generic": generic,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="tld_lib.yml or tlds-alpha-by-domain.txt")
    parser.add_argument("--date", help="the source's date, YYYY-MM-DD")
    parser.add_argument("--source-url", help="where the source file came from")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file would change")
    args = parser.parse_args(argv)

    text = args.source.read_text(encoding="utf-8")
    if args.source.suffix in (".yml", ".yaml") or re.search(r"^country:", text, re.M):
        lists, date = parse_tld_lib(text), None
        source, url = "twitter-text conformance/tld_lib.yml", TWITTER_TEXT_URL
    else:
        known: set[str] = set()
        if args.out.is_file():
            known = set(json.loads(args.out.read_text(encoding="utf-8")).get("country", []))
        lists, date = parse_iana(text, known)
        source, url = "IANA root zone, tlds-alpha-by-domain.txt", IANA_URL
    if args.date:
        dt.date.fromisoformat(args.date)  # validates
        date = args.date
    data = build(lists, source, args.source_url or url, date or dt.date.today().isoformat())
    rendered = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == rendered
        print("tlds.json mutakhir." if same else "tlds.json akan berubah.")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(rendered, encoding="utf-8")
    print(f"{args.out}: {data['counts']['country']} kode negara, "
          f"{data['counts']['generic']} generik ({source}, {data['source_date']}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
