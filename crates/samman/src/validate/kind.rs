//! What a validation problem says, as a message id of `en.ftl` and `sv.ftl` with its
//! arguments: the English text is [`Problem::message`](super::Problem), the stable form of
//! `--json` output and the bindings; a report says it in the reader's language.
//!
//! The arguments are ids, paths, counts and zone names, never a person's attribute values.

use crate::i18n::{Arg, Messages};
use crate::model::FORMAT_VERSION;

/// The side an id belongs to, in a message about an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// A seeker's id.
    Seeker,
    /// A provider's id.
    Provider,
}

impl Side {
    fn arg(self) -> Arg {
        match self {
            Self::Seeker => "seeker".into(),
            Self::Provider => "provider".into(),
        }
    }
}

/// What is wrong, one variant per message. Each names its message id in [`ProblemKind::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The format version is not the one this samman reads.
    Version {
        /// The version the instance gives.
        found: u32,
    },
    /// The time zone is not an IANA name.
    TimeZone,
    /// A count that must be at least 1.
    AtLeastOne,
    /// `seats` of 0.
    SeatsAtLeastOne,
    /// A party that no provider can take.
    LargerThanEveryCapacity {
        /// The seats the party takes.
        seats: u32,
        /// The largest capacity.
        largest: u32,
    },
    /// A priority that is not a finite number (the record is left out).
    Priority,
    /// A provider's minimum above its capacity (the record is left out).
    MinimumAboveCapacity {
        /// The minimum.
        minimum: u32,
        /// The capacity.
        capacity: u32,
    },
    /// A host profile for no people (the record is left out).
    HostSize,
    /// A `hosts` entry no provider names.
    HostNotNamed {
        /// The host's id.
        id: String,
    },
    /// A weight that is negative or not finite.
    Weight,
    /// A novelty half-life that is not a positive number.
    HalfLife,
    /// A maximum distance that is negative or not finite.
    Distance,
    /// A minimum reliability outside 0 to 1.
    Reliability,
    /// A verification validity without `policy.today`.
    NeedsToday,
    /// An empty id.
    Empty,
    /// An id given before.
    Duplicate {
        /// The path of the first one, such as `seekers[3].id`.
        first: String,
    },
    /// An empty tag.
    EmptyTag,
    /// An `accepts` attribute with no value.
    AcceptsNothing,
    /// Not an ISO 639-1 code.
    LanguageCode,
    /// A language given twice.
    LanguageTwice,
    /// Not a known diet.
    Diet,
    /// `custom:` without a tag.
    CustomDiet,
    /// A wall-clock time skipped by a daylight-saving change.
    SkippedTime {
        /// The time zone's name.
        zone: String,
    },
    /// A window that ends at or before its start.
    EndBeforeStart,
    /// A weekly window that ends when it starts.
    WeeklyEnd,
    /// A latitude out of range (the record is left out).
    Latitude,
    /// A longitude out of range (the record is left out).
    Longitude,
    /// A travel limit that is negative or not finite (the record is left out).
    Travel,
    /// An id that names no seeker or no provider.
    UnknownId {
        /// Whose id it should be.
        side: Side,
        /// The id.
        id: String,
    },
    /// An id ranked twice in preferences.
    RankedTwice {
        /// Whose id it is.
        side: Side,
        /// The id.
        id: String,
    },
    /// An id listed twice.
    ListedTwice {
        /// Whose id it is.
        side: Side,
        /// The id.
        id: String,
    },
    /// A meeting's host that is neither a host nor a provider.
    UnknownHost {
        /// The id.
        id: String,
    },
    /// A met pair's id that is neither a seeker nor a host.
    UnknownMet {
        /// The id.
        id: String,
    },
    /// A met pair of one person.
    MetSamePerson,
    /// A keep-together or keep-apart set of fewer than two.
    SetTooSmall,
    /// Two seekers both kept apart and together.
    ApartAndTogether {
        /// The first seeker's id.
        first: String,
        /// The second seeker's id.
        second: String,
    },
    /// A seeker locked twice to one provider, or to more providers than it wants.
    LockedTwice {
        /// The seeker's id.
        id: String,
        /// How many providers it wants (`seeker.wants`).
        wants: u32,
    },
    /// A window of an event to come that ends before `policy.today`.
    PastWindow,
    /// Coordinates that look swapped.
    Swapped,
    /// Coordinates far from all others.
    Far,
    /// More no-shows than events in history.
    NoShows,
    /// A message samman has in English only (an error of another kind, told as a problem).
    Other {
        /// The message.
        message: String,
    },
}

impl ProblemKind {
    /// The message id in `en.ftl` and `sv.ftl` (`Other` has none) and its arguments.
    #[must_use]
    pub fn message(&self) -> (&'static str, Vec<(&'static str, Arg)>) {
        let id = |id: &String| Arg::from(id.as_str());
        match self {
            Self::Version { found } => (
                "problem-version",
                vec![
                    ("found", (*found).into()),
                    ("supported", FORMAT_VERSION.into()),
                ],
            ),
            Self::TimeZone => ("problem-time-zone", vec![]),
            Self::AtLeastOne => ("problem-at-least-one", vec![]),
            Self::SeatsAtLeastOne => ("problem-seats-at-least-one", vec![]),
            Self::LargerThanEveryCapacity { seats, largest } => (
                "problem-larger-than-every-capacity",
                vec![("seats", (*seats).into()), ("largest", (*largest).into())],
            ),
            Self::Priority => ("problem-priority", vec![]),
            Self::MinimumAboveCapacity { minimum, capacity } => (
                "problem-minimum-above-capacity",
                vec![
                    ("minimum", (*minimum).into()),
                    ("capacity", (*capacity).into()),
                ],
            ),
            Self::HostSize => ("problem-host-size", vec![]),
            Self::HostNotNamed { id: host } => ("problem-host-not-named", vec![("id", id(host))]),
            Self::Weight => ("problem-weight", vec![]),
            Self::HalfLife => ("problem-half-life", vec![]),
            Self::Distance => ("problem-distance", vec![]),
            Self::Reliability => ("problem-reliability", vec![]),
            Self::NeedsToday => ("problem-needs-today", vec![]),
            Self::Empty => ("problem-empty", vec![]),
            Self::Duplicate { first } => ("problem-duplicate", vec![("first", id(first))]),
            Self::EmptyTag => ("problem-empty-tag", vec![]),
            Self::AcceptsNothing => ("problem-accepts-nothing", vec![]),
            Self::LanguageCode => ("problem-language-code", vec![]),
            Self::LanguageTwice => ("problem-language-twice", vec![]),
            Self::Diet => ("problem-diet", vec![]),
            Self::CustomDiet => ("problem-custom-diet", vec![]),
            Self::SkippedTime { zone } => ("problem-skipped-time", vec![("zone", id(zone))]),
            Self::EndBeforeStart => ("problem-end-before-start", vec![]),
            Self::WeeklyEnd => ("problem-weekly-end", vec![]),
            Self::Latitude => ("problem-latitude", vec![]),
            Self::Longitude => ("problem-longitude", vec![]),
            Self::Travel => ("problem-travel", vec![]),
            Self::UnknownId { side, id: other } => (
                "problem-unknown-id",
                vec![("side", side.arg()), ("id", id(other))],
            ),
            Self::RankedTwice { side, id: other } => (
                "problem-ranked-twice",
                vec![("side", side.arg()), ("id", id(other))],
            ),
            Self::ListedTwice { side, id: other } => (
                "problem-listed-twice",
                vec![("side", side.arg()), ("id", id(other))],
            ),
            Self::UnknownHost { id: host } => ("problem-unknown-host", vec![("id", id(host))]),
            Self::UnknownMet { id: other } => ("problem-unknown-met", vec![("id", id(other))]),
            Self::MetSamePerson => ("problem-met-same-person", vec![]),
            Self::SetTooSmall => ("problem-set-too-small", vec![]),
            Self::ApartAndTogether { first, second } => (
                "problem-apart-and-together",
                vec![("first", id(first)), ("second", id(second))],
            ),
            Self::LockedTwice { id: seeker, wants } if *wants <= 1 => {
                ("problem-locked-twice", vec![("id", id(seeker))])
            }
            Self::LockedTwice { id: seeker, wants } => (
                "problem-locked-beyond-wants",
                vec![("id", id(seeker)), ("wants", (*wants).into())],
            ),
            Self::PastWindow => ("problem-past-window", vec![]),
            Self::Swapped => ("problem-swapped", vec![]),
            Self::Far => ("problem-far", vec![]),
            Self::NoShows => ("problem-no-shows", vec![]),
            Self::Other { message } => ("", vec![("message", id(message))]),
        }
    }

    /// The message in `m`'s language.
    #[must_use]
    pub fn text(&self, m: &Messages) -> String {
        match self {
            Self::Other { message } => message.clone(),
            _ => {
                let (id, args) = self.message();
                m.text(id, &args)
            }
        }
    }

    /// The message in English: what [`Problem::message`](super::Problem) holds.
    #[must_use]
    pub fn english(&self) -> String {
        match self {
            Self::Other { message } => message.clone(),
            _ => crate::i18n::with_english(|m| self.text(m)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// One of every kind (but `Other`, which has no message id), with arguments.
    fn every_kind() -> Vec<ProblemKind> {
        use ProblemKind as K;
        let s = |x: &str| x.to_owned();
        let all = vec![
            K::Version { found: 9 },
            K::TimeZone,
            K::AtLeastOne,
            K::SeatsAtLeastOne,
            K::LargerThanEveryCapacity {
                seats: 9,
                largest: 6,
            },
            K::Priority,
            K::MinimumAboveCapacity {
                minimum: 8,
                capacity: 6,
            },
            K::HostSize,
            K::HostNotNamed { id: s("h1") },
            K::Weight,
            K::HalfLife,
            K::Distance,
            K::Reliability,
            K::NeedsToday,
            K::Empty,
            K::Duplicate {
                first: s("seekers[0].id"),
            },
            K::EmptyTag,
            K::AcceptsNothing,
            K::LanguageCode,
            K::LanguageTwice,
            K::Diet,
            K::CustomDiet,
            K::SkippedTime {
                zone: s("Europe/Stockholm"),
            },
            K::EndBeforeStart,
            K::WeeklyEnd,
            K::Latitude,
            K::Longitude,
            K::Travel,
            K::UnknownId {
                side: Side::Seeker,
                id: s("s9"),
            },
            K::UnknownId {
                side: Side::Provider,
                id: s("p9"),
            },
            K::RankedTwice {
                side: Side::Seeker,
                id: s("s1"),
            },
            K::RankedTwice {
                side: Side::Provider,
                id: s("p1"),
            },
            K::ListedTwice {
                side: Side::Seeker,
                id: s("s1"),
            },
            K::ListedTwice {
                side: Side::Provider,
                id: s("p1"),
            },
            K::UnknownHost { id: s("h9") },
            K::UnknownMet { id: s("x9") },
            K::MetSamePerson,
            K::SetTooSmall,
            K::ApartAndTogether {
                first: s("s1"),
                second: s("s2"),
            },
            K::LockedTwice {
                id: s("s1"),
                wants: 1,
            },
            K::LockedTwice {
                id: s("s1"),
                wants: 2,
            },
            K::PastWindow,
            K::Swapped,
            K::Far,
            K::NoShows,
        ];
        // A new kind must be added above: this match has no wildcard.
        let covered = |k: &ProblemKind| match k {
            K::Version { .. }
            | K::TimeZone
            | K::AtLeastOne
            | K::SeatsAtLeastOne
            | K::LargerThanEveryCapacity { .. }
            | K::Priority
            | K::MinimumAboveCapacity { .. }
            | K::HostSize
            | K::HostNotNamed { .. }
            | K::Weight
            | K::HalfLife
            | K::Distance
            | K::Reliability
            | K::NeedsToday
            | K::Empty
            | K::Duplicate { .. }
            | K::EmptyTag
            | K::AcceptsNothing
            | K::LanguageCode
            | K::LanguageTwice
            | K::Diet
            | K::CustomDiet
            | K::SkippedTime { .. }
            | K::EndBeforeStart
            | K::WeeklyEnd
            | K::Latitude
            | K::Longitude
            | K::Travel
            | K::UnknownId { .. }
            | K::RankedTwice { .. }
            | K::ListedTwice { .. }
            | K::UnknownHost { .. }
            | K::UnknownMet { .. }
            | K::MetSamePerson
            | K::SetTooSmall
            | K::ApartAndTogether { .. }
            | K::LockedTwice { .. }
            | K::PastWindow
            | K::Swapped
            | K::Far
            | K::NoShows => true,
            K::Other { .. } => false,
        };
        assert!(all.iter().all(covered));
        let mut ids: Vec<&str> = all.iter().map(|k| k.message().0).collect();
        ids.dedup();
        assert_eq!(ids.len(), 42, "one of every message");
        all
    }

    #[test]
    fn every_kind_is_said_in_both_languages_with_its_arguments() {
        for lang in [Lang::En, Lang::Sv] {
            let m = Messages::new(lang);
            for kind in every_kind() {
                let (id, args) = kind.message();
                let text = m
                    .checked_text(id, &args)
                    .unwrap_or_else(|e| panic!("{lang}.ftl, {id}: {e}"));
                assert!(
                    !text.contains("{ $") && !text.contains("{$"),
                    "{lang} {id}: {text}"
                );
                assert!(!text.is_empty() && text != id, "{lang} {id}");
            }
        }
        let en = Messages::new(Lang::En);
        let sv = Messages::new(Lang::Sv);
        assert_eq!(
            ProblemKind::AtLeastOne.english(),
            "must be at least 1",
            "English is the stable form"
        );
        assert_eq!(ProblemKind::AtLeastOne.text(&sv), "måste vara minst 1");
        let other = ProblemKind::Other {
            message: "as it is".into(),
        };
        assert_eq!(
            (other.text(&en), other.text(&sv)),
            ("as it is".into(), "as it is".into())
        );
    }
}
