//! The weight types a [`Problem`](super::Problem) may carry: `f64` (any finite number, solved
//! exactly when every weight is a whole number) and `i64` (always solved exactly).

mod sealed {
    pub trait Sealed {}
    impl Sealed for f64 {}
    impl Sealed for i64 {}
}

/// An edge weight: `f64` or `i64`. Sealed: the solver's exactness rules are stated for these two.
pub trait Weight: Copy + sealed::Sealed {
    /// Whether the weight is a finite number (always for `i64`).
    fn is_finite(self) -> bool;
    /// Whether the weight is above zero.
    fn is_positive(self) -> bool;
    /// The weight as an exact integer (saturating at `i128`'s bounds), or `None` when it is not
    /// a whole number.
    fn integer(self) -> Option<i128>;
    /// For a whole number, the exponent of the largest power of two that divides it
    /// (`u32::MAX` for zero).
    #[doc(hidden)]
    fn twos(self) -> u32;
    /// A whole number divided by `2^shift` (which divides it), exactly, saturating at `i128`'s
    /// bounds.
    #[doc(hidden)]
    fn halved(self, shift: u32) -> i128;
    /// The weight as an `f64` (rounded to the nearest for an `i64` beyond 2⁵³).
    fn to_f64(self) -> f64;
    /// The total weight of `edges`: the `f64` sum, or for `i64` the exact sum rounded once.
    #[doc(hidden)]
    fn total(weights: &[Self], edges: &[usize]) -> f64;
}

impl Weight for f64 {
    fn is_finite(self) -> bool {
        f64::is_finite(self)
    }
    fn is_positive(self) -> bool {
        self > 0.0
    }
    fn integer(self) -> Option<i128> {
        // Every whole f64 below 2¹²⁷ converts exactly; larger ones saturate, which is still
        // above every limit, so they are reported as too large rather than rounded.
        (self.is_finite() && self.fract() == 0.0).then_some(self as i128)
    }
    fn twos(self) -> u32 {
        if self == 0.0 {
            return u32::MAX;
        }
        // |self| = mantissa · 2^exponent, with the hidden bit for normal numbers.
        let bits = self.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let fraction = bits & ((1 << 52) - 1);
        let (mantissa, exponent) = if biased == 0 {
            (fraction, -1074)
        } else {
            (fraction | (1 << 52), biased - 1075)
        };
        u32::try_from(exponent + mantissa.trailing_zeros() as i32).unwrap_or(0)
    }
    fn halved(self, shift: u32) -> i128 {
        // Multiplying by a power of two is exact while the result stays a normal number, which
        // a whole number divided by one of its own factors is.
        let shift = i32::try_from(shift).unwrap_or(i32::MAX);
        (self * 2f64.powi(-shift.min(1074))) as i128
    }
    fn to_f64(self) -> f64 {
        self
    }
    fn total(weights: &[Self], edges: &[usize]) -> f64 {
        edges.iter().map(|&e| weights[e]).sum()
    }
}

impl Weight for i64 {
    fn is_finite(self) -> bool {
        true
    }
    fn is_positive(self) -> bool {
        self > 0
    }
    fn integer(self) -> Option<i128> {
        Some(i128::from(self))
    }
    fn twos(self) -> u32 {
        if self == 0 {
            u32::MAX
        } else {
            self.trailing_zeros()
        }
    }
    fn halved(self, shift: u32) -> i128 {
        i128::from(self) >> shift.min(127)
    }
    fn to_f64(self) -> f64 {
        self as f64
    }
    fn total(weights: &[Self], edges: &[usize]) -> f64 {
        edges.iter().map(|&e| i128::from(weights[e])).sum::<i128>() as f64
    }
}

/// The total weight of `edges` (see [`Weight::total`]).
pub(crate) fn total<W: Weight>(weights: &[W], edges: &[usize]) -> f64 {
    W::total(weights, edges)
}
