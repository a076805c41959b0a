//! How the batch bitvector kernels cut a batch: tiles of several row blocks (features
//! transposed once per tile), then the remaining whole blocks one by one. Rows that fill no
//! block are the caller's (the single-row path).

/// Calls `tile` on each run of `blocks` blocks of `block` rows of `rows` (`features` values per
/// row) with its part of `out` (one value per row), then `one` on each whole block left.
pub(crate) fn for_tiles(
    rows: &[f32],
    out: &mut [f32],
    features: usize,
    block: usize,
    blocks: usize,
    mut tile: impl FnMut(&[f32], &mut [f32]),
    mut one: impl FnMut(&[f32], &mut [f32]),
) {
    let tiled = out.len() / (blocks * block) * blocks * block;
    let (rows_tiles, rows_rest) = rows.split_at(tiled * features);
    let (out_tiles, out_rest) = out.split_at_mut(tiled);
    for (r, o) in rows_tiles.chunks_exact(blocks * block * features).zip(out_tiles.chunks_exact_mut(blocks * block)) {
        tile(r, o);
    }
    for (r, o) in rows_rest.chunks_exact(block * features).zip(out_rest.chunks_exact_mut(block)) {
        one(r, o);
    }
}

/// A batch kernel's margins of exactly its blocks of rows (`forest`, rows, features, base, out).
pub(crate) type Blocks = unsafe fn(&super::complete::Forest<'_>, &[f32], usize, f32, &mut [f32]);

/// A batch kernel as [`margins`] drives it.
pub(crate) struct Kernel {
    /// Rows per block (one vector of rows).
    pub block: usize,
    /// Blocks per tile (features transposed once per tile).
    pub blocks: usize,
    /// The margins of one tile.
    pub tile: Blocks,
    /// The margins of one block.
    pub one: Blocks,
}

/// The margins of `rows` (a whole number of blocks, `features` values per row) into `out`,
/// starting from `base`, through `kernel`: its `tile` on runs of blocks, its `one` on each
/// block left ([`for_tiles`]).
///
/// # Safety
/// `kernel`'s functions must be safe to call on such rows on this CPU (their contract).
pub(crate) unsafe fn margins(
    forest: &super::complete::Forest<'_>,
    rows: &[f32],
    features: usize,
    base: f32,
    out: &mut [f32],
    kernel: Kernel,
) {
    assert!(rows.len() == out.len() * features && out.len().is_multiple_of(kernel.block));
    for_tiles(
        rows,
        out,
        features,
        kernel.block,
        kernel.blocks,
        // SAFETY: the caller's contract, for whole tiles.
        |r, o| unsafe { (kernel.tile)(forest, r, features, base, o) },
        // SAFETY: as above, one block at a time.
        |r, o| unsafe { (kernel.one)(forest, r, features, base, o) },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_then_blocks_then_nothing() {
        // 2 features, blocks of 2 rows, tiles of 2 blocks: 11 rows = 2 tiles + 1 block + 1 row.
        let mut rows = [0f32; 22];
        rows.iter_mut().enumerate().for_each(|(i, v)| *v = i as f32);
        let mut out = [0f32; 11];
        // (first value, rows' values, outputs) of each call, in order.
        let (mut tiles, mut blocks) = ([(0.0, 0, 0); 3], [(0.0, 0, 0); 3]);
        let (mut t, mut b) = (0, 0);
        let tile = |r: &[f32], o: &mut [f32]| {
            tiles[t] = (r[0], r.len(), o.len());
            t += 1;
            o.fill(1.0)
        };
        let one = |r: &[f32], o: &mut [f32]| {
            blocks[b] = (r[0], r.len(), o.len());
            b += 1;
            o.fill(2.0)
        };
        for_tiles(&rows, &mut out, 2, 2, 2, tile, one);
        assert_eq!(tiles, [(0.0, 8, 4), (8.0, 8, 4), (0.0, 0, 0)]);
        assert_eq!(blocks, [(16.0, 4, 2), (0.0, 0, 0), (0.0, 0, 0)]);
        assert_eq!(out, [1., 1., 1., 1., 1., 1., 1., 1., 2., 2., 0.]);
    }
}
