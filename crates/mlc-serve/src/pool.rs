//! The prediction pool: worker threads that parse and predict requests off the I/O threads,
//! each with its own [`Executor`] (buffers reused from request to request), behind an
//! admission count that bounds the requests in the server (queued or running).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

use hyper::HeaderMap;
use mlc_host::transform::Options;
use mlc_host::Registry;
use tokio::sync::oneshot;

use crate::executor::Executor;
use crate::metrics::Metrics;
use crate::reply::Reply;

/// Admission: how many requests are in the server, and how many may be.
pub struct Admission {
    in_flight: AtomicUsize,
    limit: usize,
}

/// A request's place in the server; dropping it lets another in.
pub struct Permit(Arc<Admission>);

impl Admission {
    /// Room for `limit` requests at once.
    pub fn new(limit: usize) -> Arc<Admission> {
        Arc::new(Admission { in_flight: AtomicUsize::new(0), limit: limit.max(1) })
    }

    /// A place, or `None` when the server is full.
    pub fn try_admit(self: &Arc<Self>) -> Option<Permit> {
        let admitted = self.in_flight.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| (n < self.limit).then_some(n + 1)).is_ok();
        admitted.then(|| Permit(self.clone()))
    }

    /// Requests in the server now.
    pub fn in_flight(&self) -> usize {
        self.in_flight.load(Ordering::Acquire)
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// What a job asks of a worker.
pub enum Work {
    /// An Open Inference Protocol inference request for `model`.
    Infer {
        /// The model the path names.
        model: String,
        /// The request's headers.
        headers: HeaderMap,
        /// Its body.
        body: Vec<u8>,
    },
    /// A SageMaker invocation (`model`: the one its path names).
    Invoke {
        /// The model the path names, if any.
        model: Option<String>,
        /// The request's headers.
        headers: HeaderMap,
        /// Its body.
        body: Vec<u8>,
    },
    /// Model metadata, readiness, the repository and the multi-model API: calls that may load
    /// a model.
    Manage(crate::repository::Manage),
}

/// A request handed to the pool.
pub struct Job {
    /// What to do.
    pub work: Work,
    /// Past this, nobody waits for the answer: the job is dropped unanswered.
    pub deadline: Instant,
    /// When it was queued.
    pub queued: Instant,
    /// Where the answer goes.
    pub reply: oneshot::Sender<Reply>,
    /// Its place in the server, released when the job is done (or dropped).
    pub permit: Permit,
}

/// The pool's threads.
pub struct Pool {
    threads: Vec<JoinHandle<()>>,
}

impl Pool {
    /// Starts `workers` threads taking jobs from `jobs`; `default_model` answers requests that
    /// name none.
    pub fn start(
        registry: Arc<Registry>,
        metrics: Arc<Metrics>,
        workers: usize,
        jobs: crossbeam_channel::Receiver<Job>,
        default_model: Option<String>,
    ) -> Pool {
        let threads = (0..workers.max(1))
            .map(|i| {
                let (registry, metrics, jobs, default_model) = (registry.clone(), metrics.clone(), jobs.clone(), default_model.clone());
                std::thread::Builder::new()
                    .name(format!("mlc-serve-worker-{i}"))
                    .spawn(move || work(&registry, &metrics, &jobs, default_model.as_deref()))
                    .expect("spawning a worker thread")
            })
            .collect();
        Pool { threads }
    }

    /// Waits for the threads, which end when every sender of the job channel is gone.
    pub fn join(self) {
        for thread in self.threads {
            let _ = thread.join();
        }
    }
}

/// A worker thread: jobs until the channel closes.
fn work(registry: &Registry, metrics: &Metrics, jobs: &crossbeam_channel::Receiver<Job>, default_model: Option<&str>) {
    let options = Options::default();
    let mut executor = Executor::new(registry, metrics, &options, default_model);
    for job in jobs {
        let Job { work, deadline, queued, reply, permit } = job;
        let start = Instant::now();
        if start >= deadline {
            continue;
        }
        let answer = catch_unwind(AssertUnwindSafe(|| executor.run(work)));
        let mut answer = answer.unwrap_or_else(|_| {
            // A bug: the worker's buffers may be inconsistent; start afresh and keep serving.
            executor = Executor::new(registry, metrics, &options, default_model);
            Reply::error(&crate::protocol::ApiError::new(
                hyper::StatusCode::INTERNAL_SERVER_ERROR,
                "internal error: the worker panicked on this request (a bug)",
            ))
        });
        answer.queue = start - queued;
        drop(permit);
        let _ = reply.send(answer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admission_is_bounded() {
        let admission = Admission::new(2);
        let a = admission.try_admit().unwrap();
        let _b = admission.try_admit().unwrap();
        assert!(admission.try_admit().is_none());
        assert_eq!(admission.in_flight(), 2);
        drop(a);
        assert!(admission.try_admit().is_some());
    }
}
