//! What is wrong with a running dinner, as a message id of `en.ftl` and `sv.ftl` with its
//! arguments: the English text is [`DinnerError`](super::DinnerError)'s message, the stable
//! form of `--json` output; a report says it in the reader's language. Arguments are ids,
//! counts and course numbers, never a team's location or other values.

use crate::i18n::{Arg, Messages};

/// One problem of a running dinner or of a cancellation against a previous plan.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DinnerProblem {
    /// A format version other than 1.
    Version,
    /// Fewer than 2 or more than 12 courses.
    Courses,
    /// Too few teams for the courses.
    TooFewTeams {
        /// The teams given.
        teams: usize,
        /// The courses.
        courses: usize,
    },
    /// An empty team id.
    EmptyId,
    /// A team id used twice.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A team of 0 people.
    Size,
    /// Coordinates out of range.
    Location,
    /// A course number out of range in `cannot_host`.
    CourseNumber {
        /// The number of courses.
        courses: u32,
    },
    /// A team that can host no course.
    MustHost,
    /// The course wishes leave some course without its hosts.
    Wishes {
        /// The number of courses.
        courses: usize,
        /// How many teams host each course, such as `[4, 4, 3]`.
        hosts: Vec<usize>,
    },
    /// An id that is not a team of the dinner.
    UnknownTeam {
        /// The id.
        id: String,
    },
    /// A previous route of the wrong length.
    RouteLength {
        /// The number of courses.
        courses: usize,
    },
    /// A previous plan that does not route every team.
    EveryTeam,
}

impl DinnerProblem {
    /// The message id and its arguments.
    fn message(&self) -> (&'static str, Vec<(&'static str, Arg)>) {
        match self {
            Self::Version => ("dinner-version", vec![]),
            Self::Courses => ("dinner-courses", vec![]),
            Self::TooFewTeams { teams, courses } => (
                "dinner-too-few-teams",
                vec![
                    ("teams", (*teams).into()),
                    ("courses", (*courses).into()),
                    ("needed", (2 * courses).into()),
                ],
            ),
            Self::EmptyId => ("dinner-empty-id", vec![]),
            Self::DuplicateId { id } => ("dinner-duplicate-id", vec![("id", id.as_str().into())]),
            Self::Size => ("dinner-size", vec![]),
            Self::Location => ("dinner-location", vec![]),
            Self::CourseNumber { courses } => {
                ("dinner-course-number", vec![("courses", (*courses).into())])
            }
            Self::MustHost => ("dinner-must-host", vec![]),
            Self::Wishes { courses, hosts } => (
                "dinner-wishes",
                vec![
                    ("courses", (*courses).into()),
                    (
                        "hosts",
                        hosts
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                            .into(),
                    ),
                ],
            ),
            Self::UnknownTeam { id } => ("dinner-unknown-team", vec![("id", id.as_str().into())]),
            Self::RouteLength { courses } => {
                ("dinner-route-length", vec![("courses", (*courses).into())])
            }
            Self::EveryTeam => ("dinner-every-team", vec![]),
        }
    }

    /// The problem in the language of `m`.
    #[must_use]
    pub fn text(&self, m: &Messages) -> String {
        let (id, args) = self.message();
        m.text(id, &args)
    }

    /// The problem in English: the error's message.
    #[must_use]
    pub fn english(&self) -> String {
        crate::i18n::with_english(|m| self.text(m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_problem_has_words_in_both_languages() {
        let all = [
            DinnerProblem::Version,
            DinnerProblem::Courses,
            DinnerProblem::TooFewTeams {
                teams: 3,
                courses: 3,
            },
            DinnerProblem::EmptyId,
            DinnerProblem::DuplicateId { id: "t1".into() },
            DinnerProblem::Size,
            DinnerProblem::Location,
            DinnerProblem::CourseNumber { courses: 3 },
            DinnerProblem::MustHost,
            DinnerProblem::Wishes {
                courses: 3,
                hosts: vec![4, 4, 3],
            },
            DinnerProblem::UnknownTeam { id: "t9".into() },
            DinnerProblem::RouteLength { courses: 3 },
            DinnerProblem::EveryTeam,
        ];
        for problem in &all {
            let (id, _) = problem.message();
            let en = problem.text(&Messages::new(Lang::En));
            let sv = problem.text(&Messages::new(Lang::Sv));
            for text in [&en, &sv] {
                assert!(!text.is_empty() && !text.contains("{ $") && !text.contains(id));
            }
            assert_ne!(en, sv, "{id} is the same in both languages");
        }
    }
}
