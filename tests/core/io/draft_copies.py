"""Altered copies of a saved draft file, for tests of what opening one does."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path


def rewrite_draft(src: Path, dst: Path, change) -> Path:
    """Copy a draft, passing its draft.json data through ``change``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "draft.json":
                data = json.dumps(change(json.loads(data))).encode()
            zout.writestr(item, data)
    return dst
