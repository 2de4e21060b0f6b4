//! Dinner invitations: newcomers and established residents at home dinners. Every table must
//! mix the two, no party is split, diets are catered for and a language is shared. The group
//! solver opens and closes dinners so that the mix holds, and each host gets a guest list.
//!
//! `cargo run -p samman --example dinners`

use std::collections::BTreeMap;

use samman::generate::{Params, dinners};
use samman::{MetricsOptions, Options, Session, SolverKind};

fn main() -> Result<(), samman::Error> {
    let mut instance = dinners(&Params {
        size: 120,
        seed: 7,
        ..Params::default()
    });
    // At least one newcomer and one established resident at every table (the host counts).
    instance.policy.composition.min_newcomers = 1;
    instance.policy.composition.min_established = 1;
    let session = Session::new(instance)?;
    let plan = session.solve(&Options {
        solver: SolverKind::Groups,
        seed: 1,
        ..Options::default()
    })?;

    let report = session.evaluate(&(&plan).into(), &MetricsOptions::default())?;
    assert!(report.validity.valid, "no hard rule is broken");
    assert_eq!(
        report.composition.single_origin_providers, 0,
        "every table mixes"
    );
    println!(
        "{} of {} parties placed ({} people) at {} dinners; {} dinners cancelled",
        plan.matches.len(),
        report.placement.parties,
        plan.people_placed,
        report.placement.providers_taking_place,
        plan.cancelled.len()
    );
    let mut tables: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for m in &plan.matches {
        tables
            .entry(m.provider.as_str())
            .or_default()
            .push(m.seeker.as_str());
    }
    for (dinner, guests) in tables.iter().take(3) {
        println!("  {dinner}: {}", guests.join(", "));
    }
    Ok(())
}
