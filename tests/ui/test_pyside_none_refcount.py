"""Guards against the PySide6 release that drops a reference to None on every void call.

PySide6 6.12.0 on Python 3.11 loses one reference to None per Qt call that returns
nothing; after a few thousand the interpreter aborts with "deallocating None".
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QLineEdit

CALLS = 10_000


def test_ten_thousand_void_qt_calls_keep_none_alive(qtbot) -> None:
    label = QLabel()
    field = QLineEdit()
    qtbot.addWidget(label)
    qtbot.addWidget(field)
    before = sys.getrefcount(None)
    for number in range(CALLS):
        label.setText(str(number))
        field.clear()
    after = sys.getrefcount(None)
    # A leaking build is off by 20,000; ordinary interpreter noise is a handful.
    assert abs(after - before) < 100
