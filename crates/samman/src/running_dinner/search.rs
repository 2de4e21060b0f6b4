//! The evening's search: hosts assigned to courses they can cook (augmenting paths), guests
//! placed greedily course by course, then simulated annealing over swaps of two guests
//! between tables of a course and swaps of the courses two teams host, on a cost of repeat
//! meetings and uncatered guests (each worth more than any detour) plus the kilometres.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::bound::lower_bound_km;
use super::{
    DinnerError, DinnerPlan, DinnerProblem, DinnerTable, RunningDinner, TeamRoute,
    hosts_per_course, invalid,
};
use crate::model::Radians;
use crate::rules::diet_ok;

/// Simulated-annealing steps per team.
const STEPS_PER_TEAM: u64 = 3000;

/// A running dinner prepared for the search.
pub(super) struct Evening<'d> {
    pub dinner: &'d RunningDinner,
    pub n: usize,
    pub courses: usize,
    /// Distances between homes, row-major, in km.
    pub km: Vec<f64>,
    /// Whether host `h`'s kitchen caters for guest `g`'s diet, row-major `[h][g]`.
    pub catered: Vec<bool>,
    /// Whether team `t` may host course `c`, row-major `[t][c]`.
    pub may_host: Vec<bool>,
    /// How many teams host each course.
    pub hosts: Vec<usize>,
    /// A repeat or an uncatered guest costs this many km.
    penalty: f64,
}

/// Who eats where: per team, per course, the host team (itself at the course it hosts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Layout {
    pub at: Vec<Vec<usize>>,
    pub hosts: Vec<usize>,
}

impl<'d> Evening<'d> {
    pub fn new(dinner: &'d RunningDinner) -> Result<Self, DinnerError> {
        let n = dinner.teams.len();
        let courses = dinner.courses as usize;
        let at: Vec<Radians> = dinner
            .teams
            .iter()
            .map(|t| Radians::of(t.location))
            .collect();
        let mut km = vec![0.0; n * n];
        for a in 0..n {
            for b in 0..n {
                km[a * n + b] = at[a].distance_km(&at[b]);
            }
        }
        let catered = (0..n * n)
            .map(|i| diet_ok(&dinner.teams[i % n].diet, &dinner.teams[i / n].caters))
            .collect();
        let may_host = (0..n * courses)
            .map(|i| {
                !dinner.teams[i / courses]
                    .cannot_host
                    .contains(&(i as u32 % courses as u32 + 1))
            })
            .collect();
        let longest = km.iter().copied().fold(0.0, f64::max);
        let evening = Self {
            dinner,
            n,
            courses,
            km,
            catered,
            may_host,
            hosts: hosts_per_course(n, courses),
            penalty: 10.0 * (longest + 1.0),
        };
        Ok(evening)
    }

    fn dist(&self, a: usize, b: usize) -> f64 {
        self.km[a * self.n + b]
    }

    /// Each team's course to host, with the counts of [`hosts_per_course`], by augmenting
    /// paths (Kuhn) over course slots, teams in a seeded order.
    fn host_courses(&self, rng: &mut ChaCha8Rng) -> Result<Vec<usize>, DinnerError> {
        let slots: Vec<usize> = (0..self.courses)
            .flat_map(|c| std::iter::repeat_n(c, self.hosts[c]))
            .collect();
        let mut slot_of_team: Vec<Option<usize>> = vec![None; self.n];
        let mut team_of_slot: Vec<Option<usize>> = vec![None; slots.len()];
        let mut order: Vec<usize> = (0..self.n).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.random_range(0..=i));
        }
        for &t in &order {
            let mut visited = vec![false; slots.len()];
            if !self.augment(
                t,
                &slots,
                &mut visited,
                &mut slot_of_team,
                &mut team_of_slot,
            ) {
                return Err(invalid(
                    "teams",
                    DinnerProblem::Wishes {
                        courses: self.courses,
                        hosts: self.hosts.clone(),
                    },
                ));
            }
        }
        Ok(slot_of_team
            .into_iter()
            .map(|s| slots[s.expect("every team was matched above")])
            .collect())
    }

    fn augment(
        &self,
        t: usize,
        slots: &[usize],
        visited: &mut [bool],
        slot_of_team: &mut [Option<usize>],
        team_of_slot: &mut [Option<usize>],
    ) -> bool {
        for s in 0..slots.len() {
            if visited[s] || !self.may_host[t * self.courses + slots[s]] {
                continue;
            }
            visited[s] = true;
            let free = match team_of_slot[s] {
                None => true,
                Some(other) => self.augment(other, slots, visited, slot_of_team, team_of_slot),
            };
            if free {
                team_of_slot[s] = Some(t);
                slot_of_team[t] = Some(s);
                return true;
            }
        }
        false
    }

    /// Guests placed course by course: each at the table with a free place where it meets
    /// fewest teams again, is catered for, and travels least from the course before.
    fn greedy(&self, hosts: Vec<usize>, rng: &mut ChaCha8Rng) -> Layout {
        let n = self.n;
        let mut at = vec![vec![usize::MAX; self.courses]; n];
        for (t, &c) in hosts.iter().enumerate() {
            at[t][c] = t;
        }
        let mut met = vec![0u16; n * n];
        for c in 0..self.courses {
            let tables: Vec<usize> = (0..n).filter(|&t| hosts[t] == c).collect();
            let guests_total = n - tables.len();
            let base = guests_total / tables.len();
            let mut larger_left = guests_total % tables.len();
            let mut members: Vec<Vec<usize>> = tables.iter().map(|&h| vec![h]).collect();
            let mut order: Vec<(u64, usize)> = (0..n)
                .filter(|&t| hosts[t] != c)
                .map(|t| (rng.random(), t))
                .collect();
            order.sort_unstable();
            for (_, g) in order {
                let from = if c == 0 { g } else { at[g][c - 1] };
                let mut best: Option<(f64, usize)> = None;
                for (j, &h) in tables.iter().enumerate() {
                    let guests = members[j].len() - 1;
                    if guests > base || (guests == base && larger_left == 0) {
                        continue;
                    }
                    let repeats = members[j].iter().filter(|&&m| met[g * n + m] > 0).count();
                    let cost = self.penalty
                        * (repeats as f64 + f64::from(u8::from(!self.catered[h * n + g])))
                        + self.dist(from, h);
                    if best.is_none_or(|(b, _)| cost < b) {
                        best = Some((cost, j));
                    }
                }
                let (_, j) = best.expect("the places add up to the guests");
                if members[j].len() - 1 == base {
                    larger_left -= 1;
                }
                for &m in &members[j] {
                    met[g * n + m] += 1;
                    met[m * n + g] += 1;
                }
                members[j].push(g);
                at[g][c] = tables[j];
            }
        }
        Layout { at, hosts }
    }

    /// (repeat meetings, uncatered guests, km) of a layout.
    pub fn figures(&self, layout: &Layout, met: &mut Vec<u16>) -> (u64, u64, f64) {
        let n = self.n;
        met.clear();
        met.resize(n * n, 0);
        let (mut repeats, mut uncatered, mut km) = (0u64, 0u64, 0.0);
        let mut tables: Vec<Vec<usize>> = vec![Vec::new(); n];
        for c in 0..self.courses {
            for list in &mut tables {
                list.clear();
            }
            for t in 0..n {
                tables[layout.at[t][c]].push(t);
            }
            for (h, list) in tables.iter().enumerate() {
                for (i, &a) in list.iter().enumerate() {
                    if a != h && !self.catered[h * n + a] {
                        uncatered += 1;
                    }
                    for &b in &list[i + 1..] {
                        let m = &mut met[a * n + b];
                        if *m > 0 {
                            repeats += 1;
                        }
                        *m += 1;
                    }
                }
            }
        }
        for route in &layout.at {
            for pair in route.windows(2) {
                km += self.dist(pair[0], pair[1]);
            }
        }
        (repeats, uncatered, km)
    }

    fn cost(&self, layout: &Layout, met: &mut Vec<u16>) -> f64 {
        let (repeats, uncatered, km) = self.figures(layout, met);
        self.penalty * (repeats + uncatered) as f64 + km
    }

    /// The best layout found from the seed.
    pub fn solve(&self, seed: u64) -> Result<Layout, DinnerError> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let hosts = self.host_courses(&mut rng)?;
        let mut layout = self.greedy(hosts, &mut rng);
        let mut met = Vec::new();
        let mut cost = self.cost(&layout, &mut met);
        let mut best = (cost, layout.clone());
        let steps = STEPS_PER_TEAM * self.n as u64;
        let mean_leg = (cost.min(self.penalty) / (self.n * (self.courses - 1)) as f64).max(0.01);
        let (start, end) = (mean_leg, mean_leg * 1e-3);
        for step in 0..steps {
            let temperature = start * (end / start).powf(step as f64 / steps as f64);
            let mut next = layout.clone();
            if !self.random_move(&mut next, &mut rng) {
                continue;
            }
            let next_cost = self.cost(&next, &mut met);
            let delta = next_cost - cost;
            if delta <= 0.0 || rng.random::<f64>() < (-delta / temperature).exp() {
                layout = next;
                cost = next_cost;
                if cost < best.0 - 1e-9 {
                    best = (cost, layout.clone());
                }
            }
        }
        Ok(best.1)
    }

    /// A random swap of two guests between tables of a course (nine times in ten), or of the
    /// courses two teams host. `false` when the drawn move does not apply.
    fn random_move(&self, layout: &mut Layout, rng: &mut ChaCha8Rng) -> bool {
        let n = self.n;
        let c = rng.random_range(0..self.courses);
        if rng.random_range(0..10) > 0 {
            let x = rng.random_range(0..n);
            let y = rng.random_range(0..n);
            let (a, b) = (layout.at[x][c], layout.at[y][c]);
            if a == x || b == y || a == b {
                return false;
            }
            layout.at[x][c] = b;
            layout.at[y][c] = a;
            return true;
        }
        let x = rng.random_range(0..n);
        let y = rng.random_range(0..n);
        let (c1, c2) = (layout.hosts[x], layout.hosts[y]);
        if c1 == c2
            || !self.may_host[y * self.courses + c1]
            || !self.may_host[x * self.courses + c2]
        {
            return false;
        }
        // y takes x's table at c1 and x takes y's place there; the same the other way at c2.
        for (host, other, course) in [(x, y, c1), (y, x, c2)] {
            let seat = layout.at[other][course];
            for t in 0..n {
                if layout.at[t][course] == host {
                    layout.at[t][course] = other;
                }
            }
            layout.at[other][course] = other;
            layout.at[host][course] = if seat == host { other } else { seat };
        }
        layout.hosts[x] = c2;
        layout.hosts[y] = c1;
        true
    }

    /// The plan as reported.
    pub fn report(&self, layout: &Layout, seed: u64) -> DinnerPlan {
        let teams = &self.dinner.teams;
        let mut met = Vec::new();
        let (repeats, uncatered, total_km) = self.figures(layout, &mut met);
        let routes = (0..self.n)
            .map(|t| TeamRoute {
                id: teams[t].id.clone(),
                hosts: layout.hosts[t] as u32 + 1,
                route: layout.at[t].iter().map(|&h| teams[h].id.clone()).collect(),
                km: layout.at[t].windows(2).map(|p| self.dist(p[0], p[1])).sum(),
            })
            .collect();
        let mut tables = Vec::new();
        for c in 0..self.courses {
            for h in (0..self.n).filter(|&h| layout.hosts[h] == c) {
                let guests: Vec<usize> = (0..self.n)
                    .filter(|&t| t != h && layout.at[t][c] == h)
                    .collect();
                tables.push(DinnerTable {
                    course: c as u32 + 1,
                    host: teams[h].id.clone(),
                    people: teams[h].size + guests.iter().map(|&g| teams[g].size).sum::<u32>(),
                    guests: guests.into_iter().map(|g| teams[g].id.clone()).collect(),
                });
            }
        }
        DinnerPlan {
            courses: self.courses as u32,
            teams: routes,
            tables,
            repeat_meetings: repeats,
            uncatered,
            total_km,
            lower_bound_km: lower_bound_km(self),
            notes: self.notes(),
            changes: Vec::new(),
            from_waiting_list: Vec::new(),
            seed,
        }
    }

    /// What the numbers forced: tables of different sizes when the teams do not divide evenly.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.n % self.courses != 0 {
            let sizes: Vec<String> = self
                .hosts
                .iter()
                .enumerate()
                .map(|(c, &h)| {
                    let (small, large) = (self.n / h, self.n.div_ceil(h));
                    if small == large {
                        format!("course {}: {h} tables of {small} teams", c + 1)
                    } else {
                        format!("course {}: {h} tables of {small} to {large} teams", c + 1)
                    }
                })
                .collect();
            notes.push(format!(
                "{} teams do not divide into {} courses: {}",
                self.n,
                self.courses,
                sizes.join("; ")
            ));
        }
        notes
    }
}
