"""The one exception importing raises, so that callers catch a single ValueError subclass."""

from __future__ import annotations

from pathlib import Path


class RecipeImportError(ValueError):
    """Input that can't be imported; the message names the file and says what is wrong."""

    def __init__(self, source: str | Path, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{Path(self.source).name or self.source}: {problem}")
