//! Reader for Universal Binary JSON (UBJSON, draft 12).
//!
//! XGBoost's `save_model("m.ubj")` writes this format. [`parse`] turns a
//! complete UBJSON document into a [`serde_json::Value`].
//!
//! # Format
//!
//! Every value starts with a one-byte type marker. Payloads are big-endian.
//!
//! | marker | meaning | payload |
//! |---|---|---|
//! | `Z` | null | none |
//! | `N` | no-op | none. It is skipped before array elements, before object keys and before the top-level value |
//! | `T` / `F` | true / false | none |
//! | `i` / `U` | int8 / uint8 | 1 byte |
//! | `I` | int16 | 2 bytes |
//! | `l` | int32 | 4 bytes |
//! | `L` | int64 | 8 bytes |
//! | `d` / `D` | float32 / float64 | 4 / 8 bytes (IEEE 754) |
//! | `C` | char | 1 ASCII byte |
//! | `S` | string | length (an integer value: marker + payload), then UTF-8 bytes |
//! | `H` | high-precision number | like `S`. The text must be a JSON number |
//! | `[` … `]` | array | values |
//! | `{` … `}` | object | pairs of key and value. A key is a length and UTF-8 bytes without an `S` marker |
//!
//! Containers may be *optimized*: right after `[` or `{` there may be
//! `$<type>` and then `#<count>`, or `#<count>` alone. A container with a count
//! has no closing `]`/`}`. If it also has a type, its elements (object values,
//! for objects) leave out their type marker. XGBoost writes its per-node arrays
//! this way, for example `[$d#L<count>` followed by `count` raw big-endian float32s.
//! A `$` type must be followed by a `#` count. The type may be any value marker
//! except `N`.
//!
//! # Exactness
//!
//! Integers become integer [`serde_json::Number`]s. A float32 (`d`) becomes a
//! number whose text is the shortest decimal that parses back to the same
//! `f32` (e.g. `0.1f32` becomes `0.1`, not `0.10000000149011612`). A float64
//! (`D`) likewise gets the shortest decimal for that `f64`. `serde_json`'s
//! `arbitrary_precision` feature keeps this text. Its only change is to spell a
//! positive exponent as `e+` (so `f32::MAX` becomes `3.4028235e+38`). The value
//! does not change. So `number.to_string().parse::<f32>()` gives back the exact
//! bits that were stored. Parse float32 values straight to `f32`, not through
//! `f64`. JSON cannot hold NaN or ±infinity, so [`parse`] treats a non-finite
//! float as an error. [`parse_with`] with [`NonFinite::Strings`] turns them into
//! the strings `"NaN"`, `"inf"` and `"-inf"` instead. XGBoost writes NaN in the
//! `split_conditions` of categorical splits.
//! `H` numbers keep their digits as written. The same exponent spelling applies.
//!
//! # Robustness
//!
//! The input is treated as untrusted:
//! - Parsing never panics.
//! - No count is trusted for allocation before the bytes it needs exist.
//! - Elements with no payload (`[$Z#…`, `$T`, `$F`) are capped at one per input
//!   byte plus [`ZERO_WIDTH_ALLOWANCE`] per document.
//! - Nesting deeper than [`MAX_DEPTH`] is an error.
//! - Bytes after the top-level value are an error.
//!
//! Every [`UbjError`] gives the byte offset of the problem.

use serde_json::{Map, Number, Value};

/// Maximum container nesting depth. The top-level container is depth 1.
pub const MAX_DEPTH: usize = 128;

/// Number of payload-free elements (from typed containers such as `[$Z#…`)
/// allowed per document on top of one per input byte. This bounds memory use.
pub const ZERO_WIDTH_ALLOWANCE: usize = 4096;

/// Pre-allocation cap for containers whose elements have variable width.
const VARIABLE_PREALLOC_CAP: usize = 4096;

/// An error found while reading UBJSON. Every variant has the byte `offset`
/// in the input where the problem is (see [`UbjError::offset`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UbjError {
    /// The input ended in the middle of a value.
    #[error(
        "ubjson: unexpected end of input at byte {offset} while reading {what} \
         (needs {needed} byte(s), {available} available)"
    )]
    UnexpectedEof {
        /// Where the incomplete item starts.
        offset: usize,
        /// What was being read.
        what: &'static str,
        /// Bytes needed.
        needed: usize,
        /// Bytes left in the input.
        available: usize,
    },
    /// A byte that is not allowed at this position.
    #[error("ubjson: invalid marker {} at byte {offset}: expected {expected}", marker_repr(.marker))]
    InvalidMarker {
        /// Position of the bad byte.
        offset: usize,
        /// The byte found.
        marker: u8,
        /// What was allowed here.
        expected: &'static str,
    },
    /// A string/key/number length or a container count was negative.
    #[error("ubjson: negative {what} {value} at byte {offset}")]
    NegativeLength {
        /// Position of the length's marker.
        offset: usize,
        /// Which length it was.
        what: &'static str,
        /// The negative value.
        value: i64,
    },
    /// A container count cannot fit in the rest of the input.
    #[error(
        "ubjson: {what} {count} at byte {offset} cannot fit in the {available} \
         byte(s) of input that remain"
    )]
    CountExceedsInput {
        /// Position of the count's marker.
        offset: usize,
        /// Which count it was.
        what: &'static str,
        /// The declared count.
        count: u64,
        /// Bytes left after the count.
        available: usize,
    },
    /// A typed container has more payload-free elements (`$Z`, `$T`, `$F`)
    /// than the document allows.
    #[error(
        "ubjson: typed container count {count} at byte {offset} asks for more payload-free \
         elements than the {limit} still allowed for this document"
    )]
    ZeroWidthLimit {
        /// Position of the count's marker.
        offset: usize,
        /// The declared count.
        count: u64,
        /// How many payload-free elements were still allowed.
        limit: usize,
    },
    /// A string, key or high-precision number is not valid UTF-8.
    #[error("ubjson: invalid UTF-8 at byte {offset} in {what}")]
    InvalidUtf8 {
        /// Position of the first bad byte.
        offset: usize,
        /// The kind of text that contains it.
        what: &'static str,
    },
    /// A `C` char is not ASCII.
    #[error("ubjson: char value 0x{value:02x} at byte {offset} is not ASCII")]
    InvalidChar {
        /// Position of the char byte.
        offset: usize,
        /// The byte found.
        value: u8,
    },
    /// An `H` high-precision number is not valid JSON number text.
    #[error("ubjson: high-precision number at byte {offset} is not a valid number: {text:?}")]
    InvalidNumber {
        /// Position of the number's text.
        offset: usize,
        /// The text, cut to at most 64 characters.
        text: String,
    },
    /// A float32/float64 is NaN or infinite. JSON cannot represent it.
    #[error("ubjson: non-finite {what} ({value}) at byte {offset}; JSON cannot represent it")]
    NonFiniteFloat {
        /// Position of the float's payload.
        offset: usize,
        /// `"float32"` or `"float64"`.
        what: &'static str,
        /// `"NaN"`, `"inf"` or `"-inf"`.
        value: &'static str,
    },
    /// Containers are nested deeper than [`MAX_DEPTH`].
    #[error("ubjson: container at byte {offset} exceeds the nesting depth limit of {limit}")]
    DepthLimit {
        /// Position of the container that went too deep.
        offset: usize,
        /// The limit ([`MAX_DEPTH`]).
        limit: usize,
    },
    /// The same key appears twice in one object.
    #[error("ubjson: duplicate object key {key:?} at byte {offset}")]
    DuplicateKey {
        /// Position of the second key's length marker.
        offset: usize,
        /// The key, cut to at most 64 characters.
        key: String,
    },
    /// There are bytes after the complete top-level value.
    #[error("ubjson: {count} trailing byte(s) after the top-level value, starting at byte {offset}")]
    TrailingBytes {
        /// Position of the first extra byte.
        offset: usize,
        /// How many extra bytes there are.
        count: usize,
    },
}

impl UbjError {
    /// Byte offset in the input where the problem was found.
    pub fn offset(&self) -> usize {
        match *self {
            UbjError::UnexpectedEof { offset, .. }
            | UbjError::InvalidMarker { offset, .. }
            | UbjError::NegativeLength { offset, .. }
            | UbjError::CountExceedsInput { offset, .. }
            | UbjError::ZeroWidthLimit { offset, .. }
            | UbjError::InvalidUtf8 { offset, .. }
            | UbjError::InvalidChar { offset, .. }
            | UbjError::InvalidNumber { offset, .. }
            | UbjError::NonFiniteFloat { offset, .. }
            | UbjError::DepthLimit { offset, .. }
            | UbjError::DuplicateKey { offset, .. }
            | UbjError::TrailingBytes { offset, .. } => offset,
        }
    }
}

fn marker_repr(m: &u8) -> String {
    if m.is_ascii_graphic() {
        format!("'{}' (0x{m:02x})", *m as char)
    } else {
        format!("0x{m:02x}")
    }
}

fn truncate_text(s: &str) -> String {
    s.chars().take(64).collect()
}

/// How [`parse_with`] handles float32/float64 values that are NaN or infinite.
/// JSON numbers cannot hold them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NonFinite {
    /// Fail with [`UbjError::NonFiniteFloat`] (what [`parse`] does).
    #[default]
    Error,
    /// Produce the JSON strings `"NaN"`, `"inf"` or `"-inf"`. XGBoost models
    /// with categorical splits (1.7–2.1) store NaN in `split_conditions`. With
    /// this option an importer can read them and reject the model with a message
    /// that names the tree and node.
    Strings,
}

/// Parses one complete UBJSON document into a JSON value. Non-finite floats
/// are an error (same as `parse_with(bytes, NonFinite::Error)`).
///
/// `N` no-ops before the top-level value are skipped. Any bytes after it
/// (no-ops included) are an error. See the [module docs](self) for how numbers
/// are mapped and for the limits applied to untrusted input.
pub fn parse(bytes: &[u8]) -> Result<Value, UbjError> {
    parse_with(bytes, NonFinite::Error)
}

/// Like [`parse`], with a choice of how NaN and infinite floats are handled.
pub fn parse_with(bytes: &[u8], non_finite: NonFinite) -> Result<Value, UbjError> {
    let mut p = Parser { buf: bytes, pos: 0, zero_width_budget: bytes.len().saturating_add(ZERO_WIDTH_ALLOWANCE), non_finite };
    p.skip_noops();
    let (marker, off) = p.marker("the top-level value marker")?;
    let value = p.value(marker, off, 0)?;
    if p.pos != bytes.len() {
        return Err(UbjError::TrailingBytes { offset: p.pos, count: bytes.len() - p.pos });
    }
    Ok(value)
}

/// Container header after `[` / `{`.
enum Header {
    /// Ends with `]` / `}`.
    Unsized,
    /// `#count`, elements carry their own markers.
    Counted(usize),
    /// `$type#count`, elements have no markers.
    Typed(u8, usize),
}

struct Parser<'a> {
    buf: &'a [u8],
    pos: usize,
    zero_width_budget: usize,
    non_finite: NonFinite,
}

/// Smallest encoded size of an element of the given type when its marker
/// is omitted (typed containers). `None` means the type is not allowed.
fn typed_min_width(ty: u8) -> Option<usize> {
    Some(match ty {
        b'Z' | b'T' | b'F' => 0,
        b'i' | b'U' | b'C' => 1,
        b'I' => 2,
        b'l' | b'd' => 4,
        b'L' | b'D' => 8,
        // Length marker + at least one length byte.
        b'S' | b'H' => 2,
        // At least a closing bracket or a '#'.
        b'[' | b'{' => 1,
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], UbjError> {
        let available = self.remaining();
        if available < n {
            return Err(UbjError::UnexpectedEof { offset: self.pos, what, needed: n, available });
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn fixed<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], UbjError> {
        let s = self.take(N, what)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }

    fn marker(&mut self, what: &'static str) -> Result<(u8, usize), UbjError> {
        let off = self.pos;
        let b = self.take(1, what)?[0];
        Ok((b, off))
    }

    fn peek(&self) -> Option<u8> {
        self.buf.get(self.pos).copied()
    }

    fn skip_noops(&mut self) {
        while self.peek() == Some(b'N') {
            self.pos += 1;
        }
    }

    /// Reads an integer payload for an integer marker. `None` if `marker`
    /// is not an integer marker.
    fn int_payload(&mut self, marker: u8) -> Option<Result<i64, UbjError>> {
        Some(match marker {
            b'i' => self.fixed::<1>("an int8").map(|b| i64::from(b[0] as i8)),
            b'U' => self.fixed::<1>("a uint8").map(|b| i64::from(b[0])),
            b'I' => self.fixed::<2>("an int16").map(|b| i64::from(i16::from_be_bytes(b))),
            b'l' => self.fixed::<4>("an int32").map(|b| i64::from(i32::from_be_bytes(b))),
            b'L' => self.fixed::<8>("an int64").map(i64::from_be_bytes),
            _ => return None,
        })
    }

    /// Reads a length or count: an integer marker and its payload, checked to be
    /// non-negative. Returns the value and the offset of its marker.
    fn length(&mut self, what: &'static str) -> Result<(u64, usize), UbjError> {
        let (m, off) = self.marker(what)?;
        let v = match self.int_payload(m) {
            Some(r) => r?,
            None => return Err(UbjError::InvalidMarker { offset: off, marker: m, expected: "an integer length marker (i, U, I, l or L)" }),
        };
        if v < 0 {
            return Err(UbjError::NegativeLength { offset: off, what, value: v });
        }
        Ok((v as u64, off))
    }

    /// A length-prefixed byte run (string, key or high-precision number).
    /// Returns the bytes and their starting offset.
    fn sized_bytes(&mut self, len_what: &'static str, what: &'static str) -> Result<(&'a [u8], usize), UbjError> {
        let (len, _) = self.length(len_what)?;
        let start = self.pos;
        let n = usize::try_from(len).unwrap_or(usize::MAX);
        Ok((self.take(n, what)?, start))
    }

    fn sized_str(&mut self, len_what: &'static str, what: &'static str, utf8_what: &'static str) -> Result<(&'a str, usize), UbjError> {
        let (bytes, start) = self.sized_bytes(len_what, what)?;
        let s = std::str::from_utf8(bytes).map_err(|e| UbjError::InvalidUtf8 { offset: start + e.valid_up_to(), what: utf8_what })?;
        Ok((s, start))
    }

    /// Parses the value whose marker (at `off`) was already read, or is
    /// implied by a typed container. `depth` is the depth of the enclosing container.
    fn value(&mut self, marker: u8, off: usize, depth: usize) -> Result<Value, UbjError> {
        if let Some(r) = self.int_payload(marker) {
            return Ok(Value::Number(Number::from(r?)));
        }
        match marker {
            b'Z' => Ok(Value::Null),
            b'T' => Ok(Value::Bool(true)),
            b'F' => Ok(Value::Bool(false)),
            b'd' => {
                let at = self.pos;
                let v = f32::from_be_bytes(self.fixed::<4>("a float32")?);
                f32_value(v, at, self.non_finite)
            }
            b'D' => {
                let at = self.pos;
                let v = f64::from_be_bytes(self.fixed::<8>("a float64")?);
                f64_value(v, at, self.non_finite)
            }
            b'C' => {
                let at = self.pos;
                let b = self.fixed::<1>("a char")?[0];
                if !b.is_ascii() {
                    return Err(UbjError::InvalidChar { offset: at, value: b });
                }
                Ok(Value::String(char::from(b).to_string()))
            }
            b'S' => {
                let (s, _) = self.sized_str("a string length", "string bytes", "a string")?;
                Ok(Value::String(s.to_owned()))
            }
            b'H' => {
                let (s, start) =
                    self.sized_str("a high-precision number length", "high-precision number text", "a high-precision number")?;
                high_precision(s, start)
            }
            b'[' | b'{' => {
                if depth >= MAX_DEPTH {
                    return Err(UbjError::DepthLimit { offset: off, limit: MAX_DEPTH });
                }
                if marker == b'[' {
                    self.array(depth + 1)
                } else {
                    self.object(depth + 1)
                }
            }
            b'N' => Err(UbjError::InvalidMarker { offset: off, marker, expected: "a value (a no-op 'N' is not allowed here)" }),
            _ => Err(UbjError::InvalidMarker { offset: off, marker, expected: "a value type marker (Z T F i U I l L d D C S H [ {)" }),
        }
    }

    /// Reads the optional `$type` / `#count` header of a container.
    /// `entry_overhead` is the smallest size of anything in an entry besides
    /// its value (2 bytes for an object key, 0 for arrays).
    fn header(&mut self, entry_overhead: usize) -> Result<Header, UbjError> {
        let ty = if self.peek() == Some(b'$') {
            self.pos += 1;
            let (ty, off) = self.marker("an optimized container type marker")?;
            if typed_min_width(ty).is_none() {
                return Err(UbjError::InvalidMarker {
                    offset: off,
                    marker: ty,
                    expected: "an element type marker (Z T F i U I l L d D C S H [ {)",
                });
            }
            let (m, off) = self.marker("the '#' count after a '$' type")?;
            if m != b'#' {
                return Err(UbjError::InvalidMarker { offset: off, marker: m, expected: "'#' (a '$' type must be followed by a count)" });
            }
            Some(ty)
        } else if self.peek() == Some(b'#') {
            self.pos += 1;
            None
        } else {
            return Ok(Header::Unsized);
        };

        let (count, count_off) = self.length("a container count")?;
        // Untyped elements carry a marker, so are at least 1 byte.
        let width = ty.map_or(Some(1), typed_min_width).unwrap_or(1) + entry_overhead;
        let available = self.remaining();
        let exceeds = CountExceeds { offset: count_off, count, available };
        if width == 0 {
            // Payload-free typed elements: bounded by the per-document budget.
            let limit = self.zero_width_budget;
            let n =
                usize::try_from(count).ok().filter(|&n| n <= limit).ok_or(UbjError::ZeroWidthLimit { offset: count_off, count, limit })?;
            self.zero_width_budget -= n;
            return Ok(Header::Typed(ty.unwrap_or(b'Z'), n));
        }
        let n = usize::try_from(count).map_err(|_| exceeds.err())?;
        match n.checked_mul(width) {
            Some(total) if total <= available => {}
            _ => return Err(exceeds.err()),
        }
        Ok(match ty {
            Some(t) => Header::Typed(t, n),
            None => Header::Counted(n),
        })
    }

    fn array(&mut self, depth: usize) -> Result<Value, UbjError> {
        let mut out;
        match self.header(0)? {
            Header::Unsized => {
                out = Vec::new();
                loop {
                    self.skip_noops();
                    let (m, off) = self.marker("an array element or ']'")?;
                    if m == b']' {
                        break;
                    }
                    out.push(self.value(m, off, depth)?);
                }
            }
            Header::Counted(n) => {
                out = Vec::with_capacity(n.min(VARIABLE_PREALLOC_CAP));
                for _ in 0..n {
                    self.skip_noops();
                    let (m, off) = self.marker("an array element")?;
                    out.push(self.value(m, off, depth)?);
                }
            }
            Header::Typed(b'd', n) => {
                // Fast path for XGBoost's float32 node arrays. `header` checked
                // that the bytes exist.
                let start = self.pos;
                let bytes = self.take(n * 4, "float32 array elements")?;
                out = Vec::with_capacity(n);
                for (i, c) in bytes.chunks_exact(4).enumerate() {
                    let v = f32::from_be_bytes([c[0], c[1], c[2], c[3]]);
                    out.push(f32_value(v, start + 4 * i, self.non_finite)?);
                }
            }
            Header::Typed(ty, n) => {
                // Fixed-width: `header` checked the bytes exist. Payload-free:
                // `header` charged the count to the document's budget.
                let cap = if matches!(ty, b'S' | b'H' | b'[' | b'{') { n.min(VARIABLE_PREALLOC_CAP) } else { n };
                out = Vec::with_capacity(cap);
                for _ in 0..n {
                    let off = self.pos;
                    out.push(self.value(ty, off, depth)?);
                }
            }
        }
        Ok(Value::Array(out))
    }

    fn key(&mut self) -> Result<(String, usize), UbjError> {
        let off = self.pos;
        let (s, _) = self.sized_str("an object key length", "object key bytes", "an object key")?;
        Ok((s.to_owned(), off))
    }

    fn insert(map: &mut Map<String, Value>, key: String, off: usize, v: Value) -> Result<(), UbjError> {
        if map.contains_key(&key) {
            return Err(UbjError::DuplicateKey { offset: off, key: truncate_text(&key) });
        }
        map.insert(key, v);
        Ok(())
    }

    fn object(&mut self, depth: usize) -> Result<Value, UbjError> {
        let mut map = Map::new();
        match self.header(2)? {
            Header::Unsized => loop {
                self.skip_noops();
                match self.peek() {
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    None => {
                        return Err(UbjError::UnexpectedEof { offset: self.pos, what: "an object key or '}'", needed: 1, available: 0 })
                    }
                    Some(_) => {}
                }
                let (k, koff) = self.key()?;
                let (m, off) = self.marker("an object value marker")?;
                let v = self.value(m, off, depth)?;
                Self::insert(&mut map, k, koff, v)?;
            },
            Header::Counted(n) => {
                for _ in 0..n {
                    self.skip_noops();
                    let (k, koff) = self.key()?;
                    let (m, off) = self.marker("an object value marker")?;
                    let v = self.value(m, off, depth)?;
                    Self::insert(&mut map, k, koff, v)?;
                }
            }
            Header::Typed(ty, n) => {
                for _ in 0..n {
                    let (k, koff) = self.key()?;
                    let off = self.pos;
                    let v = self.value(ty, off, depth)?;
                    Self::insert(&mut map, k, koff, v)?;
                }
            }
        }
        Ok(Value::Object(map))
    }
}

struct CountExceeds {
    offset: usize,
    count: u64,
    available: usize,
}

impl CountExceeds {
    fn err(&self) -> UbjError {
        UbjError::CountExceedsInput { offset: self.offset, what: "container count", count: self.count, available: self.available }
    }
}

/// Builds a Number from text (kept exactly, thanks to `arbitrary_precision`).
fn number_from_text(text: &str, offset: usize) -> Result<Value, UbjError> {
    text.parse::<Number>().map(Value::Number).map_err(|_| UbjError::InvalidNumber { offset, text: truncate_text(text) })
}

/// Error or string for a NaN/infinite float, as `mode` says.
fn non_finite(mode: NonFinite, is_nan: bool, positive: bool, offset: usize, what: &'static str) -> Result<Value, UbjError> {
    let value = match (is_nan, positive) {
        (true, _) => "NaN",
        (false, true) => "inf",
        (false, false) => "-inf",
    };
    match mode {
        NonFinite::Error => Err(UbjError::NonFiniteFloat { offset, what, value }),
        NonFinite::Strings => Ok(Value::String(value.to_owned())),
    }
}

/// float32 → Number with the shortest decimal text that round-trips as `f32`.
fn f32_value(v: f32, offset: usize, mode: NonFinite) -> Result<Value, UbjError> {
    if !v.is_finite() {
        return non_finite(mode, v.is_nan(), v.is_sign_positive(), offset, "float32");
    }
    // `Debug` gives the shortest round-trip text, with an exponent for very
    // large or small magnitudes (e.g. "1e-45", "3.4028235e38"). Both are valid JSON.
    // serde_json stores the latter as "3.4028235e+38", which is the same value.
    number_from_text(&format!("{v:?}"), offset)
}

/// float64 → Number with the shortest decimal text that round-trips as `f64`.
fn f64_value(v: f64, offset: usize, mode: NonFinite) -> Result<Value, UbjError> {
    if !v.is_finite() {
        return non_finite(mode, v.is_nan(), v.is_sign_positive(), offset, "float64");
    }
    number_from_text(&format!("{v:?}"), offset)
}

/// Checks and converts `H` text. It must be a strict JSON number with no whitespace.
fn high_precision(s: &str, offset: usize) -> Result<Value, UbjError> {
    let plausible = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
    if !plausible {
        return Err(UbjError::InvalidNumber { offset, text: truncate_text(s) });
    }
    number_from_text(s, offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    // ---- helpers: a tiny encoder used to build test documents ----

    fn len_l(n: usize) -> Vec<u8> {
        let mut v = vec![b'L'];
        v.extend_from_slice(&(n as i64).to_be_bytes());
        v
    }

    fn key(k: &str) -> Vec<u8> {
        let mut v = len_l(k.len());
        v.extend_from_slice(k.as_bytes());
        v
    }

    fn s(k: &str) -> Vec<u8> {
        let mut v = vec![b'S'];
        v.extend(key(k));
        v
    }

    fn f32_arr(xs: &[f32]) -> Vec<u8> {
        let mut v = b"[$d#".to_vec();
        v.extend(len_l(xs.len()));
        for x in xs {
            v.extend_from_slice(&x.to_be_bytes());
        }
        v
    }

    fn d(x: f32) -> Vec<u8> {
        let mut v = vec![b'd'];
        v.extend_from_slice(&x.to_be_bytes());
        v
    }

    /// Generic encoder for JSON values without floats (roundtrip tests).
    fn encode(v: &Value, out: &mut Vec<u8>) {
        match v {
            Value::Null => out.push(b'Z'),
            Value::Bool(true) => out.push(b'T'),
            Value::Bool(false) => out.push(b'F'),
            Value::Number(n) => {
                let i = n.as_i64().expect("integers only");
                out.push(b'L');
                out.extend_from_slice(&i.to_be_bytes());
            }
            Value::String(st) => out.extend(s(st)),
            Value::Array(a) => {
                out.push(b'[');
                for x in a {
                    encode(x, out);
                }
                out.push(b']');
            }
            Value::Object(m) => {
                out.push(b'{');
                for (k, x) in m {
                    out.extend(key(k));
                    encode(x, out);
                }
                out.push(b'}');
            }
        }
    }

    fn num_text(v: &Value) -> String {
        match v {
            Value::Number(n) => n.to_string(),
            other => panic!("not a number: {other:?}"),
        }
    }

    /// A moderately rich document covering most constructs.
    fn sample_doc() -> Vec<u8> {
        let mut v = b"{".to_vec();
        v.extend(key("a"));
        v.extend(f32_arr(&[0.1, -2.5, 1e-45]));
        v.extend(key("b"));
        v.extend(b"[$l#i\x02\x00\x00\x00\x01\xff\xff\xff\xff");
        v.extend(key("c"));
        v.extend(b"[#U\x02");
        v.extend(s("x"));
        v.extend(b"Z");
        v.extend(key("d"));
        v.extend(b"{$T#i\x01");
        v.extend(key("t"));
        v.extend(key("e"));
        v.extend(b"[NFCxHi\x031.5D");
        v.extend(&1.25f64.to_be_bytes());
        v.extend(b"]");
        v.extend(key("f"));
        v.extend(d(3.5));
        v.extend(b"}");
        v
    }

    // ---- scalar types ----

    #[test]
    fn scalars() {
        assert_eq!(parse(b"Z").unwrap(), Value::Null);
        assert_eq!(parse(b"T").unwrap(), json!(true));
        assert_eq!(parse(b"F").unwrap(), json!(false));
        assert_eq!(parse(b"i\xff").unwrap(), json!(-1));
        assert_eq!(parse(b"i\x7f").unwrap(), json!(127));
        assert_eq!(parse(b"U\xff").unwrap(), json!(255));
        assert_eq!(parse(b"I\x80\x00").unwrap(), json!(-32768));
        assert_eq!(parse(b"l\x7f\xff\xff\xff").unwrap(), json!(i32::MAX));
        assert_eq!(parse(b"l\x80\x00\x00\x00").unwrap(), json!(i32::MIN));
        let mut l = vec![b'L'];
        l.extend_from_slice(&i64::MIN.to_be_bytes());
        assert_eq!(parse(&l).unwrap(), json!(i64::MIN));
        assert!(parse(b"U\x05").unwrap().is_u64());
        assert_eq!(parse(&d(1.5)).unwrap(), json!(1.5));
        let mut dd = vec![b'D'];
        dd.extend_from_slice(&0.1f64.to_be_bytes());
        assert_eq!(num_text(&parse(&dd).unwrap()), "0.1");
        assert_eq!(parse(b"CA").unwrap(), json!("A"));
        assert_eq!(parse(b"Si\x03abc").unwrap(), json!("abc"));
        assert_eq!(parse(b"SU\x00").unwrap(), json!(""));
        assert_eq!(parse(b"SI\x00\x02hi").unwrap(), json!("hi"));
        assert_eq!(parse(b"Sl\x00\x00\x00\x02hi").unwrap(), json!("hi"));
        assert_eq!(parse(&s("héllo")).unwrap(), json!("héllo"));
        let h = parse(b"Hi\x1e123456789012345678901234567890").unwrap();
        assert_eq!(num_text(&h), "123456789012345678901234567890");
        // serde_json spells exponents as `e+`/`e-`; the value is unchanged.
        assert_eq!(num_text(&parse(b"Hi\x06-1.5E7").unwrap()), "-1.5e+7");
    }

    #[test]
    fn noops_are_skipped() {
        assert_eq!(parse(b"NNT").unwrap(), json!(true));
        assert_eq!(parse(b"[NZNNTN]").unwrap(), json!([null, true]));
        let mut o = b"{N".to_vec();
        o.extend(key("k"));
        o.extend(b"ZN}");
        assert_eq!(parse(&o).unwrap(), json!({"k": null}));
        assert_eq!(parse(b"[#i\x02NTNF").unwrap(), json!([true, false]));
    }

    // ---- containers ----

    #[test]
    fn plain_containers() {
        assert_eq!(parse(b"[]").unwrap(), json!([]));
        assert_eq!(parse(b"{}").unwrap(), json!({}));
        assert_eq!(parse(b"[i\x01[U\x02]{}]").unwrap(), json!([1, [2], {}]));
        let mut o = b"{".to_vec();
        o.extend(key("outer"));
        o.push(b'{');
        o.extend(key("inner"));
        o.extend(b"[TF]");
        o.extend(key("n"));
        o.extend(b"i\x05}");
        o.extend(key(""));
        o.extend(b"Z}");
        assert_eq!(parse(&o).unwrap(), json!({"outer": {"inner": [true, false], "n": 5}, "": null}));
    }

    #[test]
    fn typed_float32_array() {
        let xs = [0.1f32, -0.0, 1e-45, f32::MAX, f32::MIN_POSITIVE, 0.3, 16777217.0];
        let v = parse(&f32_arr(&xs)).unwrap();
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), xs.len());
        for (x, got) in xs.iter().zip(arr) {
            let t = num_text(got);
            assert_eq!(t.parse::<f32>().unwrap().to_bits(), x.to_bits(), "{t}");
        }
        assert_eq!(num_text(&arr[0]), "0.1");
        assert_eq!(num_text(&arr[1]), "-0.0");
        assert_eq!(num_text(&arr[2]), "1e-45");
        assert_eq!(num_text(&arr[3]), "3.4028235e+38");
        assert_eq!(num_text(&arr[5]), "0.3");
        assert_eq!(parse(b"[$d#i\x00").unwrap(), json!([]));
    }

    #[test]
    fn typed_int_arrays() {
        assert_eq!(parse(b"[$i#i\x03\x01\xff\x00").unwrap(), json!([1, -1, 0]));
        assert_eq!(parse(b"[$U#U\x02\xff\x00").unwrap(), json!([255, 0]));
        assert_eq!(parse(b"[$I#i\x02\x01\x00\xff\xfe").unwrap(), json!([256, -2]));
        assert_eq!(parse(b"[$l#I\x00\x02\x00\x00\x00\x07\x80\x00\x00\x00").unwrap(), json!([7, i32::MIN]));
        let mut v = b"[$L#i\x02".to_vec();
        v.extend_from_slice(&i64::MAX.to_be_bytes());
        v.extend_from_slice(&(-3i64).to_be_bytes());
        assert_eq!(parse(&v).unwrap(), json!([i64::MAX, -3]));
        let mut v = b"[$D#i\x01".to_vec();
        v.extend_from_slice(&(-2.5f64).to_be_bytes());
        assert_eq!(parse(&v).unwrap(), json!([-2.5]));
    }

    #[test]
    fn other_typed_arrays() {
        assert_eq!(parse(b"[$C#i\x02hi").unwrap(), json!(["h", "i"]));
        assert_eq!(parse(b"[$S#i\x02i\x01aU\x02bc").unwrap(), json!(["a", "bc"]));
        assert_eq!(parse(b"[$Z#i\x02").unwrap(), json!([null, null]));
        assert_eq!(parse(b"[$T#i\x02").unwrap(), json!([true, true]));
        // Nested typed arrays: each element is an array with its '[' omitted.
        // A lone ']' element is an empty unsized array.
        assert_eq!(parse(b"[$[#i\x02$U#i\x01\x07]").unwrap(), json!([[7], []]));
        assert_eq!(parse(b"[$[#i\x02$U#i\x01\x07i\x01]").unwrap(), json!([[7], [1]]));
        assert_eq!(parse(b"[$[#i\x02]]").unwrap(), json!([[], []]));
        assert_eq!(parse(b"[${#i\x01i\x01aT}").unwrap(), json!([{"a": true}]));
    }

    #[test]
    fn count_only_containers() {
        assert_eq!(parse(b"[#i\x03TZi\x09").unwrap(), json!([true, null, 9]));
        assert_eq!(parse(b"[#i\x00").unwrap(), json!([]));
        let mut o = b"{#U\x02".to_vec();
        o.extend(key("a"));
        o.extend(b"T");
        o.extend(key("b"));
        o.extend(b"[#i\x01F");
        assert_eq!(parse(&o).unwrap(), json!({"a": true, "b": [false]}));
    }

    #[test]
    fn typed_objects() {
        let mut o = b"{$T#i\x02".to_vec();
        o.extend(key("x"));
        o.extend(key("y"));
        assert_eq!(parse(&o).unwrap(), json!({"x": true, "y": true}));
        let mut o = b"{$d#i\x01".to_vec();
        o.extend(key("w"));
        o.extend_from_slice(&0.1f32.to_be_bytes());
        assert_eq!(num_text(&parse(&o).unwrap()["w"]), "0.1");
        let mut o = b"{$[#i\x01".to_vec();
        o.extend(key("v"));
        o.extend(b"$U#i\x02\x01\x02");
        assert_eq!(parse(&o).unwrap(), json!({"v": [1, 2]}));
    }

    #[test]
    fn xgboost_like_document() {
        // Same shape XGBoost writes: unsized objects, 'L' key lengths, typed arrays.
        let mut t = b"{".to_vec();
        t.extend(key("split_conditions"));
        t.extend(f32_arr(&[0.5, -1.25, 0.1]));
        t.extend(key("left_children"));
        t.extend(b"[$l#L\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x01\xff\xff\xff\xff\xff\xff\xff\xff");
        t.extend(key("default_left"));
        t.extend(b"[$U#L\x00\x00\x00\x00\x00\x00\x00\x03\x01\x00\x00");
        t.extend(key("id"));
        t.extend(b"L\x00\x00\x00\x00\x00\x00\x00\x00}");
        let mut doc = b"{".to_vec();
        doc.extend(key("learner"));
        doc.push(b'{');
        doc.extend(key("gradient_booster"));
        doc.push(b'{');
        doc.extend(key("model"));
        doc.push(b'{');
        doc.extend(key("trees"));
        doc.push(b'[');
        doc.extend(&t);
        doc.extend(b"]}}}");
        doc.extend(key("version"));
        doc.extend(b"[$L#i\x01\x00\x00\x00\x00\x00\x00\x00\x02}");
        let v = parse(&doc).unwrap();
        let tree = &v["learner"]["gradient_booster"]["model"]["trees"][0];
        assert_eq!(num_text(&tree["split_conditions"][2]), "0.1");
        assert_eq!(tree["left_children"], json!([1, -1, -1]));
        assert_eq!(tree["default_left"], json!([1, 0, 0]));
        assert_eq!(v["version"], json!([2]));
    }

    #[test]
    fn sample_doc_parses() {
        let v = parse(&sample_doc()).unwrap();
        assert_eq!(v["b"], json!([1, -1]));
        assert_eq!(v["c"], json!(["x", null]));
        assert_eq!(v["d"], json!({"t": true}));
        assert_eq!(v["e"][0], json!(false));
        assert_eq!(v["e"][1], json!("x"));
        assert_eq!(num_text(&v["e"][2]), "1.5");
        assert_eq!(num_text(&v["e"][3]), "1.25");
        assert_eq!(num_text(&v["a"][0]), "0.1");
    }

    // ---- float exactness ----

    #[test]
    fn float32_exactness() {
        for (x, text) in [
            (0.1f32, "0.1"),
            (1e-45, "1e-45"),
            (f32::MAX, "3.4028235e+38"),
            (f32::MIN, "-3.4028235e+38"),
            (0.3, "0.3"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (16777216.0, "16777216.0"),
        ] {
            let v = parse(&d(x)).unwrap();
            let t = num_text(&v);
            assert_eq!(t, text);
            assert_eq!(t.parse::<f32>().unwrap().to_bits(), x.to_bits());
            // Not the f64 expansion.
            if x == 0.1 {
                assert_ne!(t, format!("{}", x as f64));
            }
        }
        // Text survives a serde_json serialise/parse cycle unchanged.
        let v = parse(&f32_arr(&[0.1, 1e-45])).unwrap();
        let s = serde_json::to_string(&v).unwrap();
        assert_eq!(s, "[0.1,1e-45]");
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn float64_exactness() {
        for x in [0.1f64, 5e-324, f64::MAX, -1.0 / 3.0] {
            let mut b = vec![b'D'];
            b.extend_from_slice(&x.to_be_bytes());
            let t = num_text(&parse(&b).unwrap());
            assert_eq!(t.parse::<f64>().unwrap().to_bits(), x.to_bits(), "{t}");
        }
    }

    // ---- errors ----

    fn err(b: &[u8]) -> UbjError {
        parse(b).expect_err("expected an error")
    }

    #[test]
    fn truncation_at_every_offset() {
        for doc in [sample_doc(), f32_arr(&[1.0, 2.0]), b"Hi\x0212".to_vec()] {
            assert!(parse(&doc).is_ok());
            for cut in 0..doc.len() {
                let e = err(&doc[..cut]);
                assert!(e.offset() <= cut, "cut {cut}: {e}");
                assert!(e.to_string().starts_with("ubjson: "));
            }
        }
    }

    #[test]
    fn eof_message() {
        let e = err(b"[d\x00\x00");
        assert_eq!(e, UbjError::UnexpectedEof { offset: 2, what: "a float32", needed: 4, available: 2 });
        assert_eq!(
            e.to_string(),
            "ubjson: unexpected end of input at byte 2 while reading a float32 \
             (needs 4 byte(s), 2 available)"
        );
        assert_eq!(err(b"").offset(), 0);
        assert!(matches!(err(b"{"), UbjError::UnexpectedEof { offset: 1, .. }));
        assert!(matches!(err(b"["), UbjError::UnexpectedEof { offset: 1, .. }));
    }

    #[test]
    fn bad_markers() {
        let e = err(b"[Tx]");
        assert!(matches!(e, UbjError::InvalidMarker { offset: 2, marker: b'x', .. }), "{e}");
        assert!(e.to_string().contains("'x' (0x78)"));
        assert!(matches!(err(b"\x00"), UbjError::InvalidMarker { offset: 0, marker: 0, .. }));
        assert!(matches!(err(b"]"), UbjError::InvalidMarker { offset: 0, .. }));
        // Key without an integer length marker.
        assert!(matches!(err(b"{Si\x01a}"), UbjError::InvalidMarker { offset: 1, marker: b'S', .. }));
        // String length with a non-integer marker.
        assert!(matches!(err(b"Sd\x00\x00\x00\x00"), UbjError::InvalidMarker { offset: 1, .. }));
        // '$' without '#'.
        assert!(matches!(err(b"[$d]"), UbjError::InvalidMarker { offset: 3, marker: b']', .. }));
        // '$N' and '$#' are not element types.
        assert!(matches!(err(b"[$N#i\x01"), UbjError::InvalidMarker { offset: 2, .. }));
        assert!(matches!(err(b"[$##i\x01"), UbjError::InvalidMarker { offset: 2, .. }));
        // N as an object value.
        let mut o = b"{".to_vec();
        o.extend(key("k"));
        o.extend(b"N}");
        assert!(matches!(err(&o), UbjError::InvalidMarker { marker: b'N', .. }));
        // Counted arrays have no closing bracket.
        assert!(matches!(err(b"[#i\x01T]"), UbjError::TrailingBytes { offset: 5, count: 1 }));
        assert!(matches!(err(b"[#i\x02T]"), UbjError::InvalidMarker { offset: 5, .. }));
    }

    #[test]
    fn bad_utf8() {
        let e = err(b"Si\x03a\xffb");
        assert_eq!(e, UbjError::InvalidUtf8 { offset: 4, what: "a string" });
        let e = err(b"{i\x02\xc3(T}");
        assert_eq!(e, UbjError::InvalidUtf8 { offset: 3, what: "an object key" });
        assert!(matches!(err(b"Hi\x01\xff"), UbjError::InvalidUtf8 { offset: 3, .. }));
        assert_eq!(err(b"C\x80"), UbjError::InvalidChar { offset: 1, value: 0x80 });
    }

    #[test]
    fn bad_high_precision() {
        for bad in [&b"Hi\x00"[..], b"Hi\x03abc", b"Hi\x02 1", b"Hi\x0201", b"Hi\x02+1", b"Hi\x021.", b"Hi\x03NaN"] {
            assert!(matches!(err(bad), UbjError::InvalidNumber { offset: 3, .. }), "{bad:?}");
        }
    }

    #[test]
    fn negative_lengths() {
        assert_eq!(err(b"Si\xff"), UbjError::NegativeLength { offset: 1, what: "a string length", value: -1 });
        assert!(matches!(err(b"[#i\xfe"), UbjError::NegativeLength { offset: 2, value: -2, .. }));
        assert!(matches!(err(b"[$d#L\xff\xff\xff\xff\xff\xff\xff\xff"), UbjError::NegativeLength { .. }));
        assert!(matches!(err(b"{I\xff\x00T}"), UbjError::NegativeLength { offset: 1, .. }));
    }

    #[test]
    fn huge_counts_with_tiny_input() {
        let huge = b"L\x7f\xff\xff\xff\xff\xff\xff\xff";
        for prefix in [&b"[$d#"[..], b"[#", b"{#", b"{$Z#", b"[$S#", b"[$[#", b"[$L#"] {
            let mut v = prefix.to_vec();
            v.extend_from_slice(huge);
            v.extend_from_slice(b"\x00\x00\x00\x00");
            let e = err(&v);
            assert!(
                matches!(e, UbjError::CountExceedsInput { offset, count: 0x7fff_ffff_ffff_ffff, available: 4, .. } if offset == prefix.len()),
                "{prefix:?}: {e}"
            );
        }
        // String length far beyond the input.
        let mut v = b"S".to_vec();
        v.extend_from_slice(huge);
        assert!(matches!(err(&v), UbjError::UnexpectedEof { offset: 10, .. }));
        // Payload-free elements: bounded by the per-document allowance.
        let mut v = b"[$Z#".to_vec();
        v.extend_from_slice(huge);
        assert!(matches!(err(&v), UbjError::ZeroWidthLimit { offset: 4, .. }));
        let mut v = b"[$T#l".to_vec();
        v.extend_from_slice(&(ZERO_WIDTH_ALLOWANCE as i32 + 100).to_be_bytes());
        assert!(matches!(err(&v), UbjError::ZeroWidthLimit { .. }));
        // The allowance is per document, not per container.
        let mut v = b"[$[#i\x03".to_vec();
        for _ in 0..3 {
            v.extend(b"$Z#I");
            v.extend_from_slice(&2000i16.to_be_bytes());
        }
        assert!(matches!(err(&v), UbjError::ZeroWidthLimit { .. }));
        let mut ok = b"[$[#i\x02".to_vec();
        for _ in 0..2 {
            ok.extend(b"$Z#I");
            ok.extend_from_slice(&2000i16.to_be_bytes());
        }
        assert_eq!(parse(&ok).unwrap()[1].as_array().unwrap().len(), 2000);
    }

    #[test]
    fn depth_limit() {
        let ok: Vec<u8> = [vec![b'['; MAX_DEPTH], vec![b']'; MAX_DEPTH]].concat();
        assert!(parse(&ok).is_ok());
        let bomb: Vec<u8> = [vec![b'['; MAX_DEPTH + 1], vec![b']'; MAX_DEPTH + 1]].concat();
        assert_eq!(err(&bomb), UbjError::DepthLimit { offset: MAX_DEPTH, limit: MAX_DEPTH });
        // A large unterminated bomb, including typed-nested and object forms.
        assert!(matches!(err(&vec![b'['; 1_000_000]), UbjError::DepthLimit { .. }));
        let mut tb = Vec::new();
        for _ in 0..10_000 {
            tb.extend(b"[$[#i\x01");
        }
        assert!(matches!(err(&tb), UbjError::DepthLimit { .. }));
        let mut ob = Vec::new();
        for _ in 0..10_000 {
            ob.extend(b"{i\x01k");
        }
        assert!(matches!(err(&ob), UbjError::DepthLimit { .. }));
    }

    #[test]
    fn trailing_and_duplicates_and_non_finite() {
        assert_eq!(err(b"TT"), UbjError::TrailingBytes { offset: 1, count: 1 });
        assert_eq!(err(b"[]N"), UbjError::TrailingBytes { offset: 2, count: 1 });
        let mut o = b"{".to_vec();
        o.extend(key("k"));
        o.push(b'T');
        let second = o.len();
        o.extend(key("k"));
        o.extend(b"F}");
        assert_eq!(err(&o), UbjError::DuplicateKey { offset: second, key: "k".into() });
        let e = err(&d(f32::NAN));
        assert_eq!(e, UbjError::NonFiniteFloat { offset: 1, what: "float32", value: "NaN" });
        let e = err(&f32_arr(&[1.0, f32::NEG_INFINITY]));
        assert_eq!(e, UbjError::NonFiniteFloat { offset: 17, what: "float32", value: "-inf" });
        let mut b = vec![b'D'];
        b.extend_from_slice(&f64::INFINITY.to_be_bytes());
        assert!(matches!(err(&b), UbjError::NonFiniteFloat { value: "inf", .. }));
    }

    #[test]
    fn non_finite_as_strings() {
        let doc = f32_arr(&[1.0, f32::NAN, f32::INFINITY, f32::NEG_INFINITY]);
        assert_eq!(parse_with(&doc, NonFinite::Strings).unwrap(), json!([1.0, "NaN", "inf", "-inf"]));
        let mut b = vec![b'D'];
        b.extend_from_slice(&f64::NAN.to_be_bytes());
        assert_eq!(parse_with(&b, NonFinite::Strings).unwrap(), json!("NaN"));
        assert!(parse_with(&b, NonFinite::Error).is_err());
    }

    // ---- real XGBoost files (tests/fixtures, written by tools/*.py) ----

    fn fixtures_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
    }

    fn ubj_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                ubj_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "ubj") {
                out.push(p);
            }
        }
    }

    /// Same JSON data. Numbers count as equal when their text matches or when
    /// both parse to the same f32 (XGBoost's JSON writes "5E-1", not "0.5").
    fn same_json(a: &Value, b: &Value, path: &str) -> Result<(), String> {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => {
                let (xs, ys) = (x.to_string(), y.to_string());
                let same_f32 = matches!(
                    (xs.parse::<f32>(), ys.parse::<f32>()),
                    (Ok(p), Ok(q)) if p.to_bits() == q.to_bits()
                );
                if xs == ys || same_f32 {
                    Ok(())
                } else {
                    Err(format!("{path}: {xs} vs {ys}"))
                }
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
                x.iter().zip(y).enumerate().try_for_each(|(i, (p, q))| same_json(p, q, &format!("{path}/{i}")))
            }
            (Value::Object(x), Value::Object(y)) if x.len() == y.len() => x.iter().try_for_each(|(k, p)| match y.get(k) {
                Some(q) => same_json(p, q, &format!("{path}/{k}")),
                None => Err(format!("{path}: key {k:?} missing")),
            }),
            _ if a == b => Ok(()),
            _ => Err(format!("{path}: {a} vs {b}")),
        }
    }

    #[test]
    fn xgboost_fixture_known_keys() {
        let path = fixtures_dir().join("xgboost/2.1.4/binary_logistic.ubj");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let v = parse(&bytes).unwrap();
        let trees =
            v["learner"]["gradient_booster"]["model"]["trees"].as_array().expect("learner.gradient_booster.model.trees is an array");
        assert_eq!(trees.len(), 12);
        for t in trees {
            let sc = t["split_conditions"].as_array().expect("split_conditions array");
            assert!(!sc.is_empty());
            assert!(sc.iter().all(|x| num_text(x).parse::<f32>().is_ok()));
            assert_eq!(sc.len(), t["left_children"].as_array().unwrap().len());
        }
        assert!(v["learner"]["learner_model_param"]["base_score"].is_string());
    }

    #[test]
    fn all_fixtures_parse_and_match_their_json_twins() {
        let mut files = Vec::new();
        ubj_files(&fixtures_dir(), &mut files);
        files.sort();
        assert!(files.len() >= 10, "expected XGBoost .ubj fixtures, found {}", files.len());
        let mut compared = 0;
        for f in &files {
            let name = f.display();
            let bytes = std::fs::read(f).unwrap();
            let v = parse_with(&bytes, NonFinite::Strings).unwrap_or_else(|e| panic!("{name}: {e}"));
            let has_nan = v.to_string().contains("\"NaN\"");
            match parse(&bytes) {
                Ok(strict) => assert!(!has_nan && strict == v, "{name}"),
                Err(e) => assert!(has_nan && matches!(e, UbjError::NonFiniteFloat { .. }), "{name}: {e}"),
            }
            let gb = &v["learner"]["gradient_booster"];
            let model = if gb["name"] == "dart" { &gb["gbtree"]["model"] } else { &gb["model"] };
            if gb["name"] == "gblinear" {
                assert!(model["weights"].is_array(), "{name}");
            } else {
                let trees = model["trees"].as_array().unwrap_or_else(|| panic!("{name}: trees"));
                assert!(!trees.is_empty(), "{name}");
                for t in trees {
                    let sc = t["split_conditions"].as_array().unwrap();
                    assert!(sc.iter().all(|x| x.is_number() || x == "NaN"), "{name}");
                }
            }
            // XGBoost's JSON writes bare NaN, which is not JSON; quote it first.
            if let Ok(text) = std::fs::read_to_string(f.with_extension("json")) {
                let text = text.replace(",NaN", ",\"NaN\"").replace("[NaN", "[\"NaN\"");
                let j: Value = serde_json::from_str(&text).unwrap();
                same_json(&v, &j, "").unwrap_or_else(|e| panic!("{name}: {e}"));
                compared += 1;
            }
        }
        assert!(compared > 0);
    }

    // ---- property tests ----

    fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|i| json!(i)),
            ".{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(".{0,6}", inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn random_bytes_after_container_prefix_never_panic(
            prefix in prop::sample::select(vec![&b"["[..], b"{", b"[$", b"[#", b"{$", b"{#", b"[$d#", b"[$[#i\x02", b"S", b"H"]),
            bytes in prop::collection::vec(any::<u8>(), 0..64),
        ) {
            let mut v = prefix.to_vec();
            v.extend(bytes);
            if let Err(e) = parse(&v) {
                prop_assert!(e.offset() <= v.len());
            }
        }

        #[test]
        fn mutated_documents_never_panic(
            flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
        ) {
            let mut doc = sample_doc();
            for (i, b) in flips {
                let at = i.index(doc.len());
                doc[at] = b;
            }
            if let Err(e) = parse(&doc) {
                prop_assert!(e.offset() <= doc.len());
            }
        }

        #[test]
        fn roundtrip(v in arb_json()) {
            let mut b = Vec::new();
            encode(&v, &mut b);
            prop_assert_eq!(parse(&b).unwrap(), v);
        }

        #[test]
        fn f32_round_trips_exactly(bits in any::<u32>()) {
            let x = f32::from_bits(bits);
            let r = parse(&d(x));
            if x.is_finite() {
                let t = num_text(&r.unwrap());
                prop_assert_eq!(t.parse::<f32>().unwrap().to_bits(), bits);
                prop_assert_eq!(t, format!("{x:?}").replace("e", "e+").replace("e+-", "e-"));
            } else {
                let is_non_finite = matches!(r, Err(UbjError::NonFiniteFloat { offset: 1, .. }));
                prop_assert!(is_non_finite);
            }
        }
    }
}
