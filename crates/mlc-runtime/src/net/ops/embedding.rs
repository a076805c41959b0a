//! [`Op::Embedding`](mlc_format::net::Op::Embedding): token ids → rows of a table `vocab × dim`
//! (a copy per position); float, or int8 table and output.

use mlc_format::net::LayerRecord;

use super::{any_params, int8_mut, Io, OpKernels, Params};
use crate::net::activation;

pub(super) const KERNELS: OpKernels = OpKernels { check, check_params: any_params, run };

/// One id per position, the same length out; the table is any whole number of rows of `dim`.
fn check(l: &LayerRecord) -> Option<u64> {
    (l.in_ch == 1 && l.out_len == l.in_len).then(|| l.weight_len as u64 / l.out_ch as u64 * l.out_ch as u64)
}

fn run(l: &LayerRecord, _: Option<&LayerRecord>, p: &Params<'_>, io: Io<'_>) {
    let dim = l.out_ch as usize;
    if l.dtype.q_weights() {
        gather(io.ids, p.w8, dim, int8_mut(io.y, l.out_values())); // int8 rows, as stored
    } else {
        let y = &mut io.y[..l.out_values()];
        gather(io.ids, p.w, dim, y);
        activation::apply(l.activation, y, dim);
    }
}

/// Row `ids[p]` of `table` (rows of `dim`) into row `p` of `y`. Ids are below the table's rows
/// (checked by `NetModel::predict_ids`).
fn gather<T: Copy>(ids: &[u32], table: &[T], dim: usize, y: &mut [T]) {
    for (row, &id) in y.chunks_exact_mut(dim).zip(ids) {
        row.copy_from_slice(&table[id as usize * dim..][..dim]);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run_float, run_int8};
    use super::*;
    use mlc_format::net::{DType, Op};

    #[test]
    fn rows_of_the_table_by_hand() {
        // Table of 3 tokens × 2: token 0 → (0.5, 1), 1 → (−1, 2), 2 → (3, −4).
        let table = [0.5, 1.0, -1.0, 2.0, 3.0, -4.0];
        let l = LayerRecord { weight_len: 6, ..LayerRecord::new(Op::Embedding, (4, 1), (4, 2)) };
        assert_eq!(check(&l), Some(6));
        assert_eq!(run_float(&l, &table, &[], &[2, 0, 1, 2], &[]), [3.0, -4.0, 0.5, 1.0, -1.0, 2.0, 3.0, -4.0]);
        let q = LayerRecord { dtype: DType::Int8WeightsOut, weight_len: 6, ..LayerRecord::new(Op::Embedding, (2, 1), (2, 2)) };
        let params = Params { w8: &[5, -6, 7, 8, -127, 127], ..Params::default() };
        assert_eq!(run_int8(&q, &params, &[1, 2], &[]), [7.0, 8.0, -127.0, 127.0]);
    }

    #[test]
    fn shape_rules() {
        let l = LayerRecord { weight_len: 7, ..LayerRecord::new(Op::Embedding, (4, 1), (4, 2)) };
        assert_eq!(check(&l), Some(6), "7 weights are not whole rows of 2");
        assert_eq!(check(&LayerRecord::new(Op::Embedding, (4, 2), (4, 2))), None, "ids have one channel");
        assert_eq!(check(&LayerRecord::new(Op::Embedding, (4, 1), (3, 2))), None, "one row per position");
    }
}
