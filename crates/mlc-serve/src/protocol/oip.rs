//! Open Inference Protocol v2 inference requests (`POST /v2/models/{m}/infer`), JSON and with
//! Triton's binary tensor extension.
//!
//! A request is a JSON object `{id?, parameters?, inputs: [{name, datatype, shape, data? |
//! parameters.binary_data_size}], outputs?: [{name, parameters?}]}`. With the binary extension
//! the body is that JSON (`Inference-Header-Content-Length` bytes of it) followed by the binary
//! inputs' bytes, back to back in the order of `inputs`; each binary input gives its size in
//! `parameters.binary_data_size` and has no `data`. An output is asked for in binary with
//! `parameters.binary_data: true`, or every output with the request's
//! `parameters.binary_data_output: true` (what `tritonclient.http` sends by default).

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::tensor::{count_bytes_elements, elements, DataType, Tensor, TensorData};
use super::{check_encoding, header_text, names, ApiError, Headers};

/// A parsed inference request; its tensors borrow the body.
#[derive(Debug)]
pub struct InferRequest<'a> {
    /// The request's `id`, echoed in the response.
    pub id: Option<Cow<'a, str>>,
    /// The input tensors.
    pub inputs: Vec<Tensor<'a>>,
    /// The outputs asked for (none: the model's default output).
    pub outputs: Vec<OutputRequest<'a>>,
    /// Request-level `parameters.binary_data_output`: outputs in binary unless they say otherwise.
    pub binary_output: bool,
}

/// An output asked for.
#[derive(Debug)]
pub struct OutputRequest<'a> {
    /// Its name.
    pub name: Cow<'a, str>,
    /// `parameters.binary_data`, if given.
    pub binary: Option<bool>,
}

impl InferRequest<'_> {
    /// Whether output `i` of [`InferRequest::outputs`] (or the default output, `None`) is sent
    /// in binary.
    pub fn binary(&self, i: Option<usize>) -> bool {
        i.and_then(|i| self.outputs[i].binary).unwrap_or(self.binary_output)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequest<'a> {
    #[serde(borrow, default)]
    id: Option<Cow<'a, str>>,
    #[serde(default)]
    parameters: Option<RequestParameters>,
    #[serde(borrow)]
    inputs: Vec<RawInput<'a>>,
    #[serde(borrow, default)]
    outputs: Option<Vec<RawOutput<'a>>>,
}

#[derive(Deserialize)]
struct RequestParameters {
    #[serde(default)]
    binary_data_output: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInput<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(borrow)]
    datatype: Cow<'a, str>,
    shape: Vec<i64>,
    #[serde(default)]
    parameters: Option<InputParameters>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct InputParameters {
    #[serde(default)]
    binary_data_size: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutput<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(default)]
    parameters: Option<OutputParameters>,
}

#[derive(Deserialize)]
struct OutputParameters {
    #[serde(default)]
    binary_data: Option<bool>,
}

/// Parses an inference request: its headers (`Inference-Header-Content-Length`,
/// `Content-Encoding`) and body. Every error is a 400 naming what is wrong (415 for a
/// compressed body).
pub fn parse_infer<'a>(headers: &Headers<'_>, body: &'a [u8]) -> Result<InferRequest<'a>, ApiError> {
    check_encoding(headers)?;
    let bad = |message: String| ApiError::bad_request(message);
    let (json, mut binary) = match headers.inference_header_length {
        None => (body, &[][..]),
        Some(value) => {
            let text = header_text("Inference-Header-Content-Length", value)?;
            let len: usize =
                text.parse().map_err(|_| bad(format!("header {}: `{text}` is not a length", names::INFERENCE_HEADER_LENGTH)))?;
            if len > body.len() {
                return Err(bad(format!(
                    "header {}: the JSON part is {len} bytes, the body only {}",
                    names::INFERENCE_HEADER_LENGTH,
                    body.len()
                )));
            }
            body.split_at(len)
        }
    };
    // (serde would also read a struct from an array.)
    if json.trim_ascii_start().first() != Some(&b'{') {
        return Err(bad("malformed inference request: it is a JSON object, `{...}`".into()));
    }
    let json = std::str::from_utf8(json).map_err(|e| bad(format!("malformed JSON at byte {}: invalid UTF-8", e.valid_up_to() + 1)))?;
    let raw: RawRequest<'a> = serde_json::from_str(json).map_err(|e| {
        let message = e.to_string();
        let what = message.rsplit_once(" at line ").map_or(message.as_str(), |(what, _)| what);
        bad(format!("malformed inference request at line {} column {}: {what}", e.line(), e.column()))
    })?;
    if raw.inputs.is_empty() {
        return Err(bad("`inputs` is empty".into()));
    }
    let mut inputs = Vec::with_capacity(raw.inputs.len());
    for input in raw.inputs {
        let name = input.name;
        let datatype = DataType::parse(&input.datatype)
            .ok_or_else(|| bad(format!("input `{name}`: `{}` is not a datatype of the protocol", input.datatype)))?;
        let shape = input
            .shape
            .iter()
            .map(|&d| u64::try_from(d).map_err(|_| bad(format!("input `{name}`: shape {:?}: a dimension is negative", input.shape))))
            .collect::<Result<Vec<u64>, _>>()?;
        let count = elements(&shape).ok_or_else(|| bad(format!("input `{name}`: shape {shape:?} holds too many elements")))?;
        let size = input.parameters.and_then(|p| p.binary_data_size);
        let data = match (input.data, size) {
            (Some(_), Some(_)) => return Err(bad(format!("input `{name}`: give `data` or `binary_data_size`, not both"))),
            (None, None) => return Err(bad(format!("input `{name}`: no `data` (and no `binary_data_size`)"))),
            (Some(data), None) => TensorData::Json(data),
            (None, Some(size)) => {
                if headers.inference_header_length.is_none() {
                    return Err(bad(format!("input `{name}`: binary_data_size without the header {}", names::INFERENCE_HEADER_LENGTH)));
                }
                let size = usize::try_from(size).ok().filter(|&s| s <= binary.len()).ok_or_else(|| {
                    bad(format!("input `{name}`: binary_data_size {size} runs past the end of the body ({} bytes left)", binary.len()))
                })?;
                let (bytes, rest) = binary.split_at(size);
                binary = rest;
                let found = match datatype.size() {
                    Some(element) if size % element != 0 => {
                        return Err(bad(format!(
                            "input `{name}`: binary_data_size {size} is not a whole number of {} elements",
                            datatype.name()
                        )))
                    }
                    Some(element) => (size / element) as u64,
                    None => count_bytes_elements(bytes).map_err(|e| bad(format!("input `{name}`: {e}")))?,
                };
                if found != count {
                    return Err(bad(format!("input `{name}`: the binary data holds {found} elements, the shape {shape:?} holds {count}")));
                }
                TensorData::Binary(bytes)
            }
        };
        inputs.push(Tensor { name, datatype, shape, data });
    }
    if !binary.is_empty() {
        return Err(bad(format!("{} bytes after the last binary input", binary.len())));
    }
    let outputs = raw
        .outputs
        .unwrap_or_default()
        .into_iter()
        .map(|o| OutputRequest { name: o.name, binary: o.parameters.and_then(|p| p.binary_data) })
        .collect();
    let binary_output = raw.parameters.and_then(|p| p.binary_data_output).unwrap_or(false);
    Ok(InferRequest { id: raw.id, inputs, outputs, binary_output })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn binary_request(json: &str, tail: &[u8]) -> (String, Vec<u8>) {
        let mut body = json.as_bytes().to_vec();
        body.extend_from_slice(tail);
        (json.len().to_string(), body)
    }

    fn parse<'a>(length: Option<&'a str>, body: &'a [u8]) -> Result<InferRequest<'a>, String> {
        let headers = Headers { inference_header_length: length.map(str::as_bytes), ..Headers::default() };
        parse_infer(&headers, body).map_err(|e| e.message)
    }

    #[test]
    fn json_requests() {
        let body = br#"{"id": "r1", "inputs": [{"name": "features", "datatype": "FP32", "shape": [1, 2], "data": [1, 2]}],
                        "outputs": [{"name": "predictions", "parameters": {"binary_data": true}}]}"#;
        let r = parse(None, body).unwrap();
        assert_eq!(r.id.as_deref(), Some("r1"));
        assert_eq!(
            (r.inputs[0].name.as_ref(), r.inputs[0].datatype, r.inputs[0].shape.as_slice()),
            ("features", DataType::Fp32, &[1u64, 2][..])
        );
        assert!(r.binary(Some(0)) && !r.binary(None));
        let mut floats = Vec::new();
        r.inputs[0].read_floats(&mut floats).unwrap();
        assert_eq!(floats, [1.0, 2.0]);
    }

    #[test]
    fn binary_requests() {
        let values: Vec<u8> = [1.5f32, 2.5].iter().flat_map(|v| v.to_le_bytes()).collect();
        let (len, body) = binary_request(
            r#"{"inputs":[{"name":"features","shape":[1,2],"datatype":"FP32","parameters":{"binary_data_size":8}}],"parameters":{"binary_data_output":true}}"#,
            &values,
        );
        let r = parse(Some(&len), &body).unwrap();
        assert!(r.binary(None));
        let mut floats = Vec::new();
        r.inputs[0].read_floats(&mut floats).unwrap();
        assert_eq!(floats, [1.5, 2.5]);
        // The sizes must add up, and match the shapes.
        let (len, body) = binary_request(
            r#"{"inputs":[{"name":"features","shape":[1,2],"datatype":"FP32","parameters":{"binary_data_size":8}}]}"#,
            &values[..6],
        );
        assert_eq!(
            parse(Some(&len), &body).unwrap_err(),
            "input `features`: binary_data_size 8 runs past the end of the body (6 bytes left)"
        );
        let (len, body) = binary_request(
            r#"{"inputs":[{"name":"features","shape":[1,3],"datatype":"FP32","parameters":{"binary_data_size":8}}]}"#,
            &values,
        );
        assert_eq!(parse(Some(&len), &body).unwrap_err(), "input `features`: the binary data holds 2 elements, the shape [1, 3] holds 3");
        let (len, mut body) = binary_request(
            r#"{"inputs":[{"name":"features","shape":[1,2],"datatype":"FP32","parameters":{"binary_data_size":8}}]}"#,
            &values,
        );
        body.push(0);
        assert_eq!(parse(Some(&len), &body).unwrap_err(), "1 bytes after the last binary input");
        assert!(parse(Some("99999"), &body).unwrap_err().contains("the JSON part is 99999 bytes"));
        assert!(parse(Some("x"), &body).unwrap_err().contains("`x` is not a length"));
    }

    #[test]
    fn malformed_requests_name_what_is_wrong() {
        let cases: [(&str, &str); 9] = [
            ("{", "malformed inference request at line 1 column 1: EOF while parsing an object"),
            ("[]", "malformed inference request: it is a JSON object, `{...}`"),
            (r#"{"inputs": []}"#, "`inputs` is empty"),
            (r#"{"inputs": [{"name": "a", "datatype": "FP99", "shape": [1], "data": [1]}]}"#, "input `a`: `FP99` is not a datatype of the protocol"),
            (r#"{"inputs": [{"name": "a", "datatype": "FP32", "shape": [-1, 2], "data": [1]}]}"#, "input `a`: shape [-1, 2]: a dimension is negative"),
            (r#"{"inputs": [{"name": "a", "datatype": "FP32", "shape": [1]}]}"#, "input `a`: no `data` (and no `binary_data_size`)"),
            (
                r#"{"inputs": [{"name": "a", "datatype": "FP32", "shape": [1], "parameters": {"binary_data_size": 4}}]}"#,
                "input `a`: binary_data_size without the header inference-header-content-length",
            ),
            (
                r#"{"inputs": [{"name": "a", "datatype": "FP32", "shape": [4294967296, 4294967296, 2], "data": []}]}"#,
                "input `a`: shape [4294967296, 4294967296, 2] holds too many elements",
            ),
            (r#"{"inputs": [], "extra": 1}"#, "malformed inference request at line 1 column 22: unknown field `extra`, expected one of `id`, `parameters`, `inputs`, `outputs`"),
        ];
        for (body, message) in cases {
            assert_eq!(parse(None, body.as_bytes()).unwrap_err(), message, "{body}");
        }
        assert!(parse(None, b"{\"id\": \"\xff\"}").unwrap_err().contains("invalid UTF-8"));
    }
}
