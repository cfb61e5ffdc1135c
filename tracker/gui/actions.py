"""Every command of the main window as a QAction with its shortcut, and the menus holding them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from tracker.gui.naming import named


@dataclass(frozen=True)
class WindowActions:
    import_file: QAction
    paste_text: QAction
    print_summary: QAction
    export_pdf: QAction
    reload: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    change_status: QAction
    edit_provision: QAction
    delete_provision: QAction
    deleted_provisions: QAction
    find: QAction
    choose_date: QAction
    show_today: QAction
    about: QAction


def _action(window: QMainWindow, text: str, name: str, shortcut: QKeySequence | str | None = None) -> QAction:
    action = named(name, QAction(text, window))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    window.addAction(action)  # shortcuts work even where the menu bar is hidden
    return action


def build_actions(window: QMainWindow) -> WindowActions:
    keys = QKeySequence.StandardKey
    actions = WindowActions(
        import_file=_action(window, "&Import agreement…", "importAction", QKeySequence(keys.Open)),
        paste_text=_action(window, "&Paste agreement text…", "pasteAction", "Ctrl+Shift+V"),
        print_summary=_action(window, "P&rint summary…", "printAction", QKeySequence(keys.Print)),
        export_pdf=_action(window, "&Export summary as PDF…", "exportPdfAction"),
        reload=_action(window, "Re&load", "reloadAction", QKeySequence(keys.Refresh)),
        quit=_action(window, "&Quit", "quitAction", QKeySequence(keys.Quit)),
        undo=_action(window, "&Undo", "undoAction", "Ctrl+Z"),
        redo=_action(window, "&Redo", "redoAction", "Ctrl+Shift+Z"),
        change_status=_action(window, "Change &status…", "changeStatusAction", "Ctrl+T"),
        edit_provision=_action(window, "&Edit provision", "editProvisionAction", "F2"),
        delete_provision=_action(window, "&Delete provision…", "deleteProvisionAction", "Ctrl+Delete"),
        deleted_provisions=_action(
            window, "Dele&ted provisions…", "deletedProvisionsAction", "Ctrl+Shift+Delete"
        ),
        find=_action(window, "&Find", "findAction", QKeySequence(keys.Find)),
        choose_date=_action(window, "Choose the &as-of date", "chooseDateAction", "Ctrl+D"),
        show_today=_action(window, "Show as of &today", "todayAction", "Ctrl+Shift+T"),
        about=_action(window, "&About", "aboutAction"),
    )
    actions.change_status.setEnabled(False)
    actions.edit_provision.setEnabled(False)
    actions.delete_provision.setEnabled(False)
    actions.undo.setEnabled(False)
    actions.redo.setEnabled(False)
    return actions


def build_menus(window: QMainWindow, actions: WindowActions) -> None:
    menus = window.menuBar()
    menus.setObjectName("menuBar")
    file_menu = menus.addMenu("&File")
    file_menu.setObjectName("fileMenu")
    file_menu.addActions([actions.import_file, actions.paste_text])
    file_menu.addSeparator()
    file_menu.addActions([actions.print_summary, actions.export_pdf])
    file_menu.addSeparator()
    file_menu.addActions([actions.reload, actions.quit])
    edit_menu = menus.addMenu("&Edit")
    edit_menu.setObjectName("editMenu")
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([actions.change_status, actions.edit_provision, actions.delete_provision])
    edit_menu.addAction(actions.deleted_provisions)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find)
    view_menu = menus.addMenu("&View")
    view_menu.setObjectName("viewMenu")
    view_menu.addActions([actions.choose_date, actions.show_today])
    help_menu = menus.addMenu("&Help")
    help_menu.setObjectName("helpMenu")
    help_menu.addAction(actions.about)
