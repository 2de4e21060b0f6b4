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
//! | model | [`model`] | [`model::Instance`]: seekers, providers, [`model::Policy`], history, constraints |
//! | check | [`validate`] | [`validate::parse_json`] (line, column, path), [`validate::validate`] (every problem with its path) |
//! | rules | [`rules`] | pair rules ([`rules::Rule`]), soft criteria ([`rules::Criterion`]), group rules ([`rules::GroupRule`]) |
//! | graph | [`graph`] | [`graph::CandidateGraph`]: a petgraph bipartite graph of feasible pairs, built through a spatial grid |
//! | solve | [`solve`] | [`solve::solve`] returning an [`solve::Assignment`]; [`solve::greedy`] baseline |
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

pub mod algo;
pub mod csv_io;
pub mod explain;
pub mod generate;
pub mod graph;
pub mod i18n;
pub mod metrics;
pub mod model;
pub mod plain;
pub mod privacy;
pub mod rules;
pub mod sheets;
pub mod solve;
pub mod validate;

/// The JSON Schema of the instance format, as a pretty-printed document.
#[must_use]
pub fn instance_schema() -> String {
    let schema = schemars::schema_for!(model::Instance);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises") + "\n"
}

/// The Rust examples of README.md, compiled and run as doc tests so they cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
