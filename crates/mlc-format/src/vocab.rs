//! Tokenizer vocabularies: token bytes → token id, looked up in place without allocation.
//!
//! Three arrays (sections `vocab-offsets`, `vocab-bytes`, `vocab-slots` of text models): `offsets` (`u32`, one per token plus one:
//! token `i` is `bytes[offsets[i] .. offsets[i+1]]`), `bytes` (the tokens concatenated), and
//! `slots`, an [`crate::index`] hash table over the non-empty tokens (FNV-1a, linear probing).
//! Token ids are positions in the vocabulary, as in Keras' `get_vocabulary()`: id 0 is the
//! padding token (empty), id 1 the out-of-vocabulary token `[UNK]`.

use crate::index;

/// Why vocabulary tables are inconsistent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VocabError {
    /// `offsets` is empty, decreasing, or points past `bytes`.
    Offsets,
    /// `slots` is not a power of two long, has a token id out of range, or too few empty slots.
    Slots,
}

/// A validated vocabulary borrowed from artifact bytes.
#[derive(Debug, Clone, Copy)]
pub struct VocabView<'a> {
    slots: &'a [u32],
    offsets: &'a [u32],
    bytes: &'a [u8],
    max_token_len: usize,
}

impl<'a> VocabView<'a> {
    /// Checks the tables: every offset in order and in bounds, every slot a valid id, and at
    /// least one empty slot (so an absent token's probe ends at an empty slot).
    pub fn new(slots: &'a [u32], offsets: &'a [u32], bytes: &'a [u8]) -> Result<Self, VocabError> {
        if offsets.is_empty() || offsets[0] != 0 || offsets.windows(2).any(|w| w[0] > w[1]) {
            return Err(VocabError::Offsets);
        }
        if offsets[offsets.len() - 1] as usize > bytes.len() {
            return Err(VocabError::Offsets);
        }
        let tokens = offsets.len() - 1;
        if !slots.len().is_power_of_two()
            || slots.iter().any(|&s| s != index::EMPTY && s as usize >= tokens)
            || !slots.contains(&index::EMPTY)
        {
            return Err(VocabError::Slots);
        }
        let max_token_len = offsets.windows(2).map(|w| (w[1] - w[0]) as usize).max().unwrap_or(0);
        Ok(VocabView { slots, offsets, bytes, max_token_len })
    }

    /// Number of tokens (ids `0..len()`).
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether the vocabulary has no token.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Length in bytes of the longest token: a longer word cannot be in the vocabulary.
    pub fn max_token_len(&self) -> usize {
        self.max_token_len
    }

    /// The bytes of token `id`.
    pub fn token(&self, id: u32) -> Option<&'a [u8]> {
        let i = id as usize;
        let (start, end) = (*self.offsets.get(i)? as usize, *self.offsets.get(i + 1)? as usize);
        self.bytes.get(start..end)
    }

    /// The id of `token`, if it is in the vocabulary.
    pub fn id(&self, token: &[u8]) -> Option<u32> {
        index::lookup(self.slots, token, |id| self.token(id))
    }
}

/// Owned vocabulary tables, built by the compiler.
#[cfg(feature = "alloc")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabTables {
    /// Hash slots.
    pub slots: alloc::vec::Vec<u32>,
    /// Token offsets (one more than tokens).
    pub offsets: alloc::vec::Vec<u32>,
    /// Token bytes.
    pub bytes: alloc::vec::Vec<u8>,
}

#[cfg(feature = "alloc")]
impl VocabTables {
    /// Tables for `tokens` (id = position). Empty tokens get no slot; for a repeated token the
    /// first id wins, as in Keras' lookup.
    pub fn build(tokens: &[&[u8]]) -> VocabTables {
        let mut offsets = alloc::vec![0u32];
        let mut bytes = alloc::vec::Vec::new();
        let mut seen = alloc::collections::BTreeSet::new();
        let mut keys = alloc::vec::Vec::with_capacity(tokens.len());
        for t in tokens {
            bytes.extend_from_slice(t);
            offsets.push(bytes.len() as u32);
            keys.push((!t.is_empty() && seen.insert(*t)).then_some(*t));
        }
        VocabTables { slots: index::build(&keys), offsets, bytes }
    }

    /// A view of the tables (validated like any other).
    pub fn view(&self) -> Result<VocabView<'_>, VocabError> {
        VocabView::new(&self.slots, &self.offsets, &self.bytes)
    }
}
