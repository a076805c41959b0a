//! Graph passes on the network IR, in the spirit of SageMaker Neo. Dropout is already gone
//! (the importer drops it: identity at inference).

use super::{Activation, Layer, NnModel, Op, Padding, Tensor};

/// Sequence length entering each layer (and, last, the output's), for the passes' checks.
fn lengths(model: &NnModel) -> Vec<usize> {
    let mut len = model.input.shape().0 as usize; // a vector: 1
    let mut out = vec![len];
    for l in &model.layers {
        len = l.op.out_len(len);
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
                Op::Conv1D { activation: Activation::Relu, .. } | Op::EmbeddingConv1D { activation: Activation::Relu, .. },
                Op::GlobalMaxPool1D { activation: Activation::Linear }
            )
        )
    })?;
    if let Op::Conv1D { activation, .. } | Op::EmbeddingConv1D { activation, .. } = &mut model.layers[i].op {
        *activation = Activation::Linear;
    }
    model.layers[i + 1].op = Op::GlobalMaxPool1D { activation: Activation::Relu };
    Some(format!("ReLU of {} moved past the global max pooling", model.layers[i].name))
}

/// Folds an Embedding into the Conv1D that follows it, when the folded table fits
/// `budget_bytes`: `T[v][j] = E[v] · W[j]` (computed in f64, rounded once), so that the
/// convolution over embedded tokens becomes `k` table-row additions per position instead of
/// `k × dim × filters` multiply-adds. `weight_bytes` is the size of a stored weight (4 for
/// float, 1 for int8). Returns what it did, for the compile report.
pub fn fold_embedding(model: &mut NnModel, budget_bytes: usize, weight_bytes: usize) -> String {
    let [first, second, ..] = model.layers.as_slice() else { return "no embedding to fold".into() };
    let (Op::Embedding { table: emb }, Op::Conv1D { kernel, .. }) = (&first.op, &second.op) else {
        return "no Embedding→Conv1D pair to fold".into();
    };
    let (vocab, dim) = (emb.shape[0], emb.shape[1]);
    let (k, cin, cout) = (kernel.shape[0], kernel.shape[1], kernel.shape[2]);
    let folded_bytes = vocab * k * cout * weight_bytes;
    let unfolded_bytes = (vocab * dim + k * cin * cout) * weight_bytes;
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
    let op =
        Op::EmbeddingConv1D { table: Tensor { shape: vec![vocab, k, cout], data: table }, bias, stride, dilation, padding, activation };
    model.layers.splice(0..2, [Layer::new(name, op)]);
    format!(
        "embedding folded into the convolution: {} KB of per-token tables (was {} KB), {}× fewer operations per position",
        folded_bytes / 1024,
        unfolded_bytes / 1024,
        dim
    )
}

/// Folds every `BatchNormalization` that directly follows an embedding, or a convolution or
/// dense layer without activation, into that layer's weights: `W′[…][c] = W[…][c] · s[c]` and
/// `b′[c] = b[c] · s[c] + o[c]` for scale `s` and offset `o` (an embedding's rows get the offset
/// too: `E′[v][c] = E[v][c] · s[c] + o[c]`), in f64, rounded once; a convolution or dense layer
/// takes over the normalization's activation (a Keras `Activation` after it). The
/// normalization then costs nothing at run time. One that follows anything else (an
/// activation, pooling; an embedding where it has an activation) stays a layer.
/// Returns what it did, one line per folded layer.
pub fn fold_batch_norm(model: &mut NnModel) -> Vec<String> {
    let mut done = Vec::new();
    let mut i = 1;
    while i < model.layers.len() {
        let Op::BatchNormalization { scale, offset, activation: after } = &model.layers[i].op else {
            i += 1;
            continue;
        };
        let (s, o, after) = (scale.data.clone(), offset.clone(), *after);
        let folded = match &mut model.layers[i - 1].op {
            Op::Embedding { table } if after == Activation::Linear => {
                scale_last_axis(table, &s);
                if let Some(o) = &o {
                    for row in table.data.chunks_exact_mut(o.len()) {
                        row.iter_mut().zip(o).for_each(|(v, o)| *v = (*v as f64 + *o as f64) as f32);
                    }
                }
                true
            }
            Op::Conv1D { kernel: w, bias, activation: activation @ Activation::Linear, .. }
            | Op::EmbeddingConv1D { table: w, bias, activation: activation @ Activation::Linear, .. }
            | Op::Dense { kernel: w, bias, activation: activation @ Activation::Linear } => {
                *activation = after;
                scale_last_axis(w, &s);
                let b: Vec<f32> = (0..s.len())
                    .map(|c| {
                        let b = bias.as_ref().map_or(0.0, |b| b[c] as f64);
                        (b * s[c] as f64 + o.as_ref().map_or(0.0, |o| o[c] as f64)) as f32
                    })
                    .collect();
                *bias = Some(b);
                true
            }
            _ => false,
        };
        if folded {
            let bn = model.layers.remove(i);
            done.push(format!("{} folded into {}", bn.name, model.layers[i - 1].name));
        } else {
            i += 1;
        }
    }
    done
}

/// Multiplies every value of `t` by the scale of its last index (its output channel).
fn scale_last_axis(t: &mut Tensor, s: &[f32]) {
    for row in t.data.chunks_exact_mut(s.len()) {
        row.iter_mut().zip(s).for_each(|(v, s)| *v = (*v as f64 * *s as f64) as f32);
    }
}
