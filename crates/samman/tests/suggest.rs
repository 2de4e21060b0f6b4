//! Ranked suggestions (`samman::suggest`): every suggestion is feasible, ranked by score, with
//! free seats and displacements that add up; the top suggestion of an unplaced seeker, locked
//! in, gives a valid plan with the seeker there.

use samman::generate::{Params, Programme, generate};
use samman::metrics::{MetricsOptions, evaluate};
use samman::model::SeekerId;
use samman::plan::{Pair, Pairs};
use samman::solve::{Options, solve};
use samman::suggest::{SuggestError, suggest};

#[test]
fn the_top_suggestion_of_an_unplaced_seeker_locked_in_gives_a_valid_plan() {
    let mut tried = 0;
    for programme in Programme::ALL {
        for seed in 0..3 {
            let instance = generate(
                programme,
                &Params {
                    size: 60,
                    seed,
                    ..Params::default()
                },
            );
            let assignment = solve(&instance, &Options::default()).unwrap();
            let plan = Pairs::from(&assignment);
            for unplaced in assignment.unplaced.iter().take(3) {
                let suggestions = suggest(&instance, Some(&plan), &unplaced.seeker, 5).unwrap();
                let Some(top) = suggestions.first() else {
                    continue;
                };
                assert!(!top.current);
                tried += 1;
                let options = Options {
                    locked: vec![Pair {
                        seeker: unplaced.seeker.clone(),
                        provider: top.provider.clone(),
                    }],
                    ..Options::default()
                };
                let locked = solve(&instance, &options).unwrap();
                assert!(
                    locked
                        .matches
                        .iter()
                        .any(|m| m.seeker == unplaced.seeker && m.provider == top.provider),
                    "{programme:?} seed {seed}: the lock is kept"
                );
                let report =
                    evaluate(&instance, &Pairs::from(&locked), &MetricsOptions::default()).unwrap();
                assert!(
                    report.validity.valid,
                    "{programme:?} seed {seed}: {:?}",
                    report.validity.violations
                );
            }
        }
    }
    assert!(tried >= 3, "only {tried} unplaced seekers had a suggestion");
}

#[test]
fn suggestions_are_feasible_ranked_and_their_seats_add_up() {
    for programme in Programme::ALL {
        let instance = generate(
            programme,
            &Params {
                size: 50,
                seed: 7,
                ..Params::default()
            },
        );
        let session = samman::Session::new(instance.clone()).expect("a valid instance");
        let rules = session.rules();
        let plan = Pairs::from(&solve(&instance, &Options::default()).unwrap());
        let provider_ix = instance.provider_indices();
        let seeker_ix = instance.seeker_indices();
        for (s, seeker) in instance.seekers.iter().enumerate().take(20) {
            let all = suggest(&instance, Some(&plan), &seeker.id, usize::MAX).unwrap();
            let top = suggest(&instance, Some(&plan), &seeker.id, 3).unwrap();
            assert_eq!(top[..], all[..all.len().min(3)]);
            assert!(all.windows(2).all(|w| w[0].score >= w[1].score));
            let feasible = (0..instance.providers.len())
                .filter(|&p| rules.feasible(s, p))
                .count();
            assert!(all.len() <= feasible);
            // Without a plan every feasible provider is suggested, with all its seats free.
            let free = suggest(&instance, None, &seeker.id, usize::MAX).unwrap();
            assert_eq!(free.len(), feasible);
            assert!(free.iter().all(|f| {
                f.displaced.is_empty()
                    && f.free_seats == instance.providers[provider_ix[f.provider.as_str()]].capacity
            }));
            for suggestion in &all {
                let p = provider_ix[suggestion.provider.as_str()];
                assert!(rules.feasible(s, p));
                assert_eq!(suggestion.score, rules.score(&suggestion.breakdown));
                let others: u32 = plan
                    .matches
                    .iter()
                    .filter(|m| m.provider == suggestion.provider && m.seeker != seeker.id)
                    .map(|m| instance.seekers[seeker_ix[m.seeker.as_str()]].party_size)
                    .sum();
                let capacity = instance.providers[p].capacity;
                assert_eq!(suggestion.free_seats, capacity.saturating_sub(others));
                let freed: u32 = suggestion
                    .displaced
                    .iter()
                    .map(|id| instance.seekers[seeker_ix[id.as_str()]].party_size)
                    .sum();
                if suggestion.free_seats >= seeker.party_size {
                    assert!(suggestion.displaced.is_empty());
                } else {
                    assert!(suggestion.free_seats + freed >= seeker.party_size);
                }
            }
        }
    }
}

#[test]
fn an_unknown_seeker_is_a_typed_error() {
    let instance = generate(
        Programme::Visits,
        &Params {
            size: 10,
            ..Params::default()
        },
    );
    let error = suggest(&instance, None, &SeekerId::from("nobody"), 5).unwrap_err();
    assert_eq!(error, SuggestError::UnknownSeeker(SeekerId::from("nobody")));
}
