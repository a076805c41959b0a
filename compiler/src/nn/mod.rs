//! The neural-network intermediate representation: a chain of 1-D sequence layers, as imported
//! from Keras, with the float reference executor ([`mod@reference`]), one module per operation
//! ([`ops`]) and the networks' front end ([`build`]).

pub mod build;
pub mod float_net;
pub mod inputs;
pub mod lower;
pub mod ops;
pub mod passes;
pub mod quantize;
pub mod reference;

use mlc_format::manifest::NetInput;
use mlc_format::net::Op as NetOp;

pub use quantize::quantize;

pub use mlc_format::manifest::TextStandardize;
pub use mlc_format::net::Activation;

/// A dense float tensor in row-major order.
#[derive(Debug, Clone, PartialEq)]
pub struct Tensor {
    /// Dimensions.
    pub shape: Vec<usize>,
    /// Values, `shape.iter().product()` of them.
    pub data: Vec<f32>,
}

/// Padding of convolutions and pooling, as Keras defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Padding {
    /// No padding: windows lie inside the input.
    Valid,
    /// Output length `ceil(len / stride)`; padding split as TensorFlow does (extra on the right).
    Same,
    /// Convolutions only: all the padding before the input (`span − 1` positions), so that no
    /// output sees a later position; output length `ceil(len / stride)` (Keras' `"causal"`).
    Causal,
}

impl Padding {
    /// Output length and left padding for a window of `span` (already dilated) and `stride`;
    /// `None` when no window fits (or the arithmetic would overflow).
    pub fn output(self, len: usize, span: usize, stride: usize) -> Option<(usize, usize)> {
        match self {
            Padding::Valid => Some(((len.checked_sub(span)?) / stride + 1, 0)),
            Padding::Same => {
                let out = len.div_ceil(stride);
                let total = (out.checked_sub(1)?.checked_mul(stride)?.checked_add(span)?).saturating_sub(len);
                Some((out, total / 2))
            }
            Padding::Causal => Some((len.checked_sub(1)? / stride + 1, span.checked_sub(1)?)),
        }
    }
}

/// One layer's computation. Sequence tensors are `(length, channels)`, as in Keras.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Token ids → rows of `table` (`vocab × dim`).
    Embedding {
        /// The embedding matrix.
        table: Tensor,
    },
    /// An embedding folded into the convolution after it (see [`passes::fold_embedding`]):
    /// `table` is `(vocab, k, out)`, the embedding row of each token already multiplied by
    /// each kernel tap, so the convolution becomes `k` row additions per output position.
    EmbeddingConv1D {
        /// Per-token, per-tap partial outputs.
        table: Tensor,
        /// Bias per output channel.
        bias: Option<Vec<f32>>,
        /// Stride.
        stride: usize,
        /// Dilation.
        dilation: usize,
        /// Padding.
        padding: Padding,
        /// Activation.
        activation: Activation,
    },
    /// 1-D convolution (cross-correlation), `kernel` is `(k, in, out)` as in Keras.
    Conv1D {
        /// Weights.
        kernel: Tensor,
        /// Bias per output channel.
        bias: Option<Vec<f32>>,
        /// Stride.
        stride: usize,
        /// Dilation.
        dilation: usize,
        /// Padding.
        padding: Padding,
        /// Activation.
        activation: Activation,
    },
    /// Max over windows along the sequence.
    MaxPool1D {
        /// Window.
        pool: usize,
        /// Stride.
        stride: usize,
        /// Padding.
        padding: Padding,
    },
    /// Mean over windows along the sequence (padding excluded from the mean).
    AvgPool1D {
        /// Window.
        pool: usize,
        /// Stride.
        stride: usize,
        /// Padding.
        padding: Padding,
    },
    /// Max over the whole sequence, then `activation` (ReLU moved here by
    /// [`passes::relu_past_max_pool`]; Keras' own layer has none).
    GlobalMaxPool1D {
        /// Activation after the max.
        activation: Activation,
    },
    /// Mean over the whole sequence.
    GlobalAvgPool1D,
    /// `(length, channels)` → `length · channels`, row-major.
    Flatten,
    /// Fully connected, `kernel` is `(in, out)` as in Keras.
    Dense {
        /// Weights.
        kernel: Tensor,
        /// Bias.
        bias: Option<Vec<f32>>,
        /// Activation.
        activation: Activation,
    },
    /// Float → int8 with `scale` (inserted by [`quantize()`] before an int8 layer that follows a
    /// float one): `clamp(round(x / scale), −127, 127)`.
    Quantize {
        /// Value of one step.
        scale: f32,
    },
    /// Int8 → float with `scale` (inserted by [`quantize()`] after a network's last int8 layer).
    Dequantize {
        /// Value of one step.
        scale: f32,
    },
    /// Inference batch normalization as a scale and an offset per channel (the last axis):
    /// `y = x × scale + offset` (format 1.1). Where it follows a convolution or a dense layer
    /// with no activation, or an embedding, [`passes::fold_batch_norm`] folds it into that
    /// layer's weights instead.
    BatchNormalization {
        /// Scale per channel, `(channels)`: `γ / √(σ² + ε)`.
        scale: Tensor,
        /// Offset per channel: `β − μ × scale` (none without centring and mean).
        offset: Option<Vec<f32>>,
        /// Activation after it (Keras' layer has none: linear).
        activation: Activation,
    },
}

/// Where a sliding-window layer's output lies over its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Output length.
    pub out_len: usize,
    /// Padding before the input.
    pub left: usize,
    /// Padding after the input (for executors that pad explicitly).
    pub right: usize,
}

impl Op {
    /// The operation as the artifact names it (`LayerRecord::op`).
    pub fn kind(&self) -> NetOp {
        match self {
            Op::Embedding { .. } => NetOp::Embedding,
            Op::EmbeddingConv1D { .. } => NetOp::EmbeddingConv1D,
            Op::Conv1D { .. } => NetOp::Conv1D,
            Op::MaxPool1D { .. } => NetOp::MaxPool1D,
            Op::AvgPool1D { .. } => NetOp::AvgPool1D,
            Op::GlobalMaxPool1D { .. } => NetOp::GlobalMaxPool1D,
            Op::GlobalAvgPool1D => NetOp::GlobalAvgPool1D,
            Op::Flatten => NetOp::Flatten,
            Op::Dense { .. } => NetOp::Dense,
            Op::Quantize { .. } => NetOp::Quantize,
            Op::Dequantize { .. } => NetOp::Dequantize,
            Op::BatchNormalization { .. } => NetOp::BatchNormalization,
        }
    }

    /// Window span (dilated kernel or pool size), stride and padding of convolutions and
    /// pooling; `None` for other layers.
    pub fn window(&self) -> Option<(usize, usize, Padding)> {
        match self {
            Op::Conv1D { kernel, stride, dilation, padding, .. } => Some(((kernel.shape[0] - 1) * dilation + 1, *stride, *padding)),
            Op::EmbeddingConv1D { table, stride, dilation, padding, .. } => Some(((table.shape[1] - 1) * dilation + 1, *stride, *padding)),
            Op::MaxPool1D { pool, stride, padding } | Op::AvgPool1D { pool, stride, padding } => Some((*pool, *stride, *padding)),
            Op::Embedding { .. }
            | Op::GlobalMaxPool1D { .. }
            | Op::GlobalAvgPool1D
            | Op::Flatten
            | Op::Dense { .. }
            | Op::Quantize { .. }
            | Op::Dequantize { .. }
            | Op::BatchNormalization { .. } => None,
        }
    }

    /// The sequence length of the layer's output on `len` positions (1 for a vector).
    pub fn out_len(&self, len: usize) -> usize {
        match self {
            Op::Embedding { .. } | Op::Quantize { .. } | Op::Dequantize { .. } | Op::BatchNormalization { .. } => len,
            Op::EmbeddingConv1D { .. } | Op::Conv1D { .. } | Op::MaxPool1D { .. } | Op::AvgPool1D { .. } => {
                self.geometry(len).map_or(1, |g| g.out_len)
            }
            Op::GlobalMaxPool1D { .. } | Op::GlobalAvgPool1D | Op::Flatten | Op::Dense { .. } => 1,
        }
    }

    /// The layer's float weights and bias, and the activation after them (layers with
    /// weights; an embedding's table has no bias).
    pub fn weights(&self) -> Option<(&Tensor, Option<&[f32]>, Activation)> {
        match self {
            Op::Embedding { table } => Some((table, None, Activation::Linear)),
            Op::EmbeddingConv1D { table: w, bias, activation, .. }
            | Op::Conv1D { kernel: w, bias, activation, .. }
            | Op::Dense { kernel: w, bias, activation }
            | Op::BatchNormalization { scale: w, offset: bias, activation } => Some((w, bias.as_deref(), *activation)),
            Op::MaxPool1D { .. }
            | Op::AvgPool1D { .. }
            | Op::GlobalMaxPool1D { .. }
            | Op::GlobalAvgPool1D
            | Op::Flatten
            | Op::Quantize { .. }
            | Op::Dequantize { .. } => None,
        }
    }

    /// The output length and padding of a sliding-window layer over `len` positions; `None`
    /// for other layers or when the input is shorter than a valid window.
    pub fn geometry(&self, len: usize) -> Option<Geometry> {
        let (span, stride, padding) = self.window()?;
        let (out_len, left) = padding.output(len, span, stride)?;
        let right = ((out_len - 1) * stride + span).saturating_sub(len + left);
        Some(Geometry { out_len, left, right })
    }
}

/// A named layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// The framework's layer name.
    pub name: String,
    /// What it computes.
    pub op: Op,
    /// Its int8 form, when [`quantize()`] chose one.
    pub int8: Option<Int8>,
}

impl Layer {
    /// A float layer.
    pub fn new(name: impl Into<String>, op: Op) -> Layer {
        Layer { name: name.into(), op, int8: None }
    }
}

/// A layer in int8 (docs/format.md §9.9): int8 weights with a scale per output channel,
/// `i32` bias and accumulators, and fixed-point requantization to the output's scale.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Int8 {
    /// Weights in the float weights' layout (empty for layers without weights).
    pub weights: Vec<i8>,
    /// Bias in accumulator units (empty: none).
    pub bias: Vec<i32>,
    /// Per output channel: (multiplier, shift), the real factor `multiplier × 2^-shift` from
    /// accumulator units to the int8 output's scale, or to float for a float output.
    pub requant: Vec<(i32, u32)>,
    /// The input activations are int8.
    pub input_i8: bool,
    /// The output activations are int8.
    pub output_i8: bool,
}

/// Text → ids, for models that take token ids.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenizerSpec {
    /// Tokens by id (id 0 padding, id 1 OOV).
    pub vocab: Vec<Vec<u8>>,
    /// Standardisation.
    pub standardize: TextStandardize,
}

/// An imported network: `layers` applied in order to `input`.
#[derive(Debug, Clone, PartialEq)]
pub struct NnModel {
    /// Input kind and shape.
    pub input: NetInput,
    /// The layers, dropout removed.
    pub layers: Vec<Layer>,
    /// The tokenizer saved with the model, if any.
    pub tokenizer: Option<TokenizerSpec>,
    /// Framework and version, e.g. `keras 3.15.1`.
    pub framework: String,
}
