//! Which vector instructions this machine lets the kernels use: asked once at run time on
//! x86-64 and aarch64 with `std`, and capped by the environment (read once per process), so
//! that each path can be timed and checked against the others on one machine:
//!
//! - `MLC_NO_SIMD=1`: the portable kernels only (as compiled, no AVX2, AVX-512 or NEON
//!   kernels);
//! - `MLC_NO_AVX512=1`: AVX2 at most (x86-64).
//!
//! (Any value but empty or `0` counts.) The int8 network kernels go by [`level`]; the x86-64
//! tree kernels, which need other AVX-512 subsets, ask [`simd_allowed`] and [`avx512_allowed`]
//! besides the CPU (`trees::cpu`). Without `std` nothing is read: on x86-64 the level is
//! [`Level::Portable`]; on aarch64, where NEON is part of the architecture, it is
//! [`Level::Neon`], or [`Level::NeonDot`] where the build enables `dotprod`
//! (`-C target-feature=+dotprod`). Other architectures (32-bit Arm: Cortex-M) have no
//! vector kernels of their own and do not compile this module.

/// A tier of vector kernels, in increasing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(feature = "std"), allow(dead_code))] // detected with `std` only
pub(crate) enum Level {
    /// The portable kernels, as compiled for the target.
    Portable = 1,
    /// AVX2 (`vpmaddwd` on sign-extended int8 pairs; the portable loops compiled for AVX2).
    #[cfg(target_arch = "x86_64")]
    Avx2 = 2,
    /// AVX-512F/BW with VNNI (`vpdpbusd`).
    #[cfg(target_arch = "x86_64")]
    Avx512Vnni = 3,
    /// NEON, part of every aarch64 CPU (`smull` on int8 pairs, `sadalp` into `i32`).
    #[cfg(target_arch = "aarch64")]
    Neon = 2,
    /// NEON with the dot-product extension (`sdot`, Armv8.2 optional, Armv8.4 and later).
    #[cfg(target_arch = "aarch64")]
    NeonDot = 3,
}

impl Level {
    /// The level whose discriminant is `v`, if any.
    #[cfg(feature = "std")]
    fn from_u8(v: u8) -> Option<Level> {
        #[cfg(target_arch = "x86_64")]
        let levels = [Level::Portable, Level::Avx2, Level::Avx512Vnni];
        #[cfg(target_arch = "aarch64")]
        let levels = [Level::Portable, Level::Neon, Level::NeonDot];
        levels.into_iter().find(|&l| l as u8 == v)
    }
}

/// The level of this machine (cached after the first call).
#[cfg(feature = "std")]
pub(crate) fn level() -> Level {
    use core::sync::atomic::{AtomicU8, Ordering};
    static CACHED: AtomicU8 = AtomicU8::new(0);
    Level::from_u8(CACHED.load(Ordering::Relaxed)).unwrap_or_else(|| {
        let level = detect();
        CACHED.store(level as u8, Ordering::Relaxed);
        level
    })
}

/// The level of this machine: without `std` (no run-time detection), portable on x86-64.
#[cfg(all(not(feature = "std"), target_arch = "x86_64"))]
pub(crate) fn level() -> Level {
    Level::Portable
}

/// The level of this machine without `std` on aarch64: NEON (part of the architecture; only
/// soft-float targets leave it out), with `sdot` where the build enables `dotprod`.
#[cfg(all(not(feature = "std"), target_arch = "aarch64"))]
pub(crate) fn level() -> Level {
    if !cfg!(target_feature = "neon") {
        Level::Portable // a soft-float target (`aarch64-unknown-none-softfloat`)
    } else if cfg!(target_feature = "dotprod") {
        Level::NeonDot
    } else {
        Level::Neon
    }
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
#[cfg(all(feature = "std", target_arch = "x86_64"))]
pub(crate) fn avx512_allowed() -> bool {
    let (no_simd, no_avx512) = caps();
    !no_simd && !no_avx512
}

/// Detects the CPU's features and applies the environment's caps.
#[cfg(all(feature = "std", target_arch = "x86_64"))]
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

/// Detects the CPU's features and applies the environment's cap: NEON unless `MLC_NO_SIMD`,
/// with `sdot` where the CPU has `dotprod`.
#[cfg(all(feature = "std", target_arch = "aarch64"))]
fn detect() -> Level {
    if !simd_allowed() || !std::arch::is_aarch64_feature_detected!("neon") {
        Level::Portable
    } else if std::arch::is_aarch64_feature_detected!("dotprod") {
        Level::NeonDot
    } else {
        Level::Neon
    }
}

/// Defines `fn $name() -> bool`: whether this x86-64 CPU has every feature listed and the
/// environment's `$cap` (`simd_allowed` or `avx512_allowed`) lets the kernel run — asked at run
/// time with `std`, else what the build enables (`cfg!(target_feature)`, no cap). One list of
/// features per kernel, for both builds.
#[cfg(target_arch = "x86_64")]
macro_rules! x86_gate {
    ($(#[$doc:meta])* $name:ident, $cap:ident, [$($feature:tt),+ $(,)?]) => {
        $(#[$doc])*
        #[cfg(feature = "std")]
        pub(crate) fn $name() -> bool {
            $(std::is_x86_feature_detected!($feature) &&)+ $crate::cpu::$cap()
        }

        $(#[$doc])*
        #[cfg(not(feature = "std"))]
        pub(crate) fn $name() -> bool {
            cfg!(all($(target_feature = $feature),+))
        }
    };
}
#[cfg(target_arch = "x86_64")]
pub(crate) use x86_gate;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_is_stable() {
        assert_eq!(level(), level());
        assert!(level() >= Level::Portable);
    }
}
