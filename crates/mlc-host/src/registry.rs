//! A model registry: many models behind one process, loaded on first use, kept within a
//! memory budget, evicted least recently used, shared by worker threads.
//!
//! A [`ModelSource`] is an artifact file (one model or a bundle) or a directory of artifact
//! files (`NAME.mlc`, like a model prefix in object storage). A model is loaded on its first
//! [`Registry::get`]: its file is memory-mapped and validated (once while any of its models is
//! loaded) and the model's tables are checked. Each loaded model is charged the bytes of its
//! sections (what executing it touches); when a load would exceed the budget, the least
//! recently used models are evicted first. A model larger than the whole budget is still
//! served, alone. A handle ([`ModelHandle`]) keeps its model usable while a worker holds it,
//! so an evicted model's memory is released when its last in-flight batch finishes.
//!
//! The registry records, per model, each cold load's duration, warm lookups, and the
//! predictions callers report with [`LoadedModel::record`].
//!
//! A server manages it too: [`Registry::add`] serves a model from a file outside the source
//! under a name of its choosing, [`Registry::unload`] lets a model go (the next use loads it
//! again, unless it was added), and [`Registry::model_names`] lists what can be served.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::time::{Duration, Instant};

use lru::LruCache;
use mlc_runtime::Model;
use serde::Serialize;

use crate::load::{HostError, LoadedArtifact};

/// File extension of artifacts in a directory source.
pub const ARTIFACT_EXTENSION: &str = "mlc";

self_cell::self_cell!(
    /// A model together with the mapped artifact it borrows from.
    struct ModelCell {
        owner: Arc<LoadedArtifact>,
        #[covariant]
        dependent: Model,
    }
);

/// Where a registry finds its models.
#[derive(Debug, Clone)]
pub enum ModelSource {
    /// One artifact file: its models are named as in the artifact.
    File(PathBuf),
    /// A directory of `NAME.mlc` files, listed when the registry opens. Model `NAME` is the
    /// only model of `NAME.mlc`; `NAME/MODEL` is model `MODEL` of the bundle `NAME.mlc`.
    Directory {
        /// The directory.
        dir: PathBuf,
        /// File stems of the artifacts found.
        stems: BTreeSet<String>,
    },
}

impl ModelSource {
    /// A file or a directory source, by what `path` is.
    pub fn open(path: impl AsRef<Path>) -> Result<ModelSource, HostError> {
        let path = path.as_ref().to_path_buf();
        let io = |error| HostError::Io { path: path.clone(), error };
        if !std::fs::metadata(&path).map_err(io)?.is_dir() {
            return Ok(ModelSource::File(path));
        }
        let mut stems = BTreeSet::new();
        for entry in std::fs::read_dir(&path).map_err(io)? {
            let file = entry.map_err(io)?.path();
            if file.extension().is_some_and(|e| e == ARTIFACT_EXTENSION) && file.is_file() {
                if let Some(stem) = file.file_stem().and_then(|s| s.to_str()) {
                    stems.insert(stem.to_string());
                }
            }
        }
        // An empty directory is a source (`mlc serve` may add models later); a Keras export is not.
        if let (true, Some(kind)) = (stems.is_empty(), crate::sniff::sniff(&path)) {
            return Err(HostError::NotAnArtifact { path, kind });
        }
        Ok(ModelSource::Directory { dir: path, stems })
    }

    /// The source's path.
    pub fn path(&self) -> &Path {
        match self {
            ModelSource::File(path) | ModelSource::Directory { dir: path, .. } => path,
        }
    }

    /// The file that holds model `name`, and the model's name inside it (`None`: its only one).
    fn resolve<'n>(&self, name: &'n str) -> Result<(PathBuf, Option<&'n str>), HostError> {
        match self {
            ModelSource::File(path) => Ok((path.clone(), Some(name))),
            ModelSource::Directory { dir, stems } => {
                let (stem, inner) = match name.split_once('/') {
                    Some((stem, inner)) => (stem, Some(inner)),
                    None => (name, None),
                };
                if !stems.contains(stem) {
                    return Err(HostError::unknown_model(dir, name, stems.iter().map(String::as_str)));
                }
                Ok((dir.join(format!("{stem}.{ARTIFACT_EXTENSION}")), inner))
            }
        }
    }
}

/// A model loaded by a [`Registry`], usable from any thread.
pub struct LoadedModel {
    name: String,
    cell: ModelCell,
    bytes: u64,
    counters: Arc<Counters>,
}

/// Counters of one model name, updated without the registry's lock. They outlive evictions:
/// every load of the name shares them, so a worker that records predictions through a handle
/// to an evicted model still counts.
#[derive(Default)]
struct Counters {
    hits: AtomicU64,
    predictions: AtomicU64,
    predict_ns: AtomicU64,
}

/// A shared handle to a loaded model.
pub type ModelHandle = Arc<LoadedModel>;

impl LoadedModel {
    /// The name it was requested by.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The runtime model, borrowing the mapped artifact.
    pub fn model(&self) -> &Model<'_> {
        self.cell.borrow_dependent()
    }

    /// The artifact file the model was loaded from (its bytes as mapped: e.g. to hash them).
    pub fn artifact(&self) -> &LoadedArtifact {
        self.cell.borrow_owner()
    }

    /// Bytes charged against the registry's budget.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Records `predictions` made with this model in `elapsed` (for the warm latency figures).
    pub fn record(&self, predictions: u64, elapsed: Duration) {
        self.counters.predictions.fetch_add(predictions, Ordering::Relaxed);
        self.counters.predict_ns.fetch_add(elapsed.as_nanos() as u64, Ordering::Relaxed);
    }
}

/// Figures of one model over the registry's life.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ModelStats {
    /// The model's name.
    pub name: String,
    /// Cold loads: the first use, and each use after an eviction.
    pub loads: u64,
    /// Times it was evicted.
    pub evictions: u64,
    /// Total time of the cold loads (map, validate, load), nanoseconds.
    pub cold_load_ns: u64,
    /// Longest cold load, nanoseconds.
    pub cold_load_max_ns: u64,
    /// Lookups answered from memory.
    pub warm_hits: u64,
    /// Predictions reported with [`LoadedModel::record`].
    pub predictions: u64,
    /// Their total time, nanoseconds.
    pub predict_ns: u64,
}

impl ModelStats {
    /// Mean cold-load time.
    pub fn cold_load_mean(&self) -> Duration {
        Duration::from_nanos(self.cold_load_ns.checked_div(self.loads).unwrap_or(0))
    }

    /// Mean time of one warm prediction (batched predictions count each row).
    pub fn warm_per_prediction(&self) -> Duration {
        Duration::from_nanos(self.predict_ns.checked_div(self.predictions).unwrap_or(0))
    }

    fn absorb(&mut self, counters: &Counters) {
        self.warm_hits += counters.hits.load(Ordering::Relaxed);
        self.predictions += counters.predictions.load(Ordering::Relaxed);
        self.predict_ns += counters.predict_ns.load(Ordering::Relaxed);
    }
}

/// What the lock guards.
struct State {
    /// Loaded models, most recently used first.
    loaded: LruCache<String, ModelHandle>,
    /// Bytes charged by `loaded`.
    used: u64,
    /// Mapped files, shared by the loaded models of a bundle.
    files: HashMap<PathBuf, Weak<LoadedArtifact>>,
    /// Figures of every model ever loaded; the counters are added by [`Registry::stats`].
    stats: HashMap<String, ModelStats>,
    /// Counters of every model ever loaded, shared with its loaded instances.
    counters: HashMap<String, Arc<Counters>>,
    /// Models added with [`Registry::add`]: their file and their name inside it.
    added: HashMap<String, (PathBuf, Option<String>)>,
}

/// Models of a [`ModelSource`], loaded on demand within a memory budget. `Sync`: share one
/// registry between worker threads.
pub struct Registry {
    source: ModelSource,
    budget: u64,
    state: Mutex<State>,
}

impl Registry {
    /// A registry over `source` that keeps at most `budget` bytes of models loaded.
    pub fn new(source: ModelSource, budget: u64) -> Registry {
        let state = State {
            loaded: LruCache::unbounded(),
            used: 0,
            files: HashMap::new(),
            stats: HashMap::new(),
            counters: HashMap::new(),
            added: HashMap::new(),
        };
        Registry { source, budget, state: Mutex::new(state) }
    }

    /// A registry over the file or directory at `path`.
    pub fn open(path: impl AsRef<Path>, budget: u64) -> Result<Registry, HostError> {
        Ok(Registry::new(ModelSource::open(path)?, budget))
    }

    /// The source.
    pub fn source(&self) -> &ModelSource {
        &self.source
    }

    /// The memory budget, bytes.
    pub fn budget(&self) -> u64 {
        self.budget
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking holder leaves the state consistent (every update is a single step).
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The name of the source's only model; an error naming the choice when it has several.
    pub fn default_name(&self) -> Result<String, HostError> {
        match &self.source {
            ModelSource::File(path) => {
                let artifact = self.lock().file(path)?;
                Ok(artifact.entry(None)?.name.to_string())
            }
            ModelSource::Directory { dir, stems } if stems.is_empty() => Err(HostError::EmptyDirectory { path: dir.clone() }),
            ModelSource::Directory { dir, stems } if stems.len() != 1 => Err(HostError::ModelRequired {
                path: dir.clone(),
                count: stems.len() as u32,
                first: stems.iter().next().cloned().unwrap_or_default(),
            }),
            ModelSource::Directory { stems, .. } => Ok(stems.iter().next().cloned().unwrap_or_default()),
        }
    }

    /// The model called `name`: from memory, or loaded now (evicting others if the budget
    /// requires). Errors name the source and the model.
    pub fn get(&self, name: &str) -> Result<ModelHandle, HostError> {
        let mut state = self.lock();
        if let Some(model) = state.loaded.get(name) {
            model.counters.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(model.clone());
        }
        let start = Instant::now();
        let (path, inner) = match state.added.get(name) {
            Some((path, inner)) => (path.clone(), inner.clone()),
            None => self.source.resolve(name).map(|(path, inner)| (path, inner.map(str::to_string)))?,
        };
        let inner = inner.as_deref();
        let artifact = state.file(&path)?;
        let mut bytes = 0;
        let cell = ModelCell::try_new(artifact, |artifact| {
            let entry = artifact.entry(inner)?;
            bytes = artifact.entry_bytes(&entry);
            artifact.load_entry(&entry)
        })?;
        while state.used + bytes > self.budget {
            let Some((_, evicted)) = state.loaded.pop_lru() else { break };
            state.used -= evicted.bytes;
            let stats = state.stats.entry(evicted.name.clone()).or_default();
            stats.evictions += 1;
        }
        let counters = state.counters.entry(name.to_string()).or_default().clone();
        let model = Arc::new(LoadedModel { name: name.to_string(), cell, bytes, counters });
        state.used += bytes;
        state.loaded.put(name.to_string(), model.clone());
        let elapsed = start.elapsed().as_nanos() as u64;
        let stats = state.stats.entry(name.to_string()).or_insert_with(|| ModelStats { name: name.to_string(), ..ModelStats::default() });
        stats.loads += 1;
        stats.cold_load_ns += elapsed;
        stats.cold_load_max_ns = stats.cold_load_max_ns.max(elapsed);
        Ok(model)
    }

    /// Serves model `model` of the artifact `file` (its only model when `None`) as `name`,
    /// loading it now; `name` then refers to it rather than to the source's model of that name,
    /// until [`Registry::unload`]. On error nothing is added.
    pub fn add(&self, name: &str, file: PathBuf, model: Option<String>) -> Result<ModelHandle, HostError> {
        let previous = self.lock().added.insert(name.to_string(), (file, model));
        let loaded = self.get(name);
        if loaded.is_err() {
            let mut state = self.lock();
            match previous {
                Some(previous) => state.added.insert(name.to_string(), previous),
                None => state.added.remove(name),
            };
        }
        loaded
    }

    /// Lets model `name` go: out of memory now (in-flight handles keep it until they end), and
    /// forgotten if it was added. Returns whether it was loaded or added. Its next use loads it
    /// again from the source.
    pub fn unload(&self, name: &str) -> bool {
        let mut state = self.lock();
        let added = state.added.remove(name).is_some();
        let loaded = state.loaded.pop(name);
        if let Some(model) = &loaded {
            state.used -= model.bytes;
        }
        added || loaded.is_some()
    }

    /// Whether model `name` is loaded now.
    pub fn is_loaded(&self, name: &str) -> bool {
        self.lock().loaded.contains(name)
    }

    /// The file model `name` is (or would be) loaded from; an error for a name this registry
    /// does not serve.
    pub fn file_of(&self, name: &str) -> Result<PathBuf, HostError> {
        match self.lock().added.get(name) {
            Some((path, _)) => Ok(path.clone()),
            None => self.source.resolve(name).map(|(path, _)| path),
        }
    }

    /// Whether `name` is a model this registry serves (added, or in its source), found
    /// without loading the model: for counting requests of a model that has not run yet.
    pub fn serves(&self, name: &str) -> bool {
        let mut state = self.lock();
        if state.added.contains_key(name) {
            return true;
        }
        let Ok((path, inner)) = self.source.resolve(name) else { return false };
        let Ok(file) = state.file(&path) else { return false };
        match (file.artifact(), inner) {
            (Ok(artifact), Some(model)) => artifact.find(model).is_some(),
            (Ok(artifact), None) => artifact.models().count() == 1,
            (Err(_), _) => false,
        }
    }

    /// Every name this registry serves, sorted: the source's models (a directory's bundle
    /// `NAME.mlc` as `NAME/MODEL` for each of its models; an artifact that cannot be read by its
    /// file name, which then fails to load with the reason) and the added ones.
    pub fn model_names(&self) -> Vec<String> {
        let mut state = self.lock();
        let mut names: BTreeSet<String> = state.added.keys().cloned().collect();
        let models = |artifact: &LoadedArtifact| -> Vec<String> {
            artifact.artifact().map(|a| a.models().map(|m| m.name.to_string()).collect()).unwrap_or_default()
        };
        match &self.source {
            ModelSource::File(path) => {
                if let Ok(artifact) = state.file(path) {
                    names.extend(models(&artifact));
                }
            }
            ModelSource::Directory { dir, stems } => {
                for stem in stems {
                    let path = dir.join(format!("{stem}.{ARTIFACT_EXTENSION}"));
                    match state.file(&path).map(|a| models(&a)) {
                        Ok(inner) if inner.len() > 1 => names.extend(inner.iter().map(|m| format!("{stem}/{m}"))),
                        _ => {
                            names.insert(stem.clone());
                        }
                    }
                }
            }
        }
        names.into_iter().collect()
    }

    /// Bytes charged by the models loaded now.
    pub fn memory_used(&self) -> u64 {
        self.lock().used
    }

    /// Names of the models loaded now, most recently used first.
    pub fn loaded(&self) -> Vec<String> {
        self.lock().loaded.iter().map(|(name, _)| name.clone()).collect()
    }

    /// Figures of every model loaded so far, by name.
    pub fn stats(&self) -> Vec<ModelStats> {
        let state = self.lock();
        let mut all = state.stats.clone();
        for (name, counters) in &state.counters {
            all.entry(name.clone()).or_default().absorb(counters);
        }
        let mut all: Vec<ModelStats> = all.into_values().collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        all
    }
}

impl State {
    /// The mapped file at `path`, opened (and validated) unless a loaded model still holds it.
    fn file(&mut self, path: &Path) -> Result<Arc<LoadedArtifact>, HostError> {
        if let Some(open) = self.files.get(path).and_then(Weak::upgrade) {
            return Ok(open);
        }
        let open = Arc::new(LoadedArtifact::open(path)?);
        self.files.retain(|_, file| file.strong_count() > 0);
        self.files.insert(path.to_path_buf(), Arc::downgrade(&open));
        Ok(open)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mlc_compiler::{CompileOptions, ModelSpec, Target};

    const STATES: [&str; 6] = ["AK", "AL", "AR", "AZ", "CA", "CO"];

    fn fixture(rel: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(rel)
    }

    fn compile(specs: &[String]) -> Vec<u8> {
        let specs: Vec<ModelSpec> = specs.iter().map(|s| ModelSpec::parse(s).unwrap()).collect();
        let options = CompileOptions { target: Target::Host, command_line: "test".into(), ..Default::default() };
        mlc_compiler::compile(&specs, &options).unwrap().bytes
    }

    /// A directory with one artifact per state and a bundle `both.mlc` of AK and AL.
    fn model_dir(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("mlc-registry-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let spec = |s: &str| format!("{s}={}", fixture(&format!("churn/models/states/{s}.json")).display());
        for s in STATES {
            std::fs::write(dir.join(format!("{s}.mlc")), compile(&[spec(s)])).unwrap();
        }
        std::fs::write(dir.join("both.mlc"), compile(&[spec("AK"), spec("AL")])).unwrap();
        dir
    }

    /// Held-out rows: (state, features).
    fn rows() -> Vec<(String, Vec<f32>)> {
        let text = std::fs::read_to_string(fixture("churn/heldout.csv")).unwrap();
        text.lines()
            .map(|l| {
                let (state, rest) = l.split_once(',').unwrap();
                (state.to_string(), rest.split(',').map(|f| crate::records::parse_field(f.as_bytes()).unwrap()).collect())
            })
            .filter(|(s, _)| STATES.contains(&s.as_str()))
            .collect()
    }

    fn predict(model: &LoadedModel, row: &[f32]) -> f32 {
        let mut out = [0f32];
        model.model().predict(mlc_runtime::Input::Rows(row), &mut mlc_runtime::Scratch::default(), &mut out).unwrap();
        out[0]
    }

    #[test]
    fn evicts_least_recently_used_within_the_budget() {
        let dir = model_dir("lru");
        // Four models of the same size: AK's trees under four names.
        for name in ["A", "B", "C", "D"] {
            let bytes = compile(&[format!("{name}={}", fixture("churn/models/states/AK.json").display())]);
            std::fs::write(dir.join(format!("{name}.mlc")), bytes).unwrap();
        }
        let unbounded = Registry::open(&dir, u64::MAX).unwrap();
        let sizes: Vec<u64> = ["A", "B", "C", "D"].iter().map(|s| unbounded.get(s).unwrap().bytes()).collect();
        // Room for two of these models, not for three.
        let budget = sizes.iter().max().unwrap() * 2 + sizes.iter().min().unwrap() / 2;
        assert!(sizes.iter().sum::<u64>() - sizes.iter().max().unwrap() > budget, "{sizes:?}");
        let registry = Registry::open(&dir, budget).unwrap();
        registry.get("A").unwrap();
        registry.get("B").unwrap();
        registry.get("A").unwrap(); // A is now the most recent: B goes first
        registry.get("C").unwrap();
        assert_eq!(registry.loaded(), ["C", "A"]);
        registry.get("D").unwrap();
        assert_eq!(registry.loaded(), ["D", "C"]);
        assert!(registry.memory_used() <= budget);
        let stats = registry.stats();
        let a = stats.iter().find(|s| s.name == "A").unwrap();
        assert_eq!((a.loads, a.evictions, a.warm_hits), (1, 1, 1));
        assert!(a.cold_load_ns > 0 && a.cold_load_max_ns <= a.cold_load_ns);
        // Evicted models load again, answering the same.
        let (_, row) = rows().into_iter().find(|(s, _)| s == "AK").unwrap();
        assert_eq!(predict(&registry.get("B").unwrap(), &row), predict(&unbounded.get("AK").unwrap(), &row));
        assert_eq!(registry.stats().iter().find(|s| s.name == "B").unwrap().loads, 2);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn threads_share_a_small_registry_and_get_the_same_answers() {
        let dir = model_dir("threads");
        let reference = Registry::open(&dir, u64::MAX).unwrap();
        let rows = rows();
        let expected: Vec<f32> = rows.iter().map(|(s, r)| predict(&reference.get(s).unwrap(), r)).collect();
        let budget = reference.get("AK").unwrap().bytes() * 2;
        let registry = Registry::open(&dir, budget).unwrap();
        std::thread::scope(|scope| {
            for t in 0..4 {
                let (registry, rows, expected) = (&registry, &rows, &expected);
                scope.spawn(move || {
                    for round in 0..3 {
                        for (i, (state, row)) in rows.iter().enumerate().skip((t + round) % 5) {
                            let model = registry.get(state).unwrap();
                            model.record(1, Duration::from_nanos(1));
                            assert_eq!(predict(&model, row).to_bits(), expected[i].to_bits(), "thread {t}, row {i}");
                        }
                    }
                });
            }
        });
        assert!(registry.loaded().len() <= 3, "{:?}", registry.loaded());
        let stats = registry.stats();
        let predictions: u64 = stats.iter().map(|s| s.predictions).sum();
        assert!(predictions > 0 && stats.iter().map(|s| s.evictions).sum::<u64>() > 0);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn serves_names_without_loading_them() {
        let dir = model_dir("serves");
        let directory = Registry::open(&dir, u64::MAX).unwrap();
        assert!(directory.serves("AK") && directory.serves("both/AL"));
        assert!(!directory.serves("TX") && !directory.serves("both/TX") && !directory.serves("both"), "a bundle needs its model's name");
        let bundle = Registry::open(dir.join("both.mlc"), u64::MAX).unwrap();
        assert!(bundle.serves("AK") && bundle.serves("AL") && !bundle.serves("ak"));
        assert!(directory.loaded().is_empty() && bundle.loaded().is_empty(), "nothing loaded");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn models_added_and_unloaded() {
        let dir = model_dir("added");
        let registry = Registry::open(dir.join("both.mlc"), u64::MAX).unwrap();
        let row = |state: &str| rows().into_iter().find(|(s, _)| s == state).unwrap().1;
        let single = |state: &str| Registry::open(dir.join(format!("{state}.mlc")), u64::MAX).unwrap().get(state).unwrap();
        assert!(registry.get("AR").is_err(), "not in the bundle");
        // A model from another file, under a name of the caller's choosing.
        let added = registry.add("arkansas", dir.join("AR.mlc"), None).unwrap();
        assert_eq!(predict(&added, &row("AR")), predict(&single("AR"), &row("AR")));
        assert!(registry.is_loaded("arkansas") && registry.model_names().contains(&"arkansas".to_string()));
        assert_eq!(registry.file_of("arkansas").unwrap(), dir.join("AR.mlc"));
        assert_eq!(registry.file_of("AK").unwrap(), dir.join("both.mlc"));
        // A failed add adds nothing; an added name hides the source's model of that name.
        assert!(registry.add("x", dir.join("missing.mlc"), None).is_err());
        assert!(registry.add("x", dir.join("both.mlc"), None).is_err(), "a bundle needs the model's name");
        assert!(registry.get("x").is_err() && !registry.model_names().contains(&"x".to_string()));
        registry.add("AK", dir.join("both.mlc"), Some("AL".into())).unwrap();
        assert_eq!(predict(&registry.get("AK").unwrap(), &row("AL")), predict(&single("AL"), &row("AL")));
        // Unloading lets go of the memory and of the added name.
        let used = registry.memory_used();
        drop(added);
        assert!(registry.unload("arkansas") && !registry.is_loaded("arkansas"));
        assert!(registry.memory_used() < used);
        assert!(registry.get("arkansas").is_err() && !registry.unload("arkansas"));
        assert!(registry.unload("AK"));
        assert_eq!(predict(&registry.get("AK").unwrap(), &row("AK")), predict(&single("AK"), &row("AK")), "the source's AK again");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn names_in_files_and_directories() {
        let dir = model_dir("names");
        let registry = Registry::open(&dir, u64::MAX).unwrap();
        let row = &rows()[0];
        let direct = predict(&registry.get(&row.0).unwrap(), &row.1);
        let err = registry.get("ZZ").err().unwrap().to_string();
        assert!(err.contains("`ZZ`") && err.contains("AK"), "{err}");
        assert!(registry.get("../AK").is_err());
        assert!(registry.get("both").err().unwrap().to_string().contains("--model"), "a bundle needs NAME/MODEL");
        let ak = registry.get("both/AK").unwrap();
        assert_eq!(registry.default_name().err().map(|e| e.to_string().contains("--model")), Some(true));
        let bundle = Registry::open(dir.join("both.mlc"), u64::MAX).unwrap();
        assert!(bundle.default_name().is_err());
        let row = rows().into_iter().find(|(s, _)| s == "AK").unwrap();
        assert_eq!(predict(&bundle.get("AK").unwrap(), &row.1), predict(&ak, &row.1));
        assert!(bundle.get("AR").err().unwrap().to_string().contains("`AR`"));
        let single = Registry::open(dir.join("AK.mlc"), u64::MAX).unwrap();
        assert_eq!(single.default_name().unwrap(), "AK");
        let mut names = STATES.map(String::from).to_vec();
        names.extend(["both/AK".into(), "both/AL".into()]);
        names.sort();
        assert_eq!(registry.model_names(), names);
        assert_eq!(bundle.model_names(), ["AK", "AL"]);
        let _ = direct;
        std::fs::remove_dir_all(dir).unwrap();
    }
}
