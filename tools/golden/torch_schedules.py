#!/usr/bin/python3
"""Golden fixtures from the REAL torch.optim.lr_scheduler classes.

Writes lrkit-core/src/test/resources/golden/torch.txt.  Run from anywhere with
the Debian interpreter that has python3-torch installed:

    /usr/bin/python3 tools/golden/torch_schedules.py

For every case a fresh torch.nn.Linear(1, 1) gets
torch.optim.SGD(params, lr=base_lr, momentum=0.9); the scheduler is built, and
for t = 0..N-1 we record param_groups[0]['lr'] (and ['momentum'] when the
scheduler cycles momentum) and then call optimizer.step(); scheduler.step().
No gradients exist, so optimizer.step() changes no weights; it only keeps
PyTorch from warning about the call order.  The random configurations come from
random.Random(SEED), so reruns are byte-identical.
"""

import sys

sys.dont_write_bytecode = True  # keep tools/golden free of __pycache__

import math
import os
import random
import subprocess
import warnings

warnings.filterwarnings("ignore")

import torch  # noqa: E402
from torch.optim import lr_scheduler as S  # noqa: E402

from golden_common import (GENERATED_ON, GOLDEN_DIR, SEED, check_close, sig,  # noqa: E402
                           spec, write_fixture)

OUT = os.path.join(GOLDEN_DIR, "torch.txt")


def debian_package_version():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-torch"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except Exception:  # not a Debian install: the header just says so
        return "unknown"


def record(make_scheduler, base_lr, n, with_momentum):
    """Run the real scheduler for n steps; returns (lrs, moms or None)."""
    torch.manual_seed(0)
    model = torch.nn.Linear(1, 1)
    opt = torch.optim.SGD(model.parameters(), lr=base_lr, momentum=0.9)
    sched = make_scheduler(opt)
    lrs, moms = [], []
    for _ in range(n):
        group = opt.param_groups[0]
        lrs.append(group["lr"])
        moms.append(group["momentum"])
        opt.step()
        sched.step()
    return lrs, (moms if with_momentum else None)


# ---------------------------------------------------------------- case builders
# Each builder takes the arguments as an ordered list of (name, value) pairs
# (None = not set, i.e. PyTorch's default) and returns (spec, lrs, moms).

def one_cycle(args):
    a = dict((k, v) for k, v in args if v is not None)
    n = a["total_steps"]
    kwargs = {k: v for k, v in a.items()}
    cycle = a.get("cycle_momentum", True)
    lrs, moms = record(lambda opt: S.OneCycleLR(opt, **kwargs),
                       a["max_lr"] / a.get("div_factor", 25.0), n, cycle)
    return spec("torch.OneCycleLR", args), lrs, moms


def cyclic(args, n):
    a = dict((k, v) for k, v in args if v is not None)
    kwargs = {k: v for k, v in a.items()}
    cycle = a.get("cycle_momentum", True)
    lrs, moms = record(lambda opt: S.CyclicLR(opt, **kwargs), a["base_lr"], n, cycle)
    return spec("torch.CyclicLR", args), lrs, moms


def simple(cls, name, args, n):
    """Schedulers whose only extra argument is the optimizer's base_lr."""
    a = dict((k, v) for k, v in args if v is not None)
    base_lr = a.pop("base_lr")
    lrs, _ = record(lambda opt: cls(opt, **a), base_lr, n, False)
    return spec(name, args), lrs, None


def cawr(args, n):
    return simple(S.CosineAnnealingWarmRestarts, "torch.CosineAnnealingWarmRestarts", args, n)


# ---------------------------------------------------------------- OneCycleLR phases

def one_cycle_phase_widths(total_steps, pct_start, three_phase):
    """Phase widths exactly as torch 1.13 computes the phase end steps (floats)."""
    if three_phase:
        ends = [float(pct_start * total_steps) - 1,
                float(2 * pct_start * total_steps) - 2,
                total_steps - 1]
    else:
        ends = [float(pct_start * total_steps) - 1, total_steps - 1]
    widths, start = [], 0
    for e in ends:
        widths.append(e - start)
        start = e
    return widths


# ---------------------------------------------------------------- hand-picked cases

def hand_picked():
    cases = []
    # OneCycleLR
    cases.append(one_cycle([("max_lr", 1.0), ("total_steps", 10)]))
    cases.append(one_cycle([("max_lr", 1.0), ("total_steps", 10), ("anneal_strategy", "linear")]))
    cases.append(one_cycle([("max_lr", 1.0), ("total_steps", 10), ("three_phase", True)]))
    cases.append(one_cycle([("max_lr", 1.0), ("total_steps", 10), ("anneal_strategy", "linear"),
                            ("three_phase", True)]))
    cases.append(one_cycle([("max_lr", 1.0), ("total_steps", 10), ("cycle_momentum", False)]))
    cases.append(one_cycle([("max_lr", 1.0), ("total_steps", 7)]))
    cases.append(one_cycle([("max_lr", 0.1), ("total_steps", 100)]))
    cases.append(one_cycle([("max_lr", 0.5), ("total_steps", 20), ("pct_start", 0.25),
                            ("anneal_strategy", "linear"), ("base_momentum", 0.8),
                            ("max_momentum", 0.9), ("div_factor", 10.0),
                            ("final_div_factor", 100.0), ("three_phase", True)]))
    # CyclicLR
    base = [("base_lr", 0.1), ("max_lr", 1.0), ("step_size_up", 2)]
    cases.append(cyclic(base, 20))
    cases.append(cyclic(base + [("mode", "triangular2")], 20))
    cases.append(cyclic(base + [("mode", "exp_range"), ("gamma", 0.9)], 20))
    cases.append(cyclic([("base_lr", 0.1), ("max_lr", 1.0), ("step_size_up", 1),
                         ("step_size_down", 3)], 20))
    cases.append(cyclic(base + [("cycle_momentum", False)], 12))
    cases.append(cyclic([("base_lr", 0.001), ("max_lr", 0.006), ("step_size_up", 5),
                         ("step_size_down", 2), ("mode", "triangular2"),
                         ("base_momentum", 0.85), ("max_momentum", 0.95)], 30))
    # CosineAnnealingWarmRestarts
    cases.append(cawr([("base_lr", 1.0), ("T_0", 2), ("T_mult", 2)], 15))
    cases.append(cawr([("base_lr", 1.0), ("T_0", 1), ("T_mult", 3)], 200))
    cases.append(cawr([("base_lr", 0.1), ("T_0", 10), ("eta_min", 0.01)], 35))
    cases.append(cawr([("base_lr", 0.1), ("T_0", 10), ("T_mult", 1), ("eta_min", 0.01)], 35))
    cases.append(cawr([("base_lr", 0.05), ("T_0", 3), ("T_mult", 2), ("eta_min", 0.001)], 50))
    # CosineAnnealingLR (recursive/chainable form; periodic past T_max)
    cases.append(simple(S.CosineAnnealingLR, "torch.CosineAnnealingLR",
                        [("base_lr", 0.1), ("T_max", 10), ("eta_min", 0.001)], 35))
    cases.append(simple(S.CosineAnnealingLR, "torch.CosineAnnealingLR",
                        [("base_lr", 1.0), ("T_max", 7)], 22))
    cases.append(simple(S.CosineAnnealingLR, "torch.CosineAnnealingLR",
                        [("base_lr", 0.01), ("T_max", 1)], 6))
    # StepLR
    cases.append(simple(S.StepLR, "torch.StepLR",
                        [("base_lr", 0.1), ("step_size", 3), ("gamma", 0.5)], 12))
    cases.append(simple(S.StepLR, "torch.StepLR",
                        [("base_lr", 1.0), ("step_size", 1), ("gamma", 0.9)], 30))
    cases.append(simple(S.StepLR, "torch.StepLR", [("base_lr", 0.05), ("step_size", 10)], 40))
    # MultiStepLR (a repeated milestone multiplies by gamma once per occurrence)
    cases.append(simple(S.MultiStepLR, "torch.MultiStepLR",
                        [("base_lr", 0.1), ("milestones", [3, 7, 12]), ("gamma", 0.5)], 16))
    cases.append(simple(S.MultiStepLR, "torch.MultiStepLR",
                        [("base_lr", 1.0), ("milestones", [30, 60, 90])], 100))
    cases.append(simple(S.MultiStepLR, "torch.MultiStepLR",
                        [("base_lr", 0.1), ("milestones", [2, 2, 5]), ("gamma", 0.1)], 8))
    # ExponentialLR
    cases.append(simple(S.ExponentialLR, "torch.ExponentialLR",
                        [("base_lr", 0.1), ("gamma", 0.9)], 25))
    cases.append(simple(S.ExponentialLR, "torch.ExponentialLR",
                        [("base_lr", 1.0), ("gamma", 0.5)], 10))
    cases.append(simple(S.ExponentialLR, "torch.ExponentialLR",
                        [("base_lr", 0.01), ("gamma", 0.99)], 100))
    # LinearLR
    cases.append(simple(S.LinearLR, "torch.LinearLR", [("base_lr", 0.1)], 10))
    cases.append(simple(S.LinearLR, "torch.LinearLR",
                        [("base_lr", 0.1), ("start_factor", 1.0), ("end_factor", 0.1),
                         ("total_iters", 10)], 15))
    cases.append(simple(S.LinearLR, "torch.LinearLR",
                        [("base_lr", 1.0), ("start_factor", 0.25), ("end_factor", 0.75),
                         ("total_iters", 4)], 8))
    return cases


# ---------------------------------------------------------------- random cases

def random_momenta(rng):
    base_m = round(rng.uniform(0.5, 0.9), 3)
    max_m = round(rng.uniform(base_m + 0.01, 0.99), 3)
    assert base_m < max_m
    return base_m, max_m


def random_one_cycle(rng, count):
    cases = []
    while len(cases) < count:
        total = rng.randint(3, 400)
        pct = round(rng.uniform(0.05, 0.95), 4)
        anneal = rng.choice(["cos", "linear"])
        three = rng.random() < 0.4
        div = round(rng.uniform(2.0, 50.0), 3)
        final_div = sig(10 ** rng.uniform(1.0, 5.0), 3)
        max_lr = sig(10 ** rng.uniform(-4.0, 0.0))
        cycle = rng.random() < 0.8
        base_m, max_m = random_momenta(rng)
        # Zero width: PyTorch divides by zero.  Negative width (pct_start *
        # total_steps < 1, or three-phase with pct_start > ~0.5): PyTorch does
        # not reject it but the phases overlap; keep the random set to sane
        # schedules and draw again.
        if min(one_cycle_phase_widths(total, pct, three)) <= 0:
            continue
        args = [("max_lr", max_lr), ("total_steps", total), ("pct_start", pct),
                ("anneal_strategy", anneal), ("cycle_momentum", cycle),
                ("base_momentum", base_m if cycle else None),
                ("max_momentum", max_m if cycle else None),
                ("div_factor", div), ("final_div_factor", final_div), ("three_phase", three)]
        try:
            case = one_cycle(args)
        except ZeroDivisionError:
            continue
        cases.append(case)
    return cases


def random_cyclic(rng, count):
    cases = []
    for _ in range(count):
        base_lr = sig(10 ** rng.uniform(-5.0, -1.0))
        max_lr = sig(base_lr * rng.uniform(1.5, 100.0))
        assert base_lr < max_lr
        up = rng.randint(1, 50)
        down = None if rng.random() < 0.4 else rng.randint(1, 50)
        mode = rng.choice(["triangular", "triangular2", "exp_range"])
        gamma = round(rng.uniform(0.9, 1.0), 4) if mode == "exp_range" else None
        cycle = rng.random() < 0.7
        base_m, max_m = random_momenta(rng)
        n = 3 * (up + (down if down is not None else up)) + rng.randint(1, 5)
        args = [("base_lr", base_lr), ("max_lr", max_lr), ("step_size_up", up),
                ("step_size_down", down), ("mode", mode), ("gamma", gamma),
                ("cycle_momentum", cycle),
                ("base_momentum", base_m if cycle else None),
                ("max_momentum", max_m if cycle else None)]
        cases.append(cyclic(args, n))
    return cases


def random_cawr(rng, count):
    cases = []
    for _ in range(count):
        t0 = rng.randint(1, 20)
        tmult = rng.randint(1, 4)
        base_lr = sig(10 ** rng.uniform(-4.0, 0.0))
        eta_min = 0.0 if rng.random() < 0.25 else sig(rng.uniform(0.0, 0.1 * base_lr))
        n = rng.randint(60, 300)
        args = [("base_lr", base_lr), ("T_0", t0), ("T_mult", tmult), ("eta_min", eta_min)]
        cases.append(cawr(args, n))
    return cases


# ---------------------------------------------------------------- self-check

def find(cases, spec_string):
    for s, lrs, moms in cases:
        if s == spec_string:
            return lrs, moms
    raise KeyError(spec_string)


def self_check(cases):
    lrs, moms = find(cases, "torch.OneCycleLR(max_lr=1.0, total_steps=10)")
    check_close("OneCycleLR T=10 lr", lrs[:4], [0.04, 0.52, 1.0, 0.950484632])
    check_close("OneCycleLR T=10 lr[9]", lrs[9:], [4e-06])
    check_close("OneCycleLR T=10 momentum", moms[:3], [0.95, 0.90, 0.85])
    lrs, _ = find(cases, "torch.CyclicLR(base_lr=0.1, max_lr=1.0, step_size_up=2, mode=triangular2)")
    check_close("CyclicLR triangular2", lrs, [0.1, 0.55, 1.0, 0.55, 0.1, 0.325, 0.55])
    lrs, _ = find(cases, "torch.CosineAnnealingWarmRestarts(base_lr=1.0, T_0=2, T_mult=2)")
    check_close("CAWR T_0=2 T_mult=2", lrs, [1.0, 0.5, 1.0, 0.853553, 0.5, 0.146447, 1.0])


def main():
    rng = random.Random(SEED)
    cases = hand_picked()
    n_hand = len(cases)
    cases += random_one_cycle(rng, 45)
    cases += random_cyclic(rng, 40)
    cases += random_cawr(rng, 30)
    self_check(cases)
    header = [
        "Golden learning-rate schedules from the real PyTorch schedulers (torch.optim.lr_scheduler).",
        "generator: tools/golden/torch_schedules.py (regenerate: /usr/bin/python3 tools/golden/torch_schedules.py)",
        "library: torch %s (Debian package python3-torch %s), Python %d.%d.%d"
        % ((torch.__version__, debian_package_version()) + tuple(sys.version_info[:3])),
        "date: %s; random cases from random.Random(%d); reruns are byte-identical" % (GENERATED_ON, SEED),
        "provenance: for each case a fresh torch.nn.Linear(1, 1) and torch.optim.SGD(params, lr=base_lr, momentum=0.9);",
        "  for t = 0..N-1: record param_groups[0]['lr'] (and ['momentum'] when the scheduler cycles momentum),",
        "  then optimizer.step(); scheduler.step().  Values are Python floats written with repr().",
        "  OneCycleLR: base_lr is not an argument (the scheduler sets lr = max_lr / div_factor); N = total_steps.",
        "cases: %d (%d hand-picked, %d random)" % (len(cases), n_hand, len(cases) - n_hand),
    ]
    size = write_fixture(OUT, header, cases)
    print("wrote %s: %d cases, %d bytes" % (os.path.relpath(OUT), len(cases), size))


if __name__ == "__main__":
    main()
