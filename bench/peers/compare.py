#!/usr/bin/env python3
"""Compare a peer's totals with tongket's (bench/run).

    compare.py SUMMARY.json PEER_OUTPUT

SUMMARY.json is `tongket summarize --format json` (FORMATS.md §5); its
indicators[].total are the reference. PEER_OUTPUT is a peer's log: the last
line that starts with "{" is its {code: total}. Totals are equal when they
agree to the cent (money is exact to 0.01). Prints "MATCH (N indicators)" or
one line per difference, and exits 0 or 1. Standard library only.
"""

import json
import sys


def cents(v):
    return None if v is None else round(float(v) * 100)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        ref = {i["code"]: i["total"] for i in json.load(f)["indicators"]}
    peer = None
    with open(sys.argv[2], encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("{"):
                peer = line
    if peer is None:
        print(f"no JSON line in {sys.argv[2]}")
        sys.exit(1)
    got = json.loads(peer)
    # An indicator nobody reported has total null in tongket and no key in a peer.
    diffs = []
    for code in sorted(set(ref) | set(got)):
        a, b = ref.get(code), got.get(code)
        if cents(a) != cents(b):
            diffs.append(f"{code}: tongket {a}, peer {b}")
    if diffs:
        print(f"DIFFER on {len(diffs)} of {len(ref)} indicators: " + "; ".join(diffs))
        sys.exit(1)
    print(f"MATCH ({len(ref)} indicators)")


if __name__ == "__main__":
    main()
