//! Cost-scaling push-relabel for min-cost circulation (Goldberg and Tarjan 1990; the CS2
//! implementation of Goldberg 1997), with FIFO discharge, push look-ahead and global price
//! updates.
//!
//! Arc costs must be multiplied by `n + 1` beforehand: the last refinement runs at `ε = 1`,
//! which is then `1/(n+1)` in the original units, and an `ε`-optimal circulation with
//! `ε < 1/n` is optimal for integer costs.

use std::collections::VecDeque;

use super::network::Network;

/// Divide `ε` by this much between refinements (CS2 uses 8 to 16; OR-Tools 5).
const ALPHA: i64 = 8;

/// Run a global price update after this many relabels per node since the last one.
const UPDATE_EVERY_RELABELS_PER_NODE: u64 = 1;

/// Counters from one run.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counters {
    pub(crate) refines: u32,
    pub(crate) pushes: u64,
    pub(crate) relabels: u64,
    pub(crate) price_updates: u32,
}

/// Mutable state of the algorithm besides the flow, which lives in the network.
struct State<'n> {
    net: &'n mut Network,
    price: Vec<i64>,
    excess: Vec<i64>,
    current: Vec<u32>,
    queue: VecDeque<u32>,
    eps: i64,
    counters: Counters,
    relabels_since_update: u64,
    // Scratch for price updates, kept to avoid reallocating.
    distance: Vec<u32>,
    finalized: Vec<bool>,
    buckets: Vec<Vec<u32>>,
}

/// Turns the flow in `net`, which must be feasible (every node balanced), into a min-cost
/// circulation of the same value on the same network.
pub(crate) fn solve(net: &mut Network) -> Counters {
    let n = net.node_count();
    let max_cost = net.arcs.iter().map(|a| a.cost.abs()).max().unwrap_or(0);
    let mut state = State {
        price: vec![0; n],
        excess: vec![0; n],
        current: net.first[..n].to_vec(),
        queue: VecDeque::with_capacity(n),
        eps: max_cost,
        counters: Counters::default(),
        relabels_since_update: 0,
        distance: vec![u32::MAX; n],
        finalized: vec![false; n],
        buckets: Vec::new(),
        net,
    };
    // Zero flow and zero prices are max_cost-optimal; refine down to ε = 1.
    while state.eps > 1 {
        state.eps = (state.eps / ALPHA).max(1);
        state.refine();
    }
    state.counters
}

impl State<'_> {
    #[inline]
    fn reduced_cost(&self, v: usize, a: usize) -> i64 {
        let arc = self.net.arcs[a];
        arc.cost + self.price[v] - self.price[arc.head as usize]
    }

    /// Turns an `α ε`-optimal circulation into an `ε`-optimal one.
    fn refine(&mut self) {
        self.counters.refines += 1;
        let n = self.net.node_count();
        for v in 0..n {
            for a in self.net.first[v] as usize..self.net.first[v + 1] as usize {
                let arc = self.net.arcs[a];
                if arc.residual > 0 && self.reduced_cost(v, a) < 0 {
                    self.net.push(a, arc.residual);
                    self.excess[v] -= i64::from(arc.residual);
                    self.excess[arc.head as usize] += i64::from(arc.residual);
                }
            }
        }
        self.current.copy_from_slice(&self.net.first[..n]);
        self.queue.clear();
        for v in 0..n {
            if self.excess[v] > 0 {
                self.queue.push_back(v as u32);
            }
        }
        if self.queue.is_empty() {
            return;
        }
        self.price_update();
        while let Some(v) = self.queue.pop_front() {
            if self.relabels_since_update >= UPDATE_EVERY_RELABELS_PER_NODE * n as u64 {
                self.price_update();
            }
            self.discharge(v as usize);
        }
    }

    /// Pushes the excess of `v` along admissible arcs, relabelling `v` when none is left.
    fn discharge(&mut self, v: usize) {
        while self.excess[v] > 0 {
            let end = self.net.first[v + 1] as usize;
            let mut a = self.current[v] as usize;
            while a < end {
                let arc = self.net.arcs[a];
                if arc.residual > 0 && self.reduced_cost(v, a) < 0 {
                    let w = arc.head as usize;
                    // Look-ahead: flow pushed into a balanced node with no way on would only
                    // come back; relabel that node first and see if the arc is still admissible.
                    if self.excess[w] >= 0 && !self.has_admissible(w) {
                        self.relabel(w);
                        if self.reduced_cost(v, a) >= 0 {
                            a += 1;
                            continue;
                        }
                    }
                    let delta = (self.excess[v].min(i64::from(arc.residual))) as u32;
                    self.net.push(a, delta);
                    self.counters.pushes += 1;
                    self.excess[v] -= i64::from(delta);
                    let before = self.excess[w];
                    self.excess[w] += i64::from(delta);
                    if before <= 0 && self.excess[w] > 0 {
                        self.queue.push_back(w as u32);
                    }
                    if self.excess[v] == 0 {
                        break;
                    }
                }
                a += 1;
            }
            if self.excess[v] > 0 {
                self.relabel(v);
            } else {
                self.current[v] = a as u32;
            }
        }
    }

    /// Whether `w` has an admissible arc at or after its current arc; moves the current arc to
    /// the first one found.
    fn has_admissible(&mut self, w: usize) -> bool {
        let end = self.net.first[w + 1] as usize;
        let mut a = self.current[w] as usize;
        while a < end {
            if self.net.arcs[a].residual > 0 && self.reduced_cost(w, a) < 0 {
                self.current[w] = a as u32;
                return true;
            }
            a += 1;
        }
        self.current[w] = end as u32;
        false
    }

    /// Lowers the price of `v` as far as ε-optimality allows, so that its cheapest residual arc
    /// becomes admissible.
    fn relabel(&mut self, v: usize) {
        self.counters.relabels += 1;
        self.relabels_since_update += 1;
        let mut best = i64::MIN;
        for a in self.net.first[v] as usize..self.net.first[v + 1] as usize {
            let arc = self.net.arcs[a];
            if arc.residual > 0 {
                best = best.max(self.price[arc.head as usize] - arc.cost);
            }
        }
        if best == i64::MIN {
            // No residual arc: v is isolated in the residual network and holds no excess (a
            // node with excess has the reverse of the arc that brought it). Nothing to do.
            return;
        }
        self.price[v] = best - self.eps;
        self.current[v] = self.net.first[v];
    }

    /// Global price update: lowers each price by ε times the distance to a deficit node in the
    /// residual network, with arc lengths `⌊c_p/ε⌋ + 1`; keeps ε-optimality and makes
    /// admissible paths lead towards deficits.
    fn price_update(&mut self) {
        self.counters.price_updates += 1;
        self.relabels_since_update = 0;
        let n = self.net.node_count();
        let cap = n;
        if self.buckets.len() < cap + 1 {
            self.buckets.resize_with(cap + 1, Vec::new);
        }
        let mut remaining = 0usize;
        for v in 0..n {
            if self.excess[v] < 0 {
                self.distance[v] = 0;
                self.buckets[0].push(v as u32);
            } else if self.excess[v] > 0 {
                remaining += 1;
            }
        }
        if remaining == 0 {
            self.buckets[0].clear();
            return;
        }
        let mut level = 0usize;
        'scan: while level <= cap {
            while let Some(w) = self.buckets[level].pop() {
                let w = w as usize;
                if self.finalized[w] || self.distance[w] as usize != level {
                    continue;
                }
                self.finalized[w] = true;
                if self.excess[w] > 0 {
                    remaining -= 1;
                    if remaining == 0 {
                        break 'scan;
                    }
                }
                for a in self.net.first[w] as usize..self.net.first[w + 1] as usize {
                    let v = self.net.arcs[a].head as usize;
                    if self.finalized[v] {
                        continue;
                    }
                    let back = self.net.rev[a] as usize;
                    if self.net.arcs[back].residual == 0 {
                        continue;
                    }
                    let length = self.reduced_cost(v, back).div_euclid(self.eps) + 1;
                    let candidate = level as i64 + length.max(0);
                    if candidate < i64::from(self.distance[v]) && candidate <= cap as i64 {
                        self.distance[v] = candidate as u32;
                        self.buckets[candidate as usize].push(v as u32);
                    }
                }
            }
            level += 1;
        }
        let unreached = level.min(cap) as i64;
        for v in 0..n {
            let d = if self.finalized[v] {
                i64::from(self.distance[v])
            } else {
                unreached
            };
            self.price[v] -= d * self.eps;
            self.distance[v] = u32::MAX;
            self.finalized[v] = false;
        }
        for bucket in &mut self.buckets[level.min(cap)..] {
            bucket.clear();
        }
        self.current.copy_from_slice(&self.net.first[..n]);
    }
}
