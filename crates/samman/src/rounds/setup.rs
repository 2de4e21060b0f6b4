//! What the search works on: people (seekers and hosts), units of seekers who sit together,
//! which unit may sit at which provider, the history's weight per pair, and per round the
//! tables that take place and the units to seat, after hosting rotates and some sit out.

use std::collections::HashMap;

use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{
    Absence, Group, MAX_PEOPLE, OptionProblem, Round, RoundProviders, RoundsError, RoundsOptions,
    Unseated,
};
use crate::graph::CandidateGraph;
use crate::history::{earlier_pairs, host_person};
use crate::model::Instance;
use crate::rules::group_violations;

/// Seekers who sit at one table or not at all (a keep-together set, or one seeker).
pub(super) struct Unit {
    /// Seeker indices, ascending.
    pub seekers: Vec<u32>,
    /// Seats they take.
    pub seats: u32,
}

/// A table that takes place in a round.
pub(super) struct Table {
    /// The provider's index.
    pub provider: u32,
    /// Seats.
    pub capacity: u32,
    /// Seats below which the table breaks its minimum.
    pub minimum: u32,
    /// The host person when it is not a seeker (person index), who meets everyone there.
    pub outside_host: Option<u32>,
    /// The unit of a seeker who hosts (fixed at the table).
    pub host_unit: Option<u32>,
    /// The host seeker itself (not a guest; takes no seat).
    pub host_seeker: Option<u32>,
    /// Seats the host unit's other members take.
    pub host_seats: u32,
}

/// One round before the search: its tables and who is to be seated.
pub(super) struct RoundSetup {
    pub date: Option<NaiveDate>,
    pub tables: Vec<Table>,
    /// Units to seat, by the search.
    pub guests: Vec<u32>,
    /// Units sitting out in turn.
    pub sitting_out: Vec<u32>,
    /// Units with no feasible table this round.
    pub no_table: Vec<u32>,
}

/// The problem the search solves.
pub(super) struct Problem {
    /// People: seekers first (same indices), then hosts who are not seekers.
    pub people: Vec<String>,
    pub units: Vec<Unit>,
    /// Per seeker, its unit.
    pub unit_of: Vec<u32>,
    /// Per unit, the providers its members may all sit at, as a bit set.
    feasible: Vec<u64>,
    words: usize,
    /// History weight per pair of people, row-major `n × n` (0: never met).
    pub history: Vec<f32>,
    pub rounds: Vec<RoundSetup>,
    /// Group rules beyond capacity and minimum are on (checked through the core's rules).
    pub full_group_rules: bool,
    /// The instance group rules are checked against (novelty left to the search).
    pub group_instance: Instance,
}

impl Problem {
    pub fn new(
        instance: &Instance,
        graph: &CandidateGraph,
        options: &RoundsOptions,
    ) -> Result<Self, RoundsError> {
        let n_seekers = instance.seekers.len();
        let seeker_ix = instance.seeker_indices();
        let (units, unit_of) = units(instance, &seeker_ix);
        // People: seekers, then outside hosts.
        let mut people: Vec<String> = instance.seekers.iter().map(|s| s.id.0.clone()).collect();
        let mut person_ix: HashMap<String, u32> = people
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i as u32))
            .collect();
        let mut host_of: Vec<Option<u32>> = Vec::with_capacity(instance.providers.len());
        for provider in &instance.providers {
            host_of.push(host_person(provider).map(|h| {
                let next = people.len() as u32;
                *person_ix.entry(h.to_owned()).or_insert_with(|| {
                    people.push(h.to_owned());
                    next
                })
            }));
        }
        let n = people.len();
        if n > MAX_PEOPLE {
            return Err(RoundsError::option(
                "rounds",
                OptionProblem::TooManyPeople { people: n },
            ));
        }
        let mut history = vec![0.0f32; n * n];
        for ((a, b), w) in earlier_pairs(instance) {
            if let (Some(&x), Some(&y)) = (person_ix.get(&a), person_ix.get(&b)) {
                let (x, y) = (x as usize, y as usize);
                history[x * n + y] = w as f32;
                history[y * n + x] = w as f32;
            }
        }
        // Which unit may sit where: every member has the edge.
        let n_providers = instance.providers.len();
        let words = n_providers.div_ceil(64).max(1);
        let mut feasible = vec![0u64; units.len() * words];
        let mut seen = vec![0u32; n_providers];
        for (u, unit) in units.iter().enumerate() {
            for &s in &unit.seekers {
                for c in graph.candidates_of(s as usize) {
                    seen[c.provider as usize] += 1;
                }
            }
            for (p, count) in seen.iter_mut().enumerate() {
                if *count as usize == unit.seekers.len() {
                    feasible[u * words + p / 64] |= 1 << (p % 64);
                }
                *count = 0;
            }
        }
        let per_round = round_providers(instance, options)?;
        let mut problem = Problem {
            people,
            units,
            unit_of,
            feasible,
            words,
            history,
            rounds: Vec::new(),
            full_group_rules: full_group_rules(instance),
            group_instance: {
                let mut plain = instance.clone();
                plain.policy.novelty = None;
                plain
            },
        };
        let mut rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0x5eed_0f7a_61e5);
        let mut turns = Turns::new(problem.units.len(), &mut rng);
        for (date, providers) in per_round {
            let round = problem.round(instance, &host_of, providers, &mut turns);
            problem.rounds.push(RoundSetup { date, ..round });
        }
        debug_assert!(n_seekers <= problem.people.len());
        Ok(problem)
    }

    /// Whether unit `u` may sit at provider `p`.
    pub fn may_sit(&self, u: u32, p: u32) -> bool {
        let p = p as usize;
        self.feasible[u as usize * self.words + p / 64] & (1 << (p % 64)) != 0
    }

    /// The tables and who sits out in one round: providers whose host is not a participant
    /// first, then participant hosts by fewest times hosted and least recently, opened until
    /// the seats fit the guests; then, if they still do not, units sit out by fewest times
    /// and least recently.
    fn round(
        &self,
        instance: &Instance,
        host_of: &[Option<u32>],
        providers: Vec<usize>,
        turns: &mut Turns,
    ) -> RoundSetup {
        let n_seekers = instance.seekers.len() as u32;
        let mut plain = Vec::new();
        let mut hosted = Vec::new();
        for p in providers {
            match host_of[p].filter(|&h| h < n_seekers) {
                Some(h) => hosted.push((p, h)),
                None => plain.push(p),
            }
        }
        hosted.sort_by_key(|&(p, h)| (turns.key_hosting(self.unit_of[h as usize]), p));
        let mut guests: Vec<bool> = vec![true; self.units.len()];
        let mut tables: Vec<Table> = Vec::new();
        let seats_of = |guests: &[bool]| -> u64 {
            guests
                .iter()
                .zip(&self.units)
                .filter(|(g, _)| **g)
                .map(|(_, u)| u64::from(u.seats))
                .sum()
        };
        let mut capacity: u64 = 0;
        let mut open = |p: usize, host_seeker: Option<u32>, guests: &mut Vec<bool>| {
            let provider = &instance.providers[p];
            let host_unit = host_seeker.map(|h| self.unit_of[h as usize]);
            let mut host_seats = 0;
            if let (Some(u), Some(h)) = (host_unit, host_seeker) {
                guests[u as usize] = false;
                host_seats = self.units[u as usize].seats
                    - instance.seekers[h as usize]
                        .seats_taken()
                        .min(self.units[u as usize].seats);
            }
            let added = u64::from(provider.capacity.saturating_sub(host_seats));
            tables.push(Table {
                provider: p as u32,
                capacity: provider.capacity,
                minimum: provider.minimum,
                outside_host: host_of[p].filter(|&h| h >= n_seekers),
                host_unit,
                host_seeker,
                host_seats,
            });
            added
        };
        for p in plain {
            if capacity >= seats_of(&guests) {
                break;
            }
            capacity += open(p, None, &mut guests);
        }
        for (p, h) in hosted {
            let u = self.unit_of[h as usize] as usize;
            if capacity >= seats_of(&guests) || !guests[u] {
                continue;
            }
            turns.hosted(u);
            capacity += open(p, Some(h), &mut guests);
        }
        // Units with no feasible open table are not seated and do not count as sitting out.
        let mut no_table = Vec::new();
        for (u, guest) in guests.iter_mut().enumerate() {
            if *guest && !tables.iter().any(|t| self.may_sit(u as u32, t.provider)) {
                *guest = false;
                no_table.push(u as u32);
            }
        }
        let mut order: Vec<u32> = (0..self.units.len() as u32)
            .filter(|&u| guests[u as usize])
            .collect();
        order.sort_by_key(|&u| turns.key_sitting(u as usize));
        let mut sitting_out = Vec::new();
        for u in order {
            if capacity >= seats_of(&guests) {
                break;
            }
            guests[u as usize] = false;
            sitting_out.push(u);
        }
        for &u in &sitting_out {
            turns.sat_out(u as usize);
        }
        turns.next_round();
        sitting_out.sort_unstable();
        RoundSetup {
            date: None,
            tables,
            guests: (0..self.units.len() as u32)
                .filter(|&u| guests[u as usize])
                .collect(),
            sitting_out,
            no_table,
        }
    }

    /// The rounds as reported: tables that break a group rule are cancelled (their guests
    /// unseated), members in seeker order. `seated[r][t]` lists the units at table `t` of round
    /// `r`; `no_seat[r]` the units the search could not seat.
    pub fn rounds_of(&self, seated: &[Vec<Vec<u32>>], no_seat: &[Vec<u32>]) -> Vec<Round> {
        let instance = &self.group_instance;
        let id = |s: u32| instance.seekers[s as usize].id.clone();
        let mut out = Vec::new();
        for (r, setup) in self.rounds.iter().enumerate() {
            let mut groups = Vec::new();
            let mut unseated = Vec::new();
            for (t, table) in setup.tables.iter().enumerate() {
                let mut members: Vec<u32> = seated[r][t]
                    .iter()
                    .chain(&table.host_unit)
                    .flat_map(|&u| self.units[u as usize].seekers.iter().copied())
                    .filter(|&s| Some(s) != table.host_seeker)
                    .collect();
                members.sort_unstable();
                if members.is_empty() {
                    continue;
                }
                let indices: Vec<usize> = members.iter().map(|&s| s as usize).collect();
                let broken = group_violations(instance, table.provider as usize, &indices);
                if broken.is_empty() {
                    let provider = &instance.providers[table.provider as usize];
                    groups.push(Group {
                        provider: provider.id.clone(),
                        host: table
                            .host_seeker
                            .map(|h| instance.seekers[h as usize].id.0.clone())
                            .or_else(|| {
                                table.outside_host.map(|h| self.people[h as usize].clone())
                            }),
                        members: members.into_iter().map(id).collect(),
                    });
                } else {
                    unseated.extend(members.into_iter().map(|s| Unseated {
                        seeker: id(s),
                        reason: Absence::Group {
                            rules: broken.clone(),
                        },
                    }));
                }
            }
            let seekers_of = |units: &[u32]| -> Vec<u32> {
                let mut list: Vec<u32> = units
                    .iter()
                    .flat_map(|&u| self.units[u as usize].seekers.iter().copied())
                    .collect();
                list.sort_unstable();
                list
            };
            for (list, reason) in [
                (&setup.no_table, Absence::NoFeasibleTable),
                (&no_seat[r], Absence::NoSeat),
            ] {
                unseated.extend(seekers_of(list).into_iter().map(|s| Unseated {
                    seeker: id(s),
                    reason: reason.clone(),
                }));
            }
            unseated.sort_by(|a, b| a.seeker.cmp(&b.seeker));
            groups.sort_by_key(|g| instance.providers.iter().position(|p| p.id == g.provider));
            out.push(Round {
                round: r as u32 + 1,
                date: setup.date,
                groups,
                sitting_out: seekers_of(&setup.sitting_out).into_iter().map(id).collect(),
                unseated,
            });
        }
        out
    }
}

/// Whose turn it is to sit out, and to host: counts, the last round, a seeded tie-break.
struct Turns {
    round: u32,
    sat: Vec<(u32, Option<u32>)>,
    hosted: Vec<(u32, Option<u32>)>,
    tie: Vec<u64>,
}

impl Turns {
    fn new(units: usize, rng: &mut ChaCha8Rng) -> Self {
        Self {
            round: 0,
            sat: vec![(0, None); units],
            hosted: vec![(0, None); units],
            tie: (0..units).map(|_| rng.random()).collect(),
        }
    }

    /// Fewest times first, then least recently (never before any round), then the tie-break.
    fn key_sitting(&self, u: usize) -> (u32, Option<u32>, u64) {
        (self.sat[u].0, self.sat[u].1, self.tie[u])
    }

    fn key_hosting(&self, u: u32) -> (u32, Option<u32>, u64) {
        let u = u as usize;
        (self.hosted[u].0, self.hosted[u].1, self.tie[u])
    }

    fn sat_out(&mut self, u: usize) {
        self.sat[u] = (self.sat[u].0 + 1, Some(self.round));
    }

    fn hosted(&mut self, u: usize) {
        self.hosted[u] = (self.hosted[u].0 + 1, Some(self.round));
    }

    fn next_round(&mut self) {
        self.round += 1;
    }
}

/// Units: keep-together sets joined (through shared members), every other seeker alone.
fn units(instance: &Instance, seeker_ix: &HashMap<&str, usize>) -> (Vec<Unit>, Vec<u32>) {
    let n = instance.seekers.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for set in &instance.constraints.keep_together {
        let members: Vec<usize> = set
            .iter()
            .filter_map(|id| seeker_ix.get(id.as_str()).copied())
            .collect();
        for pair in members.windows(2) {
            let (a, b) = (root(&mut parent, pair[0]), root(&mut parent, pair[1]));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut index: HashMap<usize, u32> = HashMap::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut unit_of = vec![0u32; n];
    for (s, unit_slot) in unit_of.iter_mut().enumerate() {
        let r = root(&mut parent, s);
        let u = *index.entry(r).or_insert_with(|| {
            units.push(Unit {
                seekers: Vec::new(),
                seats: 0,
            });
            units.len() as u32 - 1
        });
        let unit = &mut units[u as usize];
        unit.seekers.push(s as u32);
        unit.seats = unit.seats.saturating_add(instance.seekers[s].seats_taken());
        *unit_slot = u;
    }
    (units, unit_of)
}

/// Whether any group rule beyond capacity and minimum is on.
fn full_group_rules(instance: &Instance) -> bool {
    let policy = &instance.policy;
    let c = &policy.composition;
    (c.enforce && (c.min_newcomers > 0 || c.min_established > 0 || !c.no_lone.is_empty()))
        || policy.rules.gender_parties
        || !instance.constraints.keep_apart.is_empty()
}

/// A round's date (by-date rounds) and its providers.
type RoundOfProviders = (Option<NaiveDate>, Vec<usize>);

/// The providers of each round, with its date (by-date rounds).
fn round_providers(
    instance: &Instance,
    options: &RoundsOptions,
) -> Result<Vec<RoundOfProviders>, RoundsError> {
    let all: Vec<usize> = (0..instance.providers.len()).collect();
    match options.providers {
        RoundProviders::Same => Ok((0..options.rounds).map(|_| (None, all.clone())).collect()),
        RoundProviders::ByDate => {
            let date_of = |p: usize| {
                instance.providers[p]
                    .availability
                    .dated
                    .iter()
                    .map(|w| w.start.local.date())
                    .min()
            };
            let mut dates: Vec<NaiveDate> = all.iter().filter_map(|&p| date_of(p)).collect();
            dates.sort_unstable();
            dates.dedup();
            if (options.rounds as usize) > dates.len() {
                return Err(RoundsError::option(
                    "rounds",
                    OptionProblem::Dates {
                        rounds: options.rounds,
                        dates: dates.len(),
                    },
                ));
            }
            Ok(dates
                .into_iter()
                .take(options.rounds as usize)
                .map(|d| {
                    (
                        Some(d),
                        all.iter()
                            .copied()
                            .filter(|&p| date_of(p) == Some(d))
                            .collect(),
                    )
                })
                .collect())
        }
    }
}
