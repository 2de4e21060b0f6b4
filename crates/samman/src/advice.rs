//! An explanation in words, in the coordinator's language: why a person is or is not placed,
//! and what would help, the coordinator's own changes first and the person's last and
//! labelled as theirs. The command's `explain`, the workbook's "Not placed" sheet and every
//! front that shows an explanation as text read it from here.

use crate::explain::{Change, Explanation, Side};
use crate::i18n::Messages;
use crate::model::{DatedWindow, WeeklyWindow};

/// What would help, in one sentence per side: what the coordinator can do (verify or ask named
/// providers, allow a little more travel), then, labelled, what the person would have to do (be
/// available at another time). A person is never asked to learn a language, change their diet
/// or what they came for. `label` names a provider by its id (`Hassan (vol-3)` where a
/// spreadsheet gives the name).
#[must_use]
pub fn help(m: &Messages, label: &dyn Fn(&str) -> String, e: &Explanation) -> String {
    let opens = |n: usize| m.text("help-opens", &[("n", n.into())]);
    let providers = |ids: &[crate::model::ProviderId]| {
        let mut names: Vec<String> = ids.iter().take(3).map(|id| label(id.as_str())).collect();
        if ids.len() > names.len() {
            names.push(m.text("help-more", &[("n", (ids.len() - names.len()).into())]));
        }
        m.list(&names)
    };
    let (mut coordinator, mut person) = (Vec::new(), Vec::new());
    for r in &e.relaxations {
        let args = |key: &'static str, value: String| {
            [(key, value.into()), ("opens", opens(r.opens).into())]
        };
        let text = match &r.change {
            Change::Verify { providers: ids } => {
                m.text("help-verify", &args("providers", providers(ids)))
            }
            Change::CaterFor { providers: ids } => {
                m.text("help-cater", &args("providers", providers(ids)))
            }
            Change::TravelFurther { extra_km, .. } => {
                m.text("help-travel", &args("km", m.decimal(*extra_km, 1)))
            }
            Change::AddDatedWindow { window } => {
                m.text("help-date", &args("window", dated(window)))
            }
            Change::AddWeeklyWindow { window } => {
                m.text("help-date", &args("window", weekly(window)))
            }
        };
        match r.change.side() {
            Side::Coordinator => coordinator.push(text),
            Side::Person => person.push(text),
        }
    }
    let mut parts = coordinator;
    if !person.is_empty() {
        parts.push(format!(
            "{} {}",
            m.get("help-for-person"),
            person.join("; ")
        ));
    }
    if parts.is_empty() {
        m.get("help-none")
    } else {
        parts.join(". ")
    }
}

/// The whole explanation as the command prints it: the match and its score, or that the
/// person is not placed; how many providers pass every pair rule and what each rule excludes;
/// with a plan, where the seats went; expired verifications; and what would help.
#[must_use]
pub fn explanation(
    m: &Messages,
    label: &dyn Fn(&str) -> String,
    e: &Explanation,
    with_plan: bool,
) -> String {
    let mut lines = Vec::new();
    match &e.placed {
        Some(first) => {
            for placed in std::iter::once(first).chain(&e.also_placed) {
                let criteria: Vec<String> = placed
                    .contributions
                    .iter()
                    .filter(|c| c.contribution != 0.0)
                    .map(|c| format!("{} {:.3} × {:.3}", c.criterion.name(), c.weight, c.value))
                    .collect();
                lines.push(m.text(
                    "explain-placed",
                    &[
                        ("seeker", e.seeker.as_str().into()),
                        ("provider", label(placed.provider.as_str()).into()),
                        ("score", format!("{:.3}", placed.score).into()),
                        ("criteria", criteria.join(" + ").into()),
                    ],
                ));
                if !placed.broken_rules.is_empty() {
                    let names: Vec<String> = placed
                        .broken_rules
                        .iter()
                        .map(|r| r.name().to_owned())
                        .collect();
                    lines.push(m.text("explain-breaks", &[("rules", m.list(&names).into())]));
                }
            }
        }
        None if with_plan => {
            lines.push(m.text(
                "explain-not-placed",
                &[("seeker", e.seeker.as_str().into())],
            ));
        }
        None => {}
    }
    lines.push(m.text(
        "explain-feasible",
        &[
            ("feasible", e.feasible.into()),
            ("providers", e.providers.into()),
        ],
    ));
    for (rule, n) in &e.excluded {
        let only = e.excluded_only.get(rule).copied().unwrap_or(0);
        lines.push(format!(
            "  {}",
            m.text(
                "explain-excluded",
                &[
                    ("rule", m.get(&format!("rule-{}", rule.name())).into()),
                    ("n", (*n).into()),
                    ("only", only.into()),
                ],
            )
        ));
    }
    if let (Some(taken), Some(group), Some(open)) = (e.seats_taken, e.composition, e.open) {
        lines.push(format!(
            "  {}",
            m.text(
                "explain-seats",
                &[
                    ("taken", taken.into()),
                    ("group", group.into()),
                    ("open", open.into())
                ],
            )
        ));
    }
    for expired in &e.expired_verifications {
        let until = expired
            .valid_until
            .map_or_else(|| "-".to_owned(), |d| d.to_string());
        lines.push(m.text(
            "explain-expired",
            &[
                ("provider", label(expired.provider.as_str()).into()),
                ("until", until.into()),
            ],
        ));
    }
    if e.placed.is_none() {
        lines.push(m.text("explain-help", &[("help", help(m, label, e).into())]));
    }
    lines.join("\n") + "\n"
}

/// A dated window as a person reads it: `2026-09-05 17:00–23:00`.
fn dated(window: &DatedWindow) -> String {
    let (start, end) = (window.start.local, window.end.local);
    if start.date() == end.date() {
        format!(
            "{} {}–{}",
            start.format("%Y-%m-%d"),
            start.format("%H:%M"),
            end.format("%H:%M")
        )
    } else {
        format!(
            "{}–{}",
            start.format("%Y-%m-%d %H:%M"),
            end.format("%Y-%m-%d %H:%M")
        )
    }
}

/// A weekly window as a person reads it: `tue 18:00–21:00`.
fn weekly(window: &WeeklyWindow) -> String {
    format!(
        "{} {}–{}",
        &window.day.name()[..3],
        window.start,
        window.end
    )
}
