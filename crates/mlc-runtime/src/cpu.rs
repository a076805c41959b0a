//! Which vector instructions this machine lets the kernels use: asked once at run time on
//! x86-64 with `std`, and capped by the environment (read once per process), so that each path
//! can be timed and checked against the others on one machine:
//!
//! - `MLC_NO_SIMD=1`: the portable kernels only (as compiled, no AVX2 or AVX-512 copies);
//! - `MLC_NO_AVX512=1`: AVX2 at most.
//!
//! (Any value but empty or `0` counts.) The int8 network kernels go by [`level`]; the tree
//! kernels, which need other AVX-512 subsets, ask [`simd_allowed`] and [`avx512_allowed`] besides the CPU
//! (`trees::cpu`). Without `std` the level is [`Level::Portable`] and nothing is read.
//! x86-64 only: other architectures have no vector kernels of their own yet.

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

/// The environment's caps: (`MLC_NO_SIMD`, `MLC_NO_AVX512`), read once.
#[cfg(feature = "std")]
fn caps() -> (bool, bool) {
    static CAPS: std::sync::OnceLock<(bool, bool)> = std::sync::OnceLock::new();
    *CAPS.get_or_init(|| {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
        (set("MLC_NO_SIMD"), set("MLC_NO_AVX512"))
    })
}

/// Whether the environment lets vector kernels run at all (`MLC_NO_SIMD` is not set).
#[cfg(feature = "std")]
pub(crate) fn simd_allowed() -> bool {
    !caps().0
}

/// Whether the environment lets AVX-512 kernels run (neither cap is set).
#[cfg(feature = "std")]
pub(crate) fn avx512_allowed() -> bool {
    let (no_simd, no_avx512) = caps();
    !no_simd && !no_avx512
}

/// Detects the CPU's features and applies the environment's caps.
#[cfg(feature = "std")]
fn detect() -> Level {
    let avx512 = std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512bw")
        && std::is_x86_feature_detected!("avx512vnni");
    if !simd_allowed() || !std::is_x86_feature_detected!("avx2") {
        Level::Portable
    } else if !avx512_allowed() || !avx512 {
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
