//! Answers: what a handler or a worker gives back, before the server adds the latency headers
//! and writes it.

use std::time::Duration;

use hyper::StatusCode;

use crate::protocol::oip_reply::write_string;
use crate::protocol::ApiError;

/// Media type of JSON answers and errors.
pub const JSON: &str = "application/json";

/// An answer.
#[derive(Debug)]
pub struct Reply {
    /// The status.
    pub status: StatusCode,
    /// `Content-Type` (none for an empty body).
    pub content_type: Option<&'static str>,
    /// The body.
    pub body: Vec<u8>,
    /// `Inference-Header-Content-Length`: the JSON part of an answer with binary outputs.
    pub inference_header: Option<usize>,
    /// The model the request was for, once the registry knew it (for the per-model metrics).
    pub model: Option<String>,
    /// Records predicted.
    pub records: u64,
    /// Time inside the runtime's calls.
    pub model_time: Duration,
    /// Time the request waited for a worker.
    pub queue: Duration,
    /// One more header: `Allow` of a 405, `Retry-After` of a 503.
    pub header: Option<(&'static str, &'static str)>,
}

impl Reply {
    /// An answer of `status` with a `content_type` body.
    pub fn new(status: StatusCode, content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            content_type: Some(content_type),
            body,
            inference_header: None,
            model: None,
            records: 0,
            model_time: Duration::ZERO,
            queue: Duration::ZERO,
            header: None,
        }
    }

    /// `200 OK` with a JSON body.
    pub fn json(body: Vec<u8>) -> Reply {
        Reply::new(StatusCode::OK, JSON, body)
    }

    /// `status` with an empty body.
    pub fn empty(status: StatusCode) -> Reply {
        Reply { content_type: None, ..Reply::new(status, JSON, Vec::new()) }
    }

    /// The error's status and `{"error": "..."}`.
    pub fn error(error: &ApiError) -> Reply {
        Reply::new(error.status, JSON, error_body(&error.message))
    }

    /// Sets the model the request was for.
    pub fn for_model(mut self, model: Option<&str>) -> Reply {
        self.model = model.map(str::to_string);
        self
    }
}

/// `{"error": "MESSAGE"}`.
pub fn error_body(message: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(message.len() + 16);
    out.extend_from_slice(b"{\"error\":");
    write_string(&mut out, message);
    out.push(b'}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_json() {
        let reply = Reply::error(&ApiError::bad_request("line 2: column 5: `\"x` is not a number"));
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        let value: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
        assert_eq!(value["error"], "line 2: column 5: `\"x` is not a number");
    }
}
