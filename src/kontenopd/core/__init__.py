"""Qt-free core: model, templates, rendering, photos, dates and files.

Nothing in this package may import PySide6 (tests/core/test_qt_free.py enforces it).
"""
