//! `joblib.dump`'s files: pickles with numpy arrays written outside the pickle's opcodes, and
//! whole files compressed.
//!
//! scikit-learn's documentation saves estimators with `joblib.dump` (an `XGBClassifier` of
//! XGBoost before 2.0 keeps `classes_` as a numpy array). joblib's `NumpyPickler`
//! (joblib/numpy_pickle.py) pickles each array as a `NumpyArrayWrapper` (its `shape`, `order`,
//! `dtype` and, from joblib 1.2, `numpy_array_alignment_bytes`) and writes the array's bytes
//! right after the wrapper's `BUILD`: one byte giving a padding length and that many bytes when
//! the wrapper asks for alignment, then the elements; an array of Python objects is a pickle of
//! it instead, nested in the file. [`super::pickle`]'s machine reads both; this module says
//! what a wrapper asks for.
//!
//! `joblib.dump(…, compress=…)` (or a file name ending in `.z`, `.gz`, …) compresses the whole
//! file: zlib and gzip are read; bz2, lzma, xz and lz4 are named and refused.

use std::io::Read;

use super::pickle::{Id, Object, Pickle};
use crate::error::ImportError;

/// The most bytes a compressed file is inflated to: a model beyond it is refused rather than
/// read into memory (the bound of a member of an archive, [`super::archive::MAX_MEMBER`]).
pub const MAX_INFLATED: u64 = super::archive::MAX_MEMBER;

/// The extensions of pickle files (joblib's files are pickles too).
pub const PICKLE_EXTENSIONS: [&str; 3] = ["pkl", "pickle", "joblib"];

/// The extensions `joblib.dump` gives the files it compresses (`.gz` also gzip's own).
pub const COMPRESSED_EXTENSIONS: [&str; 6] = ["z", "gz", "bz2", "xz", "lzma", "lz4"];

/// Whether `ext` (without its dot, any case) is one of `list`.
pub fn is_one_of(ext: &str, list: &[&str]) -> bool {
    list.iter().any(|e| ext.eq_ignore_ascii_case(e))
}

/// `name` without a compression extension (`m.joblib.gz` → `m.joblib`; others as they are).
pub fn without_compression(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((stem, ext)) if is_one_of(ext, &COMPRESSED_EXTENSIONS) => stem,
        _ => name,
    }
}

/// Whether `id` is a joblib `NumpyArrayWrapper` (`joblib.numpy_pickle`, or the copy scikit-learn
/// shipped as `sklearn.externals.joblib` before 0.23).
pub fn is_array_wrapper(pickle: &Pickle, id: Id) -> bool {
    pickle.class_of(id).is_some_and(|(module, name)| {
        name == "NumpyArrayWrapper" && (module == "joblib.numpy_pickle" || module.ends_with(".joblib.numpy_pickle"))
    })
}

/// What a `NumpyArrayWrapper`'s state says of the array that follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrayHeader {
    /// The array's `numpy.dtype` object.
    pub dtype: Id,
    /// Its shape.
    pub shape: Vec<usize>,
    /// The number of its elements (1 for a shape `()`).
    pub elements: usize,
    /// Bytes an element, or `None` for an array of Python objects (a nested pickle follows).
    pub item_size: Option<usize>,
    /// Whether a padding length and padding come before the elements.
    pub aligned: bool,
}

impl ArrayHeader {
    /// The header of the wrapper `wrapper`, from its state.
    pub fn of(pickle: &Pickle, wrapper: Id) -> Result<ArrayHeader, String> {
        let Object::Call { state: Some(state), .. } = pickle.get(wrapper) else { return Err("a wrapper without state".into()) };
        let field = |key: &str| pickle.dict_get(*state, key).ok_or_else(|| format!("a wrapper without `{key}`"));
        let Object::Tuple(dims) = pickle.get(field("shape")?) else { return Err("a shape that is no tuple".into()) };
        let shape = dims
            .iter()
            .map(|&d| match pickle.get(d) {
                Object::Int(n) => usize::try_from(*n).map_err(|_| format!("a dimension of {n}")),
                other => Err(format!("a dimension that is {}", describe_kind(other))),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let elements = shape.iter().try_fold(1usize, |n, &d| n.checked_mul(d)).ok_or("a shape of more elements than memory holds")?;
        let dtype = field("dtype")?;
        let item_size = item_size(pickle, dtype)?;
        // Absent before joblib 1.2; `None` where the file could not tell its position.
        let aligned = pickle.dict_get(*state, "numpy_array_alignment_bytes").is_some_and(|a| pickle.get(a) != &Object::None);
        Ok(ArrayHeader { dtype, shape, elements, item_size, aligned })
    }
}

/// The size of an element of the `numpy.dtype` object `dtype`, `None` when it holds Python
/// objects. numpy pickles a dtype as `dtype("f8", False, True)` with the state `(version,
/// byte order, subarray, names, fields, elsize, alignment, flags[, metadata])`: `elsize` is set
/// for flexible types (`U`, `S`, `V`, records), the type string's digits give the others.
fn item_size(pickle: &Pickle, dtype: Id) -> Result<Option<usize>, String> {
    let Object::Call { callable, args, state: Some(state) } = pickle.get(dtype) else {
        return Err(format!("a dtype that is {}", pickle.describe(dtype)));
    };
    if !matches!(pickle.global(*callable), Some(("numpy" | "numpy.core.multiarray", "dtype"))) {
        return Err(format!("a dtype that is {}", pickle.describe(dtype)));
    }
    let (Object::Tuple(args), Object::Tuple(state)) = (pickle.get(*args), pickle.get(*state)) else {
        return Err("a dtype pickled without its type string and state".into());
    };
    let int = |i: usize| match state.get(i).map(|&id| pickle.get(id)) {
        Some(Object::Int(v)) => Ok(*v),
        _ => Err(format!("a dtype's state without an integer at {i}")),
    };
    let version = int(0)?;
    if !(3..=4).contains(&version) {
        return Err(format!("a dtype pickled as version {version} (known: 3 and 4)"));
    }
    // NPY_ITEM_REFCOUNT: the type holds Python objects (`O`, or a record with such a field).
    if int(7)? & 1 != 0 {
        return Ok(None);
    }
    let from_state = int(5)?;
    if from_state > 0 {
        return usize::try_from(from_state).map(Some).map_err(|e| e.to_string());
    }
    let code = match args.first().map(|&id| pickle.get(id)) {
        Some(Object::Str(code)) => code,
        _ => return Err("a dtype without its type string".into()),
    };
    let digits: String = code.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
    match digits.parse::<usize>() {
        Ok(size) if size > 0 => Ok(Some(size)),
        _ => Err(format!("a dtype `{code}` without a size")),
    }
}

fn describe_kind(object: &Object) -> &'static str {
    match object {
        Object::BigInt => "too large",
        _ => "not an int",
    }
}

/// The compressors `joblib.dump` may use, by the signature their streams begin with.
const REFUSED: [(&[u8], &str); 4] =
    [(b"BZh", "bz2"), (b"\xfd7zXZ\x00", "xz"), (b"]\x00\x00\x80\x00", "lzma"), (b"\x04\x22\x4d\x18", "lz4")];

/// The file `bytes` inflated, when it is a zlib or gzip stream (`joblib.dump`'s `compress`);
/// `None` when it is not compressed. A compressor mlc does not read is an error naming it; so is
/// a stream that breaks off, when the name says it is a pickle (other files whose first bytes
/// merely look like zlib's are taken as they are).
pub fn inflated(file: &str, bytes: &[u8], pickle_name: bool) -> Result<Option<Vec<u8>>, ImportError> {
    let error = |what: String| ImportError::parse(file, what);
    if let Some((_, name)) = REFUSED.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(error(format!(
            "compressed with {name}, which mlc does not read: save it uncompressed or with zlib or gzip \
             (`joblib.dump(model, path, compress=(\"zlib\", 3))`)"
        )));
    }
    let reader: Box<dyn Read + '_> = match bytes {
        [0x1f, 0x8b, ..] => Box::new(flate2::read::MultiGzDecoder::new(bytes)),
        // zlib's header: deflate (method 8) and a check that makes the first two bytes a
        // multiple of 31 (joblib's zlib files begin `x\x9c`, `x\x01`, `x\xda` or `x^`).
        [cmf, flg, ..] if cmf & 0x0f == 8 && cmf >> 4 <= 7 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0 => {
            Box::new(flate2::read::ZlibDecoder::new(bytes))
        }
        _ => return Ok(None),
    };
    let kind = if bytes[0] == 0x1f { "gzip" } else { "zlib" };
    let mut out = Vec::new();
    match reader.take(MAX_INFLATED + 1).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > MAX_INFLATED => {
            Err(error(format!("a {kind} stream of more than the {MAX_INFLATED} bytes mlc inflates")))
        }
        Ok(_) => Ok(Some(out)),
        Err(e) if pickle_name => Err(error(format!("a malformed {kind} stream: {e}"))),
        Err(_) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn compressed_files_inflate_or_are_named() {
        let pickle = b"\x80\x04N.".to_vec();
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(3));
        zlib.write_all(&pickle).unwrap();
        let zlib = zlib.finish().unwrap();
        assert_eq!(inflated("m.joblib", &zlib, true).unwrap(), Some(pickle.clone()));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(3));
        gz.write_all(&pickle).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(inflated("m.joblib", &gz, true).unwrap(), Some(pickle.clone()));
        assert_eq!(inflated("m.joblib", &pickle, true).unwrap(), None);
        assert_eq!(inflated("m.json", b"{\"learner\": {}}", false).unwrap(), None);
        let bz2 = inflated("m.joblib", b"BZh91AY&SY", true).unwrap_err().to_string();
        assert!(bz2.starts_with("m.joblib: compressed with bz2, which mlc does not read"), "{bz2}");
        // A broken stream: an error for a pickle's name, else the bytes are taken as they are.
        let broken = &zlib[..zlib.len() - 6];
        let err = inflated("m.joblib", broken, true).unwrap_err().to_string();
        assert!(err.starts_with("m.joblib: a malformed zlib stream"), "{err}");
        assert_eq!(inflated("m.model", broken, false).unwrap(), None);
    }
}
