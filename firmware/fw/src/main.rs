//! mlc firmware: serves the embedded mlc artifacts over a serial link.
//!
//! Boot: paint the stack (for the high-water mark), start SysTick (for timing), validate every
//! embedded artifact (checksums included), then answer [`mlc_wire::Request`]s read from the
//! board's UART, one [`mlc_wire::Response`] each, forever (until `Shutdown`).
#![no_std]
#![no_main]

mod artifacts {
    include!(concat!(env!("OUT_DIR"), "/artifacts.rs"));
}
mod board;
mod measure;
mod serve;
mod take_once;

use cortex_m_rt::{entry, exception, ExceptionFrame};
use cortex_m_semihosting::debug;

#[entry]
fn main() -> ! {
    measure::paint_stack();
    let mut cp = cortex_m::Peripherals::take().unwrap();
    measure::start_timer(&mut cp.SYST);
    let mut uart = board::Uart::init();
    serve::run(&mut uart)
}

/// Stops the emulator with `code` (semihosting; on a real board without a debugger this
/// would be a reset).
pub fn exit(code: debug::ExitStatus) -> ! {
    debug::exit(code);
    #[allow(clippy::empty_loop)]
    loop {}
}

/// Writes `msg` to the semihosting console (QEMU: its `-semihosting-config chardev`).
pub fn log(msg: &str) {
    if let Ok(mut out) = cortex_m_semihosting::hio::hstdout() {
        let _ = out.write_all(msg.as_bytes());
    }
}

/// Panics print where and exit with status 1 (no formatting machinery is linked).
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    log("mlc-fw: panic");
    if let Some(loc) = info.location() {
        log(" at ");
        log(loc.file());
        log(":");
        let mut digits = [0u8; 10];
        log(measure::decimal(loc.line(), &mut digits));
    }
    log("\n");
    exit(debug::EXIT_FAILURE)
}

#[exception]
unsafe fn HardFault(_frame: &ExceptionFrame) -> ! {
    log("mlc-fw: hard fault\n");
    exit(debug::EXIT_FAILURE)
}
