//! The batch kernels' feature columns: for each block of rows, each feature's values as one
//! vector (16 rows of `f32` on AVX-512, 8 on AVX2, 4 on NEON), written by a transpose or a
//! gather, then read by every split.

use core::mem::MaybeUninit;
use core::ops::Range;

/// Most features a batch kernel handles (its columns live on the stack).
pub(crate) const MAX_FEATURES: usize = 64;

/// Feature columns of `B` blocks of rows, not zeroed: `B` × 64 vectors (up to 16 KiB) cost a
/// small batch more to zero than to evaluate (the churn bundle's batches per state, ~33 rows
/// each: 23.1 → 21.7 ns a row without the zeroing). A column is readable once it is set, in
/// every block at once; reading one that never was panics.
pub(crate) struct Columns<V, const B: usize> {
    x: [[MaybeUninit<V>; MAX_FEATURES]; B],
    /// Bit `f`: feature `f` is set in every block.
    set: u64,
}

impl<V: Copy, const B: usize> Columns<V, B> {
    /// No column set yet.
    #[inline(always)]
    pub(crate) fn new() -> Self {
        Columns { x: [[const { MaybeUninit::uninit() }; MAX_FEATURES]; B], set: 0 }
    }

    /// Sets the columns of `features` (at most [`MAX_FEATURES`]): feature `f`'s of block `b` to
    /// `value(b, f)`.
    #[inline(always)]
    pub(crate) fn set(&mut self, features: Range<usize>, mut value: impl FnMut(usize, usize) -> V) {
        assert!(features.end <= MAX_FEATURES);
        for (b, xb) in self.x.iter_mut().enumerate() {
            for f in features.clone() {
                xb[f].write(value(b, f));
            }
        }
        // Bits `start..end` (none for an empty range).
        self.set |= ((1u128 << features.end) - (1u128 << features.start.min(features.end))) as u64;
    }

    /// Feature `f`'s column of every block.
    #[inline(always)]
    pub(crate) fn get(&self, f: usize) -> [V; B] {
        assert!(f < MAX_FEATURES && self.set >> f & 1 != 0, "feature {f}'s column is read before it is set");
        // SAFETY: bit `f` of `set` is only set after `set` wrote feature `f` of every block.
        core::array::from_fn(|b| unsafe { self.x[b][f].assume_init() })
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    #[test]
    fn a_set_column_reads_back_in_every_block() {
        let mut c = Columns::<[u32; 2], 3>::new();
        c.set(5..6, |b, _| [b as u32, 7]);
        c.set(62..64, |b, f| [10 + b as u32, f as u32]);
        assert_eq!(c.get(5), [[0, 7], [1, 7], [2, 7]]);
        assert_eq!(c.get(63), [[10, 63], [11, 63], [12, 63]]);
        assert_eq!(c.get(62), [[10, 62], [11, 62], [12, 62]]);
        c.set(5..6, |_, _| [1, 1]);
        assert_eq!(c.get(5), [[1, 1]; 3]);
    }

    #[test]
    #[should_panic(expected = "read before it is set")]
    fn a_column_never_set_is_not_read() {
        let mut c = Columns::<u32, 2>::new();
        c.set(0..1, |_, _| 1);
        c.set(2..2, |_, _| 1);
        c.get(1);
    }

    #[test]
    #[should_panic]
    fn feature_64_is_out_of_range() {
        Columns::<u32, 1>::new().set(MAX_FEATURES..MAX_FEATURES + 1, |_, _| 0);
    }
}
