//! Float kernels (§9.3 of docs/format.md). Every index is in range by the loader's checks.

use mlc_format::net::{Activation, LayerRecord, Op};

use crate::math::expf;

pub(super) fn embedding(ids: &[u32], table: &[f32], dim: usize, y: &mut [f32]) {
    for (row, &id) in y.chunks_exact_mut(dim).zip(ids) {
        row.copy_from_slice(&table[id as usize * dim..][..dim]);
    }
}

/// Input position of output `o`, tap `j` of a convolution, if inside the input.
pub(super) fn tap(l: &LayerRecord, o: usize, j: usize) -> Option<usize> {
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

/// Input position of output `o`, tap `j` of a pooling layer (no dilation), if inside the input.
pub(super) fn pool_tap(l: &LayerRecord, o: usize, j: usize) -> Option<usize> {
    let p = o.checked_mul(l.stride as usize)?.checked_add(j)?.checked_sub(l.pad_left as usize)?;
    (p < l.in_len as usize).then_some(p)
}

/// The bias, or zeros.
pub(super) fn start(acc: &mut [f32], bias: &[f32]) {
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

pub(super) fn pool(l: &LayerRecord, x: &[f32], y: &mut [f32]) {
    let ch = l.in_ch as usize;
    for (o, out) in y.chunks_exact_mut(ch).enumerate() {
        let max = l.op == Op::MaxPool1D;
        out.fill(if max { f32::NEG_INFINITY } else { 0.0 });
        let mut count = 0usize;
        for j in 0..l.window as usize {
            let Some(p) = pool_tap(l, o, j) else { continue };
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
    let max = l.op == Op::GlobalMaxPool1D;
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
pub(super) fn activate(act: Activation, y: &mut [f32], channels: usize) {
    match act {
        Activation::Relu => y.iter_mut().for_each(|v| *v = v.max(0.0)),
        Activation::Sigmoid => y.iter_mut().for_each(|v| *v = 1.0 / (1.0 + expf(-*v))),
        Activation::Tanh => y.iter_mut().for_each(|v| *v = 1.0 - 2.0 / (expf(2.0 * *v) + 1.0)),
        Activation::Softmax => {
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
        Activation::Linear => {}
    }
}
