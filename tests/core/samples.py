"""The sample a template shows on the contact sheet and in the golden images: its sample
values and bundled sample photos (editing.sample_draft, the one owner), first format."""

from __future__ import annotations

from kontenopd.core.editing import sample_draft
from kontenopd.core.model.records import Draft
from kontenopd.core.template.schema import Template


def sheet_sample(template: Template) -> Draft:
    return sample_draft(template, formats=template.format_keys[:1], sample_photos=True)
