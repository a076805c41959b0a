//! A keep-alive HTTP/1.1 client over a std `TcpStream`, as small as a load generator needs:
//! one request at a time on a connection, answers framed by `Content-Length`, the status and
//! the latency headers of `mlc serve` read, the body kept for error messages.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// `mlc serve`'s latency headers (docs/serve.md), microseconds.
pub const MODEL_LATENCY: &str = "mlc-model-latency-us";
/// The server's overhead: everything but the model.
pub const OVERHEAD_LATENCY: &str = "mlc-overhead-latency-us";
/// Of the overhead, the wait for a worker.
pub const QUEUE_LATENCY: &str = "mlc-queue-latency-us";

/// Longest answer head accepted.
const MAX_HEAD: usize = 64 << 10;

/// One connection to an endpoint, reopened when the server closes it.
pub struct Connection {
    addr: SocketAddr,
    timeout: Duration,
    stream: Option<TcpStream>,
    buf: Vec<u8>,
}

/// An answer: its status, the latency headers it carried, and its body.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// `mlc-model-latency-us`.
    pub model: Option<Duration>,
    /// `mlc-overhead-latency-us`.
    pub overhead: Option<Duration>,
    /// `mlc-queue-latency-us`.
    pub queue: Option<Duration>,
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

impl Connection {
    /// A connection to `addr` (opened on the first request); connecting, sending and each read
    /// of the answer must each finish within `timeout`.
    pub fn new(addr: SocketAddr, timeout: Duration) -> Connection {
        Connection { addr, timeout, stream: None, buf: Vec::with_capacity(4096) }
    }

    /// The body of the last answer.
    pub fn body(&self) -> &[u8] {
        &self.buf
    }

    /// Bytes of its buffer.
    pub fn capacity_bytes(&self) -> usize {
        self.buf.capacity()
    }

    /// Sends `request` (a whole HTTP/1.1 request, head and body) and reads its answer. A kept
    /// connection the server has closed meanwhile is reopened and the request sent again.
    pub fn exchange(&mut self, request: &[u8]) -> io::Result<Answer> {
        let reused = self.stream.is_some();
        match self.try_exchange(request) {
            Err(e) if reused && self.buf.is_empty() && is_closed(&e) => {
                self.stream = None;
                self.try_exchange(request)
            }
            result => result,
        }
    }

    fn connect(&mut self) -> io::Result<&mut TcpStream> {
        if self.stream.is_none() {
            let stream = TcpStream::connect_timeout(&self.addr, self.timeout)?;
            stream.set_nodelay(true)?;
            stream.set_read_timeout(Some(self.timeout))?;
            stream.set_write_timeout(Some(self.timeout))?;
            self.stream = Some(stream);
        }
        Ok(self.stream.as_mut().expect("just connected"))
    }

    fn try_exchange(&mut self, request: &[u8]) -> io::Result<Answer> {
        self.buf.clear();
        let result = self.connect().and_then(|s| s.write_all(request)).and_then(|()| self.read_answer());
        if !matches!(result, Ok((_, true))) {
            // An error, or the server closes after this answer: start afresh next time.
            self.stream = None;
        }
        result.map(|(answer, _)| answer)
    }

    /// Reads one answer into `buf` (then holding its body); also whether the connection stays open.
    fn read_answer(&mut self) -> io::Result<(Answer, bool)> {
        let stream = self.stream.as_mut().expect("connected");
        let mut chunk = [0u8; 16 << 10];
        let head_end = loop {
            if let Some(i) = memchr::memmem::find(&self.buf, b"\r\n\r\n") {
                break i + 4;
            }
            if self.buf.len() > MAX_HEAD {
                return Err(invalid(format!("the answer's head is longer than {MAX_HEAD} bytes")));
            }
            let n = stream.read(&mut chunk)?;
            if n == 0 {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the server closed the connection before answering"));
            }
            self.buf.extend_from_slice(&chunk[..n]);
        };
        let head = Head::parse(&self.buf[..head_end])?;
        match head.length {
            Some(length) => {
                while self.buf.len() < head_end + length {
                    let n = stream.read(&mut chunk)?;
                    if n == 0 {
                        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the server closed the connection within the body"));
                    }
                    self.buf.extend_from_slice(&chunk[..n]);
                }
                self.buf.truncate(head_end + length);
            }
            // No length: the body lasts until the server closes.
            None => {
                stream.read_to_end(&mut self.buf)?;
            }
        }
        self.buf.drain(..head_end);
        Ok((head.answer, head.keep_alive && head.length.is_some()))
    }
}

/// Whether `e` means the server closed the connection (a kept connection may be closed
/// while idle).
fn is_closed(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::UnexpectedEof | io::ErrorKind::ConnectionReset | io::ErrorKind::BrokenPipe | io::ErrorKind::ConnectionAborted
    )
}

/// What an answer's head says.
struct Head {
    answer: Answer,
    length: Option<usize>,
    keep_alive: bool,
}

impl Head {
    fn parse(head: &[u8]) -> io::Result<Head> {
        let text = std::str::from_utf8(head).map_err(|_| invalid("the answer's head is not UTF-8".into()))?;
        let mut lines = text.split("\r\n");
        let status_line = lines.next().unwrap_or_default();
        let status = match status_line.split(' ').collect::<Vec<_>>()[..] {
            [version, code, ..] if version.starts_with("HTTP/1.") => code.parse::<u16>().ok(),
            _ => None,
        }
        .ok_or_else(|| invalid(format!("not an HTTP/1.1 answer: `{}`", status_line.chars().take(60).collect::<String>())))?;
        let mut head = Head {
            answer: Answer { status, model: None, overhead: None, queue: None },
            length: None,
            keep_alive: status_line.starts_with("HTTP/1.1"),
        };
        for line in lines.filter(|l| !l.is_empty()) {
            let (name, value) = line.split_once(':').ok_or_else(|| invalid(format!("a bad header line: `{line}`")))?;
            let (name, value) = (name.trim(), value.trim());
            let micros =
                || value.parse::<f64>().ok().filter(|us| *us >= 0.0 && us.is_finite()).map(|us| Duration::from_secs_f64(us * 1e-6));
            if name.eq_ignore_ascii_case("content-length") {
                head.length = Some(value.parse().map_err(|_| invalid(format!("Content-Length `{value}` is not a number")))?);
            } else if name.eq_ignore_ascii_case("transfer-encoding") && !value.eq_ignore_ascii_case("identity") {
                return Err(invalid(format!("Transfer-Encoding `{value}`: only answers with a Content-Length are read")));
            } else if name.eq_ignore_ascii_case("connection") {
                head.keep_alive = !value.eq_ignore_ascii_case("close");
            } else if name.eq_ignore_ascii_case(MODEL_LATENCY) {
                head.answer.model = micros();
            } else if name.eq_ignore_ascii_case(OVERHEAD_LATENCY) {
                head.answer.overhead = micros();
            } else if name.eq_ignore_ascii_case(QUEUE_LATENCY) {
                head.answer.queue = micros();
            }
        }
        Ok(head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_status_length_and_the_latency_split() {
        let head = Head::parse(
            b"HTTP/1.1 200 OK\r\ncontent-length: 12\r\nmlc-model-latency-us: 1.500\r\nMLC-Overhead-Latency-US: 20.000\r\nmlc-queue-latency-us: 3\r\n\r\n",
        )
        .unwrap();
        assert_eq!((head.answer.status, head.length, head.keep_alive), (200, Some(12), true));
        assert_eq!(head.answer.model, Some(Duration::from_nanos(1500)));
        assert_eq!(head.answer.overhead, Some(Duration::from_micros(20)));
        assert_eq!(head.answer.queue, Some(Duration::from_micros(3)));
        let close = Head::parse(b"HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").unwrap();
        assert_eq!((close.answer.status, close.keep_alive, close.answer.model), (503, false, None));
        for (bad, message) in [
            (&b"SSH-2.0\r\n\r\n"[..], "not an HTTP/1.1 answer"),
            (b"HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", "Content-Length `x` is not a number"),
            (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "only answers with a Content-Length"),
        ] {
            let e = Head::parse(bad).err().unwrap().to_string();
            assert!(e.contains(message), "{e}");
        }
    }
}
