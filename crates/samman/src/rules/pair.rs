//! The pair rules: whether one seeker may be placed with one provider. Each rule is a small
//! function on the model, defined exactly in docs/rules.md; [`super::Rules`] applies the same
//! rules to a prepared instance.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{
    Diet, Gender, LanguageSkill, Level, Location, Profile, ProviderStatus, Reliability,
    Verification,
};

/// A hard rule about one seeker and one provider.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Rule {
    /// Either side's record is left out of matching (a problem [`crate::validate::check`]
    /// warns about, such as coordinates out of range).
    Record,
    /// The provider is not `ready`, or its reliability is below `min_reliability`.
    Readiness,
    /// Either side has blocked the other.
    Blocked,
    /// The party is larger than the provider's capacity.
    Capacity,
    /// Identity verification is required and missing.
    Verification,
    /// Too far apart.
    Distance,
    /// Availability does not overlap long enough.
    Time,
    /// A dietary requirement is not catered for.
    Diet,
    /// No language shared at the required level.
    Language,
    /// No topic shared.
    Topics,
    /// A need of the seeker is not offered.
    Needs,
    /// One side does not accept the other's profile.
    Accepts,
    /// The two sides differ on an attribute of `rules.same`.
    Same,
    /// An all-female party and an all-male one (the host counts) at one provider.
    GenderParties,
    /// The seeker met the provider's host before and `policy.novelty` is never-again.
    MetBefore,
}

impl Rule {
    /// Every pair rule, in the order they are checked (cheapest first).
    pub const ALL: [Rule; 15] = [
        Rule::Record,
        Rule::Readiness,
        Rule::Blocked,
        Rule::Capacity,
        Rule::Verification,
        Rule::GenderParties,
        Rule::Topics,
        Rule::Needs,
        Rule::Accepts,
        Rule::Same,
        Rule::Diet,
        Rule::Language,
        Rule::Distance,
        Rule::Time,
        Rule::MetBefore,
    ];

    /// The rule's name in JSON and reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Rule::Record => "record",
            Rule::Readiness => "readiness",
            Rule::Blocked => "blocked",
            Rule::Capacity => "capacity",
            Rule::Verification => "verification",
            Rule::Distance => "distance",
            Rule::Time => "time",
            Rule::Diet => "diet",
            Rule::Language => "language",
            Rule::Topics => "topics",
            Rule::Needs => "needs",
            Rule::Accepts => "accepts",
            Rule::Same => "same",
            Rule::GenderParties => "gender_parties",
            Rule::MetBefore => "met_before",
        }
    }
}

/// Every dietary requirement is served by some diet the kitchen caters for.
#[must_use]
pub fn diet_ok(requirements: &[Diet], caters: &[Diet]) -> bool {
    requirements
        .iter()
        .all(|need| caters.iter().any(|kitchen| kitchen.caters_for(need)))
}

/// The best level at which two people share a language: for each common language the lower
/// of the two levels, and the highest of those. `None` when they share none.
#[must_use]
pub fn shared_language_level(a: &[LanguageSkill], b: &[LanguageSkill]) -> Option<Level> {
    a.iter()
        .flat_map(|x| {
            b.iter()
                .filter(move |y| y.code == x.code)
                .map(move |y| x.level.min(y.level))
        })
        .max()
}

/// A language is shared at `minimum` or better. A side that lists no language at all is not
/// constrained (as with an empty availability): the programme gave no language data for it.
#[must_use]
pub fn language_ok(a: &[LanguageSkill], b: &[LanguageSkill], minimum: Level) -> bool {
    a.is_empty()
        || b.is_empty()
        || shared_language_level(a, b).is_some_and(|level| level >= minimum)
}

/// The travel limit that applies to a pair: the smallest of the limits that are set.
#[must_use]
pub fn travel_limit(
    seeker: Option<f64>,
    provider: Option<f64>,
    programme: Option<f64>,
) -> Option<f64> {
    [seeker, provider, programme]
        .into_iter()
        .flatten()
        .reduce(f64::min)
}

/// Distance between two places; `None` when either is remote (no location).
#[must_use]
pub fn distance_km(a: Option<Location>, b: Option<Location>) -> Option<f64> {
    Some(a?.distance_km(b?))
}

/// Within the travel limit; a remote side or no limit at all always passes.
#[must_use]
pub fn distance_ok(distance: Option<f64>, limit: Option<f64>) -> bool {
    match (distance, limit) {
        (Some(d), Some(limit)) => d <= limit,
        _ => true,
    }
}

/// A seeker who requires verification gets a verified provider.
#[must_use]
pub fn verification_ok(requires_verified: bool, verification: &Verification) -> bool {
    !requires_verified || verification.verified
}

/// Only a `ready` provider is matched, and with `min_reliability` set, only one whose expected
/// completion is at least that, once it has `min_events` engagements on record.
#[must_use]
pub fn readiness_ok(
    status: ProviderStatus,
    reliability: Reliability,
    min_reliability: Option<f64>,
    min_events: u32,
) -> bool {
    status == ProviderStatus::Ready
        && min_reliability.is_none_or(|minimum| {
            reliability.events() < u64::from(min_events)
                || reliability.expected_completion() >= minimum
        })
}

/// A seeker with topics shares at least one with the provider; no topics always passes.
#[must_use]
pub fn topics_ok(wanted: &[String], offered: &[String]) -> bool {
    wanted.is_empty() || wanted.iter().any(|t| offered.contains(t))
}

/// Every need of the seeker is among what the provider offers; no needs always passes.
#[must_use]
pub fn needs_ok(needs: &[String], offers: &[String]) -> bool {
    needs.iter().all(|need| offers.contains(need))
}

/// The other side's profile has, for every attribute `accepts` names, one of the values
/// listed; no filter always passes, and a side without a profile or without the attribute
/// passes no filter on it.
#[must_use]
pub fn accepts_ok(accepts: &BTreeMap<String, Vec<String>>, other: Option<&Profile>) -> bool {
    accepts.iter().all(|(attribute, values)| {
        other
            .and_then(|profile| profile.value(attribute))
            .is_some_and(|value| values.contains(&value))
    })
}

/// The two profiles agree on every attribute in `same` that both have; a side without a
/// profile, or without the attribute, agrees with any value.
#[must_use]
pub fn same_ok(same: &[String], seeker: &Profile, host: Option<&Profile>) -> bool {
    let Some(host) = host else {
        return true;
    };
    same.iter().all(
        |attribute| match (seeker.value(attribute), host.value(attribute)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        },
    )
}

/// Never an all-female party with an all-male party.
#[must_use]
pub fn gender_parties_ok(a: Option<Gender>, b: Option<Gender>) -> bool {
    !matches!(
        (a, b),
        (Some(Gender::Female), Some(Gender::Male)) | (Some(Gender::Male), Some(Gender::Female))
    )
}

/// The availability overlaps for at least `min_minutes` (a side with no window always does).
#[must_use]
pub fn time_ok(longest_overlap_seconds: i64, min_minutes: u32) -> bool {
    longest_overlap_seconds >= i64::from(min_minutes.max(1)) * 60
}

/// Why a pair is not feasible: the first rule that fails, or all of them.
pub type Verdict = Result<(), Rule>;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name written by hand is the name in JSON.
    #[test]
    fn names_are_the_json_names() {
        for rule in Rule::ALL {
            let value = serde_json::to_value(rule).unwrap();
            assert_eq!(value.as_str(), Some(rule.name()));
        }
    }

    fn skills(list: &[(&str, Level)]) -> Vec<LanguageSkill> {
        list.iter()
            .map(|(c, l)| LanguageSkill::new(c, *l))
            .collect()
    }

    #[test]
    fn diet_rule() {
        assert!(diet_ok(&[], &[]));
        assert!(diet_ok(&[Diet::Vegetarian], &[Diet::Vegan]));
        assert!(!diet_ok(&[Diet::Vegetarian, Diet::Halal], &[Diet::Vegan]));
        assert!(diet_ok(
            &[Diet::Vegetarian, Diet::Halal],
            &[Diet::Vegan, Diet::Halal]
        ));
        assert!(!diet_ok(
            &[Diet::NutAllergy],
            &[Diet::Vegan, Diet::GlutenFree]
        ));
    }

    #[test]
    fn language_levels() {
        let host = skills(&[("sv", Level::Native), ("en", Level::Fluent)]);
        let guest = skills(&[
            ("ar", Level::Native),
            ("en", Level::Basic),
            ("sv", Level::Conversational),
        ]);
        assert_eq!(
            shared_language_level(&host, &guest),
            Some(Level::Conversational)
        );
        assert!(language_ok(&host, &guest, Level::Conversational));
        assert!(!language_ok(&host, &guest, Level::Fluent));
        assert!(!language_ok(
            &host,
            &skills(&[("ar", Level::Native)]),
            Level::Basic
        ));
        assert!(
            language_ok(&host, &[], Level::Native),
            "no language data places no constraint"
        );
        assert_eq!(
            shared_language_level(&host, &skills(&[("en", Level::Basic)])),
            Some(Level::Basic)
        );
    }

    #[test]
    fn distance_rule() {
        assert_eq!(travel_limit(Some(5.0), Some(3.0), None), Some(3.0));
        assert_eq!(travel_limit(None, None, Some(8.0)), Some(8.0));
        assert_eq!(travel_limit(None, None, None), None);
        assert!(distance_ok(Some(2.9), Some(3.0)));
        assert!(!distance_ok(Some(3.1), Some(3.0)));
        assert!(distance_ok(None, Some(3.0)));
        assert!(distance_ok(Some(300.0), None));
        let stockholm = Location {
            lat: 59.3293,
            lon: 18.0686,
        };
        let uppsala = Location {
            lat: 59.8586,
            lon: 17.6389,
        };
        let d = distance_km(Some(stockholm), Some(uppsala)).unwrap();
        assert!((d - 64.0).abs() < 1.0, "{d}");
    }

    #[test]
    fn other_pair_rules() {
        let verified = Verification {
            verified: true,
            verified_on: None,
        };
        assert!(verification_ok(true, &verified));
        assert!(!verification_ok(true, &Verification::default()));
        assert!(verification_ok(false, &Verification::default()));
        let offered = vec!["walk".to_owned(), "shopping".to_owned()];
        assert!(topics_ok(&[], &offered));
        assert!(topics_ok(
            &["walk".to_owned(), "chess".to_owned()],
            &offered
        ));
        assert!(!topics_ok(&["chess".to_owned()], &offered));
        assert!(!gender_parties_ok(Some(Gender::Female), Some(Gender::Male)));
        assert!(!gender_parties_ok(Some(Gender::Male), Some(Gender::Female)));
        assert!(gender_parties_ok(Some(Gender::Female), Some(Gender::Mixed)));
        assert!(gender_parties_ok(Some(Gender::Male), None));
        assert!(time_ok(3600, 60));
        assert!(!time_ok(3599, 60));
        assert!(!time_ok(0, 0), "a zero overlap is never an overlap");
    }
}
