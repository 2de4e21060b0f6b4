//! Repeat-free rounds from finite geometry, for the social golfer path's start: when `n = p^k`
//! people sit at tables of `s = p^j` (`p` prime), number the people by the vectors of
//! `GF(p)^k`; the cosets of a `j`-dimensional subspace are a round, and two rounds whose
//! subspaces share only the zero vector never seat the same two people together. So a set of
//! such subspaces (a partial spread) is a repeat-free plan of as many rounds: 32 golfers in
//! fours for 9 weeks (9 planes of `GF(2)^5` meeting only at zero, the most there are), 16 in
//! fours for 5, 27 in triples for 13, 25 in fives for 6.
//!
//! Reference: the affine resolvable designs, e.g. C. J. Colbourn and J. H. Dinitz (eds.),
//! Handbook of Combinatorial Designs, 2nd ed. (2007), VII.2 and VII.7 on resolvable designs
//! and spreads.

use std::collections::HashSet;

use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// The most people the construction numbers (its subspaces are listed in full).
const MAX_PEOPLE: usize = 1024;
/// The most spans listed, and the most nodes of the search for a partial spread.
const MAX_WORK: usize = 200_000;

/// Up to `rounds` repeat-free rounds of `n` people at tables of `size`, each the people's
/// numbers (`0..n`) table after table; empty when `n` and `size` are not powers of one prime
/// (with `size` at least 2 and at most `n`). The numbering is shuffled with `rng`, so that
/// seeds give different plans.
pub(super) fn rounds(n: usize, size: usize, rounds: usize, rng: &mut ChaCha8Rng) -> Vec<Vec<u32>> {
    let Some((p, k, j)) = prime_powers(n, size) else {
        return Vec::new();
    };
    if n > MAX_PEOPLE || rounds == 0 {
        return Vec::new();
    }
    let field = Field { p, k };
    let mut subspaces = field.subspaces(j);
    subspaces.shuffle(rng);
    // At most (n - 1) / (size - 1) rounds: everyone meets size - 1 new people a round.
    let want = rounds.min((n - 1) / (size - 1));
    let spread = partial_spread(&subspaces, n, want);
    let mut label: Vec<u32> = (0..n as u32).collect();
    label.shuffle(rng);
    spread
        .iter()
        .map(|&i| {
            let subspace = &subspaces[i];
            let mut seated = vec![false; n];
            let mut order = Vec::with_capacity(n);
            for x in 0..n {
                if seated[x] {
                    continue;
                }
                for &v in subspace {
                    let y = field.add(x, v);
                    seated[y] = true;
                    order.push(label[y]);
                }
            }
            order
        })
        .collect()
}

/// `(p, k, j)` with `n = p^k`, `size = p^j`, `p` prime, `1 <= j <= k`.
fn prime_powers(n: usize, size: usize) -> Option<(usize, u32, u32)> {
    if size < 2 || size > n {
        return None;
    }
    let p = (2..=size).find(|d| size % d == 0)?;
    let log = |mut x: usize| -> Option<u32> {
        let mut e = 0;
        while x > 1 {
            if x % p != 0 {
                return None;
            }
            x /= p;
            e += 1;
        }
        Some(e)
    };
    Some((p, log(n)?, log(size)?))
}

/// The vectors of `GF(p)^k`, numbered by their base-`p` digits.
struct Field {
    p: usize,
    k: u32,
}

impl Field {
    fn add(&self, mut x: usize, mut y: usize) -> usize {
        let (mut sum, mut place) = (0, 1);
        for _ in 0..self.k {
            sum += (x % self.p + y % self.p) % self.p * place;
            x /= self.p;
            y /= self.p;
            place *= self.p;
        }
        sum
    }

    /// The span of `subspace` (holding zero) and `v`: every `subspace + c·v`.
    fn extend(&self, subspace: &[usize], v: usize) -> Vec<usize> {
        let mut span = Vec::with_capacity(subspace.len() * self.p);
        let mut multiple = 0;
        for _ in 0..self.p {
            span.extend(subspace.iter().map(|&u| self.add(u, multiple)));
            multiple = self.add(multiple, v);
        }
        span.sort_unstable();
        span
    }

    /// The `j`-dimensional subspaces (each sorted, zero first), as many as `MAX_WORK` spans
    /// allow, in a fixed order.
    fn subspaces(&self, j: u32) -> Vec<Vec<usize>> {
        let n = self.p.pow(self.k);
        let mut level: Vec<Vec<usize>> = vec![vec![0]];
        let mut work = 0;
        for _ in 0..j {
            let mut seen: HashSet<Vec<usize>> = HashSet::new();
            let mut next = Vec::new();
            'grow: for subspace in &level {
                for v in 1..n {
                    if subspace.binary_search(&v).is_ok() {
                        continue;
                    }
                    work += 1;
                    if work > MAX_WORK {
                        break 'grow;
                    }
                    let span = self.extend(subspace, v);
                    if seen.insert(span.clone()) {
                        next.push(span);
                    }
                }
            }
            level = next;
        }
        level
    }
}

/// The indices of up to `want` subspaces that pairwise share only zero: a depth-first search
/// in index order, within `MAX_WORK` nodes, keeping the largest set found.
fn partial_spread(subspaces: &[Vec<usize>], n: usize, want: usize) -> Vec<usize> {
    struct Search<'s> {
        subspaces: &'s [Vec<usize>],
        used: Vec<bool>,
        chosen: Vec<usize>,
        best: Vec<usize>,
        want: usize,
        nodes: usize,
    }
    impl Search<'_> {
        fn go(&mut self, from: usize) {
            if self.chosen.len() > self.best.len() {
                self.best.clone_from(&self.chosen);
            }
            if self.best.len() >= self.want {
                return;
            }
            for i in from..self.subspaces.len() {
                self.nodes += 1;
                if self.nodes > MAX_WORK || self.best.len() >= self.want {
                    return;
                }
                // Not enough subspaces left to beat the best.
                if self.chosen.len() + (self.subspaces.len() - i) <= self.best.len() {
                    return;
                }
                let subspace = &self.subspaces[i];
                if subspace[1..].iter().any(|&v| self.used[v]) {
                    continue;
                }
                for &v in &subspace[1..] {
                    self.used[v] = true;
                }
                self.chosen.push(i);
                self.go(i + 1);
                self.chosen.pop();
                for &v in &self.subspaces[i][1..] {
                    self.used[v] = false;
                }
            }
        }
    }
    let mut search = Search {
        subspaces,
        used: vec![false; n],
        chosen: Vec::new(),
        best: Vec::new(),
        want,
        nodes: 0,
    };
    search.go(0);
    search.best
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    /// Whether no two people share a table twice in `plan` (tables of `size`).
    fn repeat_free(plan: &[Vec<u32>], n: usize, size: usize) -> bool {
        let mut met = vec![false; n * n];
        for round in plan {
            let mut sorted = round.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..n as u32).collect::<Vec<_>>(), "everyone once");
            for table in round.chunks(size) {
                for &a in table {
                    for &b in table {
                        if a != b {
                            let i = a as usize * n + b as usize;
                            if met[i] {
                                return false;
                            }
                            met[i] = true;
                        }
                    }
                }
            }
        }
        true
    }

    #[test]
    fn geometry_gives_the_most_rounds_without_a_repeat() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        // (people, size, rounds the construction reaches)
        for (n, size, most) in [(32, 4, 9), (16, 4, 5), (27, 3, 13), (9, 3, 4), (25, 5, 6)] {
            let plan = rounds(n, size, 20, &mut rng);
            assert_eq!(plan.len(), most, "{n} in tables of {size}");
            assert!(repeat_free(&plan, n, size), "{n} in tables of {size}");
        }
        assert_eq!(rounds(32, 4, 3, &mut rng).len(), 3);
        // Not powers of one prime.
        assert!(rounds(15, 3, 7, &mut rng).is_empty());
        assert!(rounds(24, 4, 7, &mut rng).is_empty());
        assert!(rounds(36, 6, 7, &mut rng).is_empty());
    }
}
