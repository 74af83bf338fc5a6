"""The simulator in its own process, for the benchmarks.

``python -m benchmarks.simproc --kinds bloomsms,smsbulk --orders 67``: one account per
kind, and that many activations per account already bought (their codes scheduled by
the ``go`` command).  Prints one JSON line with the URLs, keys and activations, then
answers commands on stdin, one JSON line each:

- ``go MIN MAX``: every activation's code arrives MIN..MAX s from now (uniform,
  seeded); answers {activation id: arrival time};
- ``stats``: requests and 429 answers per kind;
- ``quit``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time

from bloomdesk.sim import Simulator

KEYS = {"bloomsms": "sk_bench_bloomsms_000001", "smsbulk": "bench-smsbulk-key-000001",
        "sms-activate": "bench-sa-key-0000000001", "bloomsms-legacy": "bench-legacy-key-001",
        "smsbulk-legacy": "bench-smsbulk-key-000001"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kinds", default="bloomsms")
    parser.add_argument("--orders", type=int, default=0)
    parser.add_argument("--unlimited", action="store_true",
                        help="no request limit (benchmarks of size, not of pacing)")
    args = parser.parse_args()
    kinds = [k for k in args.kinds.split(",") if k]
    sim = Simulator()
    for prov in sim.providers.values():
        prov.rules.code_delay = None  # codes come when `go` says
        if args.unlimited:
            prov.rules.requests_per_minute = None
    for kind in kinds:
        sim.add_account(kind, KEYS[kind], "100000.00")
    sim.start()
    orders = []
    rng = random.Random(7)
    for kind in kinds:
        prov = sim.provider(kind)
        stocked = [(iso, code) for (iso, code), offer in prov.catalogue.offers.items()
                   if offer.stock > 20]
        with sim.lock:
            for _ in range(args.orders):
                iso, service = rng.choice(stocked)
                act = prov.buy(KEYS[kind], service, iso, None)
                orders.append({"kind": kind, "id": act.id, "phone": act.phone,
                               "service": service, "iso": iso, "price": str(act.price),
                               "created": act.created, "expires": act.expires})
    print(json.dumps({"urls": {k: sim.url(k) for k in kinds},
                      "keys": {k: KEYS[k] for k in kinds}, "orders": orders}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "go":
            low, high = float(words[1]), float(words[2])
            now = time.time()
            arrivals = {}
            with sim.lock:
                for kind in kinds:
                    for act in sim.provider(kind).activations.values():
                        act.code_at = now + rng.uniform(low, high)
                        arrivals[f"{kind}:{act.id}"] = act.code_at
            print(json.dumps(arrivals), flush=True)
        elif words[0] == "stats":
            print(json.dumps({k: {**sim.stats(k), "status": sim.sent(k, "status")}
                              for k in kinds}), flush=True)
        elif words[0] == "quit":
            print("{}", flush=True)
            break
    sim.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
