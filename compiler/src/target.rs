//! Compilation targets and what they imply for layout and arithmetic.

use std::fmt;
use std::str::FromStr;

/// A device class the artifact is compiled for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    /// The machine running the compiler (x86-64 or aarch64 host).
    #[default]
    Host,
    /// x86-64 Linux.
    X86_64,
    /// 64-bit ARM Linux boards (Raspberry Pi 4/5 class).
    Aarch64,
    /// Cortex-M4F / M7 / M33: single-precision FPU.
    CortexM4,
    /// Cortex-M3: no FPU — integer-only artifacts.
    CortexM3,
    /// Cortex-M0/M0+: no FPU, small flash — integer-only, compact layout.
    CortexM0,
}

impl Target {
    /// All targets, as spelled on the command line.
    pub const NAMES: &'static [&'static str] = &["host", "x86-64", "aarch64", "cortex-m4", "cortex-m3", "cortex-m0"];

    /// Whether the target has a hardware FPU (otherwise the compiler emits fixed point).
    pub fn has_fpu(self) -> bool {
        !matches!(self, Target::CortexM3 | Target::CortexM0)
    }

    /// Whether the target is x86-64 (the host is assumed to be; `aarch64` is not).
    pub fn is_x86_64(self) -> bool {
        matches!(self, Target::X86_64) || (self == Target::Host && cfg!(target_arch = "x86_64"))
    }

    /// Whether the runtime has batch bitvector kernels for trees on the target (x86-64: AVX2,
    /// AVX-512; aarch64: NEON), which read the `tree-splits` index.
    pub fn has_tree_vector_kernels(self) -> bool {
        self.is_x86_64() || matches!(self, Target::Aarch64) || (self == Target::Host && cfg!(target_arch = "aarch64"))
    }

    /// Bytes the compiler may spend on lookup tables that trade memory for speed (a folded
    /// embedding): plenty on hosts, little on boards, a fraction of flash on microcontrollers.
    pub fn table_budget_bytes(self) -> usize {
        match self {
            Target::Host | Target::X86_64 => 256 << 20,
            Target::Aarch64 => 64 << 20,
            Target::CortexM4 | Target::CortexM3 => 128 << 10,
            Target::CortexM0 => 32 << 10,
        }
    }

    /// Whether the target is a microcontroller (flash is scarce: prefer compact layouts).
    pub fn is_mcu(self) -> bool {
        matches!(self, Target::CortexM4 | Target::CortexM3 | Target::CortexM0)
    }
}

impl FromStr for Target {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "host" => Target::Host,
            "x86-64" | "x86_64" => Target::X86_64,
            "aarch64" => Target::Aarch64,
            "cortex-m4" | "cortex-m4f" | "cortex-m7" | "cortex-m33" => Target::CortexM4,
            "cortex-m3" => Target::CortexM3,
            "cortex-m0" | "cortex-m0+" => Target::CortexM0,
            _ => return Err(format!("unknown target `{s}` (one of: {})", Target::NAMES.join(", "))),
        })
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = [Target::Host, Target::X86_64, Target::Aarch64, Target::CortexM4, Target::CortexM3, Target::CortexM0]
            .iter()
            .position(|t| t == self)
            .unwrap_or(0);
        f.write_str(Target::NAMES[i])
    }
}
