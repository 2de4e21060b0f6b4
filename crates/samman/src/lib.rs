//! samman: a matching engine for civic programmes that bring people together.
//!
//! *Seekers* (guest parties, older people, workshop participants, customers) are placed with
//! *providers* (a host's dinner, a volunteer, a tutor's group, an experience session) so that
//! every hard rule holds, the plan scores well, and whoever is left out is told why.
//!
//! # Index
//!
//! | step | module | what |
//! |---|---|---|
//! | session | [`Session`] | the one way in: validates once, then solves, evaluates, explains; [`Error`] with its [`ErrorKind`] and path |
//! | model | [`model`] | [`model::Instance`]: seekers, providers, [`model::Policy`], history, constraints |
//! | check | [`validate`] | [`validate::parse_json`] (line, column, path), [`validate::validate`] (every problem with its path) |
//! | rules | [`rules`] | pair rules ([`rules::Rule`]), soft criteria ([`rules::Criterion`]), group rules ([`rules::GroupRule`]) |
//! | graph | [`graph`] | [`graph::CandidateGraph`]: a petgraph bipartite graph of feasible pairs, built through a spatial grid; [`graph::CandidateGraph::graph`] is the research entry point |
//! | columns | [`candidates`] | [`candidates::CandidateColumns`]: the feasible pairs as columns (indices, score, breakdown) for numpy, scipy, pandas |
//! | solve | [`solve`] | [`solve::solve`] returning a [`Plan`]; [`solve::greedy`] baseline |
//! | plan | [`plan`] | [`Plan`] and its parts, [`Pair`] (a seeker and a provider), [`Pairs`] (any plan as pairs, which metrics read) |
//! | suggest | [`suggest`] | [`suggest::suggest`]: a seeker's best feasible providers, free seats and who would move |
//! | reports | [`reports`] | the command's readable reports, in Swedish or English ([`i18n`]) |
//! | progress | [`progress`] | how far the graph's build and the group search are, for a progress bar ([`Session::with_progress`]) |
//! | algorithms | [`algo`] | plain-index algorithms under the solvers |
//! | scenarios | [`generate`] | seeded generators shaped like the programmes |
//!
//! ```
//! use samman::generate::{dinners, Params};
//! use samman::solve::{solve, Options};
//!
//! let instance = dinners(&Params { size: 50, seed: 1, ..Params::default() });
//! let plan = solve(&instance, &Options::default())?;
//! assert_eq!(plan.matches.len() + plan.unplaced.len(), 50);
//! # Ok::<(), samman::solve::SolveError>(())
//! ```
#![warn(missing_docs)]
// The uniffi derives generate the FFI's unsafe trait impls, so the feature only denies.
#![cfg_attr(not(feature = "uniffi"), forbid(unsafe_code))]

pub mod advice;
pub mod algo;
pub mod candidates;
pub mod csv_io;
pub mod error;
pub mod explain;
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod generate;
pub mod graph;
pub mod history;
pub mod i18n;
pub mod metrics;
pub mod model;
mod parallel;
pub mod plain;
pub mod plan;
pub mod privacy;
pub mod progress;
mod recurring;
pub mod reports;
pub mod rounds;
pub mod rules;
pub mod running_dinner;
mod session;
pub mod sheets;
pub mod solve;
pub mod suggest;
pub mod validate;

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("samman_core");

pub use error::{Error, ErrorKind, Result};
pub use explain::Explanation;
pub use graph::CandidateGraph;
pub use metrics::{MetricsOptions, Report};
pub use model::{Instance, Provider, ProviderId, Seeker, SeekerId};
pub use plan::{Pair, Pairs, Plan};
pub use session::Session;
pub use solve::{Options, SolverKind};

/// The JSON Schema of the instance format, as a pretty-printed document.
#[must_use]
pub fn instance_schema() -> String {
    let schema = schemars::schema_for!(model::Instance);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises") + "\n"
}

/// The JSON Schemas of every document samman reads or writes, by name: `Instance`, `Options`,
/// `Plan`, `Params`, `MetricsOptions`, `RoundsOptions`, `RoundsPlan`; pretty-printed. Committed
/// as docs/schema/documents.json, where the WebAssembly package reads them.
#[must_use]
pub fn document_schemas() -> String {
    let schemas = serde_json::json!({
        "Instance": schemars::schema_for!(model::Instance),
        "Options": schemars::schema_for!(solve::Options),
        "Plan": schemars::schema_for!(plan::Plan),
        "Params": schemars::schema_for!(generate::Params),
        "MetricsOptions": schemars::schema_for!(metrics::MetricsOptions),
        "RoundsOptions": schemars::schema_for!(rounds::RoundsOptions),
        "RoundsPlan": schemars::schema_for!(rounds::RoundsPlan),
    });
    format!("{schemas:#}\n")
}

/// The Rust examples of README.md, compiled and run as doc tests so they cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

/// The Rust examples of docs/rounds.md, compiled and run as doc tests so they cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/rounds.md")]
pub struct RoundsDoctests;
