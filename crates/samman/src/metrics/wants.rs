//! Metrics where seekers want several providers (`seeker.wants`): the plan's entries go to the
//! seeker's copies (`solve::wants`), one provider each in plan order, every figure is computed
//! over the copies, and then ids, counts of seekers served and the time rule are said of the
//! seekers themselves.

use std::collections::HashMap;

use super::{MetricsOptions, Report, Resolved, Violation, ratio, report, resolve};
use crate::graph::CandidateGraph;
use crate::model::{Instance, SeekerId};
use crate::plan::{Pair, Pairs};
use crate::rules::Rules;
use crate::solve::wants::Copies;

pub(super) fn evaluate(
    instance: &Instance,
    graph: &CandidateGraph,
    copies: &Copies,
    plan: &Pairs,
    options: &MetricsOptions,
) -> Report {
    let graph = graph.repeated(copies.original());
    let rules = Rules::new(&copies.instance, graph.time_zone()).ranking_copies_as(&copies.firsts());
    let mut resolved = resolve(
        &copies.instance,
        &rules,
        &onto_copies(instance, copies, plan),
    );
    let n = copies.instance.seekers.len();
    // A copy may not take a provider its seeker has through another copy, nor one whose
    // times overlap such a provider's.
    let off_limits: Vec<Vec<usize>> = (0..n)
        .map(|s| {
            let held: Vec<usize> = copies
                .siblings(s)
                .filter(|&t| t != s)
                .filter_map(|t| resolved.provider_of[t])
                .collect();
            graph
                .edge_range(s)
                .map(|e| graph.candidates_by_edge(e).provider as usize)
                .filter(|&p| held.iter().any(|&q| copies.conflict(p, q)))
                .collect()
        })
        .collect();
    resolved.off_limits = Some(off_limits);
    let overlaps = overlaps(instance, copies, &resolved);
    let listing = MetricsOptions {
        list_blocking_pairs: true,
        ..options.clone()
    };
    let mut report = report(&copies.instance, &graph, &rules, &resolved, &listing);
    let own = |id: &SeekerId| -> SeekerId {
        copies.index_of(id.as_str()).map_or_else(
            || id.clone(),
            |s| instance.seekers[copies.original()[s] as usize].id.clone(),
        )
    };
    let validity = &mut report.validity;
    for violation in &mut validity.violations {
        match violation {
            Violation::PairRules { seeker, .. }
            | Violation::LockNotKept { seeker, .. }
            | Violation::PlacedTwice { seeker, .. } => *seeker = own(seeker),
            _ => {}
        }
    }
    validity.violations.extend(overlaps);
    validity.valid = validity.violations.is_empty();
    // Copies of one seeker may block with the same provider: the pair counts once.
    let stability = &mut report.stability;
    let mut list = stability.blocking_pair_list.take().unwrap_or_default();
    for pair in &mut list {
        pair.seeker = own(&pair.seeker);
    }
    list.sort();
    list.dedup();
    stability.blocking_pairs = list.len();
    stability.blocking_pair_list = options.list_blocking_pairs.then_some(list);
    served(instance, copies, &resolved, &mut report);
    report
}

/// The plan with each entry on the seeker's next copy; an entry beyond the seeker's `wants`,
/// or with a provider the seeker already has, stays on the seeker's own id (its first copy,
/// already placed), so that it is reported placed twice.
fn onto_copies(instance: &Instance, copies: &Copies, plan: &Pairs) -> Pairs {
    let index = instance.seeker_indices();
    let mut given: HashMap<usize, Vec<&str>> = HashMap::new();
    let matches = plan
        .matches
        .iter()
        .map(|entry| {
            let Some(&s) = index.get(entry.seeker.as_str()) else {
                return entry.clone();
            };
            let providers = given.entry(s).or_default();
            let range = copies.copies_of(s);
            if providers.len() >= range.len() || providers.contains(&entry.provider.as_str()) {
                return entry.clone();
            }
            let copy = range.start + providers.len();
            providers.push(entry.provider.as_str());
            Pair {
                seeker: copies.instance.seekers[copy].id.clone(),
                provider: entry.provider.clone(),
            }
        })
        .collect();
    Pairs { matches }
}

/// A seeker's two providers whose times overlap, with the time rule on.
fn overlaps(instance: &Instance, copies: &Copies, resolved: &Resolved) -> Vec<Violation> {
    let mut found = Vec::new();
    for (s, seeker) in instance.seekers.iter().enumerate() {
        let placed: Vec<usize> = copies
            .copies_of(s)
            .filter_map(|c| resolved.provider_of[c])
            .collect();
        for (i, &p) in placed.iter().enumerate() {
            for &q in &placed[i + 1..] {
                if p != q && copies.conflict(p, q) {
                    found.push(Violation::TimesOverlap {
                        seeker: seeker.id.clone(),
                        providers: vec![
                            instance.providers[p].id.clone(),
                            instance.providers[q].id.clone(),
                        ],
                    });
                }
            }
        }
    }
    found
}

/// The placement figures said of the seekers: parties and parties placed count seekers (placed
/// with at least one provider), people count each wanted placement, and each seeker is fully,
/// partly or not served.
fn served(instance: &Instance, copies: &Copies, resolved: &Resolved, report: &mut Report) {
    let figures = &mut report.placement;
    let (mut fully, mut partly, mut not) = (0, 0, 0);
    for s in 0..instance.seekers.len() {
        let range = copies.copies_of(s);
        let placed = range
            .clone()
            .filter(|&c| resolved.provider_of[c].is_some())
            .count();
        match placed {
            0 => not += 1,
            k if k == range.len() => fully += 1,
            _ => partly += 1,
        }
    }
    figures.parties = instance.seekers.len();
    figures.parties_placed = fully + partly;
    figures.party_rate = ratio(figures.parties_placed as f64, figures.parties as f64);
    figures.fully_served = fully;
    figures.partly_served = partly;
    figures.not_served = not;
}
