"""Package names loaded on first use (PEP 562), so that importing one small piece of a
package does not pay for all of it on the way to the window's first paint."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(
    package: str, namespace: dict[str, Any], exports: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module `__getattr__` and `__dir__` for `package` that import `name` from its
    submodule `exports[name]` when first asked for, and keep it in `namespace`."""

    def get_export(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    def list_names() -> list[str]:
        return sorted(set(namespace) | set(exports))

    return get_export, list_names
