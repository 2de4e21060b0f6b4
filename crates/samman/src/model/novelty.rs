//! Who met whom, and how a programme that recurs treats meeting again: never, or at a cost
//! that fades with time.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Two people who sat at one table: two seekers, or a seeker and a host (a provider's
/// `host`, or its id where it has none). Ids only.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Met {
    /// The two people's ids, in either order.
    pub people: [String; 2],
    /// When, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

impl Met {
    /// A meeting of `a` and `b`, the two ids stored in ascending order.
    #[must_use]
    pub fn new(a: &str, b: &str, date: Option<NaiveDate>) -> Self {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        Self {
            people: [a.to_owned(), b.to_owned()],
            date,
        }
    }
}

/// How a programme treats two people who met before (`history.met`, and a seeker with a host
/// in `history.meetings`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "mode", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Novelty {
    /// No two people who met share a table again, and a seeker never returns to a host they
    /// met: a hard rule.
    NeverAgain,
    /// Meeting again is allowed at a cost that halves every `half_life_days` since the
    /// meeting (measured from `policy.today`, or else the latest date in the history).
    Penalty {
        /// Days after which a repeat costs half as much.
        half_life_days: f64,
    },
}

impl Novelty {
    /// The weight of an earlier meeting `days_ago` days back: 1 for never-again (a repeat is
    /// as bad as ever), `2^(-days/half_life)` for the penalty (1 for an undated meeting).
    #[must_use]
    pub fn weight(self, days_ago: Option<i64>) -> f64 {
        match (self, days_ago) {
            (Novelty::NeverAgain, _) | (Novelty::Penalty { .. }, None) => 1.0,
            (Novelty::Penalty { half_life_days }, Some(days)) => {
                (-(days.max(0) as f64) / half_life_days).exp2()
            }
        }
    }
}
