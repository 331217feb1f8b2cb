"""Small widget builders several dialogs and panels share: a button's or action's texts set
together, and the icon-and-heading header of a question dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)


def set_texts(target: QAbstractButton | QAction, text: str, tip: str) -> None:
    """A button's or an action's text and tooltip, set together (in a ``retranslate``)."""
    target.setText(text)
    target.setToolTip(tip)


def message_header(owner: QWidget, icon: QStyle.StandardPixmap
                   ) -> tuple[QHBoxLayout, QLabel, QLabel]:
    """The top of a question dialog: the standard ``icon`` beside a larger bold heading and
    a wrapped introduction. Returns (the layout, the heading, the introduction); the owner
    sets their texts."""
    picture = QLabel()
    picture.setPixmap(owner.style().standardIcon(icon).pixmap(40, 40))
    picture.setAlignment(Qt.AlignmentFlag.AlignTop)
    heading = QLabel()
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setBold(True)
    heading.setFont(font)
    intro = QLabel()
    intro.setWordWrap(True)
    text = QVBoxLayout()
    text.addWidget(heading)
    text.addWidget(intro)
    top = QHBoxLayout()
    top.addWidget(picture)
    top.addLayout(text, 1)
    return top, heading, intro
