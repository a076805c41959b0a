//! What the benchmark ran on, read from `/proc` (Linux; fields are "unknown" elsewhere).

/// CPU and scheduling facts worth printing next to timings.
#[derive(Debug, Clone)]
pub struct MachineInfo {
    /// `model name` from `/proc/cpuinfo`.
    pub cpu_model: String,
    /// Logical CPUs listed in `/proc/cpuinfo`.
    pub logical_cpus: usize,
    /// CPUs this process may run on (`Cpus_allowed_list` of `/proc/self/status`, e.g. after `taskset`).
    pub allowed_cpus: String,
    /// How many CPUs the standard library thinks are usable (affinity-aware).
    pub available_parallelism: usize,
}

impl MachineInfo {
    /// Reads the current machine's facts.
    pub fn read() -> MachineInfo {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        MachineInfo {
            cpu_model: field(&cpuinfo, "model name").unwrap_or_else(|| "unknown".into()),
            logical_cpus: cpuinfo.lines().filter(|l| l.starts_with("processor")).count(),
            allowed_cpus: field(&status, "Cpus_allowed_list").unwrap_or_else(|| "unknown".into()),
            available_parallelism: std::thread::available_parallelism().map_or(0, |n| n.get()),
        }
    }
}

/// Value of the first `key: value` (or `key\t: value`) line.
fn field(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        (k.trim() == key).then(|| v.trim().to_string())
    })
}

/// `git` commit of the workspace at `dir`, with a note when mlc's sources (`crates/`,
/// `compiler/`) have uncommitted changes; "unknown" outside a git checkout.
pub fn source_revision(dir: &std::path::Path) -> String {
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git").arg("-C").arg(dir).args(args).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    match git(&["rev-parse", "--short=12", "HEAD"]) {
        Some(commit) => match git(&["status", "--porcelain", "--", ":(top)crates", ":(top)compiler"]) {
            Some(s) if !s.is_empty() => format!("{commit} + uncommitted changes in crates/ or compiler/"),
            _ => commit,
        },
        None => "unknown".into(),
    }
}
