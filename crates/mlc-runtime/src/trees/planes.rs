//! x86-64 batch kernel with AVX-512: bit planes over blocks of 256 rows.
//!
//! Uses the model's rank index (format 1.3, see `super::ranks`): every distinct threshold
//! `t_j` of a feature `f` (lane `j` of `f`'s chunks) is one node decision shared by all the
//! nodes that split on it. Per block of [`ROWS`] rows:
//!
//! 1. The rows' features are transposed to columns, 16 rows at a time (16×16 shuffles; a block
//!    of 16 features with at most [`GATHER_COLUMNS`] used ones is gathered instead).
//! 2. Every threshold becomes a *bit plane* over the block: bit `r` is `t_j <= x[f][r]` (16
//!    rows per comparison, four comparisons per threshold and 64 rows, their masks one 64-bit
//!    word of the plane; a missing value gives 0, i.e. left). Each used feature also gets a
//!    plane of its missing values (all zero, without a test per column, where the sum of a
//!    group's used columns is not NaN).
//! 3. Per tree, the exit leaf of every row is computed *bit-sliced*: leaf bit `D − 1` is the
//!    root's plane, and the bit of level `l` selects, row by row, among the planes of the `2^l`
//!    nodes of that level with the bits above (a tree of `2^l − 1` bitwise selects, one
//!    `vpternlogq` each over 256 rows). A node whose missing values go right reads its plane
//!    or-ed with its feature's missing plane (only in blocks that have a missing value);
//!    padding nodes read a zero plane.
//! 4. The `D` leaf-bit planes become one leaf index byte per row (a byte permutation and a
//!    GF(2) affine transform transpose 8×8 bit blocks, 64 rows at a time), the leaf values are
//!    looked up from registers (two `vpermt2ps` and a blend on the root's plane per 16 rows
//!    for depth 6; the permutes read the low byte of each 32-bit lane, so the bytes serve rows
//!    `4i`, `4i + 1`, … by shifts, and the sums are put back in row order once per block) and
//!    added to the rows' margins tree by tree, in tree order, in `f32`: margins are
//!    bit-identical to the walk.
//!
//! A last partial block is evaluated like a whole one (rows past its end are zeros, never
//! stored). An index the compiler did not write (thresholds not ascending, a feature's chunks
//! apart) gives wrong margins but stays in bounds, as with the bit kernel.
//!
//! Which plane each node reads depends on the model alone: a call of more than one block finds
//! it once for the first [`PRE_TREES`] trees, not in every block.
//!
//! Stack use: about 40 KiB per call (833 planes of 32 bytes, for up to [`MAX_CHUNKS`] chunks,
//! the 64 features and a zero plane, of which only those the model's nodes can read are zeroed;
//! a 4 KiB column buffer; 8 KiB of node planes; the block's margins); no heap.

use core::arch::x86_64::*;
use core::mem::MaybeUninit;

use mlc_format::records::{RankChunk, RANK_CHUNK, RANK_DEFAULT_LEFT};

use super::avx512::{leaf_table, transpose16, transpose_lanes, transpose_within_lanes};
use super::columns::Columns;
use super::complete::{Forest, Ranks};

/// Rows per block (one bit each in a 256-bit plane).
pub(crate) const ROWS: usize = 256;
/// Fewest rows worth a partial block of a forest of depth `depth`: its per-tree steps cost as
/// much as a whole block's (`2^depth − 1` selects a tree), so fewer rows are faster through the
/// 16-row kernels. Measured on the churn models (`churn_bench`, batch per state, ~33 rows a
/// state, mostly depth ≤ 4): 16 instead of 64 took 45 → 33 ns/row; 8 and 1 were no better.
pub(crate) fn partial_min(depth: u32) -> usize {
    if depth <= 4 {
        16
    } else {
        64
    }
}
/// Groups of 16 rows per block (one comparison each).
const GROUPS: usize = ROWS / 16;
/// Most rank chunks (16 thresholds each) handled: the planes live on the stack.
pub(crate) const MAX_CHUNKS: usize = 48;
/// Used columns of a block of 16 features up to which they are gathered rather than
/// transposed.
const GATHER_COLUMNS: usize = 4;
/// Plane index of feature `f`'s missing values: `NAN_BASE + f`.
const NAN_BASE: usize = MAX_CHUNKS * RANK_CHUNK;
/// Index of the all-zero plane (padding nodes, and missing values going left).
const ZERO: usize = NAN_BASE + 64;
/// Planes in all.
const PLANES: usize = ZERO + 1;

/// One bit per row of a block: bit `r` of word `g` is row `16g + r`.
#[repr(C, align(32))]
#[derive(Clone, Copy)]
struct Plane([u16; GROUPS]);

/// Whether [`margins`] may run for `forest` with `features` inputs on this CPU: the model has
/// a rank index of at most [`MAX_CHUNKS`] chunks.
pub(crate) fn usable(forest: &Forest<'_>, features: usize) -> bool {
    forest.ranks.is_some_and(|r| r.chunks.len() <= MAX_CHUNKS) && features <= 64 && super::cpu::avx512_planes()
}

/// Level-order node `p` of a depth-6 tree ← its byte in a `RankTree` (byte 63, unused, for
/// `p = 63`).
const LEVEL_ORDER: [u8; 64] = {
    let mut t = [63u8; 64];
    let mut p = 0;
    while p < 63 {
        t[p] = if p < 7 {
            (8 * p + 7) as u8
        } else {
            // `rank_byte`, which is not `const`; checked against it in the tests.
            let level = (usize::BITS - 1 - (p + 1).leading_zeros()) as usize;
            let k = p + 1 - (1 << level);
            let sub = level - 3;
            (8 * (k >> sub) + (1 << sub) - 1 + (k & ((1 << sub) - 1))) as u8
        };
        p += 1;
    }
    t
};

/// Which planes the compare step writes and nodes may name. Per chunk: its lanes up to its
/// last threshold (the rest hold NaN: not compared, their planes never written). Per feature:
/// the plane of its first threshold and how many of its thresholds have planes: its first
/// chunk's lanes, and those of the chunks right after it while the chunks before are full (a
/// compiler-written index has nothing else; a node that names a threshold beyond reads
/// [`ZERO`], as padding nodes do).
struct Features {
    /// `start[f]`: plane of `f`'s threshold 0.
    start: [u16; 64],
    /// `count[f]`: `f`'s thresholds with planes, `start[f] ..` (≤ 15 chunks per feature, the
    /// loader's limit: ≤ 240).
    count: [u16; 64],
    /// Features that have chunks (bit `f`).
    used: u64,
    /// `lanes[c]`: chunk `c`'s lanes up to its last threshold.
    lanes: [u8; MAX_CHUNKS],
}

impl Features {
    #[target_feature(enable = "avx512f")]
    fn new(ranks: &Ranks<'_>) -> Self {
        let mut t = Features { start: [0; 64], count: [0; 64], used: 0, lanes: [0; MAX_CHUNKS] };
        for (c, chunk) in ranks.chunks.iter().enumerate().take(MAX_CHUNKS) {
            // SAFETY: a chunk holds 16 `u32`s, read unaligned.
            let thresholds = unsafe { _mm512_loadu_ps(chunk.thresholds.as_ptr() as *const f32) };
            let present = !_mm512_cmp_ps_mask::<_CMP_UNORD_Q>(thresholds, thresholds);
            let lanes = (16 - present.leading_zeros()) as u16;
            t.lanes[c] = lanes as u8;
            let (f, plane) = (chunk.feature as usize & 63, (c * RANK_CHUNK) as u16);
            if t.used >> f & 1 == 0 {
                (t.start[f], t.count[f]) = (plane, lanes);
                t.used |= 1 << f;
            } else if t.start[f] + t.count[f] == plane {
                // Right after a full chunk of `f`.
                t.count[f] += lanes;
            }
        }
        t
    }

    /// Whether the compare step writes plane `i`: a chunk's lane up to its last threshold, a
    /// used feature's missing values, or [`ZERO`] (set once).
    fn written(&self, i: usize) -> bool {
        let lane = i < NAN_BASE && (i % RANK_CHUNK) < self.lanes[i / RANK_CHUNK] as usize;
        lane || i == ZERO || (NAN_BASE..ZERO).contains(&i) && self.used >> (i - NAN_BASE) & 1 != 0
    }
}

/// `sel ? b : a`, bit by bit.
#[target_feature(enable = "avx512f,avx512vl")]
#[inline]
fn select(sel: __m256i, a: __m256i, b: __m256i) -> __m256i {
    _mm256_ternarylogic_epi64::<0xD8>(a, b, sel)
}

/// Byte indices that put, for 64 rows starting at row `64q` of a block, byte `k` (rows
/// `64q + 8k ..`) of leaf-bit plane `p` at byte `8k + 7 − p`: planes 0–3 from two registers
/// (`a`, planes 0–1 and 2–3) and planes 4–5 from a third (`b`).
const fn gather_indices(q: usize) -> ([u8; 64], [u8; 64]) {
    let (mut a, mut b) = ([0u8; 64], [0u8; 64]);
    let mut k = 0;
    while k < 8 {
        let mut p = 0;
        while p < 6 {
            let at = 8 * k + 7 - p;
            let src = (32 * (p % 2) + 8 * q + k) as u8;
            if p < 4 {
                a[at] = src + 64 * (p / 2) as u8;
            } else {
                b[at] = src;
            }
            p += 1;
        }
        k += 1;
    }
    (a, b)
}

/// Bytes of each qword that [`gather_indices`]' `a` fills (planes 0–3).
const LOW_PLANES: u64 = 0xF0F0_F0F0_F0F0_F0F0;
/// Bytes of each qword that [`gather_indices`]' `b` fills (planes 4–5).
const HIGH_PLANES: u64 = 0x0C0C_0C0C_0C0C_0C0C;
/// `gf2p8affineqb` operand whose byte `j` of each qword is `1 << j`: with an 8×8 bit matrix as
/// the other operand, byte `j` of the result gathers bit `j` of the matrix's bytes (bit `i`
/// from byte `7 − i`).
const UNIT_BYTES: i64 = 0x8040_2010_0804_0201u64 as i64;

/// The per-call state: feature tables, leaf-bit gather indices.
struct Consts {
    /// Per-feature plane tables as 16-bit lanes: start (features 0–31, 32–63), count.
    start: [__m512i; 2],
    count: [__m512i; 2],
    /// [`gather_indices`] for `q = 0..4`.
    gather: [(__m512i, __m512i); 4],
}

/// A tree's node planes (see [`node_planes`]).
#[derive(Clone, Copy)]
struct NodePlanes {
    /// Node `i`'s plane (level order), as a byte offset in the planes.
    idx: [u16; 64],
    /// The missing-value plane node `i` ors in (only written with `NAN`).
    nidx: [u16; 64],
}

/// Trees whose [`NodePlanes`] a call of more than one block computes once (they depend on the
/// model alone), not in every block: 8 KiB of stack. The trees after them, and all trees of a
/// one-block call (a bundle's small models), get theirs in every block.
const PRE_TREES: usize = 32;

/// The planes of the nodes of `tree` in level order (and, with `NAN`, the missing-value plane
/// each node ors in: its feature's, or [`ZERO`] where missing values go left), as byte offsets
/// in the planes ([`Planes::load`]; 32 bytes a plane). Every offset names a plane [`Planes`]
/// initialized, whatever the codes and ranks, and none is past [`ZERO`]'s (clamped here, so
/// that loads need no bounds check). Trees of depth `D` ≤ 5 have at most 31 nodes: only
/// `idx[..32]` and `nidx[..32]` are written.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vbmi")]
#[inline]
fn node_planes<const D: usize, const NAN: bool>(c: &Consts, codes: &[u8; 64], ranks: &[u8; 64], out: &mut NodePlanes) {
    let NodePlanes { idx, nidx } = out;
    // SAFETY: 64-byte unaligned loads of 64-byte arrays.
    let (codes, ranks) = unsafe { (_mm512_loadu_si512(codes.as_ptr() as *const _), _mm512_loadu_si512(ranks.as_ptr() as *const _)) };
    // SAFETY: as above.
    let order = unsafe { _mm512_loadu_si512(LEVEL_ORDER.as_ptr() as *const _) };
    let codes = _mm512_permutexvar_epi8(order, codes);
    let ranks = _mm512_permutexvar_epi8(order, ranks);
    let zero = _mm512_set1_epi16(ZERO as i16);
    // Nodes 0–31 in level order, and 32–62 for trees of depth 6.
    for h in 0..if D <= 5 { 1 } else { 2 } {
        let (code, j) = if h == 0 {
            (_mm512_cvtepu8_epi16(_mm512_castsi512_si256(codes)), _mm512_cvtepu8_epi16(_mm512_castsi512_si256(ranks)))
        } else {
            (_mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64::<1>(codes)), _mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64::<1>(ranks)))
        };
        let f = _mm512_and_si512(code, _mm512_set1_epi16(63));
        let start = _mm512_permutex2var_epi16(c.start[0], f, c.start[1]);
        let count = _mm512_permutex2var_epi16(c.count[0], f, c.count[1]);
        // Padding nodes (rank 255) and thresholds outside the index read the zero plane.
        let valid = _mm512_cmplt_epu16_mask(j, count);
        let plane = _mm512_mask_blend_epi16(valid, zero, _mm512_add_epi16(start, j));
        // SAFETY: 32 `u16`s at `32h` of 64.
        unsafe { _mm512_storeu_si512(idx.as_mut_ptr().add(32 * h) as *mut _, offsets(plane)) };
        if NAN {
            let right = valid & !_mm512_test_epi16_mask(code, _mm512_set1_epi16(RANK_DEFAULT_LEFT as i16));
            let nan = _mm512_mask_blend_epi16(right, zero, _mm512_add_epi16(f, _mm512_set1_epi16(NAN_BASE as i16)));
            // SAFETY: as above.
            unsafe { _mm512_storeu_si512(nidx.as_mut_ptr().add(32 * h) as *mut _, offsets(nan)) };
        }
    }
}

/// Byte offsets of 32 plane indices, each clamped to [`ZERO`] (`ZERO × 32` fits a `u16`).
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn offsets(planes: __m512i) -> __m512i {
    const _: () = assert!(ZERO * size_of::<Plane>() <= u16::MAX as usize);
    _mm512_slli_epi16::<5>(_mm512_min_epu16(planes, _mm512_set1_epi16(ZERO as i16)))
}

/// A block's planes. Only those the compare step writes ([`Features::written`]) are
/// initialized, zeroed once per call (not all [`PLANES`], nor the NaN lanes of the chunks: a
/// bundle's small models take a few dozen rows per call, and zeroing cost them a good part of
/// their batch time; the rows of a partial block's groups past its end keep these zeros or
/// stale bits, never stored). [`node_planes`] only names written planes: a node's plane is
/// `start[f] + j` with `j < count[f]` (lanes of `f`'s chunks up to its last threshold), its
/// missing-value plane that of its feature `f` (which has chunks, `count[f] > 0`), all else
/// [`ZERO`].
struct Planes<'p> {
    planes: &'p mut [MaybeUninit<Plane>; PLANES],
    feats: &'p Features,
}

impl<'p> Planes<'p> {
    /// Zeroes the planes of `planes` that the compare step writes for `chunks` rank chunks
    /// described by `feats`. (The array is the caller's local: moved or made from a constant,
    /// the 26 KiB were copied or zeroed whole.)
    fn init(planes: &'p mut [MaybeUninit<Plane>; PLANES], chunks: usize, feats: &'p Features) -> Self {
        for (c, &lanes) in feats.lanes.iter().enumerate().take(chunks) {
            for p in &mut planes[c * RANK_CHUNK..c * RANK_CHUNK + lanes as usize] {
                p.write(Plane([0; GROUPS]));
            }
        }
        for (f, p) in planes[NAN_BASE..ZERO].iter_mut().enumerate() {
            if feats.used >> f & 1 != 0 {
                p.write(Plane([0; GROUPS]));
            }
        }
        planes[ZERO].write(Plane([0; GROUPS]));
        Planes { planes, feats }
    }

    /// Sets the bits of rows `16g .. 16g + 16 × G` of plane `i` (`G` = 1 or 4; `g` a multiple
    /// of `G`): word `k` of `bits` is group `g + k`'s.
    #[inline]
    fn set<const G: usize>(&mut self, i: usize, g: usize, bits: u64) {
        assert!((G == 1 || G == 4) && g + G <= GROUPS && g.is_multiple_of(G));
        // SAFETY: a write of `2G` bytes inside plane `i` (`Plane` is `repr(C)` `[u16; GROUPS]`,
        // aligned to 32), aligned to `2G` (`g` is a multiple of `G`); a write needs no
        // initialized memory.
        unsafe {
            let at = (self.planes[i].as_mut_ptr() as *mut u16).add(g);
            if G == 1 {
                at.write(bits as u16)
            } else {
                (at as *mut u64).write(bits)
            }
        }
    }

    /// The plane at byte offset `at` (a multiple of 32, at most `ZERO × 32`) as a vector.
    ///
    /// # Safety
    /// That plane must be initialized ([`Features::written`]): `at` comes from
    /// [`node_planes`].
    #[target_feature(enable = "avx512f,avx512vl")]
    #[inline]
    unsafe fn load(&self, at: u16) -> __m256i {
        let i = at as usize / size_of::<Plane>();
        debug_assert!((at as usize).is_multiple_of(size_of::<Plane>()) && i < PLANES && self.feats.written(i));
        // SAFETY: `at` is plane `i`'s offset, `i ≤ ZERO < PLANES` (node_planes clamps it), so
        // the 32 bytes lie within the array; `Plane` is aligned to 32, and plane `i` is
        // initialized (the caller's promise).
        unsafe { _mm256_load_si256((self.planes.as_ptr() as *const u8).add(at as usize) as *const _) }
    }
}

/// The decisions at the level of `N` nodes (`N − 1` to `2N − 2`, `node(i)` the plane of node
/// `i`), given the decisions `above` of the levels above: a tree of bitwise selects, by the
/// lowest level first.
#[target_feature(enable = "avx512f,avx512vl")]
#[inline]
fn level<const N: usize>(node: &impl Fn(usize) -> __m256i, above: &[__m256i]) -> __m256i {
    let mut v: [__m256i; N] = core::array::from_fn(|k| node(N - 1 + k));
    let mut n = N;
    for sel in above.iter().rev() {
        n /= 2;
        for m in 0..n {
            v[m] = select(*sel, v[2 * m], v[2 * m + 1]);
        }
    }
    v[0]
}

/// Adds a tree's leaves (depth `D`, values in `table`, node planes from [`node_planes`], with
/// `NAN` if they were made with it) for the first `quarters` × 64 rows of the block onto `sums`.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vbmi,gfni,bmi2")]
#[inline]
fn add_tree<const D: usize, const NAN: bool>(
    c: &Consts,
    planes: &Planes<'_>,
    nodes: &NodePlanes,
    table: &[__m512; 4],
    sums: &mut [__m512; GROUPS],
    quarters: usize,
) {
    let NodePlanes { idx, nidx } = nodes;
    // SAFETY (both loads): `idx` and `nidx` come from `node_planes`, which names readable
    // planes only (see `Planes`).
    let node = |i: usize| unsafe {
        if NAN {
            _mm256_or_si256(planes.load(idx[i]), planes.load(nidx[i]))
        } else {
            planes.load(idx[i])
        }
    };
    // bits[l]: the decision at level l (1 = right).
    let mut bits = [_mm256_setzero_si256(); 6];
    if D > 0 {
        bits[0] = node(0);
    }
    if D > 1 {
        bits[1] = level::<2>(&node, &bits[..1]);
    }
    if D > 2 {
        bits[2] = level::<4>(&node, &bits[..2]);
    }
    if D > 3 {
        bits[3] = level::<8>(&node, &bits[..3]);
    }
    if D > 4 {
        bits[4] = level::<16>(&node, &bits[..4]);
    }
    if D > 5 {
        bits[5] = level::<32>(&node, &bits[..5]);
    }
    // Leaf index bit p: the decision at level D − 1 − p.
    let plane = |p: usize| if p < D { bits[D - 1 - p] } else { _mm256_setzero_si256() };
    let z01 = _mm512_inserti64x4::<1>(_mm512_castsi256_si512(plane(0)), plane(1));
    let z23 = _mm512_inserti64x4::<1>(_mm512_castsi256_si512(plane(2)), plane(3));
    let z45 = _mm512_inserti64x4::<1>(_mm512_castsi256_si512(plane(4)), plane(5));
    let unit = _mm512_set1_epi64(UNIT_BYTES);
    let mut root = [0u64; GROUPS / 4];
    // SAFETY: 32 bytes into a 32-byte array.
    unsafe { _mm256_storeu_si256(root.as_mut_ptr() as *mut _, bits[0]) };
    for (q, (ga, gb)) in c.gather.iter().enumerate().take(quarters) {
        let m = _mm512_maskz_permutex2var_epi8(LOW_PLANES, z01, *ga, z23);
        let m = _mm512_mask_permutexvar_epi8(m, HIGH_PLANES, *gb, z45);
        // Byte r: the leaf of row 64q + r.
        let leaf = _mm512_gf2p8affine_epi64_epi8::<0>(unit, m);
        for k in 0..4 {
            // Dword i's low byte: the leaf of row 64q + 4i + k (the permutes read bits 0–4
            // only), so `sums[4q + k]` gathers rows `4i + k` (see `in_row_order`).
            let leaf = match k {
                0 => leaf,
                1 => _mm512_srli_epi32::<8>(leaf),
                2 => _mm512_srli_epi32::<16>(leaf),
                _ => _mm512_srli_epi32::<24>(leaf),
            };
            let value = match D {
                0..=4 => _mm512_permutexvar_ps(leaf, table[0]),
                5 => _mm512_permutex2var_ps(table[0], leaf, table[1]),
                // Bit 5 of the leaf, the root's decision: straight from its plane.
                _ => _mm512_mask_blend_ps(
                    _pext_u64(root[q], 0x1111_1111_1111_1111 << k) as u16,
                    _mm512_permutex2var_ps(table[0], leaf, table[1]),
                    _mm512_permutex2var_ps(table[2], leaf, table[3]),
                ),
            };
            sums[4 * q + k] = _mm512_add_ps(sums[4 * q + k], value);
        }
    }
}

/// The sums of a quarter's 64 rows in row order (16 a vector), from [`add_tree`]'s order:
/// lane `i` of `sums[k]` holds row `4i + k`. A 4 × 4 transpose within each 128-bit lane (lane
/// `L` of its `j`th vector: rows `16L + 4j ..`), then of the 128-bit lanes.
#[target_feature(enable = "avx512f")]
#[inline]
fn in_row_order(sums: [__m512; 4]) -> [__m512; 4] {
    transpose_lanes(transpose_within_lanes(sums))
}

/// Step 2 of the kernel: the planes of a block's rows from their values.
struct Compare<'c> {
    feats: &'c Features,
    chunks: &'c [RankChunk],
    /// Values per row.
    features: usize,
}

impl Compare<'_> {
    /// Sets the planes of groups `g .. g + G` of `block` (`n` rows; `G` = 1 or 4, `g` a
    /// multiple of `G`): each used feature's missing values and each chunk lane's `t ≤ x`.
    /// Returns the missing values' bits, or-ed over the groups.
    #[target_feature(enable = "avx512f,avx512bw")]
    #[inline]
    fn groups<const G: usize>(&self, block: &[f32], n: usize, g: usize, planes: &mut Planes<'_>) -> u16 {
        let Compare { feats, chunks, features } = *self;
        // Rows of group `g + b` in the block (16 but in a partial block's last group, 0 past it).
        let present = |b: usize| n.saturating_sub(16 * (g + b)).min(16);
        let lanes16 = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        let row_starts = _mm512_mullo_epi32(lanes16, _mm512_set1_epi32(features as i32));
        // Columns of rows 16(g + b) .. 16(g + b) + 16.
        let mut cols = Columns::<__m512, G>::new();
        for fb in 0..features.div_ceil(16) {
            let wanted = (feats.used >> (16 * fb)) as u16;
            if wanted.count_ones() as usize <= GATHER_COLUMNS {
                // Few columns: gather them (a transpose costs 64 shuffles).
                let mut w = wanted;
                while w != 0 {
                    let f = 16 * fb + w.trailing_zeros() as usize;
                    w &= w - 1;
                    cols.set(f..f + 1, |b, _| {
                        let at = _mm512_add_epi32(row_starts, _mm512_set1_epi32((16 * (g + b) * features + f) as i32));
                        let rows = ((1u32 << present(b)) - 1) as u16;
                        // SAFETY: for the lanes gathered, (16(g + b) + lane)·features + f <
                        // n·features ≤ block.len().
                        unsafe { _mm512_mask_i32gather_ps::<4>(_mm512_setzero_ps(), rows, at, block.as_ptr()) }
                    });
                }
                continue;
            }
            let width = (features - 16 * fb).min(16);
            let mask = ((1u32 << width) - 1) as u16;
            let t: [[__m512; 16]; G] = core::array::from_fn(|b| {
                let mut r: [__m512; 16] = core::array::from_fn(|i| {
                    if i >= present(b) {
                        return _mm512_setzero_ps();
                    }
                    let at = (16 * (g + b) + i) * features + 16 * fb;
                    // SAFETY: `width` values from `at` lie within the block's row
                    // `16(g + b) + i` (`i < present(b)`).
                    unsafe { _mm512_maskz_loadu_ps(mask, block.as_ptr().add(at)) }
                });
                transpose16(&mut r);
                r
            });
            cols.set(16 * fb..16 * fb + 16, |b, f| t[b][f - 16 * fb]);
        }
        // Missing values: a NaN anywhere in the used columns makes their sum NaN (so does
        // `inf + −inf`: then the planes are computed too). The additions run beside the
        // comparisons (other pipes on Zen 4), which are the kernel's bottleneck.
        let mut sum = [_mm512_setzero_ps(); G];
        let mut used = feats.used;
        while used != 0 {
            let f = used.trailing_zeros() as usize;
            used &= used - 1;
            for (s, x) in sum.iter_mut().zip(cols.get(f)) {
                *s = _mm512_add_ps(*s, x);
            }
        }
        let maybe = join(sum.map(|s| _mm512_cmp_ps_mask::<_CMP_UNORD_Q>(s, s))) != 0;
        let mut missing = 0;
        let mut used = feats.used;
        while used != 0 {
            let f = used.trailing_zeros() as usize;
            used &= used - 1;
            let m = if maybe { join(cols.get(f).map(|x| _mm512_cmp_ps_mask::<_CMP_UNORD_Q>(x, x))) } else { 0 };
            planes.set::<G>(NAN_BASE + f, g, m);
            missing |= m;
        }
        for (c, (chunk, &n)) in chunks.iter().zip(&feats.lanes).enumerate() {
            let x = cols.get(chunk.feature as usize & 63);
            for (j, &t) in chunk.thresholds.iter().enumerate().take(n as usize) {
                // t ≤ x: false for a missing x (and never for a NaN lane, not compared).
                let t = _mm512_set1_ps(f32::from_bits(t));
                planes.set::<G>(c * RANK_CHUNK + j, g, join(x.map(|x| _mm512_cmp_ps_mask::<_CMP_GE_OQ>(x, t))));
            }
        }
        // Or-ed over the groups: a missing value anywhere.
        (missing | missing >> 32 | missing >> 16 | missing >> 48) as u16
    }
}

/// `G` (1 or 4) 16-bit masks as one word, the first in the low bits.
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn join<const G: usize>(masks: [__mmask16; G]) -> u64 {
    if G == 1 {
        return masks[0] as u64;
    }
    let low = _mm512_kunpackw(masks[1] as u32, masks[0] as u32);
    let high = _mm512_kunpackw(masks[3] as u32, masks[2] as u32);
    _mm512_kunpackd(high as u64, low as u64)
}

/// Margins of `rows` (`features` values per row) into `out`, starting from `base`: blocks of
/// [`ROWS`] rows, the last one possibly partial (it costs about as much as a whole one in the
/// per-tree steps: callers give the kernel at least [`partial_min`] rows there).
///
/// # Safety
/// The CPU must have what `super::cpu::avx512_planes` checks, and [`usable`] must hold for
/// `forest` and `features`; `rows.len() == out.len() × features` (checked by assertions).
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vbmi,gfni,bmi2")]
pub(crate) unsafe fn margins(forest: &Forest<'_>, rows: &[f32], features: usize, base: f32, out: &mut [f32]) {
    assert!(rows.len() == out.len() * features && features <= 64);
    let Some(ranks) = forest.ranks else { return };
    assert!(ranks.chunks.len() <= MAX_CHUNKS && forest.depth <= 6 && ranks.trees.len() << forest.depth == forest.leaves.len());
    match forest.depth {
        0 => run::<0>(forest, &ranks, rows, features, base, out),
        1 => run::<1>(forest, &ranks, rows, features, base, out),
        2 => run::<2>(forest, &ranks, rows, features, base, out),
        3 => run::<3>(forest, &ranks, rows, features, base, out),
        4 => run::<4>(forest, &ranks, rows, features, base, out),
        5 => run::<5>(forest, &ranks, rows, features, base, out),
        _ => run::<6>(forest, &ranks, rows, features, base, out),
    }
}

/// [`margins`] for trees of depth `D`.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vbmi,gfni,bmi2")]
fn run<const D: usize>(forest: &Forest<'_>, ranks: &Ranks<'_>, rows: &[f32], features: usize, base: f32, out: &mut [f32]) {
    if out.len() > ROWS {
        blocks::<D, PRE_TREES>(forest, ranks, rows, features, base, out)
    } else {
        blocks::<D, 0>(forest, ranks, rows, features, base, out)
    }
}

/// [`run`] with the node planes of the first `P` trees computed once.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vbmi,gfni,bmi2")]
fn blocks<const D: usize, const P: usize>(
    forest: &Forest<'_>,
    ranks: &Ranks<'_>,
    rows: &[f32],
    features: usize,
    base: f32,
    out: &mut [f32],
) {
    let feats = Features::new(ranks);
    let table16 = |t: &[u16; 64], h: usize| {
        // SAFETY: 32 `u16`s at `32h` of 64.
        unsafe { _mm512_loadu_si512(t.as_ptr().add(32 * h) as *const _) }
    };
    let consts = Consts {
        start: [table16(&feats.start, 0), table16(&feats.start, 1)],
        count: [table16(&feats.count, 0), table16(&feats.count, 1)],
        gather: core::array::from_fn(|q| {
            let (a, b) = gather_indices(q);
            // SAFETY: 64-byte loads of 64-byte arrays.
            unsafe { (_mm512_loadu_si512(a.as_ptr() as *const _), _mm512_loadu_si512(b.as_ptr() as *const _)) }
        }),
    };
    let mut plane_memory = [const { MaybeUninit::uninit() }; PLANES];
    let mut planes = Planes::init(&mut plane_memory, ranks.chunks.len(), &feats);
    let empty = NodePlanes { idx: [0; 64], nidx: [0; 64] };
    let mut pre = [empty; P];
    for (p, tree) in pre.iter_mut().zip(ranks.trees) {
        node_planes::<D, true>(&consts, &tree.codes, &tree.ranks, p);
    }
    let mut nodes = empty;
    let compare = Compare { feats: &feats, chunks: ranks.chunks, features };
    for (block, out) in rows.chunks(ROWS * features).zip(out.chunks_mut(ROWS)) {
        // A last, partial block: its first `n` rows; later groups keep stale planes, whose
        // rows are never stored.
        let n = out.len();
        // Four groups of 16 rows at a time (one 64-bit word of each plane), then those left.
        let groups = n.div_ceil(16);
        let mut missing = 0;
        for g in (0..groups / 4 * 4).step_by(4) {
            missing |= compare.groups::<4>(block, n, g, &mut planes);
        }
        for g in groups / 4 * 4..groups {
            missing |= compare.groups::<1>(block, n, g, &mut planes);
        }
        let mut sums = [_mm512_set1_ps(base); GROUPS];
        let quarters = n.div_ceil(64);
        for (t, tree) in ranks.trees.iter().enumerate() {
            let table = leaf_table(&forest.leaves[t << D..(t + 1) << D]);
            // The tree's node planes: made once per call, or now (the missing-value planes only
            // where the block has a missing value).
            let nodes = match pre.get(t) {
                Some(made) => made,
                None if missing == 0 => {
                    node_planes::<D, false>(&consts, &tree.codes, &tree.ranks, &mut nodes);
                    &nodes
                }
                None => {
                    node_planes::<D, true>(&consts, &tree.codes, &tree.ranks, &mut nodes);
                    &nodes
                }
            };
            if missing == 0 {
                add_tree::<D, false>(&consts, &planes, nodes, &table, &mut sums, quarters);
            } else {
                add_tree::<D, true>(&consts, &planes, nodes, &table, &mut sums, quarters);
            }
        }
        let sums: [__m512; GROUPS] = {
            let q: [[__m512; 4]; GROUPS / 4] =
                core::array::from_fn(|q| in_row_order([sums[4 * q], sums[4 * q + 1], sums[4 * q + 2], sums[4 * q + 3]]));
            core::array::from_fn(|g| q[g / 4][g % 4])
        };
        for (o, sum) in out.chunks_mut(16).zip(sums) {
            let mask = ((1u32 << o.len()) - 1) as u16;
            // SAFETY: only the chunk's `o.len()` ≤ 16 lanes are written (masked store).
            unsafe { _mm512_mask_storeu_ps(o.as_mut_ptr(), mask, sum) };
        }
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use mlc_format::records::rank_byte;

    /// Whether this CPU has the kernel's features (the tests return early without them).
    fn cpu() -> bool {
        std::is_x86_feature_detected!("avx512f")
            && std::is_x86_feature_detected!("avx512bw")
            && std::is_x86_feature_detected!("avx512vl")
            && std::is_x86_feature_detected!("avx512vbmi")
            && std::is_x86_feature_detected!("gfni")
            && std::is_x86_feature_detected!("bmi2")
    }

    #[test]
    fn level_order_matches_rank_byte() {
        for (p, &byte) in LEVEL_ORDER.iter().enumerate().take(63) {
            assert_eq!(byte as usize, rank_byte(p), "node {p}");
        }
    }

    #[test]
    fn select_takes_b_where_sel_is_set() {
        if !cpu() {
            return;
        }
        // SAFETY: AVX-512F/VL checked above.
        let got: [u64; 4] = unsafe {
            let r = select(_mm256_set1_epi64x(0x0F0F), _mm256_set1_epi64x(0x3333), _mm256_set1_epi64x(0x5555));
            core::mem::transmute(r)
        };
        assert_eq!(got, [(0x0F0F & 0x5555) | (!0x0F0F & 0x3333); 4]);
    }

    /// Plane indices become byte offsets, 32 bytes a plane, and indices past the zero plane
    /// (a malformed index) that plane's offset: loads stay inside the planes.
    #[test]
    fn offsets_are_clamped_byte_offsets() {
        if !cpu() {
            return;
        }
        let indices: [u16; 32] = core::array::from_fn(|k| match k {
            0 => 0,
            1 => ZERO as u16,
            2 => ZERO as u16 + 1,
            3 => u16::MAX,
            _ => (k * 25) as u16,
        });
        // SAFETY: AVX-512F/BW checked above; 64-byte loads and stores.
        let got: [u16; 32] = unsafe { core::mem::transmute(offsets(_mm512_loadu_si512(indices.as_ptr() as *const _))) };
        for (i, g) in indices.iter().zip(got) {
            assert_eq!(g as usize, (*i as usize).min(ZERO) * size_of::<Plane>(), "index {i}");
        }
    }

    /// `add_tree`'s order (lane `i` of vector `k`: row `4i + k`) back to rows in order.
    #[test]
    fn in_row_order_puts_the_rows_back() {
        if !cpu() {
            return;
        }
        let sums: [[f32; 16]; 4] = core::array::from_fn(|k| core::array::from_fn(|i| (4 * i + k) as f32));
        // SAFETY: AVX-512F checked above; loads and stores of 16 values.
        let got: [[f32; 16]; 4] = unsafe {
            let v = sums.map(|s| _mm512_loadu_ps(s.as_ptr()));
            core::mem::transmute(in_row_order(v))
        };
        for (g, group) in got.iter().enumerate() {
            for (m, &row) in group.iter().enumerate() {
                assert_eq!(row, (16 * g + m) as f32, "group {g}, lane {m}");
            }
        }
    }

    /// Six random leaf-bit planes of 256 rows → one index byte per row, as `add_tree` does.
    #[test]
    fn leaf_bytes_transpose_the_planes() {
        if !cpu() {
            return;
        }
        let mut s = 0x1234_5678_9abc_def0u64;
        let planes: [[u64; 4]; 6] = core::array::from_fn(|_| {
            core::array::from_fn(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                s
            })
        });
        for q in 0..4 {
            // SAFETY: the CPU checked above; loads and stores of 32 and 64 bytes.
            let got: [u8; 64] = unsafe {
                let p = |i: usize| _mm256_loadu_si256(planes[i].as_ptr() as *const _);
                let z01 = _mm512_inserti64x4::<1>(_mm512_castsi256_si512(p(0)), p(1));
                let z23 = _mm512_inserti64x4::<1>(_mm512_castsi256_si512(p(2)), p(3));
                let z45 = _mm512_inserti64x4::<1>(_mm512_castsi256_si512(p(4)), p(5));
                let (a, b) = gather_indices(q);
                let a = _mm512_loadu_si512(a.as_ptr() as *const _);
                let b = _mm512_loadu_si512(b.as_ptr() as *const _);
                let m = _mm512_maskz_permutex2var_epi8(LOW_PLANES, z01, a, z23);
                let m = _mm512_mask_permutexvar_epi8(m, HIGH_PLANES, b, z45);
                core::mem::transmute(_mm512_gf2p8affine_epi64_epi8::<0>(_mm512_set1_epi64(UNIT_BYTES), m))
            };
            for (r, &byte) in got.iter().enumerate() {
                let row = 64 * q + r;
                let want = (0..6).map(|p| ((planes[p][row / 64] >> (row % 64) & 1) as u8) << p).sum::<u8>();
                assert_eq!(byte, want, "row {row}");
            }
        }
    }
}
