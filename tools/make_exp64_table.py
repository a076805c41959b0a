#!/usr/bin/env python3
"""Print the constants of `mlc_runtime::math::expf_via_f64` (crates/mlc-runtime/src/math.rs).

Exact arithmetic with Python's decimal module at 60 digits, rounded to f64 by float(Decimal),
which rounds correctly:
    EXP64_TABLE[2j], EXP64_TABLE[2j + 1]: 2^(j/128) as a double-double: hi = the f64 nearest to
        it, lo = the f64 nearest to (2^(j/128) - hi), j = 0..127;
    LN2_128_1, LN2_128_2: ln(2)/128 and its remainder, each rounded to 38 significant bits (so
        that n * constant is exact for |n| < 2^15); LN2_128_3: the f64 nearest to what is left.

    python3 tools/make_exp64_table.py
"""
import math
import struct
from decimal import Decimal, getcontext

getcontext().prec = 60
LN2 = Decimal(2).ln()


def bits(x: float) -> str:
    return "0x%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def round_bits(d: Decimal, keep: int) -> float:
    """d rounded to `keep` significant bits (as an exactly representable f64)."""
    x = float(d)
    _, e = math.frexp(x)  # x = m * 2^e, 0.5 <= |m| < 1
    scale = Decimal(2) ** (keep - e)
    return float((d * scale).to_integral_value() / scale)


def main():
    print("static EXP64_TABLE: [u64; 256] = [")
    for j in range(128):
        t = (LN2 * j / 128).exp()
        hi = float(t)
        lo = float(t - Decimal(hi))
        print(f"    {bits(hi)}, {bits(lo)},")
    print("];")
    c = LN2 / 128
    l1 = round_bits(c, 38)
    l2 = round_bits(c - Decimal(l1), 38)
    l3 = float(c - Decimal(l1) - Decimal(l2))
    print(f"const LN2_128_1: u64 = {bits(l1)};")
    print(f"const LN2_128_2: u64 = {bits(l2)};")
    print(f"const LN2_128_3: u64 = {bits(l3)};")
    print(f"const INV_LN2_128: u64 = {bits(float(128 / LN2))};")


if __name__ == "__main__":
    main()
