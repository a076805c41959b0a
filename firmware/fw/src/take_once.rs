//! [`TakeOnce`]: a `static` whose contents are handed out once, as `&'static mut`.
//!
//! The firmware's buffers are statics (in .bss, so the footprint report counts them and the
//! stack does not hold them), and the request loop needs them mutable for the rest of the
//! program. `static mut` would leave the uniqueness of that reference unchecked; here a flag
//! decides it: the first [`TakeOnce::take`] gets the reference, every later call `None`.
//!
//! Only `core`, no dependency on the rest of the firmware: `scripts/firmware.sh` runs the tests
//! below on the host with `rustc --test`.

use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicBool, Ordering};

/// A value handed out at most once, as a unique `&'static mut` (like `static_cell`'s
/// `ConstStaticCell`). The value is a constant, so a zero-initialised one lives in .bss.
pub struct TakeOnce<T> {
    taken: AtomicBool,
    value: UnsafeCell<T>,
}

// SAFETY: the only access to `value` is the `&mut` that `take` hands out once, to one caller,
// which may be on any thread (hence `T: Send`); no `&T` is ever shared between threads.
unsafe impl<T: Send> Sync for TakeOnce<T> {}

impl<T> TakeOnce<T> {
    /// Holds `value` (for a `static` initialiser).
    pub const fn new(value: T) -> TakeOnce<T> {
        TakeOnce { taken: AtomicBool::new(false), value: UnsafeCell::new(value) }
    }

    /// The value, mutably, on the first call; `None` on every later one.
    pub fn take(&'static self) -> Option<&'static mut T> {
        if self.taken.swap(true, Ordering::AcqRel) {
            return None;
        }
        // SAFETY: the swap above returned `false` for exactly one call (an atomic read-modify-
        // write; every other call sees `true`), so this `&mut` is the only reference to `value`
        // there will ever be, and `self` is `'static`.
        Some(unsafe { &mut *self.value.get() })
    }
}

#[cfg(test)]
mod tests {
    use super::TakeOnce;

    #[test]
    fn hands_out_the_value_once() {
        static CELL: TakeOnce<[u32; 4]> = TakeOnce::new([1, 2, 3, 4]);
        let first = CELL.take().expect("the first take gets the value");
        assert_eq!(*first, [1, 2, 3, 4]);
        first[0] = 7;
        assert!(CELL.take().is_none());
        assert!(CELL.take().is_none());
        assert_eq!(first[0], 7);
    }

    #[test]
    fn racing_threads_get_it_once() {
        static CELL: TakeOnce<u64> = TakeOnce::new(0);
        let winners: usize = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8).map(|_| s.spawn(|| CELL.take().map(|v| *v += 1).is_some())).collect();
            handles.into_iter().map(|h| h.join().unwrap() as usize).sum()
        });
        assert_eq!(winners, 1);
    }
}
