//! The residual network of a b-matching problem, stored as flat arrays (CSR) with `u32`
//! indices, and a Dinic max-flow on it.

use super::cost::Cost;
use super::{Objective, Problem};

/// Marks an edge that has no arc in the network (a `MaxWeight` edge that cannot help).
pub(crate) const NO_ARC: u32 = u32::MAX;

/// One residual arc: 16 bytes with `i64` costs, so four fit in a cache line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Arc<C> {
    /// Cost per unit of flow; the paired reverse arc has the negated cost.
    pub(crate) cost: C,
    /// The node the arc enters.
    pub(crate) head: u32,
    /// Capacity left on the arc.
    pub(crate) residual: u32,
}

/// A residual network: left nodes `0..n_left`, right nodes `n_left..n_left + n_right`, then the
/// source and the sink.
#[derive(Debug, Clone)]
pub(crate) struct Network<C> {
    /// Arcs out of node `v` are `first[v]..first[v + 1]`.
    pub(crate) first: Vec<u32>,
    /// The arcs, grouped by tail.
    pub(crate) arcs: Vec<Arc<C>>,
    /// `rev[a]` is the arc paired with `a`, running the other way.
    pub(crate) rev: Vec<u32>,
    /// For each problem edge, its left-to-right arc, or [`NO_ARC`].
    pub(crate) edge_arc: Vec<u32>,
    /// The source node.
    pub(crate) source: u32,
    /// The sink node.
    pub(crate) sink: u32,
    /// For each left node, its arc from the source, or [`NO_ARC`].
    pub(crate) source_arc: Vec<u32>,
    /// For each right node, its arc to the sink, or [`NO_ARC`].
    pub(crate) sink_arc: Vec<u32>,
    /// The sink-to-source arc, or [`NO_ARC`].
    pub(crate) return_arc: u32,
    /// Every left-to-right arc has capacity 1, so an edge arc and its reverse share one unit.
    pub(crate) unit_edges: bool,
}

impl<C: Cost> Network<C> {
    /// The number of nodes.
    pub(crate) fn node_count(&self) -> usize {
        self.first.len() - 1
    }

    /// Builds the network for `problem`, already validated, with edge costs
    /// `-scaled_weight(e) * cost_multiplier`.
    ///
    /// Arcs: source to each left (capacity `min(left_capacity, degree)`), left to right for each
    /// kept edge (capacity 1, or `edge_capacity[e]`), right to sink (capacity
    /// `min(right_capacity, degree)`; a degree counts edge capacities), and with `return_arc` a
    /// sink-to-source arc of cost 0 so that a min-cost circulation chooses the amount of flow
    /// freely (the `MaxWeight` objective).
    pub(crate) fn build<W>(
        problem: &Problem<'_, W>,
        objective: Objective,
        scaled: &[C],
        cost_multiplier: C,
        return_arc: bool,
        edge_capacity: Option<&[u32]>,
    ) -> Network<C> {
        let capacity = |e: usize| edge_capacity.map_or(1, |c| c[e]);
        let n_left = problem.n_left;
        let n_right = problem.n_right;
        let n = n_left + n_right + 2;
        let source = (n_left + n_right) as u32;
        let sink = source + 1;

        let keep = |e: usize| {
            capacity(e) > 0 && (objective == Objective::MaxCardinality || scaled[e] > C::default())
        };
        let mut degree_left = vec![0u32; n_left];
        let mut degree_right = vec![0u32; n_right];
        for e in 0..problem.left.len() {
            if keep(e) {
                let (i, j) = (problem.left[e] as usize, problem.right[e] as usize);
                degree_left[i] = degree_left[i].saturating_add(capacity(e));
                degree_right[j] = degree_right[j].saturating_add(capacity(e));
            }
        }

        // (tail, head, capacity, cost) in a fixed order, so the network is deterministic.
        let mut specs: Vec<(u32, u32, u32, C)> = Vec::new();
        let mut edge_spec = vec![NO_ARC; problem.left.len()];
        for e in 0..problem.left.len() {
            if keep(e) {
                edge_spec[e] = specs.len() as u32;
                let tail = problem.left[e];
                let head = n_left as u32 + problem.right[e];
                specs.push((tail, head, capacity(e), -scaled[e] * cost_multiplier));
            }
        }
        let mut flow_bound: u64 = 0;
        let mut source_spec = vec![NO_ARC; n_left];
        for (i, &degree) in degree_left.iter().enumerate() {
            let cap = problem.left_capacity.map_or(1, |c| c[i]).min(degree);
            if cap > 0 {
                flow_bound += u64::from(cap);
                source_spec[i] = specs.len() as u32;
                specs.push((source, i as u32, cap, C::default()));
            }
        }
        let mut sink_spec = vec![NO_ARC; n_right];
        for (j, &degree) in degree_right.iter().enumerate() {
            let cap = problem.right_capacity.map_or(1, |c| c[j]).min(degree);
            if cap > 0 {
                sink_spec[j] = specs.len() as u32;
                specs.push(((n_left + j) as u32, sink, cap, C::default()));
            }
        }
        let mut return_spec = NO_ARC;
        if return_arc && flow_bound > 0 {
            // flow_bound <= number of edges, which the caller bounded below u32::MAX / 2.
            return_spec = specs.len() as u32;
            specs.push((sink, source, flow_bound as u32, C::default()));
        }

        let mut first = vec![0u32; n + 1];
        for &(tail, head, _, _) in &specs {
            first[tail as usize + 1] += 1;
            first[head as usize + 1] += 1;
        }
        for v in 0..n {
            first[v + 1] += first[v];
        }
        let total = first[n] as usize;
        let mut fill: Vec<u32> = first[..n].to_vec();
        let mut arcs = vec![
            Arc {
                cost: C::default(),
                head: 0,
                residual: 0
            };
            total
        ];
        let mut rev = vec![0u32; total];
        let mut spec_arc = Vec::with_capacity(specs.len());
        for &(tail, head, cap, cost) in &specs {
            let a = fill[tail as usize];
            fill[tail as usize] += 1;
            let b = fill[head as usize];
            fill[head as usize] += 1;
            arcs[a as usize] = Arc {
                cost,
                head,
                residual: cap,
            };
            arcs[b as usize] = Arc {
                cost: -cost,
                head: tail,
                residual: 0,
            };
            rev[a as usize] = b;
            rev[b as usize] = a;
            spec_arc.push(a);
        }
        let arc_of = |s: u32| {
            if s == NO_ARC {
                NO_ARC
            } else {
                spec_arc[s as usize]
            }
        };
        Network {
            first,
            arcs,
            rev,
            edge_arc: edge_spec.iter().map(|&s| arc_of(s)).collect(),
            source_arc: source_spec.iter().map(|&s| arc_of(s)).collect(),
            sink_arc: sink_spec.iter().map(|&s| arc_of(s)).collect(),
            return_arc: arc_of(return_spec),
            source,
            sink,
            unit_edges: edge_capacity.is_none_or(|c| c.iter().all(|&k| k <= 1)),
        }
    }

    /// Moves `delta` units along arc `a`.
    #[inline]
    pub(crate) fn push(&mut self, a: usize, delta: u32) {
        self.arcs[a].residual -= delta;
        self.arcs[self.rev[a] as usize].residual += delta;
    }

    /// Adds flow greedily along source-left-right-sink paths (and back through the return arc
    /// if there is one), taking edges from the cheapest (heaviest) down, ties by edge index.
    /// A warm start: a greedy b-matching is usually close to optimal.
    ///
    /// # Complexity
    /// `O(m log m)` time, `O(m)` extra space.
    pub(crate) fn greedy_flow(&mut self, scaled: &[C], left: &[u32], right: &[u32]) {
        let kept = |e: &usize| self.edge_arc[*e] != NO_ARC;
        let small = |w: C| w.saturating_i64().unsigned_abs() < 1 << 31;
        let order: Vec<u32> = if scaled.iter().all(|&w| small(w)) {
            // Pack (weight descending, edge) into one u64: sorting plain integers is fastest.
            let mut keys: Vec<u64> = (0..scaled.len())
                .filter(kept)
                .map(|e| (((1i64 << 31) - scaled[e].saturating_i64()) as u64) << 32 | e as u64)
                .collect();
            keys.sort_unstable();
            keys.iter().map(|&k| k as u32).collect()
        } else {
            let mut pairs: Vec<(C, u32)> = (0..scaled.len())
                .filter(kept)
                .map(|e| (-scaled[e], e as u32))
                .collect();
            pairs.sort_unstable();
            pairs.iter().map(|&(_, e)| e).collect()
        };
        // Remaining capacities in small arrays, so that rejected edges touch no arc.
        let residual = |arcs: &[Arc<C>], a: u32| {
            if a == NO_ARC {
                0
            } else {
                arcs[a as usize].residual
            }
        };
        let mut left_room: Vec<u32> = self
            .source_arc
            .iter()
            .map(|&a| residual(&self.arcs, a))
            .collect();
        let mut right_room: Vec<u32> = self
            .sink_arc
            .iter()
            .map(|&a| residual(&self.arcs, a))
            .collect();
        for e in order {
            let (i, j) = (left[e as usize] as usize, right[e as usize] as usize);
            let room = self.arcs[self.edge_arc[e as usize] as usize].residual;
            let units = room.min(left_room[i]).min(right_room[j]);
            if units > 0 {
                left_room[i] -= units;
                right_room[j] -= units;
                for arc in [
                    self.source_arc[i],
                    self.edge_arc[e as usize],
                    self.sink_arc[j],
                ] {
                    self.push(arc as usize, units);
                }
                if self.return_arc != NO_ARC {
                    self.push(self.return_arc as usize, units);
                }
            }
        }
    }

    /// Node prices under which the current flow is nearly optimal when it is a good flow: the
    /// LP duals a greedy assignment suggests. A full right node is priced at the weight of its
    /// lightest edge, a full left node at the least surplus of its edges; others at 0.
    ///
    /// # Complexity
    /// `O(n + m)` time.
    pub(crate) fn warm_prices(&self) -> Vec<C> {
        let n = self.node_count();
        let n_left = self.source_arc.len();
        let mut price = vec![C::default(); n];
        // Right node j: p = -v_j, with v_j the smallest held edge weight when full.
        for (j, &out) in self.sink_arc.iter().enumerate() {
            let v = n_left + j;
            if out == NO_ARC || self.arcs[out as usize].residual > 0 {
                continue;
            }
            let lightest = (self.first[v]..self.first[v + 1])
                .map(|a| self.arcs[a as usize])
                .filter(|arc| arc.residual > 0 && (arc.head as usize) < n_left)
                .map(|arc| arc.cost)
                .min();
            price[v] = -lightest.unwrap_or_default();
        }
        // Left node i: p = u_i, the least of (weight - v_j) over its held edges when full.
        for (i, &into) in self.source_arc.iter().enumerate() {
            if into == NO_ARC || self.arcs[into as usize].residual > 0 {
                continue;
            }
            let least = (self.first[i]..self.first[i + 1])
                .map(|a| self.arcs[a as usize])
                .filter(|arc| (arc.head as usize) >= n_left && (arc.head as usize) < n - 2)
                .filter(|arc| arc.residual == 0)
                .map(|arc| -arc.cost + price[arc.head as usize])
                .min();
            price[i] = least.unwrap_or_default();
        }
        price
    }

    /// The edges carrying flow, ascending.
    pub(crate) fn chosen_edges(&self) -> Vec<usize> {
        self.edge_flows().into_iter().map(|(e, _)| e).collect()
    }

    /// The edges carrying flow, ascending, each with its units of flow.
    pub(crate) fn edge_flows(&self) -> Vec<(usize, u32)> {
        self.edge_arc
            .iter()
            .enumerate()
            .filter(|&(_, &a)| a != NO_ARC)
            .map(|(e, &a)| (e, self.arcs[self.rev[a as usize] as usize].residual))
            .filter(|&(_, units)| units > 0)
            .collect()
    }

    /// Sends a maximum flow from the source to the sink (Dinic's blocking flows) and returns
    /// its value.
    ///
    /// # Complexity
    /// `O(m √n)`-like on these unit-capacity bipartite networks; `O(n² m)` in general.
    pub(crate) fn max_flow(&mut self) -> u64 {
        let n = self.node_count();
        let (s, t) = (self.source as usize, self.sink as usize);
        let mut level = vec![u32::MAX; n];
        let mut current = vec![0u32; n];
        let mut queue = Vec::with_capacity(n);
        let mut path: Vec<u32> = Vec::new();
        let mut flow = 0u64;
        loop {
            level.fill(u32::MAX);
            level[s] = 0;
            queue.clear();
            queue.push(s as u32);
            let mut head_index = 0;
            while head_index < queue.len() {
                let v = queue[head_index] as usize;
                head_index += 1;
                for a in self.first[v]..self.first[v + 1] {
                    let arc = self.arcs[a as usize];
                    if arc.residual > 0 && level[arc.head as usize] == u32::MAX {
                        level[arc.head as usize] = level[v] + 1;
                        queue.push(arc.head);
                    }
                }
            }
            if level[t] == u32::MAX {
                return flow;
            }
            current.copy_from_slice(&self.first[..n]);
            path.clear();
            let mut v = s;
            loop {
                if v == t {
                    let bottleneck = path
                        .iter()
                        .map(|&a| self.arcs[a as usize].residual)
                        .min()
                        .expect("invariant: a path to the sink has at least one arc");
                    for &a in &path {
                        self.push(a as usize, bottleneck);
                    }
                    flow += u64::from(bottleneck);
                    let saturated = path
                        .iter()
                        .position(|&a| self.arcs[a as usize].residual == 0)
                        .expect("invariant: the bottleneck arc is saturated");
                    path.truncate(saturated);
                    v = path
                        .last()
                        .map_or(s, |&a| self.arcs[a as usize].head as usize);
                    continue;
                }
                let end = self.first[v + 1];
                let mut a = current[v];
                while a < end {
                    let arc = self.arcs[a as usize];
                    if arc.residual > 0 && level[arc.head as usize] == level[v] + 1 {
                        break;
                    }
                    a += 1;
                }
                current[v] = a;
                if a < end {
                    path.push(a);
                    v = self.arcs[a as usize].head as usize;
                } else {
                    // Dead end: retreat and skip the arc that led here.
                    level[v] = u32::MAX;
                    match path.pop() {
                        None => break,
                        Some(back) => {
                            v = self.arcs[self.rev[back as usize] as usize].head as usize;
                            current[v] += 1;
                        }
                    }
                }
            }
        }
    }
}
