//! The requests sent to an endpoint, built once before the load starts from the workload's
//! batches, read by the record pipeline ([`crate::records`]).
//!
//! * SageMaker (`POST /invocations`): the batch's records as the workload has them (CSV rows,
//!   JSON Lines, texts), one per line; a CSV route column becomes the request's
//!   `X-Amzn-SageMaker-Target-Model` and leaves the rows.
//! * Open Inference Protocol v2 (`POST /v2/models/{m}/infer`, JSON): numbers as an FP32
//!   `features` tensor `[B, F]` (a missing value is `null`), texts as a BYTES `text` tensor `[B]`.
//!
//! A request goes to one model: its records' (route column or JSON `model`), else `--model`.

use std::fmt::Write as _;

use crate::records::{ContentType, RecordReader};
use crate::transform::split::Batch;

use super::super::BenchError;

/// The protocol requests are sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// SageMaker's container contract: `POST /invocations`.
    SageMaker,
    /// Open Inference Protocol v2 REST, JSON tensors: `POST /v2/models/{m}/infer`.
    Oip,
}

/// What every request shares.
pub struct Target<'a> {
    /// The protocol.
    pub protocol: Protocol,
    /// The `Host` header.
    pub host: &'a str,
    /// A path the endpoint's routes are under (`""`: none).
    pub base_path: &'a str,
    /// The model of records that name none.
    pub model: Option<&'a str>,
    /// CSV: the 1-based column naming each record's model.
    pub route_column: Option<usize>,
}

/// A whole HTTP/1.1 request (head and body) per batch.
pub fn build(batches: &[Batch], content_type: ContentType, target: &Target) -> Result<Vec<Vec<u8>>, BenchError> {
    let mut reader = RecordReader::new(content_type, target.route_column);
    let mut numbers = Vec::new();
    batches
        .iter()
        .map(|batch| {
            let mut body = Vec::new();
            let mut model: Option<String> = None;
            let mut rows = 0usize;
            numbers.clear();
            let mut texts: Vec<String> = Vec::new();
            for i in 0..batch.records.len() {
                let line_no = batch.first_line + i as u64;
                let bad = |e: &dyn std::fmt::Display| BenchError::Invalid(format!("input line {line_no}: {e}"));
                let line = batch.record(i).map_err(|_| bad(&"not a record"))?;
                let record = reader.read(line).map_err(|e| bad(&e))?;
                let named = record.model().or(target.model);
                match (&model, named) {
                    (None, Some(m)) => model = Some(m.to_string()),
                    (Some(first), Some(m)) if first != m => {
                        return Err(bad(&format!(
                        "model `{m}`, but this request's first record is for `{first}`: a request goes to one model (use --batch-size 1)"
                    )))
                    }
                    _ => {}
                }
                match target.protocol {
                    Protocol::SageMaker => {
                        if i > 0 {
                            body.push(b'\n');
                        }
                        if target.route_column.is_none() || !record.write_csv_fields(&mut body) {
                            body.extend_from_slice(line);
                        }
                    }
                    Protocol::Oip => match record.text() {
                        Some(text) => texts.push(String::from_utf8_lossy(text).into_owned()),
                        None => {
                            let before = numbers.len();
                            record.numbers(&mut numbers).map_err(|e| bad(&e))?;
                            let width = numbers.len() - before;
                            if rows > 0 && width * rows != before {
                                return Err(bad(&format!("{width} values, but the request's first record has {}", before / rows)));
                            }
                            rows += 1;
                        }
                    },
                }
            }
            if !texts.is_empty() && rows > 0 {
                return Err(BenchError::Invalid(format!(
                    "input line {}: texts and numbers in one request (an OIP v2 request has one input tensor)",
                    batch.first_line
                )));
            }
            let (path, content_type) = match target.protocol {
                Protocol::SageMaker => ("/invocations".to_string(), content_type.mime()),
                Protocol::Oip => {
                    let model = model.as_deref().ok_or_else(|| {
                        BenchError::Invalid("an OIP v2 request names its model in the path: give --model or --route-column".into())
                    })?;
                    body = oip_body(&numbers, rows, &texts);
                    (format!("/v2/models/{}/infer", encode_path(model)), "application/json")
                }
            };
            let mut head = format!(
                "POST {}{path} HTTP/1.1\r\nHost: {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n",
                target.base_path,
                target.host,
                body.len()
            );
            if let (Protocol::SageMaker, Some(m)) = (target.protocol, &model) {
                let _ = write!(head, "X-Amzn-SageMaker-Target-Model: {m}\r\n");
            }
            head.push_str("\r\n");
            let mut request = head.into_bytes();
            request.extend_from_slice(&body);
            Ok(request)
        })
        .collect()
}

/// An OIP v2 inference request: `rows` records of `numbers`, or `texts`.
fn oip_body(numbers: &[f32], rows: usize, texts: &[String]) -> Vec<u8> {
    let mut out = String::from(r#"{"inputs":[{"#);
    if texts.is_empty() {
        let width = numbers.len() / rows.max(1);
        let _ = write!(out, r#""name":"features","datatype":"FP32","shape":[{rows},{width}],"data":["#);
        let mut text = ryu::Buffer::new();
        for (i, x) in numbers.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(if x.is_finite() { text.format_finite(*x) } else { "null" });
        }
    } else {
        let _ = write!(out, r#""name":"text","datatype":"BYTES","shape":[{}],"data":["#, texts.len());
        for (i, t) in texts.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(t).expect("a string serializes"));
        }
    }
    out.push_str("]}]}");
    out.into_bytes()
}

/// A model name as a path segment (`/` and anything outside `A-Za-z0-9-._~` percent-encoded).
fn encode_path(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::Workload;

    fn requests(
        lines: &[&str],
        content_type: ContentType,
        protocol: Protocol,
        route: Option<usize>,
        batch: usize,
    ) -> Result<Vec<String>, String> {
        let workload = Workload { content_type, lines: lines.iter().map(|l| l.as_bytes().to_vec()).collect() };
        let target = Target { protocol, host: "h:1", base_path: "", model: None, route_column: route };
        let built = build(&workload.batches(batch), content_type, &target).map_err(|e| e.to_string())?;
        Ok(built.into_iter().map(|r| String::from_utf8(r).unwrap()).collect())
    }

    #[test]
    fn sagemaker_requests_take_the_route_column_as_the_target_model() {
        let r = requests(&["AK,1,,3", "NY,4,5,6"], ContentType::Csv, Protocol::SageMaker, Some(1), 1).unwrap();
        assert_eq!(
            r[0],
            "POST /invocations HTTP/1.1\r\nHost: h:1\r\nContent-Type: text/csv\r\nContent-Length: 4\r\nX-Amzn-SageMaker-Target-Model: AK\r\n\r\n1,,3"
        );
        assert!(r[1].ends_with("Target-Model: NY\r\n\r\n4,5,6"), "{}", r[1]);
        let e = requests(&["AK,1", "NY,2"], ContentType::Csv, Protocol::SageMaker, Some(1), 2).unwrap_err();
        assert!(e.contains("input line 2: model `NY`, but this request's first record is for `AK`"), "{e}");
    }

    #[test]
    fn oip_requests_are_tensors() {
        let r = requests(&["AK,1.5,,3", "AK,4,5,6"], ContentType::Csv, Protocol::Oip, Some(1), 2).unwrap();
        assert!(r[0].starts_with("POST /v2/models/AK/infer HTTP/1.1\r\n"), "{}", r[0]);
        assert!(
            r[0].ends_with(r#"{"inputs":[{"name":"features","datatype":"FP32","shape":[2,3],"data":[1.5,null,3.0,4.0,5.0,6.0]}]}"#),
            "{}",
            r[0]
        );
        let t = requests(&[r#"{"model":"a/b","text":"a \"great\" film"}"#], ContentType::JsonLines, Protocol::Oip, None, 1).unwrap();
        assert!(t[0].starts_with("POST /v2/models/a%2Fb/infer "), "{}", t[0]);
        assert!(t[0].ends_with(r#""shape":[1],"data":["a \"great\" film"]}]}"#), "{}", t[0]);
        let e = requests(&["1,2"], ContentType::Csv, Protocol::Oip, None, 1).unwrap_err();
        assert!(e.contains("give --model or --route-column"), "{e}");
        let e = requests(&["AK,1,x"], ContentType::Csv, Protocol::Oip, Some(1), 1).unwrap_err();
        assert!(e.contains("input line 1: column 3: `x` is not a number"), "{e}");
    }
}
