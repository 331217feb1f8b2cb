"""How many characters of each text field fit in each format, with the stress content.

    python tools/capacity.py [TEMPLATE_ID ...]

For every text field and format, bisects the length of the field's stress wording (the other
fields full) for the longest that renders without a blocking error naming the field, and
prints it beside the field's declared ``max_length``: a field whose limit is above what a
format holds needs a roomier layout or a lower limit.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from kontenopd.core.model.records import Draft, Profile, demo_profile
from kontenopd.core.render import render, stress
from kontenopd.core.template.library import load_library
from kontenopd.core.template.schema import Template


def _fits(template: Template, fmt: str, draft: Draft, profile: Profile, key: str) -> bool:
    result = render(template, fmt, draft, profile)
    return not any(w.field == key for w in result.errors)


def _longest(template: Template, fmt: str, base: Draft, profile: Profile, key: str,
             wording: str, limit: int) -> int | None:
    """The longest length of ``wording`` in field ``key`` that fits (None: the limit fits)."""
    def ok(n: int) -> bool:
        values = {**base.values, key: stress.fill(wording, n)}
        return _fits(template, fmt, replace(base, values=values), profile, key)

    if ok(limit):
        return None
    lo, hi = 0, limit
    while hi - lo > 2:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if ok(mid) else (lo, mid)
    return lo


def main() -> int:
    ids = sys.argv[1:]
    lib = load_library()
    profile = stress.stress_profile(demo_profile())
    short = 0
    for tid, template in lib.templates.items():
        if ids and tid not in ids:
            continue
        base = stress.stress_draft(template, "full", None)
        for f in template.fields:
            if f.type not in ("text", "multiline"):
                continue
            limit = f.max_length or len(str(base.values.get(f.key, "")))
            wording = stress._BY_KEY.get(f.key, stress.PROSE if f.type == "multiline"
                                         else stress.TITLE)
            row = []
            for fmt in template.format_keys:
                longest = _longest(template, fmt, base, profile, f.key, wording, limit)
                row.append(f"{fmt}={'ok' if longest is None else longest}")
                short += longest is not None
            print(f"{tid:26} {f.key:14} max={limit:<4} " + " ".join(row))
    return 1 if short else 0


if __name__ == "__main__":
    raise SystemExit(main())
