//! Workshop groups: a group of 6 to 8 residents with one tutor takes place only when at least
//! its minimum can come; residents of a group that cannot fill up are told why.
//!
//! `cargo run -p samman --example workshops`

use samman::generate::{Params, workshops};
use samman::plan::Reason;
use samman::{MetricsOptions, Options, Session, SolverKind};

fn main() -> Result<(), samman::Error> {
    let mut instance = workshops(&Params {
        size: 90,
        seed: 5,
        ..Params::default()
    });
    for group in &mut instance.providers {
        group.minimum = 6;
        group.capacity = group.capacity.max(8);
    }
    let session = Session::new(instance)?;
    let plan = session.solve(&Options {
        solver: SolverKind::Groups,
        seed: 3,
        ..Options::default()
    })?;

    let mut size = std::collections::BTreeMap::<&str, u32>::new();
    for m in &plan.matches {
        *size.entry(m.provider.as_str()).or_default() += m.seats;
    }
    assert!(
        size.values().all(|&n| n >= 6),
        "every group that takes place has at least 6"
    );
    let report = session.evaluate(&(&plan).into(), &MetricsOptions::default())?;
    assert!(report.validity.valid);
    let by_group_rule = plan
        .unplaced
        .iter()
        .filter(|u| matches!(u.reason, Reason::Group { .. }))
        .count();
    println!(
        "{} groups take place, {} residents placed; {} not placed because a group could not fill up",
        size.len(),
        plan.people_placed,
        by_group_rule
    );
    Ok(())
}
