//! What the `uniffi` feature adds for the Kotlin and Swift bindings (bindings/uniffi): how the
//! types uniffi has no shape for cross (ids, dates and times, diets as text; counts as `u64`;
//! ordered maps as lists of records), and the one error apps see, mapped once from [`Error`] by
//! its kind. The plain types carry their own `uniffi::Record` / `uniffi::Enum` derives.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::error::{Error, ErrorKind};
use crate::metrics::CriterionFigures;
use crate::model::{
    ClockTime, Diet, HostId, LanguageCode, Moment, ProviderId, ProviderStatus, SeekerId,
};
use crate::rules::{Criterion, Rule};
use crate::validate::Problem;

// Kotlin and Swift see the core's `Problem` as this record, named `Problem` there: the path and
// the English message. The message's id and arguments (`Problem::kind`) do not cross.
/// One thing wrong with an instance: where, and what.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi(name = "Problem")]
pub struct ProblemRecord {
    /// The path of the offending field, such as `seekers[12].availability.dated[0].end`.
    pub path: String,
    /// What is wrong, without echoing personal attribute values.
    pub message: String,
}

impl From<Problem> for ProblemRecord {
    fn from(problem: Problem) -> Self {
        Self {
            path: problem.path,
            message: problem.message,
        }
    }
}

uniffi::custom_newtype!(SeekerId, String);
uniffi::custom_newtype!(ProviderId, String);
uniffi::custom_newtype!(HostId, String);
uniffi::custom_newtype!(LanguageCode, String);

// A diet crosses as its name; an unknown name is read as `Diet::Unknown`, which validation
// reports with its path, as it does for JSON.
uniffi::custom_type!(Diet, String, {
    lower: |diet| diet.to_string(),
    try_lift: |name| Ok(Diet::parse(&name)),
});

// A provider's status crosses as its name (`ready`, the default, `in_training`, `paused`).
uniffi::custom_type!(ProviderStatus, String, {
    lower: |status| status.name().to_owned(),
    try_lift: |name| ProviderStatus::parse(&name)
        .ok_or_else(|| unreadable("not a provider status: expected ready, in_training or paused")),
});

// Dates and times cross as the text of the JSON format. Text that cannot be read fails the
// call with `SammanError::InvalidInput`; the record's position is not known at this point (the
// JSON format, `Instance.fromJson`, gives it).
uniffi::custom_type!(Moment, String, {
    lower: |moment| moment.to_string(),
    try_lift: |text| text.parse().map_err(|message: String| unreadable(&message)),
});
uniffi::custom_type!(ClockTime, String, {
    lower: |time| time.to_string(),
    try_lift: |text| text.parse().map_err(|message: String| unreadable(&message)),
});
uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |date| date.to_string(),
    try_lift: |text| NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map_err(|_| unreadable("not a date: expected YYYY-MM-DD, such as 2026-03-28")),
});

/// A count: `usize` in the core, `u64` (Kotlin `ULong`, Swift `UInt64`) abroad.
pub type Count = usize;
uniffi::custom_type!(Count, u64, {
    remote,
    lower: |n| n as u64,
    try_lift: |n| usize::try_from(n).map_err(|_| unreadable("a count too large for this device")),
});

/// Extra profile attributes, by name (an input: its order does not matter).
pub type Attributes = BTreeMap<String, String>;
uniffi::custom_type!(Attributes, HashMap<String, String>, {
    remote,
    lower: |map| map.into_iter().collect(),
    try_lift: |map| Ok(map.into_iter().collect()),
});

/// Accepted values per attribute (`accepts`; an input: its order does not matter).
pub type Accepted = BTreeMap<String, Vec<String>>;
uniffi::custom_type!(Accepted, HashMap<String, Vec<String>>, {
    remote,
    lower: |map| map.into_iter().collect(),
    try_lift: |map| Ok(map.into_iter().collect()),
});

/// The two people of a `Met` entry; a list of two ids abroad.
pub type People = [String; 2];
uniffi::custom_type!(People, Vec<String>, {
    remote,
    lower: |pair| pair.to_vec(),
    try_lift: |list| People::try_from(list).map_err(|_| unreadable("not a pair: expected two ids")),
});

// Maps the core keeps ordered (`BTreeMap`) cross as lists in that order: uniffi's maps are
// hash maps, whose order would differ between runs.

/// Providers counted for one pair rule.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RuleCount {
    /// The rule.
    pub rule: Rule,
    /// Providers.
    pub providers: usize,
}

/// Providers counted by pair rule, in the rules' order.
pub type RuleCounts = BTreeMap<Rule, usize>;
uniffi::custom_type!(RuleCounts, Vec<RuleCount>, {
    remote,
    lower: |map| map.into_iter().map(|(rule, providers)| RuleCount { rule, providers }).collect(),
    try_lift: |list| Ok(list.into_iter().map(|c| (c.rule, c.providers)).collect()),
});

/// A count for one value of an attribute.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NamedCount {
    /// The attribute or value.
    pub name: String,
    /// The count.
    pub count: usize,
}

/// Counts by name, in the names' order.
pub type NamedCounts = BTreeMap<String, usize>;
uniffi::custom_type!(NamedCounts, Vec<NamedCount>, {
    remote,
    lower: |map| map.into_iter().map(|(name, count)| NamedCount { name, count }).collect(),
    try_lift: |list| Ok(list.into_iter().map(|c| (c.name, c.count)).collect()),
});

/// A figure for one attribute, where it is defined.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct NamedFigure {
    /// The attribute.
    pub name: String,
    /// The figure, none where it is undefined.
    pub value: Option<f64>,
}

/// Figures by name, in the names' order.
pub type NamedFigures = BTreeMap<String, Option<f64>>;
uniffi::custom_type!(NamedFigures, Vec<NamedFigure>, {
    remote,
    lower: |map| map.into_iter().map(|(name, value)| NamedFigure { name, value }).collect(),
    try_lift: |list| Ok(list.into_iter().map(|f| (f.name, f.value)).collect()),
});

/// The score figures of one criterion.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CriterionRow {
    /// The criterion.
    pub criterion: Criterion,
    /// Its figures.
    pub figures: CriterionFigures,
}

/// Score figures by criterion, in the criteria's order.
pub type CriterionTable = BTreeMap<Criterion, CriterionFigures>;
uniffi::custom_type!(CriterionTable, Vec<CriterionRow>, {
    remote,
    lower: |map| map.into_iter().map(|(criterion, figures)| CriterionRow { criterion, figures }).collect(),
    try_lift: |list| Ok(list.into_iter().map(|r| (r.criterion, r.figures)).collect()),
});

/// Why a call failed, by the core's [`ErrorKind`]. Kotlin sees `SammanException`, Swift
/// `SammanError`. Every variant carries the kind's name (`invalid_input`, `limit_exceeded`,
/// `unknown_id`, `internal`) and the path of the offending field (empty when there is none).
#[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
#[non_exhaustive]
pub enum SammanError {
    /// The input is malformed or breaks the format's rules: fix the fields at the problems'
    /// paths.
    #[error("{detail}")]
    InvalidInput {
        /// `invalid_input`.
        kind: String,
        /// The first problem's path.
        path: String,
        /// The core's message.
        detail: String,
        /// Every problem found, each with its path.
        problems: Vec<ProblemRecord>,
    },
    /// The input is larger than `policy.limits` allows: raise the limit or split the input.
    #[error("{detail}")]
    LimitExceeded {
        /// `limit_exceeded`.
        kind: String,
        /// The limit, such as `policy.limits.max_seekers`.
        path: String,
        /// What was counted, how many, and the limit.
        detail: String,
    },
    /// An id names no seeker or provider of the instance.
    #[error("{detail}")]
    UnknownId {
        /// `unknown_id`.
        kind: String,
        /// Where the id was given, such as `constraints.locked[0].seeker`.
        path: String,
        /// The core's message.
        detail: String,
    },
    /// A fault inside samman (or a panic caught at the boundary): report it with the input.
    #[error("{detail}")]
    Internal {
        /// `internal`.
        kind: String,
        /// The path, where the core gave one.
        path: String,
        /// What went wrong.
        detail: String,
    },
}

impl SammanError {
    /// An internal error with `detail` (a panic caught by a binding's guard).
    #[must_use]
    pub fn internal(detail: String) -> Self {
        Self::Internal {
            kind: ErrorKind::Internal.name().to_owned(),
            path: String::new(),
            detail,
        }
    }
}

impl From<Error> for SammanError {
    /// The one mapping, by kind: the same input gives the same kind and path here as on every
    /// other front.
    fn from(error: Error) -> Self {
        let kind = error.kind();
        let (name, path) = (
            kind.name().to_owned(),
            error.path().unwrap_or("").to_owned(),
        );
        match kind {
            ErrorKind::LimitExceeded => Self::LimitExceeded {
                kind: name,
                path,
                detail: error.to_string(),
            },
            ErrorKind::UnknownId => Self::UnknownId {
                kind: name,
                path,
                detail: error.to_string(),
            },
            ErrorKind::InvalidInput => Self::InvalidInput {
                kind: name,
                path,
                detail: error.to_string(),
                problems: error.problems().into_iter().map(Into::into).collect(),
            },
            _ => Self::Internal {
                kind: name,
                path,
                detail: error.to_string(),
            },
        }
    }
}

/// The error for text a date, time or count cannot be read from; `message` names what was
/// expected, never the text.
fn unreadable(message: &str) -> uniffi::deps::anyhow::Error {
    let problem = ProblemRecord {
        path: String::new(),
        message: message.to_owned(),
    };
    uniffi::deps::anyhow::Error::new(SammanError::InvalidInput {
        kind: ErrorKind::InvalidInput.name().to_owned(),
        path: String::new(),
        detail: message.to_owned(),
        problems: vec![problem],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Session;
    use crate::model::{Instance, Seeker};

    #[test]
    fn each_kind_maps_to_its_case_with_its_path() {
        let mut instance = Instance::new();
        instance.seekers = vec![Seeker::new("a"), Seeker::new("b")];
        instance.policy.limits.max_seekers = 1;
        let error = SammanError::from(Session::new(instance).expect_err("over the limit"));
        let SammanError::LimitExceeded { kind, path, .. } = error else {
            panic!("a limit is LimitExceeded: {error:?}");
        };
        assert_eq!(
            (kind.as_str(), path.as_str()),
            ("limit_exceeded", "policy.limits.max_seekers")
        );

        let session = Session::new(Instance::new()).expect("an empty instance is valid");
        let error = SammanError::from(
            session
                .explain(None, &["ghost".into()])
                .expect_err("unknown"),
        );
        let SammanError::UnknownId { kind, path, .. } = error else {
            panic!("an unknown seeker is UnknownId: {error:?}");
        };
        assert_eq!((kind.as_str(), path.as_str()), ("unknown_id", "seeker"));
    }

    #[test]
    fn unreadable_text_is_invalid_input_the_call_can_return() {
        let error = unreadable("not a date");
        let error = error.downcast::<SammanError>().expect("a SammanError");
        let SammanError::InvalidInput { kind, problems, .. } = error else {
            panic!("unreadable text is InvalidInput");
        };
        assert_eq!(kind, "invalid_input");
        assert_eq!(problems[0].message, "not a date");
    }
}
