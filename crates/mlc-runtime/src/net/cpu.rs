//! Which vector instructions the int8 network kernels may use on this machine: detected once
//! at run time on x86-64 with `std`, and capped by the environment, so that each path can be
//! timed and checked against the others on one machine:
//!
//! - `MLC_NO_SIMD=1`: the portable kernels only (as compiled, no AVX2 copies);
//! - `MLC_NO_AVX512=1`: AVX2 at most.
//!
//! Without `std` the level is [`Level::Portable`]. (x86-64 only: other architectures have no
//! vector kernels of their own yet.)

/// A tier of vector kernels, in increasing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(feature = "std"), allow(dead_code))] // detected with `std` only
pub(crate) enum Level {
    /// The portable kernels, as compiled for the target.
    Portable = 1,
    /// AVX2 (`vpmaddwd` on sign-extended int8 pairs; the portable loops compiled for AVX2).
    Avx2 = 2,
    /// AVX-512F/BW with VNNI (`vpdpbusd`).
    Avx512Vnni = 3,
}

/// The level of this machine (cached after the first call).
#[cfg(feature = "std")]
pub(crate) fn level() -> Level {
    use core::sync::atomic::{AtomicU8, Ordering};
    static CACHED: AtomicU8 = AtomicU8::new(0);
    match CACHED.load(Ordering::Relaxed) {
        1 => Level::Portable,
        2 => Level::Avx2,
        3 => Level::Avx512Vnni,
        _ => {
            let level = detect();
            CACHED.store(level as u8, Ordering::Relaxed);
            level
        }
    }
}

/// The level of this machine: without `std` (no run-time detection), portable.
#[cfg(not(feature = "std"))]
pub(crate) fn level() -> Level {
    Level::Portable
}

/// Detects the CPU's features and applies the environment's caps.
#[cfg(feature = "std")]
fn detect() -> Level {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    let avx512 = std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512bw")
        && std::is_x86_feature_detected!("avx512vnni");
    if set("MLC_NO_SIMD") || !std::is_x86_feature_detected!("avx2") {
        Level::Portable
    } else if set("MLC_NO_AVX512") || !avx512 {
        Level::Avx2
    } else {
        Level::Avx512Vnni
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_is_stable() {
        assert_eq!(level(), level());
        assert!(level() >= Level::Portable);
    }
}
