//! The load loop shared by local runs and remote endpoints: threads sending requests, closed
//! or open loop (see [`super::Load`]), each recording what it saw.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::{Load, Recorder};

/// The answer to one request, as a load thread records it.
pub struct Sent {
    /// Records the request carried (predicted or reported bad).
    pub records: u64,
    /// Time inside the model (local: measured; remote: the server's header, or zero).
    pub model: Duration,
    /// A remote endpoint's own overhead and queueing, if its answer gave them.
    pub server: Option<(Duration, Duration)>,
}

/// How one load thread sends requests: a transform worker, or a connection to an endpoint.
pub trait Sender {
    /// Sends request `i` (of the prepared ones, cycled) and waits for its answer.
    fn send(&mut self, i: usize) -> Sent;
    /// The errors of the request just sent (empty: it was answered whole).
    fn errors(&self) -> &[String];
    /// Bytes of this sender's buffers.
    fn scratch_bytes(&self) -> u64;
}

/// Generates `load` for `duration` with one sender per thread (`make(u)` for thread `u`), over
/// `requests` prepared requests; returns each thread's recorder and scratch bytes, and the
/// requests due but never sent (open loop).
pub fn drive<S: Sender>(
    load: Load,
    duration: Duration,
    requests: usize,
    make: impl Fn(usize) -> S + Sync,
) -> (Recorder, Vec<u64>, Instant) {
    let users = load.users();
    let requests = requests.max(1);
    let next = AtomicU64::new(0);
    let start = Instant::now();
    let end = start + duration;
    let results: Vec<(Recorder, u64)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..users)
            .map(|u| {
                let (make, next) = (&make, &next);
                scope.spawn(move || {
                    let mut recorder = Recorder::new(start);
                    if let Load::Closed { spawn_rate: Some(r), .. } = load {
                        if r > 0.0 && u > 0 {
                            let at = start + Duration::from_secs_f64(u as f64 / r);
                            if at >= end {
                                return (recorder, 0);
                            }
                            std::thread::sleep(at.saturating_duration_since(Instant::now()));
                        }
                    }
                    let mut sender = make(u);
                    match load {
                        Load::Closed { .. } => {
                            // Users start at different places in the input.
                            let mut i = u * requests / users;
                            // One clock read per request: a request starts when the previous
                            // one ends (recording takes tens of nanoseconds, counted in).
                            let mut t = Instant::now();
                            while t < end {
                                let sent = sender.send(i % requests);
                                let done = Instant::now();
                                record(&sender, &mut recorder, sent, done, done - t);
                                t = done;
                                i += 1;
                            }
                        }
                        Load::Open { rate, .. } => loop {
                            let k = next.fetch_add(1, Ordering::Relaxed);
                            let due = start + Duration::from_secs_f64(k as f64 / rate);
                            if due >= end {
                                break;
                            }
                            let now = Instant::now();
                            if now >= end {
                                // Due but never started: the backlog when the run ends.
                                next.fetch_sub(1, Ordering::Relaxed);
                                break;
                            }
                            if due > now {
                                // Sleep most of the wait, then spin, so that the request starts on time.
                                let wait = due - now;
                                if wait > Duration::from_micros(200) {
                                    std::thread::sleep(wait - Duration::from_micros(150));
                                }
                                while Instant::now() < due {
                                    std::hint::spin_loop();
                                }
                            }
                            let sent = sender.send(k as usize % requests);
                            let done = Instant::now();
                            record(&sender, &mut recorder, sent, done, done.saturating_duration_since(due));
                        },
                    }
                    let scratch = sender.scratch_bytes();
                    (recorder, scratch)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    let mut all = Recorder::new(start);
    let mut scratch = Vec::with_capacity(results.len());
    for (r, s) in &results {
        all.merge(r);
        scratch.push(*s);
    }
    (all, scratch, start)
}

/// Records one answered request.
#[inline]
fn record<S: Sender>(sender: &S, recorder: &mut Recorder, sent: Sent, done: Instant, total: Duration) {
    recorder.record(done, total, sent.model, sent.records, sender.errors());
    if let Some((overhead, queue)) = sent.server {
        recorder.record_server(overhead, queue);
    }
}
