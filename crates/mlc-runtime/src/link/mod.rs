//! Link functions: from margins to predictions, with XGBoost's float semantics.

use mlc_format::manifest::Link;

#[cfg(target_arch = "x86_64")]
mod avx2;

/// XGBoost's logistic function (`common::Sigmoid`, src/common/math.h, 2.0+):
/// `1 / (expf(min(-x, 88.7)) + 1 + 1e-16)`, all in `f32`.
#[inline]
pub fn sigmoid(x: f32) -> f32 {
    logistic(crate::math::expf(exp_argument(x)))
}

/// XGBoost's logistic function before 1.6: `1 / (1 + expf(-x))` in `f32`, with no clamp (0 where
/// `expf` overflows).
#[inline]
pub fn sigmoid_unclamped(x: f32) -> f32 {
    logistic(crate::math::expf(-x))
}

/// The argument of the sigmoid's `expf`: `std::min(-x, 88.7f)`, so a NaN stays NaN (Rust's
/// `f32::min` would drop it).
#[inline(always)]
fn exp_argument(x: f32) -> f32 {
    if 88.7 < -x {
        88.7
    } else {
        -x
    }
}

/// The sigmoid from its `expf`. XGBoost adds `1e-16` after the `1`: a no-op in `f32` (`e + 1 ≥
/// 1`, whose half ulp is 6e-8; infinities and NaN stay), left out.
#[inline(always)]
fn logistic(e: f32) -> f32 {
    1.0 / (e + 1.0)
}

/// An [`elementwise`] link of one margin with FMA instructions: the same bits as [`one`], for
/// kernels that enable FMA and checked the CPU once (the single-row tree kernel ends with it:
/// no CPU check per row; LLVM keeps it out of line there, a tail jump; forcing it inline, with
/// `expf` inlined too, measured no faster: `churn_bench` 59.3–60.0 vs 57.3–57.7 ns).
///
/// # Safety
/// The CPU must have FMA and SSE4.1.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "fma,sse4.1")]
#[inline]
pub(crate) unsafe fn one_fma(link: Link, margin: f32) -> f32 {
    // SAFETY (every call): the caller checked the CPU for FMA and SSE4.1.
    match link {
        // `exp_argument` is `-x` but below -88.7 (a branch almost never taken): `expf(-x)`
        // with the sign in `expf`'s constants, so no step of its own on the data path.
        Link::Sigmoid if margin < -88.7 => logistic(unsafe { crate::math::expf_fma(88.7) }),
        Link::Sigmoid | Link::SigmoidUnclamped => logistic(unsafe { crate::math::expf_neg_fma(margin) }),
        Link::Exp => unsafe { crate::math::expf_fma(margin) },
        Link::Hinge => hinge(margin),
        Link::ExpF64 => crate::math::expf_via_f64(margin),
        Link::Identity | Link::Softmax | Link::ArgMax => margin,
    }
}

/// XGBoost's `binary:hinge` prediction: `margin > 0 ? 1 : 0` in `f32` (NaN gives 0).
#[inline(always)]
pub fn hinge(margin: f32) -> f32 {
    if margin > 0.0 {
        1.0
    } else {
        0.0
    }
}

/// XGBoost's softmax (`common::Softmax`): `expf(m - max)`, summed in `f64`, divided in `f32`.
pub fn softmax(values: &mut [f32]) {
    let Some(&first) = values.first() else { return };
    let max = values.iter().fold(first, |m, &v| v.max(m));
    let mut sum = 0.0f64;
    for v in values.iter_mut() {
        *v = crate::math::expf(*v - max);
        sum += *v as f64;
    }
    let sum = sum as f32;
    for v in values.iter_mut() {
        *v /= sum;
    }
}

/// Index of the first largest value (XGBoost `multi:softmax`), or 0 for an empty slice.
pub fn argmax(values: &[f32]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if v > values[best] {
            best = i;
        }
    }
    best
}

/// Whether `link` gives one output per margin, from that margin alone (all but softmax and
/// argmax): then [`apply_elementwise`] takes the margins of any number of rows at once.
pub fn elementwise(link: Link) -> bool {
    matches!(link, Link::Identity | Link::Sigmoid | Link::Exp | Link::Hinge | Link::ExpF64 | Link::SigmoidUnclamped)
}

/// Applies an [`elementwise`] `link` to `values` in place, the margins of any number of rows
/// (other links need a whole row: [`apply`]; they leave `values` as they are). The sigmoid
/// takes eight values at a time where the CPU has AVX2 and FMA, with the same bits as [`sigmoid`].
pub fn apply_elementwise(link: Link, values: &mut [f32]) {
    match link {
        Link::Sigmoid => {
            #[cfg(target_arch = "x86_64")]
            if avx2::usable() {
                // SAFETY: `usable` checked the CPU.
                unsafe { avx2::sigmoid(values) };
                return;
            }
            for v in values.iter_mut() {
                *v = sigmoid(*v);
            }
        }
        Link::Exp | Link::Hinge | Link::ExpF64 | Link::SigmoidUnclamped => {
            // The CPU asked once for all the values, not per value as [`one`] does.
            #[cfg(target_arch = "x86_64")]
            if avx2::fma_usable() {
                for v in values.iter_mut() {
                    // SAFETY: `fma_usable` checked the CPU.
                    *v = unsafe { one_fma(link, *v) };
                }
                return;
            }
            for v in values.iter_mut() {
                *v = one_portable(link, *v);
            }
        }
        Link::Identity | Link::Softmax | Link::ArgMax => {}
    }
}

/// An [`elementwise`] `link` of one margin (any other link leaves it as it is): what
/// [`apply_elementwise`] gives, for a single value, inlined into its caller.
#[inline(always)]
pub fn one(link: Link, margin: f32) -> f32 {
    #[cfg(target_arch = "x86_64")]
    if avx2::fma_usable() {
        // SAFETY: `fma_usable` checked the CPU.
        return unsafe { one_fma(link, margin) };
    }
    one_portable(link, margin)
}

/// [`one`] without FMA instructions: the same bits.
#[inline(always)]
fn one_portable(link: Link, margin: f32) -> f32 {
    match link {
        Link::Sigmoid => sigmoid(margin),
        Link::SigmoidUnclamped => sigmoid_unclamped(margin),
        Link::Exp => crate::math::expf(margin),
        Link::Hinge => hinge(margin),
        Link::ExpF64 => crate::math::expf_via_f64(margin),
        Link::Identity | Link::Softmax | Link::ArgMax => margin,
    }
}

/// Applies `link` to the `margins` of one row, writing `link.outputs(margins.len())` values.
/// `out` must have that length and `margins` at least one value (the loader guarantees both).
#[inline]
pub fn apply(link: Link, margins: &mut [f32], out: &mut [f32]) {
    match link {
        Link::Identity => out.copy_from_slice(margins),
        Link::Sigmoid | Link::Exp | Link::Hinge | Link::ExpF64 | Link::SigmoidUnclamped => {
            for (o, &m) in out.iter_mut().zip(margins.iter()) {
                *o = one(link, m);
            }
        }
        Link::Softmax => {
            softmax(margins);
            out.copy_from_slice(margins);
        }
        Link::ArgMax => {
            if let Some(o) = out.first_mut() {
                *o = argmax(margins) as f32;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sigmoid_matches_the_closed_form_and_clamps() {
        assert_eq!(sigmoid(0.0), 0.5);
        assert!((sigmoid(2.0) - 0.880_797).abs() < 1e-6);
        assert!(sigmoid(-1000.0) > 0.0, "clamped at -88.7, so never exactly 0");
        assert_eq!(sigmoid(1000.0), 1.0);
    }

    /// The single-value links the tree kernels use (with FMA where the CPU has it) against
    /// [`sigmoid`], the portable `expf` and the other links' portable forms: every 4099th `f32`
    /// bit pattern (NaNs, infinities, subnormals, both signs). (The `expf` under them is checked on every `f32` of its range
    /// in `math`'s tests.)
    #[test]
    fn one_is_the_portable_link() {
        for b in (0..=u32::MAX).step_by(4099) {
            let x = f32::from_bits(b);
            let pairs = [
                (one(Link::Sigmoid, x), sigmoid(x)),
                (one(Link::Exp, x), crate::math::expf(x)),
                (one(Link::SigmoidUnclamped, x), sigmoid_unclamped(x)),
                (one(Link::Hinge, x), hinge(x)),
                (one(Link::ExpF64, x), crate::math::expf_via_f64(x)),
            ];
            for (one, scalar) in pairs {
                assert!(one.to_bits() == scalar.to_bits() || one.is_nan() && scalar.is_nan(), "{x:e}: {one:e} vs {scalar:e}");
            }
        }
    }

    #[test]
    fn softmax_sums_to_one_and_argmax_takes_the_first_maximum() {
        let mut v = [1.0, 2.0, 3.0];
        softmax(&mut v);
        assert!((v.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(v[2] > v[1] && v[1] > v[0]);
        assert_eq!(argmax(&[1.0, 5.0, 5.0, 2.0]), 1);
    }
}
