"""Import and export of recipes: web pages, schema.org JSON, our JSON, Paprika, Cooklang,
plain text and Markdown. Pure Python: nothing here imports Qt.

`import_file` picks the reader by the file's suffix and, where that says nothing, by its
content. A file it can't read, for whatever reason, raises RecipeImportError naming the
file, and nothing is changed.
"""

from __future__ import annotations

from .errors import RecipeImportError
from .export import EXPORT_FORMATS, export_recipes, suffix_for
from .preview import Decision, ImportPreview, RecipePreview, apply_decisions, preview_import
from .reading import IMPORT_SUFFIXES, import_file, import_text
from .web import PageFetchError, import_url

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_SUFFIXES",
    "Decision",
    "ImportPreview",
    "PageFetchError",
    "RecipeImportError",
    "RecipePreview",
    "apply_decisions",
    "export_recipes",
    "import_file",
    "import_text",
    "import_url",
    "preview_import",
    "suffix_for",
]
