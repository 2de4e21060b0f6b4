//! The tabu search over all rounds at once (Dotú and Van Hentenryck 2005): the best swap of
//! two units at different tables of one round, or move of a unit to a table with a free seat,
//! among those that involve a unit in conflict; the unit may not return to the table it left
//! for a few steps; the best plan is perturbed by random swaps when the search stalls.

// web_time: std's Instant panics on wasm32-unknown-unknown.
use web_time::Instant;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::RoundsOptions;
use super::setup::Problem;
use crate::rules::group_violations;

/// What a broken group rule costs against one repeat.
const VIOLATION_COST: f64 = 1000.0;
/// Costs closer than this are equal.
const EPS: f64 = 1e-9;
/// How many steps a swap stays tabu: drawn from this range each time (Dotú and Van
/// Hentenryck draw from 4 to 100).
const TENURE: std::ops::RangeInclusive<u64> = 4..=100;
/// No unit.
const NONE: u32 = u32::MAX;

/// What the search found.
pub(super) struct Outcome {
    /// Per round, per table, the units seated (the host unit not included).
    pub tables: Vec<Vec<Vec<u32>>>,
    /// Per round, the units the greedy start found no seat for.
    pub no_seat: Vec<Vec<u32>>,
    pub iterations: u64,
    pub perturbations: u64,
    pub complete: bool,
}

/// The search state.
struct State<'p> {
    problem: &'p Problem,
    n: usize,
    /// Meetings per pair of people, row-major.
    meet: Vec<u16>,
    /// Per round, per unit: its table, or `NONE`.
    at: Vec<Vec<u32>>,
    /// Per round, per table: the units seated.
    tables: Vec<Vec<Vec<u32>>>,
    seats: Vec<Vec<u32>>,
    broken: Vec<Vec<u32>>,
    repeats: f64,
    violations: u64,
}

impl<'p> State<'p> {
    fn new(problem: &'p Problem, tables: Vec<Vec<Vec<u32>>>) -> Self {
        let n = problem.people.len();
        let mut state = State {
            problem,
            n,
            meet: vec![0; n * n],
            at: vec![vec![NONE; problem.units.len()]; problem.rounds.len()],
            seats: Vec::new(),
            broken: Vec::new(),
            tables,
            repeats: 0.0,
            violations: 0,
        };
        let mut people = Vec::new();
        for r in 0..problem.rounds.len() {
            let mut seats = Vec::new();
            let mut broken = Vec::new();
            for t in 0..problem.rounds[r].tables.len() {
                for &u in &state.tables[r][t] {
                    state.at[r][u as usize] = t as u32;
                }
                state.people_at(r, t, NONE, &mut people);
                for (i, &a) in people.iter().enumerate() {
                    for &b in &people[i + 1..] {
                        if !state.same_unit(a, b) {
                            state.meet[a as usize * n + b as usize] += 1;
                            state.meet[b as usize * n + a as usize] += 1;
                        }
                    }
                }
                let seated = state.seats_of(r, t, &state.tables[r][t]);
                seats.push(seated);
                broken.push(state.violations_of(r, t, &state.tables[r][t], seated));
            }
            state.seats.push(seats);
            state.broken.push(broken);
        }
        state.violations = state.broken.iter().flatten().map(|&v| u64::from(v)).sum();
        let mut repeats = 0.0;
        for a in 0..n {
            for b in a + 1..n {
                let m = state.meet[a * n + b];
                if m > 0 {
                    repeats += f64::from(m - 1) + f64::from(problem.history[a * n + b]);
                }
            }
        }
        state.repeats = repeats;
        state
    }

    fn cost(&self) -> f64 {
        self.repeats + VIOLATION_COST * self.violations as f64
    }

    /// Two people of one unit (or a host with their own unit) always sit together: their
    /// meetings are not repeats.
    fn same_unit(&self, a: u32, b: u32) -> bool {
        let p = self.problem;
        let n_seekers = p.unit_of.len() as u32;
        a < n_seekers && b < n_seekers && p.unit_of[a as usize] == p.unit_of[b as usize]
    }

    /// Everyone at table `t` of round `r` but the members of unit `except`.
    fn people_at(&self, r: usize, t: usize, except: u32, out: &mut Vec<u32>) {
        out.clear();
        let table = &self.problem.rounds[r].tables[t];
        out.extend(table.outside_host);
        for &u in self.tables[r][t].iter().chain(&table.host_unit) {
            if u != except {
                out.extend(&self.problem.units[u as usize].seekers);
            }
        }
    }

    fn seats_of(&self, r: usize, t: usize, units: &[u32]) -> u32 {
        self.problem.rounds[r].tables[t].host_seats
            + units
                .iter()
                .map(|&u| self.problem.units[u as usize].seats)
                .sum::<u32>()
    }

    /// Group rules broken by table `t` of round `r` seating `units`.
    fn violations_of(&self, r: usize, t: usize, units: &[u32], seats: u32) -> u32 {
        let table = &self.problem.rounds[r].tables[t];
        if units.is_empty() && table.host_unit.is_none() {
            return 0;
        }
        if !self.problem.full_group_rules {
            return u32::from(seats < table.minimum);
        }
        let members: Vec<usize> = units
            .iter()
            .chain(&table.host_unit)
            .flat_map(|&u| self.problem.units[u as usize].seekers.iter())
            .filter(|&&s| Some(s) != table.host_seeker)
            .map(|&s| s as usize)
            .collect();
        group_violations(
            &self.problem.group_instance,
            table.provider as usize,
            &members,
        )
        .len() as u32
    }

    #[inline]
    fn add_cost(&self, a: u32, b: u32) -> f64 {
        let i = a as usize * self.n + b as usize;
        if self.meet[i] == 0 {
            f64::from(self.problem.history[i])
        } else {
            1.0
        }
    }

    #[inline]
    fn remove_cost(&self, a: u32, b: u32) -> f64 {
        let i = a as usize * self.n + b as usize;
        if self.meet[i] == 1 {
            -f64::from(self.problem.history[i])
        } else {
            -1.0
        }
    }

    /// Whether someone of unit `u` at its table in round `r` meets someone again there.
    fn in_conflict(&self, r: usize, u: u32, scratch: &mut Vec<u32>) -> bool {
        let t = self.at[r][u as usize] as usize;
        if self.broken[r][t] > 0 {
            return true;
        }
        self.people_at(r, t, u, scratch);
        self.problem.units[u as usize].seekers.iter().any(|&a| {
            scratch.iter().any(|&b| {
                let i = a as usize * self.n + b as usize;
                self.meet[i] > 1 || self.problem.history[i] > 0.0
            })
        })
    }

    /// Move unit `u` to table `to` (or away, `NONE`) in round `r`, updating every figure.
    fn relocate(&mut self, r: usize, u: u32, to: u32, scratch: &mut Vec<u32>) {
        let from = self.at[r][u as usize];
        let n = self.n;
        let seekers = self.problem.units[u as usize].seekers.clone();
        if from != NONE {
            let t = from as usize;
            self.people_at(r, t, u, scratch);
            for &a in &seekers {
                for &b in scratch.iter() {
                    self.repeats += self.remove_cost(a, b);
                    self.meet[a as usize * n + b as usize] -= 1;
                    self.meet[b as usize * n + a as usize] -= 1;
                }
            }
            let list = &mut self.tables[r][t];
            if let Some(i) = list.iter().position(|&v| v == u) {
                list.swap_remove(i);
            }
            self.refresh(r, t);
        }
        if to != NONE {
            let t = to as usize;
            self.people_at(r, t, NONE, scratch);
            for &a in &seekers {
                for &b in scratch.iter() {
                    self.repeats += self.add_cost(a, b);
                    self.meet[a as usize * n + b as usize] += 1;
                    self.meet[b as usize * n + a as usize] += 1;
                }
            }
            self.tables[r][t].push(u);
            self.refresh(r, t);
        }
        self.at[r][u as usize] = to;
    }

    fn refresh(&mut self, r: usize, t: usize) {
        let seats = self.seats_of(r, t, &self.tables[r][t]);
        let broken = self.violations_of(r, t, &self.tables[r][t], seats);
        self.seats[r][t] = seats;
        self.violations = self.violations + u64::from(broken) - u64::from(self.broken[r][t]);
        self.broken[r][t] = broken;
    }

    /// The change in broken rules if table `t` of round `r` lost unit `out` and gained `into`.
    fn violation_delta(&self, r: usize, t: usize, out: u32, into: u32) -> i64 {
        let mut units: Vec<u32> = self.tables[r][t]
            .iter()
            .copied()
            .filter(|&v| v != out)
            .collect();
        if into != NONE {
            units.push(into);
        }
        let seats = self.seats_of(r, t, &units);
        i64::from(self.violations_of(r, t, &units, seats)) - i64::from(self.broken[r][t])
    }
}

/// A candidate step: move `a` to table `to` in round `r`, and `b` (or none) to `a`'s table.
#[derive(Clone, Copy)]
struct Step {
    r: usize,
    a: u32,
    b: u32,
    to: u32,
}

/// The greedy start: round by round, the most constrained unit first, each at the table with
/// a free seat where it meets the fewest people again (tables below their minimum first).
fn greedy(problem: &Problem, rng: &mut ChaCha8Rng) -> (Vec<Vec<Vec<u32>>>, Vec<Vec<u32>>) {
    let n = problem.people.len();
    let mut meet = vec![0u16; n * n];
    let mut all_tables = Vec::new();
    let mut all_unseated = Vec::new();
    for round in &problem.rounds {
        let mut tables: Vec<Vec<u32>> = vec![Vec::new(); round.tables.len()];
        let mut seats: Vec<u32> = round.tables.iter().map(|t| t.host_seats).collect();
        let mut people: Vec<Vec<u32>> = round
            .tables
            .iter()
            .map(|t| {
                t.outside_host
                    .into_iter()
                    .chain(
                        t.host_unit
                            .iter()
                            .flat_map(|&u| problem.units[u as usize].seekers.iter().copied()),
                    )
                    .collect()
            })
            .collect();
        let mut order: Vec<(usize, u64, u32)> = round
            .guests
            .iter()
            .map(|&u| {
                let options = round
                    .tables
                    .iter()
                    .filter(|t| problem.may_sit(u, t.provider))
                    .count();
                (options, rng.random(), u)
            })
            .collect();
        order.sort_unstable();
        let mut unseated = Vec::new();
        for (_, _, u) in order {
            let unit = &problem.units[u as usize];
            let mut best: Option<(f64, bool, u32, u64, usize)> = None;
            for (t, table) in round.tables.iter().enumerate() {
                if !problem.may_sit(u, table.provider) || seats[t] + unit.seats > table.capacity {
                    continue;
                }
                let cost: f64 = unit
                    .seekers
                    .iter()
                    .flat_map(|&a| people[t].iter().map(move |&b| (a, b)))
                    .map(|(a, b)| {
                        let i = a as usize * n + b as usize;
                        if meet[i] == 0 {
                            f64::from(problem.history[i])
                        } else {
                            1.0
                        }
                    })
                    .sum();
                let key = (cost, seats[t] >= table.minimum, seats[t], rng.random(), t);
                if best
                    .as_ref()
                    .is_none_or(|b| (key.0, key.1, key.2, key.3) < (b.0, b.1, b.2, b.3))
                {
                    best = Some(key);
                }
            }
            let Some((_, _, _, _, t)) = best else {
                unseated.push(u);
                continue;
            };
            for &a in &unit.seekers {
                for &b in &people[t] {
                    meet[a as usize * n + b as usize] += 1;
                    meet[b as usize * n + a as usize] += 1;
                }
            }
            people[t].extend(&unit.seekers);
            tables[t].push(u);
            seats[t] += unit.seats;
        }
        unseated.sort_unstable();
        all_tables.push(tables);
        all_unseated.push(unseated);
    }
    (all_tables, all_unseated)
}

/// Run the search.
pub(super) fn run(problem: &Problem, options: &RoundsOptions, started: Instant) -> Outcome {
    if super::golfer::applies(problem) {
        return super::golfer::run(problem, options, started);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let (start, no_seat) = greedy(problem, &mut rng);
    let mut state = State::new(problem, start);
    let mut best = state.tables.clone();
    let mut best_cost = state.cost();
    let n_units = problem.units.len();
    let rounds = problem.rounds.len();
    // The table each unit left last, per round, and until which step it may not return.
    let mut tabu: Vec<Vec<(u32, u64)>> = vec![vec![(NONE, 0); n_units]; rounds];
    // Swaps of two units in a round, tabu until a step (as in Dotú and Van Hentenryck).
    let mut swaps_tabu: std::collections::HashMap<(u32, u32, u32), u64> =
        std::collections::HashMap::new();
    let stall_limit = 200 + 20 * n_units as u64;
    let (mut iteration, mut last_better, mut perturbations) = (0u64, 0u64, 0u64);
    let mut scratch = Vec::new();
    let mut conflicted: Vec<(usize, u32)> = Vec::new();
    let limit = options.max_iterations.unwrap_or(u64::MAX);
    while best_cost > EPS && iteration < limit {
        if started.elapsed().as_secs_f64() > options.time_limit_seconds {
            break;
        }
        iteration += 1;
        if iteration - last_better > stall_limit {
            state = State::new(problem, best.clone());
            perturb(&mut state, &mut rng, &mut scratch);
            perturbations += 1;
            last_better = iteration;
            for list in &mut tabu {
                list.fill((NONE, 0));
            }
            swaps_tabu.clear();
        }
        if iteration % 1024 == 0 {
            swaps_tabu.retain(|_, until| *until > iteration);
        }
        conflicted.clear();
        for r in 0..rounds {
            for &u in &problem.rounds[r].guests {
                if state.at[r][u as usize] != NONE && state.in_conflict(r, u, &mut scratch) {
                    conflicted.push((r, u));
                }
            }
        }
        let current = state.cost();
        let mut chosen: Option<(f64, Step)> = None;
        let mut ties = 0u32;
        for &(r, a) in &conflicted {
            let from = state.at[r][a as usize];
            let unit_a = &problem.units[a as usize];
            let round = &problem.rounds[r];
            state.people_at(r, from as usize, a, &mut scratch);
            let leave_a: f64 = unit_a
                .seekers
                .iter()
                .flat_map(|&p| scratch.iter().map(move |&x| (p, x)))
                .map(|(p, x)| state.remove_cost(p, x))
                .sum();
            let from_people = scratch.clone();
            for (t, table) in round.tables.iter().enumerate() {
                let t32 = t as u32;
                if t32 == from || !problem.may_sit(a, table.provider) {
                    continue;
                }
                let a_tabu = tabu[r][a as usize].0 == t32 && tabu[r][a as usize].1 > iteration;
                state.people_at(r, t, NONE, &mut scratch);
                let join_a: f64 = unit_a
                    .seekers
                    .iter()
                    .flat_map(|&p| scratch.iter().map(move |&y| (p, y)))
                    .map(|(p, y)| state.add_cost(p, y))
                    .sum();
                // A move to a free seat.
                'free_seat: {
                    if state.seats[r][t] + unit_a.seats > table.capacity {
                        break 'free_seat;
                    }
                    let mut delta = leave_a + join_a;
                    if state.broken[r][from as usize] > 0 || problem.full_group_rules || {
                        let tf = &round.tables[from as usize];
                        state.seats[r][from as usize] - unit_a.seats < tf.minimum
                            || state.seats[r][t] < table.minimum
                    } {
                        let Some(with_rules) =
                            with_group_rules(&chosen, &state, r, from, a, t32, NONE, delta)
                        else {
                            break 'free_seat;
                        };
                        delta = with_rules;
                    }
                    consider(
                        &mut chosen,
                        &mut ties,
                        &mut rng,
                        delta,
                        a_tabu,
                        current,
                        best_cost,
                        Step {
                            r,
                            a,
                            b: NONE,
                            to: t32,
                        },
                    );
                }
                // Swaps with each unit there.
                for &b in &state.tables[r][t] {
                    let unit_b = &problem.units[b as usize];
                    let from_table = &round.tables[from as usize];
                    if !problem.may_sit(b, from_table.provider)
                        || state.seats[r][t] - unit_b.seats + unit_a.seats > table.capacity
                        || state.seats[r][from as usize] - unit_a.seats + unit_b.seats
                            > from_table.capacity
                    {
                        continue;
                    }
                    let b_tabu = swaps_tabu
                        .get(&(r as u32, a.min(b), a.max(b)))
                        .is_some_and(|&until| until > iteration);
                    let mut delta = leave_a + join_a;
                    for &q in &unit_b.seekers {
                        for &p in &unit_a.seekers {
                            delta -= state.add_cost(p, q);
                        }
                        for &y in &scratch {
                            if !unit_b.seekers.contains(&y) {
                                delta += state.remove_cost(q, y);
                            }
                        }
                        for &x in &from_people {
                            delta += state.add_cost(q, x);
                        }
                    }
                    if problem.full_group_rules
                        || unit_a.seats != unit_b.seats
                        || state.broken[r][t] > 0
                        || state.broken[r][from as usize] > 0
                    {
                        let Some(with_rules) =
                            with_group_rules(&chosen, &state, r, from, a, t32, b, delta)
                        else {
                            continue;
                        };
                        delta = with_rules;
                    }
                    consider(
                        &mut chosen,
                        &mut ties,
                        &mut rng,
                        delta,
                        b_tabu,
                        current,
                        best_cost,
                        Step { r, a, b, to: t32 },
                    );
                }
            }
        }
        let Some((chosen_delta, step)) = chosen else {
            // Every step is tabu or none exists: perturb at once.
            last_better = 0;
            continue;
        };
        let from = state.at[step.r][step.a as usize];
        let tenure = rng.random_range(TENURE);
        state.relocate(step.r, step.a, NONE, &mut scratch);
        if step.b == NONE {
            tabu[step.r][step.a as usize] = (from, iteration + tenure);
        } else {
            let key = (step.r as u32, step.a.min(step.b), step.a.max(step.b));
            swaps_tabu.insert(key, iteration + tenure);
            state.relocate(step.r, step.b, NONE, &mut scratch);
            state.relocate(step.r, step.b, from, &mut scratch);
        }
        state.relocate(step.r, step.a, step.to, &mut scratch);
        let cost = state.cost();
        debug_assert!(
            (cost - current - chosen_delta).abs() < 1e-6,
            "the step changed the cost by what its evaluation said"
        );
        if cost < best_cost - EPS {
            best_cost = cost;
            best.clone_from(&state.tables);
            last_better = iteration;
        }
    }
    Outcome {
        tables: best,
        no_seat,
        iterations: iteration,
        perturbations,
        complete: best_cost <= EPS,
    }
}

/// The cost change of moving unit `a` from table `from` to `to` and unit `b` (or none) the
/// other way, given the change `delta` in repeats, with the group rules broken and mended;
/// `None` when even mending every broken rule could not make it the best step so far.
#[allow(clippy::too_many_arguments)]
fn with_group_rules(
    chosen: &Option<(f64, Step)>,
    state: &State<'_>,
    r: usize,
    from: u32,
    a: u32,
    to: u32,
    b: u32,
    delta: f64,
) -> Option<f64> {
    let (from, to) = (from as usize, to as usize);
    if pruned(chosen, state, r, from, to, delta) {
        return None;
    }
    let v = state.violation_delta(r, from, a, b) + state.violation_delta(r, to, b, a);
    Some(delta + VIOLATION_COST * v as f64)
}

/// Whether a step whose repeats change by `delta` cannot beat the best step so far even if it
/// mended every rule tables `from` and `to` break: then the group rules need not be checked.
fn pruned(
    chosen: &Option<(f64, Step)>,
    state: &State<'_>,
    r: usize,
    from: usize,
    to: usize,
    delta: f64,
) -> bool {
    let mendable = f64::from(state.broken[r][from] + state.broken[r][to]);
    chosen
        .as_ref()
        .is_some_and(|(best, _)| delta - VIOLATION_COST * mendable > *best + EPS)
}

/// Keep the step if it is the best so far (ties broken at random); a tabu step only when it
/// makes the best plan yet (aspiration).
#[allow(clippy::too_many_arguments)]
fn consider(
    chosen: &mut Option<(f64, Step)>,
    ties: &mut u32,
    rng: &mut ChaCha8Rng,
    delta: f64,
    tabu: bool,
    current: f64,
    best: f64,
    step: Step,
) {
    if tabu && current + delta >= best - EPS {
        return;
    }
    match chosen {
        Some((d, _)) if delta > *d + EPS => {}
        Some((d, _)) if delta > *d - EPS => {
            *ties += 1;
            if rng.random_range(0..*ties) == 0 {
                *chosen = Some((delta, step));
            }
        }
        _ => {
            *ties = 1;
            *chosen = Some((delta, step));
        }
    }
}

/// Random swaps of units at different tables of random rounds (capacity and pair rules
/// kept): a few per round.
fn perturb(state: &mut State<'_>, rng: &mut ChaCha8Rng, scratch: &mut Vec<u32>) {
    let problem = state.problem;
    let swaps = 2 + problem.rounds.len();
    for _ in 0..swaps {
        let r = rng.random_range(0..problem.rounds.len());
        let guests = &problem.rounds[r].guests;
        if guests.len() < 2 {
            continue;
        }
        let a = guests[rng.random_range(0..guests.len())];
        let b = guests[rng.random_range(0..guests.len())];
        let (ta, tb) = (state.at[r][a as usize], state.at[r][b as usize]);
        if ta == NONE || tb == NONE || ta == tb {
            continue;
        }
        let tables = &problem.rounds[r].tables;
        let (ua, ub) = (&problem.units[a as usize], &problem.units[b as usize]);
        if !problem.may_sit(a, tables[tb as usize].provider)
            || !problem.may_sit(b, tables[ta as usize].provider)
            || state.seats[r][tb as usize] - ub.seats + ua.seats > tables[tb as usize].capacity
            || state.seats[r][ta as usize] - ua.seats + ub.seats > tables[ta as usize].capacity
        {
            continue;
        }
        state.relocate(r, a, NONE, scratch);
        state.relocate(r, b, ta, scratch);
        state.relocate(r, a, tb, scratch);
    }
}
