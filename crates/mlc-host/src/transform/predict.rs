//! Predicting one mini-batch: each record is read ([`crate::records`]), routed to its model and
//! predicted through [`Model::run`] — numbers batched per model (one call per model and batch:
//! the fast path of tree ensembles), token ids and text one record at a time — and the answers
//! are given in input order, a bad record's error message in its place.
//!
//! `mlc transform` and `mlc bench` format them as JSON ([`Worker::predict`]); `mlc predict`
//! prints them ([`Worker::run`], [`Worker::answers`]); `mlc serve` answers a request body with
//! them ([`Worker::set_input`], [`Worker::failures`] for the status code). A worker keeps its
//! buffers between batches, so the per-record path allocates nothing but error messages (and
//! JSON's parse).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use mlc_runtime::{Input, InputKind, Model, Output, PredictError, ScratchBuf};

use super::output::{write_error_with_id, write_prediction_with_id};
use super::split::Batch;
use super::{Options, Routing};
use crate::records::{ContentType, CsvFields, CsvHeader, InputBuf, Record, RecordReader};
use crate::registry::{ModelHandle, Registry};
use crate::HostError;

/// Distinct model names a worker remembers before it forgets them (bounds memory when the
/// route column holds junk).
const MAX_SLOTS: usize = 4096;

/// The output of one mini-batch, formatted as `--accept` says.
pub struct Predicted {
    /// Formatted output.
    pub out: Vec<u8>,
    /// Records in the batch.
    pub records: u64,
    /// Error objects written.
    pub errors: u64,
    /// The first bad record: line number and message.
    pub first_error: Option<(u64, String)>,
    /// Every bad record's line number and message, in input order.
    pub failed: Vec<(u64, String)>,
    /// Time spent inside the runtime's predict calls (`mlc bench`'s model latency).
    pub model_time: Duration,
}

/// Why a record has no answer, as a server reports it (its status code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The record is bad: unreadable, the wrong number or kind of values, no model named, or
    /// refused by the runtime (e.g. a token id beyond the vocabulary).
    Record,
    /// It names a model the source does not have.
    UnknownModel,
    /// Its model exists but cannot be used: the file is missing or corrupted.
    ModelUnavailable,
}

/// A record's failure and its message.
type Fault = (Failure, String);

/// The records of one model within a batch.
#[derive(Default)]
struct Slot {
    /// The model, or why it cannot be used; `None` outside a batch.
    model: Option<Result<ModelHandle, Fault>>,
    /// The numbers of the records that wait for the slot's batched call.
    rows: InputBuf,
    /// Whether the records wait for the batched call (a model that takes numbers).
    batched: bool,
    /// The batched call's error, which becomes every record's (sizes are the model's own: the
    /// runtime refuses them only if something is wrong here).
    refused: Option<String>,
    /// Predictions, `width` values per record.
    out: Vec<f32>,
    width: usize,
    /// Records placed.
    count: usize,
    /// Time spent in the model's calls.
    elapsed: Duration,
    /// With a CSV header: the column of each of the model's features (`None`: by position),
    /// or why the header does not fit the model; worked out at the slot's first record.
    columns: Option<Result<Option<Vec<usize>>, String>>,
}

/// What became of one record.
enum Outcome {
    /// Record `row` of slot `slot`.
    Value { slot: u32, row: u32 },
    /// Error message `message` (an index in `messages`), of kind `failure`.
    Error { message: u32, failure: Failure },
}

/// Predicts mini-batches of records through a [`Registry`], reusing its buffers from batch to
/// batch; one per thread.
pub struct Worker<'j> {
    registry: &'j Registry,
    options: &'j Options,
    /// Records that name no model go to this one, if `has_default`.
    default_model: String,
    has_default: bool,
    output: Output,
    content_type: ContentType,
    reader: RecordReader,
    slots: Vec<Slot>,
    slot_of: HashMap<String, usize>,
    active: Vec<usize>,
    outcomes: Vec<Outcome>,
    messages: Vec<String>,
    /// Each record's id (`Options::id_column`), in input order; empty without one.
    ids: Vec<Option<String>>,
    /// A record after `Options::input_filter`, and the fields it is cut from.
    filtered: Vec<u8>,
    filter_fields: CsvFields,
    /// The token ids of the record being predicted.
    record: InputBuf,
    /// The token ids of a raw text.
    tokens: Vec<u32>,
    scratch: ScratchBuf,
    model_time: Duration,
    /// The current batch's CSV header (`--header`; not with an input filter, whose columns
    /// are not the file's).
    header: Option<std::sync::Arc<CsvHeader>>,
}

impl<'j> Worker<'j> {
    /// A worker for a job's `options`; records that name no model go to `default_model`.
    pub fn new(registry: &'j Registry, options: &'j Options, default_model: Option<&'j str>) -> Worker<'j> {
        Worker {
            registry,
            options,
            default_model: default_model.unwrap_or_default().to_string(),
            has_default: default_model.is_some(),
            output: if options.margin { Output::Margins } else { Output::Prediction },
            content_type: options.content_type,
            reader: RecordReader::new(options.content_type, route_column(options)).with_id_column(id_column(options)),
            slots: Vec::new(),
            slot_of: HashMap::new(),
            active: Vec::new(),
            outcomes: Vec::new(),
            messages: Vec::new(),
            ids: Vec::new(),
            filtered: Vec::new(),
            filter_fields: CsvFields::default(),
            record: InputBuf::default(),
            tokens: Vec::new(),
            scratch: ScratchBuf::new(),
            model_time: Duration::ZERO,
            header: None,
        }
    }

    /// The next batches' records are `content_type` records (instead of [`Options::content_type`]),
    /// and those that name no model go to `default_model`: a server's request. Keeps the buffers.
    pub fn set_input(&mut self, content_type: ContentType, default_model: Option<&str>) {
        if content_type != self.content_type {
            self.content_type = content_type;
            self.reader = RecordReader::new(content_type, route_column(self.options)).with_id_column(id_column(self.options));
        }
        self.default_model.clear();
        self.default_model.push_str(default_model.unwrap_or_default());
        self.has_default = default_model.is_some();
    }

    /// Reads, routes and predicts every record of `batch`; [`Worker::answers`] then gives the
    /// answers. Lets go of the previous batch's models first.
    pub fn run(&mut self, batch: &Batch) {
        self.release();
        self.outcomes.clear();
        self.messages.clear();
        self.ids.clear();
        self.model_time = Duration::ZERO;
        let header = batch.header.clone().filter(|_| self.content_type == ContentType::Csv && self.options.input_filter.is_none());
        if header.as_ref().map(std::sync::Arc::as_ptr) != self.header.as_ref().map(std::sync::Arc::as_ptr) {
            // Another input's header: the slots' columns are worked out again.
            for slot in &mut self.slots {
                slot.columns = None;
            }
        }
        self.header = header;
        for i in 0..batch.records.len() {
            let placed = match batch.record(i) {
                Ok(line) if self.options.input_filter.is_some() => {
                    let mut filtered = std::mem::take(&mut self.filtered);
                    let placed = match self.filter_input(line, &mut filtered) {
                        Ok(()) => self.place(&filtered),
                        Err(message) => Err((Failure::Record, message)),
                    };
                    self.filtered = filtered;
                    placed
                }
                Ok(line) => self.place(line),
                Err(len) => Err((
                    Failure::Record,
                    format!("record of {len} bytes exceeds the mini-batch limit of {} bytes (--max-payload-mb)", self.options.max_payload),
                )),
            };
            let outcome = match placed {
                Ok((slot, row)) => Outcome::Value { slot: slot as u32, row: row as u32 },
                Err((failure, message)) => {
                    self.messages.push(message);
                    Outcome::Error { message: self.messages.len() as u32 - 1, failure }
                }
            };
            self.outcomes.push(outcome);
        }
        self.predict_rows();
    }

    /// The answers of the last [`Worker::run`], in input order: a record's values (predictions,
    /// or margins with [`Options::margin`]), or why it has none.
    pub fn answers(&self) -> impl Iterator<Item = Result<&[f32], &str>> + '_ {
        self.outcomes.iter().map(|outcome| match *outcome {
            Outcome::Value { slot, row } => {
                let slot = &self.slots[slot as usize];
                Ok(&slot.out[row as usize * slot.width..][..slot.width])
            }
            Outcome::Error { message, .. } => Err(self.messages[message as usize].as_str()),
        })
    }

    /// The bad records of the last [`Worker::run`], in input order: the record's index in the
    /// batch, why it failed, and the message.
    pub fn failures(&self) -> impl Iterator<Item = (usize, Failure, &str)> + '_ {
        self.outcomes.iter().enumerate().filter_map(|(i, outcome)| match *outcome {
            Outcome::Error { message, failure } => Some((i, failure, self.messages[message as usize].as_str())),
            Outcome::Value { .. } => None,
        })
    }

    /// Time the last [`Worker::run`] spent inside the runtime's calls.
    pub fn model_time(&self) -> Duration {
        self.model_time
    }

    /// The models the last [`Worker::run`] predicted with, in the order of their first record.
    pub fn models(&self) -> impl Iterator<Item = &str> + '_ {
        self.active.iter().filter_map(|&i| match &self.slots[i].model {
            Some(Ok(handle)) => Some(handle.name()),
            _ => None,
        })
    }

    /// Predicts every record of `batch` and formats the answers as [`Options::accept`] says;
    /// lets go of the models.
    pub fn predict(&mut self, batch: &Batch) -> Predicted {
        self.run(batch);
        let predicted = self.format(batch);
        self.release();
        predicted
    }

    /// The id of record `i` of the last [`Worker::run`] (`Options::id_column`), if it has one.
    pub fn id(&self, i: usize) -> Option<&str> {
        self.ids.get(i).and_then(Option::as_deref)
    }

    /// The error messages of the last batch's bad records, in input order.
    pub fn messages(&self) -> &[String] {
        &self.messages
    }

    /// Bytes of scratch memory the worker holds now (records, rows, outputs, network buffers).
    pub fn scratch_bytes(&self) -> u64 {
        let slots: usize = self.slots.iter().map(|s| s.rows.capacity_bytes() + s.out.capacity() * 4).sum();
        let network = self.record.capacity_bytes() + self.tokens.capacity() * 4 + self.scratch.capacity_bytes();
        (slots + network + self.reader.capacity_bytes()) as u64
    }

    /// Applies `Options::input_filter` to a record's line, writing the model's part to `out`.
    fn filter_input(&mut self, line: &[u8], out: &mut Vec<u8>) -> Result<(), String> {
        out.clear();
        let Some(filter) = &self.options.input_filter else { return Ok(()) };
        match self.content_type {
            ContentType::Csv => {
                self.filter_fields.split(crate::records::strip_bom(line));
                filter.write_columns(&self.filter_fields, out).map_err(|e| format!("--input-filter: {e}"))
            }
            ContentType::JsonLines => {
                let value: serde_json::Value = serde_json::from_slice(line).map_err(|e| format!("--input-filter: malformed JSON: {e}"))?;
                let selected = filter.select(&value).ok_or("--input-filter: the record has no such field")?;
                let record = match selected {
                    serde_json::Value::Array(features) => serde_json::json!({ "features": features }),
                    serde_json::Value::String(text) => serde_json::json!({ "text": text }),
                    object @ serde_json::Value::Object(_) => object,
                    _ => return Err("--input-filter: selects neither an object, an array of features nor a text".into()),
                };
                serde_json::to_writer(&mut *out, &record).map_err(|e| e.to_string())
            }
            // No filter for these ([`super::Options::check`]).
            ContentType::Text | ContentType::Libsvm => {
                out.extend_from_slice(line);
                Ok(())
            }
        }
    }

    /// Reads and routes one record and places it in its model's slot; returns the slot and the
    /// record's row in it.
    fn place(&mut self, line: &[u8]) -> Result<(usize, usize), Fault> {
        let record = self.reader.read(line);
        if self.options.id_column.is_some() {
            self.ids.resize(self.outcomes.len(), None);
            self.ids.push(record.as_ref().ok().and_then(|r| r.id()).map(str::to_string));
        }
        let record = record.map_err(|e| (Failure::Record, e.to_string()))?;
        let name = record.model().or(self.has_default.then_some(self.default_model.as_str()));
        // The model name borrows the reader's buffer: the slot is looked up with split borrows.
        let slot = slot_for(self.registry, &mut self.slots, &mut self.slot_of, &mut self.active, name)?;
        let header = self.header.as_deref().map(|h| (h, route_column(self.options), id_column(self.options)));
        let row = fill(&mut self.slots[slot], &record, header, &mut self.record, &mut self.tokens, &mut self.scratch, self.output)?;
        Ok((slot, row))
    }

    /// Predicts the waiting rows of every slot, one call per model.
    fn predict_rows(&mut self) {
        let mut refused = false;
        for &i in &self.active {
            let slot = &mut self.slots[i];
            let Some(Ok(handle)) = &slot.model else { continue };
            if slot.batched {
                let model = *handle.model();
                slot.out.resize(slot.count * slot.width, 0.0);
                let start = Instant::now();
                let done = model.run(Input::Rows(&slot.rows.floats), self.output, &mut self.scratch.for_model(&model), &mut slot.out);
                slot.elapsed += start.elapsed();
                slot.refused = done.err().map(|e| e.to_string());
                refused |= slot.refused.is_some();
            }
            handle.record(slot.count as u64, slot.elapsed);
            self.model_time += slot.elapsed;
        }
        if !refused {
            return;
        }
        for outcome in &mut self.outcomes {
            if let Outcome::Value { slot, .. } = *outcome {
                if let Some(message) = &self.slots[slot as usize].refused {
                    self.messages.push(message.clone());
                    // The model's own sizes were refused: the model, not the record, is at fault.
                    *outcome = Outcome::Error { message: self.messages.len() as u32 - 1, failure: Failure::ModelUnavailable };
                }
            }
        }
    }

    /// Formats the batch's answers in input order.
    fn format(&self, batch: &Batch) -> Predicted {
        if batch.records.is_empty() {
            // An empty input's one batch: an empty output in every format (no empty
            // `{"predictions": []}` line; docs/transform.md).
            return Predicted {
                out: Vec::new(),
                records: 0,
                errors: 0,
                first_error: None,
                failed: Vec::new(),
                model_time: self.model_time,
            };
        }
        let accept = self.options.accept;
        let mut out = Vec::with_capacity(batch.records.len() * 24);
        let mut failed = Vec::new();
        accept.open(&mut out);
        for (i, answer) in self.answers().enumerate() {
            accept.separate(&mut out, i);
            let id = self.options.id_column.map(|_| self.id(i).unwrap_or_default());
            let joined = self.options.join_input || self.options.output_filter.is_some();
            match answer {
                Ok(values) if joined => {
                    let line = batch.record(i).unwrap_or_default();
                    if let Err(message) = self.write_joined(&mut out, line, values) {
                        let line = batch.first_line + i as u64;
                        write_error_with_id(&mut out, &message, line, id);
                        failed.push((line, message));
                    }
                }
                Ok(values) => write_prediction_with_id(&mut out, values, id),
                Err(message) => {
                    let line = batch.first_line + i as u64;
                    write_error_with_id(&mut out, message, line, id);
                    failed.push((line, message.to_string()));
                }
            }
            accept.end_record(&mut out);
        }
        accept.close(&mut out);
        Predicted {
            out,
            records: batch.records.len() as u64,
            errors: failed.len() as u64,
            first_error: failed.first().cloned(),
            failed,
            model_time: self.model_time,
        }
    }

    /// Writes a record's output as SageMaker's `JoinSource` and `OutputFilter` make it: CSV, the
    /// input's columns then the prediction's (or the prediction's alone), then the filter's
    /// columns; JSON, the input object with `SageMakerOutput` (or the prediction alone), then
    /// the filter's selection.
    fn write_joined(&self, out: &mut Vec<u8>, line: &[u8], values: &[f32]) -> Result<(), String> {
        let line = crate::records::strip_bom(line);
        match self.content_type {
            // LIBSVM is joined to nothing ([`super::Options::check`]): its values alone.
            ContentType::Csv | ContentType::Text | ContentType::Libsvm => {
                let mut joined = Vec::with_capacity(line.len() + 16 * values.len());
                if self.options.join_input {
                    joined.extend_from_slice(line);
                    joined.push(b',');
                }
                super::output::write_csv_values(&mut joined, values);
                match &self.options.output_filter {
                    Some(filter) => {
                        let mut fields = CsvFields::default();
                        fields.split(&joined);
                        filter.write_columns(&fields, out).map_err(|e| format!("--output-filter: {e}"))
                    }
                    None => {
                        out.extend_from_slice(&joined);
                        Ok(())
                    }
                }
            }
            ContentType::JsonLines => {
                let prediction: serde_json::Value = match values {
                    [v] => serde_json::json!(v),
                    values => serde_json::json!(values),
                };
                let joined = if self.options.join_input {
                    let mut input: serde_json::Value =
                        serde_json::from_slice(line).map_err(|e| format!("--join-source input: malformed JSON: {e}"))?;
                    let object = input.as_object_mut().ok_or("--join-source input: the record is not an object")?;
                    object.insert("SageMakerOutput".into(), prediction);
                    input
                } else {
                    prediction
                };
                let kept = match &self.options.output_filter {
                    Some(filter) => filter.select(&joined).ok_or("--output-filter: the output has no such field")?,
                    None => joined,
                };
                serde_json::to_writer(&mut *out, &kept).map_err(|e| e.to_string())
            }
        }
    }

    /// Ends a batch: lets go of the models (so that the registry may free evicted ones).
    pub fn release(&mut self) {
        for &i in &self.active {
            let slot = &mut self.slots[i];
            slot.model = None;
            slot.rows.clear();
            slot.batched = false;
            slot.refused = None;
            slot.out.clear();
            slot.count = 0;
            slot.elapsed = Duration::ZERO;
            slot.columns = None;
        }
        self.active.clear();
        if self.slots.len() > MAX_SLOTS {
            self.slots.clear();
            self.slot_of.clear();
        }
    }
}

/// The route column of a job's records.
fn id_column(options: &Options) -> Option<usize> {
    options.id_column.filter(|_| options.content_type == ContentType::Csv)
}

fn route_column(options: &Options) -> Option<usize> {
    match options.routing {
        Routing::Column(k) => Some(k),
        Routing::Model(_) => None,
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
) -> Result<usize, Fault> {
    let Some(name) = name else {
        return Err((Failure::Record, "no model named: the record has no `model` field and no --model was given".into()));
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
        slot.model = Some(registry.get(name).map_err(fault));
    }
    match slot.model.as_ref() {
        Some(Err(fault)) => Err(fault.clone()),
        _ => Ok(i),
    }
}

/// What a registry's refusal of a model means for the records that name it.
pub fn failure(error: &HostError) -> Failure {
    match error {
        HostError::UnknownModel { .. } | HostError::ModelRequired { .. } => Failure::UnknownModel,
        HostError::Io { .. }
        | HostError::Format { .. }
        | HostError::Model { .. }
        | HostError::NotAnArtifact { .. }
        | HostError::EmptyDirectory { .. } => Failure::ModelUnavailable,
    }
}

/// A registry's refusal as a record's fault; an unknown model is named without the source's path.
fn fault(error: HostError) -> Fault {
    let message = match &error {
        HostError::UnknownModel { model, closest: Some(closest), .. } => format!("unknown model `{model}`; did you mean `{closest}`?"),
        HostError::UnknownModel { model, .. } => format!("unknown model `{model}`"),
        e => e.to_string(),
    };
    (failure(&error), message)
}

/// Reads `record` as its slot's model takes it and places it there: numbers wait in the slot
/// for its batched call, other inputs are predicted now. Returns the record's row in the slot.
fn fill(
    slot: &mut Slot,
    record: &Record<'_>,
    header: Option<(&CsvHeader, Option<usize>, Option<usize>)>,
    buf: &mut InputBuf,
    tokens: &mut Vec<u32>,
    scratch: &mut ScratchBuf,
    output: Output,
) -> Result<usize, Fault> {
    let bad = |e: &dyn std::fmt::Display| (Failure::Record, e.to_string());
    let Some(Ok(handle)) = &slot.model else { return Err((Failure::ModelUnavailable, "no model".into())) };
    let model = *handle.model();
    slot.width = model.width(output);
    // With a header, the columns of the model's features, by name where it has names.
    if let Some((header, route, id)) = header {
        if slot.columns.is_none() {
            let columns = header.columns_of(model.feature_names(), route, id);
            slot.columns = Some(columns.map_err(|e| format!("line 1: {e}")));
        }
    }
    let columns = match &slot.columns {
        Some(Err(message)) if header.is_some() => return Err((Failure::Record, message.clone())),
        Some(Ok(Some(columns))) if header.is_some() => Some(columns.as_slice()),
        _ => None,
    };
    if let InputKind::Floats { .. } = model.input_kind() {
        record.input_by_columns(&model, columns, &mut slot.rows).map_err(|e| bad(&e))?;
        slot.batched = true;
    } else {
        buf.clear();
        let input = record.input_by_columns(&model, columns, buf).map_err(|e| bad(&e))?;
        let start = slot.out.len();
        slot.out.resize(start + slot.width, 0.0);
        match predict_one(&model, input, output, scratch, tokens, &mut slot.out[start..]) {
            Ok(elapsed) => slot.elapsed += elapsed,
            Err(e) => {
                slot.out.truncate(start);
                return Err(bad(&e));
            }
        }
    }
    slot.count += 1;
    Ok(slot.count - 1)
}

/// Predicts one record into `out`; returns the time spent in the model. Raw text is tokenized
/// (into `tokens`) before the clock starts: `mlc bench`'s (and `mlc serve`'s) model latency is
/// the network alone.
pub fn predict_one(
    model: &Model<'_>,
    input: Input<'_>,
    output: Output,
    scratch: &mut ScratchBuf,
    tokens: &mut Vec<u32>,
    out: &mut [f32],
) -> Result<Duration, PredictError> {
    let mut scratch = scratch.for_model(model);
    let input = match input {
        Input::Text(text) => {
            tokens.clear();
            tokens.extend_from_slice(model.tokenize(text, &mut scratch)?);
            Input::Ids(tokens)
        }
        input => input,
    };
    let start = Instant::now();
    model.run(input, output, &mut scratch, out)?;
    Ok(start.elapsed())
}
