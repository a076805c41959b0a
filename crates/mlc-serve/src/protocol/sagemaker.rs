//! SageMaker requests: invocations (`POST /invocations`, `POST /endpoints/{name}/invocations`,
//! `POST /models/{name}/invoke`) and the multi-model API's load request (`POST /models`).
//!
//! An invocation's body is records, read by `mlc_host::records` exactly as `mlc transform` reads
//! a file (docs/transform.md): `text/csv` and `application/jsonlines` one record per line,
//! `text/plain` one text per line, and `application/json` one JSON record (`{"features": [...]}`
//! or `{"text": "..."}`) that may span lines. `Accept` chooses the answer's format.

use std::borrow::Cow;

use hyper::StatusCode;
use mlc_host::records::ContentType;
use serde::Deserialize;

use super::{check_encoding, essence, header_text, ApiError, Headers};

/// The format of an invocation's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// `text/csv`: one line per record, its values comma-separated.
    Csv,
    /// `application/jsonlines`: one line per record, a number (one value) or an array.
    JsonLines,
    /// `application/json`: `{"predictions": [...]}`.
    Json,
}

impl Answer {
    /// The media type.
    pub fn mime(self) -> &'static str {
        match self {
            Answer::Csv => "text/csv",
            Answer::JsonLines => "application/jsonlines",
            Answer::Json => "application/json",
        }
    }

    fn from_essence(essence: &str) -> Option<Answer> {
        match essence {
            "text/csv" => Some(Answer::Csv),
            "application/json" => Some(Answer::Json),
            _ => ContentType::from_mime(essence).filter(|&t| t == ContentType::JsonLines).map(|_| Answer::JsonLines),
        }
    }
}

/// A parsed invocation (its body is read by the records' reader).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation<'a> {
    /// How the body's records are written.
    pub content_type: ContentType,
    /// The whole body is one record (`application/json`), not one record per line.
    pub whole_body: bool,
    /// The answer's format.
    pub answer: Answer,
    /// The model the request names (header or path); records of JSON may name their own.
    pub model: Option<Cow<'a, str>>,
}

/// Parses an invocation's headers; `path_model` is the model a path names
/// (`/models/{name}/invoke`), which the target-model header must not contradict.
pub fn parse_invocation<'a>(headers: &Headers<'a>, path_model: Option<&'a str>) -> Result<Invocation<'a>, ApiError> {
    check_encoding(headers)?;
    let (content_type, whole_body) = match headers.content_type.map(|v| header_text("Content-Type", v)).transpose()? {
        None => (ContentType::Csv, false),
        Some(value) => match essence(value).as_str() {
            "application/json" => (ContentType::JsonLines, true),
            "" => (ContentType::Csv, false),
            other => match ContentType::from_mime(other) {
                Some(t) => (t, false),
                None => {
                    return Err(ApiError::new(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        format!(
                            "Content-Type `{value}` is not supported: send text/csv, application/json, application/jsonlines, text/plain or text/libsvm"
                        ),
                    ))
                }
            },
        },
    };
    let default = match (content_type, whole_body) {
        // SageMaker's XGBoost container answers LIBSVM with CSV, as CSV.
        (ContentType::Csv | ContentType::Libsvm, _) => Answer::Csv,
        (_, true) => Answer::Json,
        _ => Answer::JsonLines,
    };
    let answer = match headers.accept.map(|v| header_text("Accept", v)).transpose()? {
        None => default,
        Some(value) => accept(value, default)?,
    };
    let header_model = headers.target_model.map(|v| header_text("X-Amzn-SageMaker-Target-Model", v)).transpose()?;
    let model = match (path_model, header_model) {
        (Some(path), Some(header)) if path != header => {
            return Err(ApiError::bad_request(format!(
                "the path names model `{path}`, the header X-Amzn-SageMaker-Target-Model `{header}`"
            )))
        }
        (Some(name), _) | (None, Some(name)) if !name.is_empty() => Some(Cow::Borrowed(name)),
        (Some(_), _) | (None, Some(_)) => return Err(ApiError::bad_request("the target model's name is empty")),
        (None, None) => None,
    };
    Ok(Invocation { content_type, whole_body, answer, model })
}

/// The format of an `Accept` list this server writes that the client prefers: the highest
/// `q` (1 when absent; `q=0` rules a format out), the first listed among equals (`*/*` and
/// `text/*` or `application/*` allow `default` or the family's own); 406 if none.
fn accept(value: &str, default: Answer) -> Result<Answer, ApiError> {
    let mut best: Option<(f32, Answer)> = None;
    for item in value.split(',') {
        let q = quality(item);
        let chosen = match essence(item).as_str() {
            "" | "*/*" => Some(default),
            "text/*" => Some(Answer::Csv),
            "application/*" if default == Answer::Csv => Some(Answer::Json),
            "application/*" => Some(default),
            other => Answer::from_essence(other),
        };
        if let Some(answer) = chosen.filter(|_| q > 0.0) {
            if best.is_none_or(|(b, _)| q > b) {
                best = Some((q, answer));
            }
        }
    }
    best.map(|(_, answer)| answer).ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_ACCEPTABLE,
            format!("Accept `{value}`: answers are text/csv, application/json or application/jsonlines"),
        )
    })
}

/// The `q` parameter of one item of an `Accept` list (1 when absent or not a number).
fn quality(item: &str) -> f32 {
    item.split(';')
        .skip(1)
        .filter_map(|p| p.split_once('='))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
        .and_then(|(_, v)| v.trim().parse::<f32>().ok())
        .filter(|q| q.is_finite())
        .unwrap_or(1.0)
}

/// The multi-model API's load request (`POST /models`).
#[derive(Debug, Deserialize, PartialEq, Eq)]
pub struct LoadRequest<'a> {
    /// The name to serve the model under.
    #[serde(borrow)]
    pub model_name: Cow<'a, str>,
    /// Where the model is: an artifact file, or a directory holding one `.mlc` artifact. Absent:
    /// the source's model of that name.
    #[serde(borrow, default)]
    pub url: Option<Cow<'a, str>>,
}

/// Parses a load request's body.
pub fn parse_load(body: &[u8]) -> Result<LoadRequest<'_>, ApiError> {
    let request: LoadRequest<'_> = serde_json::from_slice(body).map_err(|e| {
        let message = e.to_string();
        let what = message.rsplit_once(" at line ").map_or(message.as_str(), |(what, _)| what);
        ApiError::bad_request(format!("malformed load request at line {} column {}: {what}", e.line(), e.column()))
    })?;
    if request.model_name.is_empty() {
        return Err(ApiError::bad_request("`model_name` is empty"));
    }
    Ok(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(content_type: Option<&str>, accept: Option<&str>, target: Option<&str>) -> Result<Invocation<'static>, ApiError> {
        let leak = |s: Option<&str>| s.map(|s| &*Box::leak(s.as_bytes().to_vec().into_boxed_slice()));
        let headers = Headers { content_type: leak(content_type), accept: leak(accept), target_model: leak(target), ..Headers::default() };
        parse_invocation(&headers, None)
    }

    #[test]
    fn content_types_and_answers() {
        let csv = parse(Some("text/csv"), None, Some("AK")).unwrap();
        assert_eq!(
            (csv.content_type, csv.whole_body, csv.answer, csv.model.as_deref()),
            (ContentType::Csv, false, Answer::Csv, Some("AK"))
        );
        let json = parse(Some("application/json; charset=utf-8"), None, None).unwrap();
        assert_eq!((json.content_type, json.whole_body, json.answer), (ContentType::JsonLines, true, Answer::Json));
        assert_eq!(parse(Some("application/jsonlines"), None, None).unwrap().answer, Answer::JsonLines);
        assert_eq!(parse(Some("text/plain"), Some("*/*"), None).unwrap().answer, Answer::JsonLines);
        let libsvm = parse(Some("text/libsvm"), None, None).unwrap();
        assert_eq!((libsvm.content_type, libsvm.whole_body, libsvm.answer), (ContentType::Libsvm, false, Answer::Csv));
        assert_eq!(parse(None, Some("application/x-foo, application/json;q=0.9"), None).unwrap().answer, Answer::Json);
        assert_eq!(parse(Some("text/csv"), Some("application/jsonlines"), None).unwrap().answer, Answer::JsonLines);
        // q-values: the highest wins, the first among equals; q=0 rules a format out.
        assert_eq!(parse(None, Some("application/json;q=0.5, text/csv"), None).unwrap().answer, Answer::Csv);
        assert_eq!(parse(None, Some("text/csv;q=0.2, application/jsonlines;q=0.8, */*;q=0.1"), None).unwrap().answer, Answer::JsonLines);
        assert_eq!(parse(None, Some("application/json, text/csv"), None).unwrap().answer, Answer::Json);
        assert_eq!(parse(None, Some("text/csv;q=0"), None).unwrap_err().status, StatusCode::NOT_ACCEPTABLE);
        let e = parse(Some("application/x-npy"), None, None).unwrap_err();
        assert_eq!(e.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(e.message.starts_with("Content-Type `application/x-npy` is not supported"), "{}", e.message);
        assert_eq!(parse(None, Some("image/png"), None).unwrap_err().status, StatusCode::NOT_ACCEPTABLE);
        assert_eq!(parse(None, None, Some("")).unwrap_err().message, "the target model's name is empty");
    }

    #[test]
    fn path_and_header_models() {
        let headers = Headers { target_model: Some(b"AL"), ..Headers::default() };
        assert_eq!(parse_invocation(&headers, Some("AL")).unwrap().model.as_deref(), Some("AL"));
        assert!(parse_invocation(&headers, Some("AK")).unwrap_err().message.contains("`AK`"));
    }

    #[test]
    fn load_requests() {
        let r = parse_load(br#"{"model_name": "m", "url": "/opt/ml/models/m"}"#).unwrap();
        assert_eq!((r.model_name.as_ref(), r.url.as_deref()), ("m", Some("/opt/ml/models/m")));
        assert_eq!(parse_load(br#"{"model_name": ""}"#).unwrap_err().message, "`model_name` is empty");
        assert!(parse_load(b"{").unwrap_err().message.starts_with("malformed load request at line 1 column 1"));
        assert!(parse_load(br#"{"url": "x"}"#).unwrap_err().message.contains("missing field `model_name`"));
    }
}
