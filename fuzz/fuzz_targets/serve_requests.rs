//! `mlc serve`'s request parsers (crates/mlc-serve/src/protocol/, route.rs), pure functions of
//! (headers, body bytes) as the server calls them:
//!
//! * Open Inference Protocol inference requests (`parse_infer`), JSON and with the binary tensor
//!   extension: an accepted request's tensors must read (`read_floats`, `read_ids`,
//!   `read_texts`) into exactly the elements their shapes hold, or fail with a message naming
//!   the input, leaving the buffer as it was; binary tensors' sizes must add up to the body.
//!   The response writer must give JSON whose binary sizes match the bytes after it.
//! * SageMaker invocations (`parse_invocation`: content type, accept, target model) and load
//!   requests (`parse_load`), and the request body cut into records (`Batch::set_body`): one
//!   record per line as `records::lines` cuts them.
//! * Routing (`route`) of the bytes as a path, for every method.
//!
//! Input: byte 0 the mode (bit 0: send `Inference-Header-Content-Length`, bits 1–2: which
//! headers the SageMaker parser sees), bytes 1–2 the JSON part's length (little-endian), then the
//! body. Headers for the SageMaker parser are the body's first three lines.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mlc_host::records::lines;
use mlc_host::transform::Batch;
use mlc_serve::protocol::oip::parse_infer;
use mlc_serve::protocol::oip_reply::{write_response, Output};
use mlc_serve::protocol::sagemaker::{parse_invocation, parse_load};
use mlc_serve::protocol::tensor::{DataType, TensorData};
use mlc_serve::protocol::Headers;
use mlc_serve::route::{route, Method};

fuzz_target!(|data: &[u8]| {
    let [mode, lo, hi, body @ ..] = data else { return };
    check_infer(*mode, u16::from_le_bytes([*lo, *hi]), body);
    check_invocation(*mode, body);
    check_routes(body);
});

fn check_infer(mode: u8, json_len: u16, body: &[u8]) {
    let length = json_len.to_string();
    let headers = Headers { inference_header_length: (mode & 1 == 1).then_some(length.as_bytes()), ..Headers::default() };
    let Ok(request) = parse_infer(&headers, body) else { return };
    assert!(!request.inputs.is_empty());
    let mut binary_bytes = 0;
    for tensor in &request.inputs {
        let expected = tensor.len();
        if let TensorData::Binary(bytes) = tensor.data {
            binary_bytes += bytes.len();
            if let Some(size) = tensor.datatype.size() {
                assert_eq!(bytes.len() as u64, expected * size as u64, "binary size of `{}`", tensor.name);
            }
        }
        // Reading never changes a buffer it fails on, and fills exactly the shape otherwise.
        let mut floats = vec![7.0f32];
        match tensor.read_floats(&mut floats) {
            Ok(()) => assert_eq!(floats.len() as u64, 1 + expected),
            Err(e) => {
                assert_eq!(floats, [7.0]);
                assert!(e.starts_with(&format!("input `{}`: ", tensor.name)), "{e}");
            }
        }
        let mut ids = vec![7u32];
        match tensor.read_ids(&mut ids) {
            Ok(()) => assert_eq!(ids.len() as u64, 1 + expected),
            Err(e) => assert!(ids == [7] && e.starts_with("input `"), "{e}"),
        }
        if let Ok(texts) = tensor.read_texts() {
            assert_eq!(tensor.datatype, DataType::Bytes);
            assert_eq!(texts.len() as u64, expected, "BYTES elements of `{}`", tensor.name);
        }
    }
    if headers.inference_header_length.is_some() {
        assert_eq!(json_len as usize + binary_bytes, body.len(), "the binary inputs cover the rest of the body");
    } else {
        assert_eq!(binary_bytes, 0);
    }
    // The answer to it: JSON, then the binary outputs.
    let values = [0.5f32, f32::NAN, -1.0];
    let outputs: Vec<Output<'_>> = request
        .outputs
        .iter()
        .enumerate()
        .map(|(i, o)| Output { name: &o.name, rows: 3, width: 1, values: &values, binary: request.binary(Some(i)) })
        .collect();
    let mut out = Vec::new();
    let id = request.id.as_deref();
    let json_end = write_response(&mut out, "model \"x\"", id, &outputs);
    let head: serde_json::Value = serde_json::from_slice(&out[..json_end.unwrap_or(out.len())]).expect("the answer is JSON");
    assert_eq!(head["id"].as_str(), id);
    let sizes: u64 = head["outputs"].as_array().unwrap().iter().filter_map(|o| o["parameters"]["binary_data_size"].as_u64()).sum();
    assert_eq!(json_end.map_or(0, |end| out.len() - end) as u64, sizes);
}

fn check_invocation(mode: u8, body: &[u8]) {
    let mut parts = body.splitn(4, |&b| b == b'\n');
    let (a, b, c) = (parts.next(), parts.next(), parts.next());
    let headers = match mode >> 1 & 3 {
        0 => Headers { content_type: a, accept: b, target_model: c, ..Headers::default() },
        1 => Headers { content_type: a, ..Headers::default() },
        2 => Headers { accept: a, content_encoding: b, ..Headers::default() },
        _ => Headers::default(),
    };
    if let Ok(invocation) = parse_invocation(&headers, None) {
        assert!(invocation.model.as_deref().is_none_or(|m| !m.is_empty()));
        let mut batch = Batch::default();
        batch.set_body(body.to_vec(), invocation.whole_body);
        let records: Vec<&[u8]> = (0..batch.records.len()).map(|i| batch.record(i).expect("no oversize record")).collect();
        if invocation.whole_body {
            assert_eq!(records, [body]);
        } else {
            assert_eq!(records, lines(body).collect::<Vec<_>>());
        }
    }
    if let Ok(load) = parse_load(body) {
        assert!(!load.model_name.is_empty());
    }
}

fn check_routes(body: &[u8]) {
    let Ok(path) = std::str::from_utf8(body.split(|&b| b == b'\n').next().unwrap_or_default()) else { return };
    for method in [Method::GET, Method::POST, Method::DELETE, Method::PUT] {
        let _ = route(&method, path);
    }
}
