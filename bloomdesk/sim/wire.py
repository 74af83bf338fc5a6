"""What the simulator's wire modules share: the request and response shapes."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass
class Request:
    method: str
    path: str  # below the provider's prefix, e.g. "/api/v1/balance"
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes = b""

    def json(self) -> Any:
        if not self.body:
            return {}
        return json.loads(self.body)


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)  # a JSON number, as real servers send prices
    raise TypeError(type(value).__name__)


def text(body: str, status: int = 200, **headers: str) -> Response:
    return Response(status, body.encode(), headers=dict(headers))


def as_json(obj: Any, status: int = 200, **headers: str) -> Response:
    return Response(status, json.dumps(obj, default=_encode, ensure_ascii=False).encode(),
                    "application/json", dict(headers))


def guarded(dispatch: Callable[[Request, Any], Response],
            refuse: Callable[[Any], Response]) -> Callable[[Request, Any], Response]:
    """A dialect's handler: refusals and malformed requests answered in its own words."""
    from .state import SimError

    def handle(req: Request, prov: Any) -> Response:
        try:
            return dispatch(req, prov)
        except SimError as error:
            return refuse(error)
        except (ValueError, AttributeError):  # a malformed body or parameter
            return refuse(SimError("not_offered"))

    return handle


def retry_header(retry_after: float | None) -> dict[str, str]:
    return {"Retry-After": str(int(retry_after))} if retry_after is not None else {}
