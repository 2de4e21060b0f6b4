//! The domain API: `Instance`, `Plan`, `generate` and `solve`.
//!
//! Names of solvers, objectives and generator kinds are the core's (`name()` and `ALL`), and
//! options and generator parameters are read through the core's serde model, so what the core
//! adds is available here without a change.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use samman::generate::Programme;
use samman::metrics::MetricsOptions;
use samman::model::Instance;
use samman::plan::{Pairs, Plan};
use samman::rules::Criterion;
use samman::solve::{Objective, Options, SolverKind};
use samman::{Session, csv_io, generate as generators, validate};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{errors, guarded, json};

/// Register the domain classes and functions in the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyInstance>()?;
    m.add_class::<PyPlan>()?;
    m.add_function(wrap_pyfunction!(generate, m)?)?;
    m.add_function(wrap_pyfunction!(solve_instance, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(explain_many, m)?)?;
    m.add_function(wrap_pyfunction!(explain_text, m)?)?;
    m.add_function(wrap_pyfunction!(pseudonymize, m)?)?;
    m.add(
        "GENERATOR_KINDS",
        Programme::ALL.map(Programme::name).to_vec(),
    )?;
    // The solvers that run; `auto` (the default of `solve`) picks one of them.
    let solvers: Vec<&str> = SolverKind::ALL
        .into_iter()
        .filter(|kind| *kind != SolverKind::Auto)
        .map(SolverKind::name)
        .collect();
    m.add("SOLVERS", solvers)?;
    m.add("OBJECTIVES", Objective::ALL.map(Objective::name).to_vec())?;
    Ok(())
}

/// A validated matching problem: seekers, providers, policy, history, constraints. It holds
/// the core's session, so the candidate graph is built once for every call on it.
#[pyclass(module = "samman", name = "Instance", frozen, eq)]
pub struct PyInstance {
    session: Session,
}

impl PartialEq for PyInstance {
    fn eq(&self, other: &Self) -> bool {
        self.session.instance() == other.session.instance()
    }
}

impl PyInstance {
    /// Validates `instance`; only valid instances are wrapped.
    pub(crate) fn checked(instance: Instance) -> PyResult<Self> {
        let session = Session::new(instance).map_err(|e| errors::core(&e))?;
        Ok(Self { session })
    }

    /// The instance.
    pub fn instance(&self) -> &Instance {
        self.session.instance()
    }

    /// The prepared session.
    pub fn session(&self) -> &Session {
        &self.session
    }
}

#[pymethods]
impl PyInstance {
    /// Reads and validates an instance from JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        guarded(|| {
            let instance = py
                .detach(|| validate::parse_json(text))
                .map_err(|e| errors::parse(&e))?;
            py.detach(|| Self::checked(instance))
        })
    }

    /// Reads and validates an instance from plain Python values (what `json.load` returns).
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guarded(|| {
            let value = json::from_python(data, "data")?;
            let instance: Instance = deserialize(value).map_err(|(path, message)| {
                errors::ParseError::new_err((format!("{path}: {message}"), path, 0usize, 0usize))
            })?;
            py.detach(|| Self::checked(instance))
        })
    }

    /// Reads seekers and providers from CSV exports (the columns of docs/csv.md), each a path
    /// or an open file; `policy` (plain values, as in the JSON format) replaces the default
    /// policy. The instance is validated.
    #[staticmethod]
    #[pyo3(signature = (seekers, providers, policy = None))]
    fn from_csv(
        py: Python<'_>,
        seekers: &Bound<'_, PyAny>,
        providers: &Bound<'_, PyAny>,
        policy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        guarded(|| {
            let seekers_text = read_text(seekers)?;
            let providers_text = read_text(providers)?;
            let mut instance = Instance::new();
            if let Some(policy) = policy {
                instance.policy = deserialize(json::from_python(policy, "policy")?).map_err(
                    |(path, message)| {
                        let path = format!("policy.{path}");
                        errors::ParseError::new_err((
                            format!("{path}: {message}"),
                            path,
                            0usize,
                            0usize,
                        ))
                    },
                )?;
            }
            let csv_error = |file: &str, e: csv_io::CsvError| {
                errors::CsvError::new_err((
                    format!("{file}: {e}"),
                    file.to_owned(),
                    e.row,
                    e.column,
                ))
            };
            instance.seekers = py
                .detach(|| csv_io::read_seekers(seekers_text.as_bytes()))
                .map_err(|e| csv_error("seekers", e))?;
            instance.providers = py
                .detach(|| csv_io::read_providers(providers_text.as_bytes()))
                .map_err(|e| csv_error("providers", e))?;
            py.detach(|| Self::checked(instance))
        })
    }

    /// The instance as JSON text (indented when `pretty`).
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        guarded(|| Ok(py.detach(|| to_json(self.instance(), pretty))))
    }

    /// The instance as plain Python values; `Instance.from_dict` reads them back.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guarded(|| json::to_python(py, &to_value(self.instance())))
    }

    /// Problems of single records, as `(path, message)` pairs: they do not make the instance
    /// invalid; such a record is planned as far as its data allows or left out with its reason.
    fn warnings(&self, py: Python<'_>) -> Vec<(String, String)> {
        py.detach(|| self.session.warnings())
            .into_iter()
            .map(|p| (p.path, p.message))
            .collect()
    }

    /// The number of seekers.
    #[getter]
    fn n_seekers(&self) -> usize {
        self.instance().seekers.len()
    }

    /// The number of providers.
    #[getter]
    fn n_providers(&self) -> usize {
        self.instance().providers.len()
    }

    /// The seekers' ids, in instance order.
    #[getter]
    fn seeker_ids(&self) -> Vec<String> {
        self.instance()
            .seekers
            .iter()
            .map(|s| s.id.0.clone())
            .collect()
    }

    /// The providers' ids, in instance order.
    #[getter]
    fn provider_ids(&self) -> Vec<String> {
        self.instance()
            .providers
            .iter()
            .map(|p| p.id.0.clone())
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "Instance(seekers={}, providers={})",
            self.instance().seekers.len(),
            self.instance().providers.len()
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let inner = slf.get().instance();
        let text = py.detach(|| to_json(inner, false));
        Ok((slf.get_type().getattr("from_json")?, (text,)))
    }
}

/// A plan: who is placed with which provider, who is not and why, which providers are
/// cancelled, with the solver's figures.
#[pyclass(module = "samman", name = "Plan", frozen, eq)]
#[derive(PartialEq)]
pub struct PyPlan {
    inner: Plan,
}

#[pymethods]
impl PyPlan {
    /// Reads a plan from the JSON that `to_json` writes.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        guarded(|| {
            let mut de = serde_json::Deserializer::from_str(text);
            let inner: Plan = serde_path_to_error::deserialize(&mut de).map_err(|e| {
                let path = e.path().to_string();
                let inner = e.into_inner();
                errors::ParseError::new_err((
                    format!("{path}: {inner}"),
                    path,
                    inner.line(),
                    inner.column(),
                ))
            })?;
            Ok(Self { inner })
        })
    }

    /// Rebuilds a pickled plan (JSON plus the elapsed seconds, which JSON leaves out).
    #[staticmethod]
    fn _from_pickle(text: &str, seconds: f64) -> PyResult<Self> {
        let mut plan = Self::from_json(text)?;
        plan.inner.stats.seconds = seconds;
        Ok(plan)
    }

    /// The plan as JSON text (indented when `pretty`); deterministic, so the elapsed time is
    /// left out.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> PyResult<String> {
        guarded(|| Ok(to_json(&self.inner, pretty)))
    }

    /// The plan as plain Python values.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guarded(|| json::to_python(py, &to_value(&self.inner)))
    }

    /// The solver that made the plan.
    #[getter]
    fn solver(&self) -> &'static str {
        self.inner.solver.name()
    }

    /// What the solver maximised: `"max_score"` or `"max_placed"`.
    #[getter]
    fn objective(&self) -> &'static str {
        self.inner.objective.name()
    }

    /// The total score of the matches.
    #[getter]
    fn total_score(&self) -> f64 {
        self.inner.total_score
    }

    /// People placed (party sizes summed).
    #[getter]
    fn people_placed(&self) -> u64 {
        self.inner.people_placed
    }

    /// Seconds the solver took (graph building excluded).
    #[getter]
    fn seconds(&self) -> f64 {
        self.inner.stats.seconds
    }

    /// Each match as a dict: seeker, provider, seats, score, breakdown.
    #[getter]
    fn matches<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &to_value(&self.inner.matches))
    }

    /// Each unplaced seeker as a dict: seeker, reason (a dict with `kind`).
    #[getter]
    fn unplaced<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &to_value(&self.inner.unplaced))
    }

    /// Each cancelled provider as a dict: provider, rules.
    #[getter]
    fn cancelled<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_python(py, &to_value(&self.inner.cancelled))
    }

    /// Seeker id to provider id, for every placed seeker: its first provider (in plan
    /// order) when it wants several (`providers_of` has them all).
    #[getter]
    fn placements(&self) -> std::collections::BTreeMap<String, String> {
        let mut placements = std::collections::BTreeMap::new();
        for m in &self.inner.matches {
            placements
                .entry(m.seeker.0.clone())
                .or_insert_with(|| m.provider.0.clone());
        }
        placements
    }

    /// Seeker id to every provider id it is placed with, in plan order (several for a seeker
    /// who wants several providers, `seeker.wants`).
    #[getter]
    fn providers_of(&self) -> std::collections::BTreeMap<String, Vec<String>> {
        let mut providers = std::collections::BTreeMap::<String, Vec<String>>::new();
        for m in &self.inner.matches {
            providers
                .entry(m.seeker.0.clone())
                .or_default()
                .push(m.provider.0.clone());
        }
        providers
    }

    /// Headline figures as a flat dict (one row of `samman.compare`).
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let plan = &self.inner;
        let row = PyDict::new(py);
        row.set_item("solver", plan.solver.name())?;
        row.set_item("objective", plan.objective.name())?;
        row.set_item("total_score", plan.total_score)?;
        row.set_item("people_placed", plan.people_placed)?;
        row.set_item("seekers_placed", plan.seekers_placed())?;
        row.set_item("seekers_unplaced", plan.unplaced.len())?;
        row.set_item("providers_cancelled", plan.cancelled.len())?;
        row.set_item("seconds", plan.stats.seconds)?;
        Ok(row)
    }

    /// The matches as a pandas DataFrame, one row per match, a column per soft criterion.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows: Vec<Value> = self
            .inner
            .matches
            .iter()
            .map(|m| {
                let mut row = serde_json::json!({
                    "seeker": m.seeker, "provider": m.provider, "seats": m.seats, "score": m.score,
                });
                if let (Value::Object(row), Value::Object(criteria)) =
                    (&mut row, to_value(&m.breakdown))
                {
                    row.extend(criteria);
                }
                row
            })
            .collect();
        let pandas = py.import("pandas")?;
        let columns: Vec<&str> = ["seeker", "provider", "seats", "score"]
            .into_iter()
            .chain(Criterion::ALL.map(Criterion::name))
            .collect();
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", columns)?;
        pandas
            .getattr("DataFrame")?
            .call((json::to_python(py, &Value::Array(rows))?,), Some(&kwargs))
    }

    fn __repr__(&self) -> PyResult<String> {
        let plan = &self.inner;
        Ok(format!(
            "Plan(solver={:?}, objective={:?}, placed={}, unplaced={}, total_score={})",
            plan.solver.name(),
            plan.objective.name(),
            plan.seekers_placed(),
            plan.unplaced.len(),
            plan.total_score
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let plan = &slf.get().inner;
        let args = PyTuple::new(
            py,
            [
                PyString::new(py, &to_json(plan, false)).into_any(),
                plan.stats.seconds.into_pyobject(py)?.into_any(),
            ],
        )?;
        Ok((slf.get_type().getattr("_from_pickle")?, args))
    }
}

/// Every metric of a plan (a `Plan`, a dict of seeker id to provider id, or pairs) as plain
/// values; `options` sets `MetricsOptions` fields (unknown ones raise `ValueError`).
#[pyfunction]
#[pyo3(signature = (instance, plan, **options))]
fn evaluate<'py>(
    py: Python<'py>,
    instance: &Bound<'py, PyInstance>,
    plan: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    guarded(|| {
        let plan = any_plan(plan)?;
        let options: MetricsOptions = match options {
            Some(options) => deserialize(json::from_python(options.as_any(), "options")?).map_err(
                |(path, message)| PyValueError::new_err(format!("evaluate: {path}: {message}")),
            )?,
            None => MetricsOptions::default(),
        };
        let session = instance.get().session();
        let report = py
            .detach(|| session.evaluate(&plan, &options).map(|r| to_value(&r)))
            .map_err(|e| errors::core(&e))?;
        json::to_python(py, &report)
    })
}

/// Why seeker `seeker_id` is or is not placed (against `plan` when given) and what would help.
#[pyfunction]
#[pyo3(signature = (instance, plan, seeker_id))]
fn explain<'py>(
    py: Python<'py>,
    instance: &Bound<'py, PyInstance>,
    plan: Option<&Bound<'py, PyAny>>,
    seeker_id: &str,
) -> PyResult<Bound<'py, PyAny>> {
    guarded(|| {
        let plan = plan.map(any_plan).transpose()?;
        let session = instance.get().session();
        let seeker = samman::model::SeekerId(seeker_id.to_owned());
        let explanation = py
            .detach(|| {
                session
                    .explain_one(plan.as_ref(), &seeker)
                    .map(|e| to_value(&e))
            })
            .map_err(|e| errors::core(&e))?;
        json::to_python(py, &explanation)
    })
}

/// [`explain`] in words, as `samman explain` prints it, in Swedish (`lang="sv"`) or English:
/// why the seeker is or is not placed and what would help, the coordinator's changes first.
#[pyfunction]
#[pyo3(signature = (instance, plan, seeker_id, lang = "en"))]
fn explain_text(
    py: Python<'_>,
    instance: &Bound<'_, PyInstance>,
    plan: Option<&Bound<'_, PyAny>>,
    seeker_id: &str,
    lang: &str,
) -> PyResult<String> {
    let lang = samman::i18n::Lang::parse(lang).ok_or_else(|| {
        PyValueError::new_err(format!(
            "lang: `{lang}` is not a language samman speaks: use \"sv\" or \"en\""
        ))
    })?;
    guarded(|| {
        let plan = plan.map(any_plan).transpose()?;
        let session = instance.get().session();
        let seeker = samman::model::SeekerId(seeker_id.to_owned());
        let with_plan = plan.is_some();
        let explanation = py
            .detach(|| session.explain_one(plan.as_ref(), &seeker))
            .map_err(|e| errors::core(&e))?;
        let messages = samman::i18n::Messages::new(lang);
        Ok(samman::advice::explanation(
            &messages,
            &str::to_owned,
            &explanation,
            with_plan,
        ))
    })
}

/// [`explain`] for many seekers at once, in the order given: the instance is validated and
/// the plan read once, so this is much faster than one call per seeker.
#[pyfunction]
#[pyo3(signature = (instance, plan, seeker_ids))]
fn explain_many<'py>(
    py: Python<'py>,
    instance: &Bound<'py, PyInstance>,
    plan: Option<&Bound<'py, PyAny>>,
    seeker_ids: Vec<String>,
) -> PyResult<Bound<'py, PyAny>> {
    guarded(|| {
        let plan = plan.map(any_plan).transpose()?;
        let session = instance.get().session();
        let seekers: Vec<samman::model::SeekerId> = seeker_ids
            .into_iter()
            .map(samman::model::SeekerId)
            .collect();
        let explanations = py
            .detach(|| {
                session
                    .explain(plan.as_ref(), &seekers)
                    .map(|all| all.iter().map(to_value).collect::<Vec<_>>())
            })
            .map_err(|e| errors::core(&e))?;
        json::to_python(py, &serde_json::Value::Array(explanations))
    })
}

/// The instance with every id replaced by a keyed hash (HMAC-SHA-256); the same id always
/// gets the same pseudonym under the same key, so references stay intact.
#[pyfunction]
fn pseudonymize(
    py: Python<'_>,
    instance: &Bound<'_, PyInstance>,
    key: &[u8],
) -> PyResult<PyInstance> {
    guarded(|| {
        if key.is_empty() {
            return Err(PyValueError::new_err(
                "pseudonymize: key is empty; use a secret of at least 16 random bytes",
            ));
        }
        let instance = instance.get().instance();
        let hidden = py.detach(|| samman::privacy::pseudonymize(instance, key));
        py.detach(|| PyInstance::checked(hidden))
    })
}

/// Reads a plan made by samman or elsewhere: a `Plan`, a dict of seeker id to provider id,
/// or (seeker id, provider id) pairs.
pub(crate) fn any_plan(plan: &Bound<'_, PyAny>) -> PyResult<Pairs> {
    if let Ok(plan) = plan.cast::<PyPlan>() {
        return Ok(Pairs::from(&plan.get().inner));
    }
    let pairs = pairs(plan).map_err(|_| {
        PyValueError::new_err(
            "plan must be a samman.Plan, a dict of seeker id to provider id, or a list of (seeker id, provider id) pairs",
        )
    })?;
    Ok(Pairs::from_pairs(pairs))
}

/// A mapping's items or a sequence of pairs, as (str, str).
fn pairs(ob: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    if let Ok(mapping) = ob.cast::<PyDict>() {
        mapping.items().extract()
    } else {
        ob.extract()
    }
}

/// A seeded synthetic instance of the given kind (see `GENERATOR_KINDS`); keyword parameters
/// set the generator's fields (unknown ones raise `ValueError`).
#[pyfunction]
#[pyo3(signature = (kind, size, seed, **params))]
fn generate(
    py: Python<'_>,
    kind: &str,
    size: &Bound<'_, PyAny>,
    seed: &Bound<'_, PyAny>,
    params: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyInstance> {
    guarded(|| {
        let size = crate::arrays::count("size", size)?;
        let seed = crate::arrays::non_negative("seed", seed, u64::MAX)?;
        let mut fields = match params {
            Some(params) => json::from_python(params.as_any(), "params")?,
            None => Value::Object(serde_json::Map::new()),
        };
        if let Value::Object(map) = &mut fields {
            map.insert("size".into(), size.into());
            map.insert("seed".into(), seed.into());
        }
        let programme: Programme = kind.parse().map_err(|e| {
            PyValueError::new_err(format!("generator kind {kind:?} is not known: {e}"))
        })?;
        let params: generators::Params = deserialize(fields).map_err(|(path, message)| {
            PyValueError::new_err(format!("generate({kind:?}): {path}: {message}"))
        })?;
        let instance = py.detach(|| generators::generate(programme, &params));
        py.detach(|| PyInstance::checked(instance))
    })
}

/// Plans `instance`: builds its candidate graph and runs the solver, with the GIL released.
/// `locked` pins seekers to providers (a mapping or pairs of seeker id and provider id), in
/// addition to the instance's own locks; other keyword options set the core's `Options`
/// fields (`proposing`, `move_cost`, `iterations`, `parallel`, `previous`).
#[pyfunction]
#[pyo3(name = "solve", signature = (instance, solver = None, objective = None, locked = None, seed = 0, **options))]
fn solve_instance(
    py: Python<'_>,
    instance: &Bound<'_, PyInstance>,
    solver: Option<&str>,
    objective: Option<&str>,
    locked: Option<&Bound<'_, PyAny>>,
    seed: u64,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyPlan> {
    guarded(|| {
        let mut fields = match options {
            Some(options) => json::from_python(options.as_any(), "options")?,
            None => Value::Object(serde_json::Map::new()),
        };
        if let Value::Object(map) = &mut fields {
            map.insert("seed".into(), seed.into());
            if let Some(name) = solver {
                map.insert("solver".into(), name.into());
            }
            if let Some(name) = objective {
                map.insert("objective".into(), name.into());
            }
            if let Some(locked) = locked {
                map.insert("locked".into(), locks(locked)?);
            }
        }
        let options: Options = deserialize(fields).map_err(|(path, message)| {
            PyValueError::new_err(format!("solve: {path}: {message}"))
        })?;
        let session = instance.get().session();
        let inner = py
            .detach(|| session.solve(&options))
            .map_err(|e| errors::core(&e))?;
        Ok(PyPlan { inner })
    })
}

/// Reads `locked` as a mapping of seeker id to provider id, or as pairs, into the JSON of
/// the core's locks.
fn locks(locked: &Bound<'_, PyAny>) -> PyResult<Value> {
    let pairs = pairs(locked).map_err(|_| {
        PyValueError::new_err(
            "locked must be a dict of seeker id to provider id, or a list of (seeker id, provider id) pairs",
        )
    })?;
    Ok(pairs
        .into_iter()
        .map(|(seeker, provider)| serde_json::json!({"seeker": seeker, "provider": provider}))
        .collect())
}

/// The text of a CSV argument: an open file (anything with `read()`) or a path.
fn read_text(ob: &Bound<'_, PyAny>) -> PyResult<String> {
    let content = if ob.hasattr("read")? {
        ob.call_method0("read")?
    } else {
        let path = ob.py().import("os")?.call_method1("fspath", (ob,))?;
        let path: std::path::PathBuf = path.extract()?;
        return std::fs::read_to_string(&path).map_err(|e| {
            pyo3::exceptions::PyOSError::new_err(format!("cannot read {}: {e}", path.display()))
        });
    };
    if let Ok(bytes) = content.cast::<pyo3::types::PyBytes>() {
        String::from_utf8(bytes.as_bytes().to_vec())
            .map_err(|_| PyValueError::new_err("a CSV file must be UTF-8"))
    } else {
        content.extract()
    }
}

/// Deserializes with the path of the failing field.
pub(crate) fn deserialize<T: DeserializeOwned>(value: Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| (e.path().to_string(), e.into_inner().to_string()))
}

/// The JSON value of `value` as its JSON text reads back, so that `to_dict()` equals
/// `json.loads(to_json())` exactly (the core's `f32` figures print in their shortest form).
pub(crate) fn to_value<T: serde::Serialize>(value: &T) -> Value {
    serde_json::from_str(&to_json(value, false)).expect("JSON text always reads back")
}

fn to_json<T: serde::Serialize>(value: &T, pretty: bool) -> String {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.expect("the core's types always serialise")
}
