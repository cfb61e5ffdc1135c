"""Describes a provision the extraction missed, from text the user selected in the source view."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from tracker.domain import ExtractedProvision, Facets, Kind
from tracker.errors import InvalidInput
from tracker.gui.editing import ProvisionFields
from tracker.gui.naming import named
from tracker.gui.provision_form import ProvisionForm
from tracker.gui.widget_parts import ok_cancel_buttons

_SUMMARY_LENGTH = 120


def suggested_summary(excerpt: str) -> str:
    flat = " ".join(excerpt.split())
    return flat if len(flat) <= _SUMMARY_LENGTH else flat[: _SUMMARY_LENGTH - 1].rstrip() + "…"


class NewProvisionDialog(QDialog):
    def __init__(
        self, agreement_id: int, start: int, end: int, excerpt: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newProvisionDialog")
        self.setWindowTitle("New provision from selection")
        self.agreement_id = agreement_id
        self._start = start
        self._end = end
        self._excerpt = excerpt
        quoted = named("newProvisionExcerpt", QPlainTextEdit(excerpt, readOnly=True))
        quoted.setFixedHeight(quoted.fontMetrics().lineSpacing() * 5)
        self.form = ProvisionForm(self)
        self.form.set_fields(ProvisionFields(Kind.OTHER, suggested_summary(excerpt), None, None, Facets()))
        self.error = named("newProvisionError", QLabel(wordWrap=True))
        self.error.hide()
        buttons = ok_cancel_buttons("newProvision", "Add provision")
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Selected text"))
        layout.addWidget(quoted)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        self._provision: ExtractedProvision | None = None

    def provision(self) -> ExtractedProvision:
        """The provision described (valid once the dialog is accepted)."""
        assert self._provision is not None
        return self._provision

    def _accept_if_valid(self) -> None:
        try:
            fields = self.form.fields()
        except InvalidInput as error:
            self.error.setText(f"Not added: {error}.")
            self.error.show()
            return
        self._provision = ExtractedProvision(
            start=self._start,
            end=self._end,
            excerpt=self._excerpt,
            kind=fields.kind,
            summary=fields.summary,
            deadline=fields.deadline,
            deadline_text=fields.deadline_text,
            facets=fields.facets,
        )
        self.accept()
