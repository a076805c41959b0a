//! Lowering an [`NnModel`] to artifact sections: layer records and weights (each layer by its
//! operation's module, [`super::ops`]), and the vocabulary of a text model.

use mlc_format::manifest::Network;
use mlc_format::vocab::VocabTables;
use mlc_format::SectionKind;

use super::ops::{self, Weights};
use super::NnModel;

/// The manifest body, the number of outputs and the sections of `model` (float32 weights, or
/// int8 where quantized).
pub fn lower(model: &NnModel) -> (Network, u32, Vec<(SectionKind, Vec<u8>)>) {
    let mut shape = model.input.shape();
    let mut weights = Weights::default();
    let mut records = Vec::with_capacity(model.layers.len());
    for layer in &model.layers {
        let r = ops::lower(layer, shape, &mut weights);
        shape = (r.out_len, r.out_ch);
        records.push(r);
    }
    let Weights { floats, int8, quant } = weights;
    let floats = if floats.is_empty() { vec![0.0] } else { floats }; // the section is required; a fully int8 network may use none of it
    let mut sections = vec![
        (SectionKind::NetLayers, bytemuck::cast_slice(&records).to_vec()),
        (SectionKind::NetWeights, bytemuck::cast_slice(&floats).to_vec()),
    ];
    if !int8.is_empty() {
        sections.push((SectionKind::NetWeightsI8, int8));
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
    let scratch = mlc_runtime::net::scratch_values(&records, model.input).1 as u32;
    let info = Network { input: model.input, num_layers: records.len() as u32, scratch, text };
    (info, shape.1, sections)
}
