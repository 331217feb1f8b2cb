"""The PySide6 desktop app. Everything here may import Qt; core/ never does."""
