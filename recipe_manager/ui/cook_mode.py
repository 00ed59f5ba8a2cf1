"""Cook mode: one step at a time, full screen, in type that reads from a step away.

The step's own ingredients sit beside it, highlighted, at the servings and units chosen in
the main window; times in the step start timers; the timers already running stay in view.
While it is open the screen is kept awake, and allowed to sleep again when it closes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain import Recipe, View, convert_temperatures, format_ingredient
from ..domain.cook_steps import CookStep, cook_steps
from ..domain.display import display_line
from ..domain.formatting import recipe_reading
from .screen_awake import ScreenAwake
from .timers import KitchenTimers, TimerPanel, link_timers, parse_timer_url

BACKGROUND, TEXT, MUTED, ACCENT, MARK = "#fffaf2", "#1b1b1b", "#6b6259", "#a33b20", "#ffe58a"
_NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down}
_BACK_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Up}
# The window -----------------------------------------------------------------------------


class CookMode(QWidget):
    """Full-screen cook mode for one recipe at one scale and unit system."""

    closed = Signal()

    def __init__(
        self,
        recipe: Recipe,
        view: View,
        timers: KitchenTimers,
        parent: QWidget | None = None,
        screen_awake: ScreenAwake | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("cookMode")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"Cooking: {display_line(recipe.title)}")
        self.recipe = recipe
        self.view = view
        self.reading = recipe_reading(recipe)
        self.timers = timers
        self.steps = cook_steps(recipe)
        self.index = 0
        self.screen_awake = screen_awake or ScreenAwake(f"Cooking {recipe.title}")
        self._build()
        self._show_step()

    def _build(self) -> None:
        self.setStyleSheet(
            f"CookMode, QWidget#cookMode {{ background: {BACKGROUND}; }}"
            f" QLabel {{ color: {TEXT}; }}"
            f" QTextBrowser {{ background: {BACKGROUND}; color: {TEXT}; border: none; }}"
            f" QPushButton#cookBack, QPushButton#cookNext {{ background: {ACCENT};"
            " color: white; border-radius: 10px; padding: 10px 30px; }"
            " QPushButton#cookBack:disabled, QPushButton#cookNext:disabled {"
            " background: #d9d2c8; color: #8a8178; }"
            f" QPushButton#cookLeave {{ background: transparent; color: {MUTED};"
            f" border: 2px solid {MUTED}; border-radius: 8px; padding: 6px 16px; }}"
        )
        self.title_label = QLabel(objectName="cookTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setStyleSheet(f"color: {MUTED};")
        # A long title wraps within the header; it never widens cook mode past the screen
        # (a 70-character title pushed Next and Leave off a 1024-pixel one).
        self.title_label.setWordWrap(True)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.step_label = QLabel(objectName="cookStepNumber")
        self.step_label.setTextFormat(Qt.TextFormat.PlainText)
        self.step_label.setStyleSheet(f"color: {ACCENT};")
        self.leave_button = QPushButton("Leave  (Esc)", objectName="cookLeave")
        self.leave_button.clicked.connect(self.close)
        header = QHBoxLayout()
        header.addWidget(self.step_label)
        header.addSpacing(24)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.leave_button)

        self.step_text = QTextBrowser(objectName="cookStepText")
        self.step_text.setOpenLinks(False)
        self.step_text.setOpenExternalLinks(False)
        self.step_text.anchorClicked.connect(self._anchor_clicked)
        self.step_text.document().setDocumentMargin(0)
        self.step_text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.ingredients_heading = QLabel("For this step", objectName="cookIngredientsHeading")
        self.ingredients_heading.setStyleSheet(f"color: {MUTED};")
        self.ingredients_view = QTextBrowser(objectName="cookIngredients")
        self.ingredients_view.document().setDocumentMargin(0)
        self.ingredients_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.ingredients_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timer_panel = TimerPanel(self.timers, self, point_size=15, compact=True)
        self.timer_panel.empty_label.setText("Click a time in the step to start a timer.")
        self.timer_panel.setStyleSheet(
            "QScrollArea#timerScroll, QScrollArea#timerScroll > QWidget > QWidget"
            " { background: transparent; }"
            " QFrame#timerRow { background: #f3ece1; border: 1px solid #d9cdbd;"
            " border-radius: 8px; }"
        )
        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(self.ingredients_heading)
        side.addWidget(self.ingredients_view, 3)
        side.addWidget(self.timer_panel, 1)

        body = QHBoxLayout()
        body.setSpacing(40)
        body.addWidget(self.step_text, 3)
        body.addLayout(side, 2)

        self.back_button = QPushButton("◀  Back", objectName="cookBack")
        self.next_button = QPushButton("Next  ▶", objectName="cookNext")
        self.back_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)

        for widget in (
            self.step_text,
            self.ingredients_view,
            self.back_button,
            self.next_button,
            self.leave_button,
        ):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 28, 48, 28)
        layout.setSpacing(20)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self._apply_fonts()

    # Showing -------------------------------------------------------------------------------

    def open(self) -> None:
        """Full screen, the screen kept awake."""
        self.showFullScreen()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self.screen_awake.acquire()

    def current_step(self) -> CookStep | None:
        return self.steps[self.index] if self.steps else None

    def next_step(self) -> None:
        if self.index < len(self.steps) - 1:
            self.index += 1
            self._show_step()

    def previous_step(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show_step()

    def _show_step(self) -> None:
        step = self.current_step()
        total = len(self.steps)
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < total - 1)
        if step is None:
            self.step_label.setText("No steps")
            self.title_label.setText(display_line(self.recipe.title))
            self.step_text.setHtml("<p>This recipe has no steps written down yet.</p>")
            self.ingredients_view.setHtml("")
            return
        self.step_label.setText(f"Step {step.number} of {total}")
        title = self.recipe.title + (f" · {step.component}" if step.component else "")
        self.title_label.setText(display_line(title))
        text = convert_temperatures(
            step.text, self.view.system, celsius_recipe=self.reading.celsius
        )
        fallback = f"{self.recipe.title}, step {step.number}"
        self.step_text.setHtml(
            f"<style>a {{ color: {ACCENT}; font-weight: bold; }}</style>"
            f"<p style='line-height:130%'>{link_timers(text, fallback)}</p>"
        )
        self.ingredients_view.setHtml(self._ingredients_html(step))
        self.ingredients_heading.setVisible(bool(step.ingredients))
        self._fit_step_text()

    def _ingredients_html(self, step: CookStep) -> str:
        """The ingredients this step names, marked, at the chosen servings and units."""
        if not step.named:
            return f"<p style='color:{MUTED}'>Nothing new to add.</p>"
        rows = "".join(
            f"<tr><td bgcolor='{MARK}' style='color:{TEXT};font-weight:bold'>"
            f"{escape(line)}</td></tr>"
            for line in self.named_ingredient_lines()
        )
        return f"<table width='100%' cellspacing='0' cellpadding='6'>{rows}</table>"

    def named_ingredient_lines(self) -> list[str]:
        """The lines highlighted beside the current step, as shown."""
        step = self.current_step()
        if step is None:
            return []
        return [
            format_ingredient(
                step.ingredients[index],
                self.view.factor,
                self.view.system,
                weigh=self.view.weigh,
                context=self.reading,
            )
            for index in step.named
        ]

    # Type size -----------------------------------------------------------------------------

    def _apply_fonts(self) -> None:
        """Sizes from the window's height, so a 768-pixel laptop screen still reads from a
        step away: the step near 40 px, everything else in proportion."""
        height = max(self.height(), 600)
        self._step_pixels = max(30, round(height * 0.056))
        self._set_pixels(self.step_label, round(height * 0.045), bold=True)
        self._set_pixels(self.title_label, round(height * 0.028))
        self._set_pixels(self.leave_button, round(height * 0.024))
        self._set_pixels(self.ingredients_heading, round(height * 0.026), bold=True)
        self._ingredient_pixels = round(height * 0.036)
        self._set_pixels(self.ingredients_view, self._ingredient_pixels)
        for button in (self.back_button, self.next_button):
            self._set_pixels(button, round(height * 0.042), bold=True)
            button.setMinimumHeight(round(height * 0.1))
            button.setMinimumWidth(round(height * 0.32))

    @staticmethod
    def _set_pixels(widget: QWidget, pixels: int, bold: bool = False) -> None:
        font = QFont(widget.font())
        font.setPixelSize(pixels)
        font.setBold(bold)
        widget.setFont(font)
        if isinstance(widget, QTextBrowser):
            widget.document().setDefaultFont(font)

    def _fit_step_text(self) -> None:
        self._fit(self.step_text, self._step_pixels, 26)
        self._fit(self.ingredients_view, self._ingredient_pixels, 20)

    @staticmethod
    def _fit(view: QTextBrowser, largest: int, smallest: int) -> None:
        """The largest type (in steps of 2 px) that fits the view without scrolling, down to
        `smallest`. Found by halving, so a long step is laid out a few times, not a dozen."""
        document = view.document()
        width = view.viewport().width()
        height = view.viewport().height()
        font = QFont(view.font())

        def fits(pixels: int) -> bool:
            font.setPixelSize(pixels)
            document.setDefaultFont(font)
            document.setTextWidth(width)
            return document.size().height() <= height

        sizes = list(range(smallest, largest + 1, 2))
        if sizes[-1] != largest:
            sizes.append(largest)
        low, high = 0, len(sizes) - 1  # sizes[low] is the answer unless a larger one fits
        if fits(sizes[high]):
            low = high
        else:
            while low < high - 1:
                middle = (low + high) // 2
                if fits(sizes[middle]):
                    low = middle
                else:
                    high = middle
        font.setPixelSize(sizes[low])
        document.setDefaultFont(font)
        document.setTextWidth(width)
        if document.size().height() > height:
            # Too long even at the smallest type: it scrolls, and the scroll bar takes its
            # width from the text, which would otherwise run under it ("turn|s").
            document.setTextWidth(max(1, width - view.verticalScrollBar().sizeHint().width()))
        view.setFont(font)

    def step_pixel_size(self) -> int:
        return self.step_text.document().defaultFont().pixelSize()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._apply_fonts()
        self._show_step()

    # Keys and leaving ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key == Qt.Key.Key_Space and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.previous_step()
        elif key in _NEXT_KEYS:
            self.next_step()
        elif key in _BACK_KEYS:
            self.previous_step()
        elif key == Qt.Key.Key_Home:
            self.index = 0
            self._show_step()
        elif key == Qt.Key.Key_End and self.steps:
            self.index = len(self.steps) - 1
            self._show_step()
        else:
            super().keyPressEvent(event)

    def _anchor_clicked(self, url: QUrl) -> None:
        request = parse_timer_url(url)
        if request is not None:
            self.timers.start(request)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.screen_awake.release()
        self.closed.emit()
        super().closeEvent(event)
