"""``python -m bloomdesk.sim --port 8765``: run the simulator on its own.

Prints the base URL and the key of one demo account per kind, then serves until
interrupted.
"""

from __future__ import annotations

import argparse
import signal
import threading

from . import KIND, Simulator, demo_accounts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bloomdesk.sim",
                                     description="BloomDesk's provider simulator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every answer")
    parser.add_argument("--code-delay", type=float, default=4.0,
                        help="seconds until a code arrives (negative: never)")
    args = parser.parse_args(argv)
    sim = Simulator(host=args.host, port=args.port, latency=args.latency)
    for prov in sim.providers.values():
        prov.rules.code_delay = None if args.code_delay < 0 else args.code_delay
    for kind, key, balance in demo_accounts():
        sim.add_account(kind, key, balance)
    sim.start()
    print(f"BloomDesk simulator on {sim.base}")
    for name, key, balance in demo_accounts():  # a kind, or a server of one (KIND)
        kind = "" if KIND[name] == name else f"  (--kind {KIND[name]})"
        print(f"  {name:16} {sim.url(name)}  key={key}  balance={balance}{kind}")
    kind, key, _ = demo_accounts()[1]
    print("\nTry it with bloomdesk-cli (a throwaway state folder, the key from the "
          "environment):\n"
          f"  export BLOOMDESK_STATE_DIR=$(mktemp -d) BLOOMDESK_KEY_SIM={key}\n"
          f"  bloomdesk-cli accounts add --kind {kind} --label sim --base-url {sim.url(kind)}\n"
          "  bloomdesk-cli buy tg --wait", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: done.set())
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    done.wait()
    sim.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
