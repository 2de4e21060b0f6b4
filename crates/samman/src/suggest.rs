//! Ranked suggestions for a coordinator's approval screen: the best feasible providers for one
//! seeker, each with its score and breakdown, the seats it has free in a plan, and who would
//! have to move to make room.

use serde::Serialize;

use crate::explain::Placements;
use crate::model::{Instance, ProviderId, SeekerId};
use crate::plan::Pairs;
use crate::rules::{Breakdown, Rules, group_violations};
use crate::validate::{Invalid, prepare};

/// Why no suggestions could be given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SuggestError {
    /// The instance is not valid.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// No seeker has this id.
    #[error("no seeker has the id `{0}`")]
    UnknownSeeker(SeekerId),
}

/// One provider suggested for a seeker.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Suggestion {
    /// The provider.
    pub provider: ProviderId,
    /// The pair's score (the weighted sum of `breakdown`).
    pub score: f64,
    /// Each soft criterion's value for the pair, before weighting.
    pub breakdown: Breakdown,
    /// The provider's seats not taken in the plan by seekers other than this one (0 when the
    /// plan overfills it; the capacity when there is no plan).
    pub free_seats: u32,
    /// Whether the plan already places the seeker here.
    pub current: bool,
    /// The seekers that would have to move for this seeker's party to fit: when `free_seats`
    /// is short, the provider's other members with the lowest scores there first (ties in
    /// instance order), as few as free enough seats; locked seekers are never chosen. Empty
    /// when the party fits.
    pub displaced: Vec<SeekerId>,
}

/// The `k` best feasible providers for `seeker` in `instance`, best first.
///
/// A provider is suggested when every pair rule holds for the pair (the candidate graph's
/// feasibility) and, with `plan`, when the seeker's party fits once the plan's other members
/// that are not locked (`constraints.locked`) make room, and the group it would then join
/// breaks no group rule (mix, minimum size, keep-apart: the provider takes place). Ranked by
/// score, highest first, ties by provider order.
///
/// # Complexity
/// `O(N)` to validate, `O(P)` rule checks for the seeker, `O(m log m)` per provider with `m`
/// members in the plan, and `O(P log k)`-like ranking (a full sort of the feasible providers).
///
/// # Errors
/// [`SuggestError::Invalid`] for an invalid instance, [`SuggestError::UnknownSeeker`].
///
/// # Example
/// ```
/// use samman::generate::{Params, visits};
/// use samman::suggest::suggest;
///
/// let instance = visits(&Params { size: 40, ..Params::default() });
/// let seeker = instance.seekers[0].id.clone();
/// let suggestions = suggest(&instance, None, &seeker, 3)?;
/// assert!(suggestions.len() <= 3);
/// assert!(suggestions.windows(2).all(|w| w[0].score >= w[1].score));
/// # Ok::<(), samman::suggest::SuggestError>(())
/// ```
pub fn suggest(
    instance: &Instance,
    plan: Option<&Pairs>,
    seeker: &SeekerId,
    k: usize,
) -> Result<Vec<Suggestion>, SuggestError> {
    let tz = prepare(instance)?;
    suggest_prepared(instance, tz, plan, seeker, k)
}

/// [`suggest`] for an instance already validated, whose time zone is `tz`.
pub(crate) fn suggest_prepared(
    instance: &Instance,
    tz: crate::model::Zone,
    plan: Option<&Pairs>,
    seeker: &SeekerId,
    k: usize,
) -> Result<Vec<Suggestion>, SuggestError> {
    let s = *instance
        .seeker_indices()
        .get(seeker.as_str())
        .ok_or_else(|| SuggestError::UnknownSeeker(seeker.clone()))?;
    let rules = Rules::new(instance, tz);
    let placements = plan.map(|plan| Placements::new(instance, plan));
    let locked: Vec<bool> = {
        let seeker_ix = instance.seeker_indices();
        let mut locked = vec![false; instance.seekers.len()];
        for lock in &instance.constraints.locked {
            if let Some(&t) = seeker_ix.get(lock.seeker.as_str()) {
                locked[t] = true;
            }
        }
        locked
    };
    let party = instance.seekers[s].seats_taken();
    let mut found = Vec::new();
    for p in 0..instance.providers.len() {
        if !rules.feasible(s, p) {
            continue;
        }
        let capacity = instance.providers[p].capacity;
        let others: Vec<usize> = placements
            .as_ref()
            .map(|pl| pl.members[p].iter().copied().filter(|&t| t != s).collect())
            .unwrap_or_default();
        let used: u64 = others
            .iter()
            .map(|&t| u64::from(instance.seekers[t].seats_taken()))
            .sum();
        let free = u64::from(capacity).saturating_sub(used);
        let Some(displaced) = make_room(instance, &rules, p, &others, &locked, free, party) else {
            continue;
        };
        if placements.is_some() {
            let mut group: Vec<usize> = others
                .iter()
                .copied()
                .filter(|t| !displaced.contains(t))
                .collect();
            group.push(s);
            group.sort_unstable();
            if !group_violations(instance, p, &group).is_empty() {
                continue;
            }
        }
        let breakdown = rules.breakdown(s, p);
        found.push(Suggestion {
            provider: instance.providers[p].id.clone(),
            score: rules.score(&breakdown),
            breakdown,
            free_seats: u32::try_from(free).expect("invariant: at most the capacity, a u32"),
            current: placements
                .as_ref()
                .is_some_and(|pl| pl.provider_of[s] == Some(p)),
            displaced: displaced
                .into_iter()
                .map(|t| instance.seekers[t].id.clone())
                .collect(),
        });
    }
    // Stable sort: ties stay in provider order.
    found.sort_by(|a, b| b.score.total_cmp(&a.score));
    found.truncate(k);
    Ok(found)
}

/// The members of provider `p` to move so that `party` seats are free (`free` are already):
/// the unlocked ones with the lowest scores at `p` first. `None` when even moving every
/// unlocked member is not enough.
fn make_room(
    instance: &Instance,
    rules: &Rules<'_>,
    p: usize,
    members: &[usize],
    locked: &[bool],
    free: u64,
    party: u32,
) -> Option<Vec<usize>> {
    let mut free = free;
    let needed = u64::from(party);
    if free >= needed {
        return Some(Vec::new());
    }
    let mut movable: Vec<(f64, usize)> = members
        .iter()
        .filter(|&&t| !locked[t])
        .map(|&t| (rules.score(&rules.breakdown(t, p)), t))
        .collect();
    movable.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut displaced = Vec::new();
    for (_, t) in movable {
        free += u64::from(instance.seekers[t].seats_taken());
        displaced.push(t);
        if free >= needed {
            displaced.sort_unstable();
            return Some(displaced);
        }
    }
    None
}
