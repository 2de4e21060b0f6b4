//! Deferred acceptance (Gale and Shapley) for many-to-one markets: lefts (residents, seekers)
//! each take at most one right (hospital, provider), rights take lefts up to a number of seats.
//!
//! [`deferred_acceptance`] finds the left-optimal or the right-optimal stable matching,
//! [`blocking_pairs`] and [`is_stable`] check a matching, and [`preferences_from_scores`]
//! turns edge scores into preference lists. [`deferred_acceptance_many`] and
//! [`blocking_pairs_many`] do the same for many-to-many markets, where a left takes several
//! rights (pairwise stability).
//!
//! # Acceptability
//! A pair is acceptable only if each side lists the other; entries that the other side does not
//! return are ignored (filtered in `O(total list length)` before the algorithm runs).
//!
//! # Parties (`left_size`)
//! A left may be a party of several people taking `left_size[i]` seats together, never split.
//! Right `j` holding lefts `H` with `seats(H) ≤ capacity[j]` *can take* left `i` when
//! `capacity[j] - seats(H) + seats({h ∈ H : j prefers i to h}) ≥ size[i]`: enough seats are
//! free after rejecting, if need be, held lefts that `j` likes less than `i`, least preferred
//! first, and only as many as needed. A pair `(i, j)` *blocks* a matching if it is acceptable,
//! `i` is unmatched or prefers `j` to its partner, and `j` can take `i`. With every size 1 this
//! is the classic definition ("`j` has a free seat or prefers `i` to its worst held left").
//!
//! With all sizes 1, both proposing orders return stable matchings with the classic properties
//! (optimality for the proposing side, the rural-hospitals theorem). With larger parties a
//! stable matching may not exist and these properties can fail; the algorithms then still
//! terminate in the stated time and return a matching that respects every capacity and never
//! splits a party, and [`blocking_pairs`] reports any instability left.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::Side;

mod many;
pub(crate) use many::deferred_acceptance_apart;
pub use many::{blocking_pairs_many, deferred_acceptance_many};

/// Which side proposes in [`deferred_acceptance`]; its optimal stable matching is returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Proposing {
    /// Lefts propose: the left-optimal (resident-optimal) stable matching.
    #[default]
    Left,
    /// Rights propose: the right-optimal (hospital-optimal) stable matching.
    Right,
}

/// A many-to-one market on plain indices: lefts `0..left_prefs.len()`, rights
/// `0..right_prefs.len()`.
#[derive(Debug, Clone, Copy)]
pub struct Market<'a> {
    /// Each left's acceptable rights, most preferred first, without repeats.
    pub left_prefs: &'a [Vec<u32>],
    /// Each right's acceptable lefts, most preferred first, without repeats.
    pub right_prefs: &'a [Vec<u32>],
    /// Seats per right; `None` means 1 each.
    pub right_capacity: Option<&'a [u32]>,
    /// Seats each left takes (the size of a party, at least 1); `None` means 1 each.
    pub left_size: Option<&'a [u32]>,
}

/// Why a market, matching or score list was rejected. Every variant names the offending list,
/// position or edge.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A preference list names an agent that does not exist.
    #[error("{side}_prefs[{list}][{position}] is {index}, out of range (there are {n})")]
    IndexOutOfRange {
        /// Whose list.
        side: Side,
        /// Which list.
        list: usize,
        /// Position in the list.
        position: usize,
        /// The index given.
        index: u32,
        /// The number of agents on the other side.
        n: usize,
    },
    /// A preference list names the same agent twice.
    #[error("{side}_prefs[{list}] names {index} twice")]
    Duplicate {
        /// Whose list.
        side: Side,
        /// Which list.
        list: usize,
        /// The repeated index.
        index: u32,
    },
    /// `right_capacity` does not have one entry per right.
    #[error("right_capacity has {got} entries but there are {expected} rights")]
    CapacityLength {
        /// The number of rights.
        expected: usize,
        /// The length given.
        got: usize,
    },
    /// `left_size` does not have one entry per left.
    #[error("left_size has {got} entries but there are {expected} lefts")]
    SizeLength {
        /// The number of lefts.
        expected: usize,
        /// The length given.
        got: usize,
    },
    /// A left takes no seats.
    #[error("left_size[{left}] is 0; a party has at least one person")]
    ZeroSize {
        /// The left.
        left: usize,
    },
    /// A matching does not have one entry per left.
    #[error("the matching has {got} entries but there are {expected} lefts")]
    MatchingLength {
        /// The number of lefts.
        expected: usize,
        /// The length given.
        got: usize,
    },
    /// A matching pairs a left with a right that does not exist.
    #[error("matching[{left}] is {index}, out of range (there are {n} rights)")]
    MatchingOutOfRange {
        /// The left.
        left: usize,
        /// The right given.
        index: u32,
        /// The number of rights.
        n: usize,
    },
    /// A matching pairs a left and a right that do not both list each other.
    #[error("matching[{left}] is {right}, but the pair is not mutually acceptable")]
    Unacceptable {
        /// The left.
        left: usize,
        /// The right.
        right: u32,
    },
    /// A matching puts more seats at a right than it has.
    #[error("right {right} holds {seats} seats but has {capacity}")]
    OverCapacity {
        /// The right.
        right: usize,
        /// Seats taken.
        seats: u64,
        /// Its capacity.
        capacity: u32,
    },
    /// `left_capacity` does not have one entry per left.
    #[error("left_capacity has {got} entries but there are {expected} lefts")]
    LeftCapacityLength {
        /// The number of lefts.
        expected: usize,
        /// The length given.
        got: usize,
    },
    /// A many-to-many matching gives a left more rights than its capacity, or one right twice.
    #[error("left {left} holds {rights} rights (one twice, or over its capacity {capacity})")]
    LeftOverCapacity {
        /// The left.
        left: usize,
        /// Rights it holds.
        rights: usize,
        /// Its capacity.
        capacity: u32,
    },
    /// The edge arrays of [`preferences_from_scores`] differ in length.
    #[error("edge arrays differ in length: left has {left}, right has {right}, score has {score}")]
    LengthMismatch {
        /// Length of `left`.
        left: usize,
        /// Length of `right`.
        right: usize,
        /// Length of `score`.
        score: usize,
    },
    /// An edge of [`preferences_from_scores`] names an agent that does not exist.
    #[error("edge {edge}: {side} index {index} is out of range (there are {n})")]
    EdgeOutOfRange {
        /// The edge.
        edge: usize,
        /// Which end.
        side: Side,
        /// The index given.
        index: u32,
        /// The number of agents on that side.
        n: usize,
    },
    /// More agents, list entries or edges than `u32` indices can hold.
    #[error("too large: {what} is {got}, the limit is {limit}")]
    TooLarge {
        /// `"lefts"`, `"rights"`, `"left list entries"`, `"right list entries"` or `"edges"`.
        what: &'static str,
        /// The size given.
        got: usize,
        /// The largest size accepted.
        limit: usize,
    },
    /// An edge of [`preferences_from_scores`] has a NaN or infinite score.
    #[error("edge {edge}: score is not finite")]
    NonFiniteScore {
        /// The edge.
        edge: usize,
    },
}

/// Results of this module.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One side's preference lists: for each agent, the other side's agents, best first.
pub type Preferences = Vec<Vec<u32>>;

const NONE: u32 = u32::MAX;

/// The largest number of agents on a side, of list entries on a side, or of edges: every index
/// and offset must fit in a `u32` below the `NONE` marker.
pub const MAX_SIZE: usize = u32::MAX as usize - 1;

fn check_size(what: &'static str, got: usize) -> Result<()> {
    if got > MAX_SIZE {
        return Err(Error::TooLarge {
            what,
            got,
            limit: MAX_SIZE,
        });
    }
    Ok(())
}

/// The market restricted to mutually acceptable pairs, as flat arrays with rank cross-links.
struct Filtered {
    /// Left `i`'s acceptable rights are `left_right[left_first[i]..left_first[i + 1]]`.
    left_first: Vec<u32>,
    left_right: Vec<u32>,
    /// For each left entry, the left's rank in that right's filtered list.
    left_rank_at_right: Vec<u32>,
    /// Right `j`'s acceptable lefts are `right_left[right_first[j]..right_first[j + 1]]`.
    right_first: Vec<u32>,
    right_left: Vec<u32>,
    /// For each right entry, the right's rank in that left's filtered list.
    right_rank_at_left: Vec<u32>,
    capacity: Vec<u32>,
    size: Vec<u32>,
}

impl Filtered {
    /// Validates `market` and keeps the mutually acceptable entries, in `O(n + L)` for total
    /// list length `L`.
    fn new(market: &Market<'_>) -> Result<Filtered> {
        let n_left = market.left_prefs.len();
        let n_right = market.right_prefs.len();
        check_size("lefts", n_left)?;
        check_size("rights", n_right)?;
        let entries = |lists: &[Vec<u32>]| lists.iter().map(Vec::len).sum::<usize>();
        check_size("left list entries", entries(market.left_prefs))?;
        check_size("right list entries", entries(market.right_prefs))?;
        let capacity = match market.right_capacity {
            Some(c) if c.len() != n_right => {
                return Err(Error::CapacityLength {
                    expected: n_right,
                    got: c.len(),
                });
            }
            Some(c) => c.to_vec(),
            None => vec![1; n_right],
        };
        let size = match market.left_size {
            Some(s) if s.len() != n_left => {
                return Err(Error::SizeLength {
                    expected: n_left,
                    got: s.len(),
                });
            }
            Some(s) => s.to_vec(),
            None => vec![1; n_left],
        };
        if let Some(left) = size.iter().position(|&s| s == 0) {
            return Err(Error::ZeroSize { left });
        }
        check_lists(Side::Left, market.left_prefs, n_right)?;
        check_lists(Side::Right, market.right_prefs, n_left)?;

        // Right lists as CSR (original positions), and transposed by left: who lists left i.
        let mut right_orig_first = vec![0u32; n_right + 1];
        for (j, list) in market.right_prefs.iter().enumerate() {
            right_orig_first[j + 1] = right_orig_first[j] + list.len() as u32;
        }
        let total_right = right_orig_first[n_right] as usize;
        let mut listed_first = vec![0u32; n_left + 1];
        for list in market.right_prefs {
            for &i in list {
                listed_first[i as usize + 1] += 1;
            }
        }
        for i in 0..n_left {
            listed_first[i + 1] += listed_first[i];
        }
        let mut fill = listed_first[..n_left].to_vec();
        // (right, original position in the right lists) of every entry naming left i.
        let mut listed_by = vec![(0u32, 0u32); total_right];
        for (j, list) in market.right_prefs.iter().enumerate() {
            for (p, &i) in list.iter().enumerate() {
                listed_by[fill[i as usize] as usize] = (j as u32, right_orig_first[j] + p as u32);
                fill[i as usize] += 1;
            }
        }

        // Filter left lists; remember for each kept right position the left's filtered rank.
        let mut mark = vec![NONE; n_right]; // original right position of the current left
        let mut kept_rank_at_left = vec![NONE; total_right];
        let mut left_first = vec![0u32; n_left + 1];
        let mut left_right = Vec::new();
        let mut left_orig_pos = Vec::new();
        for (i, list) in market.left_prefs.iter().enumerate() {
            let listed = &listed_by[listed_first[i] as usize..listed_first[i + 1] as usize];
            for &(j, pos) in listed {
                mark[j as usize] = pos;
            }
            for &j in list {
                let pos = mark[j as usize];
                if pos != NONE {
                    kept_rank_at_left[pos as usize] = left_right.len() as u32 - left_first[i];
                    left_right.push(j);
                    left_orig_pos.push(pos);
                }
            }
            for &(j, _) in listed {
                mark[j as usize] = NONE;
            }
            left_first[i + 1] = left_right.len() as u32;
        }

        // Filter right lists in their own order; compress ranks.
        let mut compressed = vec![NONE; total_right];
        let mut right_first = vec![0u32; n_right + 1];
        let mut right_left = Vec::with_capacity(left_right.len());
        let mut right_rank_at_left = Vec::with_capacity(left_right.len());
        for (j, list) in market.right_prefs.iter().enumerate() {
            for (p, &i) in list.iter().enumerate() {
                let pos = right_orig_first[j] as usize + p;
                if kept_rank_at_left[pos] != NONE {
                    compressed[pos] = right_left.len() as u32 - right_first[j];
                    right_left.push(i);
                    right_rank_at_left.push(kept_rank_at_left[pos]);
                }
            }
            right_first[j + 1] = right_left.len() as u32;
        }
        let left_rank_at_right = left_orig_pos
            .iter()
            .map(|&pos| compressed[pos as usize])
            .collect();
        Ok(Filtered {
            left_first,
            left_right,
            left_rank_at_right,
            right_first,
            right_left,
            right_rank_at_left,
            capacity,
            size,
        })
    }

    fn n_left(&self) -> usize {
        self.left_first.len() - 1
    }

    fn n_right(&self) -> usize {
        self.right_first.len() - 1
    }
}

/// Checks indices and repeats in one side's lists.
fn check_lists(side: Side, lists: &[Vec<u32>], n_other: usize) -> Result<()> {
    let mut seen = vec![NONE; n_other];
    for (list_index, list) in lists.iter().enumerate() {
        for (position, &index) in list.iter().enumerate() {
            if index as usize >= n_other {
                return Err(Error::IndexOutOfRange {
                    side,
                    list: list_index,
                    position,
                    index,
                    n: n_other,
                });
            }
            if seen[index as usize] == list_index as u32 {
                return Err(Error::Duplicate {
                    side,
                    list: list_index,
                    index,
                });
            }
            seen[index as usize] = list_index as u32;
        }
    }
    Ok(())
}

/// Finds the stable matching that is optimal for the proposing side, by deferred acceptance.
///
/// # Arguments
/// - `market`: preference lists, seats per right and seats per left (see [`Market`]).
/// - `proposing`: [`Proposing::Left`] proposes from the lefts (residents) and returns the
///   left-optimal stable matching; [`Proposing::Right`] proposes from the rights (hospitals),
///   each offering its free seats to the lefts it ranks best, and returns the right-optimal
///   one. With strict preferences each is unique, so it equals what any correct implementation
///   returns, e.g. the Python `matching` package's `HospitalResident` game with
///   `optimal="resident"` or `optimal="hospital"`.
///
/// # Returns
/// For each left, its right or `None`; or an [`Error`] naming the first bad list entry.
///
/// With parties (`left_size`), see the module documentation: a proposal from left `i` to right
/// `j` is held if `j` can take `i`, rejecting its least preferred held lefts as needed;
/// proposing rights skip a left whose party does not fit in their free seats at that moment.
///
/// # Complexity
/// `O(n + L)` time and space for `n` agents and total list length `L` when every size is 1
/// (each list entry is proposed along at most once, and a right's worst held rank only
/// improves); with parties, left-proposing may also rescan a right's list when it accepts
/// after freeing seats, `O(n + L·d)` for longest list `d`.
///
/// # Example
/// ```
/// use samman::algo::stable::{Market, Proposing, deferred_acceptance};
///
/// let left_prefs = vec![vec![0, 1], vec![0], vec![0, 1]];
/// let right_prefs = vec![vec![2, 0, 1], vec![0, 2]];
/// let market = Market {
///     left_prefs: &left_prefs,
///     right_prefs: &right_prefs,
///     right_capacity: Some(&[2, 1]),
///     left_size: None,
/// };
/// let matching = deferred_acceptance(&market, Proposing::Left)?;
/// assert_eq!(matching, vec![Some(0), None, Some(0)]);
/// # Ok::<(), samman::algo::stable::Error>(())
/// ```
///
/// # References
/// D. Gale and L. S. Shapley, "College admissions and the stability of marriage", *Amer.
/// Math. Monthly* 69 (1962); D. Gusfield and R. W. Irving, *The Stable Marriage Problem*
/// (1989), §1.6 (hospitals/residents).
pub fn deferred_acceptance(market: &Market<'_>, proposing: Proposing) -> Result<Vec<Option<u32>>> {
    let filtered = Filtered::new(market)?;
    let partner = match proposing {
        Proposing::Left => left_proposing(&filtered),
        Proposing::Right => right_proposing(&filtered),
    };
    Ok(partner
        .into_iter()
        .map(|j| (j != NONE).then_some(j))
        .collect())
}

fn left_proposing(f: &Filtered) -> Vec<u32> {
    let n_left = f.n_left();
    let mut partner = vec![NONE; n_left];
    let mut next = f.left_first[..n_left].to_vec();
    let mut holding = Holding::new(f);
    let mut free: Vec<u32> = (0..n_left as u32).rev().collect();
    while let Some(i) = free.pop() {
        let i = i as usize;
        while next[i] < f.left_first[i + 1] {
            let entry = next[i] as usize;
            next[i] += 1;
            let j = f.left_right[entry] as usize;
            let held = holding.hold(f, i, entry, |loser| {
                partner[loser] = NONE;
                free.push(loser as u32);
            });
            if held {
                partner[i] = j as u32;
                break;
            }
        }
    }
    partner
}

/// What the rights hold while lefts propose.
struct Holding {
    /// `held[right_first[j] + r]`: right `j` holds the left it ranks `r`.
    held: Vec<bool>,
    /// Per right, the rank of the worst left it holds, or `NONE`.
    worst: Vec<u32>,
    /// Per right, the seats its lefts take.
    used: Vec<u64>,
}

impl Holding {
    fn new(f: &Filtered) -> Self {
        Self {
            held: vec![false; f.right_left.len()],
            worst: vec![NONE; f.n_right()],
            used: vec![0; f.n_right()],
        }
    }

    /// Left `i` proposes along its list `entry` to right `j`: `j` holds it if it can make
    /// room, rejecting, when its free seats are too few, the held lefts it likes less, worst
    /// first and only as many as needed, and calling `reject` for each. False, changing
    /// nothing, when even rejecting all of them would not free enough seats.
    #[inline]
    fn hold(
        &mut self,
        f: &Filtered,
        i: usize,
        entry: usize,
        mut reject: impl FnMut(usize),
    ) -> bool {
        let j = f.left_right[entry] as usize;
        let rank = f.left_rank_at_right[entry];
        let size = u64::from(f.size[i]);
        let Self { held, worst, used } = self;
        let capacity = u64::from(f.capacity[j]);
        let base = f.right_first[j] as usize;
        if used[j] + size > capacity {
            // Seats that rejecting lefts j likes less than i would free, worst first.
            let needed = used[j] + size - capacity;
            let mut freed = 0u64;
            let mut r = worst[j];
            while r != NONE && r > rank && freed < needed {
                if held[base + r as usize] {
                    freed += u64::from(f.size[f.right_left[base + r as usize] as usize]);
                }
                r = r.wrapping_sub(1);
            }
            if freed < needed {
                return false;
            }
            // Reject those lefts, from the worst, as many as needed.
            let mut freed = 0u64;
            let mut r = worst[j];
            while freed < needed {
                if held[base + r as usize] {
                    held[base + r as usize] = false;
                    let loser = f.right_left[base + r as usize] as usize;
                    freed += u64::from(f.size[loser]);
                    used[j] -= u64::from(f.size[loser]);
                    reject(loser);
                }
                r -= 1;
            }
            // The new worst is the best-ranked position at or below r still held, or i.
            while r > rank && !held[base + r as usize] {
                r -= 1;
            }
            worst[j] = r.max(rank);
        } else if worst[j] == NONE || worst[j] < rank {
            worst[j] = rank;
        }
        held[base + rank as usize] = true;
        used[j] += size;
        true
    }
}

fn right_proposing(f: &Filtered) -> Vec<u32> {
    let n_left = f.n_left();
    let n_right = f.n_right();
    let mut partner = vec![NONE; n_left];
    // The rank, in the left's own list, of its current partner.
    let mut partner_rank = vec![NONE; n_left];
    let mut next = f.right_first[..n_right].to_vec();
    let mut used = vec![0u64; n_right];
    let mut active: Vec<u32> = (0..n_right as u32).rev().collect();
    while let Some(j) = active.pop() {
        let j = j as usize;
        let capacity = u64::from(f.capacity[j]);
        while used[j] < capacity && next[j] < f.right_first[j + 1] {
            let entry = next[j] as usize;
            next[j] += 1;
            let i = f.right_left[entry] as usize;
            let size = u64::from(f.size[i]);
            let rank = f.right_rank_at_left[entry];
            if used[j] + size > capacity || rank >= partner_rank[i] {
                continue;
            }
            if partner[i] != NONE {
                let previous = partner[i] as usize;
                used[previous] -= size;
                active.push(previous as u32);
            }
            partner[i] = j as u32;
            partner_rank[i] = rank;
            used[j] += size;
        }
    }
    partner
}

/// Lists every blocking pair of `matching` in `market`, sorted by left then right.
///
/// `(i, j)` blocks if the pair is mutually acceptable, `i` is unmatched or prefers `j` to its
/// partner, and `j` has a free seat for `i` or could make room by rejecting lefts it likes
/// less than `i` (see the module documentation for parties).
///
/// # Errors
/// The market's errors, and [`Error::MatchingLength`], [`Error::MatchingOutOfRange`],
/// [`Error::Unacceptable`] or [`Error::OverCapacity`] for a matching that is not one.
///
/// # Complexity
/// `O(n + L)` time and space for `n` agents and total list length `L`.
///
/// # Example
/// ```
/// use samman::algo::stable::{Market, blocking_pairs};
///
/// let left_prefs = vec![vec![0, 1], vec![0, 1]];
/// let right_prefs = vec![vec![0, 1], vec![0, 1]];
/// let market = Market {
///     left_prefs: &left_prefs,
///     right_prefs: &right_prefs,
///     right_capacity: None,
///     left_size: None,
/// };
/// assert_eq!(blocking_pairs(&market, &[Some(1), Some(0)])?, vec![(0, 0)]);
/// # Ok::<(), samman::algo::stable::Error>(())
/// ```
pub fn blocking_pairs(market: &Market<'_>, matching: &[Option<u32>]) -> Result<Vec<(u32, u32)>> {
    let f = Filtered::new(market)?;
    let n_left = f.n_left();
    let n_right = f.n_right();
    if matching.len() != n_left {
        return Err(Error::MatchingLength {
            expected: n_left,
            got: matching.len(),
        });
    }
    // The rank each left gives its partner, and what each right holds, by its ranks.
    let mut partner_rank = vec![NONE; n_left];
    let mut held_size = vec![0u64; f.right_left.len()];
    let mut used = vec![0u64; n_right];
    for (i, &m) in matching.iter().enumerate() {
        let Some(j) = m else { continue };
        if j as usize >= n_right {
            return Err(Error::MatchingOutOfRange {
                left: i,
                index: j,
                n: n_right,
            });
        }
        let entries = f.left_first[i] as usize..f.left_first[i + 1] as usize;
        let Some(entry) = entries.clone().find(|&e| f.left_right[e] == j) else {
            return Err(Error::Unacceptable { left: i, right: j });
        };
        partner_rank[i] = (entry - entries.start) as u32;
        let j = j as usize;
        held_size[f.right_first[j] as usize + f.left_rank_at_right[entry] as usize] =
            u64::from(f.size[i]);
        used[j] += u64::from(f.size[i]);
    }
    let worse = seats_below(&f, &held_size, &used)?;
    let mut pairs = Vec::new();
    for (i, &partner) in partner_rank.iter().enumerate() {
        let start = f.left_first[i] as usize;
        let end = if partner == NONE {
            f.left_first[i + 1] as usize
        } else {
            start + partner as usize
        };
        for e in start..end {
            let j = f.left_right[e] as usize;
            let room = u64::from(f.capacity[j]) - used[j]
                + worse[f.right_first[j] as usize + f.left_rank_at_right[e] as usize];
            if room >= u64::from(f.size[i]) {
                pairs.push((i as u32, j as u32));
            }
        }
    }
    pairs.sort_unstable();
    Ok(pairs)
}

/// Per right entry (`right_first[j] + r`), the seats right `j` holds for lefts it ranks below
/// `r`, from the seats held at each entry (`held_size`); [`Error::OverCapacity`] for a right
/// whose lefts take more seats (`used`) than it has.
fn seats_below(f: &Filtered, held_size: &[u64], used: &[u64]) -> Result<Vec<u64>> {
    for (j, (&seats, &capacity)) in used.iter().zip(&f.capacity).enumerate() {
        if seats > u64::from(capacity) {
            return Err(Error::OverCapacity {
                right: j,
                seats,
                capacity,
            });
        }
    }
    let mut worse = vec![0u64; f.right_left.len()];
    for j in 0..f.n_right() {
        let range = f.right_first[j] as usize..f.right_first[j + 1] as usize;
        let mut below = 0u64;
        for e in range.rev() {
            worse[e] = below;
            below += held_size[e];
        }
    }
    Ok(worse)
}

/// Whether `matching` has no blocking pair in `market` (see [`blocking_pairs`]).
///
/// # Errors
/// As [`blocking_pairs`].
///
/// # Complexity
/// `O(n + L)` time and space.
///
/// # Example
/// ```
/// use samman::algo::stable::{Market, is_stable};
///
/// let prefs = vec![vec![0]];
/// let market = Market {
///     left_prefs: &prefs,
///     right_prefs: &prefs,
///     right_capacity: None,
///     left_size: None,
/// };
/// assert!(is_stable(&market, &[Some(0)])?);
/// assert!(!is_stable(&market, &[None])?);
/// # Ok::<(), samman::algo::stable::Error>(())
/// ```
pub fn is_stable(market: &Market<'_>, matching: &[Option<u32>]) -> Result<bool> {
    Ok(blocking_pairs(market, matching)?.is_empty())
}

/// Derives both sides' preference lists from edge scores, higher first.
///
/// Edge `e` joins left `left[e]` and right `right[e]` with score `score[e]`; both ends rank
/// it by that score. Ties are broken by a random permutation of the edges drawn from a ChaCha
/// generator seeded with `seed`, so the same input and seed give the same lists. A pair joined
/// by several edges appears once, where its best edge would put it.
///
/// # Returns
/// `(left_prefs, right_prefs)`, or an [`Error`] for mismatched arrays, an index out of range
/// or a score that is not finite.
///
/// # Complexity
/// `O(n + m log m)` time and `O(n + m)` space for `m` edges.
///
/// # Example
/// ```
/// use samman::algo::stable::preferences_from_scores;
///
/// let (left, right) = preferences_from_scores(2, 2, &[0, 0, 1], &[0, 1, 1], &[0.5, 0.9, 0.1], 7)?;
/// assert_eq!(left, vec![vec![1, 0], vec![1]]);
/// assert_eq!(right, vec![vec![0], vec![0, 1]]);
/// # Ok::<(), samman::algo::stable::Error>(())
/// ```
pub fn preferences_from_scores(
    n_left: usize,
    n_right: usize,
    left: &[u32],
    right: &[u32],
    score: &[f64],
    seed: u64,
) -> Result<(Preferences, Preferences)> {
    let m = left.len();
    if right.len() != m || score.len() != m {
        return Err(Error::LengthMismatch {
            left: m,
            right: right.len(),
            score: score.len(),
        });
    }
    check_size("lefts", n_left)?;
    check_size("rights", n_right)?;
    check_size("edges", m)?;
    for e in 0..m {
        for (side, index, n) in [
            (Side::Left, left[e], n_left),
            (Side::Right, right[e], n_right),
        ] {
            if index as usize >= n {
                return Err(Error::EdgeOutOfRange {
                    edge: e,
                    side,
                    index,
                    n,
                });
            }
        }
        if !score[e].is_finite() {
            return Err(Error::NonFiniteScore { edge: e });
        }
    }
    let mut tie_break: Vec<u32> = (0..m as u32).collect();
    tie_break.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
    // One integer key per edge, smaller is better: the score's bits flipped into descending
    // order, then the tie-break position. Sorting small per-agent groups of plain keys is
    // much faster than one global sort through the score array.
    let key = |e: usize| {
        let bits = score[e].to_bits();
        // IEEE total order as unsigned, then reversed so higher scores come first.
        let ascending = if bits >> 63 == 1 {
            !bits
        } else {
            bits | 1 << 63
        };
        (!ascending, tie_break[e])
    };
    let group = |ends: &[u32], n: usize, edges: &mut dyn Iterator<Item = u32>| {
        let mut first = vec![0u32; n + 1];
        let edges: Vec<u32> = edges.collect();
        for &e in &edges {
            first[ends[e as usize] as usize + 1] += 1;
        }
        for v in 0..n {
            first[v + 1] += first[v];
        }
        let mut fill = first[..n].to_vec();
        let mut sorted = vec![(0u64, 0u32, 0u32); edges.len()];
        for &e in &edges {
            let v = ends[e as usize] as usize;
            let (a, b) = key(e as usize);
            sorted[fill[v] as usize] = (a, b, e);
            fill[v] += 1;
        }
        for v in 0..n {
            sorted[first[v] as usize..first[v + 1] as usize].sort_unstable();
        }
        (first, sorted)
    };
    let (left_first, by_left) = group(left, n_left, &mut (0..m as u32));
    // Keep each pair's best edge only.
    let mut seen_right_by = vec![NONE; n_right];
    let mut left_prefs = Vec::with_capacity(n_left);
    let mut kept = Vec::with_capacity(m);
    for i in 0..n_left {
        let edges = &by_left[left_first[i] as usize..left_first[i + 1] as usize];
        let mut list = Vec::with_capacity(edges.len());
        for &(_, _, e) in edges {
            let j = right[e as usize];
            if seen_right_by[j as usize] != i as u32 {
                seen_right_by[j as usize] = i as u32;
                list.push(j);
                kept.push(e);
            }
        }
        left_prefs.push(list);
    }
    let (right_first, by_right) = group(right, n_right, &mut kept.into_iter());
    let right_prefs = (0..n_right)
        .map(|j| {
            by_right[right_first[j] as usize..right_first[j + 1] as usize]
                .iter()
                .map(|&(_, _, e)| left[e as usize])
                .collect()
        })
        .collect();
    Ok((left_prefs, right_prefs))
}
