//! samman: a matching engine for civic programmes that bring people together.
#![warn(missing_docs)]

pub mod algo;
pub mod csv_io;
pub mod explain;
pub mod generate;
pub mod graph;
pub mod metrics;
pub mod model;
pub mod rules;
pub mod solve;
pub mod validate;

/// The JSON Schema of the instance format, as a pretty-printed document.
#[must_use]
pub fn instance_schema() -> String {
    let schema = schemars::schema_for!(model::Instance);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises") + "\n"
}
