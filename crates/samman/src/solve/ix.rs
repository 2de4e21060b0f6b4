//! Typed indices for the solvers' internals: a seeker's, a provider's and a candidate edge's
//! position in the instance and the graph, so that one cannot be passed where another is
//! meant. Each is a plain integer at run time; slices and vectors are indexed by them directly.

use std::fmt;
use std::ops::{Index, IndexMut};

macro_rules! index {
    ($(#[$doc:meta])* $name:ident($repr:ty)) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub(crate) struct $name($repr);

        impl $name {
            /// The index at position `i` (instances and graphs stay within the type's range).
            #[inline]
            pub(crate) const fn new(i: usize) -> Self {
                Self(i as $repr)
            }

            /// The position, for indexing plain slices.
            #[inline]
            pub(crate) const fn get(self) -> usize {
                self.0 as usize
            }
        }

        impl From<$name> for usize {
            #[inline]
            fn from(i: $name) -> usize {
                i.get()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl<T> Index<$name> for [T] {
            type Output = T;
            #[inline]
            fn index(&self, i: $name) -> &T {
                &self[i.get()]
            }
        }

        impl<T> IndexMut<$name> for [T] {
            #[inline]
            fn index_mut(&mut self, i: $name) -> &mut T {
                &mut self[i.get()]
            }
        }

        impl<T> Index<$name> for Vec<T> {
            type Output = T;
            #[inline]
            fn index(&self, i: $name) -> &T {
                &self[i.get()]
            }
        }

        impl<T> IndexMut<$name> for Vec<T> {
            #[inline]
            fn index_mut(&mut self, i: $name) -> &mut T {
                &mut self[i.get()]
            }
        }
    };
}

index! {
    /// A seeker's position in `instance.seekers` (and the graph's seeker nodes).
    SeekerIx(u32)
}

index! {
    /// A provider's position in `instance.providers` (not its position in a component).
    ProviderIx(u32)
}

index! {
    /// A candidate edge's number in the graph ([`crate::graph::CandidateGraph::candidates_by_edge`]):
    /// edges are numbered by seeker, then provider.
    EdgeIx(usize)
}

impl From<u32> for SeekerIx {
    #[inline]
    fn from(i: u32) -> Self {
        Self(i)
    }
}

impl From<u32> for ProviderIx {
    #[inline]
    fn from(i: u32) -> Self {
        Self(i)
    }
}

impl SeekerIx {
    /// Every seeker index below `n`, ascending.
    #[inline]
    pub(crate) fn range(n: usize) -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator {
        (0..n).map(Self::new)
    }

    /// The index as the graph's candidates store it.
    #[inline]
    pub(crate) const fn raw(self) -> u32 {
        self.0
    }
}

impl ProviderIx {
    /// Every provider index below `n`, ascending.
    #[inline]
    pub(crate) fn range(n: usize) -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator {
        (0..n).map(Self::new)
    }

    /// The index as the graph's candidates store it.
    #[inline]
    pub(crate) const fn raw(self) -> u32 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::{EdgeIx, ProviderIx, SeekerIx};

    #[test]
    fn indices_index_slices_and_vectors_and_order_as_their_position() {
        let mut per_seeker = vec![10, 20, 30];
        per_seeker[SeekerIx::new(1)] += 1;
        assert_eq!(per_seeker, [10, 21, 30]);
        let slice: &mut [i32] = &mut per_seeker;
        slice[SeekerIx::from(2)] = 0;
        assert_eq!(slice[SeekerIx::new(2)], 0);
        // Plain indices still work beside the typed ones.
        assert_eq!(per_seeker[0], 10);
        assert!(ProviderIx::new(3) < ProviderIx::new(4));
        assert_eq!(EdgeIx::new(7).get(), 7);
        assert_eq!(usize::from(ProviderIx::from(5)), 5);
        assert_eq!(SeekerIx::new(4).raw(), 4);
        assert_eq!(format!("{:?}", EdgeIx::new(2)), "EdgeIx(2)");
        let all: Vec<SeekerIx> = SeekerIx::range(3).collect();
        assert_eq!(all, [SeekerIx::new(0), SeekerIx::new(1), SeekerIx::new(2)]);
    }
}
