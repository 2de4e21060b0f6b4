//! Inputs the fuzz targets (fuzz/) found problems with, kept as tests so they stay fixed.

use samman::validate::{ParseErrorKind, parse_json};

/// instance_json: a field named "" at the top level gave a parse error with an empty path.
#[test]
fn unknown_empty_field_name_has_a_path() {
    let error = parse_json(r#"{"":"2026-09-12T17:00","end":"x"}"#).unwrap_err();
    assert_eq!(error.kind, ParseErrorKind::Data);
    assert_eq!(error.path, ".");
    assert_eq!((error.line, error.column), (1, 3));
    assert!(
        error.message.starts_with("unknown field ``"),
        "{}",
        error.message
    );
}
