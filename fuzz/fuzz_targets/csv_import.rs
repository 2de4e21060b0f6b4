//! Any bytes as CSV exports: the readers return rows or an error naming the row and column,
//! never a panic; an instance read from two files validates or lists its problems, and a
//! valid one gets its candidate graph.
//!
//! The first byte picks the reader; for a whole instance the rest is split at the first
//! `0xff` byte into the seekers file and the providers file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samman::csv_io::{read_instance, read_plan, read_providers, read_seekers};
use samman::graph::CandidateGraph;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    match which % 4 {
        0 => {
            let _ = read_seekers(rest);
        }
        1 => {
            let _ = read_providers(rest);
        }
        2 => {
            let _ = read_plan(rest);
        }
        _ => {
            let split = rest.iter().position(|&b| b == 0xff).unwrap_or(rest.len());
            let (seekers, providers) = (&rest[..split], rest.get(split + 1..).unwrap_or(&[]));
            if let Ok(instance) = read_instance(seekers, providers) {
                let _ = CandidateGraph::build(&instance);
            }
        }
    }
});
