//! Where a sliding-window layer reads its input (docs/format.md §9.3, "Taps"), and the start
//! of an accumulator row.

use mlc_format::net::LayerRecord;

/// Input position of output `o`, tap `j` of a convolution, if inside the input.
#[inline(always)]
pub(super) fn tap(l: &LayerRecord, o: usize, j: usize) -> Option<usize> {
    let at = o.checked_mul(l.stride as usize)?.checked_add(j.checked_mul(l.dilation as usize)?)?;
    let p = at.checked_sub(l.pad_left as usize)?;
    (p < l.in_len as usize).then_some(p)
}

/// Input position of output `o`, tap `j` of a pooling layer (no dilation), if inside the input.
#[inline(always)]
pub(super) fn pool_tap(l: &LayerRecord, o: usize, j: usize) -> Option<usize> {
    let p = o.checked_mul(l.stride as usize)?.checked_add(j)?.checked_sub(l.pad_left as usize)?;
    (p < l.in_len as usize).then_some(p)
}

/// Starts a row of float accumulators: the bias, or zeros.
pub(super) fn start(acc: &mut [f32], bias: &[f32]) {
    if bias.is_empty() {
        acc.fill(0.0);
    } else {
        acc.copy_from_slice(bias);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mlc_format::net::Op;

    #[test]
    fn taps_by_hand() {
        // Kernel 3, stride 2, dilation 2, one position of padding before 5 inputs:
        // output 1 reads 1·2 + j·2 − 1 = 1, 3, 5 → 5 is past the input.
        let l = LayerRecord { window: 3, stride: 2, dilation: 2, pad_left: 1, ..LayerRecord::new(Op::Conv1D, (5, 1), (2, 1)) };
        assert_eq!([0, 1, 2].map(|j| tap(&l, 1, j)), [Some(1), Some(3), None]);
        assert_eq!([0, 1, 2].map(|j| tap(&l, 0, j)), [None, Some(1), Some(3)]);
        // Pooling ignores the dilation: 1·2 + j − 1 = 1, 2, 3.
        assert_eq!([0, 1, 2].map(|j| pool_tap(&l, 1, j)), [Some(1), Some(2), Some(3)]);
    }
}
