"""A desktop recipe manager: domain (pure Python), storage (TinyDB) and a Qt UI."""

try:
    # Written from pyproject.toml's version, the one source of it, when the project is installed.
    from ._version import __version__
except ImportError:  # A source folder that was never installed.
    __version__ = "0+unknown"
