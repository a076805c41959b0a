//! `EmbeddingConv1D`: an embedding folded into the convolution after it
//! ([`passes::fold_embedding`](crate::nn::passes::fold_embedding)). Its table `(vocab, k, out)`
//! holds each token's contribution to each tap, so an output position is the sum of `k` table
//! rows.

use candle_core::{DType, Device, Tensor as CTensor};
use mlc_format::net::{LayerRecord, Op};

use super::conv1d::Conv;
use super::{activate, tensor, Weights};
use crate::nn::{Int8, Tensor};

/// The record of the folded convolution of `table` `(vocab, k, out)` on `(length, 1)` token
/// ids; int8 (`q`): per-channel int8 table, `i32` bias and requantization.
pub fn lower(table: &Tensor, bias: Option<&[f32]>, conv: &Conv, input: (u32, u32), q: Option<&Int8>, weights: &mut Weights) -> LayerRecord {
    let mut r = conv.record(Op::EmbeddingConv1D, table.shape[1], table.shape[2], input);
    weights.weighted(&mut r, &table.data, bias, q);
    r
}

/// The convolution over the ids `(batch, length)`: `(batch, out, out_len)`; padding positions
/// contribute nothing.
pub fn reference(ids: &CTensor, table: &Tensor, bias: Option<&[f32]>, conv: &Conv) -> candle_core::Result<CTensor> {
    let dev = Device::Cpu;
    // Row (id, j) of the table is tap j's contribution of token id.
    let (vocab, k, out) = (table.shape[0], table.shape[1], table.shape[2]);
    let (b, len) = ids.dims2()?;
    let g = conv.geometry;
    let rows = tensor(table, &dev)?.reshape((vocab, k * out))?.embedding(&ids.flatten_all()?)?.reshape((b, len, k, out))?;
    let zeros = |n: usize| CTensor::zeros((b, n, k, out), DType::F32, &dev);
    let rows = CTensor::cat(&[&zeros(g.left)?, &rows, &zeros(g.right)?], 1)?;
    let mut y = CTensor::zeros((b, g.out_len, out), DType::F32, &dev)?;
    for j in 0..k {
        let at: Vec<u32> = (0..g.out_len).map(|o| (o * conv.stride + j * conv.dilation) as u32).collect();
        let tap = rows.narrow(2, j, 1)?.squeeze(2)?.contiguous()?.index_select(&CTensor::new(at, &dev)?, 1)?;
        y = (y + tap)?;
    }
    if let Some(bias) = bias {
        y = y.broadcast_add(&CTensor::from_slice(bias, (1, 1, bias.len()), &dev)?)?;
    }
    activate(y.transpose(1, 2)?.contiguous()?, conv.activation)
}

#[cfg(test)]
mod tests {
    use mlc_format::net::{Activation, DType as NetDType};

    use super::*;
    use crate::nn::ops::test_util::{ids, int8, t, values};
    use crate::nn::{Op as IrOp, Padding};

    /// Table (vocab 2, k 2, out 1): token 0 taps [1, 10], token 1 taps [100, 1000].
    fn table() -> Tensor {
        t(&[2, 2, 1], &[1.0, 10.0, 100.0, 1000.0])
    }

    fn conv(padding: Padding, len: usize) -> Conv {
        let op = IrOp::EmbeddingConv1D { table: table(), bias: None, stride: 1, dilation: 1, padding, activation: Activation::Linear };
        Conv { stride: 1, dilation: 1, activation: Activation::Linear, geometry: op.geometry(len).unwrap() }
    }

    /// Ids [0, 1, 1], valid: y[o] = T[id[o]][0] + T[id[o + 1]][1] = [1 + 1000, 100 + 1000],
    /// plus the bias 0.5. Same padding adds a position whose second tap reads padding:
    /// [1001, 1100, 100 + 0].
    #[test]
    fn reference_adds_table_rows() {
        let y = reference(&ids(&[0, 1, 1]), &table(), Some(&[0.5]), &conv(Padding::Valid, 3)).unwrap();
        assert_eq!(y.dims(), &[1, 1, 2]);
        assert_eq!(values(&y), [1001.5, 1100.5]);
        let y = reference(&ids(&[0, 1, 1]), &table(), None, &conv(Padding::Same, 3)).unwrap();
        assert_eq!(values(&y), [1001.0, 1100.0, 100.0]);
    }

    #[test]
    fn lowering_writes_the_table_as_weights() {
        let mut w = Weights::default();
        let r = lower(&table(), Some(&[0.5]), &conv(Padding::Same, 3), (3, 1), None, &mut w);
        assert_eq!((r.op, r.in_len, r.in_ch, r.out_len, r.out_ch), (Op::EmbeddingConv1D, 3, 1, 3, 1));
        assert_eq!((r.window, r.stride, r.dilation, r.pad_left), (2, 1, 1, 0));
        assert_eq!((r.weight_offset, r.weight_len, r.bias_offset, r.bias_len, r.dtype), (0, 4, 4, 1, NetDType::Float));
        assert_eq!(w.floats, [1.0, 10.0, 100.0, 1000.0, 0.5]);

        // Int8 weights, token ids in (not int8 activations), float out.
        let q = int8(&[0, 1, 13, 127], &[64], &[(1 << 30, 40)], false, false);
        let mut w = Weights::default();
        let r = lower(&table(), Some(&[0.5]), &conv(Padding::Same, 3), (3, 1), Some(&q), &mut w);
        assert_eq!((r.weight_len, r.bias_offset, r.bias_len, r.quant_offset, r.dtype), (4, 0, 1, 1, NetDType::Int8Weights));
        assert_eq!((w.int8, w.quant), (vec![0, 1, 13, 127], vec![64, 1 << 30, 40]));
    }
}
