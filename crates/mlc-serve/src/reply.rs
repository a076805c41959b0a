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
    /// More headers: `Allow` of a 405, `Retry-After` of a 503, `x-amzn-ErrorType` of the
    /// SageMaker runtime API's errors.
    pub headers: Vec<(&'static str, &'static str)>,
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
            headers: Vec::new(),
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

/// An error `reply` of the model container answered as the SageMaker runtime API answers it
/// (`POST /endpoints/{endpoint}/invocations`, what `boto3`'s `invoke_endpoint` calls), so that
/// botocore raises its modeled exception with the server's message: `ServiceUnavailable` (503,
/// the server is full; botocore retries it), else `ModelError` (424, with the container's
/// status and message in `OriginalStatusCode` and `OriginalMessage`). Other replies are
/// returned as they are.
pub fn runtime_api_error(mut reply: Reply) -> Reply {
    let status = reply.status;
    if !(status.is_client_error() || status.is_server_error()) {
        return reply;
    }
    let parsed: Option<serde_json::Value> = serde_json::from_slice(&reply.body).ok();
    let original = parsed.as_ref().and_then(|v| v["error"].as_str()).unwrap_or_default().to_string();
    let body = if status == StatusCode::SERVICE_UNAVAILABLE {
        reply.headers.push(("x-amzn-errortype", "ServiceUnavailable"));
        serde_json::json!({ "message": original })
    } else {
        let (side, code) = if status.is_client_error() { ("client", "CLIENT") } else { ("server", "SERVER") };
        reply.headers.push(("x-amzn-errortype", "ModelError"));
        reply.status = StatusCode::FAILED_DEPENDENCY;
        serde_json::json!({
            "ErrorCode": format!("{code}_ERROR_FROM_MODEL"),
            "Message": format!("Received {side} error ({}) from model with message \"{original}\"", status.as_u16()),
            "OriginalStatusCode": status.as_u16(),
            "OriginalMessage": original,
        })
    };
    reply.content_type = Some(JSON);
    reply.body = body.to_string().into_bytes();
    reply
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

    /// botocore reads `x-amzn-ErrorType` for the exception and `message`/`Message` for its text.
    #[test]
    fn runtime_api_errors_are_what_botocore_reads() {
        let reply = runtime_api_error(Reply::error(&ApiError::not_found("unknown model `ZZ`")));
        assert_eq!((reply.status, reply.headers.as_slice()), (StatusCode::FAILED_DEPENDENCY, &[("x-amzn-errortype", "ModelError")][..]));
        let value: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
        assert_eq!(value["Message"], "Received client error (404) from model with message \"unknown model `ZZ`\"");
        assert_eq!((value["OriginalStatusCode"].as_u64(), value["OriginalMessage"].as_str()), (Some(404), Some("unknown model `ZZ`")));
        let full = runtime_api_error(Reply::error(&ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "full")));
        assert_eq!((full.status, full.headers[0].1), (StatusCode::SERVICE_UNAVAILABLE, "ServiceUnavailable"));
        let ok = runtime_api_error(Reply::json(b"[]".to_vec()));
        assert_eq!((ok.status, ok.body.as_slice()), (StatusCode::OK, &b"[]"[..]));
    }
}
