"""The wizard's keystroke property test (tests/cli/test_keystrokes.py) for as long as you like.

    python benchmarks/keystrokes.py                 # 2,000 random runs
    python benchmarks/keystrokes.py --examples 20000 --seed 7

Each run types random keys into `hanban ask` on a pretend terminal (see tests/keystrokes.py) and
must end in a checklist (exit 0) or the documented interrupt (exit 130, one line). Prints how the
runs ended, and the first failing key sequence, shrunk, if any.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="how many random runs (default 2000)")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed, to repeat a run")
    args = parser.parse_args()

    from hypothesis import HealthCheck, given, seed, settings

    from keystrokes import check, scenarios

    ends: collections.Counter[int] = collections.Counter()

    @settings(max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(scenarios())
    def run(scenario: tuple[str, str | None, str, bool]) -> None:
        ends[check(*scenario)] += 1

    if args.seed is not None:
        run = seed(args.seed)(run)
    start = time.perf_counter()
    try:
        run()
    except Exception as exc:  # noqa: BLE001 (hypothesis has printed the shrunk failing example)
        print(f"FAILED after {sum(ends.values())} runs: {exc!r}")
        return 1
    took = time.perf_counter() - start
    print(f"{sum(ends.values())} runs in {took:.1f} s: {ends[0]} ended in a checklist, {ends[130]} interrupted; no other ending")
    return 0


if __name__ == "__main__":
    sys.exit(main())
