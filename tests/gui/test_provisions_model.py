"""The provisions table model: Qt's model tester, filtering and sorting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lakeside import TRUCE_AS_OF
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from tracker.domain import Kind, ProvisionRecord, Status
from tracker.gui.provision_rows import Column, ProvisionFilter, provision_row
from tracker.gui.provisions_model import ProvisionTableModel, Role
from tracker.services import Services


def table(records: Sequence[ProvisionRecord], as_of: date = TRUCE_AS_OF) -> ProvisionTableModel:
    model = ProvisionTableModel(as_of)
    model.set_rows([provision_row(record, as_of) for record in records], as_of)
    return model


def shown_ids(model: ProvisionTableModel) -> list[int]:
    return [model.index(row, 0).data(Role.PROVISION_ID) for row in range(model.rowCount())]


def test_the_table_model_passes_the_model_tester(qtmodeltester: ModelTester, services: Services) -> None:
    model = table(services.list_provisions())
    qtmodeltester.check(model, force_py=True)
    model.sort(Column.COUNTDOWN, Qt.SortOrder.DescendingOrder)
    model.set_filter(ProvisionFilter(text="shall"))
    later = date(2020, 4, 2)
    model.set_rows([provision_row(record, later) for record in services.list_provisions()], later)
    changed = services.set_status(model.row_at(0).record.id, Status.COMPLIED, TRUCE_AS_OF)
    assert model.replace_row(provision_row(changed, later))
    qtmodeltester.check(model, force_py=True)


def test_filters_combine_and_typing_on_narrows(services: Services) -> None:
    model = table(services.list_provisions())
    model.set_filter(ProvisionFilter(text="shall"))
    assert model.rowCount() == 4
    model.set_filter(ProvisionFilter(text="shall be w"))
    assert [model.row_at(row).record.summary for row in range(model.rowCount())] == [
        "Withdraw tanks and artillery 15 km"
    ]
    model.set_filter(ProvisionFilter(text="shall", kind=Kind.PATROL))
    assert [model.row_at(0).record.kind] == [Kind.PATROL] and model.rowCount() == 1
    model.set_filter(ProvisionFilter(status=Status.COMPLIED))
    assert model.rowCount() == 0
    model.set_filter(ProvisionFilter(overdue_only=True))
    assert [model.row_at(row).record.summary for row in range(model.rowCount())] == ["Cease hostilities"]


def test_a_changed_row_stays_until_the_filter_changes(services: Services) -> None:
    model = table(services.list_provisions())
    model.set_filter(ProvisionFilter(status=Status.PENDING))
    target = model.row_at(1).record
    changed = services.set_status(target.id, Status.COMPLIED, TRUCE_AS_OF)
    model.replace_row(provision_row(changed, TRUCE_AS_OF))
    assert target.id in shown_ids(model)
    assert model.index(model.row_of(target.id) or 0, Column.STATUS).data() == "Complied"
    model.set_filter(ProvisionFilter(status=Status.COMPLIED))
    assert shown_ids(model) == [target.id]


def test_sorting_keeps_the_selected_provision(services: Services) -> None:
    model = table(services.list_provisions())
    held = QPersistentModelIndex(model.index(0, 0))
    held_id = model.index(0, 0).data(Role.PROVISION_ID)
    model.sort(Column.SUMMARY, Qt.SortOrder.DescendingOrder)
    assert held.data(Role.PROVISION_ID) == held_id
    assert held.row() != 0
    model.sort(-1)
    assert held.row() == 0


def test_removing_and_adding_rows(services: Services) -> None:
    records = services.list_provisions()
    model = table(records[:3])
    model.sort(Column.SUMMARY, Qt.SortOrder.AscendingOrder)
    assert model.remove_provision(records[0].id)
    assert records[0].id not in shown_ids(model) and model.rowCount() == 2
    model.insert_row(provision_row(records[3], TRUCE_AS_OF))
    assert shown_ids(model)[-1] == records[3].id
    assert model.row_of(records[3].id) == 2


def test_another_date_keeps_the_search_working_on_the_same_provisions(services: Services) -> None:
    records = services.list_provisions()
    model = table(records)
    model.set_filter(ProvisionFilter(text="prisoners"))
    assert [model.row_at(0).record.summary] == ["Exchange prisoners"] and model.rowCount() == 1
    later = date(2020, 4, 29)
    model.set_rows([provision_row(record, later) for record in records], later)
    assert model.rowCount() == 1
    assert model.index(0, Column.COUNTDOWN).data() == "tomorrow"

    # A provision edited meanwhile is found by its new summary after the date changes again.
    target = next(record for record in records if record.summary == "Start joint patrols")
    edited = services.update_provision(target.id, target.version, summary="Escort prisoners on joint patrols")
    model.replace_row(provision_row(edited, later))
    latest = [edited if record.id == edited.id else record for record in records]
    model.set_rows([provision_row(record, TRUCE_AS_OF) for record in latest], TRUCE_AS_OF)
    assert sorted(model.row_at(row).record.summary for row in range(model.rowCount())) == [
        "Escort prisoners on joint patrols",
        "Exchange prisoners",
    ]
    assert model.row_of(edited.id) is not None
