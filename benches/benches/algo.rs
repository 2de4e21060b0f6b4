//! Benchmarks of `samman::algo` (placeholder filled below).
fn main() {}
