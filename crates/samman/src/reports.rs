//! The command's readable reports, in the chosen language: the check of an instance, the
//! summary of a plan, a plan's metrics (and several side by side), rounds, a running dinner
//! and the suggestions for a seeker. Every word comes from the Fluent resources
//! ([`crate::i18n`]); the command only prints the text. `--json` output is not made here.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::graph::{GraphEstimate, GraphStats};
use crate::i18n::{Arg, Messages};
use crate::metrics::{self, Violation};
use crate::model::Instance;
use crate::plan::Plan;
use crate::rounds::{Absence, RoundsPlan};
use crate::running_dinner::DinnerPlan;
use crate::sheets::report::{group_rules, reason_text, solver_text};
use crate::solve::SolverKind;
use crate::suggest::Suggestion;
use crate::validate::{Problem, Report};

/// The check of an instance (`samman validate`): errors and warnings apart, each line placed
/// by `at` (the spreadsheet's file, row and column) or else by its JSON path. With `strict`,
/// the warnings are said to count as errors.
#[must_use]
pub fn validation(
    m: &Messages,
    file: &str,
    report: &Report,
    at: &dyn Fn(&Problem) -> Option<String>,
    strict: bool,
) -> String {
    let mut out = String::new();
    let (errors, warnings) = (&report.errors, &report.warnings);
    let list = |out: &mut String, word: &str, problems: &[Problem]| {
        let word = m.get(word);
        for problem in problems {
            let at = at(problem).unwrap_or_else(|| problem.path.clone());
            let _ = writeln!(out, "  {word}: {at}: {}", problem.text(m));
        }
    };
    if errors.is_empty() && warnings.is_empty() {
        let _ = writeln!(out, "{}", m.text("check-valid", &[("file", file.into())]));
    }
    if !errors.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            m.text(
                "check-errors",
                &[("file", file.into()), ("n", errors.len().into())]
            )
        );
        list(&mut out, "check-error", errors);
    }
    if !warnings.is_empty() {
        let id = if strict {
            "check-warnings-strict"
        } else {
            "check-warnings"
        };
        let _ = writeln!(
            out,
            "{}",
            m.text(id, &[("file", file.into()), ("n", warnings.len().into())])
        );
        list(&mut out, "check-warning", warnings);
    }
    out
}

/// Who a plan places, which solver made it and why, and why the rest are not placed (the
/// six commonest reasons): what `samman solve` tells besides the plan.
#[must_use]
pub fn plan_summary(m: &Messages, instance: &Instance, plan: &Plan) -> String {
    let mut out = String::new();
    let people: u64 = instance
        .seekers
        .iter()
        .map(crate::model::Seeker::people_wanted)
        .sum();
    let served = plan.served(instance);
    let mut details = vec![format!("{} s", m.decimal(plan.stats.seconds, 2))];
    if let (Some(bound), Some(gap)) = (plan.stats.bound, plan.stats.gap) {
        details.push(m.text(
            "report-gap",
            &[
                ("bound", m.decimal(bound, 1).into()),
                ("gap", m.decimal(100.0 * gap, 1).into()),
            ],
        ));
    }
    let _ = writeln!(
        out,
        "{}; {}",
        m.text("report-solver", &[("solver", solver_text(m, plan).into())]),
        details.join("; ")
    );
    let percent = 100.0 * plan.people_placed as f64 / people.max(1) as f64;
    let _ = writeln!(
        out,
        "{}",
        m.text(
            "report-placed",
            &[
                ("parties", served.placed().into()),
                ("all_parties", instance.seekers.len().into()),
                ("people", plan.people_placed.into()),
                ("all_people", people.into()),
                ("percent", m.decimal(percent, 0).into()),
            ],
        )
    );
    if instance.seekers.iter().any(|s| s.wants > 1) {
        let _ = writeln!(
            out,
            "{}",
            m.text(
                "report-served",
                &[
                    ("fully", served.fully.into()),
                    ("partly", served.partly.into()),
                    ("not", served.not.into()),
                ],
            )
        );
    }
    let taking_place = {
        let mut ids: Vec<&str> = plan.matches.iter().map(|x| x.provider.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let seats: u64 = instance
        .providers
        .iter()
        .map(|p| u64::from(p.capacity))
        .sum();
    let used: u64 = plan.matches.iter().map(|x| u64::from(x.seats)).sum();
    let _ = writeln!(
        out,
        "{}",
        m.text(
            "report-taking-place",
            &[
                ("taking", taking_place.into()),
                ("providers", instance.providers.len().into()),
                ("cancelled", plan.cancelled.len().into()),
                ("used", used.into()),
                ("seats", seats.into()),
            ],
        )
    );
    if !plan.moves.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            m.text("report-moves", &[("n", plan.moves.len().into())])
        );
    }
    let mut reasons: Vec<(String, usize)> = Vec::new();
    for unplaced in &plan.unplaced {
        let reason = reason_text(m, instance, unplaced);
        match reasons.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, n)) => *n += 1,
            None => reasons.push((reason, 1)),
        }
    }
    reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if !reasons.is_empty() {
        let _ = writeln!(out, "{}", m.get("report-why-not-placed"));
        for (reason, n) in reasons.iter().take(6) {
            let _ = writeln!(out, "  {n:>5}  {reason}");
        }
    }
    out
}

/// `samman demo`'s report: the generated programme, its candidate graph and the plan's
/// summary ([`plan_summary`]).
#[must_use]
pub fn demo(m: &Messages, instance: &Instance, graph: &GraphStats, plan: &Plan) -> String {
    let people: u64 = instance
        .seekers
        .iter()
        .map(|s| u64::from(s.party_size))
        .sum();
    let mut out = m.text(
        "report-demo",
        &[
            ("parties", instance.seekers.len().into()),
            ("people", people.into()),
            ("providers", instance.providers.len().into()),
        ],
    );
    out.push('\n');
    out += &m.text(
        "report-graph",
        &[
            ("edges", graph.edges.into()),
            ("isolated", graph.isolated_seekers.into()),
        ],
    );
    out.push('\n');
    out + &plan_summary(m, instance, plan)
}

fn rate(m: &Messages, x: Option<f64>) -> String {
    x.map_or_else(
        || "-".to_owned(),
        |x| m.text("percent", &[("x", m.decimal(100.0 * x, 1).into())]),
    )
}

fn num(m: &Messages, x: Option<f64>, places: usize) -> String {
    x.map_or_else(|| "-".to_owned(), |x| m.decimal(x, places))
}

/// `part of all` in the language.
fn of(m: &Messages, part: impl Into<Arg>, all: impl Into<Arg>) -> String {
    m.text("metric-of", &[("part", part.into()), ("all", all.into())])
}

/// The rows of a plan's metrics, as (label, value): what `samman evaluate` lists and `samman
/// compare` sets side by side.
#[must_use]
pub fn metric_rows(m: &Messages, r: &metrics::Report) -> Vec<(String, String)> {
    let label = |id: &str| m.get(id);
    let about = |id: &str, attribute: &str| m.text(id, &[("attribute", attribute.into())]);
    let p = &r.placement;
    let mut rows: Vec<(String, String)> = vec![
        (
            label("metric-valid"),
            if r.validity.valid {
                label("metric-yes")
            } else {
                m.text(
                    "metric-no-violations",
                    &[("n", r.validity.violations.len().into())],
                )
            },
        ),
        (
            label("metric-parties-placed"),
            format!(
                "{} ({})",
                of(m, p.parties_placed, p.parties),
                rate(m, p.party_rate)
            ),
        ),
        (
            label("metric-served"),
            m.text(
                "metric-served-value",
                &[
                    ("fully", p.fully_served.into()),
                    ("partly", p.partly_served.into()),
                    ("not", p.not_served.into()),
                ],
            ),
        ),
        (
            label("metric-people-placed"),
            format!(
                "{} ({})",
                of(m, p.people_placed, p.people),
                rate(m, p.people_rate)
            ),
        ),
        (
            label("metric-providers-taking-place"),
            of(m, p.providers_taking_place, p.providers),
        ),
        (
            label("metric-seats-used"),
            format!(
                "{} ({})",
                of(m, p.seats_used, p.seats),
                rate(m, p.seat_rate)
            ),
        ),
        (label("metric-total-score"), m.decimal(r.score.total, 2)),
        (label("metric-mean-score"), num(m, r.score.mean, 3)),
    ];
    for (criterion, c) in &r.score.criteria {
        if c.weight != 0.0 {
            rows.push((
                format!(
                    "  {}",
                    m.text(
                        "metric-criterion",
                        &[
                            ("criterion", criterion.name().into()),
                            ("weight", m.decimal_short(c.weight).into()),
                        ],
                    )
                ),
                m.decimal(c.mean, 3),
            ));
        }
    }
    let prefs = &r.preferences;
    rows.extend([
        (
            label("metric-with-preferences"),
            prefs.seekers_with_list.to_string(),
        ),
        (
            format!("  {}", label("metric-first-choice")),
            rate(m, prefs.first_choice),
        ),
        (format!("  {}", label("metric-top3")), rate(m, prefs.top3)),
        (
            format!("  {}", label("metric-mean-rank")),
            num(m, prefs.mean_rank, 2),
        ),
        (
            label("metric-blocking-pairs"),
            r.stability.blocking_pairs.to_string(),
        ),
        (
            label("metric-justified-envy"),
            m.text(
                "metric-envy-value",
                &[
                    ("n", r.stability.justified_envy.into()),
                    ("seekers", r.stability.seekers_with_justified_envy.into()),
                ],
            ),
        ),
        (label("metric-gini"), num(m, r.fairness.gini, 3)),
    ]);
    for a in &r.fairness.attributes {
        rows.push((
            about("metric-rate-ratio", &a.attribute),
            num(m, a.placement_rate_ratio, 3),
        ));
        rows.push((
            about("metric-worst-off", &a.attribute),
            match (&a.worst_off_group, a.worst_off_score) {
                (Some(g), Some(x)) => format!("{g} ({})", m.decimal(x, 3)),
                _ => "-".into(),
            },
        ));
    }
    let c = &r.composition;
    rows.push((
        label("metric-newcomer-share"),
        rate(m, c.newcomer_share.as_ref().map(|x| x.mean)),
    ));
    rows.push((
        label("metric-single-origin"),
        c.single_origin_providers.to_string(),
    ));
    for (attribute, n) in &c.lone_member_providers {
        rows.push((about("metric-lone", attribute), n.to_string()));
    }
    for (attribute, x) in &c.mixing_index {
        rows.push((about("metric-mixing", attribute), num(m, *x, 3)));
    }
    let t = &r.travel;
    rows.extend([
        (
            label("metric-travel"),
            [t.mean_km, t.median_km, t.p90_km, t.max_km]
                .iter()
                .map(|x| num(m, *x, 2))
                .collect::<Vec<_>>()
                .join(" / "),
        ),
        (
            label("metric-shared-language"),
            rate(m, r.language.shared_conversational),
        ),
        (
            label("metric-repeated-pairs"),
            r.history.repeated_pairs.to_string(),
        ),
        (
            label("metric-kept-pairs"),
            format!(
                "{} ({})",
                of(m, r.history.kept_pairs, r.history.seekers_with_history),
                rate(m, r.history.continuity_rate)
            ),
        ),
        (
            label("metric-no-shows"),
            m.decimal(r.reliability.expected_no_shows, 2),
        ),
        (
            label("metric-affected"),
            m.decimal(r.reliability.expected_people_affected, 2),
        ),
    ]);
    rows
}

/// A broken rule of a plan in words; entries of the plan are counted from 1.
#[must_use]
pub fn violation(m: &Messages, instance: &Instance, v: &Violation) -> String {
    match v {
        Violation::UnknownSeeker { entry, seeker } => m.text(
            "violation-unknown-seeker",
            &[
                ("entry", (entry + 1).into()),
                ("seeker", seeker.as_str().into()),
            ],
        ),
        Violation::UnknownProvider { entry, provider } => m.text(
            "violation-unknown-provider",
            &[
                ("entry", (entry + 1).into()),
                ("provider", provider.as_str().into()),
            ],
        ),
        Violation::PlacedTwice { entry, seeker } => m.text(
            "violation-placed-twice",
            &[
                ("entry", (entry + 1).into()),
                ("seeker", seeker.as_str().into()),
            ],
        ),
        Violation::PairRules {
            seeker,
            provider,
            rules,
        } => {
            let names: Vec<String> = rules.iter().map(|r| r.name().to_owned()).collect();
            m.text(
                "violation-pair-rules",
                &[
                    ("seeker", seeker.as_str().into()),
                    ("provider", provider.as_str().into()),
                    ("rules", m.list(&names).into()),
                ],
            )
        }
        Violation::GroupRules { provider, rules } => m.text(
            "violation-group-rules",
            &[
                ("provider", provider.as_str().into()),
                ("rules", group_rules(m, instance, rules).into()),
            ],
        ),
        Violation::KeepTogether { set } => {
            m.text("violation-keep-together", &[("set", (set + 1).into())])
        }
        Violation::HostEvents {
            host,
            events,
            max_events,
        } => m.text(
            "violation-host-events",
            &[
                ("host", host.as_str().into()),
                ("events", (*events).into()),
                ("max", (*max_events).into()),
            ],
        ),
        Violation::TimesOverlap { seeker, providers } => {
            let names: Vec<String> = providers.iter().map(ToString::to_string).collect();
            m.text(
                "violation-times-overlap",
                &[
                    ("seeker", seeker.as_str().into()),
                    ("providers", m.list(&names).into()),
                ],
            )
        }
        Violation::LockNotKept { seeker, provider } => m.text(
            "violation-lock-not-kept",
            &[
                ("seeker", seeker.as_str().into()),
                ("provider", provider.as_str().into()),
            ],
        ),
    }
}

/// Rows as an aligned two-column list.
fn aligned(rows: &[(String, String)]) -> String {
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (label, value) in rows {
        let pad = width - label.chars().count();
        let _ = writeln!(out, "{label}{}  {value}", " ".repeat(pad));
    }
    out
}

/// A plan's metrics (`samman evaluate`): the rows of [`metric_rows`], then each broken rule,
/// the groups of each attribute and, when listed, the blocking pairs.
#[must_use]
pub fn metrics(m: &Messages, instance: &Instance, r: &metrics::Report) -> String {
    let mut out = aligned(&metric_rows(m, r));
    for v in &r.validity.violations {
        let _ = writeln!(
            out,
            "{}",
            m.text(
                "metric-violation",
                &[("what", violation(m, instance, v).into())]
            )
        );
    }
    for a in &r.fairness.attributes {
        let groups: Vec<String> = a
            .groups
            .iter()
            .map(|g| match (g.suppressed, g.seekers) {
                (false, Some(n)) => m.text(
                    "metric-group",
                    &[
                        ("value", g.value.clone().into()),
                        ("n", n.into()),
                        ("rate", rate(m, g.placement_rate).into()),
                        ("score", num(m, g.mean_score, 3).into()),
                    ],
                ),
                _ => m.text(
                    "metric-suppressed",
                    &[("k", r.fairness.min_group_size.into())],
                ),
            })
            .collect();
        let _ = writeln!(out, "{}: {}", a.attribute, groups.join("; "));
    }
    if let Some(list) = &r.stability.blocking_pair_list {
        for pair in list {
            let _ = writeln!(
                out,
                "{}",
                m.text(
                    "metric-blocking-pair",
                    &[
                        ("seeker", pair.seeker.as_str().into()),
                        ("provider", pair.provider.as_str().into()),
                    ],
                )
            );
        }
    }
    out
}

/// Several solvers' metrics side by side (`samman compare`): each result is the solver, its
/// plan's metrics and the seconds it took.
#[must_use]
pub fn comparison(
    m: &Messages,
    instance: &Instance,
    results: &[(SolverKind, metrics::Report, f64)],
) -> String {
    let columns: Vec<Vec<(String, String)>> =
        results.iter().map(|(_, r, _)| metric_rows(m, r)).collect();
    let mut labels: Vec<String> = vec![m.get("metric-solver"), m.get("metric-seconds")];
    labels.extend(
        columns
            .first()
            .map(|c| c.iter().map(|(l, _)| l.clone()).collect::<Vec<_>>())
            .unwrap_or_default(),
    );
    let mut table: Vec<Vec<String>> = labels.iter().map(|l| vec![l.clone()]).collect();
    for ((kind, _, seconds), column) in results.iter().zip(&columns) {
        table[0].push(kind.name().to_owned());
        table[1].push(m.decimal(*seconds, 3));
        for (i, (_, value)) in column.iter().enumerate() {
            table[i + 2].push(value.clone());
        }
    }
    let widths: Vec<usize> = (0..=results.len())
        .map(|j| {
            table
                .iter()
                .map(|row| row.get(j).map_or(0, |c| c.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = m.text(
        "compare-size",
        &[
            ("seekers", instance.seekers.len().into()),
            ("providers", instance.providers.len().into()),
        ],
    );
    out.push('\n');
    for row in &table {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(j, cell)| {
                format!(
                    "{cell}{}",
                    " ".repeat(widths[j].saturating_sub(cell.chars().count()))
                )
            })
            .collect();
        out += cells.join("  ").trim_end();
        out.push('\n');
    }
    out
}

/// A plan of rounds (`samman rounds`): repeats, how many new people each person meets, and
/// each round's tables.
#[must_use]
pub fn rounds(m: &Messages, plan: &RoundsPlan) -> String {
    let mut out = String::new();
    let x = &plan.metrics;
    let _ = writeln!(
        out,
        "{}",
        m.text(
            if plan.stats.complete {
                "rounds-summary"
            } else {
                "rounds-summary-time-limit"
            },
            &[
                ("rounds", plan.rounds.len().into()),
                ("repeats", plan.repeat_pairs.into()),
                ("steps", plan.stats.iterations.into()),
                ("seconds", m.decimal(plan.stats.seconds, 2).into()),
            ],
        )
    );
    let _ = writeln!(
        out,
        "{}",
        m.text(
            "rounds-people",
            &[
                ("new_min", x.new_acquaintances.min.into()),
                ("new_mean", m.decimal(x.new_acquaintances.mean, 1).into()),
                ("new_max", x.new_acquaintances.max.into()),
                ("out_min", x.sitting_out.min.into()),
                ("out_max", x.sitting_out.max.into()),
                ("host_min", x.hosting.min.into()),
                ("host_max", x.hosting.max.into()),
            ],
        )
    );
    for round in &plan.rounds {
        let heading = match round.date {
            Some(date) => m.text(
                "rounds-round-dated",
                &[
                    ("round", round.round.into()),
                    ("date", date.to_string().into()),
                ],
            ),
            None => m.text("rounds-round", &[("round", round.round.into())]),
        };
        let _ = writeln!(out, "{heading}");
        for group in &round.groups {
            let members: Vec<&str> = group.members.iter().map(|id| id.as_str()).collect();
            let table = match &group.host {
                Some(host) => m.text(
                    "rounds-hosted",
                    &[
                        ("table", group.provider.as_str().into()),
                        ("host", host.as_str().into()),
                    ],
                ),
                None => group.provider.as_str().to_owned(),
            };
            let _ = writeln!(out, "  {table}: {}", members.join(", "));
        }
        if !round.sitting_out.is_empty() {
            let ids: Vec<&str> = round.sitting_out.iter().map(|id| id.as_str()).collect();
            let _ = writeln!(
                out,
                "  {}",
                m.text("rounds-sitting-out", &[("ids", ids.join(", ").into())])
            );
        }
        for u in &round.unseated {
            let why = match &u.reason {
                Absence::NoFeasibleTable => m.get("rounds-no-table"),
                Absence::NoSeat => m.get("rounds-no-seat"),
                Absence::Group { rules } => {
                    let names: Vec<String> = rules.iter().map(|r| r.name().to_owned()).collect();
                    m.text("rounds-broke", &[("rules", m.list(&names).into())])
                }
            };
            let _ = writeln!(
                out,
                "  {}",
                m.text(
                    "rounds-unseated",
                    &[("seeker", u.seeker.as_str().into()), ("why", why.into())],
                )
            );
        }
    }
    for repeat in &plan.repeats {
        let rounds: Vec<String> = repeat.rounds.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            out,
            "{}",
            m.text(
                if repeat.in_history {
                    "rounds-repeat-before"
                } else {
                    "rounds-repeat"
                },
                &[
                    ("a", repeat.people[0].as_str().into()),
                    ("b", repeat.people[1].as_str().into()),
                    ("rounds", m.list(&rounds).into()),
                ],
            )
        );
    }
    out
}

/// A running dinner (`samman running-dinner`): the evening in figures, then every team's
/// route and, after cancellations, what changed.
#[must_use]
pub fn running_dinner(m: &Messages, plan: &DinnerPlan) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        m.text(
            "dinner-summary",
            &[
                ("teams", plan.teams.len().into()),
                ("courses", plan.courses.into()),
                ("repeats", plan.repeat_meetings.into()),
                ("uncatered", plan.uncatered.into()),
                ("km", m.decimal(plan.total_km, 1).into()),
                ("lower", m.decimal(plan.lower_bound_km, 1).into()),
            ],
        )
    );
    for note in &plan.notes {
        let _ = writeln!(
            out,
            "{}",
            m.text("dinner-note", &[("note", note.as_str().into())])
        );
    }
    for team in &plan.teams {
        let _ = writeln!(
            out,
            "  {}",
            m.text(
                "dinner-team",
                &[
                    ("team", team.id.as_str().into()),
                    ("course", team.hosts.into()),
                    ("route", team.route.join(" -> ").into()),
                    ("km", m.decimal(team.km, 1).into()),
                ],
            )
        );
    }
    for change in &plan.changes {
        let _ = writeln!(
            out,
            "{}",
            m.text(
                "dinner-change",
                &[
                    ("team", change.team.as_str().into()),
                    ("course", change.course.into()),
                    ("to", change.to.as_str().into()),
                    ("from", change.from.as_str().into()),
                ],
            )
        );
    }
    out
}

/// A seeker's best providers (`samman suggest`): rank, score and, against a plan, free
/// seats, whether the seeker is there now and who would move.
#[must_use]
pub fn suggestions(
    m: &Messages,
    seeker: &str,
    suggestions: &[Suggestion],
    with_plan: bool,
) -> String {
    if suggestions.is_empty() {
        return m.text("suggest-none", &[("seeker", seeker.into())]) + "\n";
    }
    let mut out = String::new();
    for (rank, s) in suggestions.iter().enumerate() {
        out += &m.text(
            "suggest-line",
            &[
                ("rank", (rank + 1).into()),
                ("provider", s.provider.as_str().into()),
                ("score", m.decimal(s.score, 3).into()),
            ],
        );
        if with_plan {
            out += &m.text("suggest-free", &[("n", s.free_seats.into())]);
            if s.current {
                out += &m.get("suggest-current");
            }
            if !s.displaced.is_empty() {
                let ids: Vec<&str> = s.displaced.iter().map(|id| id.as_str()).collect();
                out += &m.text("suggest-move", &[("ids", ids.join(" ").into())]);
            }
        }
        out.push('\n');
    }
    out
}

/// Bytes in binary units, to three significant figures or so.
fn bytes(m: &Messages, bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{} {}", m.decimal(value, 1), UNITS[unit])
    }
}

/// The size of the candidate graph before it is built (`samman graph`): seekers, providers,
/// feasible pairs (and whether they pass `limit`) and the memory.
#[must_use]
pub fn graph_estimate(m: &Messages, estimate: &GraphEstimate, limit: u64) -> String {
    let edges = if estimate.edges > limit {
        m.text(
            "graph-over-limit",
            &[("edges", estimate.edges.into()), ("limit", limit.into())],
        )
    } else {
        estimate.edges.to_string()
    };
    m.text(
        "graph-estimate",
        &[
            ("seekers", estimate.seekers.into()),
            ("providers", estimate.providers.into()),
            ("edges", edges.into()),
            ("memory", bytes(m, estimate.bytes).into()),
        ],
    ) + "\n"
}

/// The built candidate graph (`samman graph`): its size, degrees, who has no feasible
/// partner, and the seekers with none counted by the rule that alone excludes the most.
#[must_use]
pub fn graph(m: &Messages, stats: &GraphStats, isolated: &BTreeMap<String, usize>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        m.text(
            "graph-built",
            &[
                ("seekers", stats.seekers.into()),
                ("providers", stats.providers.into()),
                ("edges", stats.edges.into()),
                ("seconds", m.decimal(stats.build_seconds, 2).into()),
            ],
        )
    );
    for (id, d) in [
        ("graph-seeker-degree", &stats.seeker_degree),
        ("graph-provider-degree", &stats.provider_degree),
    ] {
        let _ = writeln!(
            out,
            "{}",
            m.text(
                id,
                &[
                    ("min", d.min.into()),
                    ("median", d.median.into()),
                    ("mean", m.decimal(d.mean, 1).into()),
                    ("p90", d.p90.into()),
                    ("max", d.max.into()),
                ],
            )
        );
    }
    let _ = writeln!(
        out,
        "{}",
        m.text(
            "graph-isolated",
            &[
                ("seekers", stats.isolated_seekers.into()),
                ("providers", stats.isolated_providers.into()),
            ],
        )
    );
    if !isolated.is_empty() {
        let _ = writeln!(out, "{}", m.get("graph-isolated-by-rule"));
        for (rule, seekers) in isolated {
            let _ = writeln!(out, "  {rule:<15} {seekers}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every message id this module asks for (a quoted `word-word` literal) exists in both
    /// languages: a missing one would print as its id.
    #[test]
    fn every_id_used_exists() {
        let source = include_str!("reports.rs");
        let ids: Vec<&str> = source
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| {
                s.contains('-')
                    && !s.starts_with('-')
                    && s.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            })
            .collect();
        assert!(ids.len() > 40, "{ids:?}");
        for lang in [Lang::En, Lang::Sv] {
            let m = Messages::new(lang);
            for id in ids.iter().copied().chain(["percent"]) {
                assert!(m.has(id), "{lang}.ftl lacks {id}");
            }
        }
    }

    #[test]
    fn a_plan_summary_in_both_languages() {
        let instance = crate::generate::dinners(&crate::generate::Params {
            size: 40,
            seed: 2,
            ..crate::generate::Params::default()
        });
        let plan = crate::solve::solve(&instance, &crate::solve::Options::default()).unwrap();
        let en = plan_summary(&Messages::new(Lang::En), &instance, &plan);
        let sv = plan_summary(&Messages::new(Lang::Sv), &instance, &plan);
        assert!(en.contains(" of 40 parties"), "{en}");
        assert!(sv.contains(" av 40 sällskap"), "{sv}");
        assert!(!sv.contains("report-"), "{sv}");
    }
}
