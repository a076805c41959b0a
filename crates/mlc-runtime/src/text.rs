//! Text → token ids, as Keras' `TextVectorization` does it, without allocation.
//!
//! Keras 3 (`standardize="lower_and_strip_punctuation"`, `split="whitespace"`,
//! `output_mode="int"`, fixed `output_sequence_length`), checked against its source and
//! outputs (`tests/fixtures/sentiment/README.md`):
//! 1. lowercase: `tf.strings.lower` changes ASCII `A`–`Z` only;
//! 2. strip punctuation: removes the 32 ASCII punctuation characters
//!    ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`` before splitting (so `don't` → `dont`); other
//!    Unicode punctuation stays inside tokens;
//! 3. split on runs of ASCII whitespace (space, `\t`, `\n`, `\v`, `\f`, `\r`) only;
//! 4. look each token up byte for byte (no Unicode normalisation); absent → the OOV id 1;
//! 5. keep the first `out.len()` ids, pad with 0.

pub use mlc_format::manifest::TextStandardize;
use mlc_format::vocab::VocabView;

/// The id of out-of-vocabulary tokens (Keras' `[UNK]`, one OOV bucket).
pub const OOV_ID: u32 = 1;
/// The padding id.
pub const PAD_ID: u32 = 0;

/// ASCII whitespace as `tf.strings.split` splits on it.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// Fills `out` with the ids of the first `out.len()` tokens of `text`, then padding; returns
/// the number of tokens written. `scratch` holds one token at a time: a word longer than it
/// (give at least `vocab.max_token_len()` bytes) cannot be in the vocabulary and maps to OOV.
pub fn tokenize(vocab: &VocabView<'_>, standardize: TextStandardize, text: &[u8], scratch: &mut [u8], out: &mut [u32]) -> usize {
    let mut written = 0;
    let capacity = out.len();
    let mut len = 0; // bytes of the current token (may exceed scratch: then it is OOV)
    let mut emit = |len: usize, scratch: &[u8], written: &mut usize| {
        if len == 0 || *written == out.len() {
            return;
        }
        let id = scratch.get(..len).and_then(|t| vocab.id(t)).unwrap_or(OOV_ID);
        out[*written] = id;
        *written += 1;
    };
    for &b in text {
        if is_space(b) {
            emit(len, scratch, &mut written);
            len = 0;
            if written == capacity {
                break; // the rest of the text cannot change the ids
            }
        } else if !(standardize.strip_punctuation() && b.is_ascii_punctuation()) {
            if let Some(slot) = scratch.get_mut(len) {
                *slot = if standardize.lower() { b.to_ascii_lowercase() } else { b };
            }
            len += 1;
        }
    }
    emit(len, scratch, &mut written);
    for o in &mut out[written..] {
        *o = PAD_ID;
    }
    written
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::vec::Vec;

    fn ids(vocab: &[&str], text: &str, n: usize) -> Vec<u32> {
        let tokens: Vec<&[u8]> = vocab.iter().map(|t| t.as_bytes()).collect();
        let tables = mlc_format::vocab::VocabTables::build(&tokens);
        let mut out = std::vec![9; n];
        let mut scratch = [0u8; 64];
        tokenize(&tables.view().unwrap(), TextStandardize::LowerAndStripPunctuation, text.as_bytes(), &mut scratch, &mut out);
        out
    }

    #[test]
    fn standardises_splits_looks_up_and_pads() {
        let vocab = ["", "[UNK]", "the", "movie", "dont", "café"];
        assert_eq!(ids(&vocab, "The MOVIE!", 4), [2, 3, 0, 0]);
        assert_eq!(ids(&vocab, "Don't   stop\tthe\u{a0}movie", 5), [4, 1, 1, 0, 0], "NBSP does not split");
        assert_eq!(ids(&vocab, "CAFÉ CAFé ... the", 4), [1, 5, 2, 0], "only ASCII is lowercased");
        assert_eq!(ids(&vocab, "", 3), [0, 0, 0]);
        assert_eq!(ids(&vocab, "the the the the", 2), [2, 2], "truncated to the output length");
        assert_eq!(ids(&vocab, "[UNK] unk", 2), [1, 1]);
    }

    #[test]
    fn over_long_words_are_out_of_vocabulary() {
        let long = "a".repeat(1000);
        let vocab = ["", "[UNK]", "a"];
        assert_eq!(ids(&vocab, &std::format!("{long} a"), 2), [1, 2]);
    }
}
