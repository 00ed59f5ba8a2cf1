"""A desktop recipe manager: domain (pure Python), storage (TinyDB) and a Qt UI."""

from importlib.metadata import PackageNotFoundError, version

try:
    # The one version number is in pyproject.toml; every install and the bundle carry it.
    __version__ = version("recipe-manager")
except PackageNotFoundError:  # A source folder that was never installed.
    __version__ = "0+unknown"
