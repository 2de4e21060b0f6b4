//! What the coordinator's outputs say, computed once for every writer: the sheets of the
//! workbook (a summary, one block per provider with its people and what the host must know,
//! the people not placed with the reason and what would help, the changes from a previous
//! plan), as rows of cells in the chosen language. The writers only lay them out.

use std::collections::{BTreeMap, HashMap};

use crate::explain::Explanation;
use crate::i18n::Messages;
use crate::model::{Instance, Provider, Seeker};
use crate::plan::{Pairs, Plan, Reason, Unplaced};
use crate::rules::GroupRule;
use crate::session::Session;

use super::{PassThrough, Roster};

/// A cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
}

impl Cell {
    /// The cell as text.
    #[must_use]
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

/// How a line is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A block's title (a provider), in bold.
    Title,
    /// Column headers, in bold.
    Header,
    /// A fact about the block (seats, what the host must know), in italics.
    Note,
    /// Data.
    Plain,
    /// An empty line between blocks.
    Blank,
}

/// One line of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// How it is shown.
    pub style: Style,
    /// Its cells, from the first column.
    pub cells: Vec<Cell>,
}

impl Line {
    fn new(style: Style, cells: Vec<Cell>) -> Self {
        Self { style, cells }
    }
}

/// A sheet of the workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Its name (the tab).
    pub name: String,
    /// Its lines, from the first row.
    pub lines: Vec<Line>,
}

/// What the workbook is made from.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    /// The prepared instance the plan was made on.
    pub session: &'a Session,
    /// The people and their carried columns.
    pub roster: &'a Roster,
    /// The plan.
    pub plan: &'a Plan,
    /// Explanations of (some of) the unplaced seekers, for what would help; a seeker without
    /// one gets the plan's reason alone.
    pub explanations: &'a [Explanation],
    /// Whether to add the "Changes" sheet (a plan made against a previous one).
    pub changes: bool,
}

/// A person or provider as a list names them: `Name (id)`, or the id alone.
pub(crate) fn label(pass: &PassThrough, id: &str) -> String {
    pass.label(id)
}

fn carried(pass: &PassThrough, id: &str) -> Vec<Cell> {
    match pass.values(id) {
        Some(values) => values.iter().map(|v| Cell::Text(v.clone())).collect(),
        None => vec![Cell::Text(String::new()); pass.columns().len()],
    }
}

fn headers(m: &Messages, pass: &PassThrough) -> Vec<Cell> {
    std::iter::once(Cell::Text(m.get("col-id")))
        .chain(pass.columns().iter().map(|c| Cell::Text(c.clone())))
        .collect()
}

/// Explanations of every seeker the plan leaves out, against the plan, for the "Not placed"
/// sheet's suggestions.
///
/// # Errors
/// An [`crate::Error`] for a plan that does not fit the instance.
pub fn explain_unplaced(session: &Session, plan: &Plan) -> crate::Result<Vec<Explanation>> {
    let ids: Vec<_> = plan.unplaced.iter().map(|u| u.seeker.clone()).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    session.explain(Some(&Pairs::from(plan)), &ids)
}

/// The sheets of the coordinator's workbook, in `m`'s language.
#[must_use]
pub fn workbook(input: &ReportInput<'_>, m: &Messages) -> Vec<Sheet> {
    let mut sheets = vec![summary(input, m), lists(input, m), not_placed(input, m)];
    if input.changes {
        sheets.push(changes(input, m));
    }
    sheets
}

fn summary(input: &ReportInput<'_>, m: &Messages) -> Sheet {
    let instance = &input.roster.instance;
    let plan = input.plan;
    let people: u64 = instance
        .seekers
        .iter()
        .map(crate::model::Seeker::people_wanted)
        .sum();
    let served = plan.served(instance);
    let taking_place = {
        let mut ids: Vec<&str> = plan.matches.iter().map(|x| x.provider.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let row = |id: &str, value: Cell| Line::new(Style::Plain, vec![m.get(id).into(), value]);
    let count = |n: usize| Cell::Number(n as f64);
    let lines = vec![
        Line::new(Style::Title, vec![m.get("summary-title").into()]),
        row("summary-parties", count(instance.seekers.len())),
        row("summary-people", Cell::Number(people as f64)),
        row(
            "summary-placed",
            m.text(
                "summary-placed-value",
                &[
                    ("parties", served.placed().into()),
                    ("all_parties", instance.seekers.len().into()),
                    ("people", plan.people_placed.into()),
                    ("all_people", people.into()),
                ],
            )
            .into(),
        ),
        row("summary-not-placed", count(plan.unplaced.len())),
        row("summary-providers", count(instance.providers.len())),
        row("summary-taking-place", count(taking_place)),
        row("summary-cancelled", count(plan.cancelled.len())),
        row("summary-solver", solver_text(m, plan).into()),
    ];
    Sheet {
        name: m.get("sheet-summary"),
        lines,
    }
}

/// A diet's name in the language (`no pork`, `fläskfri`); a custom tag as written.
fn diet_name(m: &Messages, diet: &str) -> String {
    let id = format!("diet-{diet}");
    if m.has(&id) {
        m.get(&id)
    } else {
        diet.strip_prefix("custom:")
            .unwrap_or(diet)
            .replace('_', " ")
    }
}

/// Which solver made the plan, and with `auto` why: `groups (chosen because rules about
/// whole groups bind: a minimum size)`.
#[must_use]
pub fn solver_text(m: &Messages, plan: &Plan) -> String {
    match &plan.solver_choice {
        Some(choice) if choice.binding.is_empty() => m.text(
            "solver-auto-optimal",
            &[("solver", choice.ran.name().into())],
        ),
        Some(choice) => {
            let rules: Vec<String> = choice
                .binding
                .iter()
                .map(|r| m.get(&format!("binding-{r}")))
                .collect();
            m.text(
                "solver-auto-groups",
                &[
                    ("solver", choice.ran.name().into()),
                    ("rules", m.list(&rules).into()),
                ],
            )
        }
        None => m.text("solver-asked", &[("solver", plan.solver.name().into())]),
    }
}

/// What a host must know of the people placed there: `1 vegan, 2 halal; languages: sv, ar`.
fn must_know(m: &Messages, provider: &Provider, guests: &[&Seeker]) -> String {
    let mut diets: BTreeMap<String, u32> = BTreeMap::new();
    let mut languages: Vec<String> = Vec::new();
    for guest in guests {
        for diet in &guest.diet {
            *diets.entry(diet.to_string()).or_default() += guest.party_size;
        }
        for skill in &guest.languages {
            let code = skill.code.0.clone();
            let host_speaks = provider.languages.iter().any(|l| l.code == skill.code);
            if host_speaks && !languages.contains(&code) {
                languages.push(code);
            }
        }
    }
    let mut needs = Vec::new();
    if !diets.is_empty() {
        let diets: Vec<String> = diets
            .iter()
            .map(|(diet, n)| {
                m.text(
                    "block-diet-count",
                    &[("count", (*n).into()), ("diet", diet_name(m, diet).into())],
                )
            })
            .collect();
        needs.push(m.text("block-know-diets", &[("diets", diets.join(", ").into())]));
    }
    if !languages.is_empty() {
        needs.push(m.text(
            "block-know-languages",
            &[("languages", languages.join(", ").into())],
        ));
    }
    let needs = if needs.is_empty() {
        m.get("block-nothing-to-know")
    } else {
        needs.join("; ")
    };
    m.text("block-know", &[("needs", needs.into())])
}

fn lists(input: &ReportInput<'_>, m: &Messages) -> Sheet {
    let instance = &input.roster.instance;
    let (seekers, providers) = (&input.roster.seekers, &input.roster.providers);
    let seeker_ix = instance.seeker_indices();
    let mut placed: HashMap<&str, Vec<(&Seeker, u32)>> = HashMap::new();
    for x in &input.plan.matches {
        if let Some(&s) = seeker_ix.get(x.seeker.as_str()) {
            placed
                .entry(x.provider.as_str())
                .or_default()
                .push((&instance.seekers[s], x.seats));
        }
    }
    let cancelled: HashMap<&str, &[GroupRule]> = input
        .plan
        .cancelled
        .iter()
        .map(|c| (c.provider.as_str(), c.rules.as_slice()))
        .collect();
    let mut lines = Vec::new();
    let mut columns = headers(m, seekers);
    columns.push(m.get("col-people").into());
    for provider in &instance.providers {
        let id = provider.id.as_str();
        let mut title = vec![Cell::Text(id.to_owned())];
        title.extend(carried(providers, id));
        lines.push(Line::new(Style::Title, title));
        let guests = placed.get(id).map(Vec::as_slice).unwrap_or_default();
        let used: u32 = guests.iter().map(|(_, seats)| seats).sum();
        lines.push(Line::new(
            Style::Note,
            vec![
                m.text(
                    "block-seats",
                    &[
                        ("used", used.into()),
                        ("capacity", provider.capacity.into()),
                    ],
                )
                .into(),
            ],
        ));
        if guests.is_empty() {
            let note = match cancelled.get(id) {
                Some(rules) => m.text(
                    "block-cancelled",
                    &[("reason", group_rules(m, instance, rules).into())],
                ),
                None => m.get("block-empty"),
            };
            lines.push(Line::new(Style::Note, vec![note.into()]));
        } else {
            let people: Vec<&Seeker> = guests.iter().map(|(s, _)| *s).collect();
            lines.push(Line::new(
                Style::Note,
                vec![must_know(m, provider, &people).into()],
            ));
            lines.push(Line::new(Style::Header, columns.clone()));
            for (seeker, seats) in guests {
                let mut cells = vec![Cell::Text(seeker.id.as_str().to_owned())];
                cells.extend(carried(seekers, seeker.id.as_str()));
                cells.push(Cell::Number(f64::from(*seats)));
                lines.push(Line::new(Style::Plain, cells));
            }
        }
        lines.push(Line::new(Style::Blank, Vec::new()));
    }
    Sheet {
        name: m.get("sheet-lists"),
        lines,
    }
}

/// The group rules in words, joined.
pub(crate) fn group_rules(m: &Messages, _instance: &Instance, rules: &[GroupRule]) -> String {
    let words: Vec<String> = rules
        .iter()
        .map(|rule| match rule {
            GroupRule::LoneMember { attribute } => m.text(
                "group-lone_member",
                &[("attribute", attribute.clone().into())],
            ),
            other => m.get(&format!("group-{}", other.name())),
        })
        .collect();
    m.list(&words)
}

/// Why a seeker is not placed, in words.
pub(crate) fn reason_text(m: &Messages, instance: &Instance, unplaced: &Unplaced) -> String {
    match &unplaced.reason {
        Reason::NoFeasibleProvider { only, .. } => {
            let rule = only
                .iter()
                .max_by_key(|(rule, n)| (**n, std::cmp::Reverse(**rule)))
                .map_or_else(
                    || m.get("rule-several"),
                    |(rule, _)| m.get(&format!("rule-{}", rule.name())),
                );
            m.text("reason-no-provider", &[("rule", rule.into())])
        }
        Reason::SeatsTaken { feasible } => {
            m.text("reason-seats-taken", &[("feasible", (*feasible).into())])
        }
        Reason::Group { rules } => m.text(
            "reason-group",
            &[("rules", group_rules(m, instance, rules).into())],
        ),
    }
}

/// What would help (see [`crate::advice::help`]), with the providers named as the
/// spreadsheet names them.
pub(crate) fn help_text(
    m: &Messages,
    roster: &Roster,
    explanation: Option<&Explanation>,
) -> String {
    explanation.map_or_else(String::new, |e| {
        crate::advice::help(m, &|id| label(&roster.providers, id), e)
    })
}

/// A closer reason than "seats taken" where the places that fit are not full: a group that
/// does not take place because too few can come ("d3 (the Thursday group) needs 6, only 2 can
/// come"), or a rule about the whole group in the way. An empty group is never "seats taken".
fn closer_reason(
    m: &Messages,
    roster: &Roster,
    rules: &crate::rules::Rules<'_>,
    taking_place: &std::collections::HashSet<&str>,
    s: usize,
    e: &Explanation,
) -> Option<String> {
    let instance = &roster.instance;
    let below_minimum = (0..instance.providers.len()).find(|&p| {
        let provider = &instance.providers[p];
        provider.minimum > 1 && !taking_place.contains(provider.id.as_str()) && rules.feasible(s, p)
    });
    if let Some(p) = below_minimum {
        let provider = &instance.providers[p];
        let can_come: u64 = (0..instance.seekers.len())
            .filter(|&other| rules.feasible(other, p))
            .map(|other| u64::from(instance.seekers[other].seats_taken()))
            .sum();
        if can_come < u64::from(provider.minimum) {
            return Some(m.text(
                "reason-minimum",
                &[
                    (
                        "provider",
                        label(&roster.providers, provider.id.as_str()).into(),
                    ),
                    ("minimum", provider.minimum.into()),
                    ("count", can_come.into()),
                ],
            ));
        }
    }
    // A provider that fits and has no one: it does not take place, and says why.
    let empty = (0..instance.providers.len()).find_map(|p| {
        let provider = &instance.providers[p];
        if taking_place.contains(provider.id.as_str()) || !rules.feasible(s, p) {
            return None;
        }
        let broken = crate::rules::group_violations(instance, p, &[s]);
        (!broken.is_empty()).then_some((provider, broken))
    });
    if let Some((provider, broken)) = empty {
        return Some(m.text(
            "reason-empty-group",
            &[
                (
                    "provider",
                    label(&roster.providers, provider.id.as_str()).into(),
                ),
                ("rules", group_rules(m, instance, &broken).into()),
            ],
        ));
    }
    match (e.seats_taken, e.composition) {
        (Some(0), Some(n)) if n > 0 => Some(m.text("reason-group-in-the-way", &[("n", n.into())])),
        _ => None,
    }
}

/// A seeker not placed, in words: why, and what would help. The rows of the workbook's "Not
/// placed" sheet, and the planner page's list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnplacedWords {
    /// The seeker's id.
    pub seeker: String,
    /// Why, in plain words: a group below its minimum or that does not take place is said as
    /// such, never as seats taken.
    pub reason: String,
    /// What would help, the coordinator's side first, providers by name where the files give
    /// one; empty when no single change would.
    pub help: String,
}

/// Every seeker the plan leaves out, in the plan's order, in words in the language of `m`.
#[must_use]
pub fn unplaced_words(input: &ReportInput<'_>, m: &Messages) -> Vec<UnplacedWords> {
    let roster = input.roster;
    let instance = &roster.instance;
    let seeker_ix = instance.seeker_indices();
    let explanations: HashMap<&str, &Explanation> = input
        .explanations
        .iter()
        .map(|e| (e.seeker.as_str(), e))
        .collect();
    // The pair rules, prepared only when there are explanations to read the reasons closer.
    let rules = (!explanations.is_empty()).then(|| input.session.rules());
    let taking_place: std::collections::HashSet<&str> = input
        .plan
        .matches
        .iter()
        .map(|x| x.provider.as_str())
        .collect();
    input
        .plan
        .unplaced
        .iter()
        .map(|unplaced| {
            let id = unplaced.seeker.as_str();
            let closer = match (&rules, seeker_ix.get(id), explanations.get(id)) {
                (Some(rules), Some(&s), Some(e))
                    if matches!(unplaced.reason, Reason::SeatsTaken { .. }) =>
                {
                    closer_reason(m, roster, rules, &taking_place, s, e)
                }
                _ => None,
            };
            UnplacedWords {
                seeker: id.to_owned(),
                reason: closer.unwrap_or_else(|| reason_text(m, instance, unplaced)),
                help: help_text(m, roster, explanations.get(id).copied()),
            }
        })
        .collect()
}

fn not_placed(input: &ReportInput<'_>, m: &Messages) -> Sheet {
    let roster = input.roster;
    let instance = &roster.instance;
    let seeker_ix = instance.seeker_indices();
    let mut header = headers(m, &roster.seekers);
    header.extend([
        m.get("col-people").into(),
        m.get("col-reason").into(),
        m.get("col-suggestion").into(),
    ]);
    let mut lines = vec![Line::new(Style::Header, header)];
    for words in unplaced_words(input, m) {
        let id = words.seeker.as_str();
        let mut cells = vec![Cell::Text(id.to_owned())];
        cells.extend(carried(&roster.seekers, id));
        let people = seeker_ix
            .get(id)
            .map_or(0, |&s| instance.seekers[s].party_size);
        cells.push(Cell::Number(f64::from(people)));
        cells.push(words.reason.into());
        cells.push(words.help.into());
        lines.push(Line::new(Style::Plain, cells));
    }
    Sheet {
        name: m.get("sheet-not-placed"),
        lines,
    }
}

fn changes(input: &ReportInput<'_>, m: &Messages) -> Sheet {
    let roster = input.roster;
    let mut header = headers(m, &roster.seekers);
    header.extend([
        m.get("col-people").into(),
        m.get("col-before").into(),
        m.get("col-now").into(),
    ]);
    let mut lines = vec![Line::new(Style::Header, header)];
    for moved in &input.plan.moves {
        let id = moved.seeker.as_str();
        let mut cells = vec![Cell::Text(id.to_owned())];
        cells.extend(carried(&roster.seekers, id));
        cells.push(Cell::Number(f64::from(moved.people)));
        cells.push(label(&roster.providers, moved.from.as_str()).into());
        cells.push(match &moved.to {
            Some(to) => label(&roster.providers, to.as_str()).into(),
            None => m.get("col-not-placed-now").into(),
        });
        lines.push(Line::new(Style::Plain, cells));
    }
    Sheet {
        name: m.get("sheet-changes"),
        lines,
    }
}
