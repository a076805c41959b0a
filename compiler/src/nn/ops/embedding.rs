//! `Embedding`: token ids → rows of a `vocab × dim` table.

use candle_core::{Device, Tensor as CTensor};
use mlc_format::net::{LayerRecord, Op};

use super::{tensor, Weights};
use crate::nn::{Int8, Tensor};

/// The record of an embedding of `table` on `(length, 1)` token ids; int8 (`q`): the table's
/// int8 values, one scale for the whole table (docs/format.md §9.9).
pub fn lower(table: &Tensor, input: (u32, u32), q: Option<&Int8>, weights: &mut Weights) -> LayerRecord {
    let mut r = LayerRecord::new(Op::Embedding, input, (input.0, table.shape[1] as u32));
    weights.weighted(&mut r, &table.data, None, q);
    r
}

/// Rows of `table` for the ids `(batch, length)`, as `(batch, dim, length)`.
pub fn reference(ids: &CTensor, table: &Tensor) -> candle_core::Result<CTensor> {
    let (b, len) = ids.dims2()?;
    tensor(table, &Device::Cpu)?.embedding(&ids.flatten_all()?)?.reshape((b, len, table.shape[1]))?.transpose(1, 2)?.contiguous()
}

#[cfg(test)]
mod tests {
    use mlc_format::net::DType;

    use super::*;
    use crate::nn::ops::test_util::{ids, int8, t, values};

    /// Table rows 0: [0, 1], 1: [2, 3], 2: [4, 5]; ids [2, 0] pick [4, 5] then [0, 1]:
    /// channel 0 along the sequence is [4, 0], channel 1 is [5, 1].
    #[test]
    fn reference_picks_rows() {
        let table = t(&[3, 2], &[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        let y = reference(&ids(&[2, 0]), &table).unwrap();
        assert_eq!(y.dims(), &[1, 2, 2]);
        assert_eq!(values(&y), [4.0, 0.0, 5.0, 1.0]);
    }

    #[test]
    fn lowering_writes_the_table() {
        let table = t(&[3, 2], &[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        let mut w = Weights { floats: vec![9.0], ..Weights::default() };
        let r = lower(&table, (7, 1), None, &mut w);
        assert_eq!((r.op, r.in_len, r.in_ch, r.out_len, r.out_ch), (Op::Embedding, 7, 1, 7, 2));
        assert_eq!((r.weight_offset, r.weight_len, r.bias_len, r.dtype), (1, 6, 0, DType::Float));
        assert_eq!(w.floats[1..], table.data);

        // Int8: the table's int8 values, an int8 output, nothing in net-weights.
        let q = int8(&[0, 25, 51, 76, 102, 127], &[], &[], false, true);
        let mut w = Weights { int8: vec![1, 2], ..Weights::default() };
        let r = lower(&table, (7, 1), Some(&q), &mut w);
        assert_eq!((r.weight_offset, r.weight_len, r.bias_len, r.quant_offset, r.dtype), (2, 6, 0, 0, DType::Int8WeightsOut));
        assert_eq!(w.int8, [1, 2, 0, 25, 51, 76, 102, 127]);
        assert!(w.floats.is_empty() && w.quant.is_empty());
    }
}
