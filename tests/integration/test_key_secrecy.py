"""The API key appears in no log record, no exception text and no repr, for every kind.

Logging runs at DEBUG with httpx and httpcore on: httpx writes every request URL,
query string (and so the handler dialect's ``api_key``) included.
"""

from __future__ import annotations

import io
import logging
import traceback

import pytest

from bloomdesk.providers import KINDS, connect
from bloomdesk.providers.errors import ProviderError
from bloomdesk.sim import Fault, Simulator

SECRET = "Sk9-LIVE-{kind}-c0ffee1234567890"


@pytest.mark.parametrize("kind", KINDS)
async def test_key_never_leaks(sim: Simulator, kind: str, caplog: pytest.LogCaptureFixture) -> None:
    key = SECRET.format(kind=kind)
    sim.add_account(kind, key, "1.00")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    for name in ("httpx", "httpcore", "bloomdesk"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    errors: list[BaseException] = []
    try:
        provider = connect(kind, api_key=key, base_url=sim.url(kind), timeout=1.0)
        texts = [repr(provider), str(provider)]
        async with provider:
            await provider.balance()
            offers = await provider.offers(service="tg")
            offer = next(o for o in offers if o.stock > 0)
            await provider.buy(offer.service, offer.country)  # refused: too little money?
            for fault in (Fault("answer", body=f"Oops api_key={key} BAD", status=500),
                          Fault("answer", body=f"<html>{key}</html>", status=200),
                          Fault("latency", seconds=2.0), Fault("reset"), Fault("truncated")):
                sim.fault(kind, fault)
                try:
                    await provider.balance()
                except ProviderError as exc:
                    errors.append(exc)
            for call in (provider.activation("424242"), provider.rerent("424242"),
                         provider.buy("tg", offer.country, offer.price * 100)):
                try:
                    await call
                except ProviderError as exc:
                    errors.append(exc)
            for exc in errors:
                logging.getLogger("bloomdesk.test").exception("failed: %s", exc)
        wrong = connect(kind, api_key=key + "-wrong", base_url=sim.url(kind))
        async with wrong:
            with pytest.raises(ProviderError) as refused:
                await wrong.balance()
        errors.append(refused.value)
    finally:
        root.removeHandler(handler)
        for name in ("httpx", "httpcore", "bloomdesk"):
            logging.getLogger(name).setLevel(logging.NOTSET)

    assert len(errors) >= 6
    assert any(r.name.startswith("httpx") for r in caplog.records), "httpx logging was on"
    for exc in errors:
        texts += [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
        texts += [str(arg) for arg in exc.args]
    texts += [r.getMessage() for r in caplog.records]
    texts += [caplog.text, stream.getvalue()]
    for text in texts:
        assert key not in text
        assert key[:12] not in text
