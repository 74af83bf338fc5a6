"""Provider clients: ``connect(kind, api_key=…)`` gives one object per account that
speaks that provider's dialect and raises only typed errors."""

from __future__ import annotations

import httpx

from ..i18n import QT_TRANSLATE_NOOP
from ..textsafe import is_printable_ascii
from .base import Provider
from .bloomsms import BloomSmsProvider
from .errors import ProviderError, Rejected
from .handler import HandlerProvider
from .profiles import KINDS, PROFILES, Profile
from .smsbulk import SmsBulkProvider

__all__ = ["KINDS", "PROFILES", "Profile", "Provider", "ProviderError", "connect"]

_DIALECTS: dict[str, type[HandlerProvider | BloomSmsProvider | SmsBulkProvider]] = {
    "handler": HandlerProvider,
    "bloomsms": BloomSmsProvider,
    "smsbulk": SmsBulkProvider,
}


def connect(kind: str, *, api_key: str, base_url: str | None = None, timeout: float = 20.0,
            transport: httpx.AsyncBaseTransport | None = None) -> Provider:
    """A provider client for one account.

    ``base_url`` is written as the provider's docs give it: the full
    ``…/stubs/handler_api.php`` address for the handler dialect, the API root
    (``…/api/v1``) for the REST dialects; None means the production URL.  A key that
    is not printable ASCII is refused here (Rejected, ``BAD_KEY_FORMAT``).  Creating
    a provider installs the log redaction (redact.py): its key never reaches a log.
    """
    profile = PROFILES.get(kind)
    if profile is None:
        raise Rejected(QT_TRANSLATE_NOOP(
            "providers", "Unknown provider kind {kind!r}; known: {known}.").format(
            kind=kind, known=", ".join(KINDS)), token="UNKNOWN_KIND")
    url = base_url or profile.base_url
    if not url:
        raise Rejected(QT_TRANSLATE_NOOP(
            "providers", "{title} needs the provider's base URL (its "
            "…/stubs/handler_api.php address).").format(title=profile.title),
            token="NO_BASE_URL")
    if not url.startswith(("http://", "https://")):
        raise Rejected(QT_TRANSLATE_NOOP(
            "providers", "The base URL must start with http:// or https://."), token="BAD_URL")
    if not api_key or not api_key.strip():
        raise Rejected(QT_TRANSLATE_NOOP("providers", "An API key is needed."), token="NO_KEY")
    key = api_key.strip()
    if not is_printable_ascii(key):
        # A header cannot carry it (httpx raises a bare UnicodeEncodeError) and a query
        # would carry a different key; a stray control or non-ASCII character is a
        # copy-paste accident, not part of any provider's key.
        raise Rejected(QT_TRANSLATE_NOOP(
            "providers", "The API key contains characters that cannot be sent (only "
            "printable ASCII is allowed); check it was copied whole."),
            token="BAD_KEY_FORMAT")
    return _DIALECTS[profile.dialect](profile, key, url, timeout, transport)
