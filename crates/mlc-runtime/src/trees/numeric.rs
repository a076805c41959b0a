//! The two number encodings behind one trait, so each kernel is written once.

use mlc_format::records::{ordered_key, DEFAULT_LEFT, MISSING_KEY};

/// How a model's nodes compare and how its leaves add up.
pub(crate) trait Split {
    /// Accumulator of margins.
    type Acc: Copy;
    /// The additive identity.
    fn zero() -> Self::Acc;
    /// Decodes a stored leaf or base-margin value.
    fn value(bits: u32) -> Self::Acc;
    /// `acc + leaf`, in the encoding's arithmetic.
    fn add(acc: Self::Acc, leaf: Self::Acc) -> Self::Acc;
    /// Whether `x` goes to the left child of a node with `key` and `threshold`.
    fn go_left(x: f32, key: u32, threshold: u32) -> bool;
    /// [`Split::go_left`] for an `x` known not to be missing (not NaN): one comparison.
    fn go_left_present(x: f32, threshold: u32) -> bool;
    /// The margin as `f32`.
    fn to_f32(acc: Self::Acc, frac_bits: u8) -> f32;
}

/// IEEE `f32`: XGBoost's own comparisons and sums.
pub(crate) struct Float;

impl Split for Float {
    type Acc = f32;
    #[inline(always)]
    fn zero() -> f32 {
        0.0
    }
    #[inline(always)]
    fn value(bits: u32) -> f32 {
        f32::from_bits(bits)
    }
    #[inline(always)]
    fn add(acc: f32, leaf: f32) -> f32 {
        acc + leaf
    }
    /// XGBoost's rule: a missing value (NaN) goes left iff the node's default is left;
    /// any other value goes left iff `x < t`.
    #[inline(always)]
    fn go_left(x: f32, key: u32, threshold: u32) -> bool {
        (x < f32::from_bits(threshold)) | ((key & DEFAULT_LEFT != 0) & is_missing(x))
    }
    #[inline(always)]
    fn go_left_present(x: f32, threshold: u32) -> bool {
        x < f32::from_bits(threshold)
    }
    #[inline(always)]
    fn to_f32(acc: f32, _: u8) -> f32 {
        acc
    }
}

/// Integer-only: order-preserving keys for comparisons, `i32` fixed point for sums.
pub(crate) struct Fixed;

impl Split for Fixed {
    type Acc = i32;
    #[inline(always)]
    fn zero() -> i32 {
        0
    }
    #[inline(always)]
    fn value(bits: u32) -> i32 {
        bits as i32
    }
    #[inline(always)]
    fn add(acc: i32, leaf: i32) -> i32 {
        acc.wrapping_add(leaf)
    }
    /// Keys compare exactly like the floats they come from; a missing value (the largest
    /// key, never below a threshold) goes left iff the node's default is left.
    #[inline(always)]
    fn go_left(x: f32, key: u32, threshold: u32) -> bool {
        let k = ordered_key(x);
        (k < threshold as i32) | ((key & DEFAULT_LEFT != 0) & (k == MISSING_KEY))
    }
    #[inline(always)]
    fn go_left_present(x: f32, threshold: u32) -> bool {
        ordered_key(x) < threshold as i32
    }
    /// `acc × 2^-frac_bits`, the only floating-point step (one per margin).
    #[inline(always)]
    fn to_f32(acc: i32, frac_bits: u8) -> f32 {
        acc as f32 * f32::from_bits((127 - frac_bits as u32) << 23)
    }
}

/// Whether `x` is NaN (a missing value), by its bits: no floating point on FPU-less cores.
#[inline(always)]
pub(crate) fn is_missing(x: f32) -> bool {
    x.to_bits() & 0x7FFF_FFFF > 0x7F80_0000
}

/// `go_left`, specialised at compile time for rows known to have no missing value.
#[inline(always)]
pub(crate) fn decide<N: Split, const PRESENT: bool>(x: f32, key: u32, threshold: u32) -> bool {
    if PRESENT {
        N::go_left_present(x, threshold)
    } else {
        N::go_left(x, key, threshold)
    }
}
