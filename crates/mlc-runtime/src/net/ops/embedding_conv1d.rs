//! [`Op::EmbeddingConv1D`](mlc_format::net::Op::EmbeddingConv1D): an embedding folded into the
//! convolution after it by the compiler — per-token tables `vocab × k × out`, so each output
//! position is `k` table-row additions (docs/format.md §9.3); float, or int8 tables.

use mlc_format::net::LayerRecord;

use super::accumulate::{self, check_requant, Rows};
use super::{Io, OpKernels, Params};
use crate::net::simd::{by_channel_blocks, simd_dispatch};
use crate::net::window::{start, tap};

pub(super) const KERNELS: OpKernels = OpKernels { check, check_params: check_requant, run };

/// One id per position; window, stride, dilation at least 1; the tables any whole number of
/// rows of `k × out`.
fn check(l: &LayerRecord) -> Option<u64> {
    let row = l.window as u64 * l.out_ch as u64;
    (l.in_ch == 1 && l.window >= 1 && l.stride >= 1 && l.dilation >= 1).then(|| l.weight_len as u64 / row * row)
}

fn run(l: &LayerRecord, fused: Option<&LayerRecord>, p: &Params<'_>, io: Io<'_>) {
    let ids = io.ids;
    accumulate::run(l, fused, p, io, &Folded { l, p, ids });
}

/// The folded convolution over token ids.
struct Folded<'r> {
    l: &'r LayerRecord,
    p: &'r Params<'r>,
    ids: &'r [u32],
}

impl Rows for Folded<'_> {
    fn row_f32(&self, o: usize, acc: &mut [f32]) {
        let (l, table) = (self.l, self.p.w);
        let (k, cout) = (l.window as usize, l.out_ch as usize);
        start(acc, self.p.bias);
        for j in 0..k {
            let Some(p) = tap(l, o, j) else { continue };
            for (a, &t) in acc.iter_mut().zip(&table[(self.ids[p] as usize * k + j) * cout..][..cout]) {
                *a += t;
            }
        }
    }

    fn row_i32(&self, o: usize, acc: &mut [i32]) {
        let (l, table) = (self.l, self.p.w8);
        let (k, cout) = (l.window as usize, l.out_ch as usize);
        by_channel_blocks!(acc, self.p.bias8, |c0, a| {
            let width = a.len();
            for j in 0..k {
                let Some(p) = tap(l, o, j) else { continue };
                for (a, &t) in a.iter_mut().zip(&table[(self.ids[p] as usize * k + j) * cout + c0..][..width]) {
                    *a = a.wrapping_add(t as i32);
                }
            }
        });
    }

    /// With at most [`MAX_I16_TAPS`] taps, the maximum is taken over `i16` sums (exact), so
    /// that a vector register holds twice as many channels; the bias is added after it
    /// (`max(b + s) = b + max(s)`).
    fn max_i32(&self, max: &mut [i32], spare: &mut [i32]) -> bool {
        if self.l.window > MAX_I16_TAPS {
            return false;
        }
        let cout = self.l.out_ch as usize;
        let m16 = &mut bytemuck::cast_slice_mut::<i32, i16>(spare)[..cout];
        max_i16(self.l, self.ids, self.p.w8, m16);
        for (c, (v, &s)) in max.iter_mut().zip(m16.iter()).enumerate() {
            *v = self.p.bias8.get(c).copied().unwrap_or(0).wrapping_add(s as i32);
        }
        true
    }
}

/// Most taps whose int8 sum fits `i16` (`258 × 127 < 2^15`).
pub(super) const MAX_I16_TAPS: u32 = 258;

simd_dispatch!(
    /// The maximum over all output rows of the accumulators, the bias left out, summed in
    /// `i16` (exact: at most [`MAX_I16_TAPS`] int8 terms). `max` holds `out_ch` values. Same
    /// result as the `i32` rows, maximised.
    fn max_i16(l: &LayerRecord, ids: &[u32], table: &[i8], max: &mut [i16]) => max_i16_impl
);

#[inline(always)]
fn max_i16_impl(l: &LayerRecord, ids: &[u32], table: &[i8], max: &mut [i16]) {
    let cout = l.out_ch as usize;
    let mut c0 = 0;
    while c0 + 64 <= cout {
        max_block::<64>(l, ids, table, max, c0);
        c0 += 64;
    }
    if c0 + 32 <= cout {
        max_block::<32>(l, ids, table, max, c0);
        c0 += 32;
    }
    while c0 + 8 <= cout {
        max_block::<8>(l, ids, table, max, c0);
        c0 += 8;
    }
    while c0 < cout {
        max_block::<1>(l, ids, table, max, c0);
        c0 += 1;
    }
}

/// Channels `c0 .. c0 + N` of [`max_i16`]: per output row, the sum of its taps' table rows,
/// maximised over the rows (sums and maxima in registers).
#[inline(always)]
fn max_block<const N: usize>(l: &LayerRecord, ids: &[u32], table: &[i8], max: &mut [i16], c0: usize) {
    let (k, cout) = (l.window as usize, l.out_ch as usize);
    let mut m = [i16::MIN; N];
    for o in 0..l.out_len as usize {
        let mut acc = [0i16; N];
        for j in 0..k {
            let Some(p) = tap(l, o, j) else { continue };
            let row = &table[(ids[p] as usize * k + j) * cout + c0..][..N];
            for (a, &t) in acc.iter_mut().zip(row) {
                *a += t as i16;
            }
        }
        for (m, &v) in m.iter_mut().zip(&acc) {
            *m = (*m).max(v);
        }
    }
    max[c0..c0 + N].copy_from_slice(&m);
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::{vec, vec::Vec};

    use super::super::testing::{run_float, run_int8};
    use super::*;
    use mlc_format::net::{DType, Op};

    #[test]
    fn table_rows_by_hand() {
        // 2 tokens, k = 2, 1 filter: T[v][j] = 10v + j + 1 → token 0: (1, 2), token 1: (11, 12).
        // Valid padding over ids (1, 0, 1): o=0: T[1][0] + T[0][1] = 11 + 2 = 13;
        // o=1: T[0][0] + T[1][1] = 1 + 12 = 13; bias 0.5 → 13.5 each.
        let l = LayerRecord {
            window: 2,
            stride: 1,
            dilation: 1,
            weight_len: 4,
            bias_len: 1,
            ..LayerRecord::new(Op::EmbeddingConv1D, (3, 1), (2, 1))
        };
        assert_eq!(check(&l), Some(4));
        assert_eq!(run_float(&l, &[1.0, 2.0, 11.0, 12.0], &[0.5], &[1, 0, 1], &[]), [13.5, 13.5]);
        // Int8 tables, float output at scale 1 (multiplier 2^30, shift 30): 13 + bias 1.
        let q = LayerRecord { dtype: DType::Int8Weights, ..l };
        let params = Params { w8: &[1, 2, 11, 12], bias8: &[1], requant: &[1 << 30, 30], ..Params::default() };
        assert_eq!(run_int8(&q, &params, &[1, 0, 1], &[]), [14.0, 14.0]);
    }

    /// The `i16` maximum equals the `i32` rows, maximised, whatever the geometry.
    #[test]
    fn i16_maximum_equals_i32_rows() {
        let mut state = 0x2545_F491u32;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        };
        for case in 0..200 {
            let (k, cout, vocab) = (1 + next() % 5, 1 + next() % 140, 1 + next() % 30); // every block size
            let (stride, dilation, in_len) = (1 + next() % 3, 1 + next() % 3, 1 + next() % 20);
            let pad_left = next() % (k * dilation);
            let out_len = 1 + next() % 12;
            let l = LayerRecord {
                window: k,
                stride,
                dilation,
                pad_left,
                ..LayerRecord::new(Op::EmbeddingConv1D, (in_len, 1), (out_len, cout))
            };
            let table: Vec<i8> = (0..vocab * k * cout).map(|_| (next() % 255) as u8 as i8).map(|v| v.max(-127)).collect();
            let ids: Vec<u32> = (0..in_len).map(|_| next() % vocab).collect();
            let mut max = vec![0i16; cout as usize];
            max_i16(&l, &ids, &table, &mut max);
            let params = Params { w8: &table, ..Params::default() };
            let rows = Folded { l: &l, p: &params, ids: &ids };
            let mut want = vec![i32::MIN; cout as usize];
            let mut acc = vec![0i32; cout as usize];
            for o in 0..out_len as usize {
                rows.row_i32(o, &mut acc);
                want.iter_mut().zip(&acc).for_each(|(w, &a)| *w = (*w).max(a));
            }
            let got: Vec<i32> = max.iter().map(|&v| v as i32).collect();
            assert_eq!(got, want, "case {case}: {l:?}");
        }
    }
}
