"""BloomDesk: a desktop app for SMS-activation services."""

__version__ = "0.1.0"
