//! The network vocabulary: operations, activations and data types, and the layer record that
//! holds them (section kind `net-layers`, docs/format.md §9).
//!
//! These types are the one definition of what a network layer can be. The compiler writes them,
//! the runtime reads them in place — [`LayerRecord`] is a `bytemuck` checked bit pattern, so a
//! section of layers is validated once (every `op`, `activation` and `dtype` a known value) and
//! then read as typed records with no copy and no decoding, and every `match` on an [`Op`] or an
//! [`Activation`] is exhaustive. A new operation is a new [`Op`] variant: the compiler and the
//! runtime then fail to build until each handles it (docs/adding-an-op.md).

use bytemuck::{CheckedBitPattern, NoUninit};

/// What a layer computes (`LayerRecord::op`). The runtime has one module per operation under
/// the same name (`mlc_runtime::net::ops`), and so has the compiler (`mlc_compiler::nn::ops`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, CheckedBitPattern, NoUninit)]
pub enum Op {
    /// Token ids → rows of an embedding table (§9.3).
    Embedding = 1,
    /// 1-D convolution (cross-correlation, Keras' `Conv1D`).
    Conv1D = 2,
    /// Max over windows along the sequence.
    MaxPool1D = 3,
    /// Mean over windows along the sequence (positions inside the input only).
    AvgPool1D = 4,
    /// Max over the whole sequence.
    GlobalMaxPool1D = 5,
    /// Mean over the whole sequence.
    GlobalAvgPool1D = 6,
    /// `(length, channels)` → `(1, length · channels)`, a no-op on the data.
    Flatten = 7,
    /// Fully connected.
    Dense = 8,
    /// Token ids → a convolution over their embeddings, through per-token tables
    /// `(vocab, window, out)` (an embedding folded into the convolution by the compiler).
    EmbeddingConv1D = 9,
    /// Float → int8, `q = clamp(round(x / s), −127, 127)`, the scale `s` in `net-weights`.
    Quantize = 10,
    /// Int8 → float, `x = q × s`.
    Dequantize = 11,
    /// Inference batch normalization, folded to a scale and an offset per channel:
    /// `y[p][c] = x[p][c] × w[c] + b[c]` (format 1.1).
    BatchNormalization = 12,
}

impl Op {
    /// Every operation, in value order.
    pub const ALL: [Op; 12] = [
        Op::Embedding,
        Op::Conv1D,
        Op::MaxPool1D,
        Op::AvgPool1D,
        Op::GlobalMaxPool1D,
        Op::GlobalAvgPool1D,
        Op::Flatten,
        Op::Dense,
        Op::EmbeddingConv1D,
        Op::Quantize,
        Op::Dequantize,
        Op::BatchNormalization,
    ];

    /// The minor version of format 1 that introduced the operation (docs/format.md §11.1): a
    /// writer declares at least this version in an artifact that uses it.
    pub fn since_minor(self) -> u16 {
        match self {
            Op::Embedding
            | Op::Conv1D
            | Op::MaxPool1D
            | Op::AvgPool1D
            | Op::GlobalMaxPool1D
            | Op::GlobalAvgPool1D
            | Op::Flatten
            | Op::Dense
            | Op::EmbeddingConv1D
            | Op::Quantize
            | Op::Dequantize => 0,
            Op::BatchNormalization => 1,
        }
    }

    /// Whether the layer reads token ids (it may only be the first layer of a token-id network).
    pub fn reads_ids(self) -> bool {
        matches!(self, Op::Embedding | Op::EmbeddingConv1D)
    }

    /// Whether the layer computes a row of per-output-channel accumulators (a convolution, a
    /// dense layer, a batch normalization): it may have a bias, and with int8 weights it has
    /// requantization values.
    pub fn accumulates(self) -> bool {
        matches!(self, Op::Conv1D | Op::EmbeddingConv1D | Op::Dense | Op::BatchNormalization)
    }

    /// Whether the layer slides a window along the sequence (`window`, `stride`, `pad_left`).
    pub fn slides(self) -> bool {
        matches!(self, Op::Conv1D | Op::EmbeddingConv1D | Op::MaxPool1D | Op::AvgPool1D)
    }

    /// Whether the layer has weights (an embedding or folded table, a kernel, or a scale).
    pub fn has_weights(self) -> bool {
        !matches!(self, Op::MaxPool1D | Op::AvgPool1D | Op::GlobalMaxPool1D | Op::GlobalAvgPool1D | Op::Flatten)
    }

    /// The data types the operation may have (§9.9).
    pub fn allows(self, dtype: DType) -> bool {
        use DType::*;
        match self {
            Op::Embedding => matches!(dtype, Float | Int8WeightsOut),
            Op::EmbeddingConv1D => matches!(dtype, Float | Int8Weights | Int8WeightsOut),
            Op::Conv1D | Op::Dense | Op::BatchNormalization => matches!(dtype, Float | Int8WeightsIn | Int8),
            Op::MaxPool1D | Op::AvgPool1D | Op::GlobalMaxPool1D | Op::GlobalAvgPool1D | Op::Flatten => matches!(dtype, Float | Int8InOut),
            Op::Quantize => dtype == Int8Out,
            Op::Dequantize => dtype == Int8In,
        }
    }
}

impl TryFrom<u32> for Op {
    type Error = u32;
    /// The operation of value `v`, or `v` back if it is none.
    fn try_from(v: u32) -> Result<Op, u32> {
        Op::ALL.into_iter().find(|&op| op as u32 == v).ok_or(v)
    }
}

/// Element-wise function applied to a layer's output (`LayerRecord::activation`, §9.4).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, CheckedBitPattern, NoUninit)]
pub enum Activation {
    /// Identity.
    #[default]
    Linear = 0,
    /// `max(x, 0)`.
    Relu = 1,
    /// Logistic, `1 / (1 + e^-x)`.
    Sigmoid = 2,
    /// `tanh`.
    Tanh = 3,
    /// Softmax over the channels of each position.
    Softmax = 4,
}

impl Activation {
    /// Every activation, in value order.
    pub const ALL: [Activation; 5] = [Activation::Linear, Activation::Relu, Activation::Sigmoid, Activation::Tanh, Activation::Softmax];

    /// Whether `f(max(a, b)) = max(f(a), f(b))` for the int8 kernels, which take the maximum
    /// before the activation (identity and ReLU: monotone and applied per value).
    pub fn commutes_with_max(self) -> bool {
        matches!(self, Activation::Linear | Activation::Relu)
    }
}

impl TryFrom<u32> for Activation {
    type Error = u32;
    /// The activation of value `v`, or `v` back if it is none.
    fn try_from(v: u32) -> Result<Activation, u32> {
        Activation::ALL.into_iter().find(|&a| a as u32 == v).ok_or(v)
    }
}

/// A layer's data types (`LayerRecord::dtype`, §9.9): three flags or'ed — 1: int8 weights in
/// `net-weights-i8` with `i32` bias and per-channel requantization in `net-quant`; 2: int8 input
/// activations; 4: int8 output activations. Each of the eight values is a variant.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, CheckedBitPattern, NoUninit)]
pub enum DType {
    /// A float layer: float weights, input and output.
    #[default]
    Float = 0,
    /// Int8 weights, float output (a folded embedding-convolution whose output is float).
    Int8Weights = 1,
    /// Int8 input, float output (dequantization).
    Int8In = 2,
    /// Int8 weights and input, float output (the last int8 convolution or dense layer).
    Int8WeightsIn = 3,
    /// Float input, int8 output (quantization).
    Int8Out = 4,
    /// Int8 weights and output (an int8 embedding, or a folded one).
    Int8WeightsOut = 5,
    /// Int8 input and output, no weights (pooling, flatten).
    Int8InOut = 6,
    /// Int8 weights, input and output.
    Int8 = 7,
}

impl DType {
    /// Every data type, in value order.
    pub const ALL: [DType; 8] = [
        DType::Float,
        DType::Int8Weights,
        DType::Int8In,
        DType::Int8WeightsIn,
        DType::Int8Out,
        DType::Int8WeightsOut,
        DType::Int8InOut,
        DType::Int8,
    ];

    /// The data type of the three flags.
    pub const fn from_flags(int8_weights: bool, int8_in: bool, int8_out: bool) -> DType {
        DType::ALL[int8_weights as usize | (int8_in as usize) << 1 | (int8_out as usize) << 2]
    }

    /// Whether the weights are int8 (flag 1).
    pub const fn q_weights(self) -> bool {
        self as u32 & 1 != 0
    }

    /// Whether the input activations are int8 (flag 2).
    pub const fn in_i8(self) -> bool {
        self as u32 & 2 != 0
    }

    /// Whether the output activations are int8 (flag 4).
    pub const fn out_i8(self) -> bool {
        self as u32 & 4 != 0
    }
}

impl TryFrom<u32> for DType {
    type Error = u32;
    /// The data type of value `v`, or `v` back if it has a bit that is no flag.
    fn try_from(v: u32) -> Result<DType, u32> {
        DType::ALL.get(v as usize).copied().ok_or(v)
    }
}

/// One layer of a network (section kind `net-layers`), 64 bytes, read in place. Shapes are
/// `(length, channels)` for sequences and `(1, features)` for vectors; activations are
/// channels-last, row-major.
///
/// The fields a layer's operation does not use are 0 (§9.2).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, CheckedBitPattern, NoUninit)]
pub struct LayerRecord {
    /// The operation.
    pub op: Op,
    /// Activation after the operation.
    pub activation: Activation,
    /// Window: the convolution's kernel size or the pool size (else 0).
    pub window: u32,
    /// Stride (else 0).
    pub stride: u32,
    /// Dilation of a convolution (else 0).
    pub dilation: u32,
    /// Zero (convolution) or ignored (pooling) positions before the input.
    pub pad_left: u32,
    /// Input length.
    pub in_len: u32,
    /// Input channels.
    pub in_ch: u32,
    /// Output length.
    pub out_len: u32,
    /// Output channels.
    pub out_ch: u32,
    /// Offset of the weights in `net-weights` (`net-weights-i8` with int8 weights):
    /// embedding `vocab × dim`, convolution `k × in × out`, folded embedding-convolution
    /// `vocab × k × out`, dense `in × out`; the scale of [`Op::Quantize`]/[`Op::Dequantize`].
    pub weight_offset: u32,
    /// Number of weights.
    pub weight_len: u32,
    /// Offset of the bias in `net-weights` (`net-quant`, as `i32`, with int8 weights).
    pub bias_offset: u32,
    /// Number of bias values (0: no bias).
    pub bias_len: u32,
    /// With int8 weights (convolutions and dense layers): offset in `net-quant` of the
    /// `2 × out_ch` requantization values (multiplier, shift) per output channel; else 0.
    pub quant_offset: u32,
    /// Data types.
    pub dtype: DType,
}

/// Size of a [`LayerRecord`] in bytes.
pub const LAYER_RECORD_LEN: usize = 64;
const _: () = assert!(core::mem::size_of::<LayerRecord>() == LAYER_RECORD_LEN);

impl LayerRecord {
    /// A record of `op` from `(in_len, in_ch)` to `(out_len, out_ch)`, every other field 0.
    pub const fn new(op: Op, input: (u32, u32), output: (u32, u32)) -> LayerRecord {
        LayerRecord {
            op,
            activation: Activation::Linear,
            window: 0,
            stride: 0,
            dilation: 0,
            pad_left: 0,
            in_len: input.0,
            in_ch: input.1,
            out_len: output.0,
            out_ch: output.1,
            weight_offset: 0,
            weight_len: 0,
            bias_offset: 0,
            bias_len: 0,
            quant_offset: 0,
            dtype: DType::Float,
        }
    }

    /// Values of the layer's input, `in_len × in_ch`.
    pub fn in_values(&self) -> usize {
        self.in_len as usize * self.in_ch as usize
    }

    /// Values of the layer's output, `out_len × out_ch`.
    pub fn out_values(&self) -> usize {
        self.out_len as usize * self.out_ch as usize
    }

    /// Reads `bytes` (a `net-layers` section) as layer records in place; on failure, the index
    /// of the first record whose `op`, `activation` or `dtype` is no known value, or `None` if
    /// the bytes are not a whole number of aligned records.
    pub fn cast_slice(bytes: &[u8]) -> Result<&[LayerRecord], Option<usize>> {
        bytemuck::checked::try_cast_slice(bytes).map_err(|_| {
            if !bytes.len().is_multiple_of(LAYER_RECORD_LEN) || bytes.as_ptr().align_offset(4) != 0 {
                return None;
            }
            bytes.chunks_exact(LAYER_RECORD_LEN).position(|r| bytemuck::checked::try_from_bytes::<LayerRecord>(r).is_err())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record_bytes(op: u32, activation: u32, dtype: u32) -> [u32; 16] {
        let mut r = [0u32; 16];
        (r[0], r[1], r[15]) = (op, activation, dtype);
        r
    }

    #[test]
    fn values_round_trip_and_others_are_rejected() {
        for op in Op::ALL {
            assert_eq!(Op::try_from(op as u32), Ok(op));
        }
        for a in Activation::ALL {
            assert_eq!(Activation::try_from(a as u32), Ok(a));
        }
        assert_eq!(Op::try_from(0), Err(0));
        assert_eq!(Op::try_from(13), Err(13));
        assert_eq!(Activation::try_from(5), Err(5));
        assert_eq!(DType::try_from(7), Ok(DType::from_flags(true, true, true)));
        assert_eq!(DType::try_from(8), Err(8));
    }

    #[test]
    fn the_values_are_the_specified_ones() {
        // docs/format.md §9.2 and §9.4: these numbers are the format; they never change.
        let ops = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        assert_eq!(Op::ALL.map(|op| op as u32), ops);
        assert_eq!(Activation::ALL.map(|a| a as u32), [0, 1, 2, 3, 4]);
        for d in DType::ALL {
            assert_eq!(d as u32, d.q_weights() as u32 | (d.in_i8() as u32) << 1 | (d.out_i8() as u32) << 2);
            assert_eq!(DType::from_flags(d.q_weights(), d.in_i8(), d.out_i8()), d);
        }
        assert_eq!((DType::Int8Weights as u32, DType::Int8In as u32, DType::Int8Out as u32), (1, 2, 4));
    }

    #[test]
    fn layer_records_are_checked_in_place() {
        let good = [record_bytes(2, 1, 0), record_bytes(11, 0, 2)];
        let layers = LayerRecord::cast_slice(bytemuck::cast_slice(&good)).unwrap();
        assert_eq!((layers[0].op, layers[0].activation), (Op::Conv1D, Activation::Relu));
        assert_eq!((layers[1].op, layers[1].dtype), (Op::Dequantize, DType::Int8In));
        for (bad, at) in [(record_bytes(13, 0, 0), 1), (record_bytes(2, 5, 0), 1), (record_bytes(2, 0, 8), 1)] {
            let records = [good[0], bad];
            assert_eq!(LayerRecord::cast_slice(bytemuck::cast_slice(&records)).err(), Some(Some(at)));
        }
        let whole: &[u8] = bytemuck::cast_slice(&good);
        assert_eq!(LayerRecord::cast_slice(&whole[..100]).err(), Some(None));
    }

    #[test]
    fn allowed_data_types() {
        assert!(Op::Dense.allows(DType::Int8WeightsIn) && Op::Dense.allows(DType::Float) && !Op::Dense.allows(DType::Int8Weights));
        assert!(Op::Quantize.allows(DType::Int8Out) && !Op::Quantize.allows(DType::Float));
        assert!(Op::Flatten.allows(DType::Int8InOut) && !Op::Flatten.allows(DType::Int8));
    }
}
