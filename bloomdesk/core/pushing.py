"""Webhooks, switched on and off: the receiver's lifecycle and which accounts it covers
(codes of those accounts come by push; their waiting orders rest from polling)."""

from __future__ import annotations

from collections.abc import Callable

from ..providers.profiles import Capability
from .accounts import Accounts
from .push import PushedCode, PushIntake, PushOutcome
from .webhook import WebhookReceiver


class Webhooks:
    def __init__(self, intake: PushIntake, accounts: Accounts,
                 replan: Callable[[Callable[[str], bool]], None]) -> None:
        self.intake = intake
        self.accounts = accounts
        self.replan = replan  # replan the pollers of the accounts a predicate picks
        self.receiver: WebhookReceiver | None = None

    def covers(self, label: str) -> bool:
        """Whether codes of this account arrive by webhook now."""
        receiver = self.receiver
        return receiver is not None and receiver.running and \
            Capability.PUSH in self.accounts.profile(label).capabilities

    def deliver(self, push: PushedCode) -> PushOutcome:
        return self.intake.deliver(push)

    async def start(self, host: str, port: int, token: str) -> WebhookReceiver:
        """Receive events (replacing a running receiver); raises OSError with a plain
        message when it cannot listen."""
        await self.stop()
        receiver = WebhookReceiver(self.deliver, host, port, token)
        await receiver.start()
        self.receiver = receiver
        self.replan(self.covers)  # waiting orders rest from now on
        return receiver

    async def stop(self) -> None:
        receiver, self.receiver = self.receiver, None
        if receiver is not None:
            await receiver.stop()
            self.replan(lambda label: True)  # back to the normal pace at once
