//! XGBoost's logistic function on eight values at a time (AVX2 and FMA), bit-identical to
//! [`super::sigmoid`]: the same `expf` algorithm (`crate::math`) evaluated in `f64` lanes (two
//! vectors of four) with the operations of [`crate::math::expf_fma`] in the same order (fused
//! multiply-adds where it has them: the same `f32` as without, for every input; the reduction's
//! integer by adding and subtracting `SHIFT`, where the scalar function rounds once: the same
//! integer, and a batch is bound by its throughput, not this latency), the 32-entry table read
//! with a gather. Groups of eight holding a value whose `expf` argument is
//! special (|a| ≥ 88, infinite or NaN) go through the scalar function. AVX2 rather than
//! AVX-512: most x86 edge CPUs have no AVX-512, and on this project's Zen 4 the 512-bit
//! version was no faster per value (its vectors are split in two halves anyway).

use core::arch::x86_64::*;

use crate::math::{C0, C1, C2, INV_LN2_N, SHIFT, TABLE};

crate::cpu::x86_gate!(
    /// Whether the CPU runs [`sigmoid`] (AVX2 and FMA; not where `MLC_NO_SIMD` is set).
    usable,
    simd_allowed,
    ["avx2", "fma"]
);

crate::cpu::x86_gate!(
    /// Whether the CPU runs [`crate::math::expf_fma`] (FMA and SSE4.1; not where `MLC_NO_SIMD`
    /// is set).
    fma_usable,
    simd_allowed,
    ["fma", "sse4.1"]
);

/// `e^a` for four values of `a` (as `f64`) that are not special: [`crate::math::expf_fma`]'s
/// main path, rounded to `f32`.
#[target_feature(enable = "avx2,fma")]
fn expf4(xd: __m256d) -> __m128 {
    let d = |bits: u64| _mm256_set1_pd(f64::from_bits(bits));
    let kd = _mm256_add_pd(_mm256_mul_pd(d(INV_LN2_N), xd), d(SHIFT));
    let ki = _mm256_castpd_si256(kd);
    let kd = _mm256_sub_pd(kd, d(SHIFT));
    let r = _mm256_fmsub_pd(d(INV_LN2_N), xd, kd);
    let index = _mm256_and_si256(ki, _mm256_set1_epi64x(31));
    // SAFETY: every index is below 32, `TABLE`'s length.
    let entry = unsafe { _mm256_i64gather_epi64::<8>(TABLE.as_ptr() as *const i64, index) };
    let s = _mm256_castsi256_pd(_mm256_add_epi64(entry, _mm256_slli_epi64::<47>(ki)));
    let p = _mm256_fmadd_pd(d(C0), r, d(C1));
    let y = _mm256_fmadd_pd(d(C2), r, _mm256_set1_pd(1.0));
    let y = _mm256_fmadd_pd(p, _mm256_mul_pd(r, r), y);
    _mm256_cvtpd_ps(_mm256_mul_pd(y, s))
}

/// `values[i] = sigmoid(values[i])` for every value.
///
/// # Safety
/// The CPU must have what [`usable`] checks.
#[target_feature(enable = "avx2,fma")]
pub(crate) unsafe fn sigmoid(values: &mut [f32]) {
    let mut chunks = values.chunks_exact_mut(8);
    for v in &mut chunks {
        // SAFETY: `v` holds eight `f32`s, read and written unaligned.
        let x = unsafe { _mm256_loadu_ps(v.as_ptr()) };
        let neg = _mm256_xor_ps(x, _mm256_set1_ps(-0.0));
        // `min(-x, 88.7)` as XGBoost writes it: 88.7 where 88.7 < -x (never for NaN).
        let a = _mm256_blendv_ps(neg, _mm256_set1_ps(88.7), _mm256_cmp_ps::<_CMP_LT_OQ>(_mm256_set1_ps(88.7), neg));
        let abstop = _mm256_and_si256(_mm256_srli_epi32::<20>(_mm256_castps_si256(a)), _mm256_set1_epi32(0x7ff));
        if _mm256_movemask_epi8(_mm256_cmpgt_epi32(abstop, _mm256_set1_epi32(0x42a))) != 0 {
            for x in v.iter_mut() {
                *x = super::sigmoid(*x);
            }
            continue;
        }
        let low = expf4(_mm256_cvtps_pd(_mm256_castps256_ps128(a)));
        let high = expf4(_mm256_cvtps_pd(_mm256_extractf128_ps::<1>(a)));
        let e = _mm256_set_m128(high, low);
        let one = _mm256_set1_ps(1.0);
        // SAFETY: as above.
        unsafe { _mm256_storeu_ps(v.as_mut_ptr(), _mm256_div_ps(one, _mm256_add_ps(e, one))) };
    }
    for x in chunks.into_remainder() {
        *x = super::sigmoid(*x);
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use std::vec::Vec;

    /// Every `stride`-th `f32` bit pattern (NaNs and infinities included) through the vector
    /// and the scalar function: the same bits (any NaN for a NaN).
    fn compare(stride: u64) {
        if !super::usable() {
            std::eprintln!("skipped: no AVX2 and FMA");
            return;
        }
        let mut inputs = Vec::with_capacity(1 << 16);
        let mut bits = 0u64;
        while bits <= u32::MAX as u64 {
            inputs.clear();
            inputs.extend((0..1 << 16).map(|i| bits + stride * i).filter(|&b| b <= u32::MAX as u64).map(|b| f32::from_bits(b as u32)));
            let mut got = inputs.clone();
            // SAFETY: `usable` checked the CPU.
            unsafe { super::sigmoid(&mut got) };
            for (&x, g) in inputs.iter().zip(&got) {
                let w = super::super::sigmoid(x);
                assert!(g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()), "sigmoid({x:e}): {g:e} != {w:e}");
            }
            bits += stride << 16;
        }
    }

    /// Every 997th `f32` (about 4.3 million values).
    #[test]
    fn matches_the_scalar_sigmoid() {
        compare(997);
    }

    /// Every 5th `f32` (about 860 million values; every one took 68 s here):
    /// `cargo test -p mlc-runtime --features std --release -- --ignored` (scripts/test.sh).
    #[test]
    #[ignore = "860 million values: a release build"]
    fn matches_the_scalar_sigmoid_on_every_fifth_f32() {
        compare(5);
    }
}
