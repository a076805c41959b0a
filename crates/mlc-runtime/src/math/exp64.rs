//! `e^x` computed in `f64` and rounded to `f32`: what XGBoost's `survival:aft` link computes
//! (C's `exp` of the `f32` margin widened to `f64`, the result narrowed to `f32`).
//!
//! The C library's `exp` is not part of the artifact's semantics; the exponential is. This
//! function gives `(f32) RN64(e^x)`, the `f64` nearest to `e^x` rounded to the nearest `f32`,
//! from a double-double evaluation (relative error about 2^-72, so that the `f64` rounding is
//! that of the exact value but where `e^x` lies that close to a midpoint, which no `f32` input in
//! range does: the release checks compare it with the C library's `exp` on every `f32`), with no
//! FMA and no C library, on every target.
//!
//! `x = (32k + i) · ln2/32 + r` with `|r| ≤ ln2/64`; `e^x = 2^k · 2^(i/32) · e^r`, the table entry a
//! double-double (`expf`'s own table and [`TAIL`]: 256 more bytes), `e^r = 1 + r + r²/2 + … +
//! r⁸/40320`. Constants: `tools/make_exp64_table.py`.

use super::{INV_LN2_N, SHIFT, TABLE};

/// `2^(i/32) − hi(i)` rounded to the nearest `f64`, where `hi(i)`, the `f64` nearest to `2^(i/32)`,
/// is the high part `expf`'s [`TABLE`] holds: together a double-double.
static TAIL: [u64; 32] = [
    0x0000000000000000,
    0x3c8d73e2a475b465,
    0x3c98a62e4adc610b,
    0xbc96c51039449b3a,
    0xbc819041b9d78a76,
    0x3c9e016e00a2643c,
    0x3c99b07eb6c70573,
    0x3c8612e8afad1255,
    0x3c86f46ad23182e4,
    0xbc963aeabf42eae2,
    0x3c8ada0911f09ebc,
    0x3c489b7a04ef80d0,
    0x3c7d4397afec42e2,
    0xbc807abe1db13cad,
    0x3c96324c054647ad,
    0xbc9383c17e40b497,
    0xbc9bdd3413b26456,
    0xbc816e4786887a99,
    0xbc841577ee04992f,
    0xbc9d4c1dd41532d8,
    0x3c96e9f156864b27,
    0xbc675fc781b57ebc,
    0x3c7c7c46b071f2be,
    0xbc9d2f6edb8d41e1,
    0x3c97a1cd345dcc81,
    0xbc75584f7e54ac3b,
    0x3c811065895048dd,
    0x3c7503cbd1e949db,
    0x3c82ed02d75b3707,
    0xbc91a5cd4f184b5c,
    0xbc9e9c23179c2893,
    0x3c99d3e12dd8a18b,
];
/// `ln 2 / 32` in three parts: 38 significant bits (so `n ·` it is exact for `|n| < 2^15`), the
/// next 38, and the nearest `f64` to the rest.
const LN2_32_1: u64 = 0x3f962e42fefa0000;
const LN2_32_2: u64 = 0x3d2cf79abc9e0000;
const LN2_32_3: u64 = 0x3abd9cc01f97b57a;

/// `(f32) RN64(e^x)`: see the module documentation. NaN gives NaN, `x > 100` infinity, `x <
/// -120` zero (the exact results round to those).
pub fn expf_via_f64(x: f32) -> f32 {
    if x.is_nan() {
        return x;
    }
    if x > 100.0 {
        return f32::INFINITY;
    }
    if x < -120.0 {
        return 0.0;
    }
    let xd = x as f64;
    // n = the integer nearest to x · 32/ln2 (any near one would do): |n| < 2^13.
    let shift = f64::from_bits(SHIFT);
    let z = xd * f64::from_bits(INV_LN2_N) + shift;
    let n = (z.to_bits() as i64) << 13 >> 13;
    let nd = z - shift;
    // r = x − n · ln2/32 as a double-double (rh, rl): n · LN2_32_1 and n · LN2_32_2 are exact
    // (38-bit constants), and x − n · LN2_32_1 is exact (Sterbenz: both within a factor 2).
    let r1 = xd - nd * f64::from_bits(LN2_32_1);
    let (rh, rl) = two_sum(r1, -(nd * f64::from_bits(LN2_32_2)));
    let rl = rl - nd * f64::from_bits(LN2_32_3);
    // e^r = 1 + (uh + ul) + w: rh + rh²/2 exactly as (uh, ul) plus the low part of rh²/2, and w
    // the rest, small enough for f64: rl (1 + rh) and rh³/6 + … + rh⁸/40320.
    let (s2, s2e) = two_prod(rh, rh);
    let (uh, ul) = two_sum(rh, 0.5 * s2);
    let cubic =
        rh * s2 * (1.0 / 6.0 + rh * (1.0 / 24.0 + rh * (1.0 / 120.0 + rh * (1.0 / 720.0 + rh * (1.0 / 5040.0 + rh * (1.0 / 40320.0))))));
    let w = ul + (0.5 * s2e + (rl + rh * rl) + cubic);
    // T · e^r with T = th + tl: th + th·uh (exact, as p + pe) + th·w + tl·(1 + uh).
    let i = (n & 31) as usize;
    let th = f64::from_bits(TABLE[i].wrapping_add((i as u64) << 47));
    let tl = f64::from_bits(TAIL[i]);
    let (p, pe) = two_prod(th, uh);
    let (s, se) = two_sum(th, p);
    let v = s + (se + (pe + (th * w + (tl + tl * uh))));
    // 2^k exactly: the result is a normal f64 for every x in [-120, 100].
    let k = n >> 5;
    (v * f64::from_bits(((1023 + k) as u64) << 52)) as f32
}

/// `a + b` as `(s, e)` with `s = RN(a + b)` and `s + e = a + b` exactly (Knuth's two-sum).
#[inline(always)]
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// `a · b` as `(p, e)` with `p = RN(a · b)` and `p + e = a · b` exactly (Dekker's product with
/// Veltkamp's split; no FMA), for products far from overflow and underflow.
#[inline(always)]
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let split = |v: f64| {
        let c = 134217729.0 * v; // 2^27 + 1
        let hi = c - (c - v);
        (hi, v - hi)
    };
    let p = a * b;
    let ((ah, al), (bh, bl)) = (split(a), split(b));
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

#[cfg(all(test, feature = "std"))]
mod tests {
    extern crate std;
    use super::*;

    #[test]
    fn edges() {
        assert_eq!(expf_via_f64(0.0), 1.0);
        assert_eq!(expf_via_f64(-0.0), 1.0);
        assert!(expf_via_f64(f32::NAN).is_nan());
        assert_eq!(expf_via_f64(f32::INFINITY), f32::INFINITY);
        assert_eq!(expf_via_f64(f32::NEG_INFINITY), 0.0);
        assert_eq!(expf_via_f64(89.0), f32::INFINITY);
        assert_eq!(expf_via_f64(1.0), core::f32::consts::E);
    }

    /// Every 97th `f32` in [-120, 100] against the C library's `exp` in `f64`, narrowed.
    #[test]
    fn matches_the_c_library_exp_narrowed() {
        assert_eq!(compare(97), 0);
    }

    #[test]
    #[ignore = "exhaustive: ~2.2 billion values"]
    fn matches_the_c_library_exp_narrowed_exhaustively() {
        assert_eq!(compare(1), 0);
    }

    /// Mismatches against `(x as f64).exp() as f32` over every `stride`-th `f32` in [-120, 100].
    fn compare(stride: usize) -> u64 {
        let (mut mismatches, mut checked) = (0u64, 0u64);
        for (lo, hi) in [(0u32, 0x42C8_0000u32), (0x8000_0000, 0xC2F0_0000)] {
            for b in (lo..=hi).step_by(stride) {
                let x = f32::from_bits(b);
                let (ours, libc) = (expf_via_f64(x), (x as f64).exp() as f32);
                if ours.to_bits() != libc.to_bits() {
                    mismatches += 1;
                    if mismatches <= 10 {
                        std::println!("x = {x:e} ({b:#010x}): ours {ours:e}, C library {libc:e}");
                    }
                }
                checked += 1;
            }
        }
        std::println!("expf_via_f64: {checked} values, {mismatches} mismatches");
        mismatches
    }
}
