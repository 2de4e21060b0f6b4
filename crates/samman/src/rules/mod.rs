//! The rules of matching, one file per family, each defined exactly in docs/rules.md:
//!
//! - `pair.rs`: the hard rules about one seeker and one provider ([`Rule`], [`diet_ok`], ...);
//! - `criteria.rs`: the soft criteria that score a feasible pair ([`Criterion`], [`Breakdown`]);
//! - `group.rs`: the rules about everyone at one provider, and keep-together ([`GroupRule`]),
//!   with the host and novelty rules beside them (`hosts.rs`, `novelty.rs`);
//! - `prepare.rs`: [`Rules`], an instance prepared once so the graph builder applies them
//!   fast, with `screen.rs`, the `Screen` that rejects most pairs before any rule runs, and
//!   `exclusions.rs`, the counts of which rules exclude which providers.

mod criteria;
mod exclusions;
mod group;
mod hosts;
mod novelty;
mod pair;
mod prepare;
mod screen;

pub(crate) use criteria::with_criteria;
pub use criteria::{Breakdown, Criterion, distance_score, rank_score, topics_score, waiting_score};
pub(crate) use exclusions::exclusions;
pub use group::{GroupRule, group_violations, keep_together_violations};
pub use hosts::host_events_violations;
pub use novelty::met_before_at_table;
pub use pair::{
    Rule, Verdict, accepts_ok, diet_ok, distance_km, distance_ok, gender_parties_ok, language_ok,
    needs_ok, readiness_ok, same_ok, shared_language_level, time_ok, topics_ok, travel_limit,
    verification_ok,
};
pub use prepare::Rules;
pub(crate) use screen::Screen;
