//! Exit statuses of `mlc` (the README's "Exit status" lists them) and the closed-pipe rule.
//!
//! * 0: done.
//! * 1: an error stopped the command (its message names file, line and column where it can).
//! * 2: the command line is wrong (clap's usage errors).
//! * 3: `mlc transform` ran, but some records failed (error objects in the outputs; the
//!   summary counts them by kind), or `--max-errors` stopped it.
//! * A closed output pipe (`mlc inspect a.mlc | head`) ends the command as it ends `cat`:
//!   quietly, killed by `SIGPIPE` (a shell reports 141); 141 itself where there are no signals.

use std::process::ExitCode;

/// Some records failed (`mlc transform`).
pub const RECORDS_FAILED: u8 = 3;

/// The status of a process ended by `SIGPIPE` as a shell reports it (128 + 13).
pub const BROKEN_PIPE: u8 = 141;

/// An outcome that ends the command with a status other than 1: the message is printed
/// (prefixed `mlc: `) and the process exits with `code`.
#[derive(Debug)]
pub struct Status {
    /// The exit status.
    pub code: u8,
    /// What happened.
    pub message: String,
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Status {}

/// Lets a write to a closed pipe end the process by `SIGPIPE`, as for other command-line tools
/// (Rust ignores the signal, which turns every `println!` into a panic and every write into an
/// error). Not for `mlc serve`: a client's closed connection must not end the server.
pub fn default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of one signal, before any thread is started;
    // no handler is installed.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// The exit code of a command's result; prints the error (except a broken pipe's: the reader
/// went away, there is no one to tell).
pub fn report(result: anyhow::Result<()>) -> ExitCode {
    let Err(e) = result else { return ExitCode::SUCCESS };
    if let Some(status) = e.downcast_ref::<Status>() {
        eprintln!("mlc: {status}");
        return ExitCode::from(status.code);
    }
    let broken_pipe = e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe));
    if broken_pipe {
        return ExitCode::from(BROKEN_PIPE);
    }
    eprintln!("mlc: error: {e:#}");
    ExitCode::FAILURE
}
