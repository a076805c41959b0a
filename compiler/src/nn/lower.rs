//! Lowering an [`NnModel`] to artifact sections: layer records, weights, vocabulary.

use mlc_format::manifest::{NetInput, Network, TextStandardize};
use mlc_format::records::*;
use mlc_format::vocab::VocabTables;
use mlc_format::SectionKind;
use mlc_runtime::text::Standardize;

use super::{Activation, Input, NnModel, Op};

fn activation(a: Activation) -> u32 {
    match a {
        Activation::Linear => ACT_LINEAR,
        Activation::Relu => ACT_RELU,
        Activation::Sigmoid => ACT_SIGMOID,
        Activation::Tanh => ACT_TANH,
        Activation::Softmax => ACT_SOFTMAX,
    }
}

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

/// The manifest body and sections of `model` (float32 weights).
pub fn lower(model: &NnModel) -> (Network, u32, Vec<(SectionKind, Vec<u8>)>) {
    let (input, (mut len, mut ch)) = match model.input {
        Input::TokenIds { length } => (NetInput::TokenIds { length: length as u32 }, (length as u32, 1)),
        Input::Sequence { length, channels } => {
            (NetInput::Sequence { length: length as u32, channels: channels as u32 }, (length as u32, channels as u32))
        }
        Input::Vector { features } => (NetInput::Vector { features: features as u32 }, (1, features as u32)),
    };
    let mut largest = len as usize * ch as usize;
    let mut weights = Vec::new();
    let mut weights_i8: Vec<u8> = Vec::new();
    let mut records = Vec::with_capacity(model.layers.len());
    for layer in &model.layers {
        let mut r = LayerRecord { in_len: len, in_ch: ch, ..bytemuck::Zeroable::zeroed() };
        match &layer.op {
            Op::Embedding { table } => {
                r.op = OP_EMBEDDING;
                (r.out_len, r.out_ch) = (len, table.shape[1] as u32);
                (r.weight_offset, r.weight_len) = push(&mut weights, &table.data);
            }
            Op::EmbeddingConv1D { table: w, bias, stride, dilation, activation: a, .. }
            | Op::Conv1D { kernel: w, bias, stride, dilation, activation: a, .. } => {
                // Folded tables are (vocab, k, out), kernels (k, in, out).
                let folded = matches!(layer.op, Op::EmbeddingConv1D { .. });
                let k = if folded { w.shape[1] } else { w.shape[0] };
                let (out_len, left) = out_and_left(&layer.op, len);
                r.op = if folded { OP_EMBEDDING_CONV1D } else { OP_CONV1D };
                (r.window, r.stride, r.dilation, r.pad_left) = (k as u32, *stride as u32, *dilation as u32, left as u32);
                (r.out_len, r.out_ch) = (out_len as u32, w.shape[2] as u32);
                (r.weight_offset, r.weight_len) = push(&mut weights, &w.data);
                if let Some(b) = bias {
                    (r.bias_offset, r.bias_len) = push(&mut weights, b);
                }
                r.activation = activation(*a);
            }
            Op::EmbeddingConv1DInt8 { table, shape, scales, bias, stride, dilation, activation: a, .. } => {
                let k = shape[1];
                let (out_len, left) = out_and_left(&layer.op, len);
                r.op = OP_EMBEDDING_CONV1D_I8;
                (r.window, r.stride, r.dilation, r.pad_left) = (k as u32, *stride as u32, *dilation as u32, left as u32);
                (r.out_len, r.out_ch) = (out_len as u32, shape[2] as u32);
                r.weight_offset = weights_i8.len() as u32;
                r.weight_len = table.len() as u32;
                weights_i8.extend(table.iter().map(|&q| q as u8));
                // Row scales, then the bias (zeros when the layer has none).
                let zeros = vec![0f32; shape[2]];
                let (offset, n) = push(&mut weights, scales);
                push(&mut weights, bias.as_deref().unwrap_or(&zeros));
                (r.bias_offset, r.bias_len) = (offset, n + shape[2] as u32);
                r.activation = activation(*a);
            }
            Op::MaxPool1D { pool, stride, .. } | Op::AvgPool1D { pool, stride, .. } => {
                let (out_len, left) = out_and_left(&layer.op, len);
                r.op = if matches!(layer.op, Op::MaxPool1D { .. }) { OP_MAX_POOL } else { OP_AVG_POOL };
                (r.window, r.stride, r.pad_left) = (*pool as u32, *stride as u32, left as u32);
                (r.out_len, r.out_ch) = (out_len as u32, ch);
            }
            Op::GlobalMaxPool1D { activation: a } => {
                r.op = OP_GLOBAL_MAX_POOL;
                (r.out_len, r.out_ch) = (1, ch);
                r.activation = activation(*a);
            }
            Op::GlobalAvgPool1D => {
                r.op = OP_GLOBAL_AVG_POOL;
                (r.out_len, r.out_ch) = (1, ch);
            }
            Op::Flatten => {
                r.op = OP_FLATTEN;
                (r.out_len, r.out_ch) = (1, len * ch);
            }
            Op::Dense { kernel, bias, activation: a } => {
                r.op = OP_DENSE;
                (r.out_len, r.out_ch) = (1, kernel.shape[1] as u32);
                (r.weight_offset, r.weight_len) = push(&mut weights, &kernel.data);
                if let Some(b) = bias {
                    (r.bias_offset, r.bias_len) = push(&mut weights, b);
                }
                r.activation = activation(*a);
            }
        }
        (len, ch) = (r.out_len, r.out_ch);
        largest = largest.max(len as usize * ch as usize);
        records.push(r);
    }
    let mut sections = vec![
        (SectionKind::NetLayers, bytemuck::cast_slice(&records).to_vec()),
        (SectionKind::NetWeights, bytemuck::cast_slice(&weights).to_vec()),
    ];
    if !weights_i8.is_empty() {
        sections.push((SectionKind::NetWeightsI8, weights_i8));
    }
    let text = model.tokenizer.as_ref().map(|t| {
        let tokens: Vec<&[u8]> = t.vocab.iter().map(Vec::as_slice).collect();
        let tables = VocabTables::build(&tokens);
        sections.push((SectionKind::VocabOffsets, bytemuck::cast_slice(&tables.offsets).to_vec()));
        sections.push((SectionKind::VocabBytes, tables.bytes));
        sections.push((SectionKind::VocabSlots, bytemuck::cast_slice(&tables.slots).to_vec()));
        match t.standardize {
            Standardize::None => TextStandardize::None,
            Standardize::Lower => TextStandardize::Lower,
            Standardize::StripPunctuation => TextStandardize::StripPunctuation,
            Standardize::LowerAndStripPunctuation => TextStandardize::LowerAndStripPunctuation,
        }
    });
    let info = Network { input, num_layers: records.len() as u32, scratch: 2 * largest as u32, text };
    (info, ch, sections)
}
