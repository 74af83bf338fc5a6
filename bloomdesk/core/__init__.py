"""The Qt-free core: the Desk (accounts, order book, pollers, rate limits, auto-cancel,
reconciliation, history).  Pure asyncio; the window and the CLI both drive it."""

from ..domain import AccountInfo, Order, OrderState, Reason
from .desk import Desk
from .settings import DeskSettings

__all__ = ["AccountInfo", "Desk", "DeskSettings", "Order", "OrderState", "Reason"]
