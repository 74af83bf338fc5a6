"""The Qt-free core: the Desk (accounts, order book, pollers, rate limits, auto-cancel,
reconciliation, history).  Pure asyncio; the window and the CLI both drive it."""

from .desk import Desk, DeskSettings
from .model import AccountInfo, Order, OrderState

__all__ = ["AccountInfo", "Desk", "DeskSettings", "Order", "OrderState"]
