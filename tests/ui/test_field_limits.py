"""Text fields stop at the field-length cap: a huge paste can never make a render take
seconds (the cap that drafts and the CLI also apply)."""

from __future__ import annotations

from kontenopd.core.model import MAX_VALUE_CHARS
from tests.ui.test_mainwindow import choose


def test_line_and_multiline_fields_keep_at_most_the_cap(window, qtbot):
    choose(window, qtbot, "liputan-kegiatan")
    title = window.form.editor("judul").edit
    assert title.maxLength() == MAX_VALUE_CHARS
    title.setText("a" * (MAX_VALUE_CHARS + 500))
    assert len(title.text()) == MAX_VALUE_CHARS

    summary = window.form.editor("ringkasan").edit
    summary.setPlainText("kata " * 2000)  # 10,000 characters pasted
    value = window.document.value("ringkasan")
    assert len(value) == MAX_VALUE_CHARS
    assert len(summary.toPlainText()) == MAX_VALUE_CHARS
    assert "dipotong" in summary.toolTip()
