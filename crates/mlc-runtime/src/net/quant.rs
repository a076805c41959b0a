//! Int8 arithmetic shared by the int8 kernels (docs/format.md §9.9): fixed-point
//! requantization of `i32` accumulators, dequantization, and rounded means.

use mlc_format::net::Activation;

use super::activation;

/// `round(acc × m / 2^shift)`, halves rounded up, clamped to `lo ..= 127`. `shift` is in
/// `1 ..= 62` and `m > 0` (checked at load), so the product and sum fit `i64`.
#[inline(always)]
pub(super) fn requantize(acc: i32, m: i32, shift: u32, lo: i64) -> i8 {
    let v = (acc as i64 * m as i64 + (1i64 << (shift - 1))) >> shift;
    v.clamp(lo, 127) as i8
}

/// `m × 2^-shift` as `f32` (exact power of two; `shift ≤ 62`).
#[inline(always)]
pub(super) fn dequant_scale(m: i32, shift: u32) -> f32 {
    m as f32 * f32::from_bits((127 - shift) << 23)
}

/// Lower clamp of an int8 output: 0 after ReLU, else −127.
pub(super) fn floor(activation: Activation) -> i64 {
    match activation {
        Activation::Relu => 0,
        Activation::Linear | Activation::Sigmoid | Activation::Tanh | Activation::Softmax => -127,
    }
}

/// Int8 output of a layer from its accumulators (`requant` holds (multiplier, shift) pairs);
/// the activation (identity or ReLU) is the clamp.
pub(super) fn finish_i8(acc: &[i32], requant: &[i32], activation: Activation, y: &mut [i8]) {
    let lo = floor(activation);
    for ((q, &a), mq) in y.iter_mut().zip(acc).zip(requant.chunks_exact(2)) {
        *q = requantize(a, mq[0], mq[1] as u32, lo);
    }
}

/// Float output of a layer from its accumulators, then its activation.
pub(super) fn finish_f32(acc: &[i32], requant: &[i32], activation: Activation, y: &mut [f32]) {
    for ((v, &a), mq) in y.iter_mut().zip(acc).zip(requant.chunks_exact(2)) {
        *v = a as f32 * dequant_scale(mq[0], mq[1] as u32);
    }
    activation::apply(activation, y, y.len());
}

/// `round(s / n)`, halves away from zero (`n > 0`), in `i64`: a mean of int8 values, so within
/// −128 ..= 127.
pub(super) fn rounded_mean(s: i64, n: i64) -> i8 {
    let q = if s >= 0 { (2 * s + n) / (2 * n) } else { -((-2 * s + n) / (2 * n)) };
    q as i8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requantize_rounds_half_up_and_clamps() {
        // m / 2^shift = 0.5
        assert_eq!(requantize(3, 1 << 30, 31, -127), 2); // 1.5 → 2
        assert_eq!(requantize(-3, 1 << 30, 31, -127), -1); // −1.5 → −1
        assert_eq!(requantize(1000, 1 << 30, 31, -127), 127);
        assert_eq!(requantize(-1000, 1 << 30, 31, -127), -127);
        assert_eq!(requantize(-10, 1 << 30, 31, 0), 0);
        assert_eq!(requantize(i32::MAX, i32::MAX, 1, -127), 127);
        assert_eq!(requantize(i32::MIN, i32::MAX, 62, -127), -1);
    }

    #[test]
    fn dequant_scale_is_exact() {
        assert_eq!(dequant_scale(1 << 30, 31), 0.5);
        assert_eq!(dequant_scale(3, 62), 3.0 * 2f32.powi(-62));
    }

    #[test]
    fn means_round_half_away_from_zero() {
        assert_eq!(rounded_mean(3, 2), 2);
        assert_eq!(rounded_mean(-3, 2), -2);
        assert_eq!(rounded_mean(5, 3), 2);
        assert_eq!(rounded_mean(-127 * 9, 9), -127);
    }

    #[test]
    fn finishing_a_row() {
        // Scale 0.5 on channel 0, 0.25 on channel 1: accumulators 5, −6 → 2.5 → 3, −1.5 → −1.
        let requant = [1 << 30, 31, 1 << 30, 32];
        let mut y = [0i8; 2];
        finish_i8(&[5, -6], &requant, Activation::Linear, &mut y);
        assert_eq!(y, [3, -1]);
        finish_i8(&[5, -6], &requant, Activation::Relu, &mut y);
        assert_eq!(y, [3, 0]);
        let mut f = [0f32; 2];
        finish_f32(&[5, -6], &requant, Activation::Linear, &mut f);
        assert_eq!(f, [2.5, -1.5]);
    }
}
