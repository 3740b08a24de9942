#!/usr/bin/env python3
"""Runs a timer program and stamps each line of its output on arrival (monotonic clock, in
nanoseconds), for tests/bench/run.sh. Prints one JSON object with the end error and the
lateness of every event against its deadline.

  timing.py roll  SPEED -- roll session ROUTINE --events --speed SPEED ...
      roll's JSON lines: the deadlines come from the events themselves. Each event has `due_ms`
      (when it fell due, clock ms from the start) and `clock_ms` (when roll's clock woke for
      it), so two latenesses are reported: `own` (clock_ms - due_ms, what roll saw, whole ms)
      and `seen` (arrival on the pipe - start line arrival - due_ms: what a reader sees).
      The nominal length is the `started` event's length_ms / SPEED.
  timing.py lines PERIOD_MS COUNT -- CMD...
      a countdown that prints a line at start and one per tick: tick i is due i * PERIOD_MS
      after the first line; the nominal length is COUNT * PERIOD_MS.

The end error is the arrival of the last event (roll: `finished`) minus the arrival of the first,
minus the nominal length: the session's own clock, without process start-up. `process_ms` is
spawn to exit, start-up and exit included.
"""
import json
import subprocess
import sys
import time


def percentile(values, q):
    if not values:
        return None
    s = sorted(values)
    # Nearest rank: p99 of 100 values is the 99th, so one outlier in a hundred is not hidden.
    k = max(0, min(len(s) - 1, -(-len(s) * q // 100) - 1))
    return s[int(k)]


def stats(values):
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p99": percentile(values, 99),
        "max": max(values) if values else None,
    }


def run(cmd):
    arrivals = []
    spawn = time.monotonic_ns()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    for line in proc.stdout:
        arrivals.append((time.monotonic_ns(), line.decode("utf-8", "replace").rstrip("\n")))
    rc = proc.wait()
    end = time.monotonic_ns()
    return rc, spawn, end, arrivals


def main():
    mode = sys.argv[1]
    sep = sys.argv.index("--")
    args, cmd = sys.argv[2:sep], sys.argv[sep + 1:]
    rc, spawn, end, arrivals = run(cmd)
    if not arrivals:
        sys.exit(f"timing.py: {cmd[0]} printed nothing (exit {rc})")
    out = {"rc": rc, "process_ms": (end - spawn) / 1e6}
    if mode == "roll":
        speed = float(args[0])
        events = []
        for t, line in arrivals:
            try:
                events.append((t, json.loads(line)))
            except json.JSONDecodeError:
                continue
        t0, first = events[0]
        assert first["event"] == "started", first
        nominal = first["length_ms"] / speed
        own, seen = [], []
        finished = None
        for t, e in events:
            if "due_ms" not in e:
                continue  # the summary
            own.append(e["clock_ms"] - e["due_ms"])
            seen.append((t - t0) / 1e6 - e["due_ms"])
            if e["event"] == "finished":
                finished = t
        assert finished is not None, "no finished event"
        out.update(nominal_ms=nominal, end_error_ms=(finished - t0) / 1e6 - nominal,
                   own=stats(own), seen=stats(seen))
        # Lateness in the last tenth of the run against the first: growth would show here.
        tenth = max(1, len(seen) // 10)
        out["seen_first_tenth_max"] = max(seen[:tenth])
        out["seen_last_tenth_max"] = max(seen[-tenth:])
    else:
        period, count = float(args[0]), int(args[1])
        t0 = arrivals[0][0]
        seen = [(t - t0) / 1e6 - i * period for i, (t, _) in enumerate(arrivals)]
        nominal = period * count
        out.update(nominal_ms=nominal, end_error_ms=(arrivals[-1][0] - t0) / 1e6 - nominal,
                   seen=stats(seen[1:]), ticks=len(arrivals) - 1)
    out["process_error_ms"] = out["process_ms"] - out["nominal_ms"]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
