//! Which x86-64 vector kernels of the tree ensembles this CPU may run.
//!
//! With `std` the CPU is asked at run time, and the environment's caps (one reading for the
//! whole runtime, in `crate::cpu`) select the paths so that each can be measured on an AVX-512
//! machine: `MLC_NO_AVX512` leaves the AVX2 kernels, `MLC_NO_SIMD` the walk. Without `std`
//! only what the build enables at compile time is used.

use crate::cpu::x86_gate;

x86_gate!(
    /// AVX-512F and AVX-512CD: the batch bitvector kernel.
    avx512_batch,
    avx512_allowed,
    ["avx512f", "avx512cd"]
);

x86_gate!(
    /// AVX2: the batch bitvector kernel without AVX-512 (also where `MLC_NO_AVX512` is set;
    /// not where `MLC_NO_SIMD` is).
    avx2_batch,
    simd_allowed,
    ["avx2"]
);

x86_gate!(
    /// AVX-512F/BW/VBMI/BITALG, BMI1, BMI2 and FMA: the single-row bit kernel (FMA for the
    /// link function it ends with).
    avx512_bits,
    avx512_allowed,
    ["avx512f", "avx512bw", "avx512vbmi", "avx512bitalg", "bmi1", "bmi2", "fma"]
);

x86_gate!(
    /// AVX-512F/BW/VL/VBMI, GFNI and BMI2: the batch bit-plane kernel.
    avx512_planes,
    avx512_allowed,
    ["avx512f", "avx512bw", "avx512vl", "avx512vbmi", "gfni", "bmi2"]
);

x86_gate!(
    /// AVX2, FMA, BMI1 and BMI2: the single-row byte kernel where the bit kernel does not run
    /// (also where `MLC_NO_AVX512` is set; not where `MLC_NO_SIMD` is).
    avx2_bytes,
    simd_allowed,
    ["avx2", "fma", "bmi1", "bmi2"]
);
