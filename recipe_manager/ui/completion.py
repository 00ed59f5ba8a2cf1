"""Offering what the library already uses as the cook types: tags, cuisines, methods.

The values come from the list's cheap summary documents (no recipe is parsed). A tags
field holds several, comma separated: the completer completes the one being typed and
keeps the others.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


def values_in_use(library: Any, field: str) -> list[str]:
    """Every distinct value of `field` ("tags", "cuisine", "method") in the library, sorted."""
    found: dict[str, str] = {}
    for summary in library.summaries():
        document = getattr(summary, "document", None) or {}
        value = document.get(field)
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str) and item.strip():
                found.setdefault(item.strip().casefold(), item.strip())
    return sorted(found.values(), key=str.casefold)


class ListCompleter(QCompleter):
    """Completes the last comma-separated entry of a line edit ("pork, wee" → "weekend")."""

    def __init__(self, values: list[str], edit: QLineEdit, separated: bool) -> None:
        # The model is parented: an unowned one would be freed by Python under the completer.
        super().__init__(QStringListModel(values, edit), edit)
        self._separated = separated
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setWidget(edit)
        self._edit = edit
        edit.textEdited.connect(self._typed)
        self.activated.connect(self._chosen)

    def _typed(self, text: str) -> None:
        prefix = text.rsplit(",", 1)[-1].strip() if self._separated else text.strip()
        if not prefix:
            self.popup().hide()
            return
        self.setCompletionPrefix(prefix)
        if self.completionCount():
            self.complete()
        else:
            self.popup().hide()

    def _chosen(self, value: str) -> None:
        text = self._edit.text()
        if self._separated and "," in text:
            head = text.rsplit(",", 1)[0]
            self._edit.setText(f"{head}, {value}")
        else:
            self._edit.setText(value)


def offer_values(edit: QLineEdit, values: list[str], separated: bool = False) -> ListCompleter:
    """Attach a completer offering `values` to `edit` (comma-separated entries if `separated`)."""
    completer = ListCompleter(values, edit, separated)
    edit.setProperty("offeredValues", values)
    return completer
