//! A reader of Python pickles (protocols 0–5) that runs nothing.
//!
//! Python's `pickle.load` imports the classes a file names and calls them: loading an untrusted
//! pickle runs whatever code its author chose. This reader only builds the pickle's objects as
//! data ([`Object`]): a class or function is its module and name ([`Object::Global`]), and what
//! Python would make by calling one is the call itself ([`Object::Call`]), with the state a
//! `BUILD` would give it. Importers then look for the objects they know (an XGBoost `Booster`'s
//! state, `import::xgboost_pickle`) without ever making any.
//!
//! Opcodes are Python's (`Lib/pickletools.py`). Refused: persistent ids, the extension registry
//! and out-of-band buffers, which name objects outside the file. `joblib.dump`'s numpy arrays,
//! written between the opcodes, are read where joblib's unpickler reads them
//! ([`super::joblib`]). Objects live in one list and refer to each other by index, so the memo,
//! shared objects and cycles cost nothing more; every object comes from at least one byte of
//! input, so memory stays within a small multiple of the input's size.

use std::collections::HashMap;
use std::fmt;

use super::joblib;

/// An object's index in [`Pickle::objects`].
pub type Id = usize;

/// One object of a pickle, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum Object {
    /// `None`.
    None,
    /// `True` or `False`.
    Bool(bool),
    /// An integer that fits `i64`.
    Int(i64),
    /// An integer beyond `i64` (its value is not kept).
    BigInt,
    /// A float.
    Float(f64),
    /// A `str` (Python 3), or a `unicode` (Python 2).
    Str(String),
    /// A `bytes` (`BINBYTES`), a `bytearray` (`BYTEARRAY8`) or a Python 2 `str`.
    Bytes(Vec<u8>),
    /// A list.
    List(Vec<Id>),
    /// A tuple.
    Tuple(Vec<Id>),
    /// A dict, its items in the order the pickle sets them.
    Dict(Vec<(Id, Id)>),
    /// A set or frozenset.
    Set(Vec<Id>),
    /// A numpy array that `joblib.dump` wrote outside the pickle's opcodes (after the `BUILD`
    /// of its `NumpyArrayWrapper`, which it replaces), as joblib's `NumpyUnpickler` reads it.
    Array {
        /// Its `numpy.dtype` (a [`Object::Call`]).
        dtype: Id,
        /// Its shape.
        shape: Vec<usize>,
        /// Its elements' bytes, in the order the wrapper's `order` says.
        data: Vec<u8>,
    },
    /// A class or function, named (never imported).
    Global {
        /// Its module, e.g. `xgboost.core`.
        module: String,
        /// Its qualified name, e.g. `Booster`.
        name: String,
    },
    /// What calling `callable` with the tuple `args` would make (`REDUCE`, `NEWOBJ`, `INST`,
    /// `OBJ`), never made; `state` is what a `BUILD` would hand it (`__setstate__`'s argument).
    Call {
        /// What is called: a [`Object::Global`] for any pickle Python writes.
        callable: Id,
        /// The arguments, a [`Object::Tuple`].
        args: Id,
        /// The state, if the pickle builds one.
        state: Option<Id>,
    },
}

/// A malformed or unsupported pickle: what, and the byte offset of the opcode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Byte offset of the opcode at fault.
    pub at: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "byte {}: {}", self.at, self.message)
    }
}

impl std::error::Error for Error {}

/// A parsed pickle: its objects and the one it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Pickle {
    /// Every object the pickle makes, in the order it makes them.
    pub objects: Vec<Object>,
    /// The pickled object (what `STOP` returns).
    pub root: Id,
}

/// Whether `bytes` looks like a pickle: protocol 2 and later begin with `PROTO`; 0 and 1 with
/// the first opcode of their object (a `GLOBAL` — a class, or `copy_reg._reconstructor` —, a
/// `MARK`, an empty dict or list); every pickle ends with `STOP`.
pub fn is_pickle(bytes: &[u8]) -> bool {
    let ends = bytes.last() == Some(&b'.');
    match bytes {
        _ if has_protocol_header(bytes) => ends,
        [b'c', rest @ ..] => ends && rest.iter().take_while(|&&b| b != b'\n').all(|b| b.is_ascii_alphanumeric() || b"._".contains(b)),
        [b'(' | b'}' | b']', ..] => ends,
        _ => false,
    }
}

/// Whether `head` (a file's first bytes) begins as a pickle of protocol 2 or later does: `PROTO`
/// and a protocol it knows.
pub fn has_protocol_header(head: &[u8]) -> bool {
    matches!(head, [0x80, 2..=5, ..])
}

impl Pickle {
    /// Parses `bytes` up to its `STOP` opcode.
    pub fn parse(bytes: &[u8]) -> Result<Pickle, Error> {
        let made = Pickle { objects: Vec::new(), root: 0 };
        Machine { input: bytes, at: 0, op_at: 0, made, stack: Vec::new(), marks: Vec::new(), memo: HashMap::new(), outer: None }.run()
    }

    /// The object `id`.
    pub fn get(&self, id: Id) -> &Object {
        &self.objects[id]
    }

    /// The value of the `str` key `key` of the dict `dict`, if it is a dict with that key.
    pub fn dict_get(&self, dict: Id, key: &str) -> Option<Id> {
        match self.get(dict) {
            Object::Dict(items) => items.iter().rev().find(|&&(k, _)| matches!(self.get(k), Object::Str(s) if s == key)).map(|&(_, v)| v),
            _ => None,
        }
    }

    /// The module and name of `global`, if it is a [`Object::Global`].
    pub fn global(&self, global: Id) -> Option<(&str, &str)> {
        match self.get(global) {
            Object::Global { module, name } => Some((module, name)),
            _ => None,
        }
    }

    /// The class of an object made by a call: the callable itself, or the class that
    /// `copyreg._reconstructor(cls, base, state)` (protocols 0 and 1) is given.
    pub fn class_of(&self, object: Id) -> Option<(&str, &str)> {
        let Object::Call { callable, args, .. } = self.get(object) else { return None };
        match self.global(*callable)? {
            ("copy_reg" | "copyreg", "_reconstructor") => match self.get(*args) {
                Object::Tuple(a) => self.global(*a.first()?),
                _ => None,
            },
            global => Some(global),
        }
    }

    /// The bytes of a `bytes` or `bytearray` object: [`Object::Bytes`], or the call that makes
    /// it before protocols 3 and 5 (`bytearray(b"…")`, `bytearray("…", "latin-1")`,
    /// `_codecs.encode("…", "latin1")`, `bytes()`).
    pub fn bytes(&self, object: Id) -> Result<Vec<u8>, String> {
        if let Object::Call { callable, args, .. } = self.get(object) {
            if matches!(self.global(*callable), Some(("builtins" | "__builtin__", "bytearray" | "bytes"))) {
                return match self.get(*args) {
                    Object::Tuple(a) => match a[..] {
                        [] => Ok(Vec::new()),
                        [b] => self.plain_bytes(b),
                        [s, encoding] => self.encoded(s, encoding),
                        _ => Err(format!("bytes made from {} arguments", a.len())),
                    },
                    _ => Err("a call whose arguments are no tuple".into()),
                };
            }
        }
        self.plain_bytes(object)
    }

    /// [`Object::Bytes`], or `_codecs.encode("…", "latin1")` (a `bytes` before protocol 3).
    fn plain_bytes(&self, object: Id) -> Result<Vec<u8>, String> {
        match self.get(object) {
            Object::Bytes(b) => Ok(b.clone()),
            Object::Call { callable, args, .. } if self.global(*callable) == Some(("_codecs", "encode")) => match self.get(*args) {
                Object::Tuple(a) if a.len() == 2 => self.encoded(a[0], a[1]),
                _ => Err("_codecs.encode of arguments other than a string and its encoding".into()),
            },
            _ => Err(format!("{} where bytes belong", self.describe(object))),
        }
    }

    /// The bytes of the string `s` in `encoding`, which must be Latin-1 (as Python pickles
    /// bytes as text).
    fn encoded(&self, s: Id, encoding: Id) -> Result<Vec<u8>, String> {
        let (Object::Str(s), Object::Str(encoding)) = (self.get(s), self.get(encoding)) else {
            return Err("bytes made from objects other than a string and its encoding".into());
        };
        if !matches!(encoding.as_str(), "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1") {
            return Err(format!("bytes encoded as {encoding}, not latin-1"));
        }
        s.chars()
            .map(|c| u8::try_from(u32::from(c)).map_err(|_| format!("a latin-1 string with the character U+{:04X}", u32::from(c))))
            .collect()
    }

    /// The object `id` in words, for messages (`a dict`, `xgboost.core.Booster`).
    pub fn describe(&self, id: Id) -> String {
        match self.class_of(id) {
            Some((module, name)) => format!("{module}.{name}"),
            None => describe(self.get(id)).into(),
        }
    }
}

fn describe(object: &Object) -> &'static str {
    match object {
        Object::None => "None",
        Object::Bool(_) => "a bool",
        Object::Int(_) | Object::BigInt => "an int",
        Object::Float(_) => "a float",
        Object::Str(_) => "a str",
        Object::Bytes(_) => "bytes",
        Object::List(_) => "a list",
        Object::Tuple(_) => "a tuple",
        Object::Dict(_) => "a dict",
        Object::Set(_) => "a set",
        Object::Array { .. } => "a numpy array",
        Object::Global { .. } => "a class or function",
        Object::Call { .. } => "an object",
    }
}

/// The pickle machine's state: the input, the objects made so far, the stack, the marks and
/// the memo, and the outer pickle's while a nested one runs.
struct Machine<'a> {
    input: &'a [u8],
    at: usize,
    op_at: usize,
    /// The objects made so far (`root` is set at `STOP`).
    made: Pickle,
    stack: Vec<Id>,
    marks: Vec<usize>,
    memo: HashMap<u64, Id>,
    /// The outer pickle's stack, marks and memo while a pickle nested in it runs (joblib's
    /// arrays of Python objects; one level, as joblib reads them).
    outer: Option<Saved>,
}

/// A pickle's stack, marks and memo, kept while a nested pickle runs.
type Saved = (Vec<Id>, Vec<usize>, HashMap<u64, Id>);

impl<'a> Machine<'a> {
    fn run(mut self) -> Result<Pickle, Error> {
        loop {
            self.op_at = self.at;
            let op = self.take(1, "an opcode")?[0];
            match op {
                b'.' => {
                    let root = self.pop()?;
                    match self.outer.take() {
                        // The end of a nested pickle: its object takes the array's place.
                        Some((stack, marks, memo)) => {
                            (self.stack, self.marks, self.memo) = (stack, marks, memo);
                            self.stack.push(root);
                        }
                        None => {
                            self.made.root = root;
                            return Ok(self.made);
                        }
                    }
                }
                0x80 => {
                    let protocol = self.take(1, "the protocol")?[0];
                    if protocol > 5 {
                        return Err(self.error(format!("protocol {protocol} (known: 0 to 5)")));
                    }
                }
                0x95 => {
                    self.take(8, "a frame's length")?; // framing only
                }
                b'(' => self.marks.push(self.stack.len()),
                b'0' => {
                    self.pop()?;
                }
                b'1' => {
                    self.pop_mark()?;
                }
                b'2' => {
                    let top = self.top()?;
                    self.stack.push(top);
                }
                b'N' => self.push(Object::None),
                0x88 => self.push(Object::Bool(true)),
                0x89 => self.push(Object::Bool(false)),
                b'I' => {
                    let line = self.line()?;
                    let object = match line {
                        "00" => Object::Bool(false),
                        "01" => Object::Bool(true),
                        _ => Object::Int(line.parse().map_err(|_| self.error(format!("INT `{line}`")))?),
                    };
                    self.push(object);
                }
                b'J' => {
                    let v = i32::from_le_bytes(self.array()?);
                    self.push(Object::Int(v.into()));
                }
                b'K' => {
                    let v = self.take(1, "an int")?[0];
                    self.push(Object::Int(v.into()));
                }
                b'M' => {
                    let v = u16::from_le_bytes(self.array()?);
                    self.push(Object::Int(v.into()));
                }
                b'L' => {
                    let line = self.line()?;
                    let digits = line.strip_suffix('L').unwrap_or(line);
                    let object = match digits.parse::<i64>() {
                        Ok(v) => Object::Int(v),
                        Err(_) if digits.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit()) && !digits.is_empty() => {
                            Object::BigInt
                        }
                        Err(_) => return Err(self.error(format!("LONG `{line}`"))),
                    };
                    self.push(object);
                }
                0x8a | 0x8b => {
                    let n = if op == 0x8a { self.take(1, "a length")?[0] as usize } else { self.length4()? };
                    let b = self.take(n, "a long's bytes")?;
                    let object = if n <= 8 {
                        let fill = if b.last().is_some_and(|&x| x & 0x80 != 0) { 0xff } else { 0 };
                        let mut le = [fill; 8];
                        le[..n].copy_from_slice(b);
                        Object::Int(i64::from_le_bytes(le))
                    } else {
                        Object::BigInt
                    };
                    self.push(object);
                }
                b'F' => {
                    let line = self.line()?;
                    let v = line.parse().map_err(|_| self.error(format!("FLOAT `{line}`")))?;
                    self.push(Object::Float(v));
                }
                b'G' => {
                    let v = f64::from_be_bytes(self.array()?);
                    self.push(Object::Float(v));
                }
                b'S' => {
                    let line = self.line()?.to_owned();
                    let bytes = unquote(&line).ok_or_else(|| self.error("a STRING that is no quoted string".into()))?;
                    self.push(Object::Bytes(bytes));
                }
                b'T' | b'U' | b'B' | b'C' | 0x8e | 0x96 => {
                    let n = match op {
                        b'U' | b'C' => self.take(1, "a length")?[0] as usize,
                        b'T' | b'B' => self.length4()?,
                        _ => self.length8()?,
                    };
                    let bytes = self.take(n, "the bytes")?.to_vec();
                    self.push(Object::Bytes(bytes));
                }
                b'V' => {
                    let line = self.line_bytes()?;
                    let text = raw_unicode_unescape(line).ok_or_else(|| self.error("a malformed UNICODE escape".into()))?;
                    self.push(Object::Str(text));
                }
                b'X' | 0x8c | 0x8d => {
                    let n = match op {
                        0x8c => self.take(1, "a length")?[0] as usize,
                        b'X' => self.length4()?,
                        _ => self.length8()?,
                    };
                    let bytes = self.take(n, "the string")?;
                    let text = std::str::from_utf8(bytes).map_err(|_| self.error("a string that is not UTF-8".into()))?.to_owned();
                    self.push(Object::Str(text));
                }
                b']' => self.push(Object::List(Vec::new())),
                b')' => self.push(Object::Tuple(Vec::new())),
                b'}' => self.push(Object::Dict(Vec::new())),
                0x8f => self.push(Object::Set(Vec::new())),
                b'l' => {
                    let items = self.pop_mark()?;
                    self.push(Object::List(items));
                }
                b't' => {
                    let items = self.pop_mark()?;
                    self.push(Object::Tuple(items));
                }
                0x91 => {
                    let items = self.pop_mark()?;
                    self.push(Object::Set(items));
                }
                0x85..=0x87 => {
                    // The objects above the last MARK, as CPython's unpickler counts them.
                    let n = usize::from(op - 0x84);
                    let available = self.stack.len() - self.marks.last().copied().unwrap_or(0);
                    if available < n {
                        return Err(self.error(format!("TUPLE{n} with {available} objects above the last MARK")));
                    }
                    let items = self.stack.split_off(self.stack.len() - n);
                    self.push(Object::Tuple(items));
                }
                b'd' => {
                    let items = self.pop_mark()?;
                    let pairs = self.pairs(items)?;
                    self.push(Object::Dict(pairs));
                }
                b'a' => {
                    let item = self.pop()?;
                    self.extend(vec![item])?;
                }
                b'e' | 0x90 => {
                    let items = self.pop_mark()?;
                    self.extend(items)?;
                }
                b's' => {
                    let value = self.pop()?;
                    let key = self.pop()?;
                    self.set_items(vec![(key, value)])?;
                }
                b'u' => {
                    let items = self.pop_mark()?;
                    let pairs = self.pairs(items)?;
                    self.set_items(pairs)?;
                }
                b'c' => {
                    let module = self.line()?.to_owned();
                    let name = self.line()?.to_owned();
                    self.push(Object::Global { module, name });
                }
                0x93 => {
                    let name = self.pop()?;
                    let module = self.pop()?;
                    let (Object::Str(module), Object::Str(name)) = (&self.made.objects[module], &self.made.objects[name]) else {
                        return Err(self.error("STACK_GLOBAL of objects that are not strings".into()));
                    };
                    let global = Object::Global { module: module.clone(), name: name.clone() };
                    self.push(global);
                }
                b'R' | 0x81 => {
                    let args = self.pop()?;
                    let callable = self.pop()?;
                    if !matches!(self.made.objects[args], Object::Tuple(_)) {
                        return Err(self.error("a call whose arguments are no tuple".into()));
                    }
                    self.push(Object::Call { callable, args, state: None });
                }
                0x92 => {
                    let _kwargs = self.pop()?;
                    let args = self.pop()?;
                    let callable = self.pop()?;
                    self.push(Object::Call { callable, args, state: None });
                }
                b'i' => {
                    let module = self.line()?.to_owned();
                    let name = self.line()?.to_owned();
                    let items = self.pop_mark()?;
                    let callable = self.make(Object::Global { module, name });
                    let args = self.make(Object::Tuple(items));
                    self.push(Object::Call { callable, args, state: None });
                }
                b'o' => {
                    let mut items = self.pop_mark()?;
                    if items.is_empty() {
                        return Err(self.error("OBJ without a class".into()));
                    }
                    let callable = items.remove(0);
                    let args = self.make(Object::Tuple(items));
                    self.push(Object::Call { callable, args, state: None });
                }
                b'b' => {
                    let state = self.pop()?;
                    let top = self.top()?;
                    if let Object::Call { state: slot, .. } = &mut self.made.objects[top] {
                        *slot = Some(state);
                    }
                    // joblib writes a numpy array's bytes right after its wrapper's BUILD (a
                    // nested pickle reads as joblib's does: without wrappers).
                    if self.outer.is_none() && joblib::is_array_wrapper(&self.made, top) {
                        self.joblib_array(top)?;
                    }
                }
                b'p' | b'q' | b'r' => {
                    let key = self.memo_key(op)?;
                    self.memoize(key)?;
                }
                0x94 => {
                    let key = self.memo.len() as u64;
                    self.memoize(key)?;
                }
                b'g' | b'h' | b'j' => {
                    let key = self.memo_key(op)?;
                    self.recall(key)?;
                }
                0x98 => {} // READONLY_BUFFER: a flag on a buffer
                b'P' | b'Q' => return Err(self.error("a persistent id (an object kept outside the file)".into())),
                0x82..=0x84 => return Err(self.error("an extension code (copyreg's registry)".into())),
                0x97 => return Err(self.error("an out-of-band buffer".into())),
                _ => return Err(self.error(format!("unknown opcode 0x{op:02x}"))),
            }
        }
    }

    fn error(&self, message: String) -> Error {
        Error { at: self.op_at, message }
    }

    /// Reads the array that joblib wrote after the wrapper `wrapper` (on top of the stack) and
    /// puts it in the wrapper's place: its bytes ([`Object::Array`]), or, for an array of
    /// Python objects, the pickle of it that follows, which then runs.
    fn joblib_array(&mut self, wrapper: Id) -> Result<(), Error> {
        let array = joblib::ArrayHeader::of(&self.made, wrapper).map_err(|e| self.error(format!("a joblib array: {e}")))?;
        self.stack.pop();
        let Some(item_size) = array.item_size else {
            let outer = (std::mem::take(&mut self.stack), std::mem::take(&mut self.marks), std::mem::take(&mut self.memo));
            self.outer = Some(outer);
            return Ok(());
        };
        if array.aligned {
            let padding = self.take(1, "a joblib array's padding")?[0];
            self.take(padding.into(), "a joblib array's padding")?;
        }
        let len =
            array.elements.checked_mul(item_size).ok_or_else(|| self.error("a joblib array of more bytes than memory holds".into()))?;
        let data = self.take(len, "a joblib array's data")?.to_vec();
        self.push(Object::Array { dtype: array.dtype, shape: array.shape, data });
        Ok(())
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], Error> {
        match self.input.len().checked_sub(self.at) {
            Some(left) if left >= n => {
                let input: &'a [u8] = self.input;
                let bytes = &input[self.at..self.at + n];
                self.at += n;
                Ok(bytes)
            }
            _ => Err(self.error(format!("the file ends inside {what}"))),
        }
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        Ok(self.take(N, "a number")?.try_into().expect("N bytes"))
    }

    fn length4(&mut self) -> Result<usize, Error> {
        let n = i32::from_le_bytes(self.array()?);
        usize::try_from(n).map_err(|_| self.error(format!("a negative length {n}")))
    }

    fn length8(&mut self) -> Result<usize, Error> {
        let n = u64::from_le_bytes(self.array()?);
        usize::try_from(n).map_err(|_| self.error(format!("a length of {n} bytes")))
    }

    /// A text argument: the bytes up to the next newline.
    fn line_bytes(&mut self) -> Result<&'a [u8], Error> {
        let input: &'a [u8] = self.input;
        let rest = &input[self.at..];
        let Some(n) = rest.iter().position(|&b| b == b'\n') else {
            return Err(self.error("the file ends inside a line".into()));
        };
        self.at += n + 1;
        Ok(&rest[..n])
    }

    /// A text argument that must be UTF-8 (ASCII, as Python writes them).
    fn line(&mut self) -> Result<&'a str, Error> {
        let line = self.line_bytes()?;
        std::str::from_utf8(line).map_err(|_| self.error("a line that is not UTF-8".into()))
    }

    fn make(&mut self, object: Object) -> Id {
        self.made.objects.push(object);
        self.made.objects.len() - 1
    }

    fn push(&mut self, object: Object) {
        let id = self.make(object);
        self.stack.push(id);
    }

    /// The object on top of the stack, which must be above the last MARK (CPython's "stack
    /// underflow" otherwise).
    fn top(&self) -> Result<Id, Error> {
        if self.marks.last().is_some_and(|&m| m >= self.stack.len()) {
            return Err(self.error("an opcode that takes an object right after a MARK".into()));
        }
        self.stack.last().copied().ok_or_else(|| self.error("an opcode that takes an object from an empty stack".into()))
    }

    fn pop(&mut self) -> Result<Id, Error> {
        // A mark above the top means the object below it belongs to an outer structure.
        if self.marks.last().is_some_and(|&m| m >= self.stack.len()) {
            return Err(self.error("an opcode that takes an object right after a MARK".into()));
        }
        self.stack.pop().ok_or_else(|| self.error("an opcode that takes an object from an empty stack".into()))
    }

    /// The objects above the last MARK, which is removed. Every opcode that takes objects stops
    /// at the last MARK (`pop`, `top`, `TUPLE1`–`TUPLE3`), so a mark is never above the stack.
    fn pop_mark(&mut self) -> Result<Vec<Id>, Error> {
        let mark = self.marks.pop().ok_or_else(|| self.error("an opcode that needs a MARK without one".into()))?;
        debug_assert!(mark <= self.stack.len());
        Ok(self.stack.split_off(mark.min(self.stack.len())))
    }

    fn pairs(&self, items: Vec<Id>) -> Result<Vec<(Id, Id)>, Error> {
        if !items.len().is_multiple_of(2) {
            return Err(self.error(format!("{} objects where keys and values come in pairs", items.len())));
        }
        Ok(items.chunks_exact(2).map(|kv| (kv[0], kv[1])).collect())
    }

    /// `APPEND(S)`/`ADDITEMS` to the object on top: a list's or set's items; anything else
    /// (an object whose class would take them) keeps them only as objects of the pickle.
    fn extend(&mut self, items: Vec<Id>) -> Result<(), Error> {
        let top = self.top()?;
        if let Object::List(list) | Object::Set(list) = &mut self.made.objects[top] {
            list.extend(items);
        }
        Ok(())
    }

    /// `SETITEM(S)` on the object on top: a dict's items (others, as for [`Self::extend`]).
    fn set_items(&mut self, pairs: Vec<(Id, Id)>) -> Result<(), Error> {
        let top = self.top()?;
        if let Object::Dict(dict) = &mut self.made.objects[top] {
            dict.extend(pairs);
        }
        Ok(())
    }

    /// The memo key that follows a `PUT` or `GET` opcode: a decimal line (`PUT`, `GET`), one
    /// byte (`BINPUT`, `BINGET`) or four (`LONG_BINPUT`, `LONG_BINGET`).
    fn memo_key(&mut self, op: u8) -> Result<u64, Error> {
        match op {
            b'p' | b'g' => self.line()?.parse().map_err(|_| self.error("a memo key that is no number".into())),
            b'q' | b'h' => Ok(self.take(1, "a memo key")?[0].into()),
            _ => Ok(u32::from_le_bytes(self.array()?).into()),
        }
    }

    fn memoize(&mut self, key: u64) -> Result<(), Error> {
        let top = self.top()?;
        self.memo.insert(key, top);
        Ok(())
    }

    fn recall(&mut self, key: u64) -> Result<(), Error> {
        let id = *self.memo.get(&key).ok_or_else(|| self.error(format!("GET of memo key {key}, never put")))?;
        self.stack.push(id);
        Ok(())
    }
}

/// A protocol 0 `STRING` argument (Python 2's `repr` of a `str`): its bytes.
fn unquote(line: &str) -> Option<Vec<u8>> {
    let quote = line.chars().next().filter(|q| *q == '\'' || *q == '"')?;
    let body = line.strip_prefix(quote)?.strip_suffix(quote)?;
    let mut out = Vec::with_capacity(body.len());
    let mut bytes = body.bytes();
    while let Some(b) = bytes.next() {
        if b != b'\\' {
            out.push(b);
            continue;
        }
        match bytes.next()? {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'v' => out.push(11),
            b'x' => {
                let hex = [bytes.next()?, bytes.next()?];
                out.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
            }
            d @ b'0'..=b'7' => {
                // Up to three octal digits.
                let mut v = u32::from(d - b'0');
                let mut rest = bytes.clone();
                for _ in 0..2 {
                    match rest.next() {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            bytes.next();
                        }
                        _ => break,
                    }
                }
                out.push(u8::try_from(v).ok()?);
            }
            other => out.push(other), // `\\`, `\'`, `\"`
        }
    }
    Some(out)
}

/// A protocol 0 `UNICODE` argument (Python's `raw-unicode-escape`): `\uXXXX` and
/// `\UXXXXXXXX` are escapes, every other byte is the Latin-1 character it codes.
fn raw_unicode_unescape(line: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < line.len() {
        let digits = match (line[i], line.get(i + 1)) {
            (b'\\', Some(b'u')) => 4,
            (b'\\', Some(b'U')) => 8,
            (b, _) => {
                out.push(char::from(b));
                i += 1;
                continue;
            }
        };
        let hex = std::str::from_utf8(line.get(i + 2..i + 2 + digits)?).ok()?;
        out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
        i += 2 + digits;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What CPython 3.11 writes for one object, protocols 0 to 5 (hex):
    ///
    /// ```python
    /// class Point:
    ///     def __init__(s): s.x = 1; s.tag = "é€"
    /// obj = {"handle": bytearray(b"ab\x00\xff"), "raw": b"\x01'\"\\",
    ///        "n": [1, -2, 300, -70000, 2**40, -2**70, 3.5, None, True, False],
    ///        "t": (1, (2,), {3}, frozenset()), "p": Point()}
    /// obj["again"] = obj["handle"]
    /// pickle.dumps(obj, protocol=p).hex()
    /// ```
    const DUMPS: [&str; 6] = [
        concat!(
            "286470300a5668616e646c650a70310a635f5f6275696c74696e5f5f0a6279746561727261790a70320a28635f636f64",
            "6563730a656e636f64650a70330a285661625c7530303030ff0a70340a566c6174696e310a70350a7470360a5270370a",
            "7470380a5270390a73567261770a7031300a67330a28560127225c75303035630a7031310a67350a747031320a527031",
            "330a73566e0a7031340a286c7031350a49310a61492d320a61493330300a61492d37303030300a614c31303939353131",
            "3632373737364c0a614c2d313138303539313632303731373431313330333432344c0a6146332e350a614e614930310a",
            "614930300a617356740a7031360a2849310a2849320a747031370a635f5f6275696c74696e5f5f0a7365740a7031380a",
            "28286c7031390a49330a61747032300a527032310a635f5f6275696c74696e5f5f0a66726f7a656e7365740a7032320a",
            "28286c7032330a747032340a527032350a747032360a7356700a7032370a63636f70795f7265670a5f7265636f6e7374",
            "727563746f720a7032380a28635f5f6d61696e5f5f0a506f696e740a7032390a635f5f6275696c74696e5f5f0a6f626a",
            "6563740a7033300a4e747033310a527033320a28647033330a56780a7033340a49310a73567461670a7033350a56e95c",
            "75323061630a7033360a73627356616761696e0a7033370a67390a732e",
        ),
        concat!(
            "7d710028580600000068616e646c657101635f5f6275696c74696e5f5f0a6279746561727261790a710228635f636f64",
            "6563730a656e636f64650a7103285805000000616200c3bf710458060000006c6174696e317105747106527107747108",
            "5271095803000000726177710a68032858040000000127225c710b680574710c52710d58010000006e710e5d710f284b",
            "014afeffffff4d2c014a90eefeff4c313039393531313632373737364c0a4c2d31313830353931363230373137343131",
            "3330333432344c0a47400c0000000000004e4930310a4930300a655801000000747110284b01284b02747111635f5f62",
            "75696c74696e5f5f0a7365740a7112285d71134b0361747114527115635f5f6275696c74696e5f5f0a66726f7a656e73",
            "65740a7116285d711774711852711974711a580100000070711b63636f70795f7265670a5f7265636f6e737472756374",
            "6f720a711c28635f5f6d61696e5f5f0a506f696e740a711d635f5f6275696c74696e5f5f0a6f626a6563740a711e4e74",
            "711f5271207d71212858010000007871224b01580300000074616771235805000000c3a9e282ac712475625805000000",
            "616761696e71256809752e",
        ),
        concat!(
            "80027d710028580600000068616e646c657101635f5f6275696c74696e5f5f0a6279746561727261790a7102635f636f",
            "646563730a656e636f64650a71035805000000616200c3bf710458060000006c6174696e317105867106527107857108",
            "5271095803000000726177710a680358040000000127225c710b680586710c52710d58010000006e710e5d710f284b01",
            "4afeffffff4d2c014a90eefeff8a060000000000018a090000000000000000c047400c0000000000004e888965580100",
            "0000747110284b014b02857111635f5f6275696c74696e5f5f0a7365740a71125d71134b0361857114527115635f5f62",
            "75696c74696e5f5f0a66726f7a656e7365740a71165d711785711852711974711a580100000070711b635f5f6d61696e",
            "5f5f0a506f696e740a711c2981711d7d711e28580100000078711f4b01580300000074616771205805000000c3a9e282",
            "ac712175625805000000616761696e71226809752e",
        ),
        concat!(
            "80037d710028580600000068616e646c657101636275696c74696e730a6279746561727261790a71024304616200ff71",
            "038571045271055803000000726177710643040127225c710758010000006e71085d7109284b014afeffffff4d2c014a",
            "90eefeff8a060000000000018a090000000000000000c047400c0000000000004e888965580100000074710a284b014b",
            "0285710b636275696c74696e730a7365740a710c5d710d4b036185710e52710f636275696c74696e730a66726f7a656e",
            "7365740a71105d71118571125271137471145801000000707115635f5f6d61696e5f5f0a506f696e740a711629817117",
            "7d71182858010000007871194b015803000000746167711a5805000000c3a9e282ac711b75625805000000616761696e",
            "711c6805752e",
        ),
        concat!(
            "800495ca000000000000007d94288c0668616e646c65948c086275696c74696e73948c09627974656172726179949394",
            "4304616200ff94859452948c037261779443040127225c948c016e945d94284b014afeffffff4d2c014a90eefeff8a06",
            "0000000000018a090000000000000000c047400c0000000000004e8889658c017494284b014b0285948f94284b039028",
            "919474948c0170948c085f5f6d61696e5f5f948c05506f696e749493942981947d94288c0178944b018c03746167948c",
            "05c3a9e282ac9475628c05616761696e946807752e",
        ),
        concat!(
            "800595b4000000000000007d94288c0668616e646c6594960400000000000000616200ff948c03726177944304012722",
            "5c948c016e945d94284b014afeffffff4d2c014a90eefeff8a060000000000018a090000000000000000c047400c0000",
            "000000004e8889658c017494284b014b0285948f94284b039028919474948c0170948c085f5f6d61696e5f5f948c0550",
            "6f696e749493942981947d94288c0178944b018c03746167948c05c3a9e282ac9475628c05616761696e946802752e",
        ),
    ];

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    fn int(p: &Pickle, id: Id) -> i64 {
        match p.get(id) {
            Object::Int(v) => *v,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_protocol_reads_the_same_objects() {
        for (protocol, dump) in DUMPS.iter().enumerate() {
            let bytes = hex(dump);
            assert!(is_pickle(&bytes), "protocol {protocol}");
            let p = Pickle::parse(&bytes).unwrap_or_else(|e| panic!("protocol {protocol}: {e}"));
            let root = p.root;
            let handle = p.dict_get(root, "handle").unwrap();
            assert_eq!(p.bytes(handle).unwrap(), b"ab\x00\xff", "protocol {protocol}");
            // The memo: the same bytearray, not a copy.
            assert_eq!(p.dict_get(root, "again"), Some(handle), "protocol {protocol}");
            assert_eq!(p.bytes(p.dict_get(root, "raw").unwrap()).unwrap(), b"\x01'\"\\", "protocol {protocol}");
            let Object::List(n) = p.get(p.dict_get(root, "n").unwrap()) else { panic!("protocol {protocol}: n") };
            assert_eq!(n[..6].iter().map(|&i| int(&p, i)).take(5).collect::<Vec<_>>(), [1, -2, 300, -70000, 1 << 40]);
            assert_eq!(p.get(n[5]), &Object::BigInt);
            assert_eq!(p.get(n[6]), &Object::Float(3.5));
            assert_eq!(p.get(n[7]), &Object::None);
            // Protocols 0 and 1 write booleans as the INT lines `01` and `00`.
            assert_eq!((p.get(n[8]), p.get(n[9])), (&Object::Bool(true), &Object::Bool(false)), "protocol {protocol}");
            let Object::Tuple(t) = p.get(p.dict_get(root, "t").unwrap()) else { panic!("t") };
            assert_eq!(t.len(), 4, "protocol {protocol}");
            assert!(matches!(p.get(t[1]), Object::Tuple(inner) if inner.len() == 1));
            let point = p.dict_get(root, "p").unwrap();
            assert_eq!(p.class_of(point), Some(("__main__", "Point")), "protocol {protocol}");
            assert_eq!(p.describe(point), "__main__.Point");
            let Object::Call { state: Some(state), .. } = p.get(point) else { panic!("protocol {protocol}: no state") };
            assert_eq!(int(&p, p.dict_get(*state, "x").unwrap()), 1);
            assert_eq!(p.get(p.dict_get(*state, "tag").unwrap()), &Object::Str("é€".into()), "protocol {protocol}");
        }
    }

    /// What `joblib.dump` writes (hex) for
    ///
    /// ```python
    /// {"a": np.arange(3, dtype="<i4"), "o": np.array(["x", None], dtype=object),
    ///  "s": np.array(["hé"], dtype="<U2"), "b": 7}
    /// ```
    ///
    /// with joblib 1.6.0 and protocol 4 (aligned arrays, frames), and joblib 1.1.1 and protocol 2
    /// (no alignment).
    const JOBLIB: [&str; 2] = [
        concat!(
            "800495d8000000000000007d94288c0161948c136a6f626c69622e6e756d70795f7069636b6c65948c114e756d707941",
            "72726179577261707065729493942981947d94288c08737562636c617373948c056e756d7079948c076e646172726179",
            "9493948c057368617065944b0385948c056f72646572948c0143948c0564747970659468088c0564747970659493948c",
            "02693494898887945294284b038c013c944e4e4e4affffffff4affffffff4b007494628c0a616c6c6f775f6d6d617094",
            "888c1b6e756d70795f61727261795f616c69676e6d656e745f6279746573944b1075620cffffffffffffffffffffffff",
            "000000000100000002000000954b000000000000008c016f9468042981947d94286807680a680b4b028594680d680e68",
            "0f68118c024f3894898887945294284b038c017c944e4e4e4affffffff4affffffff4b3f74946268178968184b107562",
            "8005958e000000000000008c156e756d70792e636f72652e6d756c74696172726179948c0c5f7265636f6e7374727563",
            "749493948c056e756d7079948c076e6461727261799493944b0085944301629487945294284b014b02859468038c0564",
            "747970659493948c024f3894898887945294284b038c017c944e4e4e4affffffff4affffffff4b3f749462895d94288c",
            "0178944e657494622e9543000000000000008c01739468042981947d94286807680a680b4b018594680d680e680f6811",
            "8c02553294898887945294284b0368154e4e4e4b084b044b0874946268178868184b1075620affffffffffffffffffff",
            "68000000e90000009508000000000000008c0162944b07752e",
        ),
        concat!(
            "80027d7100285801000000617101636a6f626c69622e6e756d70795f7069636b6c650a4e756d70794172726179577261",
            "707065720a7102298171037d7104285808000000737562636c6173737105636e756d70790a6e6461727261790a710658",
            "05000000736861706571074b0385710858050000006f726465727109580100000043710a58050000006474797065710b",
            "636e756d70790a64747970650a710c58020000006934710d898887710e52710f284b0358010000003c71104e4e4e4aff",
            "ffffff4affffffff4b0074711162580a000000616c6c6f775f6d6d617071128875620000000001000000020000005801",
            "0000006f71136802298171147d7115286805680668074b028571166809680a680b680c58020000004f38711789888771",
            "18527119284b0358010000007c711a4e4e4e4affffffff4affffffff4b3f74711b6268128975628002636e756d70792e",
            "636f72652e6d756c746961727261790a5f7265636f6e7374727563740a7100636e756d70790a6e6461727261790a7101",
            "4b00857102635f636f646563730a656e636f64650a7103580100000062710458060000006c6174696e31710586710652",
            "7107877108527109284b014b0285710a636e756d70790a64747970650a710b58020000004f38710c898887710d52710e",
            "284b0358010000007c710f4e4e4e4affffffff4affffffff4b3f74711062895d71112858010000007871124e65747113",
            "622e580100000073711c68022981711d7d711e286805680668074b0185711f6809680a680b680c580200000055327120",
            "8988877121527122284b0368104e4e4e4b084b044b0874712362681288756268000000e900000058010000006271244b",
            "07752e",
        ),
    ];

    #[test]
    fn joblib_arrays_are_read_where_joblib_writes_them() {
        for (i, dump) in JOBLIB.iter().enumerate() {
            let bytes = hex(dump);
            let p = Pickle::parse(&bytes).unwrap_or_else(|e| panic!("{i}: {e}"));
            let item = |key| p.get(p.dict_get(p.root, key).unwrap());
            let Object::Array { shape, data, dtype } = item("a") else { panic!("{i}: {:?}", item("a")) };
            assert_eq!((shape.as_slice(), data.as_slice()), ([3].as_slice(), [0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0].as_slice()), "{i}");
            assert_eq!(p.describe(*dtype), "numpy.dtype");
            let Object::Array { data, .. } = item("s") else { panic!("{i}: {:?}", item("s")) };
            assert_eq!(data, b"h\0\0\0\xe9\0\0\0", "{i}: a unicode element of 2 characters, 4 bytes each");
            // The array of objects: the nested pickle's object, then the outer pickle goes on.
            let o = p.dict_get(p.root, "o").unwrap();
            assert_eq!(p.describe(o), "numpy.core.multiarray._reconstruct", "{i}");
            let Object::Call { state: Some(state), .. } = p.get(o) else { panic!("{i}: no state") };
            let Object::Tuple(state) = p.get(*state) else { panic!("{i}") };
            let Object::List(items) = p.get(state[4]) else { panic!("{i}: {:?}", p.get(state[4])) };
            assert_eq!((p.get(items[0]), p.get(items[1])), (&Object::Str("x".into()), &Object::None), "{i}");
            assert_eq!(item("b"), &Object::Int(7), "{i}");
            for n in 0..bytes.len() {
                assert!(Pickle::parse(&bytes[..n]).is_err(), "{i}: {n} bytes");
            }
        }
    }

    #[test]
    fn joblib_wrappers_that_do_not_add_up_are_errors() {
        let bytes = hex(JOBLIB[1]);
        let err = |b: &[u8]| Pickle::parse(b).unwrap_err().to_string();
        // The shape (3,) made (3000000,): more data than the file holds.
        let at = bytes.windows(5).position(|w| w == b"shape").unwrap() + 7;
        let mut big = bytes.clone();
        big.splice(at..at + 2, *b"J\xc0\xc6\x2d\x00");
        assert_eq!(err(&big), "byte 228: the file ends inside a joblib array's data");
        // The first dtype's state version 3 made 2.
        let at = bytes.windows(4).position(|w| w == b"R\x71\x0f(").unwrap() + 5;
        let mut old = bytes.clone();
        old[at] = 2;
        assert_eq!(err(&old), "byte 225: a joblib array: a dtype pickled as version 2 (known: 3 and 4)");
    }

    #[test]
    fn damaged_pickles_are_errors_at_their_byte() {
        let bytes = hex(DUMPS[4]);
        // Every truncation: an error (the end of the file inside something), never a panic.
        for n in 0..bytes.len() {
            assert!(Pickle::parse(&bytes[..n]).is_err(), "{n} bytes");
        }
        let err = |b: &[u8]| Pickle::parse(b).unwrap_err().to_string();
        assert_eq!(err(b"\x80\x06N."), "byte 0: protocol 6 (known: 0 to 5)");
        assert_eq!(err(b"\x80\x04N\xff."), "byte 3: unknown opcode 0xff");
        assert_eq!(err(b"\x80\x04h\x07."), "byte 2: GET of memo key 7, never put");
        assert_eq!(err(b"\x80\x04(R."), "byte 3: an opcode that takes an object right after a MARK");
        assert_eq!(err(b"\x80\x04R."), "byte 2: an opcode that takes an object from an empty stack");
        assert_eq!(err(b"\x80\x04NQ."), "byte 3: a persistent id (an object kept outside the file)");
        assert_eq!(err(b"\x80\x04\x82\x01."), "byte 2: an extension code (copyreg's registry)");
        assert_eq!(err(b"\x80\x05\x97."), "byte 2: an out-of-band buffer");
        assert_eq!(err(b"\x80\x04B\xff\xff\xff\x7f."), "byte 2: the file ends inside the bytes");
        assert_eq!(err(b"\x80\x04B\xff\xff\xff\xff."), "byte 2: a negative length -1");
        assert_eq!(err(b"\x80\x04(NNNd."), "byte 6: 3 objects where keys and values come in pairs");
        assert_eq!(err(b"S'abc\n."), "byte 0: a STRING that is no quoted string");
        // Fuzz finding F12: TUPLE3 took objects from below a MARK, whose later pop then split
        // the stack beyond its end (a panic). CPython refuses it ("unpickling stack underflow").
        assert_eq!(err(b"\x80\x02NNN(\x87t."), "byte 6: TUPLE3 with 0 objects above the last MARK");
        assert_eq!(err(b"\x80\x02N(2."), "byte 4: an opcode that takes an object right after a MARK");
        assert_eq!(err(b"\x80\x02](N\x85a."), "byte 6: an opcode that takes an object right after a MARK");
        assert_eq!(err(b"V\\u12\n."), "byte 0: a malformed UNICODE escape");
    }

    #[test]
    fn protocol_0_strings_unescape() {
        assert_eq!(unquote(r"'a\'b\x41\101\0\n'").unwrap(), b"a'bAA\0\n");
        assert_eq!(unquote("\"x\""), Some(b"x".to_vec()));
        assert_eq!(unquote(r"'\400'"), None);
        assert_eq!(raw_unicode_unescape(b"\\u00e9\\U0001F600\\x\xe9").unwrap(), "é😀\\xé");
        assert_eq!(raw_unicode_unescape(b"\\u00"), None);
        assert_eq!(raw_unicode_unescape(b"\\uD800"), None, "a surrogate");
    }

    #[test]
    fn signatures() {
        assert!(is_pickle(b"\x80\x02N."));
        assert!(is_pickle(b"ccopy_reg\n_reconstructor\n."));
        assert!(!is_pickle(b"\x80\x02N"), "no STOP");
        assert!(!is_pickle(b"{\"learner\": 1}"));
        assert!(!is_pickle(b"binf."));
        assert!(!is_pickle(b"c\x00\x01\n."), "a float's bytes, not a module name");
    }
}
