//! Deferred acceptance for many-to-many markets: each left takes up to `left_capacity[i]`
//! rights (never the same right twice), rights take lefts up to their seats as in
//! [`super::deferred_acceptance`].
//!
//! Preferences are *responsive*: a left ranks sets of rights by its list, one right at a time.
//! A pair `(i, j)` not matched *blocks* if it is mutually acceptable, `i` has a free place or
//! prefers `j` to the worst right it holds, and `j` can take `i` (free seats, or seats held by
//! lefts it likes less; see the parent module for parties). A matching without blocking pairs
//! is *pairwise stable*. With every size 1, proposing lefts get the left-optimal pairwise
//! stable matching and proposing rights the right-optimal one (Roth, 1984).

use super::{Error, Filtered, Holding, Market, Proposing, Result, seats_below};

/// Finds a pairwise stable matching of a many-to-many market by deferred acceptance.
///
/// Proposing lefts each propose down their list while they hold fewer than their capacity; a
/// right holds a proposal if it can make room (as in [`super::deferred_acceptance`]), and a
/// rejected left proposes again. Proposing rights offer their seats down their lists; a left
/// holds up to its capacity, giving up its worst held right for a better offer.
///
/// # Returns
/// For each left, its rights in the order of its list; or an [`Error`] for a bad market or a
/// `left_capacity` that does not have one entry per left.
///
/// # Complexity
/// `O(n + L·c)` time for total list length `L` and largest left capacity `c` when every size
/// is 1: each list entry is proposed along at most once.
///
/// # Example
/// ```
/// use samman::algo::stable::{Market, Proposing, deferred_acceptance_many};
///
/// // An older person (left 0) wants two visitors; visitors 0 and 1 each visit one person.
/// let left_prefs = vec![vec![0, 1], vec![0]];
/// let right_prefs = vec![vec![1, 0], vec![0]];
/// let market = Market {
///     left_prefs: &left_prefs,
///     right_prefs: &right_prefs,
///     right_capacity: None,
///     left_size: None,
/// };
/// let matching = deferred_acceptance_many(&market, &[2, 1], Proposing::Left)?;
/// assert_eq!(matching, vec![vec![1], vec![0]]);
/// # Ok::<(), samman::algo::stable::Error>(())
/// ```
pub fn deferred_acceptance_many(
    market: &Market<'_>,
    left_capacity: &[u32],
    proposing: Proposing,
) -> Result<Vec<Vec<u32>>> {
    deferred_acceptance_apart(market, left_capacity, proposing, &|_, _| false)
}

/// [`deferred_acceptance_many`] where no left may hold two rights that `conflict` (such as two
/// providers whose times overlap): a proposing left passes over a right that conflicts with
/// one it holds, and a left offered a right gives up the worse rights it conflicts with, or
/// refuses it for a better one. Pairwise stability is then no longer guaranteed.
pub(crate) fn deferred_acceptance_apart(
    market: &Market<'_>,
    left_capacity: &[u32],
    proposing: Proposing,
    conflict: &dyn Fn(u32, u32) -> bool,
) -> Result<Vec<Vec<u32>>> {
    let f = Filtered::new(market)?;
    check_capacity(&f, left_capacity)?;
    let mut matching = match proposing {
        Proposing::Left => left_proposing(&f, left_capacity, conflict),
        Proposing::Right => right_proposing(&f, left_capacity, conflict),
    };
    // In the order of each left's list.
    for (i, rights) in matching.iter_mut().enumerate() {
        let list = &f.left_right[f.left_first[i] as usize..f.left_first[i + 1] as usize];
        rights.sort_by_key(|j| list.iter().position(|x| x == j));
    }
    Ok(matching)
}

fn check_capacity(f: &Filtered, left_capacity: &[u32]) -> Result<()> {
    if left_capacity.len() != f.n_left() {
        return Err(Error::LeftCapacityLength {
            expected: f.n_left(),
            got: left_capacity.len(),
        });
    }
    Ok(())
}

fn left_proposing(
    f: &Filtered,
    left_capacity: &[u32],
    conflict: &dyn Fn(u32, u32) -> bool,
) -> Vec<Vec<u32>> {
    let n_left = f.n_left();
    let mut partners: Vec<Vec<u32>> = vec![Vec::new(); n_left];
    let mut next = f.left_first[..n_left].to_vec();
    let mut holding = Holding::new(f);
    let mut free: Vec<u32> = (0..n_left as u32).rev().collect();
    while let Some(i) = free.pop() {
        let i = i as usize;
        while partners[i].len() < left_capacity[i] as usize && next[i] < f.left_first[i + 1] {
            let entry = next[i] as usize;
            next[i] += 1;
            let j = f.left_right[entry] as usize;
            if partners[i].iter().any(|&r| conflict(r, j as u32)) {
                continue;
            }
            let held = holding.hold(f, i, entry, |loser| {
                partners[loser].retain(|&r| r as usize != j);
                free.push(loser as u32);
            });
            if held {
                partners[i].push(j as u32);
            }
        }
    }
    partners
}

fn right_proposing(
    f: &Filtered,
    left_capacity: &[u32],
    conflict: &dyn Fn(u32, u32) -> bool,
) -> Vec<Vec<u32>> {
    let n_left = f.n_left();
    let n_right = f.n_right();
    // Per left, (its rank of the right, the right) held.
    let mut held: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n_left];
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
            if used[j] + size > capacity || left_capacity[i] == 0 {
                continue;
            }
            let list = &mut held[i];
            // A better right held that conflicts: refused; worse ones that conflict: given up.
            if list.iter().any(|&(r, k)| r < rank && conflict(k, j as u32)) {
                continue;
            }
            list.retain(|&(_, k)| {
                let keep = !conflict(k, j as u32);
                if !keep {
                    used[k as usize] -= size;
                    active.push(k);
                }
                keep
            });
            if list.len() >= left_capacity[i] as usize {
                let (at, &(worst, loser)) = list
                    .iter()
                    .enumerate()
                    .max_by_key(|(_, held)| held.0)
                    .expect("a full left holds at least one right");
                if rank >= worst {
                    continue;
                }
                list.swap_remove(at);
                used[loser as usize] -= size;
                active.push(loser);
            }
            list.push((rank, j as u32));
            used[j] += size;
        }
    }
    held.into_iter()
        .map(|list| list.into_iter().map(|(_, j)| j).collect())
        .collect()
}

/// Lists every blocking pair of a many-to-many `matching` (each left's rights) in `market`,
/// sorted by left then right (see the module documentation).
///
/// # Errors
/// The market's errors, [`Error::LeftCapacityLength`], and [`Error::MatchingLength`],
/// [`Error::MatchingOutOfRange`], [`Error::Unacceptable`], [`Error::OverCapacity`] or
/// [`Error::LeftOverCapacity`] (a left over its capacity or holding a right twice) for a
/// matching that is not one.
///
/// # Complexity
/// `O(n + L)` time and space for `n` agents and total list length `L`.
pub fn blocking_pairs_many(
    market: &Market<'_>,
    left_capacity: &[u32],
    matching: &[Vec<u32>],
) -> Result<Vec<(u32, u32)>> {
    let f = Filtered::new(market)?;
    check_capacity(&f, left_capacity)?;
    let n_left = f.n_left();
    let n_right = f.n_right();
    if matching.len() != n_left {
        return Err(Error::MatchingLength {
            expected: n_left,
            got: matching.len(),
        });
    }
    // Per left, the ranks of its rights in its list; what each right holds, by its ranks.
    let mut ranks: Vec<Vec<u32>> = vec![Vec::new(); n_left];
    let mut held_size = vec![0u64; f.right_left.len()];
    let mut used = vec![0u64; n_right];
    for (i, rights) in matching.iter().enumerate() {
        let entries = f.left_first[i] as usize..f.left_first[i + 1] as usize;
        for &j in rights {
            if j as usize >= n_right {
                return Err(Error::MatchingOutOfRange {
                    left: i,
                    index: j,
                    n: n_right,
                });
            }
            let Some(entry) = entries.clone().find(|&e| f.left_right[e] == j) else {
                return Err(Error::Unacceptable { left: i, right: j });
            };
            let rank = (entry - entries.start) as u32;
            if ranks[i].contains(&rank) || ranks[i].len() >= left_capacity[i] as usize {
                return Err(Error::LeftOverCapacity {
                    left: i,
                    rights: rights.len(),
                    capacity: left_capacity[i],
                });
            }
            ranks[i].push(rank);
            held_size[f.right_first[j as usize] as usize + f.left_rank_at_right[entry] as usize] =
                u64::from(f.size[i]);
            used[j as usize] += u64::from(f.size[i]);
        }
    }
    let worse = seats_below(&f, &held_size, &used)?;
    let mut pairs = Vec::new();
    for (i, held) in ranks.iter().enumerate() {
        let start = f.left_first[i] as usize;
        // A left with a free place considers its whole list; a full one, what it prefers to
        // its worst right.
        let end = if held.len() < left_capacity[i] as usize {
            f.left_first[i + 1] as usize
        } else {
            start + held.iter().copied().max().map_or(0, |w| w as usize)
        };
        for e in start..end {
            if held.contains(&((e - start) as u32)) {
                continue;
            }
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
