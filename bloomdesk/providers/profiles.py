"""What differs between providers, as data: one profile per kind.

The table in ``specs/PROTOCOL-NOTES.md`` section 1 lives here, so that code reads a
profile instead of asking which provider it talks to.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Capability(enum.StrEnum):
    """Optional things a provider may offer.  balance, countries, offers, buy,
    activation, cancel and complete exist everywhere.  Members are strings, so
    ``"rerent" in provider.capabilities`` keeps working."""

    REQUEST_ANOTHER_SMS = "request_another_sms"
    RERENT = "rerent"
    ACTIVE_LIST = "active_list"  # one call lists every active order (polling in batches)
    OPERATORS = "operators"  # a choice of mobile operator when buying
    PUSH = "push"  # codes arrive by webhook (BloomSMS v1's sms.received)


# The names code outside providers/ imported before Capability existed.
REQUEST_ANOTHER_SMS = Capability.REQUEST_ANOTHER_SMS
RERENT = Capability.RERENT
ACTIVE_LIST = Capability.ACTIVE_LIST
OPERATORS = Capability.OPERATORS
PUSH = Capability.PUSH

# The handler dialect's optional actions, by their wire names: a server of the
# family may or may not answer each, so each is probed once and remembered
# (Provider.traits).  Those that make a capability of their own, and which:
EXTENDED_ACTIONS = ("getNumberV2", "getStatusV2", "getActiveActivations", "getOperators")
ACTION_CAPABILITY = {"getActiveActivations": Capability.ACTIVE_LIST,
                     "getOperators": Capability.OPERATORS}


@dataclass(frozen=True, slots=True)
class Profile:
    kind: str
    title: str
    dialect: str  # "handler" (handler_api.php), "bloomsms" (v1 envelope), "smsbulk" (REST)
    base_url: str | None  # production URL as the docs give it; None: user must give one
    default_country: str | None  # the id the provider assumes when none is sent
    capabilities: frozenset[str]
    complete_status: int | None = None  # handler dialect: setStatus value that finishes
    cancel_status: int | None = None
    retry_status: int | None = None
    # money rule
    refund_on_cancel: bool = True
    charge_silent_after: float | None = None  # s after purchase a silent order gets charged
    cancel_not_before: float | None = None  # s after purchase before a cancel is accepted
    # pacing
    requests_per_minute: int = 60
    documented_rate: bool = False  # False: a conservative assumption of ours
    # lifetimes, when the provider does not say
    activation_lifetime: float = 20 * 60
    currency: str = "USD"
    # What a country id means, for Country.iso: "canonical" (SMS-Activate's ids, read
    # through the table in data/country_iso.json), "iso" (the id is the ISO code), or
    # "own" (the kind's own numbering: only what the server or `iso_overrides` says)
    countries_by: str = "canonical"
    iso_overrides: tuple[tuple[str, str], ...] = ()  # (id, ISO) where the spec differs
    needs_base_url: bool = False
    # Handler actions beyond the basic seven that servers of this kind may answer
    # (EXTENDED_ACTIONS): probed once each, unless learned (Provider.learn)
    probes: frozenset[str] = frozenset()
    takes_max_price: bool = True  # the buy accepts a price cap

    @property
    def auto_cancel_default(self) -> bool:
        """Auto-cancel is on by default only where silence costs money."""
        return self.charge_silent_after is not None


PROFILES: dict[str, Profile] = {
    p.kind: p
    for p in (
        Profile(
            kind="bloomsms-legacy",
            title="BloomSMS (legacy API)",
            dialect="handler",
            base_url="https://api.bloomsms.com/stubs/handler_api.php",
            default_country="0",  # 0 is the USA here
            capabilities=frozenset(),
            countries_by="own",  # spec 000 gives one id: 0 is the USA
            iso_overrides=(("0", "US"),),
            complete_status=1,
            cancel_status=8,
            refund_on_cancel=True,
            charge_silent_after=120.0,  # "cancel within 2 minutes … to avoid being charged"
            takes_max_price=False,  # spec 000 documents service and country only
        ),
        Profile(
            kind="bloomsms",
            title="BloomSMS",
            dialect="bloomsms",
            base_url="https://bloomsms.com/api/v1",
            default_country="187",  # 187 is the United States, 0 Russia
            capabilities=frozenset({REQUEST_ANOTHER_SMS, RERENT, PUSH}),
            requests_per_minute=60,
            documented_rate=True,
        ),
        Profile(
            kind="smsbulk",
            title="SMSBulk",
            dialect="smsbulk",
            base_url="https://smsbulk.net/api/v1",
            default_country=None,
            capabilities=frozenset({ACTIVE_LIST}),
            requests_per_minute=120,
            countries_by="iso",
        ),
        Profile(
            kind="smsbulk-legacy",
            title="SMSBulk (SMS-Activate compatible)",
            dialect="handler",
            base_url="https://smsbulk.net/stubs/handler_api.php",
            default_country=None,
            capabilities=frozenset({REQUEST_ANOTHER_SMS}),
            iso_overrides=(("187", "TR"), ("12", "US")),  # spec 003's own mapping
            complete_status=6,  # 1 is a no-op "SMS sent" here
            cancel_status=8,
            retry_status=3,
            requests_per_minute=120,
        ),
        Profile(
            kind="sms-activate",
            title="SMS-Activate compatible",
            dialect="handler",
            base_url=None,
            default_country=None,
            capabilities=frozenset({REQUEST_ANOTHER_SMS}),
            complete_status=6,
            cancel_status=8,
            retry_status=3,
            cancel_not_before=120.0,  # EARLY_CANCEL_DENIED for the first 2 minutes
            needs_base_url=True,
            probes=frozenset(EXTENDED_ACTIONS),
        ),
    )
}

KINDS: tuple[str, ...] = tuple(PROFILES)
