//! A re-plan after a cancellation: a host cancels, and the new plan moves as few guests as it
//! can, saying who moved.
//!
//! `cargo run -p samman --example replan`

use samman::generate::{Params, dinners};
use samman::{Options, Session, SolverKind};

fn main() -> Result<(), samman::Error> {
    let instance = dinners(&Params {
        size: 80,
        seed: 11,
        ..Params::default()
    });
    let options = Options {
        solver: SolverKind::Groups,
        seed: 1,
        ..Options::default()
    };
    let first = Session::new(instance.clone())?.solve(&options)?;

    // The host of the first dinner in the plan cancels.
    let cancelled = first.matches[0].provider.clone();
    let mut changed = instance;
    changed.providers.retain(|p| p.id != cancelled);
    let replan = Session::new(changed)?.solve(&Options {
        previous: first.pairs(),
        move_cost: 5.0,
        ..options
    })?;

    let displaced = first
        .matches
        .iter()
        .filter(|m| m.provider == cancelled)
        .count();
    assert!(
        replan.moves.len() >= displaced,
        "everyone at the cancelled dinner moves"
    );
    println!(
        "{cancelled} cancelled: {displaced} parties had to move, {} moves in all; {} parties placed before, {} now",
        replan.moves.len(),
        first.matches.len(),
        replan.matches.len()
    );
    Ok(())
}
