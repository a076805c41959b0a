//! Which x86-64 vector kernels of the tree ensembles this CPU may run.
//!
//! With `std` the CPU is asked at run time, and the environment's caps (one reading for the
//! whole runtime, in `crate::cpu`) select the paths so that each can be measured on an AVX-512
//! machine: `MLC_NO_AVX512` leaves the AVX2 batch kernel and the walk, `MLC_NO_SIMD` the walk. Without `std`
//! only what the build enables at compile time is used.

/// Whether the environment disables the AVX-512 kernels (`crate::cpu`'s caps).
#[cfg(feature = "std")]
fn avx512_disabled() -> bool {
    !crate::cpu::avx512_allowed()
}

/// AVX-512F and AVX-512CD: the batch bitvector kernel.
#[cfg(feature = "std")]
pub(crate) fn avx512_batch() -> bool {
    std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512cd") && !avx512_disabled()
}

/// AVX-512F and AVX-512CD: the batch bitvector kernel.
#[cfg(not(feature = "std"))]
pub(crate) fn avx512_batch() -> bool {
    cfg!(all(target_feature = "avx512f", target_feature = "avx512cd"))
}

/// AVX2: the batch bitvector kernel without AVX-512 (also where `MLC_NO_AVX512` is set; not
/// where `MLC_NO_SIMD` is).
#[cfg(feature = "std")]
pub(crate) fn avx2_batch() -> bool {
    std::is_x86_feature_detected!("avx2") && crate::cpu::simd_allowed()
}

/// AVX2: the batch bitvector kernel without AVX-512.
#[cfg(not(feature = "std"))]
pub(crate) fn avx2_batch() -> bool {
    cfg!(target_feature = "avx2")
}

/// AVX-512F/BW/VBMI/BITALG, BMI1 and BMI2: the single-row bit kernel.
#[cfg(feature = "std")]
pub(crate) fn avx512_bits() -> bool {
    std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512bw")
        && std::is_x86_feature_detected!("avx512vbmi")
        && std::is_x86_feature_detected!("avx512bitalg")
        && std::is_x86_feature_detected!("bmi1")
        && std::is_x86_feature_detected!("bmi2")
        && !avx512_disabled()
}

/// AVX-512F/BW/VBMI/BITALG, BMI1 and BMI2: the single-row bit kernel.
#[cfg(not(feature = "std"))]
pub(crate) fn avx512_bits() -> bool {
    cfg!(all(
        target_feature = "avx512f",
        target_feature = "avx512bw",
        target_feature = "avx512vbmi",
        target_feature = "avx512bitalg",
        target_feature = "bmi1",
        target_feature = "bmi2"
    ))
}

/// AVX-512F/BW/VL/VBMI and GFNI: the batch bit-plane kernel.
#[cfg(feature = "std")]
pub(crate) fn avx512_planes() -> bool {
    std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512bw")
        && std::is_x86_feature_detected!("avx512vl")
        && std::is_x86_feature_detected!("avx512vbmi")
        && std::is_x86_feature_detected!("gfni")
        && !avx512_disabled()
}

/// AVX-512F/BW/VL/VBMI and GFNI: the batch bit-plane kernel.
#[cfg(not(feature = "std"))]
pub(crate) fn avx512_planes() -> bool {
    cfg!(all(
        target_feature = "avx512f",
        target_feature = "avx512bw",
        target_feature = "avx512vl",
        target_feature = "avx512vbmi",
        target_feature = "gfni"
    ))
}
