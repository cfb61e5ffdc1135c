"""The provisions table model and its filter proxy, checked with Qt's model tester."""

from __future__ import annotations

from datetime import date

from lakeside import TRUCE_AS_OF
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from tracker.domain import Status
from tracker.gui.provisions_model import Column, ProvisionTableModel, Role
from tracker.gui.provisions_proxy import ProvisionFilter, ProvisionFilterProxyModel
from tracker.services import Services


def test_the_table_model_passes_the_model_tester(qtmodeltester: ModelTester, services: Services) -> None:
    model = ProvisionTableModel(TRUCE_AS_OF)
    model.set_rows(services.list_provisions())
    qtmodeltester.check(model, force_py=True)
    model.sort(Column.COUNTDOWN, Qt.SortOrder.DescendingOrder)
    model.set_as_of(date(2020, 4, 2))
    changed = services.set_status(model.row_at(0).record.id, Status.COMPLIED, TRUCE_AS_OF)
    assert model.replace_record(changed)
    qtmodeltester.check(model, force_py=True)


def test_the_proxy_passes_the_model_tester_while_filtering(
    qtmodeltester: ModelTester, services: Services
) -> None:
    model = ProvisionTableModel(TRUCE_AS_OF)
    proxy = ProvisionFilterProxyModel(model)
    model.set_rows(services.list_provisions())
    proxy.set_filter(ProvisionFilter(text="shall"))
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 4
    proxy.set_filter(ProvisionFilter(status=Status.COMPLIED))
    assert proxy.rowCount() == 0
    changed = services.set_status(model.row_at(1).record.id, Status.COMPLIED, TRUCE_AS_OF)
    model.replace_record(changed)
    # The changed row now matches: the proxy re-checks just that row.
    assert [proxy.index(row, 0).data(Role.PROVISION_ID) for row in range(proxy.rowCount())] == [changed.id]


def test_sorting_keeps_the_selected_provision(services: Services) -> None:
    model = ProvisionTableModel(TRUCE_AS_OF)
    model.set_rows(services.list_provisions())
    held = QPersistentModelIndex(model.index(0, 0))
    held_id = model.index(0, 0).data(Role.PROVISION_ID)
    model.sort(Column.SUMMARY, Qt.SortOrder.DescendingOrder)
    assert held.data(Role.PROVISION_ID) == held_id
    assert held.row() != 0
    model.sort(-1)
    assert held.row() == 0
