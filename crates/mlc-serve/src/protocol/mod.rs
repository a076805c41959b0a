//! The request parsers: pure functions of (headers, body bytes) to a typed request or an
//! [`ApiError`] naming what is wrong. Nothing here touches a socket, a model or a clock, so the
//! fuzz target `serve_requests` (fuzz/fuzz_targets/serve_requests.rs) calls them as the server
//! does.
//!
//! * [`oip`]: Open Inference Protocol v2 inference requests, JSON and the binary tensor
//!   extension; [`tensor`] reads their tensors into a model's input; [`oip_reply`] writes
//!   the answers.
//! * [`sagemaker`]: SageMaker invocations (content type, accept, target model; the records of
//!   the body are read by `mlc_host::records`, as `mlc transform` reads them) and the
//!   multi-model API's load request.

pub mod oip;
pub mod oip_reply;
pub mod sagemaker;
pub mod tensor;

use hyper::StatusCode;

/// A request that cannot be answered: the status code and a message that names what was
/// wrong, sent as `{"error": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// What was wrong.
    pub message: String,
}

impl ApiError {
    /// An error of `status`.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, message: message.into() }
    }

    /// 400 Bad Request: the request itself is malformed.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404 Not Found.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.message)
    }
}

/// The request headers the parsers read, as raw bytes (absent: `None`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Headers<'a> {
    /// `Content-Type`.
    pub content_type: Option<&'a [u8]>,
    /// `Accept`.
    pub accept: Option<&'a [u8]>,
    /// `Content-Encoding`.
    pub content_encoding: Option<&'a [u8]>,
    /// `Inference-Header-Content-Length` (the binary tensor extension).
    pub inference_header_length: Option<&'a [u8]>,
    /// `X-Amzn-SageMaker-Target-Model` (or the older `X-Amzn-Target-Model`).
    pub target_model: Option<&'a [u8]>,
}

/// The header names the parsers read, lower case.
pub mod names {
    /// The binary tensor extension's length of the JSON part.
    pub const INFERENCE_HEADER_LENGTH: &str = "inference-header-content-length";
    /// SageMaker's multi-model routing header.
    pub const TARGET_MODEL: &str = "x-amzn-sagemaker-target-model";
    /// Its older name.
    pub const TARGET_MODEL_OLD: &str = "x-amzn-target-model";
}

/// The value of header `name` as text (visible ASCII and spaces, as HTTP allows; surrounding
/// spaces removed); an error naming the header otherwise.
pub fn header_text<'a>(name: &str, value: &'a [u8]) -> Result<&'a str, ApiError> {
    match std::str::from_utf8(value) {
        Ok(text) if text.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b)) => Ok(text.trim()),
        _ => Err(ApiError::bad_request(format!("header {name}: not ASCII text"))),
    }
}

/// A request must not be compressed: the parsers read bytes as they are.
pub fn check_encoding(headers: &Headers<'_>) -> Result<(), ApiError> {
    match headers.content_encoding.map(|v| header_text("Content-Encoding", v)).transpose()? {
        None | Some("") | Some("identity") => Ok(()),
        Some(other) => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("Content-Encoding `{other}` is not supported: send the body uncompressed"),
        )),
    }
}

/// The media type of a header value such as `Content-Type`'s, without parameters, lower case.
pub fn essence(value: &str) -> String {
    value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values() {
        assert_eq!(header_text("X", b" AK ").unwrap(), "AK");
        assert_eq!(header_text("X", b"\xff").unwrap_err().message, "header X: not ASCII text");
        assert!(check_encoding(&Headers { content_encoding: Some(b"identity"), ..Headers::default() }).is_ok());
        let e = check_encoding(&Headers { content_encoding: Some(b"gzip"), ..Headers::default() }).unwrap_err();
        assert_eq!(e.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(essence("Application/JSON; charset=utf-8"), "application/json");
    }
}
