//! A worker's execution of requests: Open Inference Protocol tensors into the model's one call
//! ([`Model::run`]), SageMaker invocations through `mlc transform`'s own record worker
//! (`mlc_host::transform::Worker`: the same reading, routing and batching as a batch job), and
//! the management calls. Buffers live as long as the worker, so a request allocates little
//! beyond its body, its answer and (JSON) its parse.

use std::time::{Duration, Instant};

use hyper::{HeaderMap, StatusCode};
use mlc_host::transform::output::{write_csv_values, write_prediction};
use mlc_host::transform::predict::{predict_one, Failure};
use mlc_host::transform::{Accept, Batch, Options, Worker};
use mlc_host::Registry;
use mlc_runtime::{Input, Output, ScratchBuf};

use crate::metrics::Metrics;
use crate::pool::Work;
use crate::protocol::oip::parse_infer;
use crate::protocol::oip_reply::{self, write_response};
use crate::protocol::sagemaker::{parse_invocation, Answer};
use crate::protocol::{names, ApiError, Headers};
use crate::reply::{Reply, JSON};
use crate::repository::{self, manage};
use crate::signature::{self, Reading};

/// A worker's state: the registry, the record worker, and reusable buffers.
pub struct Executor<'r> {
    registry: &'r Registry,
    metrics: &'r Metrics,
    /// The model of requests that name none: the source's only model.
    default_model: Option<&'r str>,
    records: Worker<'r>,
    batch: Batch,
    floats: Vec<f32>,
    ids: Vec<u32>,
    tokens: Vec<u32>,
    /// Outputs: one buffer per output asked for (predictions, margins).
    outputs: [Vec<f32>; 2],
    scratch: ScratchBuf,
}

/// The headers the parsers read.
pub fn headers(map: &HeaderMap) -> Headers<'_> {
    let get = |name: &str| map.get(name).map(|v| v.as_bytes());
    Headers {
        content_type: get("content-type"),
        accept: get("accept"),
        content_encoding: get("content-encoding"),
        inference_header_length: get(names::INFERENCE_HEADER_LENGTH),
        target_model: get(names::TARGET_MODEL).or_else(|| get(names::TARGET_MODEL_OLD)),
    }
}

impl<'r> Executor<'r> {
    /// A worker's executor.
    pub fn new(registry: &'r Registry, metrics: &'r Metrics, options: &'r Options, default_model: Option<&'r str>) -> Executor<'r> {
        Executor {
            registry,
            metrics,
            default_model,
            records: Worker::new(registry, options, None),
            batch: Batch::default(),
            floats: Vec::new(),
            ids: Vec::new(),
            tokens: Vec::new(),
            outputs: [Vec::new(), Vec::new()],
            scratch: ScratchBuf::new(),
        }
    }

    /// Does `work`.
    pub fn run(&mut self, work: Work) -> Reply {
        match work {
            Work::Infer { model, headers: map, body } => {
                let known = self.registry.file_of(&model).is_ok().then_some(model.as_str());
                self.infer(&model, &headers(&map), &body).unwrap_or_else(|e| Reply::error(&e)).for_model(known)
            }
            Work::Invoke { model, headers: map, body } => self.invoke(model.as_deref(), &headers(&map), body),
            Work::Manage(call) => manage(self.registry, self.metrics, call).unwrap_or_else(|e| Reply::error(&e)),
        }
    }

    /// An Open Inference Protocol inference request for `model`.
    fn infer(&mut self, model: &str, headers: &Headers<'_>, body: &[u8]) -> Result<Reply, ApiError> {
        let request = parse_infer(headers, body)?;
        let handle = repository::model(self.registry, model, None)?;
        let m = *handle.model();
        // The outputs asked for, and whether each goes in binary.
        let mut wanted: [Option<(Output, &str, bool)>; 2] = [None, None];
        if request.outputs.is_empty() {
            wanted[0] = Some((Output::Prediction, signature::PREDICTIONS, request.binary(None)));
        }
        for (i, o) in request.outputs.iter().enumerate() {
            let output = signature::output(&m, &o.name)?;
            let slot = &mut wanted[(output == Output::Margins) as usize];
            if slot.is_some() {
                return Err(ApiError::bad_request(format!("output `{}` is asked for twice", o.name)));
            }
            *slot = Some((output, o.name.as_ref(), request.binary(Some(i))));
        }
        let [input] = request.inputs.as_slice() else {
            return Err(ApiError::bad_request(format!(
                "the model takes one input ({}), the request gives {}",
                signature::inputs(&m).iter().map(|s| format!("`{}`", s.name)).collect::<Vec<_>>().join(" or "),
                request.inputs.len()
            )));
        };
        let reading = signature::check_input(&m, input)?;
        let bad = ApiError::bad_request;
        let mut model_time = Duration::ZERO;
        let rows = match reading {
            Reading::Floats { rows } => {
                self.floats.clear();
                input.read_floats(&mut self.floats).map_err(bad)?;
                let mut scratch = self.scratch.for_model(&m);
                for (out, wanted) in self.outputs.iter_mut().zip(&wanted) {
                    let Some((output, _, _)) = wanted else { continue };
                    out.clear();
                    out.resize(rows * m.width(*output), 0.0);
                    if rows > 0 {
                        let start = Instant::now();
                        m.run(Input::Rows(&self.floats), *output, &mut scratch, out).map_err(|e| bad(e.to_string()))?;
                        model_time += start.elapsed();
                    }
                }
                rows
            }
            Reading::Ids { rows } => {
                self.ids.clear();
                input.read_ids(&mut self.ids).map_err(bad)?;
                let out = &mut self.outputs[0];
                out.clear();
                out.resize(rows * m.width(Output::Prediction), 0.0);
                if rows > 0 {
                    let mut scratch = self.scratch.for_model(&m);
                    let start = Instant::now();
                    m.run(Input::Ids(&self.ids), Output::Prediction, &mut scratch, out)
                        .map_err(|e| bad(format!("input `{}`: {e}", input.name)))?;
                    model_time += start.elapsed();
                }
                rows
            }
            Reading::Texts { rows } => {
                let texts = input.read_texts().map_err(bad)?;
                let width = m.width(Output::Prediction);
                let out = &mut self.outputs[0];
                out.clear();
                out.resize(rows * width, 0.0);
                for (i, (text, out)) in texts.iter().zip(out.chunks_exact_mut(width)).enumerate() {
                    model_time += predict_one(&m, Input::Text(text), Output::Prediction, &mut self.scratch, &mut self.tokens, out)
                        .map_err(|e| bad(format!("input `{}`: element {}: {e}", input.name, i + 1)))?;
                }
                rows
            }
        };
        handle.record(rows as u64, model_time);
        let outputs: Vec<oip_reply::Output<'_>> = wanted
            .iter()
            .zip(&self.outputs)
            .filter_map(|(wanted, values)| {
                let (output, name, binary) = (*wanted)?;
                Some(oip_reply::Output { name, rows, width: m.width(output), values, binary })
            })
            .collect();
        let mut body = Vec::with_capacity(128 + outputs.iter().map(|o| o.values.len() * 12).sum::<usize>());
        let json_len = write_response(&mut body, model, request.id.as_deref(), &outputs);
        let mut reply = Reply::new(StatusCode::OK, if json_len.is_some() { "application/octet-stream" } else { JSON }, body);
        reply.inference_header = json_len;
        reply.records = rows as u64;
        reply.model_time = model_time;
        Ok(reply)
    }

    /// A SageMaker invocation; `path_model` is the model its path names.
    fn invoke(&mut self, path_model: Option<&str>, headers: &Headers<'_>, body: Vec<u8>) -> Reply {
        let invocation = match parse_invocation(headers, path_model) {
            Ok(invocation) => invocation,
            Err(e) => return Reply::error(&e),
        };
        let model = invocation.model.as_deref().or(self.default_model);
        let known = model.filter(|m| self.registry.file_of(m).is_ok()).map(str::to_string);
        if model.is_none() && !invocation.whole_body && invocation.content_type != mlc_host::records::ContentType::JsonLines {
            let e = ApiError::bad_request("the server has several models: name one with the header X-Amzn-SageMaker-Target-Model");
            return Reply::error(&e);
        }
        self.records.set_input(invocation.content_type, model);
        self.batch.set_body(body, invocation.whole_body);
        if self.batch.records.is_empty() {
            return Reply::error(&ApiError::bad_request("the body holds no record")).for_model(known.as_deref());
        }
        self.records.run(&self.batch);
        let reply = match self.records.failures().next() {
            Some((i, failure, message)) => {
                let message = if invocation.whole_body { message.to_string() } else { format!("line {}: {message}", i + 1) };
                let status = match failure {
                    Failure::Record => StatusCode::BAD_REQUEST,
                    Failure::UnknownModel => StatusCode::NOT_FOUND,
                    Failure::ModelUnavailable => StatusCode::INTERNAL_SERVER_ERROR,
                };
                Reply::error(&ApiError::new(status, message))
            }
            None => {
                let mut out = Vec::with_capacity(self.batch.records.len() * 24);
                let accept = Accept::Json;
                if invocation.answer == Answer::Json {
                    accept.open(&mut out);
                }
                for (i, values) in self.records.answers().enumerate() {
                    let values = values.unwrap_or_default();
                    match invocation.answer {
                        Answer::Csv => write_csv_values(&mut out, values),
                        Answer::JsonLines => write_prediction(&mut out, values),
                        Answer::Json => {
                            accept.separate(&mut out, i);
                            write_prediction(&mut out, values);
                        }
                    }
                    if invocation.answer != Answer::Json {
                        out.push(b'\n');
                    }
                }
                if invocation.answer == Answer::Json {
                    accept.close(&mut out);
                }
                let mut reply = Reply::new(StatusCode::OK, invocation.answer.mime(), out);
                reply.records = self.batch.records.len() as u64;
                reply
            }
        };
        let mut reply = reply.for_model(known.as_deref().or_else(|| self.records.models().next()));
        reply.model_time = self.records.model_time();
        self.records.release();
        reply
    }
}
