"""The main window's actions, menus and toolbar (:class:`WindowActions`, a mixin of
:class:`~.mainwindow.MainWindow`): which action sits where, with its shortcut and its slot.
Their texts are set in ``MainWindow.retranslate``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from . import i18n
from .dialogs.profile_dialog import profile_name

if TYPE_CHECKING:  # imported when first used: each costs start-up time (numpy, sheets)
    from .dialogs.bulk_dialog import BulkDialog
    from .dialogs.guide import GuideDialog


class WindowActions:
    """Builds the window's actions (``act_*``), its menus (``menu_*``) and toolbar, and
    fills the menus whose entries change: the formats and the profiles."""

    def _build_actions(self) -> None:
        def action(shortcuts: list[QKeySequence | QKeySequence.StandardKey | str],
                   slot: object = None, checkable: bool = False) -> QAction:
            act = QAction(self)
            act.setShortcuts([QKeySequence(s) for s in shortcuts])
            act.setCheckable(checkable)
            if slot is not None:
                act.triggered.connect(slot)
            self.addAction(act)
            return act

        stack = self.document.undo_stack
        self.act_new = action([QKeySequence.StandardKey.New], self.new_draft)
        self.act_quit = action(["Ctrl+Q"], self.close)
        self.act_undo = action(["Ctrl+Z"], stack.undo)
        self.act_redo = action(["Ctrl+Y", "Ctrl+Shift+Z"], stack.redo)
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_texts)
        stack.redoTextChanged.connect(self._undo_texts)
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.act_add_photo = action([], lambda: self.add_photos_dialog(""))
        self.act_paste_photo = action([QKeySequence.StandardKey.Paste],
                                      lambda: self.paste_photo(""))
        self.act_sample = action([], self.fill_sample)
        self.act_bulk = action(["Ctrl+Shift+M"], self.open_bulk)
        self.bulk_dialog: BulkDialog | None = None
        self.act_grid = action(["Ctrl+G"], checkable=True)
        self.act_safe = action(["Ctrl+Shift+G"], checkable=True)
        self.act_grid.setChecked(self.settings.value("guides/grid", "true") == "true")
        self.act_safe.setChecked(self.settings.value("guides/safe", "true") == "true")
        self.act_profiles = action([], self.edit_profiles)
        self.act_guide = action(["F1"], self.show_guide)
        self.guide: GuideDialog | None = None
        self.act_about = action([], self.about)
        self.lang_group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        current = str(self.settings.value("language", i18n.DEFAULT_LANGUAGE))
        for code, name in i18n.LANGUAGES.items():
            act = QAction(name, self, checkable=True)
            act.setChecked(code == current)
            act.triggered.connect(lambda _on=False, c=code: self.set_language(c))
            self.lang_group.addAction(act)
            self.lang_actions[code] = act
        self.format_actions: list[QAction] = []

    @staticmethod
    def _add_actions(target: QMenu | QToolBar, items: list[QAction | None]) -> None:
        """``items`` in order; None is a separator."""
        for item in items:
            if item is None:
                target.addSeparator()
            else:
                target.addAction(item)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_new)
        self.files.add_to_menu(self.menu_file)
        self._add_actions(self.menu_file, [None, self.act_bulk, None, self.act_quit])
        self.menu_edit = bar.addMenu("")
        self._add_actions(self.menu_edit, [self.act_undo, self.act_redo, None,
                                           self.act_add_photo, self.act_paste_photo, None,
                                           self.act_sample])
        self.menu_view = bar.addMenu("")
        self.menu_formats = self.menu_view.addMenu("")
        self._add_actions(self.menu_view, [self.preview.act_enlarge, None, self.act_grid,
                                           self.act_safe, None])
        self.addAction(self.preview.act_enlarge)  # F11 also while another side tab shows
        self.menu_lang = self.menu_view.addMenu("")
        self._add_actions(self.menu_lang, list(self.lang_actions.values()))
        self.menu_profile = bar.addMenu("")
        self.menu_profile.aboutToShow.connect(self._fill_profile_menu)
        self.menu_help = bar.addMenu("")
        self._add_actions(self.menu_help, [self.act_guide, None, self.act_about])
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._add_actions(self.toolbar, [self.act_new, self.files.act_open, self.files.act_save,
                                         self.act_undo, self.act_redo, None,
                                         self.act_add_photo, None, self.act_profiles])
        self._fill_format_menu()

    def _add_panel_actions(self) -> None:
        """Captions and export: Ctrl+Shift+C copies the caption of the platform chosen in
        the Caption tab; Ctrl+E exports the current post; Ctrl+Shift+E the whole queue."""
        actions = self.queue.menu_actions()
        separator = self.menu_file.insertSeparator(self.act_quit)
        self.menu_file.insertActions(separator, actions)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.captions.act_copy)
        self.addActions([*actions, self.captions.act_copy])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.queue.act_export_current)
        self.captions.status.connect(lambda m: self.statusBar().showMessage(m, 5000))
        self.queue.status.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.queue.export_started.connect(lambda: self.side_tabs.setCurrentWidget(self.queue))
        self.captions.problems_changed.connect(self._side_tab_titles)
        self.queue.count_changed.connect(self._side_tab_titles)
        self.queue.restore()  # posts a previous session left in the export queue

    def _fill_format_menu(self) -> None:
        self.menu_formats.clear()
        for i, fmt in enumerate(self.document.template.format_keys):
            act = self.menu_formats.addAction(fmt)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _on=False, f=fmt: self.preview.set_format(f))

    def _fill_profile_menu(self) -> None:
        menu = self.menu_profile
        menu.clear()
        menu.addAction(self.act_profiles)
        menu.addSeparator()
        group = QActionGroup(menu)
        own = not self.files.showing_draft_profile
        for profile in self.store.list():
            act = menu.addAction(profile_name(profile).replace("&", "&&"))
            act.setCheckable(True)
            act.setChecked(own and profile.id == self.document.profile.id)
            act.triggered.connect(lambda _on=False, p=profile: self.use_profile(p))
            group.addAction(act)
