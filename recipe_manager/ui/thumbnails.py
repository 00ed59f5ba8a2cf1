"""Photos shown from thumbnails: made once at display size, kept on disk, decoded off the UI thread.

A phone photo is twelve megapixels; decoding it takes longer than ten frames. The photo is
stored as it came, and what the window shows is a thumbnail at the size it is shown:
decoded straight to that size (`QImageReader.setScaledSize`, which JPEG does in the
decoder) on the thread pool, written to this computer's cache folder (`thumbnails/` in
the user cache folder, never inside the library, which a sync tool shares: a thumbnail is
derived data each computer makes for itself) so it is made only once, and kept in memory
as a pixmap. Selecting a recipe, a servings step or a unit
toggle asks the cache, which answers at once: a pixmap, or None and a `ready` signal later.

    cache = thumbnail_cache()
    pixmap = cache.pixmap(path, QSize(240, 240))   # None until ready
    cache.ready.connect(lambda source: ...)        # str(path) of the photo now ready
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

THUMBS_FOLDER = "thumbnails"
#: Pixmaps kept in memory (a 240-pixel thumbnail is about 200 KB).
MEMORY_ENTRIES = 256
#: A photo's file larger than this is not decoded at all (a photo is a few megabytes).
MAX_PHOTO_BYTES = 64 * 1024 * 1024
#: Pixels a photo may hold before it is refused undecoded (a 12-megapixel photo is well under).
MAX_PHOTO_PIXELS = 100_000_000

_Key = tuple[str, int, int]


def thumbnails_folder() -> Path:
    """This computer's thumbnail cache (under XDG_CACHE_HOME on Linux)."""
    from platformdirs import user_cache_path

    return user_cache_path("recipe-manager", appauthor=False) / THUMBS_FOLDER


def thumbnail_path(source: Path, size: QSize) -> Path:
    """Where the thumbnail of `source` at `size` (device pixels) is kept: in the cache folder,
    named after the photo's full path, size and modification time, so a changed photo gets a
    new thumbnail and never a stale one."""
    try:
        stat = source.stat()
        stamp = f"{stat.st_mtime_ns}-{stat.st_size}"
    except OSError:
        stamp = "missing"
    key = f"{source.resolve()}|{stamp}"
    digest = hashlib.blake2s(key.encode("utf-8", "surrogateescape"), digest_size=10).hexdigest()
    return thumbnails_folder() / f"{digest}-{size.width()}x{size.height()}.png"


def make_thumbnail(source: Path, size: QSize) -> QImage:
    """The thumbnail of `source` fitting `size`, from the disk cache or decoded (and then
    cached). Safe on any thread; returns a null image for a file that is no photo."""
    cached = thumbnail_path(source, size)
    if cached.is_file():
        image = QImageReader(str(cached)).read()
        if not image.isNull():
            return image
    try:
        if source.stat().st_size > MAX_PHOTO_BYTES:
            return QImage()
    except OSError:
        return QImage()
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)  # the phone's EXIF orientation
    full = reader.size()
    if full.isValid():
        if full.width() * full.height() > MAX_PHOTO_PIXELS:
            return QImage()
        wanted = full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
        if wanted.width() < full.width():
            reader.setScaledSize(wanted)  # decoded at this size, never whole
    image = reader.read()
    if image.isNull():
        return image
    if image.width() > size.width() or image.height() > size.height():
        image = image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    _save_quietly(image, cached)
    return image


def _save_quietly(image: QImage, path: Path) -> None:
    """Write the thumbnail atomically; a read-only media folder only means no disk cache."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(exist_ok=True)
        if image.save(str(temporary), "PNG"):
            os.replace(temporary, path)
    except OSError as error:
        log.info("thumbnail not cached at %s: %s", path, error)
    finally:
        temporary.unlink(missing_ok=True)


class _Signals(QObject):
    done = Signal(object, object)  # key, QImage


class _ThumbnailJob(QRunnable):
    def __init__(self, key: _Key, signals: _Signals) -> None:
        super().__init__()
        self._key = key
        self._signals = signals

    def run(self) -> None:
        source, width, height = self._key
        try:
            image = make_thumbnail(Path(source), QSize(width, height))
        except Exception:  # a broken file must never take the pool thread down
            log.exception("thumbnail of %s failed", source)
            image = QImage()
        try:
            self._signals.done.emit(self._key, image)
        except RuntimeError:  # the cache went away with the application
            return


class ThumbnailCache(QObject):
    """Thumbnails in memory for the UI thread; missing ones are made on the thread pool."""

    #: str(path) of a photo whose thumbnail has just become available (or failed: then
    #: `pixmap` keeps answering None).
    ready = Signal(str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._pixmaps: OrderedDict[_Key, QPixmap | None] = OrderedDict()
        self._pending: set[_Key] = set()
        self._signals = _Signals()  # lives on the UI thread: results arrive queued
        self._signals.done.connect(self._done)

    def pixmap(self, source: Path | None, size: QSize) -> QPixmap | None:
        """The thumbnail of `source` fitting `size` (device pixels) if it is ready; otherwise
        None, and it is made in the background (`ready` is emitted when it is)."""
        if source is None:
            return None
        key = (str(source), size.width(), size.height())
        if key in self._pixmaps:
            self._pixmaps.move_to_end(key)
            return self._pixmaps[key]
        if key not in self._pending:
            self._pending.add(key)
            self._pool.start(_ThumbnailJob(key, self._signals))
        return None

    def is_pending(self, source: Path, size: QSize) -> bool:
        return (str(source), size.width(), size.height()) in self._pending

    def _done(self, key: _Key, image: QImage) -> None:
        self._pending.discard(key)
        self._pixmaps[key] = None if image.isNull() else QPixmap.fromImage(image)
        while len(self._pixmaps) > MEMORY_ENTRIES:
            self._pixmaps.popitem(last=False)
        self.ready.emit(key[0])


_cache: ThumbnailCache | None = None


def thumbnail_cache() -> ThumbnailCache:
    """The application's one thumbnail cache (the detail pane, the editor, the list)."""
    global _cache
    if _cache is None:
        _cache = ThumbnailCache(QApplication.instance())
        _cache.destroyed.connect(_forget)
    return _cache


def _forget() -> None:
    global _cache
    _cache = None
