//! The groups solver: placement that respects what is about a whole group at a provider (a
//! minimum to take place, newcomers and established residents at each table counting the
//! host, no lone member of a value, never an all-female with an all-male party, keep-together
//! and keep-apart sets).
//!
//! It starts from the flow solution ([`super::optimal`]), keeps the groups that hold, and then
//! runs a large-neighbourhood search: destroy the groups of one to three neighbouring
//! providers, rebuild them from their seekers and the unplaced seekers around them (seekers
//! that fill a missing newcomer or established seat first, then by value with seeded noise),
//! re-place seekers that found no seat, and keep the change unless it makes the plan worse.
//! Keep-together sets move as one unit. Everything random comes from the seed.

use std::collections::HashMap;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::{Gender, Origin, Profile};

use super::context::{Component, Context, mix};
use super::ix::{EdgeIx, SeekerIx};
use super::{Objective, Part, SolveError, optimal};

/// Iterations per provider of the component when `options.iterations` is not set.
const ITERATIONS_PER_PROVIDER: u64 = 300;
/// The most iterations per component when `options.iterations` is not set.
const MAX_DEFAULT_ITERATIONS: u64 = 200_000;
/// Iterations between two progress reports of the search.
pub(crate) const PROGRESS_ITERATIONS: u64 = 1024;
/// Scores closer than this are equal.
const TOLERANCE: f64 = 1e-9;

/// Seekers placed together or not at all, described as far as group rules need.
struct Unit {
    seekers: Vec<SeekerIx>,
    /// Seats taken of a provider's capacity (`seats`, else party size, summed).
    seats: u32,
    /// People (party sizes summed), for the most-people objective.
    people: u64,
    newcomers: u64,
    established: u64,
    female: u32,
    male: u32,
    /// (attribute, value, people) for the no-lone attributes.
    lone: Vec<(u16, u32, u64)>,
    /// Keep-apart sets its members are in (a set twice: the unit can never be placed).
    apart: Vec<u32>,
    /// (local provider, value) for providers feasible for every member.
    options: Vec<(u32, f64)>,
    /// The provider its members are locked to.
    locked: Option<u32>,
}

/// The group at one provider, with the counts the rules need (the host included).
#[derive(Clone)]
struct Table {
    units: Vec<u32>,
    seats: u32,
    newcomers: u64,
    established: u64,
    female: u32,
    male: u32,
    lone: Vec<(u16, u32, u64)>,
    apart: Vec<(u32, u32)>,
}

/// The group rules of the programme, and each provider's limits.
struct Rules {
    capacity: Vec<u32>,
    minimum: Vec<u32>,
    composition: bool,
    min_newcomers: u64,
    min_established: u64,
    gender_parties: bool,
    /// Per table, where its host limits events: the limit and the host's other tables.
    host_peers: Vec<Option<(u32, Vec<u32>)>>,
}

/// The search state of one component.
struct Search<'c> {
    rules: Rules,
    units: Vec<Unit>,
    tables: Vec<Table>,
    assign: Vec<Option<u32>>,
    /// Units with an option at each provider, ascending, with their value there.
    at_provider: Vec<Vec<(u32, f64)>>,
    /// Tables with locked units: the only ones that may break a rule during the search.
    locked_tables: Vec<u32>,
    people: u64,
    score: f64,
    objective: Objective,
    context: &'c Context<'c>,
    /// Pairs of seekers (lower index first) who met before, when novelty is never-again.
    met: std::collections::HashSet<(SeekerIx, SeekerIx)>,
}

/// The interned values of the no-lone attributes of a profile.
fn lone_values(
    profile: &Profile,
    people: u64,
    attributes: &[String],
    values: &mut HashMap<(u16, String), u32>,
) -> Vec<(u16, u32, u64)> {
    let mut out = Vec::new();
    for (a, attribute) in attributes.iter().enumerate() {
        if let Some(value) = profile.value(attribute) {
            let next = values.len() as u32;
            let id = *values.entry((a as u16, value)).or_insert(next);
            out.push((a as u16, id, people));
        }
    }
    out
}

fn add_counts(into: &mut Vec<(u16, u32, u64)>, from: &[(u16, u32, u64)]) {
    for &(a, v, n) in from {
        match into.iter_mut().find(|(b, w, _)| *b == a && *w == v) {
            Some(entry) => entry.2 += n,
            None => into.push((a, v, n)),
        }
    }
}

fn sub_counts(into: &mut [(u16, u32, u64)], from: &[(u16, u32, u64)]) {
    for &(a, v, n) in from {
        if let Some(entry) = into.iter_mut().find(|(b, w, _)| *b == a && *w == v) {
            entry.2 -= n;
        }
    }
}

impl<'c> Search<'c> {
    fn new(context: &'c Context<'c>, component: &Component) -> Self {
        let instance = context.instance;
        let policy = &instance.policy;
        let attributes = &policy.composition.no_lone;
        let mut values: HashMap<(u16, String), u32> = HashMap::new();
        let gender_count = |g: Option<Gender>| {
            (
                u32::from(g == Some(Gender::Female)),
                u32::from(g == Some(Gender::Male)),
            )
        };
        let mut tables = Vec::with_capacity(component.providers.len());
        for &p in &component.providers {
            let provider = &instance.providers[p];
            let mut table = Table {
                units: Vec::new(),
                seats: 0,
                newcomers: 0,
                established: 0,
                female: 0,
                male: 0,
                lone: Vec::new(),
                apart: Vec::new(),
            };
            if let Some(host) = &provider.host_profile {
                let n = u64::from(provider.host_size);
                table.newcomers = if host.origin == Some(Origin::Newcomer) {
                    n
                } else {
                    0
                };
                table.established = if host.origin == Some(Origin::Established) {
                    n
                } else {
                    0
                };
                (table.female, table.male) = gender_count(host.gender);
                table.lone = lone_values(host, n, attributes, &mut values);
            }
            tables.push(table);
        }
        let mut apart_of: HashMap<SeekerIx, Vec<u32>> = HashMap::new();
        for (k, set) in instance.constraints.keep_apart.iter().enumerate() {
            for id in set {
                if let Some(&s) = context.seeker_ix.get(id.as_str()) {
                    apart_of.entry(s).or_default().push(k as u32);
                }
            }
        }
        let mut unit_ids: Vec<u32> = component
            .seekers
            .iter()
            .map(|&s| context.unit_of[s])
            .collect();
        unit_ids.sort_unstable();
        unit_ids.dedup();
        let mut units = Vec::with_capacity(unit_ids.len());
        let mut at_provider: Vec<Vec<(u32, f64)>> = vec![Vec::new(); component.providers.len()];
        for &u in &unit_ids {
            let seekers = context.units[u as usize].clone();
            let mut unit = Unit {
                seekers: seekers.clone(),
                seats: 0,
                people: 0,
                newcomers: 0,
                established: 0,
                female: 0,
                male: 0,
                lone: Vec::new(),
                apart: Vec::new(),
                options: Vec::new(),
                locked: None,
            };
            for &s in &seekers {
                let seeker = &instance.seekers[s];
                let n = u64::from(seeker.party_size);
                unit.seats = unit.seats.saturating_add(seeker.seats_taken());
                unit.people += n;
                match seeker.profile.origin {
                    Some(Origin::Newcomer) => unit.newcomers += n,
                    Some(Origin::Established) => unit.established += n,
                    None => {}
                }
                let (f, m) = gender_count(seeker.profile.gender);
                unit.female += f;
                unit.male += m;
                let own = lone_values(&seeker.profile, n, attributes, &mut values);
                add_counts(&mut unit.lone, &own);
                unit.apart
                    .extend(apart_of.get(&s).into_iter().flatten().copied());
                if let Some(e) = context.locked[s] {
                    unit.locked = Some(component.provider(context.provider_of(e)) as u32);
                }
            }
            // Providers feasible for every member, with the members' summed weight.
            unit.options = context
                .shared_options(&seekers)
                .into_iter()
                .map(|(p, _, value)| (component.provider(p) as u32, value))
                .collect();
            let index = units.len() as u32;
            for &(j, value) in &unit.options {
                at_provider[j as usize].push((index, value));
            }
            units.push(unit);
        }
        let mut capacity: Vec<u32> = component
            .providers
            .iter()
            .map(|&p| instance.providers[p].capacity)
            .collect();
        for &j in &component.closed {
            capacity[j as usize] = 0;
        }
        let host_of = |j: usize| context.host_limit[component.providers[j]];
        let host_peers = (0..component.providers.len())
            .map(|j| {
                let (h, max) = host_of(j)?;
                let peers = (0..component.providers.len())
                    .filter(|&k| k != j && host_of(k).is_some_and(|(g, _)| g == h))
                    .map(|k| k as u32)
                    .collect();
                Some((max, peers))
            })
            .collect();
        let rules = Rules {
            capacity,
            minimum: component
                .providers
                .iter()
                .map(|&p| instance.providers[p].minimum)
                .collect(),
            composition: policy.composition.enforce,
            min_newcomers: u64::from(policy.composition.min_newcomers),
            min_established: u64::from(policy.composition.min_established),
            gender_parties: policy.rules.gender_parties,
            host_peers,
        };
        let n_units = units.len();
        let mut locked_tables: Vec<u32> = units.iter().filter_map(|u| u.locked).collect();
        locked_tables.sort_unstable();
        locked_tables.dedup();
        Self {
            locked_tables,
            rules,
            units,
            tables,
            assign: vec![None; n_units],
            at_provider,
            people: 0,
            score: 0.0,
            objective: context.options.objective,
            met: seekers_who_met(context),
            context,
        }
    }

    fn value_at(&self, u: u32, j: u32) -> f64 {
        self.units[u as usize]
            .options
            .iter()
            .find(|&&(k, _)| k == j)
            .map_or(0.0, |&(_, v)| v)
    }

    /// Whether unit `u` can join table `j` without a conflict (seats, gender parties,
    /// keep-apart, the host's limit on events); minimum and composition are checked by
    /// [`Search::valid`].
    fn fits(&self, u: u32, j: u32) -> bool {
        let (unit, table) = (&self.units[u as usize], &self.tables[j as usize]);
        if u64::from(table.seats) + u64::from(unit.seats)
            > u64::from(self.rules.capacity[j as usize])
        {
            return false;
        }
        if let (true, Some((max, peers))) =
            (table.units.is_empty(), &self.rules.host_peers[j as usize])
        {
            let running = peers
                .iter()
                .filter(|&&k| !self.tables[k as usize].units.is_empty())
                .count();
            if running >= *max as usize {
                return false;
            }
        }
        if self.rules.gender_parties
            && (table.female + unit.female > 0)
            && (table.male + unit.male > 0)
        {
            return false;
        }
        if !self.met.is_empty() && self.meets_again(unit, table) {
            return false;
        }
        for (i, set) in unit.apart.iter().enumerate() {
            if unit.apart[..i].contains(set) || table.apart.iter().any(|&(k, n)| k == *set && n > 0)
            {
                return false;
            }
        }
        true
    }

    /// Whether a member of `unit` met someone at `table` before (never-again novelty).
    fn meets_again(&self, unit: &Unit, table: &Table) -> bool {
        table.units.iter().any(|&v| {
            self.units[v as usize].seekers.iter().any(|&b| {
                unit.seekers
                    .iter()
                    .any(|&a| self.met.contains(&(a.min(b), a.max(b))))
            })
        })
    }

    /// Whether table `j` keeps every group rule (an empty table always does).
    fn valid(&self, j: u32) -> bool {
        let table = &self.tables[j as usize];
        if table.units.is_empty() {
            return true;
        }
        if table.seats < self.rules.minimum[j as usize] {
            return false;
        }
        if self.rules.composition {
            if table.newcomers < self.rules.min_newcomers
                || table.established < self.rules.min_established
            {
                return false;
            }
            if table.lone.iter().any(|&(_, _, n)| n == 1) {
                return false;
            }
        }
        true
    }

    fn add(&mut self, u: u32, j: u32) {
        let value = self.value_at(u, j);
        let unit = &self.units[u as usize];
        let table = &mut self.tables[j as usize];
        table.units.push(u);
        table.seats += unit.seats;
        table.newcomers += unit.newcomers;
        table.established += unit.established;
        table.female += unit.female;
        table.male += unit.male;
        add_counts(&mut table.lone, &unit.lone);
        for &set in &unit.apart {
            match table.apart.iter_mut().find(|(k, _)| *k == set) {
                Some(entry) => entry.1 += 1,
                None => table.apart.push((set, 1)),
            }
        }
        self.assign[u as usize] = Some(j);
        self.people += unit.people;
        self.score += value;
    }

    fn remove(&mut self, u: u32) {
        let Some(j) = self.assign[u as usize] else {
            return;
        };
        let value = self.value_at(u, j);
        let unit = &self.units[u as usize];
        let table = &mut self.tables[j as usize];
        if let Some(at) = table.units.iter().position(|&v| v == u) {
            table.units.remove(at);
        }
        table.seats -= unit.seats;
        table.newcomers -= unit.newcomers;
        table.established -= unit.established;
        table.female -= unit.female;
        table.male -= unit.male;
        sub_counts(&mut table.lone, &unit.lone);
        for &set in &unit.apart {
            if let Some(entry) = table.apart.iter_mut().find(|(k, _)| *k == set) {
                entry.1 -= 1;
            }
        }
        self.assign[u as usize] = None;
        self.people -= unit.people;
        self.score -= value;
    }

    /// Tables that hold locked units but break a rule: the search must mend them first.
    fn invalid_locked(&self) -> usize {
        self.locked_tables
            .iter()
            .filter(|&&j| !self.valid(j))
            .count()
    }

    /// The plan's worth, compared lexicographically: fewer broken tables, then the objective.
    fn key(&self) -> (i64, f64, f64) {
        let broken = -(self.invalid_locked() as i64);
        match self.objective {
            Objective::MaxPlaced => (broken, self.people as f64, self.score),
            Objective::MaxScore => (broken, self.score, self.people as f64),
        }
    }

    /// How much a unit is worth at a table, for ordering candidates.
    fn priority(&self, u: u32, value: f64) -> f64 {
        match self.objective {
            Objective::MaxPlaced => self.units[u as usize].people as f64 + 0.01 * value,
            Objective::MaxScore => value,
        }
    }

    /// Fill table `j` from the unassigned units with an option there (every one of them is in
    /// the step's pool): units that supply a missing newcomer or established resident first,
    /// then the rest by priority with noise. If the group then breaks a rule and dropping one
    /// unit does not mend it, every unit added here leaves again.
    fn fill(&mut self, j: u32, rng: &mut ChaCha8Rng, noise: f64) {
        let mut candidates: Vec<(f64, u32)> = self.at_provider[j as usize]
            .iter()
            .filter(|&&(u, _)| self.assign[u as usize].is_none())
            .map(|&(u, value)| {
                let jitter = 1.0 + noise * (rng.random::<f64>() - 0.5);
                (self.priority(u, value) * jitter, u)
            })
            .collect();
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut added: Vec<u32> = Vec::new();
        if self.rules.composition {
            for need_newcomer in [true, false] {
                let missing = {
                    let t = &self.tables[j as usize];
                    if need_newcomer {
                        t.newcomers < self.rules.min_newcomers
                    } else {
                        t.established < self.rules.min_established
                    }
                };
                if !missing {
                    continue;
                }
                let pick = candidates.iter().map(|&(_, u)| u).find(|&u| {
                    let unit = &self.units[u as usize];
                    let supplies = if need_newcomer {
                        unit.newcomers > 0
                    } else {
                        unit.established > 0
                    };
                    supplies && self.assign[u as usize].is_none() && self.fits(u, j)
                });
                if let Some(u) = pick {
                    self.add(u, j);
                    added.push(u);
                }
            }
        }
        for &(_, u) in &candidates {
            if self.assign[u as usize].is_none() && self.fits(u, j) {
                self.add(u, j);
                added.push(u);
            }
        }
        if self.valid(j) {
            return;
        }
        for &u in added.iter().rev() {
            self.remove(u);
            if self.valid(j) {
                return;
            }
            self.add(u, j);
        }
        for &u in &added {
            self.remove(u);
        }
    }

    /// Put unit `u` at the best table among its options where it fits and the group keeps
    /// every rule. Returns whether it was placed.
    fn insert_best(&mut self, u: u32) -> bool {
        match self.best_table(u) {
            Some(j) => {
                self.add(u, j);
                true
            }
            None => false,
        }
    }

    /// The best table among unit `u`'s options where it fits and the group keeps every rule:
    /// the highest value, ties to the lower table. Each option is tried and undone, so the
    /// tables' counts are as before (a trial may leave zero counts behind, which no rule reads).
    fn best_table(&mut self, u: u32) -> Option<u32> {
        let mut best: Option<(f64, u32)> = None;
        for k in 0..self.units[u as usize].options.len() {
            let (j, value) = self.units[u as usize].options[k];
            if !self.fits(u, j) {
                continue;
            }
            self.add(u, j);
            let ok = self.valid(j);
            self.remove(u);
            if ok && best.is_none_or(|(v, k)| value > v || (value == v && j < k)) {
                best = Some((value, j));
            }
        }
        best.map(|(_, j)| j)
    }

    /// The starting plan: locked units, then the flow's choice where whole units agree,
    /// groups that break a rule emptied, then every unplaced unit offered a seat.
    fn start(&mut self, flow: &[(SeekerIx, EdgeIx)], component: &Component) {
        let context = self.context;
        for u in 0..self.units.len() as u32 {
            if let Some(j) = self.units[u as usize].locked {
                self.add(u, j);
            }
        }
        let mut flow_at: HashMap<SeekerIx, u32> = HashMap::new();
        for &(s, e) in flow {
            flow_at.insert(s, component.provider(context.provider_of(e)) as u32);
        }
        let mut order: Vec<(f64, u32, u32)> = Vec::new();
        for (u, unit) in self.units.iter().enumerate() {
            if unit.locked.is_some() {
                continue;
            }
            let places: Vec<Option<&u32>> = unit.seekers.iter().map(|s| flow_at.get(s)).collect();
            if let Some(&Some(&j)) = places.first() {
                if places.iter().all(|p| *p == Some(&j))
                    && unit.options.iter().any(|&(k, _)| k == j)
                {
                    order.push((self.value_at(u as u32, j), u as u32, j));
                }
            }
        }
        order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, u, j) in order {
            if self.fits(u, j) {
                self.add(u, j);
            }
        }
        for j in 0..self.tables.len() as u32 {
            if !self.valid(j) {
                let removable: Vec<u32> = self.tables[j as usize]
                    .units
                    .iter()
                    .copied()
                    .filter(|&u| self.units[u as usize].locked.is_none())
                    .collect();
                for u in removable {
                    self.remove(u);
                }
            }
        }
        for u in 0..self.units.len() as u32 {
            if self.assign[u as usize].is_none() {
                self.insert_best(u);
            }
        }
    }

    /// One destroy-and-repair step; returns whether the change was kept.
    fn step(&mut self, rng: &mut ChaCha8Rng) -> bool {
        let n_tables = self.tables.len();
        // Where to destroy: near an unplaced unit half of the time, else anywhere.
        let start = if rng.random::<bool>() {
            let k = rng.random_range(0..self.units.len());
            let unit = &self.units[k];
            if self.assign[k].is_none() && !unit.options.is_empty() {
                unit.options[rng.random_range(0..unit.options.len())].0
            } else {
                rng.random_range(0..n_tables) as u32
            }
        } else {
            rng.random_range(0..n_tables) as u32
        };
        let mut destroyed = vec![start];
        let extra = rng.random_range(0..3);
        for _ in 0..extra {
            let around =
                &self.at_provider[destroyed[rng.random_range(0..destroyed.len())] as usize];
            if around.is_empty() {
                break;
            }
            let u = around[rng.random_range(0..around.len())].0;
            let options = &self.units[u as usize].options;
            let j = options[rng.random_range(0..options.len())].0;
            if !destroyed.contains(&j) {
                destroyed.push(j);
            }
        }
        let before = self.key();
        // Undo log: the tables and assignments as they were.
        let mut saved_tables: Vec<(u32, Table)> = destroyed
            .iter()
            .map(|&j| (j, self.tables[j as usize].clone()))
            .collect();
        let mut saved_assign: Vec<(u32, Option<u32>)> = Vec::new();
        let (saved_people, saved_score) = (self.people, self.score);
        let mut freed: Vec<u32> = Vec::new();
        for &j in &destroyed {
            let members: Vec<u32> = self.tables[j as usize].units.clone();
            for u in members {
                if self.units[u as usize].locked.is_none() {
                    saved_assign.push((u, Some(j)));
                    self.remove(u);
                    freed.push(u);
                }
            }
        }
        let mut pool: Vec<u32> = freed.clone();
        for &j in &destroyed {
            pool.extend(
                self.at_provider[j as usize]
                    .iter()
                    .map(|&(u, _)| u)
                    .filter(|&u| self.assign[u as usize].is_none()),
            );
        }
        pool.sort_unstable();
        pool.dedup();
        for &u in &pool {
            if !freed.contains(&u) {
                saved_assign.push((u, None));
            }
        }
        let mut order = destroyed.clone();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.random_range(0..=i));
        }
        let noise = [0.0, 0.3, 1.0][rng.random_range(0..3)];
        for &j in &order {
            self.fill(j, rng, noise);
        }
        // Seekers that lost their seat try every other table; a table is saved for the undo
        // just before it changes.
        for &u in &freed {
            if self.assign[u as usize].is_none() {
                if let Some(j) = self.best_table(u) {
                    if !saved_tables.iter().any(|(k, _)| *k == j) {
                        saved_tables.push((j, self.tables[j as usize].clone()));
                    }
                    self.add(u, j);
                }
            }
        }
        let after = self.key();
        if better_or_equal(after, before) {
            return after != before;
        }
        for (j, table) in saved_tables {
            self.tables[j as usize] = table;
        }
        for (u, place) in saved_assign {
            self.assign[u as usize] = place;
        }
        self.people = saved_people;
        self.score = saved_score;
        false
    }
}

/// Lexicographic comparison of plan keys, scores equal within [`TOLERANCE`].
/// Pairs of seekers (lower index first) who met before, when `policy.novelty` is
/// never-again; empty otherwise.
fn seekers_who_met(context: &Context<'_>) -> std::collections::HashSet<(SeekerIx, SeekerIx)> {
    let instance = context.instance;
    if instance.policy.novelty != Some(crate::model::Novelty::NeverAgain) {
        return std::collections::HashSet::new();
    }
    instance
        .history
        .met
        .iter()
        .filter_map(|m| {
            let a = *context.seeker_ix.get(m.people[0].as_str())?;
            let b = *context.seeker_ix.get(m.people[1].as_str())?;
            (a != b).then(|| (a.min(b), a.max(b)))
        })
        .collect()
}

fn better_or_equal(a: (i64, f64, f64), b: (i64, f64, f64)) -> bool {
    if a.0 != b.0 {
        return a.0 > b.0;
    }
    if (a.1 - b.1).abs() > TOLERANCE {
        return a.1 > b.1;
    }
    a.2 >= b.2 - TOLERANCE
}

/// Iterations of the search on `component`: `options.iterations`, else 300 per provider.
pub(crate) fn iterations(context: &Context<'_>, component: &Component) -> u64 {
    context.options.iterations.unwrap_or_else(|| {
        (ITERATIONS_PER_PROVIDER * component.providers.len() as u64).min(MAX_DEFAULT_ITERATIONS)
    })
}

/// Solve one component: flow, then the group search.
pub(crate) fn solve_component(
    context: &Context<'_>,
    component: &Component,
) -> Result<Part, SolveError> {
    // The optimal solver's plan (locked seekers included) is where the search starts.
    let mut part = optimal::solve_component(context, component)?;
    let flow = std::mem::take(&mut part.chosen);
    let bound = part.bound;
    let mut search = Search::new(context, component);
    search.start(&flow, component);
    let iterations = iterations(context, component);
    let mut rng = ChaCha8Rng::seed_from_u64(mix(
        context.options.seed,
        u64::from(component.seekers[0].raw()),
        0x6772_6f75_7073,
    ));
    // In chunks, so that progress is counted once a chunk (and not at all unwatched).
    let mut left = iterations;
    while left > 0 {
        let chunk = left.min(PROGRESS_ITERATIONS);
        for _ in 0..chunk {
            search.step(&mut rng);
        }
        context.search.advance(chunk);
        left -= chunk;
    }
    let mut chosen = Vec::new();
    for (u, place) in search.assign.iter().enumerate() {
        if let Some(j) = place {
            let p = component.providers[*j as usize];
            for &s in &search.units[u].seekers {
                let e = context
                    .edge(s, p)
                    .expect("a unit is only placed where every member is feasible");
                chosen.push((s, e));
            }
        }
    }
    Ok(Part {
        chosen,
        iterations,
        bound,
    })
}
