//! Messages in plain words: serde's programmer-facing messages ("invalid type: string,
//! expected u32") rewritten for the person who wrote the file ("found a text; expected a whole
//! number, such as 4"). What a spreadsheet's cell *is* is [`crate::sheets::Form`].

/// What serde's name of a type means to a person, with an example.
fn expected(name: &str) -> Option<&'static str> {
    Some(match name.trim() {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, such as 4",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number, such as -2 or 4",
        "f32" | "f64" => "a number, such as 2.5",
        "a boolean" => "true or false",
        "a string" => "a text in quotes, such as \"g1\"",
        "a sequence" => "a list in square brackets, such as [\"a\", \"b\"]",
        "a map" => "an object in braces, such as {\"id\": \"g1\"}",
        "struct Instance" | "struct Policy" => "an object in braces",
        _ => return None,
    })
}

/// What serde's name of what it found means.
fn found(name: &str) -> &'static str {
    let name = name.trim();
    if name.starts_with("string") {
        "a text"
    } else if name.starts_with("integer") {
        "a whole number"
    } else if name.starts_with("floating") {
        "a number with decimals"
    } else if name.starts_with("boolean") {
        "true or false"
    } else if name.starts_with("sequence") {
        "a list"
    } else if name.starts_with("map") {
        "an object"
    } else if name.starts_with("null") {
        "null"
    } else {
        "a value of another kind"
    }
}

/// A JSON reading problem in plain words, without the value read. Messages of other shapes
/// are returned as they are (they name fields, not values).
#[must_use]
pub fn json_problem(message: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (what, wanted) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            return match expected(wanted) {
                Some(example) => format!("found {}; expected {example}", found(what)),
                None if wanted.is_empty() => format!("found {}", found(what)),
                None => format!("found {}; expected {wanted}", found(what)),
            };
        }
    }
    if message.starts_with("input is out of range") || message.starts_with("premature end of input")
    {
        return "not a real date or time; write a date as 2026-09-05 and a time as 2026-09-05T18:00".into();
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let wanted = rest.split_once(", expected ").map_or("", |(_, w)| w);
        return format!("a list of the wrong length; expected {wanted}");
    }
    if let Some(rest) = message.strip_prefix("expected value") {
        return format!(
            "not JSON here{rest}: a value (a number, a text in quotes, a list or an object) is expected"
        );
    }
    if message.starts_with("EOF while parsing") {
        return "the file ends too early: a closing bracket or brace is missing".into();
    }
    if message.starts_with("trailing comma") {
        return "a comma before a closing bracket or brace: remove it".into();
    }
    if message.starts_with("key must be a string") {
        return "a field name must be in double quotes, such as \"id\"".into();
    }
    message.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages() {
        assert_eq!(
            json_problem("invalid type: string \"4 personer\", expected u32"),
            "found a text; expected a whole number, such as 4"
        );
        assert!(json_problem("input is out of range").contains("2026-09-05"));
        assert_eq!(json_problem("missing field `id`"), "missing field `id`");
    }
}
