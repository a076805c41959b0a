//! Splitting an input into mini-batches of whole lines (`--split-type line`).
//!
//! Every line is one record, the last one even without a final newline; `\n` or `\r\n` ends a
//! line. A mini-batch holds at most `max_records` records whose bytes (line ends excluded) add
//! up to at most `max_payload`; a single line longer than `max_payload` becomes an
//! [`Record::Oversize`] record and is skipped over without being held in memory.

use std::io::{self, BufRead};

/// One record of a mini-batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// The line's bytes are `data[start..end]` (line end excluded).
    Line {
        /// Start in [`Batch::data`].
        start: usize,
        /// End in [`Batch::data`].
        end: usize,
    },
    /// A line longer than the payload limit, of `len` bytes.
    Oversize {
        /// Its length, bytes.
        len: u64,
    },
}

/// A mini-batch: consecutive lines of one input.
#[derive(Debug, Default)]
pub struct Batch {
    /// 1-based line number of the first record.
    pub first_line: u64,
    /// The records' bytes, back to back.
    pub data: Vec<u8>,
    /// The records, in input order.
    pub records: Vec<Record>,
    /// Input bytes this batch covers, line ends included (for progress).
    pub input_bytes: u64,
    /// Whether this is the input's last batch (an empty input gives one empty last batch).
    pub last: bool,
}

impl Batch {
    /// Makes this batch the records of a body held in memory (a request's), keeping the
    /// records' buffer: every line of `data` as [`crate::records::lines`] cuts it, or with
    /// `whole`, the whole body as one record (a JSON document that may span lines).
    pub fn set_body(&mut self, data: Vec<u8>, whole: bool) {
        self.records.clear();
        if whole {
            self.records.push(Record::Line { start: 0, end: data.len() });
        } else {
            let base = data.as_ptr() as usize;
            for line in crate::records::lines(&data) {
                let start = line.as_ptr() as usize - base;
                self.records.push(Record::Line { start, end: start + line.len() });
            }
        }
        self.first_line = 1;
        self.input_bytes = data.len() as u64;
        self.last = true;
        self.data = data;
    }

    /// The bytes of record `i`, or the length of an oversize record.
    pub fn record(&self, i: usize) -> Result<&[u8], u64> {
        match self.records[i] {
            Record::Line { start, end } => Ok(&self.data[start..end]),
            Record::Oversize { len } => Err(len),
        }
    }
}

/// A line read into a batch's data.
struct Line {
    /// Length without the line end.
    len: u64,
    /// Input bytes consumed, line end included.
    consumed: u64,
    /// Longer than the payload limit (its bytes were not kept).
    oversize: bool,
}

/// Cuts a buffered input into [`Batch`]es.
pub struct Splitter<R> {
    input: R,
    max_payload: usize,
    max_records: usize,
    next_line: u64,
    /// A line read past the previous batch's payload limit: it opens the next batch.
    carry: Option<(Vec<u8>, u64)>,
    finished: bool,
    /// Whether the input has no bytes at hand (reading on would wait): a batch ends there.
    idle: Option<fn(&R) -> bool>,
}

impl<R: BufRead> Splitter<R> {
    /// Splits `input` into batches of at most `max_records` (≥ 1) records and `max_payload`
    /// bytes.
    pub fn new(input: R, max_payload: usize, max_records: usize) -> Splitter<R> {
        Splitter { input, max_payload, max_records: max_records.max(1), next_line: 1, carry: None, finished: false, idle: None }
    }

    /// Ends a batch after any line where `idle(input)` says no more bytes are at hand, rather
    /// than waiting for a full batch: a program that writes a line and waits for its answer
    /// (a co-process) gets it. Such a batch is never marked [`Batch::last`]; the end of the
    /// input then comes as an empty last batch.
    pub fn cut_when_idle(mut self, idle: fn(&R) -> bool) -> Splitter<R> {
        self.idle = Some(idle);
        self
    }

    /// Reads the input's first line, a CSV header (`--header`), which is not a record: the next
    /// batch starts at line 2. Returns its bytes, `None` for an empty input. Call before the
    /// first batch.
    pub fn skip_header(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut header = Vec::new();
        match self.read_line(&mut header)? {
            Some(_) => {
                self.next_line += 1;
                Ok(Some(header))
            }
            None => Ok(None),
        }
    }

    /// The next batch, or `None` after the last one.
    pub fn next_batch(&mut self) -> io::Result<Option<Batch>> {
        if self.finished {
            return Ok(None);
        }
        let mut batch = Batch { first_line: self.next_line, ..Batch::default() };
        if let Some((data, consumed)) = self.carry.take() {
            batch.records.push(Record::Line { start: 0, end: data.len() });
            batch.data = data;
            batch.input_bytes = consumed;
        }
        let mut idle = false;
        while batch.records.len() < self.max_records {
            let start = batch.data.len();
            let Some(line) = self.read_line(&mut batch.data)? else { break };
            if line.oversize {
                batch.records.push(Record::Oversize { len: line.len });
            } else if batch.data.len() > self.max_payload {
                // Over the limit only together with the lines before it: it opens the next batch.
                self.carry = Some((batch.data.split_off(start), line.consumed));
                break;
            } else {
                batch.records.push(Record::Line { start, end: batch.data.len() });
            }
            batch.input_bytes += line.consumed;
            if self.idle.is_some_and(|idle| idle(&self.input)) {
                idle = true;
                break;
            }
        }
        self.next_line += batch.records.len() as u64;
        batch.last = !idle && self.carry.is_none() && self.input.fill_buf()?.is_empty();
        self.finished = batch.last;
        Ok(Some(batch))
    }

    /// Appends the next line (without its line end) to `data`; `None` at the end of the input.
    fn read_line(&mut self, data: &mut Vec<u8>) -> io::Result<Option<Line>> {
        let start = data.len();
        let mut line = Line { len: 0, consumed: 0, oversize: false };
        let mut ends_with_cr = false;
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                if line.consumed == 0 {
                    return Ok(None);
                }
                break;
            }
            let (len, found) = memchr::memchr(b'\n', buf).map_or((buf.len(), false), |i| (i, true));
            if len > 0 {
                ends_with_cr = buf[len - 1] == b'\r';
            }
            line.len += len as u64;
            // One byte of slack: a `\r` before the `\n` does not count.
            if !line.oversize && line.len > self.max_payload as u64 + 1 {
                line.oversize = true;
                data.truncate(start);
            }
            if !line.oversize {
                data.extend_from_slice(&buf[..len]);
            }
            let used = len + found as usize;
            self.input.consume(used);
            line.consumed += used as u64;
            if found {
                break;
            }
        }
        if ends_with_cr {
            line.len -= 1;
            if !line.oversize {
                data.pop();
            }
        }
        if !line.oversize && line.len > self.max_payload as u64 {
            line.oversize = true;
            data.truncate(start);
        }
        Ok(Some(line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (first line, records as text or `#len`, last) of every batch.
    fn split(input: &[u8], payload: usize, records: usize) -> Vec<(u64, Vec<String>, bool)> {
        // A tiny buffer: lines cross buffer refills.
        let mut splitter = Splitter::new(io::BufReader::with_capacity(3, input), payload, records);
        let mut out = Vec::new();
        let mut total = 0;
        while let Some(b) = splitter.next_batch().unwrap() {
            total += b.input_bytes;
            let recs = (0..b.records.len())
                .map(|i| match b.record(i) {
                    Ok(bytes) => String::from_utf8_lossy(bytes).into_owned(),
                    Err(len) => format!("#{len}"),
                })
                .collect();
            out.push((b.first_line, recs, b.last));
        }
        assert_eq!(total, input.len() as u64, "every input byte is accounted for");
        out
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_header_line_is_not_a_record() {
        let mut splitter = Splitter::new(io::BufReader::new(&b"a,b\r\n1,2\n"[..]), 100, 100);
        assert_eq!(splitter.skip_header().unwrap().as_deref(), Some(&b"a,b"[..]));
        let batch = splitter.next_batch().unwrap().unwrap();
        assert_eq!((batch.first_line, batch.records.len(), batch.record(0).unwrap()), (2, 1, &b"1,2"[..]));
        assert_eq!(Splitter::new(io::BufReader::new(&b""[..]), 100, 100).skip_header().unwrap(), None);
    }

    #[test]
    fn cut_when_idle_ends_batches_where_the_buffer_runs_dry() {
        // A buffer of 4 bytes: "a\nb\n" is at hand at once, "cc\n" after a refill.
        let mut splitter = Splitter::new(io::BufReader::with_capacity(4, &b"a\nb\ncc\n"[..]), 100, 100)
            .cut_when_idle(|r: &io::BufReader<&[u8]>| r.buffer().is_empty());
        let mut batches = Vec::new();
        while let Some(b) = splitter.next_batch().unwrap() {
            batches.push((b.first_line, b.records.len(), b.last));
        }
        assert_eq!(batches, [(1, 2, false), (3, 1, false), (4, 0, true)]);
    }

    #[test]
    fn a_body_in_memory() {
        let mut batch = Batch::default();
        batch.set_body(b"a,1\r\n\nb\n".to_vec(), false);
        let records: Vec<&[u8]> = (0..batch.records.len()).map(|i| batch.record(i).unwrap()).collect();
        assert_eq!(records, [&b"a,1"[..], b"", b"b"]);
        assert!(batch.last && batch.first_line == 1 && batch.input_bytes == 8);
        batch.set_body(b"{\n \"text\": \"x\"\n}\n".to_vec(), true);
        assert_eq!(batch.records.len(), 1);
        assert_eq!(batch.record(0).unwrap(), b"{\n \"text\": \"x\"\n}\n");
        batch.set_body(Vec::new(), false);
        assert!(batch.records.is_empty());
    }

    #[test]
    fn lines_line_ends_and_batches() {
        assert_eq!(split(b"", 10, 10), vec![(1, vec![], true)]);
        assert_eq!(split(b"a\r\nbb\n\nccc", 10, 2), vec![(1, s(&["a", "bb"]), false), (3, s(&["", "ccc"]), true)]);
        assert_eq!(split(b"a\nb\n", 10, 2), vec![(1, s(&["a", "b"]), true)]);
        assert_eq!(split(b"\n", 10, 2), vec![(1, s(&[""]), true)]);
    }

    #[test]
    fn payload_limit_cuts_batches_and_flags_long_lines() {
        assert_eq!(split(b"aaaa\nbbbb\ncccccc\nd\r\n", 8, 100), vec![(1, s(&["aaaa", "bbbb"]), false), (3, s(&["cccccc", "d"]), true)]);
        assert_eq!(split(b"123456789\nab\n", 8, 100), vec![(1, s(&["#9", "ab"]), true)]);
        // Exactly the limit, with a CRLF: fits.
        assert_eq!(split(b"12345678\r\n", 8, 100), vec![(1, s(&["12345678"]), true)]);
        assert_eq!(split(b"x\n123456789", 8, 1), vec![(1, s(&["x"]), false), (2, s(&["#9"]), true)]);
        assert_eq!(split(b"123456789\r\n123456789\r", 8, 5), vec![(1, s(&["#9", "#9"]), true)]);
    }
}
