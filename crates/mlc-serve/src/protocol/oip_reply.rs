//! Open Inference Protocol v2 inference responses: `{model_name, model_version, id?, outputs:
//! [{name, datatype, shape, data | parameters.binary_data_size}]}`, followed by the binary
//! outputs' bytes (little-endian `f32`) when any output is sent in binary; the caller then sets
//! `Inference-Header-Content-Length` to the JSON part's length. JSON numbers are written with
//! the shortest digits that round-trip an `f32` (`mlc_host`'s output formatting: `null` for NaN
//! or an infinity).

use mlc_host::transform::output::write_json_array;

/// One output tensor of a response: `[rows, width]` FP32 values.
#[derive(Debug, Clone, Copy)]
pub struct Output<'v> {
    /// Its name.
    pub name: &'v str,
    /// Records.
    pub rows: usize,
    /// Values per record.
    pub width: usize,
    /// The values, `rows × width`.
    pub values: &'v [f32],
    /// Sent in binary.
    pub binary: bool,
}

/// Writes the response of `model` to `out`; returns the length of its JSON part when outputs
/// follow in binary (the `Inference-Header-Content-Length`), else `None`.
pub fn write_response(out: &mut Vec<u8>, model: &str, id: Option<&str>, outputs: &[Output<'_>]) -> Option<usize> {
    out.extend_from_slice(b"{\"model_name\":");
    write_string(out, model);
    out.extend_from_slice(b",\"model_version\":\"1\"");
    if let Some(id) = id {
        out.extend_from_slice(b",\"id\":");
        write_string(out, id);
    }
    out.extend_from_slice(b",\"outputs\":[");
    for (i, o) in outputs.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"name\":");
        write_string(out, o.name);
        // Writing to memory cannot fail.
        let _ = std::io::Write::write_fmt(out, format_args!(",\"datatype\":\"FP32\",\"shape\":[{},{}]", o.rows, o.width));
        if o.binary {
            let _ = std::io::Write::write_fmt(out, format_args!(",\"parameters\":{{\"binary_data_size\":{}}}}}", 4 * o.values.len()));
        } else {
            out.extend_from_slice(b",\"data\":");
            write_json_array(out, o.values);
            out.push(b'}');
        }
    }
    out.extend_from_slice(b"]}");
    let json_len = out.len();
    let mut binary = false;
    for o in outputs.iter().filter(|o| o.binary) {
        binary = true;
        for v in o.values {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    binary.then_some(json_len)
}

/// Writes `text` as a JSON string.
pub fn write_string(out: &mut Vec<u8>, text: &str) {
    // Writing a string to memory cannot fail.
    let _ = serde_json::to_writer(&mut *out, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_and_binary_outputs() {
        let values = [0.25f32, 0.5];
        let mut out = Vec::new();
        let json = Output { name: "predictions", rows: 2, width: 1, values: &values, binary: false };
        assert_eq!(write_response(&mut out, "A\"K", Some("r1"), &[json]), None);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            r#"{"model_name":"A\"K","model_version":"1","id":"r1","outputs":[{"name":"predictions","datatype":"FP32","shape":[2,1],"data":[0.25,0.5]}]}"#
        );
        let mut out = Vec::new();
        let len = write_response(&mut out, "AK", None, &[json, Output { name: "margins", binary: true, ..json }]).unwrap();
        let head: serde_json::Value = serde_json::from_slice(&out[..len]).unwrap();
        assert_eq!(head["outputs"][1]["parameters"]["binary_data_size"], 8);
        assert_eq!(head["outputs"][0]["data"], serde_json::json!([0.25, 0.5]));
        assert_eq!(&out[len..], [0.25f32.to_le_bytes(), 0.5f32.to_le_bytes()].concat());
    }
}
