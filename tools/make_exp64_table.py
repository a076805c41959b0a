#!/usr/bin/env python3
"""Print the constants of `mlc_runtime::math::expf_via_f64` (crates/mlc-runtime/src/math/exp64.rs).

Exact arithmetic with Python's decimal module at 60 digits, rounded to f64 by float(Decimal),
which rounds correctly:
    TAIL[i]: the f64 nearest to 2^(i/32) - hi(i), i = 0..31, where hi(i) is the f64 nearest to
        2^(i/32), the high part `expf`'s table already holds (checked here against math.rs);
    LN2_32_1, LN2_32_2: ln(2)/32 and its remainder, each rounded to 38 significant bits (so that
        n * constant is exact for |n| < 2^15); LN2_32_3: the f64 nearest to what is left;
    INV_LN2_32: 32 / ln(2).

    python3 tools/make_exp64_table.py
"""
import math
import os
import re
import struct
from decimal import Decimal, getcontext

getcontext().prec = 60
LN2 = Decimal(2).ln()
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def bits(x: float) -> str:
    return "0x%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def round_bits(d: Decimal, keep: int) -> float:
    """d rounded to `keep` significant bits (as an exactly representable f64)."""
    _, e = math.frexp(float(d))  # d = m * 2^e, 0.5 <= |m| < 1
    scale = Decimal(2) ** (keep - e)
    return float((d * scale).to_integral_value() / scale)


def expf_table_high_parts():
    src = open(os.path.join(ROOT, "crates/mlc-runtime/src/math.rs")).read()
    start = src.index("static TABLE")
    words = [int(w, 16) for w in re.findall(r"0x([0-9a-fA-F]{16})", src[start:src.index("];", start)])]
    assert len(words) == 32
    return [struct.unpack("<d", struct.pack("<Q", (w + (i << 47)) % 2**64))[0] for i, w in enumerate(words)]


def main():
    print("static TAIL: [u64; 32] = [")
    for i, hi in enumerate(expf_table_high_parts()):
        t = (LN2 * i / 32).exp()
        assert hi == float(t), f"expf's table entry {i} is not the f64 nearest to 2^({i}/32)"
        print(f"    {bits(float(t - Decimal(hi)))},")
    print("];")
    c = LN2 / 32
    l1 = round_bits(c, 38)
    l2 = round_bits(c - Decimal(l1), 38)
    l3 = float(c - Decimal(l1) - Decimal(l2))
    print(f"const LN2_32_1: u64 = {bits(l1)};")
    print(f"const LN2_32_2: u64 = {bits(l2)};")
    print(f"const LN2_32_3: u64 = {bits(l3)};")
    print(f"const INV_LN2_32: u64 = {bits(float(32 / LN2))};")


if __name__ == "__main__":
    main()
