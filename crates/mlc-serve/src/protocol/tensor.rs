//! Tensors of the Open Inference Protocol: datatypes, shapes, and the reading of a tensor's
//! elements (JSON or binary) into a model's input.
//!
//! Numbers in JSON are read from their text by `mlc_host::records` (rounded once, directly to
//! `f32`; `null` is a missing value), as `mlc predict` and `mlc transform` read them; token ids
//! are decimal integers there too. Binary elements are little-endian: FP32 as they are, FP64
//! rounded to `f32`, INT32 and INT64 token ids must be in `0..2^32`, BYTES elements are a 4-byte
//! little-endian length followed by that many bytes.

use std::borrow::Cow;

use mlc_host::records::{json_value, parse_field, parse_token_id, shorten};
use serde_json::value::RawValue;

/// A tensor datatype of the protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataType {
    /// `BOOL`.
    Bool,
    /// `UINT8` … `UINT64`.
    Uint(u8),
    /// `INT8` … `INT64`.
    Int(u8),
    /// `FP16`.
    Fp16,
    /// `BF16`.
    Bf16,
    /// `FP32`.
    Fp32,
    /// `FP64`.
    Fp64,
    /// `BYTES`: byte strings (texts).
    Bytes,
}

impl DataType {
    /// The datatype named `name`; `None` for a name the protocol does not have.
    pub fn parse(name: &str) -> Option<DataType> {
        Some(match name {
            "BOOL" => DataType::Bool,
            "UINT8" => DataType::Uint(1),
            "UINT16" => DataType::Uint(2),
            "UINT32" => DataType::Uint(4),
            "UINT64" => DataType::Uint(8),
            "INT8" => DataType::Int(1),
            "INT16" => DataType::Int(2),
            "INT32" => DataType::Int(4),
            "INT64" => DataType::Int(8),
            "FP16" => DataType::Fp16,
            "BF16" => DataType::Bf16,
            "FP32" => DataType::Fp32,
            "FP64" => DataType::Fp64,
            "BYTES" => DataType::Bytes,
            _ => return None,
        })
    }

    /// The protocol's name.
    pub fn name(self) -> &'static str {
        match self {
            DataType::Bool => "BOOL",
            DataType::Uint(1) => "UINT8",
            DataType::Uint(2) => "UINT16",
            DataType::Uint(4) => "UINT32",
            DataType::Uint(_) => "UINT64",
            DataType::Int(1) => "INT8",
            DataType::Int(2) => "INT16",
            DataType::Int(4) => "INT32",
            DataType::Int(_) => "INT64",
            DataType::Fp16 => "FP16",
            DataType::Bf16 => "BF16",
            DataType::Fp32 => "FP32",
            DataType::Fp64 => "FP64",
            DataType::Bytes => "BYTES",
        }
    }

    /// Bytes of one element in binary form; `None` for BYTES (length-prefixed).
    pub fn size(self) -> Option<usize> {
        match self {
            DataType::Bool => Some(1),
            DataType::Uint(n) | DataType::Int(n) => Some(n as usize),
            DataType::Fp16 | DataType::Bf16 => Some(2),
            DataType::Fp32 => Some(4),
            DataType::Fp64 => Some(8),
            DataType::Bytes => None,
        }
    }
}

/// A tensor's elements as they came.
#[derive(Debug, Clone, Copy)]
pub enum TensorData<'a> {
    /// The `data` field: a JSON array, flat or nested (row-major).
    Json(&'a RawValue),
    /// The tensor's bytes after the JSON header (the binary tensor extension), their count
    /// already checked against the shape (BYTES: the length prefixes walked).
    Binary(&'a [u8]),
}

/// An input tensor of a request.
#[derive(Debug, Clone)]
pub struct Tensor<'a> {
    /// Its name.
    pub name: Cow<'a, str>,
    /// Its datatype.
    pub datatype: DataType,
    /// Its shape.
    pub shape: Vec<u64>,
    /// Its elements.
    pub data: TensorData<'a>,
}

/// `[2, 18]`, as messages write a shape.
pub fn shape_text(shape: &[u64]) -> String {
    format!("{shape:?}")
}

/// The number of elements of `shape`; `None` if it overflows.
pub fn elements(shape: &[u64]) -> Option<u64> {
    shape.iter().try_fold(1u64, |n, &d| n.checked_mul(d))
}

impl<'a> Tensor<'a> {
    /// The number of elements its shape holds.
    pub fn len(&self) -> u64 {
        elements(&self.shape).unwrap_or(u64::MAX)
    }

    /// Whether its shape holds no element.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// An error about this tensor.
    fn error(&self, what: impl std::fmt::Display) -> String {
        format!("input `{}`: {what}", self.name)
    }

    /// Appends its elements to `out` as numbers (FP32, FP64); on error `out` is as it was.
    pub fn read_floats(&self, out: &mut Vec<f32>) -> Result<(), String> {
        let start = out.len();
        let done = match (self.data, self.datatype) {
            (TensorData::Binary(bytes), DataType::Fp32) => {
                out.extend(bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])));
                Ok(())
            }
            (TensorData::Binary(bytes), DataType::Fp64) => {
                out.extend(bytes.chunks_exact(8).map(|b| f64::from_le_bytes(b.try_into().unwrap_or_default()) as f32));
                Ok(())
            }
            (TensorData::Json(data), DataType::Fp32 | DataType::Fp64) => self.read_json(data, out, |raw| {
                let text = json_value(raw);
                parse_field(text).ok_or_else(|| format!("`{}` is not a number", shorten(text)))
            }),
            (_, other) => Err(format!("datatype {} is not a number type (FP32, FP64)", other.name())),
        };
        done.map_err(|e| {
            out.truncate(start);
            self.error(e)
        })
    }

    /// Appends its elements to `out` as token ids (INT32, INT64; each in `0..2^32`); on error
    /// `out` is as it was.
    pub fn read_ids(&self, out: &mut Vec<u32>) -> Result<(), String> {
        let start = out.len();
        let done = match (self.data, self.datatype) {
            (TensorData::Binary(bytes), DataType::Int(4)) => read_binary_ids(bytes, 4, out),
            (TensorData::Binary(bytes), DataType::Int(8)) => read_binary_ids(bytes, 8, out),
            (TensorData::Json(data), DataType::Int(4 | 8)) => self.read_json(data, out, |raw| {
                let text = json_value(raw);
                parse_token_id(text).ok_or_else(|| format!("`{}` is not a token id", shorten(text)))
            }),
            (_, other) => Err(format!("datatype {} is not a token id type (INT32, INT64)", other.name())),
        };
        done.map_err(|e| {
            out.truncate(start);
            self.error(e)
        })
    }

    /// Its elements as texts (BYTES), in order.
    pub fn read_texts(&self) -> Result<Vec<Cow<'a, [u8]>>, String> {
        let mut out = Vec::new();
        match (self.data, self.datatype) {
            (TensorData::Binary(bytes), DataType::Bytes) => {
                let mut rest = bytes;
                while let Some((text, after)) = split_bytes_element(rest) {
                    out.push(Cow::Borrowed(text));
                    rest = after;
                }
                Ok(out)
            }
            (TensorData::Json(data), DataType::Bytes) => {
                self.read_json(data, &mut out, |raw| match serde_json::from_str::<Cow<'a, str>>(raw.get()) {
                    Ok(Cow::Borrowed(text)) => Ok(Cow::Borrowed(text.as_bytes())),
                    Ok(Cow::Owned(text)) => Ok(Cow::Owned(text.into_bytes())),
                    Err(_) => Err(format!("`{}` is not a string", shorten(raw.get().as_bytes()))),
                })?;
                Ok(out)
            }
            (_, other) => Err(self.error(format_args!("datatype {} is not BYTES", other.name()))),
        }
    }

    /// Appends the elements of JSON `data` (flat or nested arrays), each read by `read`, to
    /// `out`; their count must be the shape's.
    fn read_json<T>(
        &self,
        data: &'a RawValue,
        out: &mut Vec<T>,
        mut read: impl FnMut(&'a RawValue) -> Result<T, String>,
    ) -> Result<(), String> {
        let start = out.len();
        let mut index = 0u64;
        flatten(data, &mut |raw| {
            index += 1;
            out.push(read(raw).map_err(|e| format!("element {index}: {e}"))?);
            Ok(())
        })?;
        let found = (out.len() - start) as u64;
        if found != self.len() {
            return Err(format!("`data` holds {found} elements, the shape {} holds {}", shape_text(&self.shape), self.len()));
        }
        Ok(())
    }
}

/// Appends the little-endian integers of `bytes` (`size` bytes each) as token ids.
fn read_binary_ids(bytes: &[u8], size: usize, out: &mut Vec<u32>) -> Result<(), String> {
    for (i, b) in bytes.chunks_exact(size).enumerate() {
        let value = if size == 4 {
            i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64
        } else {
            i64::from_le_bytes(b.try_into().unwrap_or_default())
        };
        let id = u32::try_from(value).map_err(|_| format!("element {}: `{value}` is not a token id", i + 1))?;
        out.push(id);
    }
    Ok(())
}

/// Most nesting of a JSON `data` array (a tensor of more dimensions is refused).
const MAX_DEPTH: usize = 16;

/// Calls `each` on every element of a JSON array, nested arrays flattened in row-major order.
fn flatten<'a>(data: &'a RawValue, each: &mut dyn FnMut(&'a RawValue) -> Result<(), String>) -> Result<(), String> {
    fn walk<'a>(data: &'a RawValue, depth: usize, each: &mut dyn FnMut(&'a RawValue) -> Result<(), String>) -> Result<(), String> {
        if depth > MAX_DEPTH {
            return Err(format!("`data` nests arrays deeper than {MAX_DEPTH}"));
        }
        let items: Vec<&'a RawValue> = serde_json::from_str(data.get()).map_err(|_| "`data` is not an array".to_string())?;
        for item in items {
            if item.get().starts_with('[') {
                walk(item, depth + 1, each)?;
            } else {
                each(item)?;
            }
        }
        Ok(())
    }
    walk(data, 0, each)
}

/// The first BYTES element of `bytes` (its 4-byte little-endian length, then the bytes) and
/// what follows it; `None` at the end or when the length runs past the end.
pub fn split_bytes_element(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = bytes.split_first_chunk::<4>()?;
    let len = u32::from_le_bytes(*len) as usize;
    (len <= rest.len()).then(|| rest.split_at(len))
}

/// The number of BYTES elements in `bytes`; an error if the last one runs past the end.
pub fn count_bytes_elements(bytes: &[u8]) -> Result<u64, String> {
    let (mut rest, mut n) = (bytes, 0u64);
    while !rest.is_empty() {
        let Some((_, after)) = split_bytes_element(rest) else {
            return Err(format!("BYTES element {} runs past the end of its {} bytes", n + 1, bytes.len()));
        };
        rest = after;
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tensor<'a>(datatype: &str, shape: &[u64], data: TensorData<'a>) -> Tensor<'a> {
        Tensor { name: "x".into(), datatype: DataType::parse(datatype).unwrap(), shape: shape.to_vec(), data }
    }

    fn json(text: &str) -> &RawValue {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn datatypes_round_trip() {
        for name in
            ["BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "INT32", "INT64", "FP16", "BF16", "FP32", "FP64", "BYTES"]
        {
            assert_eq!(DataType::parse(name).unwrap().name(), name);
        }
        assert_eq!(DataType::parse("fp32"), None);
    }

    #[test]
    fn floats_from_json_and_binary() {
        let mut out = Vec::new();
        let data = json("[[1.5, null], [0.10000000745058059692382812500001, -2]]");
        tensor("FP32", &[2, 2], TensorData::Json(data)).read_floats(&mut out).unwrap();
        assert_eq!(out[0], 1.5);
        assert!(out[1].is_nan());
        assert_eq!(out[2], "0.10000000745058059692382812500001".parse::<f32>().unwrap(), "rounded once, from the text");
        let bytes: Vec<u8> = [0.25f64, 1e300].iter().flat_map(|v| v.to_le_bytes()).collect();
        tensor("FP64", &[1, 2], TensorData::Binary(&bytes)).read_floats(&mut out).unwrap();
        assert_eq!(&out[4..], [0.25, f32::INFINITY]);
        let bad = tensor("FP32", &[1, 3], TensorData::Json(json("[1, true, 3]"))).read_floats(&mut out).unwrap_err();
        assert_eq!(bad, "input `x`: element 2: `true` is not a number");
        let short = tensor("FP32", &[2, 2], TensorData::Json(json("[1, 2, 3]"))).read_floats(&mut out).unwrap_err();
        assert_eq!(short, "input `x`: `data` holds 3 elements, the shape [2, 2] holds 4");
        assert_eq!(out.len(), 6, "a failed read adds nothing");
        assert!(tensor("INT32", &[1], TensorData::Json(json("[1]"))).read_floats(&mut out).is_err());
    }

    #[test]
    fn token_ids() {
        let mut out = Vec::new();
        tensor("INT64", &[1, 3], TensorData::Json(json("[[7, 0, 4294967295]]"))).read_ids(&mut out).unwrap();
        assert_eq!(out, [7, 0, u32::MAX]);
        let bytes: Vec<u8> = [5i32, -1].iter().flat_map(|v| v.to_le_bytes()).collect();
        let e = tensor("INT32", &[1, 2], TensorData::Binary(&bytes)).read_ids(&mut out).unwrap_err();
        assert_eq!(e, "input `x`: element 2: `-1` is not a token id");
        let e = tensor("INT32", &[1, 1], TensorData::Json(json("[1.0]"))).read_ids(&mut out).unwrap_err();
        assert_eq!(e, "input `x`: element 1: `1.0` is not a token id");
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn texts() {
        let mut bytes = Vec::new();
        for text in ["great film", "", "b\u{e9}"] {
            bytes.extend((text.len() as u32).to_le_bytes());
            bytes.extend(text.as_bytes());
        }
        assert_eq!(count_bytes_elements(&bytes), Ok(3));
        let texts = tensor("BYTES", &[3], TensorData::Binary(&bytes)).read_texts().unwrap();
        assert_eq!(texts, [&b"great film"[..], b"", "b\u{e9}".as_bytes()]);
        let texts = tensor("BYTES", &[2, 1], TensorData::Json(json(r#"[["a \"q\""], ["b"]]"#))).read_texts().unwrap();
        assert_eq!(texts, [&b"a \"q\""[..], b"b"]);
        assert!(count_bytes_elements(&bytes[..bytes.len() - 1]).unwrap_err().contains("element 3 runs past"));
        assert!(tensor("BYTES", &[1], TensorData::Json(json("[1]"))).read_texts().unwrap_err().contains("is not a string"));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("{}1{}", "[".repeat(40), "]".repeat(40));
        let e = tensor("FP32", &[1], TensorData::Json(json(&deep))).read_floats(&mut Vec::new()).unwrap_err();
        assert!(e.contains("deeper than"), "{e}");
    }
}
