"""The main window: the recipe list with search, and the selected recipe to cook from."""

from __future__ import annotations

import threading
from fractions import Fraction
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..storage import LibraryError
from .after_paint import after_next_paint
from .editing import RecipeEditing
from .kitchen import Kitchen
from .recipe_list_model import RECIPE_ID_ROLE, RecipeFilterProxy, RecipeListModel
from .servings_spin import ServingsSpinBox
from .transfer import RecipeTransfer

if TYPE_CHECKING:
    from ..domain import Recipe
    from ..storage import RecipeLibrary
    from .library_guard import LibraryGuard
    from .recipe_html import Colours

UNIT_SYSTEMS = (("As written", "original"), ("Metric", "metric"), ("US", "us"))
DEFAULT_FONT_SIZE = 13
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 40
LIGHT_ACCENT, DARK_ACCENT = "#a33b20", "#f2a488"  # terracotta, readable on either theme
LIST_LAYOUT_BATCH = 500
LIST_FONT_SCALE = 1.15  # titles readable from a step back
SEARCH_INDEX_SLICE = 500  # recipes folded per idle moment, a few milliseconds
COLUMN_WIDTH_PER_POINT = 58  # pixels of pane per point of type before two columns fit


class MainWindow(QMainWindow):
    """Lists the library's recipes and shows the selected one, scaled and converted."""

    library_loaded = Signal()

    def __init__(self, library_path: Path, seed_file: Path | None, settings: QSettings) -> None:
        super().__init__()
        self.library_path = library_path
        self.library: RecipeLibrary | None = None
        self.guard: LibraryGuard | None = None
        self._seed_file = seed_file
        self._settings = settings
        self._recipe: Recipe | None = None
        self._side_by_side = False
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.setWindowTitle("Recipe Manager")
        self.resize(1180, 760)

        self.editing = RecipeEditing(self)
        self.transfer = RecipeTransfer(self)
        self.kitchen = Kitchen(self)
        self.list_model = RecipeListModel(self)
        self.proxy = RecipeFilterProxy(self.list_model, self)
        self._build_widgets()
        self._build_actions()
        self._restore_view_settings()
        self._show_nothing_selected()

    # Building ------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.banner = QLabel(objectName="libraryBanner", wordWrap=True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; padding: 10px;"
            " border-bottom: 1px solid #e0c36c; }"
        )
        self.banner.hide()

        self.search_field = QLineEdit(objectName="searchField")
        self.search_field.setPlaceholderText("Search titles, ingredients, tags…")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName("Search recipes")
        self.search_field.textChanged.connect(self._search_changed)

        self.recipe_list = QListView(objectName="recipeList")
        self.recipe_list.setModel(self.proxy)
        self.recipe_list.setUniformItemSizes(True)
        # Lay out 10,000 rows in batches while idle instead of all at once on every change.
        self.recipe_list.setLayoutMode(QListView.LayoutMode.Batched)
        self.recipe_list.setBatchSize(LIST_LAYOUT_BATCH)
        self.recipe_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recipe_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recipe_list.setAccessibleName("Recipes")
        list_font = self.recipe_list.font()
        list_font.setPointSizeF(list_font.pointSizeF() * LIST_FONT_SCALE)
        self.recipe_list.setFont(list_font)
        self.recipe_list.setSpacing(2)
        self.recipe_list.selectionModel().currentChanged.connect(self._current_changed)
        self.recipe_list.activated.connect(lambda _index: self.editing.edit_shown())

        self.count_label = QLabel(objectName="recipeCount")
        self.count_label.setAccessibleName("Number of recipes shown")
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        list_pane = QWidget()
        list_layout = QVBoxLayout(list_pane)
        list_layout.setContentsMargins(8, 8, 4, 8)
        list_layout.addWidget(self.search_field)
        list_layout.addWidget(self.recipe_list, 1)
        list_layout.addWidget(self.count_label)

        self.servings_label = QLabel("Servings")
        self.servings_spin = ServingsSpinBox(objectName="servingsSpin")
        self.servings_spin.setAccessibleName("Servings to cook")
        self.servings_spin.setMinimumWidth(110)
        self.servings_spin.valueChanged.connect(self._render)
        self.servings_label.setBuddy(self.servings_spin)
        self.reset_button = QToolButton(objectName="servingsReset", text="Reset")
        self.reset_button.setToolTip("Back to the recipe's own servings")
        self.reset_button.setAccessibleName("Reset servings")
        self.reset_button.clicked.connect(self._reset_servings)

        self.unit_label = QLabel("Units")
        self.unit_system = QComboBox(objectName="unitSystem")
        for label, system in UNIT_SYSTEMS:
            self.unit_system.addItem(label, system)
        self.unit_system.setAccessibleName("Unit system")
        self.unit_system.currentIndexChanged.connect(self._unit_system_changed)
        self.unit_label.setBuddy(self.unit_system)

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.servings_label)
        controls.addWidget(self.servings_spin)
        controls.addWidget(self.reset_button)
        controls.addSpacing(24)
        controls.addWidget(self.unit_label)
        controls.addWidget(self.unit_system)
        controls.addStretch(1)

        self.recipe_detail = QTextBrowser(objectName="recipeDetail")
        self.recipe_detail.setOpenLinks(False)
        self.recipe_detail.setOpenExternalLinks(False)
        self.recipe_detail.setAccessibleName("Recipe")
        self.recipe_detail.anchorClicked.connect(self.kitchen.start_timer)
        self.recipe_detail.document().setDocumentMargin(16)

        detail_pane = QWidget()
        detail_layout = QVBoxLayout(detail_pane)
        detail_layout.setContentsMargins(4, 8, 8, 8)
        detail_layout.addLayout(controls)
        detail_layout.addWidget(self.recipe_detail, 1)

        self.splitter = QSplitter(objectName="mainSplitter")
        self.splitter.addWidget(list_pane)
        self.splitter.addWidget(detail_pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 860])
        self.splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.path_label = QLabel(str(self.library_path), objectName="libraryPath")
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.path_label)
        self.setTabOrder(self.search_field, self.recipe_list)
        self.setTabOrder(self.recipe_list, self.servings_spin)
        self.setTabOrder(self.servings_spin, self.reset_button)
        self.setTabOrder(self.reset_button, self.unit_system)
        self.setTabOrder(self.unit_system, self.recipe_detail)
        self.search_field.installEventFilter(self)
        self.recipe_detail.viewport().installEventFilter(self)

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.action_new = self._action(
            "actionNewRecipe", "&New Recipe…", QKeySequence.StandardKey.New
        )
        self.action_import = self._action("actionImport", "&Import…", QKeySequence.StandardKey.Open)
        self.action_paste_import = self._action(
            "actionPasteImport", "Import from &Clipboard", "Ctrl+Shift+V"
        )
        self.action_import_url = self._action(
            "actionImportUrl", "Import from &Web Address…", "Ctrl+Shift+O"
        )
        self.action_import_url.triggered.connect(self.transfer.import_from_url)
        self.action_export = self._action("actionExport", "&Export…", "Ctrl+Shift+E")
        self.action_print = self._action("actionPrint", "&Print…", QKeySequence.StandardKey.Print)
        self.action_quit = self._action("actionQuit", "&Quit", QKeySequence.StandardKey.Quit)
        self.action_quit.triggered.connect(self.close)
        self.action_new.triggered.connect(lambda: self.editing.open_editor(None))
        self.action_import.triggered.connect(self.transfer.import_from_files)
        self.action_paste_import.triggered.connect(self.transfer.import_from_clipboard)
        self.action_export.triggered.connect(self.transfer.export)
        self.action_print.triggered.connect(self.transfer.print_shown)
        file_menu.addActions(
            [
                self.action_new,
                self.action_import,
                self.action_import_url,
                self.action_paste_import,
                self.action_export,
            ]
        )
        file_menu.addSeparator()
        self.action_restore = self._action("actionRestoreBackup", "&Restore Backup…")
        self.action_restore.triggered.connect(lambda: self.guard.choose_backup())
        file_menu.addAction(self.action_restore)
        file_menu.addSeparator()
        file_menu.addAction(self.action_print)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.action_edit = self._action("actionEditRecipe", "&Edit Recipe…", "Ctrl+E")
        self.action_duplicate = self._action("actionDuplicateRecipe", "D&uplicate Recipe", "Ctrl+D")
        self.action_delete = self._action(
            "actionDeleteRecipe", "&Delete Recipe", QKeySequence.StandardKey.Delete
        )
        self.action_edit.setShortcuts([QKeySequence("Ctrl+E")])
        self.action_edit.triggered.connect(self.editing.edit_shown)
        self.action_duplicate.triggered.connect(self.editing.duplicate_shown)
        self.action_delete.triggered.connect(self.editing.delete_shown)
        self.action_undo = self.editing.undo_stack.createUndoAction(self, "&Undo")
        self.action_undo.setObjectName("actionUndo")
        self.action_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.action_redo = self.editing.undo_stack.createRedoAction(self, "&Redo")
        self.action_redo.setObjectName("actionRedo")
        self.action_redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([self.action_undo, self.action_redo])
        self.undo_button = QToolButton(objectName="statusUndo")
        self.undo_button.setDefaultAction(self.action_undo)
        self.undo_button.setAutoRaise(True)
        self.undo_button.setVisible(False)
        self.editing.undo_stack.canUndoChanged.connect(self.undo_button.setVisible)
        self.statusBar().insertPermanentWidget(0, self.undo_button)
        edit_menu.addSeparator()
        edit_menu.addActions([self.action_edit, self.action_duplicate, self.action_delete])
        edit_menu.addSeparator()
        self.action_find = self._action("actionFind", "&Find…", QKeySequence.StandardKey.Find)
        self.action_find.triggered.connect(self._focus_search)
        edit_menu.addAction(self.action_find)

        view_menu = self.menuBar().addMenu("&View")
        self.action_zoom_in = self._action(
            "actionZoomIn", "Zoom &In", QKeySequence.StandardKey.ZoomIn
        )
        self.action_zoom_in.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.action_zoom_out = self._action(
            "actionZoomOut", "Zoom &Out", QKeySequence.StandardKey.ZoomOut
        )
        self.action_zoom_reset = self._action("actionZoomReset", "&Actual Size", "Ctrl+0")
        self.action_zoom_in.triggered.connect(lambda: self.set_font_size(self._font_size + 1))
        self.action_zoom_out.triggered.connect(lambda: self.set_font_size(self._font_size - 1))
        self.action_zoom_reset.triggered.connect(lambda: self.set_font_size(DEFAULT_FONT_SIZE))
        view_menu.addActions([self.action_zoom_in, self.action_zoom_out, self.action_zoom_reset])
        view_menu.addSeparator()
        units_menu = view_menu.addMenu("&Units")
        self.unit_actions = QActionGroup(self)
        for index, (label, system) in enumerate(UNIT_SYSTEMS):
            action = self._action(f"actionUnits_{system}", label, f"Ctrl+{index + 1}")
            action.setCheckable(True)
            action.setData(system)
            action.triggered.connect(lambda _=False, i=index: self.unit_system.setCurrentIndex(i))
            self.unit_actions.addAction(action)
            units_menu.addAction(action)

        kitchen_menu = self.menuBar().addMenu("&Kitchen")
        self.action_cook = self._action("actionCookMode", "&Cook Mode", "F11")
        self.action_cook.triggered.connect(self.kitchen.open_cook_mode)
        self.action_shopping = self._action("actionShoppingList", "&Shopping List…", "Ctrl+L")
        self.action_shopping.triggered.connect(self.kitchen.open_shopping_list)
        self.action_add_to_shopping = self._action(
            "actionAddToShoppingList", "&Add to Shopping List", "Ctrl+Shift+L"
        )
        self.action_add_to_shopping.triggered.connect(self.kitchen.add_shown_recipe)
        self.action_timers = self._action("actionTimers", "Show &Timers", "Ctrl+T")
        self.action_timers.triggered.connect(lambda: self.kitchen.timers_dock().show())
        kitchen_menu.addActions(
            [self.action_cook, self.action_shopping, self.action_add_to_shopping]
        )
        kitchen_menu.addSeparator()
        kitchen_menu.addAction(self.action_timers)
        toolbar = self.addToolBar("Kitchen")
        toolbar.setObjectName("kitchenToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.action_new, self.action_edit, self.action_cook])
        toolbar.addSeparator()
        toolbar.addActions([self.action_shopping, self.action_add_to_shopping])

        help_menu = self.menuBar().addMenu("&Help")
        self.action_about = self._action("actionAbout", "&About Recipe Manager")
        self.action_about.triggered.connect(self._show_about)
        help_menu.addAction(self.action_about)

    def _action(
        self, name: str, text: str, shortcut: QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    # Loading -------------------------------------------------------------------------------

    def load_library(self) -> None:
        """Open (or create and seed) the library. A bad file is moved aside and reported, a
        library another window holds opens read-only; the window opens in every case."""
        from ..storage import open_library_safely
        from .library_guard import LibraryGuard

        try:
            result = open_library_safely(self.library_path, self._seed_file)
        except LibraryError as error:
            self.library = None
            self.show_banner(
                f"{error}\nNothing was changed on disk. The window is empty and read-only "
                "until the library can be opened."
            )
            self.statusBar().showMessage("The library could not be opened", 0)
            return
        self.library = result.library
        notes = [text for text in (result.problem, result.read_only_reason) if text]
        if notes:
            self.show_banner("\n".join(notes))
        self.guard = LibraryGuard(
            self,
            self.library,
            refresh=self.refresh_list,
            report=self.show_banner,
            clear_report=self.banner.hide,
            notify=lambda message: self.statusBar().showMessage(message, 8000),
        )
        if result.newest_backup is not None:
            QTimer.singleShot(0, lambda: self.guard.offer_restore(result.newest_backup))
        else:
            QTimer.singleShot(0, self.guard.offer_conflict_merges)
        self.list_model.set_recipes(self.library.summaries())
        self._update_actions()
        self.statusBar().showMessage(f"{len(self.library)} recipes loaded", 5000)
        if self.isVisible():
            after_next_paint(self.recipe_list.viewport(), self._after_list_shown)
        else:
            self._after_list_shown()
        self.library_loaded.emit()

    def _after_list_shown(self) -> None:
        """What can wait until the list is on screen: the recipe, search, units."""
        self._select_last_recipe()
        QTimer.singleShot(0, self._prepare_search)
        from ..domain.units import warm_up

        threading.Thread(target=warm_up, name="pint-warm-up", daemon=True).start()

    def _prepare_search(self) -> None:
        """Fold the search index a slice at a time while idle, never a long pause at once."""
        if not self.list_model.prepare_search_texts(SEARCH_INDEX_SLICE):
            QTimer.singleShot(0, self._prepare_search)

    def load_library_after_first_paint(self) -> None:
        """Read the library only once the window is on screen: a large one never delays it."""
        after_next_paint(self, self.load_library)

    def show_banner(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()

    def _select_last_recipe(self) -> None:
        if self.proxy.rowCount() == 0 or self.recipe_list.currentIndex().isValid():
            return
        wanted = self._settings.value("view/last_recipe", "", str)
        source_row = self.list_model.row_of(wanted) if wanted else None
        proxy_index = (
            self.proxy.mapFromSource(self.list_model.index(source_row))
            if source_row is not None
            else self.proxy.index(0, 0)
        )
        if not proxy_index.isValid():
            proxy_index = self.proxy.index(0, 0)
        self.recipe_list.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.recipe_list.scrollTo(proxy_index)

    # Showing a recipe ----------------------------------------------------------------------

    def _current_changed(self, current, _previous) -> None:
        if not current.isValid() or self.library is None:
            return
        recipe_id = current.data(RECIPE_ID_ROLE)
        if self._recipe is not None and self._recipe.id == recipe_id:
            return
        try:
            self._recipe = self.library.get(recipe_id)
        except LibraryError as error:
            self.statusBar().showMessage(str(error), 10000)
            return
        self._settings.setValue("view/last_recipe", recipe_id)
        self._configure_servings(self._recipe)
        self._update_actions()
        self._render()

    def _configure_servings(self, recipe: Recipe) -> None:
        """A recipe with servings scales by servings; one without, in batches from ×½."""
        self.servings_spin.start_at(recipe.servings)
        if recipe.servings:
            self.servings_label.setText("Servings")
            self.servings_spin.setAccessibleName("Servings to cook")
        else:
            self.servings_label.setText("Batches")
            self.servings_spin.setAccessibleName("Batches to cook (no servings stated)")
        self.servings_spin.setEnabled(True)
        self.reset_button.setEnabled(True)

    @property
    def current_recipe(self) -> Recipe | None:
        """The recipe on show, as stored (the servings and units shown are not in it)."""
        return self._recipe

    def scale_factor(self) -> Fraction:
        """How much to multiply every quantity by, from the spinner."""
        return Fraction(1) if self._recipe is None else self.servings_spin.factor()

    def unit_system_name(self) -> str:
        return self.unit_system.currentData() or "original"

    def _render(self) -> None:
        if self._recipe is None:
            return
        # The renderer pulls in the quantity engine: loaded with the first recipe, not at start.
        from .recipe_html import recipe_html

        scroll = self.recipe_detail.verticalScrollBar().value()
        colours = self._colours()
        self.recipe_detail.document().setDefaultStyleSheet(
            f"a {{ color: {colours.accent}; font-weight: bold; }}"
        )
        self._side_by_side = self._wide_enough_for_columns()
        self.recipe_detail.setHtml(
            recipe_html(
                self._recipe,
                self.scale_factor(),
                self.unit_system_name(),
                colours,
                side_by_side=self._side_by_side,
                timer_links=True,
                photo=self.library.media_path(self._recipe.image) if self.library else None,
            )
        )
        self.recipe_detail.verticalScrollBar().setValue(scroll)
        self.setWindowTitle(f"{self._recipe.title} — Recipe Manager")

    def _wide_enough_for_columns(self) -> bool:
        """Ingredients beside the steps once the pane holds two comfortable columns."""
        return self.recipe_detail.viewport().width() >= self._font_size * COLUMN_WIDTH_PER_POINT

    def _show_nothing_selected(self) -> None:
        self._update_actions()
        self.servings_spin.setEnabled(False)
        self.reset_button.setEnabled(False)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.recipe_detail.setHtml(f"<p style='color:{muted}'>Choose a recipe from the list.</p>")

    def _colours(self) -> Colours:
        from .recipe_html import Colours

        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        return Colours(
            muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
            accent=DARK_ACCENT if dark else LIGHT_ACCENT,
        )

    def _reset_servings(self) -> None:
        if self._recipe is not None:
            self.servings_spin.reset()

    def _unit_system_changed(self, index: int) -> None:
        system = self.unit_system.itemData(index)
        self._settings.setValue("view/unit_system", system)
        for action in self.unit_actions.actions():
            action.setChecked(action.data() == system)
        self._render()

    # Changing the library ------------------------------------------------------------------

    def refresh_list(self) -> None:
        """Reload the list from the library, keeping the recipe on show when it still exists."""
        if self.library is None:
            return
        shown = self._recipe.id if self._recipe is not None else None
        self.list_model.set_recipes(self.library.summaries())
        self._recipe = None
        if shown is not None and shown in self.library:
            self._settings.setValue("view/last_recipe", shown)
        self._select_last_recipe()
        self._update_actions()
        QTimer.singleShot(0, self._prepare_search)

    def _update_actions(self) -> None:
        writable = self.library is not None and not self.library.read_only
        self.action_restore.setEnabled(writable)
        shown = self._recipe is not None
        for action in (
            self.action_new,
            self.action_import,
            self.action_import_url,
            self.action_paste_import,
        ):
            action.setEnabled(writable)
        for action in (self.action_edit, self.action_duplicate, self.action_delete):
            action.setEnabled(writable and shown)
        self.action_export.setEnabled(writable)
        self.action_shopping.setEnabled(writable)
        for action in (self.action_print, self.action_cook, self.action_add_to_shopping):
            action.setEnabled(shown)

    def show_recipe_in_list(self, recipe: Recipe) -> None:
        """Put the stored recipe in the list (new or moved by a new title) and select it."""
        assert self.library is not None
        row = self.list_model.replace_recipe(self.library.summary(recipe.id))
        self._recipe = None
        proxy_index = self.proxy.mapFromSource(self.list_model.index(row))
        if not proxy_index.isValid():
            self.search_field.clear()
            proxy_index = self.proxy.mapFromSource(self.list_model.index(row))
        self.recipe_list.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.recipe_list.scrollTo(proxy_index)

    def remove_recipe_from_list(self, recipe_id: str) -> None:
        self.list_model.remove_recipe(recipe_id)
        if self._recipe is not None and self._recipe.id == recipe_id:
            self._recipe = None
            self._show_nothing_selected()
            self._select_last_recipe()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if self.library is not None and urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.transfer.import_dropped(paths)

    # Search --------------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self.proxy.set_query(text)

    def _focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Escape clears the search; Down moves into the list; a resize may change columns."""
        if (
            watched is self.recipe_detail.viewport()
            and event.type() == QEvent.Type.Resize
            and self._recipe is not None
            and self._wide_enough_for_columns() != self._side_by_side
        ):
            self._render()
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.search_field.text():
                self.search_field.clear()
                return True
            if event.key() == Qt.Key.Key_Down and self.proxy.rowCount():
                self.recipe_list.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.recipe_list.currentIndex().isValid():
                    self.recipe_list.setCurrentIndex(self.proxy.index(0, 0))
                return True
        return super().eventFilter(watched, event)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.list_model.rowCount()
        noun = "recipe" if total == 1 else "recipes"
        self.count_label.setText(
            f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}"
        )

    # View settings -------------------------------------------------------------------------

    def set_font_size(self, size: int) -> None:
        self._font_size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))
        font = self.recipe_detail.font()
        font.setPointSize(self._font_size)
        self.recipe_detail.setFont(font)
        self.recipe_detail.document().setDefaultFont(font)
        self._settings.setValue("view/font_size", self._font_size)

    def _restore_view_settings(self) -> None:
        self.set_font_size(self._settings.value("view/font_size", DEFAULT_FONT_SIZE, int))
        system = self._settings.value("view/unit_system", "original", str)
        index = max(0, self.unit_system.findData(system))
        self.unit_system.setCurrentIndex(index)
        self.unit_actions.actions()[index].setChecked(True)
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = self._settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A switch between the system's light and dark themes recolours the recipe."""
        if event.type() == QEvent.Type.PaletteChange:
            self._render()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.library is not None:
            self.library.close()  # lets another window on this library save again
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._settings.sync()
        super().closeEvent(event)

    def _show_about(self) -> None:
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle("About Recipe Manager")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<h3>Recipe Manager {escape(__version__)}</h3>"
            "<p>Scale, convert and keep your recipes.</p>"
            f"<p>Library: {escape(str(self.library_path))}</p>"
        )
        box.open()
