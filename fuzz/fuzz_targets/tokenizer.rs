//! The tokenizer (`mlc_runtime::text::tokenize`) and the vocabulary tables
//! (`VocabTables::build`, `VocabView::new`, `VocabView::id`) on arbitrary text, checked against
//! a plain reference tokenizer written here (a `HashMap` lookup).
//!
//! First byte: bit 7 clear — the committed vocabulary of the sentiment model
//! (tests/fixtures/sentiment/imdb_cnn/vocab.txt, 20,000 tokens); bits 0–1 the standardisation,
//! bits 2–3 the output length (0, 1, 7 or 400), bits 4–6 the token scratch (the vocabulary's
//! longest token, or shorter: longer words must then be OOV). Bit 7 set — the bytes up to the
//! first NUL are a vocabulary (one token per line) built into tables, every first occurrence of a
//! token must be found at its id, and the rest is tokenized with it. The remaining bytes are the
//! text.
#![no_main]

use std::collections::HashMap;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mlc_format::vocab::{VocabTables, VocabView};
use mlc_runtime::text::{tokenize, TextStandardize, OOV_ID, PAD_ID};

const COMMITTED: &[u8] = include_bytes!("../../tests/fixtures/sentiment/imdb_cnn/vocab.txt");

fn lines(v: &[u8]) -> Vec<&[u8]> {
    v.strip_suffix(b"\n").unwrap_or(v).split(|&b| b == b'\n').collect()
}

struct Vocab {
    tables: VocabTables,
    map: HashMap<Vec<u8>, u32>,
}

fn vocab_of(tokens: &[&[u8]]) -> Vocab {
    let tables = VocabTables::build(tokens);
    let mut map = HashMap::new();
    for (i, t) in tokens.iter().enumerate() {
        if !t.is_empty() {
            map.entry(t.to_vec()).or_insert(i as u32);
        }
    }
    Vocab { tables, map }
}

fn committed() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| vocab_of(&lines(COMMITTED)))
}

/// Keras' TextVectorization as the runtime documents it, the plainest way.
fn reference(map: &HashMap<Vec<u8>, u32>, standardize: TextStandardize, text: &[u8], scratch_len: usize, out_len: usize) -> Vec<u32> {
    let lower = matches!(standardize, TextStandardize::Lower | TextStandardize::LowerAndStripPunctuation);
    let strip = matches!(standardize, TextStandardize::StripPunctuation | TextStandardize::LowerAndStripPunctuation);
    let clean: Vec<u8> =
        text.iter().filter(|b| !(strip && b.is_ascii_punctuation())).map(|b| if lower { b.to_ascii_lowercase() } else { *b }).collect();
    let mut ids: Vec<u32> = clean
        .split(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
        .filter(|t| !t.is_empty())
        .map(|t| if t.len() <= scratch_len { map.get(t).copied().unwrap_or(OOV_ID) } else { OOV_ID })
        .take(out_len)
        .collect();
    ids.resize(out_len, PAD_ID);
    ids
}

fn check(v: &Vocab, view: &VocabView<'_>, mode: u8, text: &[u8]) {
    let standardize =
        [TextStandardize::None, TextStandardize::Lower, TextStandardize::StripPunctuation, TextStandardize::LowerAndStripPunctuation]
            [(mode & 3) as usize];
    let out_len = [0, 1, 7, 400][((mode >> 2) & 3) as usize];
    let s = ((mode >> 4) & 7) as usize;
    let scratch_len = if s == 0 { view.max_token_len() } else { (s - 1) * 2 };
    let mut scratch = vec![0u8; scratch_len];
    let mut out = vec![0xDEAD_BEEF; out_len];
    let written = tokenize(view, standardize, text, &mut scratch, &mut out);
    assert!(written <= out_len);
    assert!(out[written..].iter().all(|&id| id == PAD_ID), "padding after the tokens");
    assert!(out[..written].iter().all(|&id| (id as usize) < view.len() || id == OOV_ID), "ids inside the vocabulary");
    assert_eq!(out, reference(&v.map, standardize, text, scratch_len, out_len), "tokenize differs from the reference");
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    if mode & 0x80 == 0 {
        let v = committed();
        check(v, &v.tables.view().expect("committed vocabulary"), mode, rest);
    } else {
        let (vocab, text) = match rest.iter().position(|&b| b == 0) {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => (rest, &[][..]),
        };
        let tokens = lines(vocab);
        let v = vocab_of(&tokens);
        let view = v.tables.view().expect("built tables validate");
        assert_eq!(view.len(), tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            assert_eq!(view.token(i as u32), Some(*t));
            if !t.is_empty() {
                assert_eq!(view.id(t), v.map.get(*t).copied(), "token {i} not found at its first id");
            }
        }
        assert_eq!(view.id(b""), None);
        check(&v, &view, mode, text);
    }
});
