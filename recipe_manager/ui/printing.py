"""Printing and PDF of one recipe as the detail pane shows it (servings, unit system).

The detail pane's HTML is reused; where the page is wide enough each part's ingredients
stand beside its steps, and the text is made smaller (down to a readable limit) until the
recipe fits on one page.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ..domain import Recipe, View
from ..domain.display import display_line
from .recipe_html import Colours, recipe_html

_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
PRINT_COLOURS = Colours(muted="#555555", accent="#8a2f18")
SIDE_BY_SIDE_MIN_POINTS = 400  # about 14 cm of usable width
FONT_POINTS = (11.0, 10.0, 9.0, 8.5, 8.0)


def recipe_document(recipe: Recipe, view: View, page_size: QSizeF) -> QTextDocument:
    """The recipe laid out for a page of `page_size` points, on one page if it fits."""
    side_by_side = page_size.width() >= SIDE_BY_SIDE_MIN_POINTS
    html = recipe_html(recipe, view, PRINT_COLOURS, side_by_side)
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setPageSize(page_size)
    for points in FONT_POINTS:
        font = QFont()
        font.setPointSizeF(points)
        document.setDefaultFont(font)
        document.setHtml(html)
        if document.pageCount() <= 1:
            break
    return document


def print_recipe(recipe: Recipe, view: View, printer: QPrinter) -> None:
    page = printer.pageLayout().paintRect(QPageLayout.Unit.Point).size()
    recipe_document(recipe, view, page).print_(printer)


def pdf_printer(path: str | Path, title: str = "") -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)  # the PDF's title
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    return printer


def save_pdf(recipe: Recipe, view: View, path: str | Path) -> None:
    print_recipe(recipe, view, pdf_printer(path, recipe.title))


def file_stem(title: str) -> str:
    """The recipe's title as a file name: characters no file system takes become "-"."""
    stem = _UNSAFE_IN_FILE_NAMES.sub("-", title).strip(" .-")
    return stem[:120] or "Recipe"


def default_pdf_path(title: str) -> Path:
    """Where "Print to file" offers to save: the recipe's title in the home folder."""
    return Path.home() / f"{file_stem(title)}.pdf"


def _print_titled(recipe: Recipe, view: View, printer: QPrinter) -> None:
    printer.setDocName(display_line(recipe.title))  # the PDF's title and the print job's name
    print_recipe(recipe, view, printer)


def open_print_dialog(parent: QWidget, recipe: Recipe, view: View) -> QPrintDialog:
    """The system's print dialog, opened without blocking; prints when accepted."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    # Qt's dialog names its "print to file" PDF after the document: the title as a file
    # name, with ".pdf" so that a dot in the title is not taken for an extension.
    printer.setDocName(default_pdf_path(recipe.title).name)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setWindowTitle(f"Print {display_line(recipe.title)}")
    dialog.accepted.connect(lambda: _print_titled(recipe, view, printer))
    # PySide exposes only QPrintDialog's open(receiver, slot); the plain, non-blocking one is
    # QDialog's.
    QDialog.open(dialog)
    return dialog
