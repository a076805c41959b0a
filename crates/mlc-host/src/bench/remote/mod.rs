//! `mlc bench --url`: the same load, reports and capacity planning against a running endpoint
//! (`mlc serve`, or any server of the same protocols), over keep-alive HTTP/1.1 connections,
//! one per load thread.
//!
//! Total latency is the client's: from sending a request to its answer's last byte. Model
//! latency is what the server says in `mlc-model-latency-us` (zero from a server that does
//! not say); its own overhead and queueing (`mlc-overhead-latency-us`,
//! `mlc-queue-latency-us`) are in [`super::report::ServerSplit`]. Total minus the server's
//! model and overhead is the transport and this client.

pub mod http;
pub mod request;

use std::net::{SocketAddr, ToSocketAddrs};
use std::time::{Duration, Instant};

pub use request::Protocol;

use super::load::{self, Sent};
use super::report::{self, Memory, RunReport};
use super::{check, unsent, BenchError, Config, Workload};
use http::Connection;

/// How long connecting, sending a request and each read of its answer may take.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// An endpoint: `http://HOST:PORT[/PATH]`.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// The URL as given.
    pub url: String,
    /// `HOST:PORT`, the `Host` header.
    host: String,
    /// The routes' prefix (`""`: none).
    base_path: String,
    /// The address connected to.
    addr: SocketAddr,
}

impl Endpoint {
    /// Parses `url` and resolves its host.
    pub fn parse(url: &str) -> Result<Endpoint, BenchError> {
        let bad = |why: &str| BenchError::Invalid(format!("--url `{url}`: {why}"));
        let rest = url.strip_prefix("http://").ok_or_else(|| bad("give http://HOST:PORT (https is not spoken)"))?;
        let (host, path) = rest.find('/').map_or((rest, ""), |i| (&rest[..i], &rest[i..]));
        if host.is_empty() {
            return Err(bad("no host"));
        }
        let with_port = if host.rsplit_once(':').is_some_and(|(_, p)| p.bytes().all(|b| b.is_ascii_digit()) && !p.is_empty()) {
            host.to_string()
        } else {
            format!("{host}:80")
        };
        let addr = with_port
            .to_socket_addrs()
            .map_err(|e| bad(&format!("cannot resolve `{host}`: {e}")))?
            .next()
            .ok_or_else(|| bad(&format!("`{host}` has no address")))?;
        Ok(Endpoint { url: url.to_string(), host: host.to_string(), base_path: path.trim_end_matches('/').to_string(), addr })
    }
}

/// A load thread's connection and the prepared requests.
struct RemoteSender<'a> {
    connection: Connection,
    requests: &'a [Vec<u8>],
    records: &'a [u64],
    errors: Vec<String>,
}

impl<'a> RemoteSender<'a> {
    fn new(endpoint: &Endpoint, requests: &'a [Vec<u8>], records: &'a [u64]) -> RemoteSender<'a> {
        RemoteSender { connection: Connection::new(endpoint.addr, TIMEOUT), requests, records, errors: Vec::new() }
    }
}

impl load::Sender for RemoteSender<'_> {
    fn send(&mut self, i: usize) -> Sent {
        self.errors.clear();
        let records = self.records[i];
        match self.connection.exchange(&self.requests[i]) {
            Ok(answer) => {
                if !(200..300).contains(&answer.status) {
                    self.errors.push(error_message(answer.status, self.connection.body()));
                }
                let server = answer.overhead.map(|overhead| (overhead, answer.queue.unwrap_or_default()));
                Sent { records, model: answer.model.unwrap_or_default(), server }
            }
            Err(e) => {
                self.errors.push(format!("connection: {e}"));
                Sent { records, model: Duration::ZERO, server: None }
            }
        }
    }

    fn errors(&self) -> &[String] {
        &self.errors
    }

    fn scratch_bytes(&self) -> u64 {
        self.connection.capacity_bytes() as u64
    }
}

/// A failed answer's message: its `{"error": ...}` (or SageMaker's `message`), else its body,
/// then the status. A leading `line N: ` (every request's records are the same input lines) is
/// dropped, so that errors are counted by kind as a local run counts them.
fn error_message(status: u16, body: &[u8]) -> String {
    let text = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| ["error", "message", "Message"].iter().find_map(|k| v.get(*k).and_then(|m| m.as_str()).map(str::to_string)))
        .unwrap_or_else(|| String::from_utf8_lossy(&body[..body.len().min(200)]).trim().to_string());
    let text = match text.split_once(": ") {
        Some((line, rest)) if line.strip_prefix("line ").is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit())) => rest,
        _ => &text,
    };
    format!("{text} (HTTP {status})")
}

/// Runs one configuration against `endpoint` (`config.source` is not read: the report's
/// source is the URL) and reports it.
pub fn run(config: &Config, endpoint: &Endpoint, protocol: Protocol, workload: &Workload) -> Result<RunReport, BenchError> {
    check(config)?;
    let batches = workload.batches(config.batch_size);
    let target = request::Target {
        protocol,
        host: &endpoint.host,
        base_path: &endpoint.base_path,
        model: config.model.as_deref(),
        route_column: config.route_column,
    };
    let requests = request::build(&batches, workload.content_type, &target)?;
    let records: Vec<u64> = batches.iter().map(|b| b.records.len() as u64).collect();

    // Cold start: connecting and the first request answered (a model the server has not
    // loaded yet loads now).
    let cold = Instant::now();
    let mut first = RemoteSender::new(endpoint, &requests, &records);
    load::Sender::send(&mut first, 0);
    let cold_start = cold.elapsed();
    if let Some(message) = first.errors.first() {
        return Err(BenchError::Invalid(format!("{}: the first request fails: {message}", endpoint.url)));
    }
    drop(first);

    let (all, _, start) = load::drive(config.load, config.duration, requests.len(), |_| RemoteSender::new(endpoint, &requests, &records));
    let elapsed = start.elapsed().max(config.duration.min(start.elapsed()));
    let mut report = report::build(config, &all, elapsed, unsent(config, &all), cold_start, Memory::default(), Vec::new());
    report.source = endpoint.url.clone();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_urls() {
        let e = Endpoint::parse("http://127.0.0.1:8080/").unwrap();
        assert_eq!((e.host.as_str(), e.base_path.as_str(), e.addr.port()), ("127.0.0.1:8080", "", 8080));
        let e = Endpoint::parse("http://127.0.0.1/prefix/").unwrap();
        assert_eq!((e.base_path.as_str(), e.addr.port()), ("/prefix", 80));
        for (url, message) in [("https://x:1", "https is not spoken"), ("http:///v2", "no host"), ("127.0.0.1:8080", "give http://")] {
            let e = Endpoint::parse(url).unwrap_err().to_string();
            assert!(e.contains(message), "{e}");
        }
        assert_eq!(error_message(404, br#"{"error": "line 1: unknown model `ZZ`"}"#), "unknown model `ZZ` (HTTP 404)");
        assert_eq!(error_message(502, b"Bad Gateway\n"), "Bad Gateway (HTTP 502)");
        assert_eq!(super::super::recorder::error_kind(&error_message(404, br#"{"error": "line 1: unknown model `ZZ`"}"#)), "unknown-model");
    }
}
