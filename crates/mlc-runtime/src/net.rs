//! Networks: a chain of 1-D sequence layers executed in place, with caller-provided scratch.
//!
//! Activations are `(length, channels)`, channels last, row-major — Keras' layout, so Flatten
//! is free. Two scratch buffers of the largest activation alternate between layers; the
//! loader checks every layer's shapes and weight ranges, so the kernels index safely.

use mlc_format::manifest::{ModelManifest, NetInput, Network, TextStandardize};
use mlc_format::records::*;
use mlc_format::vocab::VocabView;
use mlc_format::{ModelEntry, SectionKind};

use crate::error::{LoadError, PredictError};
use crate::math::expf;
use crate::text::{tokenize, Standardize};

/// A validated network, executing in place from artifact bytes.
#[derive(Debug, Clone, Copy)]
pub struct NetModel<'a> {
    info: Network,
    layers: &'a [LayerRecord],
    weights: &'a [f32],
    weights_i8: &'a [i8],
    vocab: Option<VocabView<'a>>,
    scratch: usize,
    outputs: usize,
}

/// Most scratch values a network may ask for (1 GiB of `f32`): a crafted artifact cannot make
/// a host allocate without bound, and every activation size fits `usize` on 32-bit targets.
pub const MAX_SCRATCH: u64 = 1 << 28;

fn invalid(model: u32, layer: Option<u32>, what: &'static str) -> LoadError {
    LoadError::Invalid { model, part: layer.map(|l| ("layer", l)), what }
}

/// Length and channels of the network's input.
fn input_shape(input: NetInput) -> (u32, u32) {
    match input {
        NetInput::TokenIds { length } => (length, 1),
        NetInput::Sequence { length, channels } => (length, channels),
        NetInput::Vector { features } => (1, features),
    }
}

impl<'a> NetModel<'a> {
    /// Loads model `entry` (a network) and checks every layer's shapes and weight ranges.
    pub fn load(entry: &ModelEntry<'a>, manifest: &ModelManifest<'_>, info: Network) -> Result<Self, LoadError> {
        let m = entry.index;
        let layers: &[LayerRecord] = entry.records(SectionKind::NetLayers)?;
        let weights: &[f32] = entry.records(SectionKind::NetWeights)?;
        let weights_i8: &[i8] = entry.optional_records(SectionKind::NetWeightsI8)?.unwrap_or(&[]);
        if layers.is_empty() || layers.len() != info.num_layers as usize {
            return Err(invalid(m, None, "layer count differs from the manifest's"));
        }
        let (mut len, mut ch) = input_shape(info.input);
        let mut largest = len as u64 * ch as u64;
        for (i, l) in layers.iter().enumerate() {
            let bad = |what| Err(invalid(m, Some(i as u32), what));
            if (l.in_len, l.in_ch) != (len, ch) {
                return bad("input shape differs from the previous layer's output");
            }
            let in_ok = l.in_len >= 1 && l.in_ch >= 1 && l.out_len >= 1 && l.out_ch >= 1;
            let shape_ok = in_ok
                && match l.op {
                    OP_EMBEDDING => i == 0 && matches!(info.input, NetInput::TokenIds { .. }) && l.in_ch == 1 && l.out_len == l.in_len && l.bias_len == 0,
                    OP_EMBEDDING_CONV1D | OP_EMBEDDING_CONV1D_I8 => {
                        i == 0 && matches!(info.input, NetInput::TokenIds { .. }) && l.in_ch == 1 && l.window >= 1 && l.stride >= 1 && l.dilation >= 1
                    }
                    OP_CONV1D => l.window >= 1 && l.stride >= 1 && l.dilation >= 1,
                    OP_MAX_POOL | OP_AVG_POOL => l.window >= 1 && l.stride >= 1 && l.out_ch == l.in_ch,
                    OP_GLOBAL_MAX_POOL | OP_GLOBAL_AVG_POOL => l.out_len == 1 && l.out_ch == l.in_ch,
                    OP_FLATTEN => l.out_len == 1 && l.out_ch as u64 == l.in_len as u64 * l.in_ch as u64,
                    OP_DENSE => l.in_len == 1 && l.out_len == 1,
                    _ => false,
                };
            let reads_ids = matches!(l.op, OP_EMBEDDING | OP_EMBEDDING_CONV1D | OP_EMBEDDING_CONV1D_I8);
            let ids_in = i == 0 && matches!(info.input, NetInput::TokenIds { .. });
            if !shape_ok || reads_ids != ids_in || l.activation > ACT_SOFTMAX || l.reserved != [0, 0] {
                return bad("unknown operation or inconsistent shape");
            }
            let weight_len = match l.op {
                OP_EMBEDDING => l.weight_len as u64 / l.out_ch as u64 * l.out_ch as u64, // vocab × dim
                OP_EMBEDDING_CONV1D | OP_EMBEDDING_CONV1D_I8 => {
                    let row = l.window as u64 * l.out_ch as u64;
                    l.weight_len as u64 / row * row // vocab × window × out
                }
                OP_CONV1D => l.window as u64 * l.in_ch as u64 * l.out_ch as u64,
                OP_DENSE => l.in_ch as u64 * l.out_ch as u64,
                _ => 0,
            };
            let bias_ok = match l.op {
                // The row scales (vocab × window), then the bias.
                OP_EMBEDDING_CONV1D_I8 => l.bias_len as u64 == l.weight_len as u64 / l.out_ch as u64 + l.out_ch as u64,
                OP_CONV1D | OP_EMBEDDING_CONV1D | OP_DENSE => l.bias_len == 0 || l.bias_len == l.out_ch,
                _ => l.bias_len == 0,
            };
            let fits = |off: u32, n: u32, len: usize| (off as u64 + n as u64) <= len as u64;
            let weights_len = if l.op == OP_EMBEDDING_CONV1D_I8 { weights_i8.len() } else { weights.len() };
            let is_table = matches!(l.op, OP_EMBEDDING | OP_EMBEDDING_CONV1D | OP_EMBEDDING_CONV1D_I8);
            if weight_len != l.weight_len as u64
                || (is_table && l.weight_len == 0)
                || !bias_ok
                || !fits(l.weight_offset, l.weight_len, weights_len)
                || !fits(l.bias_offset, l.bias_len, weights.len())
            {
                return bad("weights or bias out of range or of the wrong size");
            }
            (len, ch) = (l.out_len, l.out_ch);
            largest = largest.max(len as u64 * ch as u64);
            if 2 * largest > MAX_SCRATCH {
                return bad("activations larger than the runtime's 1 GiB scratch limit");
            }
        }
        if len != 1 || ch != manifest.num_outputs {
            return Err(invalid(m, None, "the last layer's output is not the manifest's output vector"));
        }
        if info.scratch as u64 != 2 * largest {
            return Err(invalid(m, None, "scratch size differs from the layers' largest activation"));
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
        if vocab.is_some() != info.text.is_some() || (vocab.is_some() && !matches!(info.input, NetInput::TokenIds { .. })) {
            return Err(invalid(m, None, "a text model needs token-id input, a vocabulary and a standardisation"));
        }
        let first = &layers[0];
        let table_rows = match first.op {
            OP_EMBEDDING_CONV1D | OP_EMBEDDING_CONV1D_I8 => first.weight_len / (first.window * first.out_ch),
            _ => first.weight_len / first.out_ch,
        };
        if vocab.is_some_and(|v| v.len() > table_rows as usize) {
            return Err(invalid(m, None, "the vocabulary has more tokens than the embedding has rows"));
        }
        let (in_len, in_ch) = input_shape(info.input);
        if manifest.num_features as u64 != in_len as u64 * in_ch as u64 {
            return Err(invalid(m, None, "num_features differs from the input size"));
        }
        Ok(NetModel { info, layers, weights, weights_i8, vocab, scratch: 2 * largest as usize, outputs: ch as usize })
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

    /// The tokenizer's vocabulary, for text models.
    pub fn vocab(&self) -> Option<VocabView<'a>> {
        self.vocab
    }

    /// Predicts from token ids (`length` of them). No heap: `scratch` holds
    /// [`NetModel::scratch_len`] values.
    pub fn predict_ids(&self, ids: &[u32], scratch: &mut [f32], out: &mut [f32]) -> Result<(), PredictError> {
        let NetInput::TokenIds { length } = self.info.input else {
            return Err(PredictError::InputKind);
        };
        if ids.len() != length as usize {
            return Err(PredictError::FeatureCount { expected: length as usize, got: ids.len() });
        }
        let first = &self.layers[0];
        let row = if matches!(first.op, OP_EMBEDDING_CONV1D | OP_EMBEDDING_CONV1D_I8) { first.window * first.out_ch } else { first.out_ch };
        let vocab = (first.weight_len / row) as usize; // table rows: checked non-zero at load
        if let Some((position, &id)) = ids.iter().enumerate().find(|(_, &id)| id as usize >= vocab) {
            return Err(PredictError::TokenId { position, id, vocab });
        }
        self.run(Input::Ids(ids), scratch, out)
    }

    /// Predicts from float input (`length × channels` or `features` values).
    pub fn predict_floats(&self, x: &[f32], scratch: &mut [f32], out: &mut [f32]) -> Result<(), PredictError> {
        let (len, ch) = input_shape(self.info.input);
        if matches!(self.info.input, NetInput::TokenIds { .. }) {
            return Err(PredictError::InputKind);
        }
        if x.len() != len as usize * ch as usize {
            return Err(PredictError::FeatureCount { expected: len as usize * ch as usize, got: x.len() });
        }
        self.run(Input::Floats(x), scratch, out)
    }

    /// Predicts from raw text (text models): tokenizes into `ids` (the input length) with
    /// `token_scratch` (at least the vocabulary's longest token), then [`NetModel::predict_ids`].
    pub fn predict_text(&self, text: &[u8], token_scratch: &mut [u8], ids: &mut [u32], scratch: &mut [f32], out: &mut [f32]) -> Result<(), PredictError> {
        let (Some(vocab), Some(std)) = (self.vocab, self.info.text) else {
            return Err(PredictError::InputKind);
        };
        let standardize = match std {
            TextStandardize::None => Standardize::None,
            TextStandardize::Lower => Standardize::Lower,
            TextStandardize::StripPunctuation => Standardize::StripPunctuation,
            TextStandardize::LowerAndStripPunctuation => Standardize::LowerAndStripPunctuation,
        };
        tokenize(&vocab, standardize, text, token_scratch, ids);
        self.predict_ids(ids, scratch, out)
    }

    fn run(&self, input: Input<'_>, scratch: &mut [f32], out: &mut [f32]) -> Result<(), PredictError> {
        if scratch.len() < self.scratch {
            return Err(PredictError::ScratchLen { expected: self.scratch, got: scratch.len() });
        }
        if out.len() != self.outputs {
            return Err(PredictError::OutputLen { expected: self.outputs, got: out.len() });
        }
        let (mut a, mut b) = scratch[..self.scratch].split_at_mut(self.scratch / 2);
        if let Input::Floats(x) = input {
            a[..x.len()].copy_from_slice(x);
        }
        let mut i = 0;
        while i < self.layers.len() {
            let l = &self.layers[i];
            let n_in = l.in_len as usize * l.in_ch as usize;
            let n_out = l.out_len as usize * l.out_ch as usize;
            let is_i8 = l.op == OP_EMBEDDING_CONV1D_I8;
            let w: &[f32] = if is_i8 { &[] } else { &self.weights[l.weight_offset as usize..][..l.weight_len as usize] };
            let w_i8: &[i8] = if is_i8 { &self.weights_i8[l.weight_offset as usize..][..l.weight_len as usize] } else { &[] };
            let bias = &self.weights[l.bias_offset as usize..][..l.bias_len as usize];
            let x = &a[..n_in];
            let ids = match input {
                Input::Ids(ids) => ids,
                // Token-id layers (the loader allows them first only, with token-id input).
                Input::Floats(_) if matches!(l.op, OP_EMBEDDING | OP_EMBEDDING_CONV1D | OP_EMBEDDING_CONV1D_I8) => {
                    return Err(PredictError::InputKind)
                }
                Input::Floats(_) => &[],
            };
            let row = |o: usize, acc: &mut [f32]| match l.op {
                OP_EMBEDDING_CONV1D => kernels::embedding_conv1d_row(l, ids, w, bias, o, acc),
                OP_EMBEDDING_CONV1D_I8 => kernels::embedding_conv1d_i8_row(l, ids, w_i8, bias, o, acc),
                _ => kernels::conv1d_row(l, x, w, bias, o, acc),
            };
            if matches!(l.op, OP_EMBEDDING_CONV1D | OP_EMBEDDING_CONV1D_I8 | OP_CONV1D) {
                let cout = l.out_ch as usize;
                let next = self.layers.get(i + 1).filter(|n| n.op == OP_GLOBAL_MAX_POOL);
                if let (Some(next), true) = (next, n_out >= 2 * cout) {
                    // Fused convolution → global max: rows are never stored.
                    let (y, acc) = b[..2 * cout].split_at_mut(cout);
                    y.fill(f32::NEG_INFINITY);
                    for o in 0..l.out_len as usize {
                        row(o, acc);
                        kernels::activate(l.activation, acc, cout);
                        for (m, &v) in y.iter_mut().zip(acc.iter()) {
                            *m = m.max(v);
                        }
                    }
                    kernels::activate(next.activation, y, cout);
                    core::mem::swap(&mut a, &mut b);
                    i += 2;
                    continue;
                }
                for (o, acc) in b[..n_out].chunks_exact_mut(cout).enumerate() {
                    row(o, acc);
                }
            } else {
                let y = &mut b[..n_out];
                match l.op {
                    OP_EMBEDDING => kernels::embedding(ids, w, l.out_ch as usize, y),
                    OP_MAX_POOL | OP_AVG_POOL => kernels::pool(l, x, y),
                    OP_GLOBAL_MAX_POOL | OP_GLOBAL_AVG_POOL => kernels::global_pool(l, x, y),
                    OP_FLATTEN => y.copy_from_slice(x),
                    _ => kernels::dense(x, w, bias, y),
                }
            }
            kernels::activate(l.activation, &mut b[..n_out], l.out_ch as usize);
            core::mem::swap(&mut a, &mut b);
            i += 1;
        }
        out.copy_from_slice(&a[..self.outputs]);
        Ok(())
    }
}

enum Input<'x> {
    Ids(&'x [u32]),
    Floats(&'x [f32]),
}

/// Float kernels. Every index is in range by the loader's shape checks.
mod kernels {
    use super::*;

    pub(super) fn embedding(ids: &[u32], table: &[f32], dim: usize, y: &mut [f32]) {
        for (row, &id) in y.chunks_exact_mut(dim).zip(ids) {
            row.copy_from_slice(&table[id as usize * dim..][..dim]);
        }
    }

    /// Input position of output `o`, tap `j`, if inside the input.
    fn tap(l: &LayerRecord, o: usize, j: usize) -> Option<usize> {
        let at = o.checked_mul(l.stride as usize)?.checked_add(j.checked_mul(l.dilation as usize)?)?;
        let p = at.checked_sub(l.pad_left as usize)?;
        (p < l.in_len as usize).then_some(p)
    }

    /// Output row `o` of a convolution into `acc` (`out_ch` values).
    pub(super) fn conv1d_row(l: &LayerRecord, x: &[f32], w: &[f32], bias: &[f32], o: usize, acc: &mut [f32]) {
        let (cin, cout) = (l.in_ch as usize, l.out_ch as usize);
        start(acc, bias);
        for j in 0..l.window as usize {
            let Some(p) = tap(l, o, j) else { continue };
            for (ci, &xv) in x[p * cin..][..cin].iter().enumerate() {
                for (a, &wv) in acc.iter_mut().zip(&w[(j * cin + ci) * cout..][..cout]) {
                    *a += xv * wv;
                }
            }
        }
    }

    /// The bias, or zeros.
    fn start(acc: &mut [f32], bias: &[f32]) {
        if bias.is_empty() {
            acc.fill(0.0);
        } else {
            acc.copy_from_slice(bias);
        }
    }

    /// Output row `o` of a convolution over embedded tokens, through per-token tables: `k` row
    /// additions (padding positions add nothing, as zero embeddings would).
    pub(super) fn embedding_conv1d_row(l: &LayerRecord, ids: &[u32], table: &[f32], bias: &[f32], o: usize, acc: &mut [f32]) {
        let (k, cout) = (l.window as usize, l.out_ch as usize);
        start(acc, bias);
        for j in 0..k {
            let Some(p) = tap(l, o, j) else { continue };
            for (a, &t) in acc.iter_mut().zip(&table[(ids[p] as usize * k + j) * cout..][..cout]) {
                *a += t;
            }
        }
    }

    /// [`embedding_conv1d_row`] with int8 tables: `k` rows, each times its scale
    /// (`scales_bias` holds the row scales, then the bias).
    pub(super) fn embedding_conv1d_i8_row(l: &LayerRecord, ids: &[u32], table: &[i8], scales_bias: &[f32], o: usize, acc: &mut [f32]) {
        let (k, cout) = (l.window as usize, l.out_ch as usize);
        let (scales, bias) = scales_bias.split_at(scales_bias.len() - cout);
        acc.copy_from_slice(bias);
        for j in 0..k {
            let Some(p) = tap(l, o, j) else { continue };
            let row = ids[p] as usize * k + j;
            let s = scales[row];
            for (a, &t) in acc.iter_mut().zip(&table[row * cout..][..cout]) {
                *a += t as f32 * s;
            }
        }
    }

    pub(super) fn pool(l: &LayerRecord, x: &[f32], y: &mut [f32]) {
        let ch = l.in_ch as usize;
        for (o, out) in y.chunks_exact_mut(ch).enumerate() {
            let max = l.op == OP_MAX_POOL;
            out.fill(if max { f32::NEG_INFINITY } else { 0.0 });
            let mut count = 0usize;
            for j in 0..l.window as usize {
                let p = o
                    .checked_mul(l.stride as usize)
                    .and_then(|at| at.checked_add(j)?.checked_sub(l.pad_left as usize))
                    .filter(|&p| p < l.in_len as usize);
                let Some(p) = p else { continue };
                count += 1;
                for (v, &xv) in out.iter_mut().zip(&x[p * ch..][..ch]) {
                    *v = if max { v.max(xv) } else { *v + xv };
                }
            }
            if !max && count > 0 {
                out.iter_mut().for_each(|v| *v /= count as f32);
            }
        }
    }

    pub(super) fn global_pool(l: &LayerRecord, x: &[f32], y: &mut [f32]) {
        let max = l.op == OP_GLOBAL_MAX_POOL;
        y.fill(if max { f32::NEG_INFINITY } else { 0.0 });
        for row in x.chunks_exact(y.len()) {
            for (v, &xv) in y.iter_mut().zip(row) {
                *v = if max { v.max(xv) } else { *v + xv };
            }
        }
        if !max {
            y.iter_mut().for_each(|v| *v /= l.in_len as f32);
        }
    }

    pub(super) fn dense(x: &[f32], w: &[f32], bias: &[f32], y: &mut [f32]) {
        start(y, bias);
        let n = y.len();
        for (i, &xv) in x.iter().enumerate() {
            for (a, &wv) in y.iter_mut().zip(&w[i * n..][..n]) {
                *a += xv * wv;
            }
        }
    }

    /// Applies `act` to `y`, rows of `channels` values (softmax normalises each row).
    pub(super) fn activate(act: u32, y: &mut [f32], channels: usize) {
        match act {
            ACT_RELU => y.iter_mut().for_each(|v| *v = v.max(0.0)),
            ACT_SIGMOID => y.iter_mut().for_each(|v| *v = 1.0 / (1.0 + expf(-*v))),
            ACT_TANH => y.iter_mut().for_each(|v| *v = 1.0 - 2.0 / (expf(2.0 * *v) + 1.0)),
            ACT_SOFTMAX => {
                for y in y.chunks_exact_mut(channels) {
                    let max = y.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
                    let mut sum = 0.0;
                    for v in y.iter_mut() {
                        *v = expf(*v - max);
                        sum += *v;
                    }
                    y.iter_mut().for_each(|v| *v /= sum);
                }
            }
            _ => {}
        }
    }
}
