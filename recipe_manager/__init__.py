"""A desktop recipe manager: domain (pure Python), storage (TinyDB) and a Qt UI."""

__version__ = "0.1.0"
