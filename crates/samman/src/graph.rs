//! The candidate graph: a bipartite petgraph graph with a node per seeker and per provider and
//! an edge per feasible pair, carrying the pair's score and its breakdown.
//!
//! Built without comparing every seeker with every provider: located providers sit in a grid
//! of latitude-longitude cells, and each seeker looks only at cells its travel radius reaches;
//! an hour-of-week mask then rules out pairs whose availability cannot overlap before the exact
//! rules run.

use web_time::Instant;

use crate::parallel::prelude::*;
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use serde::Serialize;

use crate::model::{Instance, Location, Zone};
use crate::progress::{Hook, Step, Tracker};
use crate::rules::{Breakdown, Rules, Screen, travel_limit};

use crate::validate::{Invalid, prepare};

/// Seekers between two progress reports of the build.
const PROGRESS_SEEKERS: u64 = 256;
/// Kilometres per degree of latitude on the sphere the haversine distance uses.
const KM_PER_DEGREE: f64 = 6371.0088 * std::f64::consts::PI / 180.0;

/// A node of the candidate graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Node {
    /// A seeker, by its index in the instance.
    Seeker(u32),
    /// A provider, by its index in the instance.
    Provider(u32),
}

/// A feasible pair: an edge of the candidate graph.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Candidate {
    /// The seeker's index in the instance.
    pub seeker: u32,
    /// The provider's index in the instance.
    pub provider: u32,
    /// The pair's score, `placement + Σ weight × criterion`.
    pub score: f64,
    /// The criteria behind the score.
    pub breakdown: Breakdown,
}

/// Why a graph could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum GraphError {
    /// The instance is not valid.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The instance is larger than the policy's limits allow.
    #[error("{what}: {count} is more than the limit of {limit} (policy.limits)")]
    LimitExceeded {
        /// What was counted: `seekers`, `providers` or `candidate edges`.
        what: &'static str,
        /// How many there are (for edges: at least this many).
        count: u64,
        /// The limit.
        limit: u64,
    },
}

/// The bipartite graph of feasible pairs.
///
/// Nodes `0..n_seekers` are the seekers in instance order, then the providers. Edges are
/// grouped by seeker in instance order and, within a seeker, sorted by provider index, so edge
/// `e` of the graph is also `candidates()[e]`.
#[derive(Debug, Clone)]
pub struct CandidateGraph {
    graph: UnGraph<Node, Candidate>,
    n_seekers: usize,
    n_providers: usize,
    seeker_offsets: Vec<usize>,
    build_seconds: f64,
    tz: Zone,
}

/// Figures about a candidate graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphStats {
    /// Seekers.
    pub seekers: usize,
    /// Providers.
    pub providers: usize,
    /// Feasible pairs.
    pub edges: usize,
    /// Seekers with no feasible provider.
    pub isolated_seekers: usize,
    /// Providers with no feasible seeker.
    pub isolated_providers: usize,
    /// Seeker degree: minimum, median, mean, 90th percentile, maximum.
    pub seeker_degree: DegreeSummary,
    /// Provider degree, the same figures.
    pub provider_degree: DegreeSummary,
    /// Seconds the build took.
    pub build_seconds: f64,
}

/// What a candidate graph will be, counted before it is built: see
/// [`CandidateGraph::estimate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphEstimate {
    /// Seekers: the graph's first nodes.
    pub seekers: usize,
    /// Providers: the graph's other nodes.
    pub providers: usize,
    /// Feasible pairs: exactly the edges [`CandidateGraph::build`] would make, whether or not
    /// that is more than `policy.limits.max_edges`.
    pub edges: u64,
    /// Projected memory of the built graph in bytes: its nodes, its edges (each carrying a
    /// [`Candidate`]) and its per-seeker edge offsets, from the sizes of petgraph's node and
    /// edge records. While building, the per-seeker candidate lists are held beside the graph,
    /// so the peak is up to `edges × size_of::<Candidate>()` more.
    pub bytes: u64,
}

/// A degree distribution summarised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DegreeSummary {
    /// Smallest degree.
    pub min: usize,
    /// Median (the lower middle value).
    pub median: usize,
    /// Mean.
    pub mean: f64,
    /// 90th percentile (nearest rank).
    pub p90: usize,
    /// Largest degree.
    pub max: usize,
}

impl DegreeSummary {
    fn of(mut degrees: Vec<usize>) -> Self {
        if degrees.is_empty() {
            return Self {
                min: 0,
                median: 0,
                mean: 0.0,
                p90: 0,
                max: 0,
            };
        }
        degrees.sort_unstable();
        let n = degrees.len();
        let rank = |q: f64| degrees[((q * n as f64).ceil() as usize).clamp(1, n) - 1];
        Self {
            min: degrees[0],
            median: degrees[(n - 1) / 2],
            mean: degrees.iter().sum::<usize>() as f64 / n as f64,
            p90: rank(0.9),
            max: degrees[n - 1],
        }
    }
}

impl CandidateGraph {
    /// Build the graph of every feasible pair of a valid instance.
    ///
    /// # Complexity
    /// `O(S + P log P)` to index, then for each seeker `O(c log c)` for the `c` providers in the
    /// grid cells its radius reaches, each checked by the rules in `O(1)` amortised (the hour
    /// mask rejects most pairs with no common time before the exact overlap is computed). For
    /// seekers and providers spread over a city with travel radii of a few km, `c` is a small
    /// multiple of the final degree, so the build is near-linear in the number of edges. Seekers
    /// are processed in parallel (rayon); the result does not depend on the number of threads.
    /// Extra space: the graph, `O(S + P + E)`.
    ///
    /// # Errors
    /// [`GraphError::Invalid`] with every problem of the instance;
    /// [`GraphError::LimitExceeded`] when seekers, providers or edges pass `policy.limits`.
    pub fn build(instance: &Instance) -> Result<Self, GraphError> {
        Self::build_with(instance, Strategy::Indexed)
    }

    /// Build by checking every seeker against every provider: the reference the indexed
    /// builder is tested against. `O(S × P)`.
    ///
    /// # Errors
    /// As [`CandidateGraph::build`].
    pub fn build_all_pairs(instance: &Instance) -> Result<Self, GraphError> {
        Self::build_with(instance, Strategy::AllPairs)
    }

    /// Count what [`CandidateGraph::build`] would make, without building it: the exact number of
    /// feasible pairs and the graph's projected memory, so that a caller can see the size of an
    /// instance (and how far it is over `policy.limits.max_edges`) before committing memory.
    ///
    /// Each pair is decided exactly as the build decides it (the same provider index and
    /// rules), but only counted: no [`Candidate`] is made and no breakdown or score computed.
    /// Unlike the build, the edge limit does not stop the count; it is reported, not enforced.
    ///
    /// # Complexity
    /// The time of [`CandidateGraph::build`] less the scoring of each edge, in parallel over
    /// seekers (rayon). Extra space: the rules and the provider index, `O(S + P)`, plus one
    /// seeker's list of providers within reach per thread; nothing in proportion to the edges.
    ///
    /// # Errors
    /// [`GraphError::LimitExceeded`] when seekers or providers pass `policy.limits` (checked
    /// first, as the build does); [`GraphError::Invalid`] with every problem of the instance.
    ///
    /// # Example
    /// ```
    /// use samman::generate::{Params, dinners};
    /// use samman::graph::CandidateGraph;
    ///
    /// let mut instance = dinners(&Params { size: 200, ..Params::default() });
    /// let estimate = CandidateGraph::estimate(&instance)?;
    /// assert_eq!(estimate.edges, CandidateGraph::build(&instance)?.edge_count() as u64);
    ///
    /// // Over the edge limit: the estimate reports the size, the build refuses.
    /// instance.policy.limits.max_edges = estimate.edges - 1;
    /// assert_eq!(CandidateGraph::estimate(&instance)?.edges, estimate.edges);
    /// assert!(CandidateGraph::build(&instance).is_err());
    /// # Ok::<(), samman::graph::GraphError>(())
    /// ```
    pub fn estimate(instance: &Instance) -> Result<GraphEstimate, GraphError> {
        check_size(instance)?;
        let tz = prepare(instance)?;
        Ok(Self::estimate_prepared(instance, tz))
    }

    /// [`CandidateGraph::estimate`] of an instance already checked and validated.
    pub(crate) fn estimate_prepared(instance: &Instance, tz: Zone) -> GraphEstimate {
        let rules = Rules::new(instance, tz);
        let index = ProviderIndex::new(instance, &rules);
        let edges: u64 = (0..instance.seekers.len())
            .into_par_iter()
            .filter(|&s| !rules.left_out_seeker(s))
            .map(|s| {
                index
                    .candidates(instance, s, &rules.seeker_screen(s))
                    .into_iter()
                    .filter(|&p| rules.feasible_after_screen(s, p as usize))
                    .count() as u64
            })
            .sum();
        let (seekers, providers) = (instance.seekers.len(), instance.providers.len());
        let node = std::mem::size_of::<petgraph::graph::Node<Node>>() as u64;
        let edge = std::mem::size_of::<petgraph::graph::Edge<Candidate>>() as u64;
        let offset = std::mem::size_of::<usize>() as u64;
        let bytes = (seekers + providers) as u64 * node
            + edges.saturating_mul(edge)
            + (seekers as u64 + 1) * offset;
        GraphEstimate {
            seekers,
            providers,
            edges,
            bytes,
        }
    }

    fn build_with(instance: &Instance, strategy: Strategy) -> Result<Self, GraphError> {
        check_size(instance)?;
        let tz = prepare(instance)?;
        Self::build_prepared(instance, tz, strategy, None)
    }

    /// Build the graph of an instance already checked (size) and validated, whose time zone
    /// is `tz`, reporting the seekers done to `progress`.
    pub(crate) fn build_prepared(
        instance: &Instance,
        tz: Zone,
        strategy: Strategy,
        progress: Option<Hook<'_>>,
    ) -> Result<Self, GraphError> {
        let started = Instant::now();
        let tracker = Tracker::new(
            progress,
            Step::Graph,
            instance.seekers.len() as u64,
            PROGRESS_SEEKERS,
        );
        tracker.report();
        let rules = Rules::new(instance, tz);
        let index = ProviderIndex::new(instance, &rules);
        let limit = instance.policy.limits.max_edges;
        let found = std::sync::atomic::AtomicU64::new(0);
        let per_seeker: Vec<Vec<Candidate>> = (0..instance.seekers.len())
            .into_par_iter()
            .map(|s| {
                if found.load(std::sync::atomic::Ordering::Relaxed) > limit {
                    return Vec::new();
                }
                let candidates = match strategy {
                    Strategy::Indexed if rules.left_out_seeker(s) => Vec::new(),
                    Strategy::Indexed => index.candidates(instance, s, &rules.seeker_screen(s)),
                    Strategy::AllPairs => (0..instance.providers.len() as u32).collect(),
                };
                let edges: Vec<Candidate> = candidates
                    .into_iter()
                    .filter(|&p| match strategy {
                        Strategy::Indexed => rules.feasible_after_screen(s, p as usize),
                        Strategy::AllPairs => rules.feasible(s, p as usize),
                    })
                    .map(|p| {
                        let breakdown = rules.breakdown(s, p as usize);
                        Candidate {
                            seeker: s as u32,
                            provider: p,
                            score: rules.score(&breakdown),
                            breakdown,
                        }
                    })
                    .collect();
                found.fetch_add(edges.len() as u64, std::sync::atomic::Ordering::Relaxed);
                tracker.advance(1);
                edges
            })
            .collect();
        let edges: usize = per_seeker.iter().map(Vec::len).sum();
        let counted = found.load(std::sync::atomic::Ordering::Relaxed);
        if counted > limit {
            return Err(GraphError::LimitExceeded {
                what: "candidate edges",
                count: counted,
                limit,
            });
        }
        let (n_seekers, n_providers) = (instance.seekers.len(), instance.providers.len());
        let mut graph = UnGraph::with_capacity(n_seekers + n_providers, edges);
        for s in 0..n_seekers {
            graph.add_node(Node::Seeker(s as u32));
        }
        for p in 0..n_providers {
            graph.add_node(Node::Provider(p as u32));
        }
        let mut seeker_offsets = Vec::with_capacity(n_seekers + 1);
        seeker_offsets.push(0);
        for list in per_seeker {
            for candidate in list {
                graph.add_edge(
                    NodeIndex::new(candidate.seeker as usize),
                    NodeIndex::new(n_seekers + candidate.provider as usize),
                    candidate,
                );
            }
            seeker_offsets.push(graph.edge_count());
        }
        Ok(Self {
            graph,
            n_seekers,
            n_providers,
            seeker_offsets,
            build_seconds: started.elapsed().as_secs_f64(),
            tz,
        })
    }

    /// The graph of an instance whose seeker `k` is a copy of this graph's seeker
    /// `original[k]` (seekers who want several providers, `solve::wants`): the same feasible
    /// pairs with the same scores, seeker by seeker.
    pub(crate) fn repeated(&self, original: &[u32]) -> CandidateGraph {
        let n_seekers = original.len();
        let edges: usize = original
            .iter()
            .map(|&s| self.edge_range(s as usize).len())
            .sum();
        let mut graph = UnGraph::with_capacity(n_seekers + self.n_providers, edges);
        for s in 0..n_seekers {
            graph.add_node(Node::Seeker(s as u32));
        }
        for p in 0..self.n_providers {
            graph.add_node(Node::Provider(p as u32));
        }
        let mut seeker_offsets = Vec::with_capacity(n_seekers + 1);
        seeker_offsets.push(0);
        for (k, &s) in original.iter().enumerate() {
            for e in self.edge_range(s as usize) {
                let candidate = Candidate {
                    seeker: k as u32,
                    ..*self.candidates_by_edge(e)
                };
                graph.add_edge(
                    NodeIndex::new(k),
                    NodeIndex::new(n_seekers + candidate.provider as usize),
                    candidate,
                );
            }
            seeker_offsets.push(graph.edge_count());
        }
        Self {
            graph,
            n_seekers,
            n_providers: self.n_providers,
            seeker_offsets,
            build_seconds: 0.0,
            tz: self.tz,
        }
    }

    /// The time zone of the instance the graph was built from.
    #[must_use]
    pub fn time_zone(&self) -> Zone {
        self.tz
    }

    /// The petgraph graph: the entry point for research on samman's feasible pairs.
    ///
    /// Nodes `0..n_seekers()` are the seekers in instance order ([`Node`] says which seeker
    /// or provider), then the providers; each edge is a feasible pair carrying its
    /// [`Candidate`] (score and breakdown). Any petgraph algorithm runs on it, and a plan made
    /// from it by any mechanism can be judged with
    /// [`metrics::evaluate`](crate::metrics::evaluate). For columns (numpy, scipy, pandas) see
    /// [`CandidateColumns`](crate::candidates::CandidateColumns).
    ///
    /// # Example
    /// A greedy mechanism of one's own on the petgraph graph, judged by samman's metrics:
    /// ```
    /// use petgraph::visit::EdgeRef;
    /// use samman::generate::{Params, visits};
    /// use samman::graph::CandidateGraph;
    /// use samman::metrics::{MetricsOptions, evaluate};
    /// use samman::{Pair, Pairs};
    ///
    /// let instance = visits(&Params { size: 60, ..Params::default() });
    /// let graph = CandidateGraph::build(&instance)?;
    /// let mut edges: Vec<_> = graph.graph().edge_references().collect();
    /// edges.sort_by(|a, b| b.weight().score.total_cmp(&a.weight().score));
    /// let mut seeker_taken = vec![false; graph.n_seekers()];
    /// let mut seats: Vec<u32> = instance.providers.iter().map(|p| p.capacity).collect();
    /// let mut plan = Pairs::default();
    /// for edge in edges {
    ///     let (s, p) = (edge.weight().seeker as usize, edge.weight().provider as usize);
    ///     let party = instance.seekers[s].party_size;
    ///     if !seeker_taken[s] && seats[p] >= party {
    ///         seeker_taken[s] = true;
    ///         seats[p] -= party;
    ///         plan.matches.push(Pair {
    ///             seeker: instance.seekers[s].id.clone(),
    ///             provider: instance.providers[p].id.clone(),
    ///         });
    ///     }
    /// }
    /// let metrics = evaluate(&instance, &plan, &MetricsOptions::default())?;
    /// assert!(metrics.validity.valid, "{:?}", metrics.validity.violations);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn graph(&self) -> &UnGraph<Node, Candidate> {
        &self.graph
    }

    /// Number of seekers (the first nodes).
    #[must_use]
    pub fn n_seekers(&self) -> usize {
        self.n_seekers
    }

    /// Number of providers.
    #[must_use]
    pub fn n_providers(&self) -> usize {
        self.n_providers
    }

    /// Number of feasible pairs.
    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node of seeker `s`.
    #[must_use]
    pub fn seeker_node(&self, s: usize) -> NodeIndex {
        NodeIndex::new(s)
    }

    /// The node of provider `p`.
    #[must_use]
    pub fn provider_node(&self, p: usize) -> NodeIndex {
        NodeIndex::new(self.n_seekers + p)
    }

    /// The candidate on edge `e`.
    #[must_use]
    pub fn candidate(&self, e: EdgeIndex) -> &Candidate {
        &self.graph.raw_edges()[e.index()].weight
    }

    /// The candidate on edge number `e` (as in [`CandidateGraph::edge_range`]).
    #[must_use]
    pub fn candidates_by_edge(&self, e: usize) -> &Candidate {
        &self.graph.raw_edges()[e].weight
    }

    /// Every candidate, grouped by seeker then sorted by provider.
    pub fn candidates(&self) -> impl ExactSizeIterator<Item = &Candidate> + '_ {
        self.graph.raw_edges().iter().map(|e| &e.weight)
    }

    /// The candidates of seeker `s`, sorted by provider; their edge indices are
    /// `edge_range(s)`.
    pub fn candidates_of(&self, s: usize) -> impl ExactSizeIterator<Item = &Candidate> + '_ {
        self.graph.raw_edges()[self.edge_range(s)]
            .iter()
            .map(|e| &e.weight)
    }

    /// The edge indices of seeker `s`.
    #[must_use]
    pub fn edge_range(&self, s: usize) -> std::ops::Range<usize> {
        self.seeker_offsets[s]..self.seeker_offsets[s + 1]
    }

    /// Figures about the graph.
    #[must_use]
    pub fn stats(&self) -> GraphStats {
        let seeker_degree: Vec<usize> = (0..self.n_seekers)
            .map(|s| self.edge_range(s).len())
            .collect();
        let mut provider_degree = vec![0; self.n_providers];
        for c in self.candidates() {
            provider_degree[c.provider as usize] += 1;
        }
        GraphStats {
            seekers: self.n_seekers,
            providers: self.n_providers,
            edges: self.edge_count(),
            isolated_seekers: seeker_degree.iter().filter(|&&d| d == 0).count(),
            isolated_providers: provider_degree.iter().filter(|&&d| d == 0).count(),
            seeker_degree: DegreeSummary::of(seeker_degree),
            provider_degree: DegreeSummary::of(provider_degree),
            build_seconds: self.build_seconds,
        }
    }
}

/// Check the policy's caps on seekers and providers.
///
/// # Errors
/// [`GraphError::LimitExceeded`] naming what is over its limit.
pub fn check_size(instance: &Instance) -> Result<(), GraphError> {
    let limits = &instance.policy.limits;
    for (what, count, limit) in [
        ("seekers", instance.seekers.len() as u64, limits.max_seekers),
        (
            "providers",
            instance.providers.len() as u64,
            limits.max_providers,
        ),
    ] {
        if count > limit {
            return Err(GraphError::LimitExceeded { what, count, limit });
        }
    }
    Ok(())
}

/// How the build finds each seeker's providers.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Strategy {
    /// Through the spatial index and the screens.
    Indexed,
    /// Every provider, checked by every rule: the reference.
    AllPairs,
}

/// Located providers in a grid of latitude-longitude cells, plus the remote ones.
struct ProviderIndex {
    /// (row, column, provider), sorted.
    cells: Vec<(i32, i32, u32)>,
    /// The screen of each entry of `cells`, in the same order.
    screens: Vec<Screen>,
    /// The screen of each remote provider.
    remote_screens: Vec<Screen>,
    cell_lat: f64,
    cell_lon: f64,
    remote: Vec<u32>,
    /// The largest provider travel limit, when every located provider has one.
    provider_reach: Option<f64>,
}

impl ProviderIndex {
    fn new(instance: &Instance, rules: &Rules<'_>) -> Self {
        let located: Vec<(u32, Location)> = instance
            .providers
            .iter()
            .enumerate()
            .filter_map(|(p, provider)| Some((p as u32, provider.location?)))
            .collect();
        let remote: Vec<u32> = instance
            .providers
            .iter()
            .enumerate()
            .filter(|(_, p)| p.location.is_none())
            .map(|(p, _)| p as u32)
            .collect();
        let provider_reach = instance
            .providers
            .iter()
            .filter(|p| p.location.is_some())
            .map(|p| p.max_travel_km)
            .try_fold(0.0_f64, |reach, limit| Some(reach.max(limit?)));
        // Cells half a typical search radius wide: a query reads about a 5 x 5 block, whose
        // area is closer to the circle's than a 3 x 3 block of radius-wide cells.
        let mut radii: Vec<f64> = instance
            .seekers
            .iter()
            .filter_map(|s| {
                travel_limit(
                    s.max_travel_km,
                    provider_reach,
                    instance.policy.rules.max_distance_km,
                )
            })
            .collect();
        radii.sort_unstable_by(f64::total_cmp);
        let typical_km = radii
            .get(radii.len() / 2)
            .copied()
            .unwrap_or(10.0)
            .clamp(0.2, 200.0);
        let mean_lat = if located.is_empty() {
            0.0
        } else {
            located.iter().map(|(_, l)| l.lat).sum::<f64>() / located.len() as f64
        };
        let cell_lat = typical_km / 2.0 / KM_PER_DEGREE;
        let cell_lon = (cell_lat / mean_lat.to_radians().cos().max(0.05)).min(360.0);
        let mut cells: Vec<(i32, i32, u32)> = located
            .iter()
            .map(|&(p, l)| (cell_of(l.lat, cell_lat), cell_of(l.lon, cell_lon), p))
            .collect();
        cells.sort_unstable();
        let screens = cells
            .iter()
            .map(|&(_, _, p)| rules.provider_screen(p as usize))
            .collect();
        let remote_screens = remote
            .iter()
            .map(|&p: &u32| rules.provider_screen(p as usize))
            .collect();
        Self {
            cells,
            screens,
            remote_screens,
            cell_lat,
            cell_lon,
            remote,
            provider_reach,
        }
    }

    /// Providers that may be within reach of seeker `s`, ascending; a superset of the feasible
    /// ones (the rules decide).
    fn candidates(&self, instance: &Instance, s: usize, screen: &Screen) -> Vec<u32> {
        let seeker = &instance.seekers[s];
        let radius = travel_limit(
            seeker.max_travel_km,
            self.provider_reach,
            instance.policy.rules.max_distance_km,
        );
        let (Some(location), Some(radius), true) =
            (seeker.location, radius, instance.policy.rules.distance)
        else {
            return self.screened(screen, 0..self.cells.len());
        };
        // A margin of 1% plus a metre keeps the box conservative against rounding.
        let reach = radius * 1.01 + 0.001;
        let dlat = reach / KM_PER_DEGREE;
        // Clamped to the globe: a radius of 10^99 km (valid, if odd) must not make the loop
        // below visit billions of empty rows (found by fuzzing).
        let (lat_lo, lat_hi) = (
            (location.lat - dlat).max(-90.0),
            (location.lat + dlat).min(90.0),
        );
        let widest = lat_lo.abs().max(lat_hi.abs());
        let all_longitudes = widest >= 89.0 || {
            let dlon = dlat / widest.to_radians().cos();
            location.lon - dlon < -180.0 || location.lon + dlon > 180.0
        };
        let (col_lo, col_hi) = if all_longitudes {
            (i32::MIN, i32::MAX)
        } else {
            let dlon = dlat / widest.to_radians().cos();
            (
                cell_of(location.lon - dlon, self.cell_lon),
                cell_of(location.lon + dlon, self.cell_lon),
            )
        };
        let rows = cell_of(lat_lo, self.cell_lat)..=cell_of(lat_hi, self.cell_lat);
        // More rows than providers: reading every provider is cheaper than a search per row.
        if i64::from(*rows.end()) - i64::from(*rows.start()) >= self.cells.len() as i64 {
            return self.screened(screen, 0..self.cells.len());
        }
        let ranges = rows.map(|row| {
            let start = self
                .cells
                .partition_point(|&(r, c, _)| (r, c) < (row, col_lo));
            start..start + self.cells[start..].partition_point(|&(r, c, _)| r == row && c <= col_hi)
        });
        let mut found = self.screened(screen, 0..0);
        for range in ranges {
            found.extend(self.admitted(screen, range));
        }
        found.sort_unstable();
        found
    }

    /// The remote providers and the grid entries in `range` that pass the screen, ascending.
    fn screened(&self, screen: &Screen, range: std::ops::Range<usize>) -> Vec<u32> {
        let mut found: Vec<u32> = self
            .remote
            .iter()
            .zip(&self.remote_screens)
            .filter(|(_, provider)| screen.admits(provider))
            .map(|(&p, _)| p)
            .chain(self.admitted(screen, range))
            .collect();
        found.sort_unstable();
        found
    }

    /// The grid entries in `range` that pass the screen.
    fn admitted<'a>(
        &'a self,
        screen: &'a Screen,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = u32> + 'a {
        self.cells[range.clone()]
            .iter()
            .zip(&self.screens[range])
            .filter(|(_, provider)| screen.admits(provider))
            .map(|(&(_, _, p), _)| p)
    }
}

fn cell_of(degrees: f64, cell: f64) -> i32 {
    (degrees / cell)
        .floor()
        .clamp(f64::from(i32::MIN + 1), f64::from(i32::MAX - 1)) as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Provider, Seeker};

    fn located(lat: f64, lon: f64) -> Option<Location> {
        Some(Location { lat, lon })
    }

    #[test]
    fn edges_follow_distance_and_are_grouped_by_seeker() {
        let mut instance = Instance::new();
        for (i, lon) in [18.00, 18.05, 18.50].iter().enumerate() {
            let mut p = Provider::new(&format!("p{i}"), 4);
            p.location = located(59.3, *lon);
            instance.providers.push(p);
        }
        for (i, lon) in [18.01, 18.49].iter().enumerate() {
            let mut s = Seeker::new(&format!("s{i}"));
            s.location = located(59.3, *lon);
            s.max_travel_km = Some(5.0);
            instance.seekers.push(s);
        }
        let graph = CandidateGraph::build(&instance).unwrap();
        let pairs: Vec<(u32, u32)> = graph.candidates().map(|c| (c.seeker, c.provider)).collect();
        assert_eq!(pairs, vec![(0, 0), (0, 1), (1, 2)]);
        assert_eq!(graph.edge_range(1), 2..3);
        let stats = graph.stats();
        assert_eq!(stats.isolated_providers, 0);
        assert_eq!(stats.seeker_degree.max, 2);
        assert_eq!(graph.graph().node_count(), 5);
        assert_eq!(graph.graph()[graph.provider_node(2)], Node::Provider(2));
    }

    #[test]
    fn remote_providers_reach_everyone() {
        let mut instance = Instance::new();
        instance.providers.push(Provider::new("online", 3));
        let mut s = Seeker::new("s");
        s.location = located(59.3, 18.0);
        s.max_travel_km = Some(1.0);
        instance.seekers.push(s);
        assert_eq!(CandidateGraph::build(&instance).unwrap().edge_count(), 1);
    }

    #[test]
    fn limits_are_enforced() {
        let mut instance = Instance::new();
        instance.providers.push(Provider::new("p", 3));
        instance.seekers.push(Seeker::new("a"));
        instance.seekers.push(Seeker::new("b"));
        instance.policy.limits.max_edges = 1;
        assert!(matches!(
            CandidateGraph::build(&instance),
            Err(GraphError::LimitExceeded {
                what: "candidate edges",
                ..
            })
        ));
        instance.policy.limits.max_seekers = 1;
        assert_eq!(
            CandidateGraph::build(&instance).unwrap_err(),
            GraphError::LimitExceeded {
                what: "seekers",
                count: 2,
                limit: 1
            }
        );
    }
}
