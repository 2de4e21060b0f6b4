//! Low-level matching algorithms on plain indices, with no domain model.
//!
//! These are the exact algorithms under samman's domain solvers, exposed for researchers who
//! bring their own scores or preferences (the Python `samman.assign` and `samman.stable_match`
//! call them directly).
//!
//! - [`bmatching`]: maximum-weight (or maximum-cardinality, then maximum-weight) capacitated
//!   bipartite b-matching, solved exactly as a min-cost flow by cost-scaling push-relabel.
//! - [`stable`]: deferred acceptance for many-to-one markets (hospitals/residents), with
//!   either side proposing, and a checker for blocking pairs.

use std::fmt;

use serde::{Deserialize, Serialize};

pub mod bmatching;
pub mod stable;

/// One side of a two-sided market or bipartite graph, named in error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The left side: seekers, residents, the side that proposes by default.
    Left,
    /// The right side: providers, hospitals, the side with seats.
    Right,
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Left => "left",
            Side::Right => "right",
        })
    }
}
