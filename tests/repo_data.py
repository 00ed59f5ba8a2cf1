"""Where the tests find their data: fixtures in the repository, and the team's shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
#: The seed documents the starter recipes are transcribed from (the project's own sources).
SEEDS = REPO_ROOT / "tests" / "fixtures" / "seeds"
#: The team's real-data corpus, beside the checkout; a user's clone does not have it.
SHARED_CORPUS = REPO_ROOT.parent / "shared" / "corpus"


def needs(path: Path) -> pytest.MarkDecorator:
    """Skip a test or module, saying why, when a file of the shared corpus is not there.

    The corpus is real pages and lines from recipe sites, kept beside the repository for the
    team and CI; a clone on its own has no `../shared`, and its suite must still pass.
    """
    return pytest.mark.skipif(
        not path.exists(), reason=f"the shared corpus is not beside this checkout: {path}"
    )
