//! Data parallelism with rayon when the `parallel` feature is on (the default for native
//! builds), and plain sequential iterators when it is off (wasm32, single-threaded).
//!
//! The engine only uses order-preserving operations (`map`, `collect`, `enumerate`, `zip`,
//! `par_extend`, integer `sum`), so both give the same results; modules import
//! `crate::parallel::prelude::*` instead of `rayon::prelude::*`.

/// `par_iter`, `into_par_iter` and `par_extend`: rayon's, or sequential stand-ins.
pub(crate) mod prelude {
    #[cfg(feature = "parallel")]
    pub(crate) use rayon::prelude::*;

    #[cfg(not(feature = "parallel"))]
    pub(crate) use super::sequential::{
        IntoParallelIterator, IntoParallelRefIterator, ParallelExtend,
    };
}

/// Sequential stand-ins with rayon's method names, returning std iterators.
#[cfg(not(feature = "parallel"))]
mod sequential {
    /// `collection.par_iter()`: the collection's borrowing iterator.
    pub(crate) trait IntoParallelRefIterator<'a> {
        /// The iterator.
        type Iter: Iterator;
        /// Iterate over borrowed items, in order.
        fn par_iter(&'a self) -> Self::Iter;
    }

    impl<'a, T: 'a + ?Sized> IntoParallelRefIterator<'a> for T
    where
        &'a T: IntoIterator,
    {
        type Iter = <&'a T as IntoIterator>::IntoIter;
        fn par_iter(&'a self) -> Self::Iter {
            self.into_iter()
        }
    }

    /// `collection.into_par_iter()`: the collection's owning iterator.
    pub(crate) trait IntoParallelIterator {
        /// The iterator.
        type Iter: Iterator;
        /// Iterate over owned items, in order.
        fn into_par_iter(self) -> Self::Iter;
    }

    impl<T: IntoIterator> IntoParallelIterator for T {
        type Iter = T::IntoIter;
        fn into_par_iter(self) -> Self::Iter {
            self.into_iter()
        }
    }

    /// `vec.par_extend(items)`: `Extend::extend`.
    pub(crate) trait ParallelExtend<T> {
        /// Append the items, in order.
        fn par_extend<I: IntoIterator<Item = T>>(&mut self, items: I);
    }

    impl<T, C: Extend<T>> ParallelExtend<T> for C {
        fn par_extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
            self.extend(items);
        }
    }
}
