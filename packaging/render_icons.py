"""Render resources/recipe-manager.svg into the PNG, ICO and ICNS files under resources/icons/.

Desktops want bitmaps at fixed sizes, Windows wants an .ico and macOS an .icns; all of them
come from the one SVG so the icon is drawn once. The outputs are committed, so neither
`make install-desktop` nor a user's machine needs Qt to install the icon. Run it again after
editing the SVG: `.venv/bin/python packaging/render_icons.py`.
"""

from __future__ import annotations

import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "recipe-manager.svg"
ICONS = ROOT / "resources" / "icons"
APP_ID = "recipe-manager"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The ICNS element types that hold PNG data, with the pixel size each one holds.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
)
_keep_alive: list[object] = []


def png_name(size: int) -> str:
    return f"{APP_ID}-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        # Kept for the life of the process: Qt draws text and paths only with an application.
        _keep_alive.append(QGuiApplication(["render_icons", "-platform", "offscreen"]))
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding one PNG-compressed image per size (Vista and later read these)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry.
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon: an 'icns' header, then one (type, length, PNG) element per size."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_all(svg: Path = SVG, target: Path = ICONS) -> list[Path]:
    """Write every icon file into `target` and return their paths."""
    target.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(svg, size) for size in PNG_SIZES}
    written = []
    for size, png in pngs.items():
        path = target / png_name(size)
        path.write_bytes(png)
        written.append(path)
    ico = target / f"{APP_ID}.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icns = target / f"{APP_ID}.icns"
    icns.write_bytes(icns_bytes(pngs))
    return [*written, ico, icns]


if __name__ == "__main__":
    for path in render_all():
        print(path.relative_to(ROOT))
