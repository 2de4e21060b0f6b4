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
            #[allow(clippy::cast_possible_truncation)]
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
