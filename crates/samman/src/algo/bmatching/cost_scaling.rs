//! Cost-scaling push-relabel for min-cost circulation (Goldberg and Tarjan 1990; the CS2
//! implementation of Goldberg 1997), with FIFO discharge, push look-ahead and global price
//! updates.
//!
//! Arc costs must be multiplied by `n + 1` beforehand: the last refinement runs at `ε = 1`,
//! which is then `1/(n+1)` in the original units, and an `ε`-optimal circulation with
//! `ε < 1/n` is optimal for integer costs.

use std::collections::VecDeque;

use super::cost::Cost;
use super::network::Network;

/// Divide `ε` by this much between refinements (CS2 uses 8 to 16; OR-Tools 5).
const ALPHA: i64 = 8;

/// Run a global price update after this many relabels per node since the last one.
const UPDATE_EVERY_RELABELS_PER_NODE: u64 = 2;

/// Counters from one run.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counters {
    pub(crate) refines: u32,
    pub(crate) pushes: u64,
    pub(crate) relabels: u64,
    pub(crate) price_updates: u32,
}

/// Mutable state of the algorithm besides the flow, which lives in the network.
struct State<'n, C> {
    net: &'n mut Network<C>,
    price: Vec<C>,
    excess: Vec<i64>,
    current: Vec<u32>,
    queue: VecDeque<u32>,
    eps: C,
    counters: Counters,
    relabels_since_update: u64,
    /// Right nodes are `right_start..right_end`.
    right_start: usize,
    right_end: usize,
    /// A right node has hundreds of arcs but only a few residual ones (its sink arc and the
    /// reverse arcs of the edges it holds); they are listed in `live[first[v]..][..live_len[v]]`
    /// so that scanning a right node costs its load, not its degree. The sink arc stays first.
    live: Vec<u32>,
    /// Arc index of `live[0]`: `live` covers the right nodes' arcs only.
    live_offset: usize,
    live_len: Vec<u32>,
    /// Position in `live` of each listed reverse arc, indexed by arc minus `live_offset`.
    live_pos: Vec<u32>,
    // Scratch for price updates, kept to avoid reallocating.
    distance: Vec<u32>,
    finalized: Vec<bool>,
    buckets: Vec<Vec<u32>>,
}

/// Turns the flow in `net`, which must be feasible (every node balanced), into a min-cost
/// circulation of the same value on the same network, starting from the node prices `price`.
///
/// The first ε is the smallest for which the flow is ε-optimal under `price`: a flow and
/// prices from a good heuristic need only small repairs in the first refinements.
pub(crate) fn solve<C: Cost>(net: &mut Network<C>, price: Vec<C>) -> Counters {
    let n = net.node_count();
    let mut worst = C::default();
    for v in 0..n {
        for a in net.first[v] as usize..net.first[v + 1] as usize {
            let arc = net.arcs[a];
            if arc.residual > 0 {
                worst = worst.max(-(arc.cost + price[v] - price[arc.head as usize]));
            }
        }
    }
    let right_start = net.source_arc.len();
    let right_end = right_start + net.sink_arc.len();
    // Right nodes' arcs are contiguous; only that range needs live-list storage.
    let live_offset = net.first[right_start] as usize;
    let live_size = net.first[right_end] as usize - live_offset;
    let mut live = vec![0u32; live_size];
    let mut live_len = vec![0u32; n];
    let mut live_pos = vec![0u32; live_size];
    for (v, length) in live_len
        .iter_mut()
        .enumerate()
        .take(right_end)
        .skip(right_start)
    {
        let base = net.first[v] as usize - live_offset;
        let mut len = 0;
        let sink = net.sink_arc[v - right_start];
        if sink != super::network::NO_ARC {
            live[base] = sink;
            len = 1;
        }
        for a in net.first[v]..net.first[v + 1] {
            let arc = net.arcs[a as usize];
            if arc.residual > 0 && (arc.head as usize) < right_start {
                live[base + len] = a;
                live_pos[a as usize - live_offset] = (base + len) as u32;
                len += 1;
            }
        }
        *length = len as u32;
    }
    let mut state = State {
        price,
        excess: vec![0; n],
        current: net.first[..n].to_vec(),
        queue: VecDeque::with_capacity(n),
        eps: worst,
        counters: Counters::default(),
        relabels_since_update: 0,
        right_start,
        right_end,
        live,
        live_offset,
        live_len,
        live_pos,
        distance: vec![u32::MAX; n],
        finalized: vec![false; n],
        buckets: Vec::new(),
        net,
    };
    // The flow is `worst`-optimal; refine down to ε = 1.
    let one = C::from_i64(1);
    while state.eps > one {
        state.eps = state.eps.div_euclid(C::from_i64(ALPHA)).max(one);
        state.refine();
    }
    state.counters
}

impl<C: Cost> State<'_, C> {
    #[inline]
    fn reduced_cost(&self, v: usize, a: usize) -> C {
        let arc = self.net.arcs[a];
        arc.cost + self.price[v] - self.price[arc.head as usize]
    }

    #[inline]
    fn is_right(&self, v: usize) -> bool {
        v >= self.right_start && v < self.right_end
    }

    /// The residual arcs of right node `v` (and possibly some saturated sink arc).
    #[inline]
    fn live_arcs(&self, v: usize) -> std::ops::Range<usize> {
        let base = self.net.first[v] as usize - self.live_offset;
        base..base + self.live_len[v] as usize
    }

    /// Moves `delta` units along arc `a` out of `v`, keeping excesses and live lists.
    #[inline]
    fn push(&mut self, v: usize, a: usize, delta: u32) {
        self.net.push(a, delta);
        self.counters.pushes += 1;
        let w = self.net.arcs[a].head as usize;
        self.excess[v] -= i64::from(delta);
        self.excess[w] += i64::from(delta);
        if v < self.right_start && self.is_right(w) {
            // An edge gained flow: its reverse arc becomes residual at the right node.
            let back = self.net.rev[a] as usize;
            if self.net.arcs[back].residual == delta {
                let slot =
                    self.net.first[w] as usize - self.live_offset + self.live_len[w] as usize;
                self.live[slot] = back as u32;
                self.live_pos[back - self.live_offset] = slot as u32;
                self.live_len[w] += 1;
            }
        } else if w < self.right_start && self.is_right(v) && self.net.arcs[a].residual == 0 {
            // An edge lost its flow: drop the reverse arc from the right node's list.
            let slot = self.live_pos[a - self.live_offset] as usize;
            let last =
                self.net.first[v] as usize - self.live_offset + self.live_len[v] as usize - 1;
            let moved = self.live[last];
            self.live[slot] = moved;
            self.live_pos[moved as usize - self.live_offset] = slot as u32;
            self.live_len[v] -= 1;
        }
    }

    /// Turns an `α ε`-optimal circulation into an `ε`-optimal one.
    fn refine(&mut self) {
        self.counters.refines += 1;
        let n = self.net.node_count();
        for v in 0..n {
            if self.is_right(v) {
                // Only the live arcs of a right node can be residual.
                let mut k = self.net.first[v] as usize - self.live_offset;
                while k < self.net.first[v] as usize - self.live_offset + self.live_len[v] as usize
                {
                    let a = self.live[k] as usize;
                    let arc = self.net.arcs[a];
                    if arc.residual > 0 && self.reduced_cost(v, a) < C::default() {
                        self.push(v, a, arc.residual);
                        if self.live[k] as usize != a {
                            continue;
                        }
                    }
                    k += 1;
                }
                continue;
            }
            for a in self.net.first[v] as usize..self.net.first[v + 1] as usize {
                let arc = self.net.arcs[a];
                if arc.residual > 0 && self.reduced_cost(v, a) < C::default() {
                    self.push(v, a, arc.residual);
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
        // Measured on the benchmark instances: a price update at the start of every refinement
        // costs more than it saves; one every two relabels per node pays for itself.
        let every = UPDATE_EVERY_RELABELS_PER_NODE * n as u64;
        while let Some(v) = self.queue.pop_front() {
            if self.relabels_since_update >= every {
                self.price_update();
            }
            if self.is_right(v as usize) {
                self.discharge_right(v as usize);
            } else {
                self.discharge(v as usize);
            }
        }
    }

    /// Pushes along admissible arc `a` out of `v`, after the look-ahead; returns whether it
    /// pushed.
    #[inline]
    fn try_push(&mut self, v: usize, a: usize) -> bool {
        let w = self.net.arcs[a].head as usize;
        // Look-ahead: flow pushed into a balanced node with no way on would only come back;
        // relabel that node first and see if the arc is still admissible.
        if self.excess[w] >= 0 && !self.has_admissible(w) {
            self.relabel(w);
            if self.reduced_cost(v, a) >= C::default() {
                return false;
            }
        }
        let delta = self.excess[v].min(i64::from(self.net.arcs[a].residual)) as u32;
        let before = self.excess[w];
        self.push(v, a, delta);
        if before <= 0 && self.excess[w] > 0 {
            self.queue.push_back(w as u32);
        }
        true
    }

    /// Pushes the excess of `v` along admissible arcs, relabelling `v` when none is left.
    fn discharge(&mut self, v: usize) {
        while self.excess[v] > 0 {
            let end = self.net.first[v + 1] as usize;
            let mut a = self.current[v] as usize;
            while a < end {
                let arc = self.net.arcs[a];
                if arc.residual > 0
                    && self.reduced_cost(v, a) < C::default()
                    && self.try_push(v, a)
                    && self.excess[v] == 0
                {
                    break;
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

    /// [`Self::discharge`] for a right node, over its live arcs.
    fn discharge_right(&mut self, v: usize) {
        while self.excess[v] > 0 {
            let mut k = self.net.first[v] as usize - self.live_offset;
            while k < self.net.first[v] as usize - self.live_offset + self.live_len[v] as usize {
                let a = self.live[k] as usize;
                if self.net.arcs[a].residual > 0
                    && self.reduced_cost(v, a) < C::default()
                    && self.try_push(v, a)
                {
                    if self.excess[v] == 0 {
                        return;
                    }
                    if self.live[k] as usize != a {
                        // The arc left the list and another took its slot.
                        continue;
                    }
                }
                k += 1;
            }
            self.relabel(v);
        }
    }

    /// Whether `w` has an admissible arc (at or after its current arc, unless `w` is a right
    /// node); moves the current arc to the first one found.
    fn has_admissible(&mut self, w: usize) -> bool {
        if self.is_right(w) {
            return self.live_arcs(w).any(|k| {
                let a = self.live[k] as usize;
                self.net.arcs[a].residual > 0 && self.reduced_cost(w, a) < C::default()
            });
        }
        let end = self.net.first[w + 1] as usize;
        let mut a = self.current[w] as usize;
        while a < end {
            if self.net.arcs[a].residual > 0 && self.reduced_cost(w, a) < C::default() {
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
        let mut best = C::MIN;
        if self.is_right(v) {
            for k in self.live_arcs(v) {
                let arc = self.net.arcs[self.live[k] as usize];
                if arc.residual > 0 {
                    best = best.max(self.price[arc.head as usize] - arc.cost);
                }
            }
        } else {
            for a in self.net.first[v] as usize..self.net.first[v + 1] as usize {
                let arc = self.net.arcs[a];
                if arc.residual > 0 {
                    best = best.max(self.price[arc.head as usize] - arc.cost);
                }
            }
        }
        if best == C::MIN {
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
                    let arc = self.net.arcs[a];
                    let v = arc.head as usize;
                    if self.finalized[v] {
                        continue;
                    }
                    // The residual capacity of the arc (v, w). An edge arc of capacity 1 and its
                    // reverse share one unit, which spares a cache miss on the paired arc.
                    let back_residual =
                        if self.net.unit_edges && w < self.right_end && v < self.right_end {
                            1 - arc.residual
                        } else {
                            self.net.arcs[self.net.rev[a] as usize].residual
                        };
                    if back_residual == 0 {
                        continue;
                    }
                    let reduced = -arc.cost + self.price[v] - self.price[w];
                    let length = reduced
                        .div_euclid(self.eps)
                        .saturating_i64()
                        .saturating_add(1);
                    let candidate = (level as i64).saturating_add(length.max(0));
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
            self.price[v] -= C::from_i64(d) * self.eps;
            self.distance[v] = u32::MAX;
            self.finalized[v] = false;
        }
        for bucket in &mut self.buckets[level.min(cap)..] {
            bucket.clear();
        }
        self.current.copy_from_slice(&self.net.first[..n]);
    }
}
