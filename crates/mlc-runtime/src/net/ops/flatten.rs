//! [`Op::Flatten`](mlc_format::net::Op::Flatten): `(length, channels)` → `(1, length ·
//! channels)`, the same values in the same order (channels last, as Keras flattens).

use mlc_format::net::LayerRecord;

use super::{any_params, int8, int8_mut, Io, OpKernels, Params};
use crate::net::activation;

pub(super) const KERNELS: OpKernels = OpKernels { check, check_params: any_params, run };

/// One position of every value; no weights.
fn check(l: &LayerRecord) -> Option<u64> {
    (l.out_len == 1 && l.out_ch as u64 == l.in_len as u64 * l.in_ch as u64).then_some(0)
}

fn run(l: &LayerRecord, _: Option<&LayerRecord>, _: &Params<'_>, io: Io<'_>) {
    let n = l.in_values();
    if l.dtype.in_i8() {
        let y = int8_mut(io.y, n);
        y.copy_from_slice(int8(io.x, n));
        activation::apply_i8(l.activation, y);
    } else {
        let y = &mut io.y[..n];
        y.copy_from_slice(&io.x[..n]);
        activation::apply(l.activation, y, l.out_ch as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run_float, run_int8};
    use super::*;
    use mlc_format::net::{DType, Op};

    #[test]
    fn same_values_in_the_same_order() {
        let l = LayerRecord::new(Op::Flatten, (2, 3), (1, 6));
        assert_eq!(check(&l), Some(0));
        assert_eq!(run_float(&l, &[], &[], &[], &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let q = LayerRecord { dtype: DType::Int8InOut, ..l };
        assert_eq!(run_int8(&q, &Params::default(), &[], &[-1, 2, -3, 4, -5, 6]), [-1.0, 2.0, -3.0, 4.0, -5.0, 6.0]);
        assert_eq!(check(&LayerRecord::new(Op::Flatten, (2, 3), (1, 5))), None);
    }
}
