//! Benchmarks for samman live in `benches/`; this crate has no library code.
