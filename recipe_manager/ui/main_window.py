"""The main window: the recipe list with search, and the selected recipe to cook from."""

from __future__ import annotations

import threading
from dataclasses import replace
from fractions import Fraction
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QActionGroup, QKeySequence, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..domain.display import display_line, recipes_counted
from ..domain.view import UnitSystem, View
from ..storage import LibraryError, LibraryMissingError
from .actions import build_actions, make_action
from .after_paint import after_next_paint
from .browse import ALL, BrowsePanel
from .cooks import CooksFeatures
from .editing import RecipeEditing
from .kitchen import Kitchen
from .plain import plain_tooltip
from .recipe_list_model import RECIPE_ID_ROLE, SORT_ORDERS, RecipeFilterProxy, RecipeListModel
from .recipe_view import RecipeView
from .screen_fit import fit_to_screen, keep_on_screen
from .servings_spin import ServingsSpinBox
from .settings import (
    BROWSE_SHOWN,
    FONT_SIZE,
    LAST_RECIPE,
    LIST_SORT,
    UNIT_SYSTEM,
    WEIGH_DRY,
    WINDOW_GEOMETRY,
    WINDOW_SPLITTER,
)
from .transfer import RecipeTransfer

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..domain import Ingredient, Recipe
    from ..domain.formatting import LineContext
    from ..domain.scale_to import ScaleTo
    from ..storage import RecipeLibrary
    from .library_guard import LibraryGuard
    from .recipe_html import Colours
    from .recipe_list_delegate import RecipeRowDelegate

DEFAULT_FONT_SIZE = FONT_SIZE.default
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 40
LIGHT_ACCENT, DARK_ACCENT = "#a33b20", "#f2a488"  # terracotta, readable on either theme
LIST_LAYOUT_BATCH = 500
LIST_FONT_SCALE = 1.15  # titles readable from a step back
SEARCH_INDEX_SLICE = 500  # recipes folded per idle moment, a few milliseconds
COLUMN_WIDTH_PER_POINT = 58  # pixels of pane per point of type before two columns fit
WINDOW_SIZE = QSize(1180, 760)  # at first start, or the screen's usable area if smaller
REMEMBER_AFTER_MS = 2_000  # the recipe on show is written to the settings this long after
BLOCKWISE_LINES = 300  # a recipe with more lines is shown a screenful at a time
MAX_REMEMBERED_LINES = 200_000  # formatted lines kept for servings and units already shown
PHOTO_TALLEST = 1.5  # a portrait photo's thumbnail is at most this much taller than wide


#: A change to at most this many recipes updates the list row by row; more rebuild it.
INCREMENTAL_CHANGES = 200


class MainWindow(QMainWindow):
    """Lists the library's recipes and shows the selected one, scaled and converted."""

    library_loaded = Signal()

    def __init__(self, library_path: Path, seed_file: Path | None, settings: QSettings) -> None:
        super().__init__()
        self.library_path = library_path
        self.library: RecipeLibrary | None = None
        self.guard: LibraryGuard | None = None
        self._seed_file = seed_file
        self._create_missing = False
        self._settings = settings
        self._recipe: Recipe | None = None
        # "I have 1.4 kg of pork belly": the factor and header while it is in force.
        self._scale_to: ScaleTo | None = None
        self._side_by_side = False
        self._blockwise = False  # a long recipe, shown block by block
        self._lines_shown: dict[tuple[str, Fraction, str, bool, LineContext], str] = {}
        self._reading: tuple[Recipe, LineContext] | None = None
        self._photo_waited = ""  # the photo whose thumbnail is being made
        self._last_recipe: str | None = None
        self._checks_pending = False  # the library's documents still being checked
        self._unit_system_to_write: str | None = None
        self._remember_timer = QTimer(self, singleShot=True, interval=REMEMBER_AFTER_MS)
        self._remember_timer.timeout.connect(self._write_last_recipe)
        self._photo_connected = False
        # The list's thumbnails: where each stored photo path leads, looked up once.
        self._list_photo_paths: dict[tuple[Path, str], Path | None] = {}
        self._list_photos_connected = False
        self._row_delegate: RecipeRowDelegate | None = None
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.setWindowTitle("Recipe Manager")
        fit_to_screen(self, WINDOW_SIZE)

        self.editing = RecipeEditing(self)
        self.transfer = RecipeTransfer(self)
        self.kitchen = Kitchen(self)
        self.cooks = CooksFeatures(self)
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
        # Long titles are elided (the tooltip has the whole title) rather than scrolled: a
        # horizontal bar that comes and goes as the widest visible title changes would lay
        # out and repaint the whole list on a keystroke.
        self.recipe_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recipe_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recipe_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recipe_list.setAccessibleName("Recipes")
        list_font = self.recipe_list.font()
        list_font.setPointSizeF(list_font.pointSizeF() * LIST_FONT_SCALE)
        self.recipe_list.setFont(list_font)
        self.recipe_list.setSpacing(2)
        self.recipe_list.setDragEnabled(True)
        self.recipe_list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.recipe_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.recipe_list.customContextMenuRequested.connect(self.cooks.show_list_menu)
        self.recipe_list.selectionModel().currentChanged.connect(self._current_changed)
        self.recipe_list.activated.connect(lambda _index: self.editing.edit_shown())

        self.count_label = QLabel(objectName="recipeCount")
        self.count_label.setAccessibleName("Number of recipes shown")
        # Its width never moves the layout: a keystroke that changes the count would otherwise
        # lay out and repaint the whole window (the recipe pane too), not just the label.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Every way the shown rows change: a new library, a sort or filter, a recipe added
        # or removed (a save, an import, an undo, a change from another computer). The
        # proxy drops a row before the list does, so removals are counted once the list's.
        for changed in (
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.proxy.rowsInserted,
            self.list_model.rowsRemoved,
        ):
            changed.connect(self._update_count)

        self.sort_order = QComboBox(objectName="recipeSort")
        for value, label in SORT_ORDERS:
            self.sort_order.addItem(label, value)
        self.sort_order.setAccessibleName("Order recipes by")
        self.sort_order.currentIndexChanged.connect(self._sort_changed)
        sort_label = QLabel("S&ort")
        sort_label.setBuddy(self.sort_order)
        # The count has a line of its own: beside the sort box a narrow list (1024 pixels
        # with the browse panel open) cut "3 recipes" to "3 rec".
        sort_row = QHBoxLayout()
        sort_row.setContentsMargins(0, 0, 0, 0)
        sort_row.addWidget(sort_label)
        sort_row.addWidget(self.sort_order, 1)

        list_pane = QWidget()
        list_layout = QVBoxLayout(list_pane)
        list_layout.setContentsMargins(8, 8, 4, 8)
        list_layout.addWidget(self.search_field)
        list_layout.addWidget(self.recipe_list, 1)
        list_layout.addWidget(self.count_label)
        list_layout.addLayout(sort_row)

        self.browse = BrowsePanel(self.list_model)
        self.browse.chosen.connect(self._browse_chosen)
        self.browse.setMinimumWidth(150)

        self.servings_label = QLabel("Servings")
        self.servings_spin = ServingsSpinBox(objectName="servingsSpin")
        self.servings_spin.setAccessibleName("Servings to cook")
        self.servings_spin.setMinimumWidth(110)
        self.servings_spin.valueChanged.connect(self._servings_changed)
        self.servings_spin.refused.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.servings_label.setBuddy(self.servings_spin)
        self.reset_button = QToolButton(objectName="servingsReset", text="Reset")
        self.reset_button.setToolTip("Back to the recipe's own servings")
        self.reset_button.setAccessibleName("Reset servings")
        self.reset_button.clicked.connect(self._reset_servings)

        self.unit_label = QLabel("Units")
        self.unit_system = QComboBox(objectName="unitSystem")
        for system in UnitSystem:
            self.unit_system.addItem(system.label, str(system))
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

        self.recipe_detail = RecipeView(objectName="recipeDetail")
        self.recipe_detail.setOpenLinks(False)
        self.recipe_detail.setOpenExternalLinks(False)
        self.recipe_detail.setAccessibleName("Recipe")
        self.recipe_detail.anchorClicked.connect(self.kitchen.start_timer)
        self.recipe_detail.document().setDocumentMargin(16)

        self.scale_banner = QWidget(objectName="scaleBanner")
        self.scale_note = QLabel(objectName="scaleNote", wordWrap=True)
        self.scale_note.setTextFormat(Qt.TextFormat.PlainText)
        self.scale_reset = QToolButton(objectName="scaleReset", text="Reset")
        self.scale_reset.setToolTip("Back to the recipe's own amounts")
        self.scale_reset.setAccessibleName("Reset scaling to what you have")
        self.scale_reset.clicked.connect(self.clear_scale_to)
        banner_layout = QHBoxLayout(self.scale_banner)
        banner_layout.setContentsMargins(8, 4, 8, 4)
        banner_layout.addWidget(self.scale_note, 1)
        banner_layout.addWidget(self.scale_reset)
        self.scale_banner.hide()

        detail_pane = QWidget()
        detail_layout = QVBoxLayout(detail_pane)
        detail_layout.setContentsMargins(4, 8, 8, 8)
        detail_layout.addLayout(controls)
        detail_layout.addWidget(self.scale_banner)
        detail_layout.addWidget(self.recipe_detail, 1)

        self.splitter = QSplitter(objectName="mainSplitter")
        self.splitter.addWidget(self.browse)
        self.splitter.addWidget(list_pane)
        self.splitter.addWidget(detail_pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([200, 300, 680])
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
        # Shown while the save worker writes (delete, undo, import, restore).
        self.saving_label = QLabel("Saving…", objectName="savingIndicator")
        self.saving_label.hide()
        self.statusBar().addPermanentWidget(self.saving_label)
        self.setTabOrder(self.browse.view, self.search_field)
        self.setTabOrder(self.search_field, self.recipe_list)
        self.setTabOrder(self.recipe_list, self.servings_spin)
        self.setTabOrder(self.servings_spin, self.reset_button)
        self.setTabOrder(self.reset_button, self.unit_system)
        self.setTabOrder(self.unit_system, self.recipe_detail)
        self.search_field.installEventFilter(self)
        self.recipe_detail.viewport().installEventFilter(self)

    def _build_actions(self) -> None:
        toolbar = QToolBar("Kitchen", self, objectName="kitchenToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menus = build_actions(self, toolbar)
        self.addToolBar(toolbar)

        # Undo and Redo are the undo stack's own actions: their text names the next change.
        edit_menu = menus["&Edit"]
        first_edit_action = edit_menu.actions()[0]
        self.action_undo = self.editing.undo_stack.createUndoAction(self, "&Undo")
        self.action_undo.setObjectName("actionUndo")
        self.action_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.action_redo = self.editing.undo_stack.createRedoAction(self, "&Redo")
        self.action_redo.setObjectName("actionRedo")
        # The platform's Redo keys, and Ctrl+Y wherever it is not already one of them: cooks
        # coming from Windows and office programs press it (nothing else uses it here).
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.action_redo.setShortcuts(redo_keys)
        self.addActions([self.action_undo, self.action_redo])
        edit_menu.insertActions(first_edit_action, [self.action_undo, self.action_redo])
        edit_menu.insertSeparator(first_edit_action)
        self.undo_button = QToolButton(objectName="statusUndo")
        self.undo_button.setDefaultAction(self.action_undo)
        self.undo_button.setAutoRaise(True)
        self.undo_button.setVisible(False)
        self.editing.undo_stack.canUndoChanged.connect(self.undo_button.setVisible)
        # An action's tooltip defaults to its text, which Qt may read as rich text: the
        # undo text names a recipe, so the tooltips are set escaped.
        self.editing.undo_stack.undoTextChanged.connect(self._undo_text_changed)
        self.editing.undo_stack.redoTextChanged.connect(self._redo_text_changed)
        self.statusBar().insertPermanentWidget(0, self.undo_button)

        # Favourite and rating; the rating is one checkable action per number of stars.
        self.action_favourite.toggled.connect(self.cooks.set_favourite)
        self.rating_menu = QMenu("&Rating", self, objectName="ratingMenu")
        edit_menu.insertMenu(self.action_find, self.rating_menu)
        self.rating_actions = QActionGroup(self)
        for stars in range(6):
            label = "No rating" if stars == 0 else "★" * stars + "☆" * (5 - stars)
            action = make_action(self, f"actionRate{stars}", label, (f"Ctrl+Alt+{stars}",))
            action.setCheckable(True)
            action.setData(stars)
            action.triggered.connect(lambda _=False, n=stars: self.cooks.set_rating(n or None))
            self.rating_actions.addAction(action)
            self.rating_menu.addAction(action)
        self.action_browse.toggled.connect(self._show_browse)
        self.browse.collapse_button.clicked.connect(lambda: self.action_browse.setChecked(False))
        self.action_weigh.toggled.connect(self._weigh_changed)

        # One action per unit system, Ctrl+1 to Ctrl+3, in the View menu's Units submenu.
        units_menu = menus["&View"].addMenu("&Units")
        self.unit_actions = QActionGroup(self)
        for index, system in enumerate(UnitSystem):
            action = make_action(
                self, f"actionUnits_{system}", system.label, (f"Ctrl+{index + 1}",)
            )
            action.setCheckable(True)
            action.setData(system)
            action.triggered.connect(lambda _=False, i=index: self.unit_system.setCurrentIndex(i))
            self.unit_actions.addAction(action)
            units_menu.addAction(action)

    # Handlers named in the action table -------------------------------------------------------

    def new_recipe(self) -> None:
        self.editing.open_editor(None)

    def _undo_text_changed(self, text: str) -> None:
        # Runs after the stack's own update: "&" in a title doubled, so no mnemonic is made.
        self.action_undo.setText(f"&Undo {text.replace('&', '&&')}")
        self.action_undo.setToolTip(plain_tooltip(f"Undo {text}"))

    def _redo_text_changed(self, text: str) -> None:
        self.action_redo.setText(f"&Redo {text.replace('&', '&&')}")
        self.action_redo.setToolTip(plain_tooltip(f"Redo {text}"))

    def choose_backup(self) -> None:
        if self.guard is not None:
            self.guard.choose_backup()

    def zoom_in(self) -> None:
        self.set_font_size(self._font_size + 1)

    def zoom_out(self) -> None:
        self.set_font_size(self._font_size - 1)

    def zoom_reset(self) -> None:
        self.set_font_size(DEFAULT_FONT_SIZE)

    def show_timers(self) -> None:
        self.kitchen.timers_dock().show()

    # Loading -------------------------------------------------------------------------------

    def load_library(self, *, defer_checks: bool = False) -> None:
        """Open (or create and seed) the library. A bad file is moved aside and reported, a
        library another window holds opens read-only; the window opens in every case.

        `defer_checks` (the app's start, `load_library_after_first_paint`): the list is filled
        from each record's outline and every document is checked in full on the reader worker
        once it is shown (`LibraryGuard.finish_reading`); a record found bad then leaves the
        list and is named in the banner. Without it every record is checked before this
        returns."""
        from ..storage import open_library_safely, without_cyclic_gc
        from .library_guard import LibraryGuard

        self._install_row_delegate()

        try:
            result = open_library_safely(
                self.library_path,
                self._seed_file,
                create_missing=self._create_missing,
                defer_checks=defer_checks,
            )
        except LibraryMissingError as error:
            self.library = None
            self.statusBar().showMessage("The library folder is missing", 0)
            self._ask_about_missing_folder(error)
            return
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
            saving_label=self.saving_label,
        )
        self.guard.checked.connect(self._after_checks)
        self.guard.restored.connect(
            lambda before, after, label: self.editing.record_replacement(
                f"Restore Backup of {label}", before, after
            )
        )
        if result.newest_backup is not None:
            QTimer.singleShot(0, lambda: self.guard.offer_restore(result.newest_backup))
        # Deferred checks: the browse counts and the search index read every document, so
        # they wait for the worker to have decoded them (`_after_checks`).
        self._checks_pending = defer_checks
        self.browse.hold(defer_checks)
        if defer_checks:
            # A remembered order by rating or favourites would index every row now; the list
            # fills in title order and takes it once the checks are done.
            self.proxy.set_sort("title")
        with without_cyclic_gc():
            self.list_model.set_recipes(self.library.summaries())
        self._update_actions()
        self.statusBar().showMessage(f"{len(self.library)} recipes loaded", 5000)
        if self.isVisible():
            after_next_paint(self.recipe_list.viewport(), self._after_list_shown)
        else:
            self._after_list_shown()
        self.library_loaded.emit()

    def _after_list_shown(self) -> None:
        """What can wait until the list is on screen: the recipe, search, units, and checking
        every record in full (on the reader worker; the search index and browse counts
        follow it)."""
        if self.guard is not None:
            self.guard.finish_reading()
        self._select_last_recipe()
        if not self._checks_pending:
            QTimer.singleShot(0, self._prepare_search)
        self.kitchen.restore_timers()
        from ..domain.units import warm_up

        threading.Thread(target=warm_up, name="pint-warm-up", daemon=True).start()

    def _after_checks(self) -> None:
        """Every document is decoded and checked: index and count them in idle slices, and
        apply a search, sort or browse row chosen meanwhile (each reads every document,
        which the UI thread must not decode all at once)."""
        if not self._checks_pending:
            return
        self._checks_pending = False
        self.browse.hold(False)
        self._sort_changed(self.sort_order.currentIndex())
        self._browse_chosen(self.browse.key)
        if self.search_field.text():
            self._search_changed(self.search_field.text())
        QTimer.singleShot(0, self._prepare_search)

    def _prepare_search(self) -> None:
        """Fold the search index a slice at a time while idle, never a long pause at once."""
        if not self.list_model.prepare_search_texts(SEARCH_INDEX_SLICE):
            QTimer.singleShot(0, self._prepare_search)

    def _ask_about_missing_folder(self, error: LibraryError) -> QMessageBox:
        """The library folder is not there (an unplugged drive, a dangling link): never
        create it silently. Say which folder, and offer another, creating it, or quitting."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Library folder missing",
            f"The recipe library folder {self.library_path} is not there ({error.reason}). "
            "If it is on a drive or share that is not connected, connect it and choose "
            "Try again.",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("missingLibraryBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        choose = box.addButton("Choose another folder…", QMessageBox.ButtonRole.ActionRole)
        retry = box.addButton("Try again", QMessageBox.ButtonRole.ActionRole)
        create = box.addButton("Create it", QMessageBox.ButtonRole.AcceptRole)
        quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        choose.setObjectName("chooseLibraryButton")
        create.setObjectName("createLibraryButton")
        quit_button.setObjectName("quitButton")
        # Enter tries again: creating an empty library on the local disk in place of an
        # unplugged drive must never be what a stray key does.
        box.setDefaultButton(retry)

        def answered(button: object) -> None:
            if button is create:
                self._create_missing = True
                self.load_library()
            elif button is retry:
                self.load_library()
            elif button is choose:
                self._choose_library_folder()
            else:
                self.close()

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def _choose_library_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, "Choose the library folder", str(self.library_path.parent))
        dialog.setObjectName("chooseLibraryDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)

        def chosen(folder: str) -> None:
            self.library_path = Path(folder)
            self.path_label.setText(str(self.library_path))
            self.load_library()

        dialog.fileSelected.connect(chosen)
        dialog.open()

    def _install_row_delegate(self) -> None:
        """The rows' painter (stars, heart, thumbnail), made when there are rows to paint: the
        empty list of the first paint needs none, and its module is not loaded before it."""
        if self._row_delegate is not None:
            return
        from .recipe_list_delegate import RecipeRowDelegate

        self._row_delegate = RecipeRowDelegate(self.recipe_list, self._list_photo)
        self.recipe_list.setItemDelegate(self._row_delegate)

    def load_library_after_first_paint(self) -> None:
        """Read the library only once the window is on screen: a large one never delays it."""
        after_next_paint(self, lambda: self.load_library(defer_checks=True))

    def show_status(self, message: str, msecs: int = 5000) -> None:
        """A passing message in the status bar (plain text, never markup)."""
        self.statusBar().showMessage(message, msecs)

    def show_banner(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()

    def _select_last_recipe(self) -> None:
        if self.proxy.rowCount() == 0 or self.recipe_list.currentIndex().isValid():
            return
        wanted = self._last_recipe or LAST_RECIPE.read(self._settings)
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

    def _remember_recipe(self, recipe_id: str) -> None:
        """The recipe on show, written to the settings once the cook settles on one: each
        write replaces the settings file (and syncs it), which took a whole frame per click."""
        self._last_recipe = recipe_id
        self._remember_timer.start()

    def _write_last_recipe(self) -> None:
        """Write what was chosen since the last write: the recipe on show, the unit system."""
        self._remember_timer.stop()
        if self._last_recipe is not None:
            LAST_RECIPE.write(self._settings, self._last_recipe)
        if self._unit_system_to_write is not None:
            UNIT_SYSTEM.write(self._settings, self._unit_system_to_write)
            self._unit_system_to_write = None

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
        self._remember_recipe(recipe_id)
        self._scale_to = None
        self.scale_banner.hide()
        self.servings_spin.setPrefix("")
        self._configure_servings(self._recipe)
        self._update_actions()
        self._render()
        # Another recipe opens at its top, not at the last one's reading position.
        self.recipe_detail.verticalScrollBar().setValue(0)

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
    def settings(self) -> QSettings:
        return self._settings

    @property
    def current_recipe(self) -> Recipe | None:
        """The recipe on show, as stored (the servings and units shown are not in it)."""
        return self._recipe

    def scale_factor(self) -> Fraction:
        """How much to multiply every quantity by: scaled to what the cook has, or from the
        spinner."""
        if self._recipe is None:
            return Fraction(1)
        if self._scale_to is not None:
            return self._scale_to.factor
        return self.servings_spin.factor()

    def weigh_dry(self) -> bool:
        return self.action_weigh.isChecked()

    # Scale to what you have ----------------------------------------------------------------

    def scale_to(self, scale: ScaleTo) -> None:
        """Show the recipe scaled so the chosen line is what the cook has."""
        if self._recipe is None:
            return
        self._scale_to = scale
        servings = self._recipe.servings
        self.servings_spin.blockSignals(True)
        if servings:
            shown = scale.factor * servings
            self.servings_spin.setValue(max(1, min(999, round(shown))))
            self.servings_spin.setPrefix("" if shown.denominator == 1 else "about ")
        self.servings_spin.blockSignals(False)
        self.scale_note.setText(self.scale_note_text())
        self.scale_banner.show()
        self._render()

    def scale_note_text(self) -> str:
        """ "Scaled to 1.4 kg pork belly: about 4 servings." with the caveats, or ""."""
        if self._scale_to is None or self._recipe is None:
            return ""
        from ..domain.scale_to import scale_note

        return scale_note(self._recipe, self._scale_to)

    def clear_scale_to(self) -> None:
        if self._scale_to is None:
            return
        self._scale_to = None
        self.scale_banner.hide()
        self.servings_spin.setPrefix("")
        if self._recipe is not None:
            self.servings_spin.reset()
            self._render()

    def unit_system_name(self) -> UnitSystem:
        return UnitSystem.of(self.unit_system.currentData() or UnitSystem.ORIGINAL)

    def current_view(self) -> View:
        """How the recipe on show is shown: the one value the pane, print and cook mode use."""
        view = View(self.scale_factor(), self.unit_system_name(), weigh=self.weigh_dry())
        return view.scaled_to(self._scale_to) if self._scale_to is not None else view

    def _render(self) -> None:
        if self._recipe is None:
            return
        # The renderer pulls in the quantity engine: loaded with the first recipe, not at start.
        from .recipe_html import line_count, recipe_blocks, recipe_html

        recipe = self._recipe
        colours = self._colours()
        style = f"a {{ color: {colours.accent}; font-weight: bold; }}"
        if self.recipe_detail.document().defaultStyleSheet() != style:
            self.recipe_detail.document().setDefaultStyleSheet(style)
        photo = self._photo_resource(recipe)
        # Scaled to what the cook has, the banner above the pane says so and offers Reset;
        # the pane does not say it again (print and cook mode, with no banner, do).
        view = replace(self.current_view(), scale_to=None)
        context = self._reading_of(recipe)
        self._blockwise = line_count(recipe) > BLOCKWISE_LINES
        if self._blockwise:
            # Long: a screenful now, the rest while idle; a servings step changes lines in place.
            self._side_by_side = False
            # The same key means the same blocks: only their text may change in place.
            key = (recipe.id, recipe.updated, id(recipe), photo, colours)
            blocks = recipe_blocks(
                recipe,
                view,
                colours,
                timer_links=True,
                photo=photo,
                formatted=self._line_formatter(view, context),
                context=context,
            )
            self.recipe_detail.show_blocks(key, blocks)
        else:
            scroll = self.recipe_detail.verticalScrollBar().value()
            self._side_by_side = self._wide_enough_for_columns()
            self.recipe_detail.show_html(
                recipe_html(
                    recipe,
                    view,
                    colours,
                    side_by_side=self._side_by_side,
                    timer_links=True,
                    photo=photo,
                    formatted=self._line_formatter(view, context),
                    context=context,
                )
            )
            self.recipe_detail.verticalScrollBar().setValue(scroll)
        self.setWindowTitle(f"{display_line(recipe.title)} — Recipe Manager")

    def _reading_of(self, recipe: Recipe) -> LineContext:
        """What the recipe's lines say about reading each one (a British pint, °C), worked out
        once per recipe shown, not on every servings step."""
        from ..domain.formatting import recipe_reading

        if self._reading is None or self._reading[0] is not recipe:
            self._reading = (recipe, recipe_reading(recipe))
        return self._reading[1]

    def _line_formatter(self, view: View, context: LineContext) -> Callable[[Ingredient], str]:
        """format_ingredient, remembered per line as written: stepping back to servings
        already shown, toggling units back or coming back to a recipe formats nothing again
        (a line's reading depends on its text and the recipe's reading context only)."""
        from ..domain import format_ingredient

        cache = self._lines_shown
        if len(cache) > MAX_REMEMBERED_LINES:
            cache.clear()

        def formatted(ingredient: Ingredient) -> str:
            key = (ingredient.text, view.factor, view.system, view.weigh, context)
            text = cache.get(key)
            if text is None:
                text = cache[key] = format_ingredient(
                    ingredient, view.factor, view.system, weigh=view.weigh, context=context
                )
            return text

        return formatted

    def _photo_resource(self, recipe: Recipe) -> str | None:
        """The name of the recipe's photo thumbnail in the detail view, once it is ready;
        until then None (the thumbnail is made off the UI thread and the recipe shown again)."""
        if self.library is None or not recipe.image:
            return None
        path = self.library.media_path(recipe.image)
        if path is None:
            return None
        from .recipe_html import PHOTO_WIDTH
        from .thumbnails import thumbnail_cache

        cache = thumbnail_cache()
        if not self._photo_connected:
            cache.ready.connect(self._photo_ready)
            self._photo_connected = True
        ratio = self.devicePixelRatioF()
        size = QSize(round(PHOTO_WIDTH * ratio), round(PHOTO_WIDTH * PHOTO_TALLEST * ratio))
        pixmap = cache.pixmap(path, size)
        if pixmap is None:
            self._photo_waited = str(path)
            return None
        name = f"thumb:{path.name}/{size.width()}x{size.height()}"
        self.recipe_detail.set_image(name, pixmap)
        return name

    def _list_photo(self, stored: str, size: QSize) -> QPixmap | None:
        """A recipe's photo as a list thumbnail, or None while it is made off the UI thread
        (the list repaints when it is ready). Where a stored path leads is looked up once."""
        if self.library is None:
            return None
        key = (self.library.path, stored)
        if key not in self._list_photo_paths:
            self._list_photo_paths[key] = self.library.media_path(stored)
        path = self._list_photo_paths[key]
        if path is None:
            return None
        from .thumbnails import thumbnail_cache

        cache = thumbnail_cache()
        if not self._list_photos_connected:
            # A method of the window, not a lambda: the connection ends with the window.
            cache.ready.connect(self._list_photo_ready)
            self._list_photos_connected = True
        return cache.pixmap(path, size)

    def _list_photo_ready(self, _source: str) -> None:
        self.recipe_list.viewport().update()

    def _photo_ready(self, source: str) -> None:
        if source != self._photo_waited or self._recipe is None or self.library is None:
            return
        self._photo_waited = ""
        if str(self.library.media_path(self._recipe.image)) == source:
            self._render()

    def _wide_enough_for_columns(self) -> bool:
        """Ingredients beside the steps once the pane holds two comfortable columns."""
        return self.recipe_detail.viewport().width() >= self._font_size * COLUMN_WIDTH_PER_POINT

    def _show_nothing_selected(self) -> None:
        self._update_actions()
        self.setWindowTitle("Recipe Manager")  # not the name of a recipe no longer shown
        self.servings_spin.setEnabled(False)
        self.reset_button.setEnabled(False)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.recipe_detail.show_html(f"<p style='color:{muted}'>Choose a recipe from the list.</p>")

    def _colours(self) -> Colours:
        from .recipe_html import Colours

        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        return Colours(
            muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
            accent=DARK_ACCENT if dark else LIGHT_ACCENT,
        )

    def _servings_changed(self) -> None:
        if self._scale_to is not None:
            # Turning the spinner goes back to scaling by servings.
            self._scale_to = None
            self.scale_banner.hide()
            self.servings_spin.setPrefix("")
        self._render()

    def _reset_servings(self) -> None:
        if self._scale_to is not None:
            self.clear_scale_to()
        elif self._recipe is not None:
            self.servings_spin.reset()

    def _unit_system_changed(self, index: int) -> None:
        system = self.unit_system.itemData(index)
        self._unit_system_to_write = system
        self._remember_timer.start()
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
            self._remember_recipe(shown)
        self._select_last_recipe()
        self._update_actions()
        QTimer.singleShot(0, self._prepare_search)

    def apply_library_change(self, ids: list[str] | None) -> None:
        """Put these recipes' new versions in the list, or take them out, without rebuilding
        it (a rebuild costs the whole library on the UI thread); many, or None, rebuild."""
        if self.library is None:
            return
        if ids is None or len(ids) > INCREMENTAL_CHANGES:
            self.refresh_list()
            return
        shown = self._recipe.id if self._recipe is not None else None
        # Each row found by bisection and changed by its own row signal: the cost is the
        # changed rows', not the library's.
        library = self.library
        gone = [recipe_id for recipe_id in ids if recipe_id not in library]
        put = [library.summary(recipe_id) for recipe_id in ids if recipe_id in library]
        self.list_model.apply_changes(gone, put)
        if shown in gone:
            self._recipe = None
            current = self.recipe_list.currentIndex()
            if current.isValid():
                # The list already moved its highlight to a neighbour when the row went
                # (undo of an add, a deletion from another computer): show that one.
                self._current_changed(current, current)
            else:
                self._show_nothing_selected()
                self._select_last_recipe()
        if shown in ids and shown in self.library:
            self._recipe = None
            LAST_RECIPE.write(self._settings, shown)
            self._select_last_recipe()
        self._update_actions()
        self.cooks.refresh_meal_plan()

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
        for action in (
            self.action_print,
            self.action_cook,
            self.action_add_to_shopping,
            self.action_scale_to,
        ):
            action.setEnabled(shown)
        self.action_meal_plan.setEnabled(self.library is not None)
        self.update_mark_actions()

    def update_mark_actions(self) -> None:
        """The Favourite and Rating actions show the shown recipe's marks."""
        writable = self.library is not None and not self.library.read_only
        recipe = self._recipe
        self.action_favourite.blockSignals(True)
        self.action_favourite.setChecked(recipe is not None and recipe.favourite)
        self.action_favourite.blockSignals(False)
        self.action_favourite.setEnabled(writable and recipe is not None)
        rating = (recipe.rating or 0) if recipe is not None else 0
        for action in self.rating_actions.actions():
            action.setEnabled(writable and recipe is not None)
            action.setChecked(action.data() == rating)

    def recipe_marks_saved(self, stored: Recipe) -> None:
        """A favourite or rating is on disk: the list row, counts and detail follow."""
        assert self.library is not None
        row = self.list_model.replace_recipe(self.library.summary(stored.id))
        if self._recipe is not None and self._recipe.id == stored.id:
            self._recipe = stored
            self.update_mark_actions()
            self._render()
        proxy_index = self.proxy.mapFromSource(self.list_model.index(row))
        if proxy_index.isValid():
            self.recipe_list.selectionModel().setCurrentIndex(
                proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        marks = "a favourite" if stored.favourite else "not a favourite"
        if stored.rating:
            marks += f", {stored.rating} of 5 stars"
        self.statusBar().showMessage(f"“{display_line(stored.title)}” is {marks}", 5000)

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
        self.cooks.refresh_meal_plan()

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
        if self._checks_pending:
            return  # searching reads every document: applied once they are checked
        self.proxy.set_query(text)
        if self.proxy.rowCount() == 0 and self.list_model.rowCount() > 0:
            self._show_no_match(text)
        elif self._recipe is None and self.proxy.rowCount() > 0:
            self._select_last_recipe()
            if self._recipe is None:
                self._show_nothing_selected()

    def _show_no_match(self, text: str) -> None:
        """Nothing matches: the pane says so instead of showing a recipe the list hides."""
        self._recipe = None
        self.recipe_list.selectionModel().clearCurrentIndex()
        self._update_actions()
        self.servings_spin.setEnabled(False)
        self.reset_button.setEnabled(False)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.recipe_detail.show_html(
            f"<p style='color:{muted}'>No recipe matches “{escape(text.strip())}”.</p>"
            f"<p style='color:{muted}'>Try other words, or press Escape to see every recipe.</p>"
        )
        self.setWindowTitle("Recipe Manager")

    def _browse_chosen(self, key: tuple[str, str]) -> None:
        """Narrow the list to a browse row's recipes, combined with the search."""
        if self._checks_pending:
            return  # applied once every document is checked (`_after_checks`)
        if key[0] == ALL:
            self.proxy.set_browse(None, None)
            return
        self.proxy.set_browse(key)

    def _sort_changed(self, index: int) -> None:
        # Remembered when the window closes: writing QSettings now would have it synced to
        # disk (an fsync, 15-20 ms) on the UI thread in the very next frame.
        if self._checks_pending:
            return  # applied once every document is checked (`_after_checks`)
        self.proxy.set_sort(self.sort_order.itemData(index) or "title")

    def _show_browse(self, shown: bool) -> None:
        self.browse.setVisible(shown)
        BROWSE_SHOWN.write(self._settings, int(shown))
        if shown:
            self.browse.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _weigh_changed(self, weigh: bool) -> None:
        WEIGH_DRY.write(self._settings, int(weigh))
        if self.kitchen.has_shopping_list():
            self.kitchen.shopping_list_dialog().set_weigh(weigh)
        self._render()

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Escape clears the search; Down moves into the list; a resize may change columns."""
        if (
            watched is self.recipe_detail.viewport()
            and event.type() == QEvent.Type.Resize
            and self._recipe is not None
            and not self._blockwise
            and self._wide_enough_for_columns() != self._side_by_side
        ):
            self._render()
        # Ctrl+Z in the search box undoes the last change to the library unless there is
        # typing in the box to undo: after a save, focus is often back in the search box.
        if (
            watched is self.search_field
            and event.type() == QEvent.Type.ShortcutOverride
            and self._library_undo_key(event)
        ):
            return True
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

    def _library_undo_key(self, event) -> bool:
        """Whether an undo/redo key in the search box is meant for the library's changes."""
        field = self.search_field
        return (event.matches(QKeySequence.StandardKey.Undo) and not field.isUndoAvailable()) or (
            event.matches(QKeySequence.StandardKey.Redo) and not field.isRedoAvailable()
        )

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.list_model.rowCount()
        counted = recipes_counted(total)
        self.count_label.setText(counted if shown == total else f"{shown:,} of {counted}")

    # View settings -------------------------------------------------------------------------

    def set_font_size(self, size: int) -> None:
        """Zoom; the line at the top of the pane stays at the top (the reading position)."""
        self._font_size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))
        detail = self.recipe_detail
        top = detail.cursorForPosition(detail.viewport().rect().topLeft()).position()
        at_top = detail.verticalScrollBar().value() == 0
        font = detail.font()
        font.setPointSize(self._font_size)
        detail.setFont(font)
        detail.document().setDefaultFont(font)
        FONT_SIZE.write(self._settings, self._font_size)
        if self._recipe is not None and self._wide_enough_for_columns() != self._side_by_side:
            self._render()
        self._scroll_to_position(0 if at_top else top)

    def _scroll_to_position(self, position: int) -> None:
        """Scroll so that the text at `position` is the first line in the pane."""
        detail = self.recipe_detail
        document = detail.document()
        document.adjustSize()
        layout = document.documentLayout()
        block = document.findBlock(position)
        if not block.isValid():
            detail.verticalScrollBar().setValue(0)
            return
        rect = layout.blockBoundingRect(block)
        line_top = rect.top()
        line = block.layout().lineForTextPosition(position - block.position())
        if line.isValid():
            line_top += line.y()
        detail.verticalScrollBar().setValue(round(line_top))

    def _restore_view_settings(self) -> None:
        self.set_font_size(FONT_SIZE.read(self._settings))
        system = UNIT_SYSTEM.read(self._settings)
        index = max(0, self.unit_system.findData(system))
        self.unit_system.setCurrentIndex(index)
        self.unit_actions.actions()[index].setChecked(True)
        self.action_weigh.setChecked(bool(WEIGH_DRY.read(self._settings)))
        self.action_browse.setChecked(bool(BROWSE_SHOWN.read(self._settings)))
        self.browse.setVisible(self.action_browse.isChecked())
        sort = max(0, self.sort_order.findData(LIST_SORT.read(self._settings)))
        self.sort_order.setCurrentIndex(sort)
        geometry = WINDOW_GEOMETRY.read(self._settings)
        if not geometry.isEmpty() and self.restoreGeometry(geometry):
            # Remembered on a bigger screen: bring it back within this one.
            keep_on_screen(self)
            QTimer.singleShot(0, lambda: keep_on_screen(self))
        splitter = WINDOW_SPLITTER.read(self._settings)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A switch between the system's light and dark themes recolours the recipe."""
        if event.type() == QEvent.Type.PaletteChange:
            self._render()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.kitchen.may_quit():
            event.ignore()
            return
        self.kitchen.save_timers()
        if self.guard is not None:
            self.guard.wait()  # a save under way finishes: it was promised
        if self.library is not None:
            self.library.close()  # lets another window on this library save again
        self._write_last_recipe()
        WINDOW_GEOMETRY.write(self._settings, self.saveGeometry())
        WINDOW_SPLITTER.write(self._settings, self.splitter.saveState())
        LIST_SORT.write(self._settings, self.proxy.sort_mode)
        self._settings.sync()
        super().closeEvent(event)

    def show_about(self) -> None:
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
