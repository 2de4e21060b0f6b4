//! The examples in the documentation are real: JSON instances in docs/ parse and validate.

use samman::graph::CandidateGraph;
use samman::validate::{parse_json, validate};

fn json_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start()) {
            (None, "```json") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn concepts_example_is_a_valid_feasible_instance() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/concepts.md"
    ))
    .unwrap();
    let blocks = json_blocks(&text);
    assert_eq!(blocks.len(), 1);
    let instance = parse_json(&blocks[0]).unwrap();
    validate(&instance).unwrap();
    let graph = CandidateGraph::build(&instance).unwrap();
    assert_eq!(
        graph.edge_count(),
        1,
        "the guest party can go to the dinner"
    );
}
