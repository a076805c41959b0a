//! Link functions: from margins to predictions, with XGBoost's float semantics.

use mlc_format::manifest::Link;

/// XGBoost's logistic function (`common::Sigmoid`, src/common/math.h, 2.0+):
/// `1 / (expf(min(-x, 88.7)) + 1 + 1e-16)`, all in `f32`.
#[inline]
pub fn sigmoid(x: f32) -> f32 {
    // `std::min(-x, 88.7f)`: a NaN stays NaN (Rust's `f32::min` would drop it).
    let e = crate::math::expf(if 88.7 < -x { 88.7 } else { -x });
    1.0 / (e + 1.0 + 1e-16)
}

/// [`sigmoid`] of every margin in `margins` into `out` (same length): 16 at a time with AVX-512
/// where the CPU has it (bit-identical to [`sigmoid`]), the rest one by one.
pub fn sigmoid_slice(margins: &[f32], out: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    let done = if x86::usable() {
        let whole = margins.len().min(out.len()) / 16 * 16;
        for (m, o) in margins[..whole].chunks_exact(16).zip(out[..whole].chunks_exact_mut(16)) {
            // SAFETY: `usable` checked AVX-512F; both chunks hold 16 values.
            unsafe { x86::sigmoid16(m, o) };
        }
        whole
    } else {
        0
    };
    #[cfg(not(target_arch = "x86_64"))]
    let done = 0;
    for (o, &m) in out[done..].iter_mut().zip(&margins[done..]) {
        *o = sigmoid(m);
    }
}

/// AVX-512 [`sigmoid`]: [`crate::math::expf`]'s steps in `f64` lanes, in the same order with
/// the same roundings (no fused multiply-adds), so every value is bit-identical.
#[cfg(target_arch = "x86_64")]
mod x86 {
    use core::arch::x86_64::*;

    use crate::math::{C0, C1, C2, INV_LN2_N, SHIFT, TABLE};

    /// Whether the CPU (AVX-512F) and the environment (`crate::cpu`) allow [`sigmoid16`].
    #[cfg(feature = "std")]
    pub(super) fn usable() -> bool {
        std::is_x86_feature_detected!("avx512f") && crate::cpu::avx512_allowed()
    }

    /// Without `std`: where the build enables AVX-512F.
    #[cfg(not(feature = "std"))]
    pub(super) fn usable() -> bool {
        cfg!(target_feature = "avx512f")
    }

    /// `expf(x)` of 8 values whose magnitude is below 88 or which lie in [-103.9, 88.7]
    /// (the caller checks): `expf`'s main path.
    #[target_feature(enable = "avx512f")]
    #[inline]
    fn expf8(x: __m256) -> __m256 {
        let f = |b: u64| _mm512_set1_pd(f64::from_bits(b));
        let xd = _mm512_cvtps_pd(x);
        let z = _mm512_mul_pd(f(INV_LN2_N), xd);
        let kd = _mm512_add_pd(z, f(SHIFT));
        let ki = _mm512_castpd_si512(kd);
        let kd = _mm512_sub_pd(kd, f(SHIFT));
        let hi = f(INV_LN2_N & !((1 << 27) - 1));
        let lo = _mm512_sub_pd(f(INV_LN2_N), hi);
        let r = _mm512_add_pd(_mm512_sub_pd(_mm512_mul_pd(hi, xd), kd), _mm512_mul_pd(lo, xd));
        // TABLE[ki % 32]: two 16-entry permutes and a blend on bit 4.
        // SAFETY: 8 of the table's 32 `u64`s from each offset.
        let t: [__m512i; 4] = core::array::from_fn(|i| unsafe { _mm512_loadu_si512(TABLE.as_ptr().add(8 * i) as *const _) });
        let low = _mm512_permutex2var_epi64(t[0], ki, t[1]);
        let high = _mm512_permutex2var_epi64(t[2], ki, t[3]);
        let entry = _mm512_mask_blend_epi64(_mm512_test_epi64_mask(ki, _mm512_set1_epi64(16)), low, high);
        let s = _mm512_castsi512_pd(_mm512_add_epi64(entry, _mm512_slli_epi64::<47>(ki)));
        let p = _mm512_add_pd(_mm512_mul_pd(f(C0), r), f(C1));
        let y = _mm512_add_pd(_mm512_mul_pd(f(C2), r), _mm512_set1_pd(1.0));
        let y = _mm512_add_pd(_mm512_mul_pd(p, _mm512_mul_pd(r, r)), y);
        _mm512_cvtpd_ps(_mm512_mul_pd(y, s))
    }

    /// [`super::sigmoid`] of 16 margins; lanes that `expf` treats specially (|argument| ≥ 88
    /// outside its main path, NaN) fall back to the scalar function.
    ///
    /// # Safety
    /// The CPU must have AVX-512F; `m` and `o` hold at least 16 values (checked).
    #[target_feature(enable = "avx512f")]
    pub(super) unsafe fn sigmoid16(m: &[f32], o: &mut [f32]) {
        assert!(m.len() >= 16 && o.len() >= 16);
        // SAFETY: 16 values (checked above).
        let x = unsafe { _mm512_loadu_ps(m.as_ptr()) };
        // std::min(-x, 88.7f): 88.7 where 88.7 < -x, else -x (NaN stays NaN).
        let neg = _mm512_castsi512_ps(_mm512_xor_si512(_mm512_castps_si512(x), _mm512_set1_epi32(i32::MIN)));
        let limit = _mm512_set1_ps(88.7);
        let arg = _mm512_mask_blend_ps(_mm512_cmp_ps_mask::<_CMP_LT_OQ>(limit, neg), neg, limit);
        // `expf`'s special cases: -inf, NaN and below ln(2^-150) (+inf and large values are
        // clamped away above); values in [-103.9, -88] take the main path there too.
        let low = _mm512_cmp_ps_mask::<_CMP_NGE_UQ>(arg, _mm512_set1_ps(f32::from_bits(0xC2CF_F1B4)));
        if low != 0 {
            for (o, &m) in o[..16].iter_mut().zip(&m[..16]) {
                *o = super::sigmoid(m);
            }
            return;
        }
        let e0 = expf8(_mm512_castps512_ps256(arg));
        let e1 = expf8(_mm256_castpd_ps(_mm512_extractf64x4_pd::<1>(_mm512_castps_pd(arg))));
        let e = _mm512_castpd_ps(_mm512_insertf64x4::<1>(_mm512_castps_pd(_mm512_castps256_ps512(e0)), _mm256_castps_pd(e1)));
        let d = _mm512_add_ps(_mm512_add_ps(e, _mm512_set1_ps(1.0)), _mm512_set1_ps(1e-16));
        // SAFETY: 16 values (checked above).
        unsafe { _mm512_storeu_ps(o.as_mut_ptr(), _mm512_div_ps(_mm512_set1_ps(1.0), d)) };
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

/// Applies `link` to the `margins` of one row, writing `link.outputs(margins.len())` values.
/// `out` must have that length and `margins` at least one value (the loader guarantees both).
pub fn apply(link: Link, margins: &mut [f32], out: &mut [f32]) {
    match link {
        Link::Identity => out.copy_from_slice(margins),
        Link::Sigmoid => {
            for (o, &m) in out.iter_mut().zip(margins.iter()) {
                *o = sigmoid(m);
            }
        }
        Link::Exp => {
            for (o, &m) in out.iter_mut().zip(margins.iter()) {
                *o = crate::math::expf(m);
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

    /// The vector sigmoid against the scalar one: every 4099th `f32` bit pattern (NaNs,
    /// infinities, subnormals, both signs) and a dense sweep of [-110, 110].
    #[test]
    #[cfg(feature = "std")]
    fn sigmoid_slice_matches_sigmoid() {
        let mut xs: std::vec::Vec<f32> = (0..=u32::MAX / 4099).map(|i| f32::from_bits(i * 4099)).collect();
        xs.extend((-110_000..110_000).map(|i| i as f32 * 1e-3));
        xs.extend([0.0, -0.0, f32::INFINITY, f32::NEG_INFINITY, f32::NAN, 88.7, -88.7, 103.97, -103.97, 104.0]);
        xs.extend((0..20).map(|i| 88.0 + i as f32 * 0.05));
        let mut got = std::vec![0f32; xs.len()];
        sigmoid_slice(&xs, &mut got);
        for (x, g) in xs.iter().zip(&got) {
            let want = sigmoid(*x);
            assert!(g.to_bits() == want.to_bits() || (g.is_nan() && want.is_nan()), "sigmoid({x:e}) = {g:e}, want {want:e}");
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
