//! The integer types the min-cost flow runs on: `i64` when the costs leave enough headroom
//! for the price arithmetic, `i128` when they do not (exact integer weights that are large for
//! the number of nodes). The solver is generic over them so the `i64` path stays as fast.

use std::fmt::Debug;
use std::ops::{Add, AddAssign, Mul, Neg, Sub, SubAssign};

/// An integer cost type for the network and cost scaling.
pub(crate) trait Cost:
    Copy
    + Ord
    + Debug
    + Default
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
{
    /// The smallest value.
    const MIN: Self;
    /// The largest value.
    const MAX: Self;
    /// Widens an `i64`.
    fn from_i64(value: i64) -> Self;
    /// Euclidean division (rounds towards negative infinity for a positive divisor).
    fn div_euclid(self, divisor: Self) -> Self;
    /// The value as an `i64`, saturating at its bounds (for bucket indices and sort keys).
    fn saturating_i64(self) -> i64;
}

impl Cost for i64 {
    const MIN: Self = i64::MIN;
    const MAX: Self = i64::MAX;
    #[inline]
    fn from_i64(value: i64) -> Self {
        value
    }
    #[inline]
    fn div_euclid(self, divisor: Self) -> Self {
        i64::div_euclid(self, divisor)
    }
    #[inline]
    fn saturating_i64(self) -> i64 {
        self
    }
}

impl Cost for i128 {
    const MIN: Self = i128::MIN;
    const MAX: Self = i128::MAX;
    #[inline]
    fn from_i64(value: i64) -> Self {
        i128::from(value)
    }
    #[inline]
    fn div_euclid(self, divisor: Self) -> Self {
        i128::div_euclid(self, divisor)
    }
    #[inline]
    fn saturating_i64(self) -> i64 {
        i64::try_from(self).unwrap_or(if self < 0 { i64::MIN } else { i64::MAX })
    }
}
