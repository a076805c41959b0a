//! The serial link: each board's UART0 behind the `embedded-io` traits, polled (no interrupts,
//! no DMA). A real board's HAL UART implementing `embedded_io::{Read, Write}` replaces this.
use core::convert::Infallible;
use core::ptr::{read_volatile, write_volatile};

use embedded_io::{ErrorType, Read, Write};

/// Board (QEMU machine) name, chosen by build.rs.
pub const BOARD: &str = env!("MLC_FW_BOARD");
/// CPU.
pub const CPU: &str = env!("MLC_FW_CPU");

/// UART0 of the board.
pub struct Uart {
    base: usize,
}

/// Reads the memory-mapped register at `addr`.
fn mmio_read(addr: usize) -> u32 {
    // SAFETY: every caller passes a register of this board's UART0 or system-control block
    // (fixed, word-aligned MMIO addresses from the board's memory map, always mapped on the
    // emulated machine); volatile access to them has no effect on Rust-visible memory.
    unsafe { read_volatile(addr as *const u32) }
}

/// Writes the memory-mapped register at `addr` (same contract as [`mmio_read`]).
fn mmio_write(addr: usize, value: u32) {
    // SAFETY: as in `mmio_read`.
    unsafe { write_volatile(addr as *mut u32, value) }
}

// ARM CMSDK APB UART (UART0 at 0x4000_4000 of the MPS2 boards: mps2-an386, mps2-an385).
#[cfg(uart_cmsdk)]
mod hw {
    pub const BASE: usize = 0x4000_4000;
    const DATA: usize = 0x00;
    const STATE: usize = 0x04; // bit 0: TX buffer full, bit 1: RX buffer full
    const CTRL: usize = 0x08; // bit 0: TX enable, bit 1: RX enable
    const BAUDDIV: usize = 0x10; // QEMU refuses to move bytes while it is below 16
    use super::*;

    pub fn init(base: usize) {
        mmio_write(base + BAUDDIV, 16);
        mmio_write(base + CTRL, 0b11);
    }
    pub fn rx_ready(base: usize) -> bool {
        mmio_read(base + STATE) & 0b10 != 0
    }
    pub fn rx(base: usize) -> u8 {
        mmio_read(base + DATA) as u8
    }
    pub fn tx_ready(base: usize) -> bool {
        mmio_read(base + STATE) & 0b01 == 0
    }
    pub fn tx(base: usize, b: u8) {
        mmio_write(base + DATA, b as u32)
    }
    pub fn tx_idle(base: usize) -> bool {
        tx_ready(base)
    }
}

// ARM PL011 as in the Stellaris LM3S6965 (UART0 at 0x4000_C000).
#[cfg(uart_pl011)]
mod hw {
    pub const BASE: usize = 0x4000_C000;
    const DR: usize = 0x000;
    const FR: usize = 0x018; // bit 3 BUSY, bit 4 RXFE, bit 5 TXFF
    const IBRD: usize = 0x024;
    const FBRD: usize = 0x028;
    const LCRH: usize = 0x02C; // 8 bits, FIFOs on
    const CTL: usize = 0x030; // UARTEN | TXE | RXE
    const RCGC1: usize = 0x400F_E104; // system control: UART0 clock gate
    use super::*;

    pub fn init(base: usize) {
        mmio_write(RCGC1, mmio_read(RCGC1) | 1);
        mmio_write(base + CTL, 0);
        // 115200 baud from the 12 MHz reset clock: 6.5104 → 6 + 33/64.
        mmio_write(base + IBRD, 6);
        mmio_write(base + FBRD, 33);
        mmio_write(base + LCRH, 0x60 | 0x10);
        mmio_write(base + CTL, 0x301);
    }
    pub fn rx_ready(base: usize) -> bool {
        mmio_read(base + FR) & (1 << 4) == 0
    }
    pub fn rx(base: usize) -> u8 {
        mmio_read(base + DR) as u8
    }
    pub fn tx_ready(base: usize) -> bool {
        mmio_read(base + FR) & (1 << 5) == 0
    }
    pub fn tx(base: usize, b: u8) {
        mmio_write(base + DR, b as u32)
    }
    pub fn tx_idle(base: usize) -> bool {
        mmio_read(base + FR) & (1 << 3) == 0
    }
}

impl Uart {
    /// Enables UART0 (8N1; the baud rate is irrelevant under QEMU).
    pub fn init() -> Self {
        hw::init(hw::BASE);
        Uart { base: hw::BASE }
    }
}

impl ErrorType for Uart {
    type Error = Infallible;
}

impl Read for Uart {
    /// Blocks for the first byte, then takes what is already received.
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Infallible> {
        if buf.is_empty() {
            return Ok(0);
        }
        while !hw::rx_ready(self.base) {}
        buf[0] = hw::rx(self.base);
        let mut n = 1;
        while n < buf.len() && hw::rx_ready(self.base) {
            buf[n] = hw::rx(self.base);
            n += 1;
        }
        Ok(n)
    }
}

impl Write for Uart {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Infallible> {
        for &b in buf {
            while !hw::tx_ready(self.base) {}
            hw::tx(self.base, b);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> Result<(), Infallible> {
        while !hw::tx_idle(self.base) {}
        Ok(())
    }
}
