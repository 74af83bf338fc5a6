"""The limits on every answer, and the bounded reading that enforces them.

:meth:`Http.send <bloomdesk.providers.http.Http.send>` applies them, the one place
bytes come in: the size of an answer counted on its decoded (decompressed) bytes as
they stream, and its total time.  Each number is chosen here once, with its reason.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

import httpx

from ..i18n import QT_TRANSLATE_NOOP
from .errors import ProtocolError

# Size of one answer, counted on the decoded bytes.  A balance, an order or an error
# is under 10 kB; 2 MB is room for any of them, and for a list of active orders
# (a few hundred rows at most), and keeps a runaway answer cheap.
ANSWER_MAX_BYTES = 2 * 1024 * 1024
# Catalogue answers (price lists, countries, the services list, each page of a
# paginated list) are the big ones: the full price list of ~104k offers is 9.2 MB as
# BloomSMS v1 sends it (the most verbose dialect), 4.3 MB on handler_api.php.  64 MB
# is 7x that, and still a bounded cost on a desktop.
CATALOGUE_MAX_BYTES = 64 * 1024 * 1024
# A catalogue answer may take this many times the account's timeout, in total: a
# 9 MB list over a slow link takes longer than a balance, and a timeout (20 s by
# default) is the time a person waits for one small answer.
CATALOGUE_DEADLINE_FACTOR = 4.0
# The most bytes one step of decompression may produce: bounds the memory of a gzip
# bomb (1 GB of zeros is ~1 MB of gzip; 64 kB of it is 64 MB inflated in one call).
DECODE_STEP = 256 * 1024
# A Retry-After longer than this is read as this: a server asking for an hour (or
# for year 9999) must not silence an account, and a cancel near its free-cancel
# deadline must still go out.  Five minutes is longer than any documented limit
# window (60 s) with room to spare.
RETRY_AFTER_MAX = 300.0


class AnswerTooLarge(Exception):
    """Raised inside :meth:`Http.send` when an answer passes its size cap."""


class _Decoder:
    """Content-Encoding undone in bounded steps (stdlib zlib).

    httpx inflates each network chunk in one call, so 64 kB of a gzip bomb would be
    ~64 MB in memory before any cap could look at it; here every step yields at most
    :data:`DECODE_STEP` bytes, lazily, so the caller stops before the next one.  gzip
    and deflate are what we ask for (Accept-Encoding); an encoding we did not ask for
    passes through undecoded, as httpx does, bounded by the same cap, and then fails
    to parse.
    """

    def __init__(self, header: str) -> None:
        codings = [c.strip().lower() for c in header.split(",") if c.strip()]
        coded = [c for c in codings if c in ("gzip", "x-gzip", "deflate")]
        if len(coded) > 1:
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The provider's answer is compressed twice over."))
        self._deflate = coded == ["deflate"]
        self._inflate: Any = None  # zlib's Decompress type is not public
        if coded:
            # gzip; or deflate in its zlib wrapper (raw deflate is tried on failure)
            self._inflate = zlib.decompressobj(zlib.MAX_WBITS | (0 if self._deflate else 16))
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._inflate is None:
            yield data
            return
        while data and not self._inflate.eof:
            try:
                piece = self._inflate.decompress(data, DECODE_STEP)
            except zlib.error:
                if not self._deflate or self._started:
                    raise ProtocolError(QT_TRANSLATE_NOOP(
                        "providers", "The provider's compressed answer is corrupt.")) \
                        from None
                # "deflate" sent as raw DEFLATE without the zlib wrapper (seen in the
                # wild; httpx accepts it too)
                self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                self._started = True
                continue
            self._started = True
            data = self._inflate.unconsumed_tail
            yield piece

    def flush(self) -> bytes:
        """What inflation still holds once the body ended (at most its 32 kB window)."""
        if self._inflate is None:
            return b""
        try:
            return bytes(self._inflate.flush())
        except zlib.error:
            raise ProtocolError(QT_TRANSLATE_NOOP(
                "providers", "The provider's compressed answer is corrupt.")) from None


async def read_bounded(response: httpx.Response, cap: int) -> bytes:
    """The decoded body, or :class:`AnswerTooLarge` as soon as it passes ``cap`` bytes.

    Reading stops at the cap: the rest of an endless or huge body is never read (the
    connection is closed instead of drained).  Chunks are kept in a list and joined
    once: no doubling buffer, so the peak is the cap plus one step.
    """
    if response.is_stream_consumed:
        # Built in memory, already read and decoded: a transport given to connect()
        # (httpx.MockTransport) answers so.  Nothing more to bound but its size.
        if len(response.content) > cap:
            raise AnswerTooLarge
        return response.content
    decoder = _Decoder(response.headers.get("Content-Encoding", ""))
    chunks: list[bytes] = []
    size = 0
    async for raw in response.aiter_raw():
        for piece in decoder.feed(raw):
            size += len(piece)
            if size > cap:
                raise AnswerTooLarge
            chunks.append(piece)
    rest = decoder.flush()
    if size + len(rest) > cap:
        raise AnswerTooLarge
    chunks.append(rest)
    return b"".join(chunks)


def decode_text(response: httpx.Response, content: bytes) -> str:
    """The body as text: the declared charset, else UTF-8; bad bytes replaced."""
    try:
        return content.decode(response.charset_encoding or "utf-8", "replace")
    except LookupError:
        return content.decode("utf-8", "replace")
