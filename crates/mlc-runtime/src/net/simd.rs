//! How the int8 kernels get vector code: they are plain safe loops that the compiler
//! vectorises, compiled a second time for AVX2 and picked at run time on x86-64
//! ([`simd_dispatch`]: the one `unsafe` call here), with their accumulators blocked so that
//! they stay in registers ([`by_channel_blocks`]).

/// Defines `fn $name` (visible in `crate::net`), which runs `$imp` compiled for AVX2 where the CPU has it
/// (x86-64 with `std`: detected at run time, [`crate::cpu`]; the check is a cached load) and as compiled
/// otherwise. The kernels are plain loops that the compiler vectorises for either. (An
/// AVX-512BW tier measured no faster here: the loops are short and memory-bound.)
macro_rules! simd_dispatch {
    ($(#[$m:meta])* fn $name:ident ($($a:ident: $t:ty),*) => $imp:ident) => {
        $(#[$m])*
        pub(in crate::net) fn $name($($a: $t),*) {
            #[cfg(all(target_arch = "x86_64", feature = "std"))]
            {
                #[target_feature(enable = "avx2")]
                unsafe fn avx2($($a: $t),*) {
                    $imp($($a),*)
                }
                if crate::cpu::level() >= crate::cpu::Level::Avx2 {
                    // SAFETY: the CPU has AVX2 (`cpu::level` checked it); `$imp` is safe code.
                    return unsafe { avx2($($a),*) };
                }
            }
            $imp($($a),*)
        }
    };
}
pub(super) use simd_dispatch;

/// Runs `$body` — which adds to `$a`, the accumulators of channels `$c0 .. $c0 + $a.len()` —
/// over all `$acc.len()` channels, starting each from `$bias` (or zero) and storing the result
/// in `$acc`. On vector targets the channels go in blocks of 64, then 32, 16, 8 and 1, each
/// block's accumulators in a local array that the compiler keeps in registers (accumulating
/// in the caller's memory was up to 4× slower, depending on where the scratch lay). On 32-bit
/// Arm (Cortex-M: no vector registers to hold a block) the whole row at once, in `$acc`.
macro_rules! by_channel_blocks {
    ($acc:expr, $bias:expr, |$c0:ident, $a:ident| $body:expr) => {{
        let (acc, bias): (&mut [i32], &[i32]) = ($acc, $bias);
        #[cfg(not(target_arch = "arm"))]
        {
            let cout = acc.len();
            let mut $c0 = 0;
            macro_rules! block {
                ($n:literal) => {
                    #[allow(clippy::int_plus_one)] // `block!(1)`
                    while $c0 + $n <= cout {
                        let mut block = [0i32; $n];
                        if !bias.is_empty() {
                            block.copy_from_slice(&bias[$c0..$c0 + $n]);
                        }
                        {
                            let $a: &mut [i32] = &mut block;
                            $body;
                        }
                        acc[$c0..$c0 + $n].copy_from_slice(&block);
                        $c0 += $n;
                    }
                };
            }
            block!(64);
            block!(32);
            block!(16);
            block!(8);
            block!(1);
        }
        #[cfg(target_arch = "arm")]
        {
            if bias.is_empty() {
                acc.fill(0);
            } else {
                acc.copy_from_slice(bias);
            }
            let ($c0, $a) = (0usize, acc);
            $body;
        }
    }};
}
pub(super) use by_channel_blocks;
