#!/usr/bin/python3
"""Golden fixtures for the Keras, fastai, optax and timm schedules, computed from
their published formulas in plain Python (float64).

None of those libraries can be installed on the project's machines, so these
values are NOT produced by the libraries themselves: each function below is an
independent double-precision evaluation of the formula that the library
documents (see tools/golden/README.md for the formula and its source).  The
libraries themselves usually compute in float32 (Keras, optax, fastai's
position tensors), so their own output agrees with these values only to
float32 precision; compare lrkit against this file with a small relative
tolerance, not bit for bit.

Restart / cycle indices (keras.CosineDecayRestarts, timm.CosineLRScheduler
with cycle_mul != 1, fastai.fit_sgdr) are computed EXACTLY with rational
arithmetic, so a step that lies exactly on a restart boundary always belongs
to the new cycle (the libraries' floating-point log() can put it on the wrong
side).

Writes lrkit-core/src/test/resources/golden/formulas.txt:

    /usr/bin/python3 tools/golden/formula_schedules.py
"""

import sys

sys.dont_write_bytecode = True  # keep tools/golden free of __pycache__

import math
import os
import random
from fractions import Fraction

from golden_common import (GENERATED_ON, GOLDEN_DIR, SEED, check_close, sig,  # noqa: E402
                           spec, write_fixture)

OUT = os.path.join(GOLDEN_DIR, "formulas.txt")
PI = math.pi


def geometric_restart_index(t, first, mul):
    """Largest i >= 0 with first * (mul**i - 1) / (mul - 1) <= t, exactly (mul > 1).

    The float log() gives an estimate that is corrected by checking the
    neighbouring boundaries in rational arithmetic (mul is taken at the exact
    binary value of the float)."""
    F, M, T = Fraction(first), Fraction(mul), Fraction(t)
    assert M > 1

    def start(i):  # first step of cycle i
        return F * (M ** i - 1) / (M - 1)

    i = max(0, int(math.floor(math.log(1.0 + t / first * (mul - 1.0)) / math.log(mul))))
    while i > 0 and start(i) > T:
        i -= 1
    while start(i + 1) <= T:
        i += 1
    return i


def float_log_restart_index(t, first, mul):
    """The index as the libraries compute it (float log); only used for the report."""
    return int(math.floor(math.log(1.0 - t / first * (1.0 - mul)) / math.log(mul)))


# ---------------------------------------------------------------- Keras 3

def keras_cosine_decay(n, initial_learning_rate, decay_steps, alpha=0.0, warmup_target=None,
                       warmup_steps=0):
    out = []
    for t in range(n):
        if warmup_target is None:
            f = min(t, decay_steps) / decay_steps
            out.append(initial_learning_rate * ((1 - alpha) * 0.5 * (1 + math.cos(PI * f)) + alpha))
        elif t < warmup_steps:
            out.append(initial_learning_rate
                       + (warmup_target - initial_learning_rate) * t / warmup_steps)
        else:
            s = min(t - warmup_steps, decay_steps)
            out.append(warmup_target * ((1 - alpha) * 0.5 * (1 + math.cos(PI * s / decay_steps))
                                        + alpha))
    return out


BOUNDARY_NOTES = []  # steps where the float-log index differs from the exact one


def keras_cosine_decay_restarts(n, initial_learning_rate, first_decay_steps, t_mul=2.0,
                                m_mul=1.0, alpha=0.0, label=""):
    out = []
    for t in range(n):
        f = t / first_decay_steps
        if t_mul == 1.0:
            i = t // first_decay_steps  # exact (integers)
            f -= i
        else:
            i = geometric_restart_index(t, first_decay_steps, t_mul)
            if float_log_restart_index(t, first_decay_steps, t_mul) != i:
                BOUNDARY_NOTES.append("%s: t=%d float-log index %d, exact %d"
                                      % (label, t, float_log_restart_index(t, first_decay_steps, t_mul), i))
            total = (1 - t_mul ** i) / (1 - t_mul)
            f = (f - total) / t_mul ** i
        out.append(initial_learning_rate
                   * ((1 - alpha) * 0.5 * m_mul ** i * (1 + math.cos(PI * f)) + alpha))
    return out


# ---------------------------------------------------------------- fastai v2

def sched_cos(start, end, p):
    """fastai SchedCos(start, end)(p)."""
    return start + (1 + math.cos(PI * (1 - p))) * (end - start) / 2


def combined_cos(pos, pct, start, middle, end):
    if pos < pct:
        return sched_cos(start, middle, pos / pct)
    return sched_cos(middle, end, (pos - pct) / (1 - pct))


def fastai_fit_one_cycle(lr_max, total_steps, div=25.0, div_final=1e5, pct_start=0.25,
                         moms=(0.95, 0.85, 0.95)):
    lrs, momentum = [], []
    for i in range(total_steps):
        pos = i / total_steps
        lrs.append(combined_cos(pos, pct_start, lr_max / div, lr_max, lr_max / div_final))
        momentum.append(combined_cos(pos, pct_start, moms[0], moms[1], moms[2]))
    return lrs, momentum


def fastai_sgdr_length(n_cycles, cycle_len, cycle_mult):
    if cycle_mult != 1:
        return cycle_len * (cycle_mult ** n_cycles - 1) // (cycle_mult - 1)
    return cycle_len * n_cycles


def fastai_fit_sgdr(n_cycles, cycle_len, lr_max, steps_per_epoch, cycle_mult=2):
    """Cycle c covers steps [start_c, start_c + len_c) with len_c =
    steps_per_epoch * cycle_len * cycle_mult**c; the local position p is
    computed exactly as (i - start_c) / len_c (one rounding)."""
    n = fastai_sgdr_length(n_cycles, cycle_len, cycle_mult) * steps_per_epoch
    starts, s = [], 0
    for c in range(n_cycles):
        starts.append(s)
        s += steps_per_epoch * cycle_len * cycle_mult ** c
    assert s == n
    out = []
    for i in range(n):
        c = max(k for k in range(n_cycles) if starts[k] <= i)
        length = steps_per_epoch * cycle_len * cycle_mult ** c
        out.append(sched_cos(lr_max, 0.0, (i - starts[c]) / length))
    return out


# ---------------------------------------------------------------- optax

def cos_interp(start, end, p):
    return end + (start - end) / 2 * (math.cos(PI * p) + 1)


def optax_cosine_onecycle(transition_steps, peak_value, pct_start=0.3, div_factor=25.0,
                          final_div_factor=1e4, extra=4):
    T = transition_steps
    knots = [0, int(pct_start * T), T]
    assert 0 < knots[1] < T
    values = [peak_value / div_factor, peak_value, peak_value / (div_factor * final_div_factor)]
    out = []
    for t in range(T + extra):
        if t >= T:
            out.append(values[2])
            continue
        k = 0 if t < knots[1] else 1
        a, b = knots[k], knots[k + 1]
        out.append(cos_interp(values[k], values[k + 1], (t - a) / (b - a)))
    return out


def warmup_cosine_decay(s, init_value, peak_value, warmup_steps, decay_steps, end_value):
    if s < warmup_steps:
        return init_value + (peak_value - init_value) * s / warmup_steps
    D = decay_steps - warmup_steps
    c = min(s - warmup_steps, D)
    return end_value + (peak_value - end_value) * 0.5 * (1 + math.cos(PI * c / D))


def per_cycle(v, cycles):
    return list(v) if isinstance(v, list) else [v] * cycles


def optax_sgdr(cycles, init_value, peak_value, warmup_steps, decay_steps, end_value=0.0, extra=3):
    iv, pv, ws, ds, ev = (per_cycle(x, cycles) for x in
                          (init_value, peak_value, warmup_steps, decay_steps, end_value))
    assert all(len(x) == cycles for x in (iv, pv, ws, ds, ev))
    total = sum(ds)
    out = []
    for t in range(total + extra):
        start = 0
        for c in range(cycles):
            if t < start + ds[c] or c == cycles - 1:
                out.append(warmup_cosine_decay(t - start, iv[c], pv[c], ws[c], ds[c], ev[c]))
                break
            start += ds[c]
    return out


# ---------------------------------------------------------------- timm

def timm_cosine(n, base_lr, t_initial, lr_min=0.0, cycle_mul=1.0, cycle_decay=1.0, cycle_limit=1,
                warmup_t=0, warmup_lr_init=0.0, warmup_prefix=False, k_decay=1.0, label=""):
    out = []
    for t in range(n):
        if t < warmup_t:
            out.append(warmup_lr_init + t * (base_lr - warmup_lr_init) / warmup_t)
            continue
        if warmup_prefix:
            t = t - warmup_t
        if cycle_mul != 1:
            i = geometric_restart_index(t, t_initial, cycle_mul)
            if float_log_restart_index(t, t_initial, cycle_mul) != i:
                BOUNDARY_NOTES.append("%s: t=%d float-log index %d, exact %d"
                                      % (label, t, float_log_restart_index(t, t_initial, cycle_mul), i))
            t_i = cycle_mul ** i * t_initial
            t_curr = t - t_initial * (cycle_mul ** i - 1) / (cycle_mul - 1)
        else:
            i = t // t_initial
            t_i = t_initial
            t_curr = t - t_initial * i
        lr_max = base_lr * cycle_decay ** i
        if i < cycle_limit:
            out.append(lr_min + 0.5 * (lr_max - lr_min)
                       * (1 + math.cos(PI * t_curr ** k_decay / t_i ** k_decay)))
        else:
            out.append(lr_min)
    return [float(v) for v in out]


# ---------------------------------------------------------------- cases

def keras_cases(rng):
    cases = []

    def cd(n, args):
        kw = dict((k, v) for k, v in args if v is not None)
        cases.append((spec("keras.CosineDecay", args), keras_cosine_decay(n, **kw), None))

    def cdr(n, args):
        kw = dict((k, v) for k, v in args if v is not None)
        s = spec("keras.CosineDecayRestarts", args)
        cases.append((s, keras_cosine_decay_restarts(n, label=s, **kw), None))

    cd(14, [("initial_learning_rate", 1.0), ("decay_steps", 10)])
    cd(25, [("initial_learning_rate", 0.1), ("decay_steps", 20), ("alpha", 0.1)])
    cd(20, [("initial_learning_rate", 0.0), ("decay_steps", 10), ("warmup_target", 1.0),
            ("warmup_steps", 5)])
    cd(120, [("initial_learning_rate", 0.01), ("decay_steps", 100), ("alpha", 0.05),
             ("warmup_target", 0.1), ("warmup_steps", 10)])
    cd(8, [("initial_learning_rate", 0.5), ("decay_steps", 5), ("warmup_target", 1.0)])
    for _ in range(10):
        init = sig(10 ** rng.uniform(-4.0, 0.0))
        decay = rng.randint(1, 200)
        alpha = 0.0 if rng.random() < 0.3 else round(rng.uniform(0.0, 0.5), 3)
        if rng.random() < 0.5:
            target, warm = sig(init * rng.uniform(1.0, 10.0)), rng.randint(0, 50)
        else:
            target, warm = None, None
        n = (warm or 0) + decay + rng.randint(1, 10)
        cd(n, [("initial_learning_rate", init), ("decay_steps", decay),
               ("alpha", alpha if alpha else None), ("warmup_target", target),
               ("warmup_steps", warm)])

    cdr(30, [("initial_learning_rate", 1.0), ("first_decay_steps", 2), ("t_mul", 2.0),
             ("m_mul", 0.5), ("alpha", 0.1)])
    cdr(200, [("initial_learning_rate", 0.1), ("first_decay_steps", 10)])
    cdr(40, [("initial_learning_rate", 0.1), ("first_decay_steps", 5), ("t_mul", 1.0)])
    cdr(130, [("initial_learning_rate", 1.0), ("first_decay_steps", 1), ("t_mul", 3.0)])
    cdr(120, [("initial_learning_rate", 0.1), ("first_decay_steps", 8), ("t_mul", 1.5),
              ("m_mul", 0.8)])
    cdr(100, [("initial_learning_rate", 0.05), ("first_decay_steps", 4), ("t_mul", 1.5),
              ("alpha", 0.01)])
    cdr(300, [("initial_learning_rate", 0.02), ("first_decay_steps", 16), ("t_mul", 1.25),
              ("m_mul", 0.9), ("alpha", 0.05)])
    for _ in range(10):
        init = sig(10 ** rng.uniform(-4.0, 0.0))
        first = rng.randint(1, 30)
        t_mul = rng.choice([1.0, 1.5, 2.0, 3.0, 1.25, sig(rng.uniform(1.1, 3.0), 3)])
        m_mul = rng.choice([1.0, 0.5, round(rng.uniform(0.5, 1.0), 3)])
        alpha = rng.choice([0.0, round(rng.uniform(0.0, 0.3), 3)])
        n = rng.randint(60, 300)
        cdr(n, [("initial_learning_rate", init), ("first_decay_steps", first), ("t_mul", t_mul),
                ("m_mul", m_mul), ("alpha", alpha)])
    return cases


def fastai_cases(rng):
    cases = []

    def foc(args):
        kw = dict((k, v) for k, v in args if v is not None)
        if "moms" in kw:
            kw["moms"] = tuple(kw["moms"])
        lrs, moms = fastai_fit_one_cycle(**kw)
        cases.append((spec("fastai.fit_one_cycle", args), lrs, moms))

    def sgdr(args):
        kw = dict((k, v) for k, v in args if v is not None)
        cases.append((spec("fastai.fit_sgdr", args), fastai_fit_sgdr(**kw), None))

    foc([("lr_max", 1.0), ("total_steps", 20)])
    foc([("lr_max", 0.01), ("total_steps", 100), ("pct_start", 0.3)])
    foc([("lr_max", 0.1), ("total_steps", 37), ("div", 10.0), ("div_final", 1000.0),
         ("pct_start", 0.5), ("moms", [0.9, 0.8, 0.9])])
    foc([("lr_max", 0.003), ("total_steps", 7)])
    for _ in range(10):
        b, m = sorted([round(rng.uniform(0.5, 0.99), 3) for _ in range(2)])
        if b == m:
            m = round(m + 0.005, 3)
        foc([("lr_max", sig(10 ** rng.uniform(-4.0, 0.0))), ("total_steps", rng.randint(2, 500)),
             ("div", round(rng.uniform(2.0, 50.0), 3)),
             ("div_final", sig(10 ** rng.uniform(1.0, 6.0), 3)),
             ("pct_start", round(rng.uniform(0.05, 0.95), 4)),
             ("moms", [m, b, m] if rng.random() < 0.7 else [m, b, round(rng.uniform(b, 0.99), 3)])])

    sgdr([("n_cycles", 3), ("cycle_len", 1), ("lr_max", 0.1), ("steps_per_epoch", 10)])
    sgdr([("n_cycles", 4), ("cycle_len", 2), ("lr_max", 1.0), ("steps_per_epoch", 5),
          ("cycle_mult", 3)])
    sgdr([("n_cycles", 3), ("cycle_len", 2), ("lr_max", 0.01), ("steps_per_epoch", 4),
          ("cycle_mult", 1)])
    sgdr([("n_cycles", 1), ("cycle_len", 3), ("lr_max", 0.5), ("steps_per_epoch", 7)])
    for _ in range(10):
        mult = rng.choice([1, 2, 2, 3])
        n_cycles = rng.randint(1, 4 if mult == 3 else 5)
        cycle_len = rng.randint(1, 3)
        epochs = fastai_sgdr_length(n_cycles, cycle_len, mult)
        spe = rng.randint(1, max(1, 600 // epochs))
        sgdr([("n_cycles", n_cycles), ("cycle_len", cycle_len),
              ("lr_max", sig(10 ** rng.uniform(-4.0, 0.0))), ("steps_per_epoch", spe),
              ("cycle_mult", mult)])
    return cases


def optax_cases(rng):
    cases = []

    def onecycle(args):
        kw = dict((k, v) for k, v in args if v is not None)
        cases.append((spec("optax.cosine_onecycle_schedule", args), optax_cosine_onecycle(**kw),
                      None))

    def sgdr(args):
        kw = dict((k, v) for k, v in args if v is not None)
        cases.append((spec("optax.sgdr_schedule", args), optax_sgdr(**kw), None))

    onecycle([("transition_steps", 10), ("peak_value", 1.0)])
    onecycle([("transition_steps", 100), ("peak_value", 0.01)])
    onecycle([("transition_steps", 37), ("peak_value", 0.5), ("pct_start", 0.5),
              ("div_factor", 10.0), ("final_div_factor", 100.0)])
    onecycle([("transition_steps", 7), ("peak_value", 0.1), ("pct_start", 0.25)])
    while sum(1 for s, _, _ in cases if s.startswith("optax.cosine_onecycle")) < 14:
        T = rng.randint(2, 500)
        pct = round(rng.uniform(0.05, 0.95), 4)
        if not 0 < int(pct * T) < T:
            continue
        onecycle([("transition_steps", T), ("peak_value", sig(10 ** rng.uniform(-4.0, 0.0))),
                  ("pct_start", pct), ("div_factor", round(rng.uniform(2.0, 50.0), 3)),
                  ("final_div_factor", sig(10 ** rng.uniform(1.0, 5.0), 3))])

    sgdr([("cycles", 3), ("init_value", 0.0), ("peak_value", 1.0), ("warmup_steps", 2),
          ("decay_steps", 10)])
    sgdr([("cycles", 2), ("init_value", [0.0, 0.01]), ("peak_value", [0.1, 0.05]),
          ("warmup_steps", [5, 0]), ("decay_steps", [20, 30]), ("end_value", [0.001, 0.0])])
    sgdr([("cycles", 4), ("init_value", 0.001), ("peak_value", 0.01), ("warmup_steps", 0),
          ("decay_steps", 8), ("end_value", 0.0001)])
    sgdr([("cycles", 1), ("init_value", 0.0), ("peak_value", 0.1), ("warmup_steps", 9),
          ("decay_steps", 10)])
    for _ in range(10):
        cycles = rng.randint(1, 5)

        def arg(make):
            if cycles > 1 and rng.random() < 0.5:
                return [make() for _ in range(cycles)]
            return make()

        decay = arg(lambda: rng.randint(2, 60))
        ds = per_cycle(decay, cycles)
        if isinstance(decay, list):
            warm = [rng.randint(0, d - 1) for d in ds]
        else:
            warm = rng.randint(0, min(ds) - 1)
        peak = arg(lambda: sig(10 ** rng.uniform(-3.0, 0.0)))
        pmin = min(per_cycle(peak, cycles))
        init = arg(lambda: rng.choice([0.0, sig(pmin * rng.uniform(0.0, 0.5))]))
        end = arg(lambda: rng.choice([0.0, sig(pmin * rng.uniform(0.0, 0.1))]))
        sgdr([("cycles", cycles), ("init_value", init), ("peak_value", peak),
              ("warmup_steps", warm), ("decay_steps", decay), ("end_value", end)])
    return cases


def timm_cases(rng):
    cases = []

    def cos(n, args):
        kw = dict((k, v) for k, v in args if v is not None)
        s = spec("timm.CosineLRScheduler", args)
        cases.append((s, timm_cosine(n, label=s, **kw), None))

    cos(15, [("base_lr", 1.0), ("t_initial", 10), ("warmup_t", 3), ("warmup_lr_init", 0.1)])
    cos(16, [("base_lr", 1.0), ("t_initial", 10), ("warmup_t", 3), ("warmup_lr_init", 0.1),
             ("warmup_prefix", True)])
    cos(35, [("base_lr", 0.1), ("t_initial", 10), ("lr_min", 0.001), ("cycle_decay", 0.5),
             ("cycle_limit", 3)])
    cos(64, [("base_lr", 0.1), ("t_initial", 4), ("cycle_mul", 2.0), ("cycle_limit", 4)])
    cos(120, [("base_lr", 0.1), ("t_initial", 8), ("cycle_mul", 1.5), ("cycle_limit", 5)])
    cos(25, [("base_lr", 1.0), ("t_initial", 20), ("lr_min", 0.01), ("k_decay", 2.0)])
    cos(80, [("base_lr", 0.05), ("t_initial", 10), ("cycle_mul", 2.0), ("cycle_decay", 0.7),
             ("cycle_limit", 2), ("warmup_t", 5), ("warmup_lr_init", 1e-05),
             ("warmup_prefix", True)])
    cos(12, [("base_lr", 0.01), ("t_initial", 8)])
    for _ in range(10):
        t_initial = rng.randint(1, 40)
        cycle_mul = rng.choice([1.0, 1.0, 2.0, 1.5, sig(rng.uniform(1.1, 3.0), 3)])
        warmup_t = rng.choice([0, rng.randint(1, 20)])
        base_lr = sig(10 ** rng.uniform(-4.0, 0.0))
        cos(rng.randint(40, 300), [
            ("base_lr", base_lr), ("t_initial", t_initial),
            ("lr_min", rng.choice([0.0, sig(base_lr * rng.uniform(0.0, 0.1))])),
            ("cycle_mul", cycle_mul),
            ("cycle_decay", rng.choice([1.0, round(rng.uniform(0.3, 1.0), 3)])),
            ("cycle_limit", rng.randint(1, 6)),
            ("warmup_t", warmup_t),
            ("warmup_lr_init", sig(base_lr * rng.uniform(0.0, 0.5)) if warmup_t else None),
            ("warmup_prefix", rng.random() < 0.5 if warmup_t else None),
            ("k_decay", rng.choice([1.0, 1.0, 0.5, 2.0, round(rng.uniform(0.5, 3.0), 3)]))])
    return cases


def find(cases, spec_string):
    for s, lrs, moms in cases:
        if s == spec_string:
            return lrs
    raise KeyError(spec_string)


def self_check(cases):
    """The documented example sequences; generation aborts if they are not reproduced."""
    check_close("timm warmup example", find(cases, "timm.CosineLRScheduler(base_lr=1.0, t_initial=10, "
                                                   "warmup_t=3, warmup_lr_init=0.1)"),
                [0.1, 0.4, 0.7, 0.793893])
    check_close("keras restarts example",
                find(cases, "keras.CosineDecayRestarts(initial_learning_rate=1.0, first_decay_steps=2, "
                            "t_mul=2.0, m_mul=0.5, alpha=0.1)"),
                [1.0, 0.55, 0.55, 0.484099])
    check_close("optax onecycle example",
                find(cases, "optax.cosine_onecycle_schedule(transition_steps=10, peak_value=1.0)"),
                [0.04, 0.28, 0.76, 1.0])
    check_close("fastai one-cycle lr", find(cases, "fastai.fit_one_cycle(lr_max=1.0, total_steps=20)"),
                [0.04, 0.04 + (1 - 0.04) * (1 - math.cos(PI * 0.2)) / 2])


def main():
    rng = random.Random(SEED)
    cases = []
    cases += keras_cases(rng)
    cases += fastai_cases(rng)
    cases += optax_cases(rng)
    cases += timm_cases(rng)
    self_check(cases)
    counts = {}
    for s, _, _ in cases:
        name = s.split("(")[0]
        counts[name] = counts.get(name, 0) + 1
    header = [
        "Golden schedules for Keras, fastai, optax and timm, COMPUTED FROM THEIR PUBLISHED FORMULAS in plain",
        "Python (IEEE double precision).  These libraries cannot be installed on this project's machines, so no",
        "value here was produced by the library itself; tools/golden/README.md gives each formula and its source:",
        "  keras.*  : Keras 3 keras.optimizers.schedules.CosineDecay / CosineDecayRestarts",
        "  fastai.* : fastai v2 fit_one_cycle (combined_cos, SchedCos) / fit_sgdr",
        "  optax.*  : optax cosine_onecycle_schedule / sgdr_schedule (warmup_cosine_decay_schedule segments)",
        "  timm.*   : timm.scheduler.CosineLRScheduler, t counted in steps (t_in_epochs=False), no noise",
        "The restart/cycle index (keras.CosineDecayRestarts, timm cycle_mul != 1, fastai.fit_sgdr) is computed",
        "EXACTLY in rational arithmetic: a step exactly on a restart boundary starts the new cycle (the libraries'",
        "float log() may put it on the wrong side).  Keras, optax and fastai run in float32 by default, so real",
        "library output matches these values only to float32 precision; operation order may differ from the",
        "libraries' source by a few ulps.  Compare with a small relative tolerance, not bit for bit.",
        "generator: tools/golden/formula_schedules.py (regenerate: /usr/bin/python3 tools/golden/formula_schedules.py)",
        "date: %s; Python %d.%d.%d; random cases from random.Random(%d); reruns are byte-identical"
        % ((GENERATED_ON,) + tuple(sys.version_info[:3]) + (SEED,)),
        "cases: %d (%s)" % (len(cases), ", ".join("%s %d" % kv for kv in counts.items())),
    ]
    size = write_fixture(OUT, header, cases)
    print("wrote %s: %d cases, %d bytes" % (os.path.relpath(OUT), len(cases), size))
    for k, v in counts.items():
        print("  %-40s %d" % (k, v))
    if BOUNDARY_NOTES:
        print("restart steps where the libraries' float log() index is wrong (fixed here):")
        for note in BOUNDARY_NOTES:
            print("  " + note)


if __name__ == "__main__":
    main()
