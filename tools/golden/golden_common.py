"""Shared helpers for the golden-fixture generators in tools/golden/.

Formats spec strings in the lrkit spec language and writes the plain-text
fixture format read by the Java golden tests:

    # header lines
    <blank>
    spec <spec string>
    lr <v0> <v1> ...
    momentum <m0> <m1> ...      (only when the case has momentum)
    <blank>

Floats are written with Python's repr(), which round-trips exactly.
"""

import math
import os

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GOLDEN_DIR = os.path.join(REPO_ROOT, "lrkit-core", "src", "test", "resources", "golden")

# Fixed seed shared by both generators; reruns must be byte-identical.
SEED = 20261128

# The date the generators were written.  It is a constant (not today's date)
# so that regenerating the fixtures produces byte-identical files.
GENERATED_ON = "2026-11-28"


def fmt_value(v):
    """One argument value in the spec language."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        if isinstance(v, float) and not math.isfinite(v):
            raise ValueError("non-finite spec value %r" % (v,))
        return repr(v)
    if isinstance(v, str):
        return v  # choice words are written bare
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(fmt_value(x) for x in v) + "]"
    raise TypeError("cannot format spec value %r" % (v,))


def spec(name, args):
    """name(key=value, ...) from an ordered list of (key, value); None values are omitted."""
    parts = ["%s=%s" % (k, fmt_value(v)) for k, v in args if v is not None]
    return "%s(%s)" % (name, ", ".join(parts))


def fmt_floats(values):
    out = []
    for v in values:
        if not isinstance(v, float):
            raise TypeError("expected a Python float, got %r (%s)" % (v, type(v).__name__))
        if not math.isfinite(v):
            raise ValueError("non-finite value %r" % (v,))
        out.append(repr(v))
    return " ".join(out)


def sig(x, digits=4):
    """Round a float to `digits` significant digits (keeps spec strings short)."""
    return float("%.*g" % (digits, x))


def write_fixture(path, header_lines, cases):
    """cases: list of (spec_string, lrs, moms_or_None)."""
    seen = set()
    lines = []
    for h in header_lines:
        lines.append("# " + h if h else "#")
    lines.append("")
    for spec_string, lrs, moms in cases:
        if "\n" in spec_string:
            raise ValueError("spec must be one line: %r" % spec_string)
        if spec_string in seen:
            raise ValueError("duplicate spec %r" % spec_string)
        seen.add(spec_string)
        if not lrs:
            raise ValueError("empty case %r" % spec_string)
        lines.append("spec " + spec_string)
        lines.append("lr " + fmt_floats(lrs))
        if moms is not None:
            if len(moms) != len(lrs):
                raise ValueError("momentum/lr length mismatch in %r" % spec_string)
            lines.append("momentum " + fmt_floats(moms))
        lines.append("")
    text = "\n".join(lines)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def check_close(label, got, want, rel=1e-5):
    """Abort generation if a documented reference value is not reproduced.

    `want` holds the documented (rounded) values, so the tolerance is relative
    to them; a documented 0 must be matched to 1e-15."""
    if len(got) < len(want):
        raise AssertionError("%s: only %d values, need %d" % (label, len(got), len(want)))
    for i, (g, w) in enumerate(zip(got, want)):
        if abs(g - w) > max(rel * abs(w), 1e-15):
            raise AssertionError("%s: value %d is %r, documented %r" % (label, i, g, w))
