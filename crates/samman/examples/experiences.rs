//! Experience gifts: customers' bookings (a date, a party size, a topic) go to newcomer-run
//! experiences; a provider's record of delivering on time counts in the score.
//!
//! `cargo run -p samman --example experiences`

use samman::generate::{Params, experiences};
use samman::{MetricsOptions, Options, Session};

fn main() -> Result<(), samman::Error> {
    let mut instance = experiences(&Params {
        size: 60,
        seed: 2,
        ..Params::default()
    });
    instance.policy.weights.reliability = 2.0;
    let session = Session::new(instance)?;
    let plan = session.solve(&Options::default())?;
    let report = session.evaluate(&(&plan).into(), &MetricsOptions::default())?;
    assert!(report.validity.valid);
    println!(
        "{} of {} bookings placed; {:.1} sessions expected not to take place",
        plan.matches.len(),
        report.placement.parties,
        report.reliability.expected_no_shows
    );
    Ok(())
}
