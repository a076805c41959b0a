//! Graph passes on the network IR, in the spirit of SageMaker Neo. Dropout is already gone
//! (the importer drops it: identity at inference).

use super::{Activation, Input, Layer, NnModel, Op, Padding, Tensor};

/// Sequence length entering each layer (and, last, the output's), for the passes' checks.
fn lengths(model: &NnModel) -> Vec<usize> {
    let mut len = match model.input {
        Input::TokenIds { length } | Input::Sequence { length, .. } => length,
        Input::Vector { .. } => 1,
    };
    let mut out = vec![len];
    for l in &model.layers {
        len = match &l.op {
            Op::Embedding { .. } => len,
            op => op.geometry(len).map_or(1, |g| g.out_len),
        };
        out.push(len);
    }
    out
}

/// Merges `MaxPooling1D` → `GlobalMaxPooling1D` into the global max when the pooling windows
/// cover the whole sequence (valid padding, stride ≤ pool, nothing left over): the max of
/// maxima is the max.
pub fn merge_pooling(model: &mut NnModel) -> Option<String> {
    let lens = lengths(model);
    let i = model.layers.windows(2).enumerate().position(|(i, w)| match (&w[0].op, &w[1].op) {
        (Op::MaxPool1D { pool, stride, padding: Padding::Valid }, Op::GlobalMaxPool1D { .. }) => {
            let (len, out) = (lens[i], lens[i + 1]);
            stride <= pool && (out - 1) * stride + pool == len
        }
        _ => false,
    })?;
    let name = model.layers.remove(i).name;
    Some(format!("{name} merged into the global max pooling"))
}

/// Moves a ReLU from a convolution past the global max pooling that follows it
/// (`max(relu(x)) = relu(max(x))`): one ReLU per channel instead of one per position.
pub fn relu_past_max_pool(model: &mut NnModel) -> Option<String> {
    let i = model.layers.windows(2).position(|w| {
        matches!(
            (&w[0].op, &w[1].op),
            (
                Op::Conv1D { activation: Activation::Relu, .. }
                    | Op::EmbeddingConv1D { activation: Activation::Relu, .. }
                    | Op::EmbeddingConv1DInt8 { activation: Activation::Relu, .. },
                Op::GlobalMaxPool1D { activation: Activation::Linear }
            )
        )
    })?;
    if let Op::Conv1D { activation, .. } | Op::EmbeddingConv1D { activation, .. } | Op::EmbeddingConv1DInt8 { activation, .. } =
        &mut model.layers[i].op
    {
        *activation = Activation::Linear;
    }
    model.layers[i + 1].op = Op::GlobalMaxPool1D { activation: Activation::Relu };
    Some(format!("ReLU of {} moved past the global max pooling", model.layers[i].name))
}

/// Folds an Embedding into the Conv1D that follows it, when the folded table fits
/// `budget_bytes`: `T[v][j] = E[v] · W[j]` (computed in f64, rounded once), so that the
/// convolution over embedded tokens becomes `k` table-row additions per position instead of
/// `k × dim × filters` multiply-adds. Returns what it did, for the compile report.
pub fn fold_embedding(model: &mut NnModel, budget_bytes: usize) -> String {
    let [first, second, ..] = model.layers.as_slice() else { return "no embedding to fold".into() };
    let (Op::Embedding { table: emb }, Op::Conv1D { kernel, .. }) = (&first.op, &second.op) else {
        return "no Embedding→Conv1D pair to fold".into();
    };
    let (vocab, dim) = (emb.shape[0], emb.shape[1]);
    let (k, cin, cout) = (kernel.shape[0], kernel.shape[1], kernel.shape[2]);
    let folded_bytes = vocab * k * cout * 4;
    let unfolded_bytes = (vocab * dim + k * cin * cout) * 4;
    if folded_bytes > budget_bytes {
        return format!(
            "embedding not folded: the table would take {} KB, over the target's {} KB budget",
            folded_bytes / 1024,
            budget_bytes / 1024
        );
    }
    let mut table = vec![0f32; vocab * k * cout];
    let mut acc = vec![0f64; cout];
    for v in 0..vocab {
        let e = &emb.data[v * dim..][..dim];
        for j in 0..k {
            acc.fill(0.0);
            for (ci, &ev) in e.iter().enumerate() {
                for (a, &w) in acc.iter_mut().zip(&kernel.data[(j * cin + ci) * cout..][..cout]) {
                    *a += ev as f64 * w as f64;
                }
            }
            for (t, a) in table[(v * k + j) * cout..][..cout].iter_mut().zip(&acc) {
                *t = *a as f32;
            }
        }
    }
    let Op::Conv1D { bias, stride, dilation, padding, activation, .. } = second.op.clone() else { unreachable!() };
    let name = format!("{}+{}", first.name, second.name);
    let op = Op::EmbeddingConv1D { table: Tensor { shape: vec![vocab, k, cout], data: table }, bias, stride, dilation, padding, activation };
    model.layers.splice(0..2, [Layer { name, op }]);
    format!(
        "embedding folded into the convolution: {} KB of per-token tables (was {} KB), {}× fewer operations per position",
        folded_bytes / 1024,
        unfolded_bytes / 1024,
        dim
    )
}

/// Quantizes a folded embedding-convolution table to int8, symmetric per table row (one
/// token and tap: `scale = max |row| / 127`, round to nearest): a quarter of the memory and of
/// the memory traffic per prediction. The table's inputs are token ids, so no activation
/// calibration is involved; per-row scales keep rare, small-valued tokens precise.
pub fn quantize_tables(model: &mut NnModel) -> Option<String> {
    let layer = model.layers.first_mut()?;
    let Op::EmbeddingConv1D { table, bias, stride, dilation, padding, activation } = &layer.op else { return None };
    let [vocab, k, cout] = [table.shape[0], table.shape[1], table.shape[2]];
    let mut scales = Vec::with_capacity(vocab * k);
    let mut q = Vec::with_capacity(table.data.len());
    for row in table.data.chunks_exact(cout) {
        let max = row.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        scales.push(scale);
        q.extend(row.iter().map(|&v| (v / scale).round().clamp(-127.0, 127.0) as i8));
    }
    let bytes = q.len() + 4 * scales.len();
    layer.op = Op::EmbeddingConv1DInt8 {
        table: q,
        shape: [vocab, k, cout],
        scales,
        bias: bias.clone(),
        stride: *stride,
        dilation: *dilation,
        padding: *padding,
        activation: *activation,
    };
    Some(format!("folded table quantized to int8 with a scale per row ({} KB)", bytes / 1024))
}
