//! Cancellations: a team that drops out is replaced from the waiting list when a waiting team
//! can take its place (host its course, cater for its guests, be catered for where it
//! visits): then only the guests at its table see a new address. Otherwise its guests are
//! re-seated at other tables of its course, one each, where they meet nobody again, are
//! catered for and walk least; every other route stays as it was.

use super::search::{Evening, Layout};
use super::{
    DinnerError, DinnerPlan, DinnerProblem, RouteChange, RunningDinner, Team, check, invalid,
};
use crate::rules::diet_ok;

/// Re-plan after cancellations, changing as few routes as possible.
///
/// # Arguments
/// `dinner`: the running dinner the previous plan was made for (with its waiting list);
/// `previous`: that plan; `cancelled`: ids of teams that dropped out.
///
/// # Returns
/// The new plan, with the routes that changed (`changes`) and the waiting teams that took a
/// place (`from_waiting_list`).
///
/// # Errors
/// [`DinnerError::Invalid`] when the previous plan does not belong to the dinner, or an id is
/// not a team's.
pub fn cancel(
    dinner: &RunningDinner,
    previous: &DinnerPlan,
    cancelled: &[String],
    seed: u64,
) -> Result<DinnerPlan, DinnerError> {
    check(dinner)?;
    let courses = dinner.courses as usize;
    let mut teams: Vec<Team> = dinner.teams.clone();
    let index = |teams: &[Team], id: &str| teams.iter().position(|t| t.id == id);
    // The previous plan as a layout over the dinner's teams.
    let mut at = vec![vec![0usize; courses]; teams.len()];
    let mut hosts = vec![0usize; teams.len()];
    for (i, route) in previous.teams.iter().enumerate() {
        let t = index(&teams, &route.id).ok_or_else(|| {
            invalid(
                format!("previous.teams[{i}].id"),
                DinnerProblem::UnknownTeam {
                    id: route.id.clone(),
                },
            )
        })?;
        if route.route.len() != courses {
            return Err(invalid(
                format!("previous.teams[{i}].route"),
                DinnerProblem::RouteLength { courses },
            ));
        }
        for (c, host) in route.route.iter().enumerate() {
            at[t][c] = index(&teams, host).ok_or_else(|| {
                invalid(
                    format!("previous.teams[{i}].route[{c}]"),
                    DinnerProblem::UnknownTeam { id: host.clone() },
                )
            })?;
        }
        hosts[t] = route.hosts.saturating_sub(1) as usize;
    }
    if previous.teams.len() != teams.len() {
        return Err(invalid("previous.teams", DinnerProblem::EveryTeam));
    }
    let mut waiting: Vec<Team> = dinner.waiting_list.clone();
    let mut changes = Vec::new();
    let mut from_waiting = Vec::new();
    for (i, id) in cancelled.iter().enumerate() {
        let Some(t) = index(&teams, id) else {
            return Err(invalid(
                format!("cancelled[{i}]"),
                DinnerProblem::UnknownTeam { id: id.clone() },
            ));
        };
        let c = hosts[t];
        let guests: Vec<usize> = (0..teams.len())
            .filter(|&g| g != t && at[g][c] == t)
            .collect();
        let visits: Vec<usize> = (0..courses).filter(|&k| k != c).map(|k| at[t][k]).collect();
        let fits = |w: &Team| {
            !w.cannot_host.contains(&(c as u32 + 1))
                && guests.iter().all(|&g| diet_ok(&teams[g].diet, &w.caters))
                && visits.iter().all(|&h| diet_ok(&w.diet, &teams[h].caters))
        };
        let home = teams[t].location;
        let substitute = waiting
            .iter()
            .enumerate()
            .filter(|(_, w)| fits(w))
            .min_by(|a, b| {
                home.distance_km(a.1.location)
                    .total_cmp(&home.distance_km(b.1.location))
            })
            .map(|(k, _)| k);
        if let Some(k) = substitute {
            let w = waiting.remove(k);
            for &g in &guests {
                changes.push(RouteChange {
                    team: teams[g].id.clone(),
                    course: c as u32 + 1,
                    from: teams[t].id.clone(),
                    to: w.id.clone(),
                });
            }
            from_waiting.push(w.id.clone());
            teams[t] = w;
            continue;
        }
        // Re-route: the guests of its table go, one by one, to the best other table.
        let n = teams.len();
        for &g in &guests {
            let mut best: Option<(f64, usize)> = None;
            for h in (0..n).filter(|&h| h != t && hosts[h] == c) {
                let table: Vec<usize> = (0..n)
                    .filter(|&m| m != t && m != g && at[m][c] == h)
                    .collect();
                let repeats = table
                    .iter()
                    .filter(|&&m| (0..courses).any(|k| k != c && at[m][k] == at[g][k]))
                    .count();
                let uncatered = usize::from(!diet_ok(&teams[g].diet, &teams[h].caters));
                let walk = |k: usize| teams[at[g][k]].location.distance_km(teams[h].location);
                let km = if c > 0 { walk(c - 1) } else { 0.0 }
                    + if c + 1 < courses { walk(c + 1) } else { 0.0 };
                let cost = 1e6 * (repeats + uncatered) as f64 + km + table.len() as f64 * 1e-3;
                if best.is_none_or(|(b, _)| cost < b) {
                    best = Some((cost, h));
                }
            }
            if let Some((_, h)) = best {
                changes.push(RouteChange {
                    team: teams[g].id.clone(),
                    course: c as u32 + 1,
                    from: teams[t].id.clone(),
                    to: teams[h].id.clone(),
                });
                at[g][c] = h;
            }
        }
        // Drop the team and renumber.
        teams.remove(t);
        hosts.remove(t);
        at.remove(t);
        for route in &mut at {
            for h in route.iter_mut() {
                if *h > t {
                    *h -= 1;
                }
            }
        }
    }
    let next = RunningDinner {
        teams,
        waiting_list: waiting,
        ..dinner.clone()
    };
    let mut evening = Evening::new(&next)?;
    evening.hosts = (0..courses)
        .map(|c| hosts.iter().filter(|&&h| h == c).count())
        .collect();
    let mut plan = evening.report(&Layout { at, hosts }, seed);
    plan.changes = changes;
    plan.from_waiting_list = from_waiting;
    if !cancelled.is_empty() && plan.from_waiting_list.len() < cancelled.len() {
        plan.notes.push(format!(
            "{} cancelled team(s) not replaced from the waiting list: their guests were \
             re-seated at other tables of the course",
            cancelled.len() - plan.from_waiting_list.len()
        ));
    }
    Ok(plan)
}
