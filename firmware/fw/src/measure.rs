//! On-target measurement: a 64-bit tick counter on SysTick (core clock), a calibration loop of
//! a known instruction count, and the stack high-water mark (painted stack).
use core::ptr::{addr_of, read_volatile, write_volatile};
use core::sync::atomic::{AtomicU32, Ordering};

use cortex_m::peripheral::syst::SystClkSource;
use cortex_m::peripheral::SYST;
use cortex_m_rt::exception;

const RELOAD: u32 = 0x00FF_FFFF;
static WRAPS: AtomicU32 = AtomicU32::new(0);

#[exception]
fn SysTick() {
    WRAPS.fetch_add(1, Ordering::Relaxed);
}

/// Starts SysTick on the core clock, free running, counting wraps in its exception.
pub fn start_timer(syst: &mut SYST) {
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(RELOAD);
    syst.clear_current();
    syst.enable_interrupt();
    syst.enable_counter();
}

/// Ticks since [`start_timer`].
#[inline(never)]
pub fn now() -> u64 {
    loop {
        let w = WRAPS.load(Ordering::Relaxed);
        let v = SYST::get_current();
        if WRAPS.load(Ordering::Relaxed) == w {
            // The wrap exception fires when the counter reaches 0: by then `w` counts it.
            return if v == 0 { ((w as u64) << 24).wrapping_sub(1) } else { ((w as u64) << 24) + (RELOAD - v) as u64 };
        }
    }
}

/// Instructions the calibration loop executes.
pub const CALIB_INSNS: u32 = 2 * CALIB_ITERS;
const CALIB_ITERS: u32 = 50_000;

/// Ticks of a loop of exactly [`CALIB_INSNS`] instructions (`subs` + `bne`), minus the ticks of
/// an empty measurement. Under QEMU `-icount shift=0` one instruction is one virtual
/// nanosecond, so this gives instructions per tick.
pub fn calibrate() -> u32 {
    let t0 = now();
    let t1 = now();
    let empty = t1 - t0;
    let t0 = now();
    // SAFETY: a register-only countdown loop: no memory access, no stack use (declared).
    unsafe {
        core::arch::asm!("2:", "subs {n}, {n}, #1", "bne 2b", n = inout(reg) CALIB_ITERS => _, options(nomem, nostack));
    }
    let t1 = now();
    (t1 - t0 - empty) as u32
}

const PAINT: u32 = 0xC0DE_5AFE;

extern "C" {
    // cortex-m-rt's link.x: the stack grows down from `_stack_start` to `_stack_end` (the end
    // of .bss/.uninit).
    static _stack_start: u32;
    static _stack_end: u32;
}

fn stack_bounds() -> (usize, usize) {
    (addr_of!(_stack_end) as usize, addr_of!(_stack_start) as usize)
}

/// Bytes of stack available.
pub fn stack_size() -> u32 {
    let (lo, hi) = stack_bounds();
    (hi - lo) as u32
}

/// Paints the unused stack below the caller's frame with a pattern.
#[inline(never)]
pub fn paint_stack() {
    let (lo, _) = stack_bounds();
    let sp = cortex_m::register::msp::read() as usize - 64;
    let mut p = lo;
    while p < sp {
        // SAFETY: `lo .. sp − 64` is the unused part of the stack region (linker symbols),
        // below everything live; word-aligned.
        unsafe { write_volatile(p as *mut u32, PAINT) };
        p += 4;
    }
}

/// Deepest stack use since the last [`paint_stack`]: the lowest word no longer painted.
#[inline(never)]
pub fn stack_peak() -> u32 {
    let (lo, hi) = stack_bounds();
    let mut p = lo;
    // SAFETY: `lo .. hi` is the stack region (linker symbols), word-aligned and mapped.
    while p < hi && unsafe { read_volatile(p as *const u32) } == PAINT {
        p += 4;
    }
    (hi - p) as u32
}

/// `n` in decimal, in `buf`.
pub fn decimal(mut n: u32, buf: &mut [u8; 10]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    core::str::from_utf8(&buf[i..]).unwrap_or("?")
}
