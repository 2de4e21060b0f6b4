//! The committed JSON Schema is the one the model generates.

#[test]
fn committed_schema_is_up_to_date() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/schema/instance.schema.json"
    );
    let committed = std::fs::read_to_string(path).expect("docs/schema/instance.schema.json exists");
    assert!(
        committed == samman::instance_schema(),
        "docs/schema/instance.schema.json is out of date: run `cargo run -p samman-cli -- schema > docs/schema/instance.schema.json`"
    );
}

#[test]
fn committed_document_schemas_are_up_to_date() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/schema/documents.json"
    );
    let committed = std::fs::read_to_string(path).expect("docs/schema/documents.json exists");
    assert!(
        committed == samman::document_schemas(),
        "docs/schema/documents.json is out of date: run `cargo run -p samman-cli -- schema --documents > docs/schema/documents.json`"
    );
}

#[test]
fn schema_describes_the_instance() {
    let schema: serde_json::Value = serde_json::from_str(&samman::instance_schema()).unwrap();
    assert_eq!(schema["title"], "Instance");
    let required = schema["required"].as_array().unwrap();
    assert!(required.contains(&serde_json::json!("version")));
    for definition in [
        "Seeker",
        "Provider",
        "Policy",
        "Diet",
        "Moment",
        "WeeklyWindow",
    ] {
        assert!(schema["$defs"].get(definition).is_some(), "{definition}");
    }
}
