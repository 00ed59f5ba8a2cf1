"""Remembered settings: read with their declared type, a damaged value falls back to the default."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from recipe_manager.ui.settings import ALL_SETTINGS, FONT_SIZE, UNIT_SYSTEM, WINDOW_GEOMETRY


def test_every_setting_reads_its_default_when_unset(qapp: object) -> None:
    settings = QSettings()
    for setting in ALL_SETTINGS:
        assert setting.read(settings) == setting.default


def test_written_values_come_back(qapp: object) -> None:
    settings = QSettings()
    FONT_SIZE.write(settings, 21)
    UNIT_SYSTEM.write(settings, "metric")
    WINDOW_GEOMETRY.write(settings, QByteArray(b"\x01\x02"))
    assert FONT_SIZE.read(settings) == 21
    assert UNIT_SYSTEM.read(settings) == "metric"
    assert WINDOW_GEOMETRY.read(settings) == QByteArray(b"\x01\x02")


def test_a_damaged_value_gives_the_default(qapp: object) -> None:
    settings = QSettings()
    settings.setValue(FONT_SIZE.key, "very big")
    settings.setValue(WINDOW_GEOMETRY.key, "not bytes")
    assert FONT_SIZE.read(settings) == FONT_SIZE.default
    assert WINDOW_GEOMETRY.read(settings) == WINDOW_GEOMETRY.default
