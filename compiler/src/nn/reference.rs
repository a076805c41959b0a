//! The float reference executor, on candle: reproduces Keras' float inference, and is what the
//! compiler checks quantized models against.

use candle_core::{DType, Device, Tensor as CTensor};

use super::{Activation, Input, NnModel, Op, Tensor};

/// A batch of model inputs.
pub enum Batch<'a> {
    /// Token ids, one row of `length` ids per example.
    Ids(&'a [Vec<u32>]),
    /// Float inputs, one row (sequence flattened `(length, channels)`, or vector) per example.
    Floats(&'a [Vec<f32>]),
}

fn tensor(t: &Tensor, dev: &Device) -> candle_core::Result<CTensor> {
    CTensor::from_slice(&t.data, t.shape.as_slice(), dev)
}

fn activate(x: CTensor, a: Activation) -> candle_core::Result<CTensor> {
    match a {
        Activation::Linear => Ok(x),
        Activation::Relu => x.relu(),
        Activation::Sigmoid => (x.neg()?.exp()? + 1.0)?.recip(),
        Activation::Tanh => x.tanh(),
        Activation::Softmax => {
            let max = x.max_keepdim(1)?;
            let e = x.broadcast_sub(&max)?.exp()?;
            e.broadcast_div(&e.sum_keepdim(1)?)
        }
    }
}

/// Pads the sequence axis (2) of `(batch, channels, length)` with `value`.
fn pad(x: &CTensor, left: usize, right: usize, value: f32) -> candle_core::Result<CTensor> {
    if left == 0 && right == 0 {
        return Ok(x.clone());
    }
    let (b, c, _) = x.dims3()?;
    let side = |n: usize| CTensor::full(value, (b, c, n), x.device());
    CTensor::cat(&[&side(left)?, x, &side(right)?], 2)
}

/// The layer's window geometry over the sequence axis of `x` (batch, channels, length).
fn geometry(op: &Op, x: &CTensor) -> candle_core::Result<super::Geometry> {
    let (_, _, len) = x.dims3()?;
    op.geometry(len).ok_or_else(|| candle_core::Error::Msg("input shorter than the window".into()))
}

/// Runs `model` on `batch`: one output vector per example.
pub fn predict(model: &NnModel, batch: Batch<'_>) -> candle_core::Result<Vec<Vec<f32>>> {
    predict_observed(model, batch, &mut |_, _| Ok(()))
}

/// [`predict`], showing `observe` each layer's output (its index, and the batch's outputs:
/// `(batch, channels, length)` for sequences, `(batch, features)` for vectors).
///
/// Runs the float layers of the original and of the model after the graph passes (a folded
/// embedding-convolution included); the int8 forms chosen by quantization are not used.
pub fn predict_observed(
    model: &NnModel,
    batch: Batch<'_>,
    observe: &mut dyn FnMut(usize, &CTensor) -> candle_core::Result<()>,
) -> candle_core::Result<Vec<Vec<f32>>> {
    let dev = Device::Cpu;
    // Sequences are (batch, channels, length) inside; vectors (batch, features).
    let mut x = match (batch, model.input) {
        (Batch::Ids(rows), Input::TokenIds { length }) => {
            let flat: Vec<u32> = rows.iter().flat_map(|r| r.iter().copied()).collect();
            CTensor::from_vec(flat, (rows.len(), length), &dev)?
        }
        (Batch::Floats(rows), Input::Sequence { length, channels }) => {
            let flat: Vec<f32> = rows.iter().flat_map(|r| r.iter().copied()).collect();
            CTensor::from_vec(flat, (rows.len(), length, channels), &dev)?.transpose(1, 2)?.contiguous()?
        }
        (Batch::Floats(rows), Input::Vector { features }) => {
            let flat: Vec<f32> = rows.iter().flat_map(|r| r.iter().copied()).collect();
            CTensor::from_vec(flat, (rows.len(), features), &dev)?
        }
        _ => candle_core::bail!("input kind does not match the model's input"),
    };
    for (i, layer) in model.layers.iter().enumerate() {
        x = match &layer.op {
            Op::Embedding { table } => tensor(table, &dev)?
                .embedding(&x.flatten_all()?)?
                .reshape((x.dim(0)?, x.dim(1)?, table.shape[1]))?
                .transpose(1, 2)?
                .contiguous()?,
            Op::EmbeddingConv1D { table, bias, stride, dilation, activation, .. } => {
                // Row (id, j) of the table is tap j's contribution of token id.
                let (vocab, k, out) = (table.shape[0], table.shape[1], table.shape[2]);
                let (b, len) = x.dims2()?;
                let g = layer.op.geometry(len).ok_or_else(|| candle_core::Error::Msg("input shorter than the window".into()))?;
                let rows = tensor(table, &dev)?.reshape((vocab, k * out))?.embedding(&x.flatten_all()?)?.reshape((b, len, k, out))?;
                let zeros = |n: usize| CTensor::zeros((b, n, k, out), DType::F32, &dev);
                let rows = CTensor::cat(&[&zeros(g.left)?, &rows, &zeros(g.right)?], 1)?;
                let mut y = CTensor::zeros((b, g.out_len, out), DType::F32, &dev)?;
                for j in 0..k {
                    let at: Vec<u32> = (0..g.out_len).map(|o| (o * stride + j * dilation) as u32).collect();
                    let tap = rows.narrow(2, j, 1)?.squeeze(2)?.contiguous()?.index_select(&CTensor::new(at, &dev)?, 1)?;
                    y = (y + tap)?;
                }
                if let Some(bias) = bias {
                    y = y.broadcast_add(&CTensor::from_slice(bias, (1, 1, bias.len()), &dev)?)?;
                }
                activate(y.transpose(1, 2)?.contiguous()?, *activation)?
            }
            Op::Quantize { scale } => ((x / *scale as f64)?.round()?.clamp(-127f32, 127f32)? * *scale as f64)?,
            Op::Dequantize { .. } => x,
            Op::Conv1D { kernel, bias, stride, dilation, activation, .. } => {
                let w = tensor(kernel, &dev)?.permute((2, 1, 0))?.contiguous()?; // (out, in, k)
                let g = geometry(&layer.op, &x)?;
                let xp = pad(&x, g.left, g.right, 0.0)?;
                let mut y = xp.conv1d(&w, 0, *stride, *dilation, 1)?;
                if let Some(b) = bias {
                    y = y.broadcast_add(&CTensor::from_slice(b, (1, b.len(), 1), &dev)?)?;
                }
                activate(y, *activation)?
            }
            Op::MaxPool1D { pool, stride, .. } | Op::AvgPool1D { pool, stride, .. } => {
                let g = geometry(&layer.op, &x)?;
                let (left, right) = (g.left, g.right);
                let window = |t: &CTensor, max: bool| -> candle_core::Result<CTensor> {
                    let t = t.unsqueeze(2)?;
                    let y = if max {
                        t.max_pool2d_with_stride((1, *pool), (1, *stride))?
                    } else {
                        t.avg_pool2d_with_stride((1, *pool), (1, *stride))?
                    };
                    y.squeeze(2)
                };
                if matches!(layer.op, Op::MaxPool1D { .. }) {
                    window(&pad(&x, left, right, f32::NEG_INFINITY)?, true)?
                } else {
                    // TensorFlow averages over the values inside the input only.
                    let sum = window(&pad(&x, left, right, 0.0)?, false)?;
                    let count = window(&pad(&x.ones_like()?, left, right, 0.0)?, false)?;
                    (sum / count)?
                }
            }
            Op::GlobalMaxPool1D { activation } => activate(x.max(2)?, *activation)?,
            Op::GlobalAvgPool1D => x.mean(2)?,
            Op::Flatten => {
                if x.rank() == 3 {
                    x.transpose(1, 2)?.contiguous()?.flatten_from(1)?
                } else {
                    x
                }
            }
            Op::Dense { kernel, bias, activation } => {
                let mut y = x.matmul(&tensor(kernel, &dev)?)?;
                if let Some(b) = bias {
                    y = y.broadcast_add(&CTensor::from_slice(b, (1, b.len()), &dev)?)?;
                }
                activate(y, *activation)?
            }
        };
        observe(i, &x)?;
    }
    x.to_dtype(DType::F32)?.to_vec2()
}
