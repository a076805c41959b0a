//! Post-training int8 quantization of a network (docs/format.md §9.9).
//!
//! * Weights: symmetric, one scale per output channel (`max |w| / 127`); an embedding table,
//!   whose rows are the next layer's input, one scale for the whole table.
//! * Activations: symmetric int8, one scale per tensor, calibrated: the largest |value| the
//!   float model produced there over the calibration inputs
//!   ([`super::float_net::FloatNet::ranges`]).
//! * Arithmetic: `i32` accumulators (bias in accumulator units), then per-channel fixed-point
//!   requantization `(acc × M + 2^(s−1)) >> s` to the next int8 tensor, so the hot path needs no
//!   FPU. A layer whose activation is sigmoid, tanh or softmax, and the last layer, produce
//!   floats (dequantized accumulators, one multiply per value); a float tensor feeding an int8
//!   layer is quantized by an inserted [`Op::Quantize`].

use std::fmt::Write;

use super::{Activation, Int8, Layer, NnModel, Op, Tensor};

/// `real > 0` as `(multiplier, shift)` with `multiplier × 2^-shift ≈ real`, the multiplier in
/// `[2^30, 2^31)` where the shift range `1 ..= 62` allows (saturated beyond).
pub fn fixed_point(real: f64) -> (i32, u32) {
    if real.is_nan() || real <= 0.0 {
        return (1, 62);
    }
    if real.is_infinite() {
        return (i32::MAX, 1); // as every factor beyond 2^31 (from infinite weights)
    }
    let e = real.log2().floor() as i32 + 1; // real = f × 2^e, f in [0.5, 1)
    let shift = (31 - e).clamp(1, 62);
    let m = (real * 2f64.powi(shift)).round();
    if m >= 2f64.powi(31) {
        // Rounding reached 2^31: one bit less, or saturation at the top of the range.
        return if shift > 1 {
            (((real * 2f64.powi(shift - 1)).round() as i64).min(i32::MAX as i64) as i32, shift as u32 - 1)
        } else {
            (i32::MAX, 1)
        };
    }
    ((m as i32).max(1), shift as u32)
}

/// Symmetric int8 with one scale per output channel of a weight tensor whose last axis is the
/// output channel (`(k, in, out)`, `(in, out)`, `(vocab, k, out)`): the values and the scales.
fn per_channel(w: &Tensor) -> (Vec<i8>, Vec<f32>) {
    let cout = *w.shape.last().unwrap_or(&1);
    let mut scales = vec![0f32; cout];
    for row in w.data.chunks_exact(cout) {
        for (s, v) in scales.iter_mut().zip(row) {
            *s = s.max(v.abs() / 127.0);
        }
    }
    for s in &mut scales {
        if s.is_nan() || *s <= 0.0 {
            *s = 1.0; // an all-zero channel
        }
    }
    let q = w.data.chunks_exact(cout).flat_map(|row| row.iter().zip(&scales).map(|(v, s)| quantize_value(*v, *s))).collect();
    (q, scales)
}

fn quantize_value(v: f32, scale: f32) -> i8 {
    (v / scale).round().clamp(-127.0, 127.0) as i8
}

/// The scale of an int8 tensor whose values reach `range`.
fn activation_scale(range: f32) -> f32 {
    if range > 0.0 && range.is_finite() {
        range / 127.0
    } else {
        1.0
    }
}

/// Quantizes `model` (after the graph passes) with the activation `ranges` of [`ranges`]:
/// sets every layer's [`Int8`] form and inserts the quantize and dequantize steps. Returns
/// what it did, for the compile report, or why a layer cannot be quantized.
pub fn quantize(model: &mut NnModel, ranges: &[f32]) -> Result<String, String> {
    let n = model.layers.len();
    let mut layers = Vec::with_capacity(n + 2);
    // The scale of the current tensor if it is int8 (token ids and floats: None).
    let mut current: Option<f32> = None;
    let mut int8_layers = 0;
    let max_follows: Vec<bool> =
        (0..n).map(|i| matches!(model.layers.get(i + 1).map(|l| &l.op), Some(Op::GlobalMaxPool1D { .. }))).collect();
    for (i, mut layer) in std::mem::take(&mut model.layers).into_iter().enumerate() {
        let last = i + 1 == n;
        // The scale an int8 output of layer i takes: its range, or, when a global max pool
        // follows, the pool's (only the maximum of each channel is kept, so only its range
        // needs to be representable; smaller values clamp, which the maximum does not see).
        let out_range = if max_follows[i] { ranges[i + 2] } else { ranges[i + 1] };
        let weighted = layer.op.weights().is_some();
        if weighted && !matches!(layer.op, Op::Embedding { .. } | Op::EmbeddingConv1D { .. }) && current.is_none() {
            // A float tensor feeds an int8 layer: quantize it first.
            let scale = activation_scale(ranges[i]);
            layers.push(Layer {
                name: format!("{}/quantize", layer.name),
                op: Op::Quantize { scale },
                int8: Some(Int8 { output_i8: true, ..Int8::default() }),
            });
            current = Some(scale);
        }
        match &layer.op {
            Op::Embedding { table } => {
                let range = table.data.iter().fold(0f32, |m, v| m.max(v.abs()));
                let scale = activation_scale(range);
                let weights = table.data.iter().map(|&v| quantize_value(v, scale)).collect();
                layer.int8 = Some(Int8 { weights, output_i8: true, ..Int8::default() });
                current = Some(scale);
            }
            Op::EmbeddingConv1D { table: w, bias, activation, .. }
            | Op::Conv1D { kernel: w, bias, activation, .. }
            | Op::Dense { kernel: w, bias, activation }
            | Op::BatchNormalization { scale: w, offset: bias, activation } => {
                let input_scale = current.unwrap_or(1.0); // token ids: the table's own units
                let (weights, w_scales) = per_channel(w);
                let acc_scales: Vec<f64> = w_scales.iter().map(|&s| s as f64 * input_scale as f64).collect();
                let bias = match bias {
                    Some(b) => b
                        .iter()
                        .zip(&acc_scales)
                        .map(|(&v, &s)| (v as f64 / s).round().clamp(i32::MIN as f64, i32::MAX as f64) as i32)
                        .collect(),
                    None => Vec::new(),
                };
                // Products summed per output: a folded table adds `k` rows (one per tap).
                let terms = match &layer.op {
                    Op::EmbeddingConv1D { table, .. } => table.shape[1],
                    _ => w.data.len() / w.shape.last().copied().unwrap_or(1).max(1),
                };
                check_accumulator(&layer.name, terms, &bias)?;
                let output_i8 = !last && matches!(activation, Activation::Linear | Activation::Relu);
                let out_scale = if output_i8 { Some(activation_scale(out_range)) } else { None };
                let requant = acc_scales.iter().map(|&s| fixed_point(out_scale.map_or(s, |o| s / o as f64))).collect();
                layer.int8 = Some(Int8 {
                    weights,
                    bias,
                    requant,
                    input_i8: current.is_some() && !matches!(layer.op, Op::EmbeddingConv1D { .. }),
                    output_i8,
                });
                current = out_scale;
                int8_layers += 1;
            }
            Op::MaxPool1D { .. } | Op::AvgPool1D { .. } | Op::GlobalMaxPool1D { .. } | Op::GlobalAvgPool1D | Op::Flatten => {
                if current.is_some() {
                    layer.int8 = Some(Int8 { input_i8: true, output_i8: true, ..Int8::default() });
                }
            }
            Op::Quantize { .. } | Op::Dequantize { .. } => return Err(format!("layer `{}`: the model is already quantized", layer.name)),
        }
        layers.push(layer);
    }
    if let Some(scale) = current {
        layers.push(Layer {
            name: "output/dequantize".into(),
            op: Op::Dequantize { scale },
            int8: Some(Int8 { input_i8: true, ..Int8::default() }),
        });
    }
    model.layers = layers;
    let mut text = format!("int8: {int8_layers} layers with int8 weights (per-channel scales), int8 activations calibrated per tensor, i32 accumulators, fixed-point requantization");
    let floats: Vec<&str> = model
        .layers
        .iter()
        .filter(|l| l.int8.as_ref().is_some_and(|q| !q.output_i8) && !matches!(l.op, Op::Dequantize { .. }))
        .map(|l| l.name.as_str())
        .collect();
    if !floats.is_empty() {
        let _ = write!(text, "; float outputs (dequantized): {}", floats.join(", "));
    }
    Ok(text)
}

/// Fails when an `i32` accumulator could overflow: `terms` int8 products at ±127 × ±127, plus
/// the bias.
fn check_accumulator(name: &str, terms: usize, bias: &[i32]) -> Result<(), String> {
    let worst = terms as i64 * 127 * 127 + bias.iter().map(|b| (*b as i64).abs()).max().unwrap_or(0);
    if worst > i32::MAX as i64 {
        return Err(format!(
            "layer `{name}`: {terms} int8 products per output could overflow a 32-bit accumulator; compile with --numeric float"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_point_represents_the_factor() {
        for real in [1e-9, 3.7e-5, 0.004, 0.5, 0.75, 1.0, 1.5, 1234.5] {
            let (m, s) = fixed_point(real);
            assert!((1..=62).contains(&s) && m > 0);
            let back = m as f64 * 2f64.powi(-(s as i32));
            assert!((back - real).abs() <= real * 1e-9, "{real} → {m} × 2^-{s} = {back}");
            assert!(m >= 1 << 30, "{real}: multiplier {m} not normalised");
        }
        assert_eq!(fixed_point(2f64.powi(40)), (i32::MAX, 1));
        assert_eq!(fixed_point(0.0), (1, 62));
        assert_eq!(fixed_point(f64::INFINITY), (i32::MAX, 1));
        assert_eq!(fixed_point(f64::NAN), (1, 62));
    }

    #[test]
    fn per_channel_scales_follow_each_output() {
        let w = Tensor { shape: vec![2, 2], data: vec![1.0, -0.5, -2.0, 0.25] };
        let (q, s) = per_channel(&w);
        assert_eq!(s, vec![2.0 / 127.0, 0.5 / 127.0]);
        assert_eq!(q, vec![64, -127, -127, 64]);
    }
}
