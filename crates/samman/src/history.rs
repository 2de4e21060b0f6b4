//! Who met whom: a plan's meetings appended to an instance's history, so that the next round
//! knows them (`history.met` and `history.meetings`), and the pairs read back for novelty.
//!
//! Everyone at a table met everyone else there and the host. A table has a host person when
//! its provider names a `host`, or has a `host_profile` (then the provider id stands for the
//! host); a plain table (a lunch table, a golf group) has none.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use crate::model::{HostId, Instance, Meeting, Met, Novelty, Provider, ProviderId, SeekerId};
use crate::plan::{Pair, Plan};

/// Why a plan's meetings could not be appended.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HistoryError {
    /// The plan names a seeker or provider the instance does not have.
    #[error("{path}: unknown {kind} id `{id}`: the plan must be a plan of this instance")]
    UnknownId {
        /// Where in the plan, such as `matches[3].provider`.
        path: String,
        /// `seeker` or `provider`.
        kind: &'static str,
        /// The id.
        id: String,
    },
}

/// The person who hosts a provider's table, if any: its `host`, or its own id when it has a
/// host profile but no host id.
#[must_use]
pub fn host_person(provider: &Provider) -> Option<&str> {
    provider
        .host
        .as_ref()
        .map(HostId::as_str)
        .or_else(|| provider.host_profile.as_ref().map(|_| provider.id.as_str()))
}

/// One table: a provider and the seekers at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The provider.
    pub provider: ProviderId,
    /// The seekers placed with it.
    pub members: Vec<SeekerId>,
}

/// The tables of a plan, in the order providers first appear in it.
///
/// # Errors
/// [`HistoryError::UnknownId`] when the plan names a seeker or provider the instance lacks.
pub fn tables_of(instance: &Instance, plan: &Plan) -> Result<Vec<Table>, HistoryError> {
    tables_of_pairs(
        instance,
        plan.matches.iter().map(|m| (&m.seeker, &m.provider)),
    )
}

/// The tables of a list of placements (a plan from anywhere), in the order providers first
/// appear in it.
///
/// # Errors
/// [`HistoryError::UnknownId`] when a placement names a seeker or provider the instance lacks.
pub fn tables_of_entries(instance: &Instance, plan: &[Pair]) -> Result<Vec<Table>, HistoryError> {
    tables_of_pairs(instance, plan.iter().map(|m| (&m.seeker, &m.provider)))
}

fn tables_of_pairs<'a>(
    instance: &Instance,
    pairs: impl Iterator<Item = (&'a SeekerId, &'a ProviderId)>,
) -> Result<Vec<Table>, HistoryError> {
    let seekers = instance.seeker_indices();
    let providers = instance.provider_indices();
    let mut tables: Vec<Table> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for (i, (seeker, provider)) in pairs.enumerate() {
        if !seekers.contains_key(seeker.as_str()) {
            return Err(HistoryError::UnknownId {
                path: format!("matches[{i}].seeker"),
                kind: "seeker",
                id: seeker.to_string(),
            });
        }
        if !providers.contains_key(provider.as_str()) {
            return Err(HistoryError::UnknownId {
                path: format!("matches[{i}].provider"),
                kind: "provider",
                id: provider.to_string(),
            });
        }
        let j = *at.entry(provider.as_str()).or_insert_with(|| {
            tables.push(Table {
                provider: provider.clone(),
                members: Vec::new(),
            });
            tables.len() - 1
        });
        tables[j].members.push(seeker.clone());
    }
    Ok(tables)
}

/// The meetings at some tables: every pair of seekers at a table and each seeker with the
/// table's host person, as `history.met` entries (sorted, each pair once), and each seeker
/// with the provider's history key, as `history.meetings` entries (in table order).
/// Tables naming an unknown provider are skipped (see [`tables_of`] for a checked list).
#[must_use]
pub fn meetings_at(
    instance: &Instance,
    tables: &[Table],
    date: Option<NaiveDate>,
) -> (Vec<Met>, Vec<Meeting>) {
    let providers = instance.provider_indices();
    let mut met = BTreeSet::new();
    let mut meetings = Vec::new();
    for table in tables {
        let Some(&p) = providers.get(table.provider.as_str()) else {
            continue;
        };
        let provider = &instance.providers[p];
        let host = host_person(provider);
        for (i, a) in table.members.iter().enumerate() {
            for b in &table.members[i + 1..] {
                if a != b {
                    met.insert(Met::new(a.as_str(), b.as_str(), date));
                }
            }
            if let Some(host) = host.filter(|h| *h != a.as_str()) {
                met.insert(Met::new(a.as_str(), host, date));
            }
            meetings.push(Meeting {
                seeker: a.clone(),
                host: provider.history_key().into(),
                date,
            });
        }
    }
    (met.into_iter().collect(), meetings)
}

/// The instance with a plan's meetings appended to its history: `history.met` gains every
/// pair that sat at a table (seekers with each other and with the host), `history.meetings`
/// every seeker with the provider's host. Ids only.
///
/// # Errors
/// [`HistoryError::UnknownId`] when the plan names a seeker or provider the instance lacks.
///
/// # Example
/// ```
/// use samman::generate::{dinners, Params};
/// use samman::history::add_plan;
/// use samman::solve::{solve, Options};
///
/// let instance = dinners(&Params { size: 30, seed: 3, ..Params::default() });
/// let plan = solve(&instance, &Options::default())?;
/// let date = chrono::NaiveDate::from_ymd_opt(2026, 10, 4);
/// let next = add_plan(&instance, &plan, date)?;
/// assert_eq!(next.history.meetings.len(), instance.history.meetings.len() + plan.matches.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_plan(
    instance: &Instance,
    plan: &Plan,
    date: Option<NaiveDate>,
) -> Result<Instance, HistoryError> {
    let tables = tables_of(instance, plan)?;
    Ok(add_tables(instance, &tables, date))
}

/// The instance with the meetings at `tables` appended to its history (see [`add_plan`]).
#[must_use]
pub fn add_tables(instance: &Instance, tables: &[Table], date: Option<NaiveDate>) -> Instance {
    let (met, meetings) = meetings_at(instance, tables, date);
    let mut next = instance.clone();
    next.history.met.extend(met);
    next.history.meetings.extend(meetings);
    next
}

/// The date earlier meetings' ages are measured from: `policy.today`, else the latest date in
/// the history.
#[must_use]
pub fn reference_date(instance: &Instance) -> Option<NaiveDate> {
    instance.policy.today.or_else(|| {
        let history = &instance.history;
        history
            .met
            .iter()
            .filter_map(|m| m.date)
            .chain(history.meetings.iter().filter_map(|m| m.date))
            .max()
    })
}

/// Every pair of people who met before, with the weight novelty gives the meeting (1 when
/// the policy has no novelty mode or never-again; fading in penalty mode), the largest weight
/// kept when a pair met several times. Read from `history.met` and, for seekers with hosts,
/// `history.meetings`. Pairs are in ascending id order.
#[must_use]
pub fn earlier_pairs(instance: &Instance) -> HashMap<(String, String), f64> {
    let novelty = instance.policy.novelty.unwrap_or(Novelty::NeverAgain);
    let today = reference_date(instance);
    let age = |date: Option<NaiveDate>| Some((today? - date?).num_days());
    let mut pairs: HashMap<(String, String), f64> = HashMap::new();
    let mut add = |a: &str, b: &str, date: Option<NaiveDate>| {
        if a == b {
            return;
        }
        let key = if a <= b {
            (a.to_owned(), b.to_owned())
        } else {
            (b.to_owned(), a.to_owned())
        };
        let weight = novelty.weight(age(date));
        let entry = pairs.entry(key).or_insert(0.0);
        *entry = entry.max(weight);
    };
    for m in &instance.history.met {
        add(&m.people[0], &m.people[1], m.date);
    }
    for m in &instance.history.meetings {
        add(m.seeker.as_str(), m.host.as_str(), m.date);
    }
    pairs
}
