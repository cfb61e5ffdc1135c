"""The import review: prefilled metadata, ticks and edits decide what one Save stores."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QMessageBox, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tracker.bootstrap import open_services
from tracker.domain import AgreementDraft, ExtractedProvision, Extraction, Facets, Kind
from tracker.gui.review_dialog import ImportCandidate, ReviewDialog
from tracker.gui.review_extraction import ExtractFunction
from tracker.gui.review_model import InvalidCellValue, ReviewColumn, parse_zone_width
from tracker.services import Services
from tracker.storage import engine as storage_engine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEXT = (
    "Memorandum on the Northern Zone\n\n"
    "Signed at Lakeside on 17 September 2018.\n\n"
    "1. The parties shall establish a demilitarised zone 15-20 km deep by 15 October 2018.\n\n"
    "2. All tanks and artillery shall be withdrawn from the zone within 30 days of signing.\n\n"
    "3. Joint patrols by Northern and Southern units shall begin in the zone.\n"
)
SIGNED = date(2018, 9, 17)


def clause(number: int) -> str:
    line = next(line for line in TEXT.splitlines() if line.startswith(f"{number}. "))
    return line


def provision(
    number: int,
    kind: Kind,
    summary: str,
    *,
    deadline: date | None = None,
    deadline_text: str | None = None,
    facets: Facets | None = None,
) -> ExtractedProvision:
    excerpt = clause(number)
    start = TEXT.index(excerpt)
    return ExtractedProvision(
        start=start,
        end=start + len(excerpt),
        excerpt=excerpt,
        kind=kind,
        summary=summary,
        deadline=deadline,
        deadline_text=deadline_text,
        facets=facets or Facets(),
    )


def extraction_for(signed_on: date | None) -> Extraction:
    """What an engine finds in TEXT; the withdrawal deadline counts from the signing date."""
    relative = date.fromordinal(signed_on.toordinal() + 30) if signed_on else None
    return Extraction(
        signed_on=signed_on,
        signed_on_source="stated" if signed_on else "unknown",
        provisions=(
            provision(
                1,
                Kind.ZONE,
                "Establish a demilitarised zone",
                deadline=date(2018, 10, 15),
                deadline_text="by 15 October 2018",
                facets=Facets(zone_width_km=(15.0, 20.0), responsible_parties=("Northern",)),
            ),
            provision(
                2,
                Kind.WITHDRAWAL,
                "Withdraw tanks and artillery",
                deadline=relative,
                deadline_text="within 30 days of signing",
                facets=Facets(weapons=("tanks", "artillery"), responsible_parties=("Southern",)),
            ),
            provision(
                3, Kind.PATROL, "Joint patrols", facets=Facets(patrol_parties=("Northern", "Southern"))
            ),
        ),
    )


def engine_over_text(
    text: str, signed_on: date | None = None, *, progress: object = None, cancelled: object = None
) -> Extraction:
    assert text == TEXT
    return extraction_for(signed_on or SIGNED)


ENGINE: ExtractFunction = engine_over_text


class MessageBoxes:
    """Stands in for QMessageBox's blocking static calls; records what the user was told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Discard

        def recorder(kind: str) -> Callable[..., QMessageBox.StandardButton]:
            def record(
                parent: QWidget | None, title: str, text: str, *args: object
            ) -> QMessageBox.StandardButton:
                self.shown.append((kind, title, text))
                return self.answer if kind == "question" else QMessageBox.StandardButton.Ok

            return record

        for kind in ("critical", "warning", "information", "question"):
            monkeypatch.setattr(QMessageBox, kind, recorder(kind))


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    return MessageBoxes(monkeypatch)


@pytest.fixture
def dialog(qtbot: QtBot, empty_services: Services) -> Iterator[ReviewDialog]:
    candidate = ImportCandidate(
        AgreementDraft(title="Memorandum on the Northern Zone", text=TEXT, source="/tmp/northern.txt"),
        extraction_for(SIGNED),
    )
    review = ReviewDialog(candidate, empty_services, extract_text=ENGINE)
    qtbot.addWidget(review)
    review.show()
    qtbot.waitExposed(review)
    review.activateWindow()
    review.view.setFocus()
    yield review
    if review.isVisible():
        QDialog.reject(review)  # the base class's: closing at teardown must not ask about edits


def choose_row(view: QTableView, row: int) -> None:
    """Make ``row`` the current and only selected row, as a plain click does."""
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(view.model().index(row, ReviewColumn.SUMMARY), flags)


def saved_provisions(services: Services) -> list[tuple[str, Kind]]:
    return [(p.summary, p.kind) for p in services.list_provisions()]


def save_and_wait(qtbot: QtBot, dialog: ReviewDialog) -> int:
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    agreement_id = blocker.args[0]
    assert isinstance(agreement_id, int)
    return agreement_id


def test_the_form_is_prefilled_from_the_file_and_the_extraction(dialog: ReviewDialog) -> None:
    assert dialog.title_edit.text() == "Memorandum on the Northern Zone"
    assert dialog.parties_edit.text() == "Northern, Southern"
    assert dialog.signed_on() == SIGNED
    assert "stated in the text" in dialog.signed_on_origin_label.text()
    assert dialog.source_edit.text() == "/tmp/northern.txt"
    assert dialog.model.rowCount() == 3
    assert dialog.count_label.text() == "3 of 3 provisions will be saved"
    assert dialog.model.index(1, ReviewColumn.EXCERPT).data() == clause(2)
    assert dialog.model.index(1, ReviewColumn.WEAPONS).data() == "tanks, artillery"
    assert dialog.model.index(0, ReviewColumn.ZONE_WIDTH).data() == "15–20 km"
    assert not dialog.notice_label.isVisible()


def test_every_interactive_widget_has_an_object_name(dialog: ReviewDialog) -> None:
    widgets = [value for value in vars(dialog).values() if isinstance(value, QWidget)]
    assert len(widgets) >= 12
    assert [type(widget).__name__ for widget in widgets if not widget.objectName()] == []


def test_the_selected_provision_is_highlighted_in_the_text(dialog: ReviewDialog) -> None:
    dialog.view.setCurrentIndex(dialog.model.index(1, ReviewColumn.SUMMARY))
    selections = dialog.preview.extraSelections()
    assert len(selections) == 1
    assert selections[0].cursor.selectedText() == clause(2)


def test_save_stores_the_ticked_provisions_and_the_metadata(
    qtbot: QtBot, dialog: ReviewDialog, empty_services: Services
) -> None:
    dialog.model.setData(
        dialog.model.index(1, ReviewColumn.ACCEPT),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert dialog.count_label.text() == "2 of 3 provisions will be saved"
    dialog.place_edit.setText("Lakeside")
    dialog.parties_edit.setText("Northern; Southern, Northern")

    agreement_id = save_and_wait(qtbot, dialog)

    agreement = empty_services.get_agreement(agreement_id)
    assert agreement.title == "Memorandum on the Northern Zone"
    assert agreement.parties == ("Northern", "Southern")
    assert agreement.signed_on == SIGNED
    assert agreement.place == "Lakeside"
    assert agreement.text == TEXT
    assert saved_provisions(empty_services) == [
        ("Establish a demilitarised zone", Kind.ZONE),
        ("Joint patrols", Kind.PATROL),
    ]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.saved_agreement_id == agreement_id


def test_enter_saves(qtbot: QtBot, dialog: ReviewDialog, empty_services: Services) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert len(empty_services.list_provisions()) == 3


def test_space_unticks_the_selected_rows_and_ctrl_a_toggles_all(dialog: ReviewDialog, qtbot: QtBot) -> None:
    choose_row(dialog.view, 2)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    assert dialog.model.accepted_count() == 2
    assert dialog.model.index(2, ReviewColumn.ACCEPT).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )

    qtbot.keyClick(dialog.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert dialog.model.accepted_count() == 3
    qtbot.keyClick(dialog.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert dialog.model.accepted_count() == 0
    assert dialog.save_button.text() == "&Save without provisions"


def test_tick_all_and_none_buttons(dialog: ReviewDialog, qtbot: QtBot) -> None:
    qtbot.mouseClick(dialog.select_none_button, Qt.MouseButton.LeftButton)
    assert dialog.model.accepted_count() == 0
    qtbot.mouseClick(dialog.select_all_button, Qt.MouseButton.LeftButton)
    assert dialog.model.accepted_count() == 3


def test_editing_a_cell_with_enter_commits_the_value_without_saving(
    qtbot: QtBot, dialog: ReviewDialog, empty_services: Services
) -> None:
    index = dialog.model.index(1, ReviewColumn.WEAPONS)
    dialog.view.setCurrentIndex(index)
    dialog.view.edit(index)
    editor = dialog.view.findChild(QLineEdit, "reviewWeaponsEditor")
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "tanks, MLRS, heavy weapons")
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: index.data() == "tanks, mlrs, heavy weapons")
    assert dialog.isVisible()
    assert empty_services.list_agreements() == []

    save_and_wait(qtbot, dialog)
    withdrawal = empty_services.list_provisions()[1]
    assert withdrawal.facets.weapons == ("tanks", "mlrs", "heavy_weapons")


def test_facet_edits_are_checked_and_stored(
    qtbot: QtBot, dialog: ReviewDialog, empty_services: Services
) -> None:
    model = dialog.model
    assert not model.setData(model.index(1, ReviewColumn.WEAPONS), "tanks, slingshots")
    assert "Unknown weapon type: slingshots" in dialog.edit_error_label.text()
    assert not model.setData(model.index(0, ReviewColumn.DEADLINE), "next Tuesday")
    assert "YYYY-MM-DD" in dialog.edit_error_label.text()
    assert not model.setData(model.index(0, ReviewColumn.ZONE_WIDTH), "wide")
    assert not model.setData(model.index(0, ReviewColumn.SUMMARY), "   ")

    assert model.setData(model.index(0, ReviewColumn.ZONE_WIDTH), "10 km")
    assert model.setData(model.index(0, ReviewColumn.DEADLINE), "2018-10-20")
    assert model.setData(model.index(0, ReviewColumn.SUMMARY), "Zone along the line of contact")
    assert model.setData(model.index(2, ReviewColumn.KIND), "ceasefire")
    assert model.setData(model.index(2, ReviewColumn.PATROL_PARTIES), "Northern, UN observers")
    assert model.setData(model.index(2, ReviewColumn.DEADLINE_TEXT), "at once")

    save_and_wait(qtbot, dialog)
    zone, _withdrawal, patrol = empty_services.list_provisions()
    assert zone.summary == "Zone along the line of contact"
    assert zone.facets.zone_width_km == (10.0, 10.0)
    assert zone.deadline == date(2018, 10, 20)
    assert patrol.kind == Kind.CEASEFIRE
    assert patrol.facets.patrol_parties == ("Northern", "UN observers")
    assert patrol.deadline_text == "at once"


def test_cancel_saves_nothing(qtbot: QtBot, dialog: ReviewDialog, empty_services: Services) -> None:
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert empty_services.list_agreements() == []
    assert empty_services.list_provisions() == []


def test_escape_after_edits_asks_before_discarding(
    qtbot: QtBot, dialog: ReviewDialog, empty_services: Services, boxes: MessageBoxes
) -> None:
    dialog.title_edit.setText("Northern Zone memorandum")
    boxes.answer = QMessageBox.StandardButton.Cancel
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert boxes.shown[-1][1] == "Discard this import?"

    boxes.answer = QMessageBox.StandardButton.Discard
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert empty_services.list_agreements() == []


def test_a_title_is_required(qtbot: QtBot, dialog: ReviewDialog, empty_services: Services) -> None:
    dialog.title_edit.setText("   ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.edit_error_label.text() == "The agreement needs a title."
    assert dialog.isVisible()
    assert empty_services.list_agreements() == []


def test_changing_the_signing_date_recomputes_relative_deadlines_and_keeps_edits(
    qtbot: QtBot, dialog: ReviewDialog, empty_services: Services
) -> None:
    model = dialog.model
    model.setData(model.index(1, ReviewColumn.SUMMARY), "Heavy weapons out of the zone")
    model.setData(
        model.index(2, ReviewColumn.ACCEPT), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )

    with qtbot.waitSignal(dialog.deadlines_recomputed, timeout=10_000):
        dialog.signed_on_edit.setDate(QDate(2018, 9, 20))
        assert dialog.is_recomputing()

    assert dialog.save_button.isEnabled()
    assert model.index(1, ReviewColumn.DEADLINE).data() == "2018-10-20"
    assert model.index(0, ReviewColumn.DEADLINE).data() == "2018-10-15"
    assert model.index(1, ReviewColumn.SUMMARY).data() == "Heavy weapons out of the zone"
    assert model.accepted_count() == 2
    assert "2018-09-20" in dialog.deadline_status_label.text()
    assert dialog.signed_on_origin_label.text() == "(set by you; the text says 2018-09-17)"
    assert dialog.view.currentIndex().row() == 0  # the user's place in the list is kept
    assert len(dialog.preview.extraSelections()) == 1

    save_and_wait(qtbot, dialog)
    assert [p.deadline for p in empty_services.list_provisions()] == [date(2018, 10, 15), date(2018, 10, 20)]
    assert empty_services.list_agreements()[0].signed_on == date(2018, 9, 20)


def test_an_unknown_signing_date_leaves_relative_deadlines_empty(
    qtbot: QtBot, dialog: ReviewDialog, empty_services: Services
) -> None:
    with qtbot.waitSignal(dialog.deadlines_recomputed, timeout=10_000):
        dialog.signed_on_unknown_check.setChecked(True)

    assert not dialog.signed_on_edit.isEnabled()
    assert dialog.model.index(1, ReviewColumn.DEADLINE).data() == ""
    assert dialog.model.index(1, ReviewColumn.DEADLINE_TEXT).data() == "within 30 days of signing"
    assert dialog.model.index(0, ReviewColumn.DEADLINE).data() == "2018-10-15"

    save_and_wait(qtbot, dialog)
    assert empty_services.list_agreements()[0].signed_on is None


def test_nothing_found_says_so_and_can_still_save_the_text(qtbot: QtBot, empty_services: Services) -> None:
    candidate = ImportCandidate(
        AgreementDraft(title="Letter", text="A friendly letter with no commitments.\n"),
        Extraction(signed_on=None, signed_on_source="unknown", provisions=()),
    )
    review = ReviewDialog(candidate, empty_services, extract_text=ENGINE)
    qtbot.addWidget(review)
    review.show()
    assert review.notice_label.isVisible()
    assert "No provisions were found" in review.notice_label.text()
    assert review.signed_on_unknown_check.isChecked()

    agreement_id = save_and_wait(qtbot, review)
    assert empty_services.get_agreement(agreement_id).title == "Letter"
    assert empty_services.list_provisions(agreement_id) == []


def test_a_locked_database_keeps_the_review_open_and_a_retry_saves(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes
) -> None:
    monkeypatch.setattr(storage_engine, "SQLITE_BUSY_TIMEOUT_S", 0.2)
    database = tmp_path / "locked.sqlite3"
    services = open_services(database, with_sample=False)
    candidate = ImportCandidate(AgreementDraft(title="Memorandum", text=TEXT), extraction_for(SIGNED))
    review = ReviewDialog(candidate, services, extract_text=ENGINE)
    qtbot.addWidget(review)
    review.show()
    review.model.setData(
        review.model.index(0, ReviewColumn.ACCEPT),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )

    other_program = sqlite3.connect(database)
    other_program.execute("BEGIN EXCLUSIVE")
    try:
        qtbot.mouseClick(review.save_button, Qt.MouseButton.LeftButton)
        assert review.is_saving() and not review.cancel_button.isEnabled()
        qtbot.waitUntil(lambda: not review.is_saving(), timeout=10_000)
    finally:
        other_program.rollback()
        other_program.close()

    kind, title, text = boxes.shown[-1]
    assert (kind, title) == ("critical", "Could not save the agreement")
    assert "busy" in text and "Nothing was saved" in text
    assert review.isVisible() and review.save_button.isEnabled()
    assert review.model.accepted_count() == 2
    assert services.list_agreements() == []

    agreement_id = save_and_wait(qtbot, review)
    assert len(services.list_provisions(agreement_id)) == 2


def test_the_review_model_keeps_qt_model_rules(qtmodeltester: ModelTester, dialog: ReviewDialog) -> None:
    qtmodeltester.check(dialog.model, force_py=True)
    dialog.model.refresh_from_extraction(extraction_for(date(2018, 9, 20)).provisions)
    qtmodeltester.check(dialog.model, force_py=True)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("15", (15.0, 15.0)),
        ("15 km", (15.0, 15.0)),
        ("15-20", (15.0, 20.0)),
        ("20 to 15 kilometres", (15.0, 20.0)),
        ("2,5–3", (2.5, 3.0)),
        ("", None),
    ],
)
def test_zone_widths_are_read_as_typed(typed: str, stored: tuple[float, float] | None) -> None:
    assert parse_zone_width(typed) == stored


@pytest.mark.parametrize("typed", ["wide", "-5", "1-2-3", "0"])
def test_nonsense_zone_widths_are_refused(typed: str) -> None:
    with pytest.raises(InvalidCellValue, match="Zone width"):
        parse_zone_width(typed)


def test_the_kind_is_chosen_from_a_list(qtbot: QtBot, dialog: ReviewDialog, empty_services: Services) -> None:
    index = dialog.model.index(2, ReviewColumn.KIND)
    dialog.view.setCurrentIndex(index)
    dialog.view.edit(index)
    editor = dialog.view.findChild(QComboBox, "reviewKindEditor")
    assert editor is not None
    assert [editor.itemText(i) for i in range(editor.count())] == [kind.label for kind in Kind]
    assert editor.currentData() == "patrol"
    editor.setCurrentIndex(editor.findData("ceasefire"))
    qtbot.keyClick(editor, Qt.Key.Key_Tab)

    qtbot.waitUntil(lambda: index.data() == "Ceasefire")
    save_and_wait(qtbot, dialog)
    assert empty_services.list_provisions()[2].kind == Kind.CEASEFIRE


def test_the_highlight_is_exact_after_characters_outside_the_basic_plane(
    qtbot: QtBot, empty_services: Services
) -> None:
    text = "🕊️ Peace 𝐓𝐫𝐮𝐜𝐞 🕊️\n\nThe parties shall cease all hostilities by 1 May 2020.\n"
    excerpt = "The parties shall cease all hostilities by 1 May 2020."
    start = text.index(excerpt)
    found = ExtractedProvision(start=start, end=start + len(excerpt), excerpt=excerpt,
                               kind=Kind.CEASEFIRE, summary="Cease hostilities", deadline=date(2020, 5, 1))
    candidate = ImportCandidate(AgreementDraft(title="Truce", text=text),
                                Extraction(signed_on=None, signed_on_source="unknown", provisions=(found,)))
    review = ReviewDialog(candidate, empty_services, extract_text=ENGINE)
    qtbot.addWidget(review)
    review.show()

    selections = review.preview.extraSelections()
    assert [selection.cursor.selectedText() for selection in selections] == [excerpt]


def test_size_and_column_widths_are_remembered(
    qtbot: QtBot, tmp_path: Path, empty_services: Services
) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    candidate = ImportCandidate(AgreementDraft(title="Memorandum", text=TEXT), extraction_for(SIGNED))

    first = ReviewDialog(candidate, empty_services, extract_text=ENGINE, settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.view.setColumnWidth(ReviewColumn.SUMMARY, 333)
    qtbot.mouseClick(first.cancel_button, Qt.MouseButton.LeftButton)
    assert not first.isVisible()

    again = ReviewDialog(candidate, empty_services, extract_text=ENGINE, settings=settings)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (700, 500)
    assert again.view.columnWidth(ReviewColumn.SUMMARY) == 333


def test_enter_right_after_a_date_change_saves_the_recomputed_deadlines(
    qtbot: QtBot, dialog: ReviewDialog, empty_services: Services
) -> None:
    dialog.signed_on_edit.setDate(QDate(2018, 9, 27))
    assert dialog.is_recomputing()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
        assert not dialog.save_button.isEnabled()

    withdrawal = empty_services.list_provisions()[1]
    assert withdrawal.deadline == date(2018, 10, 27)
    assert empty_services.list_agreements()[0].signed_on == date(2018, 9, 27)
