//! The operations that compute rows of per-output-channel accumulators — convolutions and
//! dense layers — share this driver: rows into the output (float), or rows of `i32`
//! accumulators finished by requantization (int8), and the fusion of a convolution with the
//! global max pooling after it (docs/format.md §9.5), which never stores the convolution's
//! output.

use mlc_format::net::LayerRecord;

use super::{int8_mut, Io, Params};
use crate::net::{activation, quant};

/// An accumulating layer's rows.
pub(super) trait Rows {
    /// Float accumulators of output row `o` (bias included) into `acc` (`out_ch` values).
    fn row_f32(&self, o: usize, acc: &mut [f32]);
    /// Int8 accumulators of output row `o` (bias included) into `acc` (`out_ch` values).
    fn row_i32(&self, o: usize, acc: &mut [i32]);
    /// The maximum over all output rows of the `i32` accumulators into `max`, if the
    /// operation has a faster way than row by row (`spare`: a row of scratch); else `false`.
    fn max_i32(&self, _max: &mut [i32], _spare: &mut [i32]) -> bool {
        false
    }
    /// Whether int8 output row `o` reads exactly the input of row `o − 1` (so has the same
    /// accumulators: a run of padding tokens); the maximum skips such rows.
    fn repeats_i32(&self, _o: usize) -> bool {
        false
    }
}

/// Runs the accumulating layer `l` through `rows`, and the global max pooling `fused` after it.
pub(super) fn run(l: &LayerRecord, fused: Option<&LayerRecord>, p: &Params<'_>, io: Io<'_>, rows: &impl Rows) {
    let cout = l.out_ch as usize;
    let (y, acc) = (io.y, io.acc);
    if !l.dtype.q_weights() {
        match fused {
            Some(next) => {
                let (m, r) = acc[..2 * cout].split_at_mut(cout);
                m.fill(f32::NEG_INFINITY);
                for o in 0..l.out_len as usize {
                    rows.row_f32(o, r);
                    activation::apply(l.activation, r, cout);
                    m.iter_mut().zip(r.iter()).for_each(|(m, &v)| *m = m.max(v));
                }
                y[..cout].copy_from_slice(m);
                activation::apply(next.activation, &mut y[..cout], cout);
            }
            None => {
                let y = &mut y[..l.out_values()];
                y.chunks_exact_mut(cout).enumerate().for_each(|(o, acc)| rows.row_f32(o, acc));
                activation::apply(l.activation, y, cout);
            }
        }
        return;
    }
    let acc: &mut [i32] = bytemuck::cast_slice_mut(acc);
    let out8 = l.dtype.out_i8();
    // Writes a row of accumulators as the layer's output row `o`.
    let finish = |y: &mut [f32], o: usize, acc: &[i32]| {
        if out8 {
            quant::finish_i8(acc, p.requant, l.activation, &mut int8_mut(y, (o + 1) * cout)[o * cout..]);
        } else {
            quant::finish_f32(acc, p.requant, l.activation, &mut y[o * cout..][..cout]);
        }
    };
    match fused {
        // The maximum of the accumulators, then one requantization: requantization,
        // dequantization, identity and ReLU are monotone, so this equals the maximum of the
        // finished rows.
        Some(next) => {
            let (m, r) = acc[..2 * cout].split_at_mut(cout);
            if !rows.max_i32(m, r) {
                m.fill(i32::MIN);
                for o in (0..l.out_len as usize).filter(|&o| !rows.repeats_i32(o)) {
                    rows.row_i32(o, r);
                    m.iter_mut().zip(r.iter()).for_each(|(m, &v)| *m = (*m).max(v));
                }
            }
            finish(y, 0, m);
            if out8 {
                activation::apply_i8(next.activation, int8_mut(y, cout));
            } else {
                activation::apply(next.activation, &mut y[..cout], cout);
            }
        }
        None => {
            for o in 0..l.out_len as usize {
                rows.row_i32(o, &mut acc[..cout]);
                finish(y, o, &acc[..cout]);
            }
        }
    }
}

/// For an accumulating layer's `check_params`: with int8 weights, every requantization pair
/// is usable (multiplier > 0, shift in 1 ..= 62: the products and rounding fit `i64`).
pub(super) fn check_requant(l: &LayerRecord, p: &Params<'_>) -> Result<(), &'static str> {
    if l.dtype.q_weights() && p.requant.chunks_exact(2).any(|q| q[0] <= 0 || !(1..=62).contains(&q[1])) {
        return Err("requantization values out of range");
    }
    Ok(())
}
