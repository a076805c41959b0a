//! Activations (docs/format.md §9.4), applied to a layer's output after its operation.

use mlc_format::net::Activation;

use crate::math::expf;

/// Applies `act` to float values `y`, rows of `channels` values (softmax normalises each row).
pub(super) fn apply(act: Activation, y: &mut [f32], channels: usize) {
    match act {
        Activation::Linear => {}
        Activation::Relu => y.iter_mut().for_each(|v| *v = v.max(0.0)),
        Activation::Sigmoid => y.iter_mut().for_each(|v| *v = 1.0 / (1.0 + expf(-*v))),
        Activation::Tanh => y.iter_mut().for_each(|v| *v = 1.0 - 2.0 / (expf(2.0 * *v) + 1.0)),
        Activation::Softmax => {
            for y in y.chunks_exact_mut(channels) {
                let max = y.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
                let mut sum = 0.0;
                for v in y.iter_mut() {
                    *v = expf(*v - max);
                    sum += *v;
                }
                y.iter_mut().for_each(|v| *v /= sum);
            }
        }
    }
}

/// Applies `act` to int8 values. An int8 output only takes identity or ReLU (checked at load:
/// [`Activation::commutes_with_max`]), so the others leave the values as they are.
pub(super) fn apply_i8(act: Activation, y: &mut [i8]) {
    match act {
        Activation::Relu => y.iter_mut().for_each(|q| *q = (*q).max(0)),
        Activation::Linear | Activation::Sigmoid | Activation::Tanh | Activation::Softmax => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_activations_by_hand() {
        let mut y = [-1.0, 0.0, 2.0];
        apply(Activation::Relu, &mut y, 3);
        assert_eq!(y, [0.0, 0.0, 2.0]);
        let mut y = [0.0f32];
        apply(Activation::Sigmoid, &mut y, 1);
        assert_eq!(y, [0.5]); // 1 / (1 + e^0)
        let mut y = [0.0f32, 100.0];
        apply(Activation::Tanh, &mut y, 2);
        assert_eq!(y, [0.0, 1.0]); // 1 − 2/(1 + 1) = 0; e^200 = ∞ in f32, so 1 − 0
                                   // Softmax per row of 2: (ln 1, ln 3) → (1/4, 3/4); a row of equal values → halves.
        let mut y = [0.0f32, 3f32.ln(), 5.0, 5.0];
        apply(Activation::Softmax, &mut y, 2);
        assert!((y[0] - 0.25).abs() < 1e-7 && (y[1] - 0.75).abs() < 1e-7, "{y:?}");
        assert_eq!(&y[2..], [0.5, 0.5]);
        let mut y = [f32::NAN];
        apply(Activation::Relu, &mut y, 1);
        assert_eq!(y, [0.0], "ReLU maps NaN to +0 (f32::max)");
    }

    #[test]
    fn int8_relu() {
        let mut y = [-5i8, 0, 7];
        apply_i8(Activation::Relu, &mut y);
        assert_eq!(y, [0, 0, 7]);
        apply_i8(Activation::Linear, &mut y);
        assert_eq!(y, [0, 0, 7]);
    }
}
