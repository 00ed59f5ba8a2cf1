"""The window keeps every name its helpers rely on (ui/window_contract.py)."""

from __future__ import annotations

from recipe_manager.ui.window_contract import RecipeWindow


def test_the_main_window_is_what_its_helpers_expect(window) -> None:
    assert isinstance(window, RecipeWindow)
    for helper in (window.editing, window.transfer, window.kitchen, window.cooks):
        assert isinstance(helper._window, RecipeWindow)


def test_status_messages_are_shown_as_plain_text(window) -> None:
    window.show_status("Saved “<b>Pie</b>”", 5000)
    assert window.statusBar().currentMessage() == "Saved “<b>Pie</b>”"
