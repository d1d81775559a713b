#!/usr/bin/python3
"""Where a training step's time goes, lrkit against PyTorch, from two libtorch profiler traces.

Both engines are libtorch underneath, so their traces name the same operators (aten::...). This script
reads the Chrome traces written by `TrainingThroughput --profile FILE` and `torch_bench.py throughput
--profile FILE`, computes each operator's self time (its duration minus the operators nested in it on the
same thread), divides by the number of profiled steps and prints the operators side by side, largest
difference first:

    /usr/bin/python3 lrkit-bench/scripts/profile_table.py LRKIT_TRACE PYTORCH_TRACE --steps 3 [--top 25]
"""

import argparse
import collections
import json
import sys


def self_times(path):
    """Milliseconds of self time and call counts per operator name."""
    try:
        with open(path) as trace:
            events = json.load(trace)
    except (OSError, ValueError) as error:
        sys.exit("cannot read the trace %s: %s" % (path, error))
    if isinstance(events, dict):
        events = events.get("traceEvents", [])
    by_thread = collections.defaultdict(list)
    for event in events:
        if event.get("ph") == "X" and "dur" in event:
            by_thread[(event.get("pid"), event.get("tid"))].append(
                (float(event["ts"]), float(event["dur"]), event["name"]))
    totals = collections.Counter()
    calls = collections.Counter()
    for spans in by_thread.values():
        spans.sort(key=lambda span: (span[0], -span[1]))
        stack = []  # [end, name, child time]
        for start, duration, name in spans:
            while stack and stack[-1][0] <= start:
                close(stack.pop(), totals)
            if stack:
                stack[-1][2] += duration
            stack.append([start + duration, name, 0.0, duration])
            calls[name] += 1
        while stack:
            close(stack.pop(), totals)
    return {name: micros / 1000.0 for name, micros in totals.items()}, calls


def close(frame, totals):
    _, name, children, duration = frame
    totals[name] += max(0.0, duration - children)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lrkit_trace")
    parser.add_argument("pytorch_trace")
    parser.add_argument("--steps", type=int, required=True, help="profiled steps in each trace")
    parser.add_argument("--top", type=int, default=25, help="operators to list (25)")
    args = parser.parse_args()
    if args.steps < 1:
        parser.error("--steps must be >= 1, got %d" % args.steps)
    lrkit, lrkit_calls = self_times(args.lrkit_trace)
    torch, torch_calls = self_times(args.pytorch_trace)
    names = sorted(set(lrkit) | set(torch), key=lambda n: -abs(lrkit.get(n, 0) - torch.get(n, 0)))
    print("| operator | lrkit ms/step | calls/step | PyTorch ms/step | calls/step | difference ms |")
    print("|---|---|---|---|---|---|")
    for name in names[:args.top]:
        a, b = lrkit.get(name, 0.0) / args.steps, torch.get(name, 0.0) / args.steps
        print("| %s | %.1f | %d | %.1f | %d | %+.1f |" % (name, a, lrkit_calls[name] // args.steps, b,
                                                       torch_calls[name] // args.steps, a - b))
    print("| **all operators** | %.1f | %d | %.1f | %d | %+.1f |" % (
        sum(lrkit.values()) / args.steps, sum(lrkit_calls.values()) // args.steps,
        sum(torch.values()) / args.steps, sum(torch_calls.values()) // args.steps,
        (sum(lrkit.values()) - sum(torch.values())) / args.steps))


if __name__ == "__main__":
    main()
