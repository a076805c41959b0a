//! Predicting one mini-batch: each record is parsed, routed to its model, and predicted
//! (tree rows batched per model, networks one record at a time); then the batch's output is
//! formatted in input order, a bad record becoming an error object in its place.
//!
//! A worker keeps its buffers between batches, so the per-record path allocates nothing but
//! error messages (and JSON's parse tree).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use mlc_runtime::format::manifest::NetInput;
use mlc_runtime::{Model, NetModel};

use super::output::write_prediction;
use super::parse::{json_value, ContentType, CsvFields, JsonRecord};
use super::split::Batch;
use super::{Options, Routing};
use crate::records::{parse_values, strip_bom, RecordError};
use crate::registry::{ModelHandle, Registry};
use crate::HostError;

/// Distinct model names a worker remembers before it forgets them (bounds memory when the
/// route column holds junk).
const MAX_SLOTS: usize = 4096;

/// The output of one mini-batch.
pub(crate) struct Predicted {
    /// Formatted output.
    pub out: Vec<u8>,
    /// Records in the batch.
    pub records: u64,
    /// Error objects written.
    pub errors: u64,
    /// The first bad record: line number and message.
    pub first_error: Option<(u64, String)>,
    /// Time spent inside the runtime's predict calls (`mlc bench`'s model latency).
    pub model_time: Duration,
}

/// The records of one model within a batch.
#[derive(Default)]
struct Slot {
    /// The model, or why it cannot be used; `None` outside a batch.
    model: Option<Result<ModelHandle, String>>,
    /// Features of the tree rows, back to back.
    rows: Vec<f32>,
    /// Predictions, `width` values per record.
    out: Vec<f32>,
    width: usize,
    /// Records placed.
    count: usize,
    /// Time spent predicting networks' records.
    elapsed: Duration,
}

/// What became of one record.
enum Outcome {
    /// Record `row` of slot `slot`.
    Value { slot: u32, row: u32 },
    /// Error message `i`.
    Error(u32),
}

/// Scratch memory of network predictions.
#[derive(Default)]
struct NetScratch {
    scratch: Vec<f32>,
    tokens: Vec<u8>,
    ids: Vec<u32>,
    values: Vec<f32>,
}

/// A record's input once split from its line.
enum Input<'a, I> {
    /// Feature values as text (empty = missing); `label` names their position in messages.
    Values { count: usize, values: I, label: &'static str },
    /// Raw text.
    Text(&'a [u8]),
}

/// One worker's state: buffers reused from batch to batch.
pub(crate) struct Worker<'j> {
    registry: &'j Registry,
    options: &'j Options,
    default_model: Option<&'j str>,
    csv: CsvFields,
    slots: Vec<Slot>,
    slot_of: HashMap<String, usize>,
    active: Vec<usize>,
    outcomes: Vec<Outcome>,
    messages: Vec<String>,
    net: NetScratch,
    model_time: Duration,
}

impl<'j> Worker<'j> {
    pub fn new(registry: &'j Registry, options: &'j Options, default_model: Option<&'j str>) -> Worker<'j> {
        Worker {
            registry,
            options,
            default_model,
            csv: CsvFields::default(),
            slots: Vec::new(),
            slot_of: HashMap::new(),
            active: Vec::new(),
            outcomes: Vec::new(),
            messages: Vec::new(),
            net: NetScratch::default(),
            model_time: Duration::ZERO,
        }
    }

    /// Predicts every record of `batch`.
    pub fn predict(&mut self, batch: &Batch) -> Predicted {
        self.outcomes.clear();
        self.messages.clear();
        self.model_time = Duration::ZERO;
        for i in 0..batch.records.len() {
            let placed = match batch.record(i) {
                Ok(line) => self.place(strip_bom(line)),
                Err(len) => Err(format!(
                    "record of {len} bytes exceeds the mini-batch limit of {} bytes (--max-payload-mb)",
                    self.options.max_payload
                )),
            };
            let outcome = match placed {
                Ok((slot, row)) => Outcome::Value { slot: slot as u32, row: row as u32 },
                Err(message) => {
                    self.messages.push(message);
                    Outcome::Error(self.messages.len() as u32 - 1)
                }
            };
            self.outcomes.push(outcome);
        }
        self.predict_rows();
        let predicted = self.format(batch);
        self.release();
        predicted
    }

    /// The error messages of the last batch's bad records, in input order.
    pub fn messages(&self) -> &[String] {
        &self.messages
    }

    /// Bytes of scratch memory the worker holds now (rows, outputs, network buffers).
    pub fn scratch_bytes(&self) -> u64 {
        let slots: usize = self.slots.iter().map(|s| s.rows.capacity() * 4 + s.out.capacity() * 4).sum();
        let net =
            self.net.scratch.capacity() * 4 + self.net.tokens.capacity() + self.net.ids.capacity() * 4 + self.net.values.capacity() * 4;
        (slots + net + self.csv.capacity()) as u64
    }

    /// Routes and parses one record; returns its slot and its row in the slot.
    fn place(&mut self, line: &[u8]) -> Result<(usize, usize), String> {
        match self.options.content_type {
            ContentType::Text => {
                let slot = self.slot(None)?;
                self.fill(slot, Input::<std::iter::Empty<_>>::Text(line))
            }
            ContentType::Csv => {
                if line.is_empty() {
                    return Err("empty line".into());
                }
                self.csv.split(line);
                let fields = self.csv.len();
                let route = match self.options.routing {
                    Routing::Column(k) if k > fields => {
                        return Err(format!("no column {k} (the model name): the line has {fields} fields"))
                    }
                    Routing::Column(k) => Some(k - 1),
                    Routing::Model(_) => None,
                };
                let name = match route {
                    Some(k) => {
                        Some(std::str::from_utf8(self.csv.get(k)).map_err(|_| format!("column {}: the model name is not UTF-8", k + 1))?)
                    }
                    None => None,
                };
                // The model name borrows the CSV buffer: look the slot up with split borrows.
                let slot = slot_for(self.registry, &mut self.slots, &mut self.slot_of, &mut self.active, name.or(self.default_model))?;
                let csv = &self.csv;
                let values = (0..fields).filter(|&i| Some(i) != route).map(|i| csv.get(i));
                let count = fields - route.is_some() as usize;
                let result =
                    fill(&mut self.slots[slot], &mut self.net, Input::Values { count, values, label: "column" }, self.options.margin);
                // Columns are numbered in the line, the route column included.
                result
                    .map_err(|e| match (e, route) {
                        (Fill::Record(RecordError::FieldCount { expected, found }), Some(_)) => {
                            format!("expected {} fields (the model name and {expected} features), found {}", expected + 1, found + 1)
                        }
                        (Fill::Record(RecordError::BadNumber { column, text }), Some(k)) => {
                            let column = column + (k < column) as usize;
                            RecordError::BadNumber { column, text }.to_string()
                        }
                        (Fill::Record(e), None) => e.to_string(),
                        (Fill::Other(message), _) => message,
                    })
                    .map(|row| (slot, row))
            }
            ContentType::JsonLines => {
                if line.is_empty() {
                    return Err("empty line".into());
                }
                let record = JsonRecord::parse(line)?;
                let slot = self.slot(record.model.as_deref())?;
                let input = match (&record.text, &record.features) {
                    (Some(text), None) => Input::Text(text.as_bytes()),
                    (None, Some(values)) => {
                        Input::Values { count: values.len(), values: values.iter().map(|v| json_value(v)), label: "features" }
                    }
                    (Some(_), Some(_)) => return Err("give `text` or `features`, not both".into()),
                    (None, None) => return Err("no `features` or `text` field".into()),
                };
                self.fill(slot, input)
            }
        }
    }

    /// The slot of `name`, or of the job's model.
    fn slot(&mut self, name: Option<&str>) -> Result<usize, String> {
        slot_for(self.registry, &mut self.slots, &mut self.slot_of, &mut self.active, name.or(self.default_model))
    }

    /// Places a record's input in its slot; the error message names the feature.
    fn fill<'a>(&mut self, slot: usize, input: Input<'a, impl Iterator<Item = &'a [u8]>>) -> Result<(usize, usize), String> {
        let row = fill(&mut self.slots[slot], &mut self.net, input, self.options.margin).map_err(|e| match e {
            Fill::Record(RecordError::FieldCount { expected, found }) => format!("expected {expected} features, found {found}"),
            Fill::Record(RecordError::BadNumber { column, text }) => format!("feature {column}: `{text}` is not a number"),
            Fill::Other(message) => message,
        })?;
        Ok((slot, row))
    }

    /// Predicts the tree rows of every slot, one batched call per model.
    fn predict_rows(&mut self) {
        for &i in &self.active {
            let slot = &mut self.slots[i];
            let Some(Ok(handle)) = &slot.model else { continue };
            if let Model::Trees(trees) = handle.model() {
                slot.out.resize(slot.count * slot.width, 0.0);
                let start = Instant::now();
                let done = if self.options.margin {
                    trees.margins_batch(&slot.rows, &mut slot.out)
                } else {
                    trees.predict_batch(&slot.rows, &mut slot.out)
                };
                debug_assert!(done.is_ok(), "rows and outputs are sized by the model");
                slot.elapsed += start.elapsed();
            }
            handle.record(slot.count as u64, slot.elapsed);
            self.model_time += slot.elapsed;
        }
    }

    /// Formats the batch's output in input order.
    fn format(&self, batch: &Batch) -> Predicted {
        if batch.records.is_empty() {
            // An empty input's one batch: an empty output in every format (no empty
            // `{"predictions": []}` line; docs/transform.md).
            return Predicted { out: Vec::new(), records: 0, errors: 0, first_error: None, model_time: self.model_time };
        }
        let accept = self.options.accept;
        let mut out = Vec::with_capacity(batch.records.len() * 24);
        let mut first_error = None;
        accept.open(&mut out);
        for (i, outcome) in self.outcomes.iter().enumerate() {
            accept.separate(&mut out, i);
            match *outcome {
                Outcome::Value { slot, row } => {
                    let slot = &self.slots[slot as usize];
                    write_prediction(&mut out, &slot.out[row as usize * slot.width..][..slot.width]);
                }
                Outcome::Error(m) => {
                    let line = batch.first_line + i as u64;
                    let message = &self.messages[m as usize];
                    super::output::write_error(&mut out, message, line);
                    first_error.get_or_insert_with(|| (line, message.clone()));
                }
            }
            accept.end_record(&mut out);
        }
        accept.close(&mut out);
        Predicted { out, records: batch.records.len() as u64, errors: self.messages.len() as u64, first_error, model_time: self.model_time }
    }

    /// Ends a batch: lets go of the models (so that the registry may free evicted ones).
    fn release(&mut self) {
        for &i in &self.active {
            let slot = &mut self.slots[i];
            slot.model = None;
            slot.rows.clear();
            slot.out.clear();
            slot.count = 0;
            slot.elapsed = Duration::ZERO;
        }
        self.active.clear();
        if self.slots.len() > MAX_SLOTS {
            self.slots.clear();
            self.slot_of.clear();
        }
    }
}

/// The slot of model `name` in this batch, fetching the model from the registry on its first
/// record. The error names the model.
fn slot_for(
    registry: &Registry,
    slots: &mut Vec<Slot>,
    slot_of: &mut HashMap<String, usize>,
    active: &mut Vec<usize>,
    name: Option<&str>,
) -> Result<usize, String> {
    let Some(name) = name else {
        return Err("no model named: the record has no `model` field and no --model was given".into());
    };
    let i = match slot_of.get(name) {
        Some(&i) => i,
        None => {
            slots.push(Slot::default());
            slot_of.insert(name.to_string(), slots.len() - 1);
            slots.len() - 1
        }
    };
    let slot = &mut slots[i];
    if slot.model.is_none() {
        active.push(i);
        slot.model = Some(registry.get(name).map_err(|e| match e {
            HostError::UnknownModel { model, .. } => format!("unknown model `{model}`"),
            e => e.to_string(),
        }));
    }
    match slot.model.as_ref() {
        Some(Err(message)) => Err(message.clone()),
        _ => Ok(i),
    }
}

/// Why an input could not be placed.
enum Fill {
    /// Wrong number of values, or a value that is not a number (columns among the values).
    Record(RecordError),
    /// Anything else, as a message.
    Other(String),
}

/// Places `input` in `slot` (tree rows) or predicts it now (networks); returns its row.
fn fill<'a>(slot: &mut Slot, net: &mut NetScratch, input: Input<'a, impl Iterator<Item = &'a [u8]>>, margin: bool) -> Result<usize, Fill> {
    let Some(Ok(handle)) = &slot.model else { return Err(Fill::Other("no model".into())) };
    let model = *handle.model();
    let row = slot.count;
    match (model, input) {
        (Model::Trees(trees), Input::Values { count, values, .. }) => {
            slot.width = if margin { trees.num_groups() } else { trees.num_outputs() };
            parse_values(count, values, trees.num_features(), &mut slot.rows).map_err(Fill::Record)?;
        }
        (Model::Trees(_), Input::Text(_)) => return Err(Fill::Other("the model is a tree ensemble: it takes features, not text".into())),
        (Model::Net(network), input) => {
            slot.width = network.num_outputs();
            slot.elapsed += predict_net(&network, input, net, &mut slot.out)?;
        }
    }
    slot.count += 1;
    Ok(row)
}

/// Predicts one network record and appends its outputs to `out`; returns the time spent in
/// the network itself (tokenizing and parsing are not part of it).
fn predict_net<'a>(
    model: &NetModel<'_>,
    input: Input<'a, impl Iterator<Item = &'a [u8]>>,
    net: &mut NetScratch,
    out: &mut Vec<f32>,
) -> Result<Duration, Fill> {
    let length = match model.input() {
        NetInput::TokenIds { length } => Some(length as usize),
        _ => None,
    };
    net.scratch.resize(model.scratch_len(), 0.0);
    net.ids.resize(length.unwrap_or(0), 0);
    let start = out.len();
    out.resize(start + model.num_outputs(), 0.0);
    let result = &mut out[start..];
    let timed = |run: &mut dyn FnMut() -> Result<(), mlc_runtime::PredictError>| {
        let began = Instant::now();
        run().map(|()| began.elapsed())
    };
    let predicted = match input {
        Input::Text(text) => match model.vocab() {
            Some(vocab) => {
                net.tokens.resize(vocab.max_token_len(), 0);
                model
                    .tokenize(text, &mut net.tokens, &mut net.ids)
                    .and_then(|_| timed(&mut || model.predict_ids(&net.ids, &mut net.scratch, result)))
            }
            None => Err(mlc_runtime::PredictError::InputKind),
        },
        Input::Values { count, values, label } => {
            net.values.clear();
            let expected = length.unwrap_or(model_features(model));
            if let Err(e) = parse_values(count, values, expected, &mut net.values) {
                out.truncate(start);
                return Err(Fill::Record(e));
            }
            match length {
                Some(_) => {
                    for (i, (id, &v)) in net.ids.iter_mut().zip(&net.values).enumerate() {
                        if !(v >= 0.0 && v <= u32::MAX as f32 && v.fract() == 0.0) {
                            out.truncate(start);
                            return Err(Fill::Other(format!("{label} {}: `{v}` is not a token id", i + 1)));
                        }
                        *id = v as u32;
                    }
                    timed(&mut || model.predict_ids(&net.ids, &mut net.scratch, result))
                }
                None => timed(&mut || model.predict_floats(&net.values, &mut net.scratch, result)),
            }
        }
    };
    predicted.map_err(|e| {
        out.truncate(start);
        match e {
            mlc_runtime::PredictError::InputKind => {
                Fill::Other("the model does not take this kind of input (text needs a text model)".into())
            }
            e => Fill::Other(e.to_string()),
        }
    })
}

/// Input values of a network that reads floats.
fn model_features(model: &NetModel<'_>) -> usize {
    match model.input() {
        NetInput::TokenIds { length } => length as usize,
        NetInput::Sequence { length, channels } => length as usize * channels as usize,
        NetInput::Vector { features } => features as usize,
    }
}
