//! Coached project groups: each coach has a caseload and expertise; a group goes to a coach who
//! knows its topic, and the plan places as many groups as the caseloads allow.
//!
//! `cargo run -p samman --example coaching`

use samman::generate::{Params, coaching};
use samman::solve::Objective;
use samman::{MetricsOptions, Options, Session};

fn main() -> Result<(), samman::Error> {
    let instance = coaching(&Params {
        size: 60,
        seed: 4,
        ..Params::default()
    });
    let session = Session::new(instance)?;
    let plan = session.solve(&Options {
        objective: Objective::MaxPlaced,
        ..Options::default()
    })?;
    let report = session.evaluate(&(&plan).into(), &MetricsOptions::default())?;
    assert!(report.validity.valid);
    println!(
        "{} of {} project groups have a coach; {} coaches in use",
        plan.matches.len(),
        report.placement.parties,
        report.placement.providers_taking_place
    );
    Ok(())
}
