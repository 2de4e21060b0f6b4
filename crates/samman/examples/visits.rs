//! Volunteer support for older people: only identity-verified volunteers visit anyone at home,
//! and an older person keeps the volunteer they already know where possible (continuity).
//!
//! `cargo run -p samman --example visits`

use samman::generate::{Params, visits};
use samman::{MetricsOptions, Options, Session};

fn main() -> Result<(), samman::Error> {
    let mut instance = visits(&Params {
        size: 80,
        seed: 3,
        history_share: 0.5,
        ..Params::default()
    });
    instance.policy.rules.verification = true;
    instance.policy.weights.continuity = 2.0;
    let session = Session::new(instance)?;
    let plan = session.solve(&Options::default())?;

    let instance = session.instance();
    for m in &plan.matches {
        let seeker = instance
            .seekers
            .iter()
            .find(|s| s.id == m.seeker)
            .expect("a seeker of the plan");
        let volunteer = instance
            .providers
            .iter()
            .find(|p| p.id == m.provider)
            .expect("a provider of the plan");
        assert!(
            !seeker.requires_verified || volunteer.verification.verified,
            "a home visit needs a verified volunteer"
        );
    }
    let report = session.evaluate(&(&plan).into(), &MetricsOptions::default())?;
    assert!(report.validity.valid);
    println!(
        "{} of {} older people have a volunteer; {} of them the one they met before",
        plan.matches.len(),
        instance.seekers.len(),
        report.history.kept_pairs
    );
    Ok(())
}
