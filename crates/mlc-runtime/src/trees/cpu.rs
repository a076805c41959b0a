//! Which x86-64 vector kernels of the tree ensembles this CPU may run.
//!
//! With `std` the CPU is asked at run time, and the environment variable `MLC_NO_AVX512`
//! (any value but empty or `0`) turns the AVX-512 kernels off so that the AVX2 and portable
//! paths can be measured on an AVX-512 machine; it is read once per process. Without `std`
//! only what the build enables at compile time is used.

/// Whether the environment disables the AVX-512 kernels (read once).
#[cfg(feature = "std")]
fn avx512_disabled() -> bool {
    static DISABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DISABLED.get_or_init(|| std::env::var_os("MLC_NO_AVX512").is_some_and(|v| !v.is_empty() && v != "0"))
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

/// AVX2: the batch bitvector kernel without AVX-512 (also where `MLC_NO_AVX512` is set).
#[cfg(feature = "std")]
pub(crate) fn avx2_batch() -> bool {
    std::is_x86_feature_detected!("avx2")
}

/// AVX2: the batch bitvector kernel without AVX-512.
#[cfg(not(feature = "std"))]
pub(crate) fn avx2_batch() -> bool {
    cfg!(target_feature = "avx2")
}

/// AVX-512F/BW/VBMI, BMI2 and POPCNT: the single-row rank kernel.
#[cfg(feature = "std")]
pub(crate) fn avx512_ranks() -> bool {
    std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512bw")
        && std::is_x86_feature_detected!("avx512vbmi")
        && std::is_x86_feature_detected!("bmi2")
        && std::is_x86_feature_detected!("popcnt")
        && !avx512_disabled()
}

/// AVX-512F/BW/VBMI, BMI2 and POPCNT: the single-row rank kernel.
#[cfg(not(feature = "std"))]
pub(crate) fn avx512_ranks() -> bool {
    cfg!(all(
        target_feature = "avx512f",
        target_feature = "avx512bw",
        target_feature = "avx512vbmi",
        target_feature = "bmi2",
        target_feature = "popcnt"
    ))
}
