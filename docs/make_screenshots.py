"""Draw the README's pictures off screen from a fresh starter library: `make screenshots`."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from recipe_manager.app import build_main_window, create_application

DOCS = Path(__file__).resolve().parent


def settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def save(widget: QWidget, name: str) -> None:
    settle()
    target = DOCS / name
    if not widget.grab().save(str(target)):
        raise SystemExit(f"could not write {target}")
    print(f"wrote {target}")


def select(window, title: str) -> None:
    model = window.recipe_list.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == title:
            window.recipe_list.setCurrentIndex(model.index(row, 0))
            return
    raise SystemExit(f"{title!r} is not in the library")


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#2b2b2b"),
        (roles.Text, "#e6e6e6"),
        (roles.PlaceholderText, "#9a9a9a"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.Highlight, "#a33b20"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Mid, "#555555"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="recipe-manager-screenshots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    create_application(sys.argv[:1])
    window = build_main_window(folder / "recipes.json")
    window.resize(1180, 760)
    window.show()
    select(window, "Crispy Pork Belly")
    save(window, "screenshot.png")

    select(window, "Sweet Soy and Garlic Crispy Pork Belly")
    window.unit_system.setCurrentIndex(window.unit_system.findData("metric"))
    window.servings_spin.setValue(2)
    window.resize(760, 560)
    save(window, "screenshot-small-metric.png")

    window.resize(1180, 760)
    select(window, "Crispy Pork Belly")
    window.unit_system.setCurrentIndex(window.unit_system.findData("original"))
    window.action_edit.trigger()
    editor = window.findChild(QDialog, "recipeEditor")
    editor.resize(1100, 760)
    save(editor, "editor.png")
    editor.done(0)

    # Scaled to what the cook has: 1.4 kg of pork belly.
    from recipe_manager.domain.scale_to import scale_to_amount

    recipe = window.current_recipe
    belly = next(line for line in recipe.components[0].ingredients if "pork belly" in line.text)
    window.scale_to(scale_to_amount(belly, "1.4 kg"))
    save(window, "scale-to-amount.png")
    window.servings_spin.setValue(recipe.servings or 1)

    # The same window under a dark desktop theme (off screen there is no desktop to ask, so
    # the dark palette a desktop would hand over is set here).
    QApplication.setStyle("Fusion")
    QApplication.setPalette(dark_palette())
    select(window, "Sweet Soy and Garlic Crispy Pork Belly")
    window.unit_system.setCurrentIndex(window.unit_system.findData("us"))
    save(window, "screenshot-dark-us.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
