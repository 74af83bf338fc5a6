"""Favourite routes (a service in a country, on every account that sells it), kept in
``settings.ini`` as ``service@ISO`` (or ``service@name`` where a country has no code)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from .format import place

KEY = "prices/favourites"


def load(settings: QSettings | None) -> set[str]:
    if settings is None:
        return set()
    saved = settings.value(KEY, [])
    items = saved if isinstance(saved, list) else [saved] if saved else []
    return {route(str(item)) for item in items}


def save(settings: QSettings | None, favourites: set[str]) -> None:
    if settings is not None:
        settings.setValue(KEY, sorted(favourites))
        settings.sync()


def route(key: str) -> str:
    """A favourite saved by name ("tg@Sweden") as the route it names ("tg@SE")."""
    service, _, where = key.rpartition("@")
    iso = place(None, where).iso if where else None
    return f"{service}@{iso}" if service and iso else key
