"""The API key appears in no log record, no exception text and no repr, for every kind.

Logging runs at DEBUG with httpx and httpcore on: httpx writes every request URL,
query string (and so the handler dialect's ``api_key``) included.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

from bloomdesk.providers import KINDS, connect
from bloomdesk.providers.errors import ProviderError
from bloomdesk.sim import Fault, Simulator
from tests.hostile import Seen

ROOT = Path(__file__).resolve().parents[2]

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


# ------------------------------------------------------------ encoded keys, odd keys

ENCODABLE = "Sk9+LIVE/{kind}=c0ffee~1234567890"  # "+", "/" and "=" change when encoded


def encoded_forms(key: str) -> dict[str, str]:
    """The key as a server might echo it: every percent-encoding, either hex case."""
    from urllib.parse import quote, quote_plus

    strict = quote(key, safe="")
    forms = {"quote": strict, "quote, / kept": quote(key), "quote_plus": quote_plus(key),
             "lower-case hex": re.sub(r"%[0-9A-F]{2}", lambda m: m[0].lower(), strict)}
    assert all(form != key for form in forms.values()), "the key must change when encoded"
    return forms


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("form", ["as sent", "quote", "quote, / kept", "quote_plus",
                                  "lower-case hex"])
@pytest.mark.parametrize("status", [200, 418])
async def test_an_echoed_encoded_key_is_redacted(kind: str, form: str, status: int) -> None:
    """A server that echoes the request (its query, or the key in any percent-encoding)
    in an error body never gets the key into an error message or excerpt."""
    from urllib.parse import quote

    from tests.hostile import HostileServer, echo

    key = ENCODABLE.format(kind=kind)

    def body(seen: Seen) -> str:
        if form == "as sent":
            # what this server received, percent-encoded as the client sent it
            sent = seen.param("api_key") and seen.raw_query.split("api_key=")[1].split("&")[0]
            return f"Unknown account {sent or quote(key, safe='')} (check your key)"
        return f"Unknown account {encoded_forms(key)[form]} (check your key)"

    with HostileServer() as server:
        server.answer(echo(body, status))
        async with connect(kind, api_key=key, base_url=server.url_for(kind)) as provider:
            with pytest.raises(ProviderError) as caught:
                await provider.balance()
    exc = caught.value
    texts = [str(exc), repr(exc), exc.message, getattr(exc, "excerpt", ""),
             "".join(traceback.format_exception(exc))]
    assert "check your key" in exc.message, "the body was quoted (the point of this test)"
    for text in texts:
        assert key not in text
        for shown in encoded_forms(key).values():
            assert shown not in text, (form, text)
            assert shown[:14] not in text, (form, text)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("key", ["abc\u00e9def123456", "key-\u2028-123456", "key\x00123456",
                                 "key\n123456789", "ключ-123456789", "key\x7f123456"])
def test_a_key_that_cannot_be_sent_is_refused_clearly(kind: str, key: str) -> None:
    """A header cannot carry it (httpx raised a bare UnicodeEncodeError on the first
    call); the user is told, at connect(), what to check."""
    from bloomdesk.providers.errors import Rejected

    with pytest.raises(Rejected) as caught:
        connect(kind, api_key=key, base_url="http://127.0.0.1:9/x")
    assert caught.value.token == "BAD_KEY_FORMAT"
    assert "printable ASCII" in caught.value.message
    assert key not in str(caught.value)


# ------------------------------------------------- the provider layer on its own

_ALONE = r'''
import asyncio, json, logging, sys, traceback

records = []


class Keep(logging.Handler):
    def emit(self, record):
        records.append(self.format(record))


keep = Keep()
keep.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
logging.basicConfig(level=logging.DEBUG, handlers=[keep])
for name in ("httpx", "httpcore", "bloomdesk"):
    logging.getLogger(name).setLevel(logging.DEBUG)

from bloomdesk.providers import connect
from bloomdesk.providers.errors import ProviderError

log = logging.getLogger("script")


async def main():
    for kind, url, key in json.loads(sys.argv[1]):
        async with connect(kind, api_key=key, base_url=url, timeout=5) as provider:
            log.info("balance %s", await provider.balance())
            offers = await provider.offers(service="tg")
            offer = next(o for o in offers if o.stock > 0)
            bought = await provider.buy(offer.service, offer.country)
            log.info("bought %s", bought)
            log.info("status %s", await provider.activation(bought.id))
            try:
                await provider.cancel(bought.id)
            except ProviderError:
                log.exception("cancel refused")
        async with connect(kind, api_key=key + "-wrong", base_url=url, timeout=5) as wrong:
            try:
                await wrong.balance()
            except ProviderError:
                log.exception("wrong key")


asyncio.run(main())
print("RECORDS " + json.dumps(records))
'''


def test_keys_stay_secret_when_the_provider_layer_is_used_on_its_own(sim: Simulator) -> None:
    """No app, no install_log_redaction() call: a script that logs at DEBUG (httpx
    and httpcore on) and uses connect() for every kind leaves its keys in no record,
    plain or percent-encoded.  A child process: this test process already installed
    the redaction (tests/conftest.py)."""
    jobs = []
    for kind in KINDS:
        key = ENCODABLE.format(kind=kind)
        sim.add_account(kind, key, "10.00")
        jobs.append((kind, sim.url(kind), key))
    done = subprocess.run(
        [sys.executable, "-c", _ALONE, json.dumps(jobs)], cwd=ROOT, capture_output=True,
        text=True, timeout=120, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("RECORDS "))
    records: list[str] = json.loads(line[len("RECORDS "):])
    assert any(r.startswith("httpx INFO HTTP Request") for r in records), "httpx logged"
    assert any(r.startswith("httpcore") for r in records), "httpcore logged"
    assert sum("api_key=" in r for r in records) >= 3 * 5, "handler URLs were logged"
    assert any("Traceback" in r for r in records), "exceptions were logged"
    everything = "\n".join(records) + done.stderr
    for _, _, key in jobs:
        assert key not in everything
        for form, shown in encoded_forms(key).items():
            assert shown not in everything, form
