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
    /// `x < t`; a NaN goes left iff the node's default is left. Written as
    /// `x < t || (default_left && !(x >= t))`, which also sends every value left at padding
    /// nodes (threshold NaN, default left).
    #[inline(always)]
    fn go_left(x: f32, key: u32, threshold: u32) -> bool {
        let t = f32::from_bits(threshold);
        (x < t) | ((key & DEFAULT_LEFT != 0) & !(x >= t))
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
    /// key) goes left iff the node's default is left. Padding nodes have threshold
    /// `MISSING_KEY` and default left, so everything goes left.
    #[inline(always)]
    fn go_left(x: f32, key: u32, threshold: u32) -> bool {
        let k = ordered_key(x);
        (k < threshold as i32) | ((key & DEFAULT_LEFT != 0) & (k == MISSING_KEY))
    }
    /// `acc × 2^-frac_bits`, the only floating-point step (one per margin).
    #[inline(always)]
    fn to_f32(acc: i32, frac_bits: u8) -> f32 {
        acc as f32 * f32::from_bits((127 - frac_bits as u32) << 23)
    }
}
