//! Lowering an [`NnModel`] to artifact sections: layer records, weights, vocabulary.

use mlc_format::manifest::{NetInput, Network};
use mlc_format::net::{DType, LayerRecord, Op as NetOp};
use mlc_format::vocab::VocabTables;
use mlc_format::SectionKind;

use super::{Input, NnModel, Op};

/// Appends `values` to `weights`, returning (offset, length).
fn push(weights: &mut Vec<f32>, values: &[f32]) -> (u32, u32) {
    let offset = weights.len() as u32;
    weights.extend_from_slice(values);
    (offset, values.len() as u32)
}

/// Output length and left padding of a sliding-window layer (the importer checked that the
/// input is long enough).
fn out_and_left(op: &Op, len: u32) -> (usize, usize) {
    op.geometry(len as usize).map_or((1, 0), |g| (g.out_len, g.left))
}

/// The int8 parts of a layer record (docs/format.md §9.9).
mod int8 {
    use super::*;
    use crate::nn::Int8;

    /// Replaces the float weights of `r` (just pushed to `weights`) by `q`'s int8 weights, `i32`
    /// bias and requantization, and sets the data types.
    pub(super) fn lower(op: &Op, q: &Int8, r: &mut LayerRecord, weights: &mut Vec<f32>, weights_i8: &mut Vec<u8>, quant: &mut Vec<i32>) {
        r.dtype = DType::from_flags(false, q.input_i8, q.output_i8);
        if !matches!(op, Op::Embedding { .. } | Op::EmbeddingConv1D { .. } | Op::Conv1D { .. } | Op::Dense { .. }) {
            return;
        }
        weights.truncate(r.weight_offset as usize); // drop the float weights and bias
        r.dtype = DType::from_flags(true, q.input_i8, q.output_i8);
        r.weight_offset = weights_i8.len() as u32;
        weights_i8.extend(q.weights.iter().map(|&v| v as u8));
        (r.bias_offset, r.bias_len) = (0, 0);
        if !q.bias.is_empty() {
            (r.bias_offset, r.bias_len) = (quant.len() as u32, q.bias.len() as u32);
            quant.extend_from_slice(&q.bias);
        }
        if !q.requant.is_empty() {
            r.quant_offset = quant.len() as u32;
            quant.extend(q.requant.iter().flat_map(|&(m, s)| [m, s as i32]));
        }
    }
}

/// The manifest body and sections of `model` (float32 weights, or int8 where quantized).
pub fn lower(model: &NnModel) -> (Network, u32, Vec<(SectionKind, Vec<u8>)>) {
    let (input, (mut len, mut ch)) = match model.input {
        Input::TokenIds { length } => (NetInput::TokenIds { length: length as u32 }, (length as u32, 1)),
        Input::Sequence { length, channels } => {
            (NetInput::Sequence { length: length as u32, channels: channels as u32 }, (length as u32, channels as u32))
        }
        Input::Vector { features } => (NetInput::Vector { features: features as u32 }, (1, features as u32)),
    };
    let mut weights = Vec::new();
    let mut weights_i8: Vec<u8> = Vec::new();
    let mut quant: Vec<i32> = Vec::new();
    let mut records = Vec::with_capacity(model.layers.len());
    for layer in &model.layers {
        let mut r = LayerRecord::new(NetOp::Flatten, (len, ch), (0, 0)); // op and output set below
        match &layer.op {
            Op::Embedding { table } => {
                r.op = NetOp::Embedding;
                (r.out_len, r.out_ch) = (len, table.shape[1] as u32);
                (r.weight_offset, r.weight_len) = push(&mut weights, &table.data);
            }
            Op::EmbeddingConv1D { table: w, bias, stride, dilation, activation: a, .. }
            | Op::Conv1D { kernel: w, bias, stride, dilation, activation: a, .. } => {
                // Folded tables are (vocab, k, out), kernels (k, in, out).
                let folded = matches!(layer.op, Op::EmbeddingConv1D { .. });
                let k = if folded { w.shape[1] } else { w.shape[0] };
                let (out_len, left) = out_and_left(&layer.op, len);
                r.op = if folded { NetOp::EmbeddingConv1D } else { NetOp::Conv1D };
                (r.window, r.stride, r.dilation, r.pad_left) = (k as u32, *stride as u32, *dilation as u32, left as u32);
                (r.out_len, r.out_ch) = (out_len as u32, w.shape[2] as u32);
                (r.weight_offset, r.weight_len) = push(&mut weights, &w.data);
                if let Some(b) = bias {
                    (r.bias_offset, r.bias_len) = push(&mut weights, b);
                }
                r.activation = *a;
            }
            Op::MaxPool1D { pool, stride, .. } | Op::AvgPool1D { pool, stride, .. } => {
                let (out_len, left) = out_and_left(&layer.op, len);
                r.op = if matches!(layer.op, Op::MaxPool1D { .. }) { NetOp::MaxPool1D } else { NetOp::AvgPool1D };
                (r.window, r.stride, r.pad_left) = (*pool as u32, *stride as u32, left as u32);
                (r.out_len, r.out_ch) = (out_len as u32, ch);
            }
            Op::GlobalMaxPool1D { activation: a } => {
                r.op = NetOp::GlobalMaxPool1D;
                (r.out_len, r.out_ch) = (1, ch);
                r.activation = *a;
            }
            Op::GlobalAvgPool1D => {
                r.op = NetOp::GlobalAvgPool1D;
                (r.out_len, r.out_ch) = (1, ch);
            }
            Op::Flatten => {
                r.op = NetOp::Flatten;
                (r.out_len, r.out_ch) = (1, len * ch);
            }
            Op::Dense { kernel, bias, activation: a } => {
                r.op = NetOp::Dense;
                (r.out_len, r.out_ch) = (1, kernel.shape[1] as u32);
                (r.weight_offset, r.weight_len) = push(&mut weights, &kernel.data);
                if let Some(b) = bias {
                    (r.bias_offset, r.bias_len) = push(&mut weights, b);
                }
                r.activation = *a;
            }
            Op::Quantize { scale } | Op::Dequantize { scale } => {
                r.op = if matches!(layer.op, Op::Quantize { .. }) { NetOp::Quantize } else { NetOp::Dequantize };
                (r.out_len, r.out_ch) = (len, ch);
                (r.weight_offset, r.weight_len) = push(&mut weights, &[*scale]);
            }
        }
        if let Some(q) = &layer.int8 {
            int8::lower(&layer.op, q, &mut r, &mut weights, &mut weights_i8, &mut quant);
        }
        (len, ch) = (r.out_len, r.out_ch);
        records.push(r);
    }
    if weights.is_empty() {
        weights.push(0.0); // the section is required; a fully int8 network may use none of it
    }
    let mut sections = vec![
        (SectionKind::NetLayers, bytemuck::cast_slice(&records).to_vec()),
        (SectionKind::NetWeights, bytemuck::cast_slice(&weights).to_vec()),
    ];
    if !weights_i8.is_empty() {
        sections.push((SectionKind::NetWeightsI8, weights_i8));
    }
    if !quant.is_empty() {
        sections.push((SectionKind::NetQuant, bytemuck::cast_slice(&quant).to_vec()));
    }
    let text = model.tokenizer.as_ref().map(|t| {
        let tokens: Vec<&[u8]> = t.vocab.iter().map(Vec::as_slice).collect();
        let tables = VocabTables::build(&tokens);
        sections.push((SectionKind::VocabOffsets, bytemuck::cast_slice(&tables.offsets).to_vec()));
        sections.push((SectionKind::VocabBytes, tables.bytes));
        sections.push((SectionKind::VocabSlots, bytemuck::cast_slice(&tables.slots).to_vec()));
        t.standardize
    });
    let scratch = mlc_runtime::net::scratch_values(&records, input).1 as u32;
    let info = Network { input, num_layers: records.len() as u32, scratch, text };
    (info, ch, sections)
}
