//! `mlc-wire`: the request/response protocol between a host and mlc firmware.
//!
//! * **Messages** are [`Request`] and [`Response`], encoded with [postcard] (varints, borrowed
//!   strings and byte strings: decoding copies nothing out of the frame buffer).
//! * **Framing** is COBS: a frame is the COBS encoding of one message followed by a `0x00`
//!   delimiter, so a receiver resynchronises at the next `0x00` after any garbage.
//! * **Transport** is any [`embedded_io::Read`] / [`embedded_io::Write`] pair — a board's UART
//!   driver plugs in unchanged; buffers are caller-provided slices (no heap).
//!
//! Every request gets exactly one response. A frame that is not a valid message gets
//! [`WireError::Malformed`], a frame longer than the receiver's buffer [`WireError::FrameTooLong`];
//! either way the receiver keeps serving.
#![no_std]
#![warn(missing_docs)]

use embedded_io::{Read, Write};
use heapless::Vec;
use serde::{Deserialize, Serialize};

/// Most values a prediction returns (classes of a multi-class model).
pub const MAX_OUTPUTS: usize = 16;
/// Frame delimiter.
pub const DELIMITER: u8 = 0;

/// A request from the host.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Request<'a> {
    /// Which board, CPU and models; the timer calibration.
    Info,
    /// One prediction.
    Predict {
        /// Echoed in the response.
        id: u32,
        /// Model name (bundles are looked up by name).
        #[serde(borrow)]
        model: &'a str,
        /// The input.
        #[serde(borrow)]
        input: Input<'a>,
        /// Run the prediction this many times (≥ 1) and report the total time: for
        /// measurements finer than one timer tick.
        repeat: u16,
    },
    /// Stack high-water mark and counters; `reset` repaints the stack afterwards.
    Stats {
        /// Start a new measurement window after answering.
        reset: bool,
    },
    /// Answer [`Response::Bye`], then stop (under QEMU: exit with status 0).
    Shutdown,
}

/// A model input.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Input<'a> {
    /// One row of features, in the model's order (`NaN` = missing).
    Features(#[serde(borrow)] Floats<'a>),
    /// Raw text, for text models (the tokenizer runs on the device).
    Text(#[serde(borrow)] &'a [u8]),
}

/// `f32` values on the wire as one byte string of little-endian `f32`s (postcard: a varint
/// byte count, then the bytes), borrowed from the frame when decoded: no fixed-capacity
/// copy of the row on the device's stack.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Floats<'a>(&'a [u8]);

impl<'a> Floats<'a> {
    /// Wraps little-endian `f32` bytes; `None` unless the length is a multiple of 4.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        bytes.len().is_multiple_of(4).then_some(Floats(bytes))
    }
    /// Writes `values` into `buf` (4 bytes each) and wraps them.
    pub fn encode(values: &[f32], buf: &'a mut [u8]) -> Option<Self> {
        let buf = buf.get_mut(..values.len() * 4)?;
        for (chunk, v) in buf.chunks_exact_mut(4).zip(values) {
            chunk.copy_from_slice(&v.to_le_bytes());
        }
        Some(Floats(buf))
    }
    /// Number of values.
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The values.
    pub fn iter(&self) -> impl Iterator<Item = f32> + 'a {
        self.0.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
    }
}

impl Serialize for Floats<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Floats<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let bytes = <&'de [u8]>::deserialize(d)?;
        Floats::new(bytes).ok_or_else(|| serde::de::Error::invalid_length(bytes.len(), &"a multiple of 4 bytes"))
    }
}

/// A response from the device.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Response<'a> {
    /// Answer to [`Request::Info`].
    Info(#[serde(borrow)] Info<'a>),
    /// Answer to [`Request::Predict`].
    Prediction(Prediction),
    /// Any request that failed.
    Error {
        /// The request's id (0 when the frame could not be decoded).
        id: u32,
        /// What went wrong.
        error: WireError,
    },
    /// Answer to [`Request::Stats`].
    Stats(Stats),
    /// Answer to [`Request::Shutdown`].
    Bye,
}

/// The device and its timer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Info<'a> {
    /// Board (QEMU machine) name.
    pub board: &'a str,
    /// CPU.
    pub cpu: &'a str,
    /// Whether the firmware was built for a hardware FPU.
    pub fpu: bool,
    /// Artifacts embedded.
    pub artifacts: u32,
    /// Models in them.
    pub models: u32,
    /// Longest frame the device accepts (bytes, delimiter excluded).
    pub max_frame: u32,
    /// Network scratch memory reserved (bytes).
    pub scratch_bytes: u32,
    /// Timer ticks taken by a calibration loop of `calib_insns` instructions.
    pub calib_ticks: u32,
    /// Instructions executed by the calibration loop.
    pub calib_insns: u32,
    /// Timer ticks of the boot-time validation of all artifacts (checksums included).
    pub boot_ticks: u32,
}

/// A prediction and what it cost.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Prediction {
    /// The request's id.
    pub id: u32,
    /// The model's outputs (probabilities, class index, …).
    pub outputs: Vec<f32, MAX_OUTPUTS>,
    /// Raw margins (tree models; empty for networks).
    pub margins: Vec<f32, MAX_OUTPUTS>,
    /// Timer ticks of the model lookup and load (validation) for this request.
    pub load_ticks: u32,
    /// Timer ticks of `repeat` predictions.
    pub predict_ticks: u32,
}

/// Stack and counters.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    /// Deepest stack use since the last reset (bytes).
    pub stack_peak: u32,
    /// Stack available (bytes).
    pub stack_size: u32,
    /// Requests since the last reset.
    pub requests: u32,
    /// Error responses since the last reset.
    pub errors: u32,
}

/// Why a request failed.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireError {
    /// The frame is not a valid COBS-encoded request.
    Malformed,
    /// The frame is longer than the device's buffer (it was discarded up to its delimiter).
    FrameTooLong,
    /// No embedded model has that name.
    UnknownModel,
    /// The model failed to load (never expected for artifacts validated at boot).
    LoadFailed,
    /// Wrong number of features.
    FeatureCount {
        /// Features the model takes.
        expected: u32,
        /// Features given.
        got: u32,
    },
    /// Features for a text model, or text for a tree model.
    InputKind,
    /// The model has more outputs than a response carries, or more scratch than reserved.
    TooLarge,
    /// `repeat` is 0.
    BadRepeat,
    /// Any other runtime error.
    Runtime,
}

/// Why no frame could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameError<E> {
    /// The frame did not fit the buffer; it was read up to its delimiter and dropped.
    TooLong,
    /// The link failed.
    Io(E),
}

/// Reads one frame (the bytes before the next delimiter) into `buf` and returns its length.
/// Empty frames (repeated delimiters) are skipped. Reads byte by byte, so nothing of the next
/// frame is consumed.
pub fn read_frame<R: Read>(link: &mut R, buf: &mut [u8]) -> Result<usize, FrameError<R::Error>> {
    let mut len = 0;
    let mut overflow = false;
    loop {
        let mut byte = [0u8];
        if link.read(&mut byte).map_err(FrameError::Io)? == 0 {
            continue;
        }
        match byte[0] {
            DELIMITER if overflow => return Err(FrameError::TooLong),
            DELIMITER if len == 0 => continue,
            DELIMITER => return Ok(len),
            _ if overflow => {}
            b if len < buf.len() => {
                buf[len] = b;
                len += 1;
            }
            _ => overflow = true,
        }
    }
}

/// Decodes a request from a frame read by [`read_frame`] (COBS-decoded in place).
pub fn decode_request(frame: &mut [u8]) -> Result<Request<'_>, postcard::Error> {
    postcard::from_bytes_cobs(frame)
}

/// Decodes a response from a frame (COBS-decoded in place).
pub fn decode_response(frame: &mut [u8]) -> Result<Response<'_>, postcard::Error> {
    postcard::from_bytes_cobs(frame)
}

/// Encodes `msg` as one frame, delimiter included, into `buf`; returns the frame.
pub fn encode<'b, T: Serialize>(msg: &T, buf: &'b mut [u8]) -> Result<&'b mut [u8], postcard::Error> {
    postcard::to_slice_cobs(msg, buf)
}

/// Encodes `msg` into `buf` and writes the frame to `link`.
pub fn write_frame<W: Write, T: Serialize>(link: &mut W, msg: &T, buf: &mut [u8]) -> Result<(), FrameError<W::Error>> {
    let frame = encode(msg, buf).map_err(|_| FrameError::TooLong)?;
    link.write_all(frame).map_err(FrameError::Io)?;
    link.flush().map_err(FrameError::Io)
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use core::convert::Infallible;

    struct Bytes<'a>(&'a [u8]);
    impl embedded_io::ErrorType for Bytes<'_> {
        type Error = Infallible;
    }
    impl Read for Bytes<'_> {
        fn read(&mut self, buf: &mut [u8]) -> Result<usize, Infallible> {
            let n = buf.len().min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn round_trip_and_resync() {
        let req = Request::Predict { id: 7, model: "CA", input: Input::Text(b"a\0b great"), repeat: 1 };
        let mut fb = [0u8; 8];
        let row =
            Request::Predict { id: 8, model: "TX", input: Input::Features(Floats::encode(&[1.5, f32::NAN], &mut fb).unwrap()), repeat: 2 };
        let mut enc2 = [0u8; 64];
        let mut f2 = encode(&row, &mut enc2).unwrap().to_vec();
        let n = f2.len() - 1;
        match decode_request(&mut f2[..n]).unwrap() {
            Request::Predict { input: Input::Features(f), .. } => {
                let v: std::vec::Vec<f32> = f.iter().collect();
                assert_eq!(v[0], 1.5);
                assert!(v[1].is_nan());
            }
            other => panic!("{other:?}"),
        }
        let mut enc = [0u8; 128];
        let frame = encode(&req, &mut enc).unwrap().to_vec();
        assert_eq!(frame.last(), Some(&0));
        assert!(!frame[..frame.len() - 1].contains(&0));
        // garbage, an over-long frame, then the real one
        let mut stream = std::vec![0x13u8, 0x37, 0];
        stream.extend(std::iter::repeat(0x55).take(100));
        stream.push(0);
        stream.extend(&frame);
        let mut link = Bytes(&stream);
        let mut buf = [0u8; 64];
        let n = read_frame(&mut link, &mut buf).unwrap();
        assert!(decode_request(&mut buf[..n]).is_err());
        assert_eq!(read_frame(&mut link, &mut buf), Err(FrameError::TooLong));
        let n = read_frame(&mut link, &mut buf).unwrap();
        assert_eq!(decode_request(&mut buf[..n]).unwrap(), req);
    }
}
