//! samman: a matching engine for civic programmes that bring people together.
#![warn(missing_docs)]

pub mod algo;
pub mod graph;
pub mod model;
pub mod rules;
pub mod validate;
