//! `expf` by glibc's algorithm (from Arm's optimized-routines, also used by musl and newlib):
//! a 32-entry table of `2^(i/32)` and a degree-3 polynomial, evaluated in `f64`.
//!
//! XGBoost computes its link functions with the C library's `expf`; using the same algorithm
//! here makes predictions bit-identical to XGBoost's, on every target, with no C library and
//! no FPU required. glibc on x86-64 with FMA (and on aarch64) evaluates the reduction
//! `r = x·32/ln2 − k` with one fused multiply-add; this function computes that same
//! once-rounded value without an FMA instruction (see [`expf`]), and is tested against the
//! host's `expf` over every `f32`.

mod exp64;
pub use exp64::expf_via_f64;

/// `2^(i/32)` as `f64` bits, minus `i << 47` (so that adding `k << 47` scales by `2^(k/32)`).
pub(crate) static TABLE: [u64; 32] = [
    0x3ff0000000000000,
    0x3fefd9b0d3158574,
    0x3fefb5586cf9890f,
    0x3fef9301d0125b51,
    0x3fef72b83c7d517b,
    0x3fef54873168b9aa,
    0x3fef387a6e756238,
    0x3fef1e9df51fdee1,
    0x3fef06fe0a31b715,
    0x3feef1a7373aa9cb,
    0x3feedea64c123422,
    0x3feece086061892d,
    0x3feebfdad5362a27,
    0x3feeb42b569d4f82,
    0x3feeab07dd485429,
    0x3feea47eb03a5585,
    0x3feea09e667f3bcd,
    0x3fee9f75e8ec5f74,
    0x3feea11473eb0187,
    0x3feea589994cce13,
    0x3feeace5422aa0db,
    0x3feeb737b0cdc5e5,
    0x3feec49182a3f090,
    0x3feed503b23e255d,
    0x3feee89f995ad3ad,
    0x3feeff76f2fb5e47,
    0x3fef199bdd85529c,
    0x3fef3720dcef9069,
    0x3fef5818dcfba487,
    0x3fef7c97337b9b5f,
    0x3fefa4afa2a490da,
    0x3fefd0765b6e4540,
];
/// 32 / ln 2.
pub(crate) const INV_LN2_N: u64 = 0x40471547652B82FE;
/// The high 26 significant bits of [`INV_LN2_N`] (see [`expf`]).
pub(crate) const INV_LN2_HI: u64 = INV_LN2_N & !((1 << 27) - 1);
/// 1.5 · 2^52: adding it rounds to an integer in the low mantissa bits.
pub(crate) const SHIFT: u64 = 0x4338000000000000;
/// Polynomial coefficients for `2^(r/32)`, scaled by powers of 32.
pub(crate) const C0: u64 = 0x3EBC6AF84B912394;
pub(crate) const C1: u64 = 0x3F2EBFCE50FAC4F3;
pub(crate) const C2: u64 = 0x3F962E42FF0C52D6;

/// `e^x` in `f32` (error < 0.51 ulp).
pub fn expf(x: f32) -> f32 {
    special(x).unwrap_or_else(|| reduced::<Separate>(x as f64))
}

/// [`expf`] with fused multiply-adds (x86-64 with FMA3): glibc's own instruction sequence on
/// such CPUs, so the same `f32` as [`expf`] for every `x` (tested on every `f32` in the
/// release checks), in fewer and shorter dependent steps; the single-row links use it.
///
/// # Safety
/// The CPU must have FMA and SSE4.1.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "fma,sse4.1")]
#[inline]
pub(crate) unsafe fn expf_fma(x: f32) -> f32 {
    special(x).unwrap_or_else(|| reduced::<Fused>(x as f64))
}

/// [`expf_fma`] of `-x`, the same bits, with the sign carried by the first multiplication (so
/// the negation is no step of its own on the data path: the sigmoid's `expf(-x)`).
///
/// # Safety
/// The CPU must have FMA and SSE4.1.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "fma,sse4.1")]
#[inline]
pub(crate) unsafe fn expf_neg_fma(x: f32) -> f32 {
    // `special` looks at the bits only: the sign flipped as an integer.
    special(f32::from_bits(x.to_bits() ^ 0x8000_0000)).unwrap_or_else(|| reduced::<Fused>(-(x as f64)))
}

/// `e^x` where `x` is NaN, infinite or `|x| >= 88`; `None` for the others.
#[inline(always)]
fn special(x: f32) -> Option<f32> {
    let bits = x.to_bits();
    let abstop = (bits >> 20) & 0x7ff;
    if abstop < 0x42b {
        None
    } else if bits == 0xff80_0000 {
        Some(0.0) // -inf
    } else if abstop >= 0x7f8 {
        Some(x + x) // +inf or NaN
    } else if x > f32::from_bits(0x42B1_7217) {
        Some(f32::INFINITY) // above ln(2^128)
    } else if x < f32::from_bits(0xC2CF_F1B4) {
        Some(0.0) // below ln(2^-150)
    } else {
        None
    }
}

/// How [`reduced`] multiplies and adds in `f64`.
trait MulAdd {
    /// `z` rounded to the nearest integer, ties to even, given `shifted = z + SHIFT` (whose
    /// low bits are that integer: `shifted − SHIFT` is it).
    fn round(z: f64, shifted: f64) -> f64;
    /// `INV_LN2_N·xd − kd`, rounded once.
    fn reduce(xd: f64, kd: f64) -> f64;
    /// `a·b + c` as glibc's FMA flavour rounds it (fused) or as the C source reads (not).
    fn mul_add(a: f64, b: f64, c: f64) -> f64;
}

/// Without an FMA instruction.
struct Separate;

impl MulAdd for Separate {
    #[inline(always)]
    fn round(_z: f64, shifted: f64) -> f64 {
        shifted - f64::from_bits(SHIFT)
    }

    #[inline(always)]
    fn reduce(xd: f64, kd: f64) -> f64 {
        // Rounded once as by an FMA: split INV_LN2_N into 26 + 27 significant bits so both
        // partial products with the 24-bit `xd` are exact; `hi·xd − kd` is exact (Sterbenz:
        // kd is the integer nearest z), so the sum rounds only once.
        let f = f64::from_bits;
        let (hi, lo) = (f(INV_LN2_HI), f(INV_LN2_N) - f(INV_LN2_HI));
        (hi * xd - kd) + lo * xd
    }

    #[inline(always)]
    fn mul_add(a: f64, b: f64, c: f64) -> f64 {
        a * b + c
    }
}

/// With FMA3 instructions (only inlined into [`expf_fma`], which enables them).
#[cfg(target_arch = "x86_64")]
struct Fused;

#[cfg(target_arch = "x86_64")]
impl MulAdd for Fused {
    /// One `roundsd` from `z` (the same integer as `shifted − SHIFT`: `|z| < 2^51`), a step
    /// shorter on the data path than the addition and subtraction.
    #[inline(always)]
    fn round(z: f64, _shifted: f64) -> f64 {
        use core::arch::x86_64::{_mm_cvtsd_f64, _mm_round_sd, _mm_set_sd, _MM_FROUND_NO_EXC, _MM_FROUND_TO_NEAREST_INT};
        // SAFETY: only reached through `expf_fma` and `expf_neg_fma`, whose callers checked
        // the CPU for FMA and SSE4.1.
        unsafe { _mm_cvtsd_f64(_mm_round_sd::<{ _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC }>(_mm_set_sd(z), _mm_set_sd(z))) }
    }

    #[inline(always)]
    fn reduce(xd: f64, kd: f64) -> f64 {
        Self::mul_add(f64::from_bits(INV_LN2_N), xd, -kd)
    }

    #[inline(always)]
    fn mul_add(a: f64, b: f64, c: f64) -> f64 {
        use core::arch::x86_64::{_mm_cvtsd_f64, _mm_fmadd_sd, _mm_set_sd};
        // SAFETY: only reached through `expf_fma` and `expf_neg_fma`, whose callers checked
        // the CPU for FMA.
        unsafe { _mm_cvtsd_f64(_mm_fmadd_sd(_mm_set_sd(a), _mm_set_sd(b), _mm_set_sd(c))) }
    }
}

/// `e^x` for an `x` that is not [`special`] (given as `xd`, the `f64` of an `f32`): glibc's
/// reduction, table and polynomial.
#[inline(always)]
fn reduced<M: MulAdd>(xd: f64) -> f32 {
    let f = f64::from_bits;
    let z = f(INV_LN2_N) * xd;
    let kd = z + f(SHIFT);
    let ki = kd.to_bits();
    let kd = M::round(z, kd);
    let r = M::reduce(xd, kd);
    let s = f(TABLE[(ki % 32) as usize].wrapping_add(ki << 47));
    let p = M::mul_add(f(C0), r, f(C1));
    let y = M::mul_add(f(C2), r, 1.0);
    let y = M::mul_add(p, r * r, y);
    (y * s) as f32
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    #[test]
    fn special_values() {
        assert_eq!(expf(0.0), 1.0);
        assert_eq!(expf(f32::NEG_INFINITY), 0.0);
        assert_eq!(expf(f32::INFINITY), f32::INFINITY);
        assert!(expf(f32::NAN).is_nan());
        assert_eq!(expf(89.0), f32::INFINITY);
        assert_eq!(expf(-104.0), 0.0);
    }

    /// Every 97th f32 in [-110, 90] (about 2.2 million values) against the C library's `expf`
    /// (what `f32::exp` calls on Linux), and [`expf_fma`] (where the CPU has FMA) against
    /// [`expf`]. Run `cargo test -p mlc-runtime --features std --release -- --ignored` for all
    /// of them.
    #[test]
    fn matches_the_c_library() {
        compare(97);
    }

    #[test]
    #[ignore = "exhaustive: ~2 billion values"]
    fn matches_the_c_library_exhaustively() {
        compare(1);
    }

    fn compare(stride: usize) {
        // glibc picks its expf at run time: with FMA (x86-64 with FMA, aarch64) or without.
        // This one input tells them apart; ours is the FMA flavour.
        let probe = f32::from_bits(0x4202_422f);
        let libc_matches = std::hint::black_box(probe).exp().to_bits() == 0x56fc_9f1c;
        if !libc_matches {
            std::println!("skipped: this host's C library expf is not the FMA flavour mlc matches");
        }
        let mut mismatches = 0u64;
        let mut checked = 0u64;
        #[cfg(target_arch = "x86_64")]
        let fma = std::is_x86_feature_detected!("fma") && std::is_x86_feature_detected!("sse4.1");
        let mut fused_mismatches = 0u64;
        let ranges = [(0u32, 0x42B4_0000u32), (0x8000_0000, 0xC2DC_0000)]; // [0, 90] and [-0, -110]
        for (lo, hi) in ranges {
            for b in (lo..hi).step_by(stride) {
                let x = f32::from_bits(b);
                #[cfg(target_arch = "x86_64")]
                if fma {
                    // SAFETY: the CPU has FMA and SSE4.1 (checked above).
                    let (fused, negated) = unsafe { (expf_fma(x), expf_neg_fma(-x)) };
                    fused_mismatches += u64::from(fused.to_bits() != expf(x).to_bits());
                    fused_mismatches += u64::from(negated.to_bits() != expf(x).to_bits());
                }
                let (ours, libc) = (expf(x), x.exp());
                if libc_matches && ours.to_bits() != libc.to_bits() {
                    mismatches += 1;
                    if mismatches <= 10 {
                        std::println!(
                            "x = {x:e} ({b:#010x}): ours {ours:e} ({:#010x}), C library {libc:e} ({:#010x})",
                            ours.to_bits(),
                            libc.to_bits()
                        );
                    }
                }
                checked += 1;
            }
        }
        std::println!(
            "expf: {mismatches} of {checked} differ from the C library; expf_fma and expf_neg_fma (of -x): {fused_mismatches} differ from expf"
        );
        assert_eq!(mismatches, 0);
        assert_eq!(fused_mismatches, 0);
    }
}
