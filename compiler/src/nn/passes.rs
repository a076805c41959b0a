//! Graph passes on the network IR, in the spirit of SageMaker Neo. Dropout is already gone
//! (the importer drops it: identity at inference).

use super::{Layer, NnModel, Op, Tensor};

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
