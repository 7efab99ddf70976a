"""The measuring side of bench/method.ts for Python: bench/child.ts is the same for TypeScript, step for step.

A child imports the library (timed), loads its data, marks the memory baseline, runs each operation 1 + W times and
prints one JSON line (a ChildReport).
"""
import gc
import json
import os
import resource
import sys
import time


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def timed_import(load):
    """Runs `load()` (the imports of the library under test) and returns (its result, seconds)."""
    t0 = time.perf_counter()
    module = load()
    return module, time.perf_counter() - t0


class Child:
    def __init__(self, import_seconds: float, warm_runs: int) -> None:
        self.ops: dict = {}
        self.import_seconds = import_seconds
        self.warm_runs = warm_runs
        self.baseline_kb = 0

    def baseline(self) -> None:
        """Marks the baseline (libraries imported, data loaded) and resets the kernel's peak-RSS mark."""
        gc.collect()
        self.baseline_kb = _status_kb("VmRSS")
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")

    def time(self, op: str, once) -> None:
        """Adds one timed run of `op`: the first is its cold run, the rest warm."""
        gc.collect()
        t0 = time.perf_counter()
        once()
        s = time.perf_counter() - t0
        if op not in self.ops:
            self.ops[op] = {"cold": s, "warm": []}
        else:
            self.ops[op]["warm"].append(s)

    def repeat(self, op: str, once) -> None:
        for _ in range(self.warm_runs + 1):
            self.time(op, once)

    def report(self, **extra) -> None:
        r = dict(extra)
        r.update(
            ops=self.ops,
            importSeconds=self.import_seconds,
            peakKb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            baselineKb=self.baseline_kb,
            runPeakKb=_status_kb("VmHWM"),
        )
        print(json.dumps(r))
        sys.stdout.flush()
        # Skip interpreter teardown: some SDKs leave threads that make exit slow, and nothing is measured after this.
        os._exit(0)
