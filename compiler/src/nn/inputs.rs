//! The inputs a network is calibrated and checked on: the user's calibration lines, or probe
//! inputs made up from the model's shape when there are none.

use mlc_format::manifest::NetInput;
use mlc_format::vocab::VocabTables;
use mlc_runtime::text::tokenize;

use super::{NnModel, Op};
use crate::error::CompileError;
use crate::options::Calibration;
use crate::probe::Xorshift;

/// Probe inputs made when the user gives no calibration inputs.
const PROBE_INPUTS: usize = 64;

/// Inputs a network is calibrated and checked on.
#[derive(Debug, Clone, PartialEq)]
pub enum Inputs {
    /// Token-id rows.
    Ids(Vec<Vec<u32>>),
    /// Float rows.
    Floats(Vec<Vec<f32>>),
}

impl Inputs {
    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            Inputs::Ids(rows) => rows.len(),
            Inputs::Floats(rows) => rows.len(),
        }
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Calibration lines → inputs of model `name`: raw text for a text model (its own tokenizer),
/// comma-separated token ids or floats otherwise.
pub fn parse(name: &str, model: &NnModel, c: &Calibration) -> Result<Inputs, CompileError> {
    let bad =
        |line: usize, what: String| CompileError::CalibrationInput { file: c.source.clone(), line: line + 1, model: name.into(), what };
    if c.lines.is_empty() {
        return Err(CompileError::NoCalibrationInputs { file: c.source.clone() });
    }
    let numbers = |line: usize, text: &str, n: usize| -> Result<Vec<f64>, CompileError> {
        let values = text
            .split(',')
            .map(|v| v.trim().parse::<f64>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| bad(line, format!("not a number: {e}")))?;
        if values.len() != n {
            return Err(bad(line, format!("{} values, the model takes {n}", values.len())));
        }
        Ok(values)
    };
    Ok(match (model.input, &model.tokenizer) {
        (NetInput::TokenIds { length }, Some(spec)) => {
            let tokens: Vec<&[u8]> = spec.vocab.iter().map(Vec::as_slice).collect();
            let tables = VocabTables::build(&tokens);
            let view = tables.view().map_err(|e| CompileError::Internal(format!("vocabulary: {e:?}")))?;
            let mut scratch = vec![0u8; view.max_token_len()];
            let rows = c.lines.iter().map(|text| {
                let mut ids = vec![0u32; length as usize];
                tokenize(&view, spec.standardize, text.as_bytes(), &mut scratch, &mut ids);
                ids
            });
            Inputs::Ids(rows.collect())
        }
        (NetInput::TokenIds { length }, None) => {
            let vocab = vocab_size(model);
            let mut rows = Vec::new();
            for (i, line) in c.lines.iter().enumerate() {
                let ids = numbers(i, line, length as usize)?;
                if let Some(v) = ids.iter().find(|&&v| v.fract() != 0.0 || v < 0.0 || v >= vocab as f64) {
                    return Err(bad(i, format!("{v} is not a token id below {vocab}")));
                }
                rows.push(ids.into_iter().map(|v| v as u32).collect());
            }
            Inputs::Ids(rows)
        }
        (input, _) => {
            let n = input.values() as usize;
            let rows = c.lines.iter().enumerate().map(|(i, line)| Ok(numbers(i, line, n)?.into_iter().map(|v| v as f32).collect()));
            Inputs::Floats(rows.collect::<Result<_, CompileError>>()?)
        }
    })
}

/// Rows of the model's embedding table (1 without one).
fn vocab_size(model: &NnModel) -> usize {
    match model.layers.first().map(|l| &l.op) {
        Some(Op::Embedding { table }) => table.shape[0],
        _ => 1,
    }
}

/// Inputs for a model without calibration data: token ids spread over the vocabulary, some
/// short (mostly padding) and some full; or floats in [−1, 1).
pub fn probe(model: &NnModel) -> Inputs {
    let mut random = Xorshift::new(0x9E37_79B9_7F4A_7C15);
    let count = PROBE_INPUTS;
    match model.input {
        NetInput::TokenIds { length } => {
            let (length, vocab) = (length as usize, vocab_size(model) as u64);
            let rows = (0..count).map(|i| {
                let used = if i % 2 == 0 { length } else { length * (i % 7 + 1) / 8 };
                (0..length).map(|p| if p < used { (random.next_u64() % vocab) as u32 } else { 0 }).collect()
            });
            Inputs::Ids(rows.collect())
        }
        input => {
            let n = input.values() as usize;
            Inputs::Floats(
                (0..count).map(|_| (0..n).map(|_| (random.next_u64() >> 40) as f32 / (1u64 << 23) as f32 - 1.0).collect()).collect(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{Layer, Tensor};

    fn ids_model(length: u32, vocab: usize) -> NnModel {
        let table = Tensor { shape: vec![vocab, 1], data: vec![0.0; vocab] };
        NnModel {
            input: NetInput::TokenIds { length },
            layers: vec![Layer::new("e", Op::Embedding { table })],
            tokenizer: None,
            framework: "t".into(),
        }
    }

    fn calibration(lines: &[&str]) -> Calibration {
        Calibration { source: "calib.txt".into(), lines: lines.iter().map(|l| l.to_string()).collect() }
    }

    #[test]
    fn lines_become_ids_or_errors_naming_file_line_and_model() {
        let m = ids_model(3, 5);
        assert_eq!(parse("m", &m, &calibration(&["1, 2,3", "4,0,0"])).unwrap(), Inputs::Ids(vec![vec![1, 2, 3], vec![4, 0, 0]]));
        let err = parse("m", &m, &calibration(&["1,2,3", "1,2,5"])).unwrap_err().to_string();
        assert_eq!(err, "calib.txt: line 2: model `m`: 5 is not a token id below 5");
        let err = parse("m", &m, &calibration(&["1,2"])).unwrap_err().to_string();
        assert_eq!(err, "calib.txt: line 1: model `m`: 2 values, the model takes 3");
        let err = parse("m", &m, &calibration(&["1,x,2"])).unwrap_err().to_string();
        assert!(err.starts_with("calib.txt: line 1: model `m`: not a number"), "{err}");
        assert_eq!(parse("m", &m, &calibration(&[])).unwrap_err().to_string(), "calib.txt: no calibration inputs");
    }

    #[test]
    fn probes_fit_the_model() {
        let Inputs::Ids(rows) = probe(&ids_model(16, 7)) else { panic!("ids") };
        assert_eq!(rows.len(), PROBE_INPUTS);
        assert!(rows.iter().all(|r| r.len() == 16 && r.iter().all(|&id| id < 7)));
        assert!(rows[1][4..].iter().all(|&id| id == 0), "row 1 uses 16 · 2 / 8 = 4 positions, then padding");
        assert!(rows[0].iter().any(|&id| id != 0), "row 0 uses all positions");
        let floats =
            NnModel { input: NetInput::Sequence { length: 3, channels: 2 }, layers: vec![], tokenizer: None, framework: "t".into() };
        let Inputs::Floats(rows) = probe(&floats) else { panic!("floats") };
        assert!(rows.iter().all(|r| r.len() == 6 && r.iter().all(|v| (-1.0..1.0).contains(v))));
        assert_eq!(probe(&floats), Inputs::Floats(rows), "deterministic");
    }
}
