//! Networks: a chain of 1-D sequence layers executed in place, with caller-provided scratch.
//!
//! Activations are `(length, channels)`, channels last, row-major — Keras' layout, so Flatten
//! is free. Two scratch buffers of the largest activation alternate between layers, and a
//! small third one holds rows of accumulators; the loader checks every layer's shapes, data
//! types and weight ranges, so the kernels index safely. Each operation lives in its own
//! module under [`ops`] (what its record must satisfy, its float and int8 kernels); layers are
//! float or int8 (int8 weights and activations, `i32` accumulators, fixed-point
//! requantization: [`quant`]), as the compiler chose per layer.

mod activation;
mod ops;
mod quant;
mod simd;
mod window;

use mlc_format::manifest::{ModelManifest, NetInput, Network};
use mlc_format::net::{LayerRecord, Op};
use mlc_format::vocab::VocabView;
use mlc_format::{ModelEntry, SectionKind};

use crate::error::{LoadError, PredictError};
use crate::text::tokenize;
use ops::{Io, Params};

/// What [`NetModel::predict_observed`] shows each layer's output to: the layer's index, and its
/// values if they are floats.
pub type Observer<'o> = &'o mut dyn FnMut(usize, Option<&[f32]>);

/// A validated network, executing in place from artifact bytes.
#[derive(Debug, Clone, Copy)]
pub struct NetModel<'a> {
    info: Network,
    layers: &'a [LayerRecord],
    weights: &'a [f32],
    weights_i8: &'a [i8],
    quant: &'a [i32],
    vocab: Option<VocabView<'a>>,
    largest: usize,
    scratch: usize,
    /// Values of one activation buffer when no layers are fused (an observed run).
    largest_unfused: usize,
    outputs: usize,
}

/// Most scratch values a network may ask for (1 GiB of `f32`): a crafted artifact cannot make
/// a host allocate without bound, and every activation size fits `usize` on 32-bit targets.
pub const MAX_SCRATCH: u64 = 1 << 28;

fn invalid(model: u32, layer: Option<u32>, what: &'static str) -> LoadError {
    LoadError::Invalid { model, part: layer.map(|l| ("layer", l)), what }
}

/// Rows of the token table of a first layer that reads ids.
fn table_rows(l: &LayerRecord) -> u32 {
    let row = if l.op == Op::EmbeddingConv1D { l.window * l.out_ch } else { l.out_ch };
    l.weight_len / row
}

/// Whether layer `l` runs fused with the `next` one (a convolution and the global max after
/// it: the convolution's rows are never stored). Int8 convolutions maximise accumulators,
/// which needs a monotone activation: not with sigmoid, tanh or softmax.
fn fused(l: &LayerRecord, next: Option<&LayerRecord>) -> bool {
    let max_first_ok = !l.dtype.q_weights() || l.activation.commutes_with_max();
    matches!(l.op, Op::Conv1D | Op::EmbeddingConv1D) && next.is_some_and(|n| n.op == Op::GlobalMaxPool1D) && max_first_ok
}

/// `f32` values of one activation buffer and of the whole scratch (docs/format.md §9.5) of
/// valid `layers`: two buffers holding the largest stored activation (int8 values take a
/// byte, floats four; a fused convolution's output is not stored; token ids are not stored),
/// then two rows of accumulators of the widest layer that has them.
pub fn scratch_values(layers: &[LayerRecord], input: NetInput) -> (usize, u64) {
    scratch_of(layers, input, true)
}

/// [`scratch_values`], with or without the fusion of convolutions and global max pooling.
fn scratch_of(layers: &[LayerRecord], input: NetInput, fusion: bool) -> (usize, u64) {
    let mut bytes = if input.is_token_ids() { 0 } else { 4 * input.values() };
    let mut widest = 0u64;
    for (i, l) in layers.iter().enumerate() {
        if !(fusion && fused(l, layers.get(i + 1))) {
            let size = if l.dtype.out_i8() { 1 } else { 4 };
            bytes = bytes.max(size * l.out_len as u64 * l.out_ch as u64);
        }
        if l.op.accumulates() {
            widest = widest.max(l.out_ch as u64);
        }
    }
    let largest = bytes.div_ceil(4).max(1);
    (largest as usize, 2 * largest + 2 * widest)
}

impl<'a> NetModel<'a> {
    /// Loads model `entry` (a network) and checks every layer's shapes, data types and weight
    /// ranges (docs/format.md §10.4).
    pub fn load(entry: &ModelEntry<'a>, manifest: &ModelManifest<'_>, info: Network) -> Result<Self, LoadError> {
        let m = entry.index;
        let (section, bytes) = entry
            .section(SectionKind::NetLayers)?
            .ok_or(mlc_format::FormatError::MissingSection { model: m, kind: SectionKind::NetLayers })?;
        let layers = LayerRecord::cast_slice(bytes).map_err(|bad| match bad {
            Some(i) => invalid(m, Some(i as u32), "unknown operation, activation or data type"),
            None => LoadError::Format(mlc_format::FormatError::BadSection {
                section,
                what: "section size is not a multiple of its record size",
            }),
        })?;
        let weights: &[f32] = entry.records(SectionKind::NetWeights)?;
        let weights_i8: &[i8] = entry.optional_records(SectionKind::NetWeightsI8)?.unwrap_or(&[]);
        let quant: &[i32] = entry.optional_records(SectionKind::NetQuant)?.unwrap_or(&[]);
        if layers.is_empty() || layers.len() != info.num_layers as usize {
            return Err(invalid(m, None, "layer count differs from the manifest's"));
        }
        let (mut len, mut ch) = info.input.shape();
        let mut bound = len as u64 * ch as u64; // of any size computed below, for the limit
        let mut int8_in = false; // whether the previous layer's output is int8
        for (i, l) in layers.iter().enumerate() {
            let bad = |what| Err(invalid(m, Some(i as u32), what));
            if (l.in_len, l.in_ch) != (len, ch) {
                return bad("input shape differs from the previous layer's output");
            }
            let ids_in = i == 0 && info.input.is_token_ids();
            let in_ok = l.in_len >= 1 && l.in_ch >= 1 && l.out_len >= 1 && l.out_ch >= 1;
            let kernels = ops::kernels(l.op);
            let Some(weight_len) = in_ok.then(|| (kernels.check)(l)).flatten() else {
                return bad("inconsistent shape");
            };
            if l.op.reads_ids() != ids_in {
                return bad("a layer that reads token ids must be the first of a token-id network");
            }
            let (q, in8, out8) = (l.dtype.q_weights(), l.dtype.in_i8(), l.dtype.out_i8());
            if !l.op.allows(l.dtype) || (!ids_in && in8 != int8_in) || (out8 && !l.activation.commutes_with_max()) {
                return bad("data types differ from the previous layer's output or the operation's");
            }
            let has_bias = l.op.accumulates();
            let bias_ok = l.bias_len == 0 || (has_bias && l.bias_len == l.out_ch);
            let fits = |off: u32, n: u64, len: usize| (off as u64 + n) <= len as u64;
            let (w_len, b_len) = if q { (weights_i8.len(), quant.len()) } else { (weights.len(), weights.len()) };
            if weight_len != l.weight_len as u64
                || (l.op.reads_ids() && l.weight_len == 0)
                || !bias_ok
                || !fits(l.weight_offset, l.weight_len as u64, w_len)
                || !fits(l.bias_offset, l.bias_len as u64, b_len)
            {
                return bad("weights or bias out of range or of the wrong size");
            }
            if q && l.op.accumulates() {
                if !fits(l.quant_offset, 2 * l.out_ch as u64, quant.len()) {
                    return bad("requantization values out of range");
                }
            } else if l.quant_offset != 0 {
                return bad("requantization offset on a layer without int8 weights");
            }
            let params = layer_params(l, weights, weights_i8, quant);
            if let Err(what) = (kernels.check_params)(l, &params) {
                return bad(what);
            }
            int8_in = out8;
            (len, ch) = (l.out_len, l.out_ch);
            bound = bound.max(len as u64 * ch as u64);
            if 4 * bound > MAX_SCRATCH {
                return bad("activations larger than the runtime's 1 GiB scratch limit");
            }
        }
        if len != 1 || ch != manifest.num_outputs || int8_in {
            return Err(invalid(m, None, "the last layer's output is not the manifest's float output vector"));
        }
        let (largest, scratch) = scratch_values(layers, info.input);
        if info.scratch as u64 != scratch {
            return Err(invalid(m, None, "scratch size differs from the layers' largest activation and widest layer"));
        }
        let vocab = match (
            entry.optional_records::<u32>(SectionKind::VocabSlots)?,
            entry.optional_records::<u32>(SectionKind::VocabOffsets)?,
            entry.section(SectionKind::VocabBytes)?,
        ) {
            (None, None, None) => None,
            (Some(slots), Some(offsets), Some((_, bytes))) => {
                Some(VocabView::new(slots, offsets, bytes).map_err(|_| invalid(m, None, "vocabulary tables are inconsistent"))?)
            }
            _ => return Err(invalid(m, None, "vocabulary sections come together")),
        };
        if vocab.is_some() != info.text.is_some() || (vocab.is_some() && !info.input.is_token_ids()) {
            return Err(invalid(m, None, "a text model needs token-id input, a vocabulary and a standardisation"));
        }
        if vocab.is_some_and(|v| v.len() > table_rows(&layers[0]) as usize) {
            return Err(invalid(m, None, "the vocabulary has more tokens than the embedding has rows"));
        }
        if manifest.num_features as u64 != info.input.values() {
            return Err(invalid(m, None, "num_features differs from the input size"));
        }
        // Within the limit: every activation was checked against it above.
        let (largest_unfused, _) = scratch_of(layers, info.input, false);
        Ok(NetModel {
            info,
            layers,
            weights,
            weights_i8,
            quant,
            vocab,
            largest,
            scratch: scratch as usize,
            largest_unfused,
            outputs: ch as usize,
        })
    }

    /// `f32` scratch values a prediction needs.
    pub fn scratch_len(&self) -> usize {
        self.scratch
    }

    /// Values per prediction.
    pub fn num_outputs(&self) -> usize {
        self.outputs
    }

    /// The network's input.
    pub fn input(&self) -> NetInput {
        self.info.input
    }

    /// Rows of the first layer's table for a token-id network (ids must be below it); 0 for a
    /// network that reads floats.
    pub fn vocab_size(&self) -> usize {
        if self.info.input.is_token_ids() {
            table_rows(&self.layers[0]) as usize // a valid network has a first layer
        } else {
            0
        }
    }

    /// The tokenizer's vocabulary, for text models.
    pub fn vocab(&self) -> Option<VocabView<'a>> {
        self.vocab
    }

    /// Predicts from token ids (`length` of them). No heap: `scratch` holds
    /// [`NetModel::scratch_len`] values.
    pub fn predict_ids(&self, ids: &[u32], scratch: &mut [f32], out: &mut [f32]) -> Result<(), PredictError> {
        self.run(self.checked_ids(ids)?, scratch, out, None)
    }

    /// `ids` as an input: the model takes token ids, `length` of them, each in the vocabulary.
    fn checked_ids<'x>(&self, ids: &'x [u32]) -> Result<Input<'x>, PredictError> {
        let NetInput::TokenIds { length } = self.info.input else {
            return Err(PredictError::InputKind);
        };
        if ids.len() != length as usize {
            return Err(PredictError::FeatureCount { expected: length as usize, got: ids.len() });
        }
        let vocab = table_rows(&self.layers[0]) as usize; // checked non-zero at load
        if let Some((position, &id)) = ids.iter().enumerate().find(|(_, &id)| id as usize >= vocab) {
            return Err(PredictError::TokenId { position, id, vocab });
        }
        Ok(Input::Ids(ids))
    }

    /// `x` as an input: the model takes floats, `length × channels` (or `features`) of them.
    fn checked_floats<'x>(&self, x: &'x [f32]) -> Result<Input<'x>, PredictError> {
        if self.info.input.is_token_ids() {
            return Err(PredictError::InputKind);
        }
        let n = self.info.input.values() as usize; // ≤ MAX_SCRATCH, checked at load
        if x.len() != n {
            return Err(PredictError::FeatureCount { expected: n, got: x.len() });
        }
        Ok(Input::Floats(x))
    }

    /// `f32` scratch values of [`NetModel::predict_observed`] (no layer's output is skipped).
    pub fn observed_scratch_len(&self) -> usize {
        self.scratch - 2 * self.largest + 2 * self.largest_unfused
    }

    /// Predicts one input (token ids, or floats as [`crate::Input::Rows`]) layer by layer,
    /// without fusing any layers, and shows `observe` each layer's output as it is stored:
    /// `(layer, Some(values))` for a float output, `(layer, None)` for an int8 one. The
    /// prediction is the same as [`NetModel::predict_ids`]' or [`NetModel::predict_floats`]'.
    /// For the compiler, which calibrates int8 activations on the float network's outputs with
    /// these kernels (specified bit for bit, so calibration is the same on every machine).
    /// `scratch` holds [`NetModel::observed_scratch_len`] values.
    pub fn predict_observed(
        &self,
        input: crate::Input<'_>,
        scratch: &mut [f32],
        out: &mut [f32],
        observe: Observer<'_>,
    ) -> Result<(), PredictError> {
        let input = match input {
            crate::Input::Ids(ids) => self.checked_ids(ids)?,
            crate::Input::Rows(x) => self.checked_floats(x)?,
            crate::Input::Text(_) => return Err(PredictError::InputKind),
        };
        self.run(input, scratch, out, Some(observe))
    }

    /// Predicts `n` inputs of token ids given back to back (`ids.len() = n × length`) into
    /// `out` (`n × num_outputs` values), reusing one scratch buffer. Each input runs the same
    /// operations as [`NetModel::predict_ids`], so the results are identical; hosts spread
    /// batches over threads (`mlc transform`). The first bad input stops the batch (its
    /// index is `position / length`).
    pub fn predict_ids_batch(&self, ids: &[u32], scratch: &mut [f32], out: &mut [f32]) -> Result<(), PredictError> {
        let NetInput::TokenIds { length } = self.info.input else {
            return Err(PredictError::InputKind);
        };
        let (length, n) = (length as usize, out.len() / self.outputs);
        if !out.len().is_multiple_of(self.outputs) || ids.len() != n * length {
            return Err(PredictError::FeatureCount { expected: n * length, got: ids.len() });
        }
        for (i, (row, y)) in ids.chunks_exact(length).zip(out.chunks_exact_mut(self.outputs)).enumerate() {
            self.predict_ids(row, scratch, y).map_err(|e| match e {
                PredictError::TokenId { position, id, vocab } => PredictError::TokenId { position: i * length + position, id, vocab },
                e => e,
            })?;
        }
        Ok(())
    }

    /// Predicts from float input (`length × channels` or `features` values).
    pub fn predict_floats(&self, x: &[f32], scratch: &mut [f32], out: &mut [f32]) -> Result<(), PredictError> {
        self.run(self.checked_floats(x)?, scratch, out, None)
    }

    /// Tokenizes raw text (text models) into `ids` (the input length: ids, then padding) with
    /// `token_scratch` (at least the vocabulary's longest token); returns the tokens written.
    /// [`NetModel::predict_text`] is this, then [`NetModel::predict_ids`].
    pub fn tokenize(&self, text: &[u8], token_scratch: &mut [u8], ids: &mut [u32]) -> Result<usize, PredictError> {
        let (Some(vocab), Some(std)) = (self.vocab, self.info.text) else {
            return Err(PredictError::InputKind);
        };
        Ok(tokenize(&vocab, std, text, token_scratch, ids))
    }

    /// Predicts from raw text (text models): [`NetModel::tokenize`] into `ids`, then
    /// [`NetModel::predict_ids`].
    pub fn predict_text(
        &self,
        text: &[u8],
        token_scratch: &mut [u8],
        ids: &mut [u32],
        scratch: &mut [f32],
        out: &mut [f32],
    ) -> Result<(), PredictError> {
        self.tokenize(text, token_scratch, ids)?;
        self.predict_ids(ids, scratch, out)
    }

    /// Runs the layers on a checked input; with `observe`, layer by layer (no fusion), showing
    /// each output.
    fn run(&self, input: Input<'_>, scratch: &mut [f32], out: &mut [f32], mut observe: Option<Observer<'_>>) -> Result<(), PredictError> {
        let (largest, needed) = match observe {
            Some(_) => (self.largest_unfused, self.observed_scratch_len()),
            None => (self.largest, self.scratch),
        };
        if scratch.len() < needed {
            return Err(PredictError::ScratchLen { expected: needed, got: scratch.len() });
        }
        if out.len() != self.outputs {
            return Err(PredictError::OutputLen { expected: self.outputs, got: out.len() });
        }
        let ids = match input {
            Input::Ids(ids) => ids,
            Input::Floats(_) => &[],
        };
        let (halves, acc) = scratch[..needed].split_at_mut(2 * largest);
        let (mut a, mut b) = halves.split_at_mut(largest);
        if let Input::Floats(x) = input {
            a[..x.len()].copy_from_slice(x);
        }
        let mut i = 0;
        while i < self.layers.len() {
            let l = &self.layers[i];
            let fused = self.layers.get(i + 1).filter(|&n| observe.is_none() && fused(l, Some(n)));
            let params = layer_params(l, self.weights, self.weights_i8, self.quant);
            (ops::kernels(l.op).run)(l, fused, &params, Io { ids, x: a, y: b, acc });
            if let Some(observe) = observe.as_mut() {
                observe(i, (!l.dtype.out_i8()).then(|| &b[..l.out_values()]));
            }
            core::mem::swap(&mut a, &mut b);
            i += if fused.is_some() { 2 } else { 1 };
        }
        out.copy_from_slice(&a[..self.outputs]);
        Ok(())
    }
}

/// The parameters of layer `l` in the model's sections (ranges checked at load): float weights
/// and bias in `net-weights`, or int8 weights in `net-weights-i8` with bias and requantization
/// pairs in `net-quant`.
fn layer_params<'a>(l: &LayerRecord, weights: &'a [f32], weights_i8: &'a [i8], quant: &'a [i32]) -> Params<'a> {
    let (w, b) = ((l.weight_offset as usize, l.weight_len as usize), (l.bias_offset as usize, l.bias_len as usize));
    if !l.dtype.q_weights() {
        return Params { w: &weights[w.0..][..w.1], bias: &weights[b.0..][..b.1], ..Params::default() };
    }
    let requant = if l.op.accumulates() { &quant[l.quant_offset as usize..][..2 * l.out_ch as usize] } else { &[] };
    Params { w8: &weights_i8[w.0..][..w.1], bias8: &quant[b.0..][..b.1], requant, ..Params::default() }
}

enum Input<'x> {
    Ids(&'x [u32]),
    Floats(&'x [f32]),
}
