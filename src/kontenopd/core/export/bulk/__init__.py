"""Bulk create: one post per spreadsheet row (or one carousel from all rows).

The pipeline, one module a step: :func:`kontenopd.core.io.spreadsheet.read_table` reads the
sheet; ``columns`` matches its columns to the template's fields (by key, label or a
remembered header); ``cells`` reads each cell the way people write it; ``rows`` turns every
row into a draft or the reasons it cannot be one (row number first); ``write`` writes drafts
or exports them and saves ``laporan.csv``; ``example`` writes the "Unduh contoh" sheet. Rows
never stop each other: a bad row is reported and every good row is still written.
"""

from __future__ import annotations

from .cells import cell_text, field_from_cell, rows_text
from .columns import (
    Mapping,
    Target,
    auto_map,
    expected_headers,
    load_mappings,
    mapping_by_header,
    remember_mapping,
    targets,
    unmapped_required,
)
from .example import is_help_row, write_example
from .rows import (
    MODE_ONE_POST,
    MODE_ROWS,
    MODES,
    STATUS_FAILED,
    STATUS_OK,
    STATUS_SKIPPED,
    STATUS_WARNING,
    BulkError,
    RowPlan,
    plan,
)
from .write import (
    REPORT_NAME,
    BulkOptions,
    BulkProgress,
    BulkReport,
    report_rows,
    run_bulk,
    write_report_csv,
)

__all__ = [
    "MODES", "MODE_ONE_POST", "MODE_ROWS", "REPORT_NAME", "STATUS_FAILED", "STATUS_OK",
    "STATUS_SKIPPED", "STATUS_WARNING", "BulkError", "BulkOptions", "BulkProgress", "BulkReport",
    "Mapping", "RowPlan", "Target", "auto_map", "cell_text", "expected_headers", "field_from_cell",
    "is_help_row", "load_mappings", "mapping_by_header", "plan", "remember_mapping",
    "report_rows", "rows_text", "run_bulk", "targets", "unmapped_required", "write_example",
    "write_report_csv",
]
