//! Languages: ISO 639-1 codes and the level at which a person speaks them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Every ISO 639-1 two-letter language code, sorted, for validation.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de",
    "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
    "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia",
    "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk",
    "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
    "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd",
    "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl",
    "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
    "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk",
    "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa",
    "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// An ISO 639-1 language code such as `sv`, `ar` or `ti`, kept as written.
///
/// Parsing accepts any string so that validation can report every unknown code at once with
/// its path; [`LanguageCode::is_known`] tells whether it is a real ISO 639-1 code.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct LanguageCode(pub String);

impl LanguageCode {
    /// Whether the code is one of the 183 ISO 639-1 codes (lower case).
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.index().is_some()
    }

    /// The code's position among the ISO 639-1 codes (0 to 182), if it is one.
    #[must_use]
    pub fn index(&self) -> Option<usize> {
        ISO_639_1.binary_search(&self.0.as_str()).ok()
    }
}

impl From<&str> for LanguageCode {
    fn from(code: &str) -> Self {
        Self(code.to_owned())
    }
}

/// How well a person speaks a language, in increasing order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Knows some words and phrases.
    Basic,
    /// Can hold an everyday conversation.
    Conversational,
    /// Speaks it easily.
    Fluent,
    /// A first language.
    Native,
}

impl Level {
    /// The level as a fraction of native, used by the language score: 0.25, 0.5, 0.75, 1.
    #[must_use]
    pub fn fraction(self) -> f64 {
        match self {
            Level::Basic => 0.25,
            Level::Conversational => 0.5,
            Level::Fluent => 0.75,
            Level::Native => 1.0,
        }
    }
}

/// A language a person speaks and how well.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageSkill {
    /// ISO 639-1 code.
    pub code: LanguageCode,
    /// How well it is spoken.
    pub level: Level,
}

impl LanguageSkill {
    /// A skill from a code and a level.
    #[must_use]
    pub fn new(code: &str, level: Level) -> Self {
        Self {
            code: code.into(),
            level,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_list_is_sorted_and_complete() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(ISO_639_1.len(), 183);
    }

    #[test]
    fn known_codes() {
        for code in ["sv", "en", "ar", "fa", "so", "ti", "uk", "pl", "bs"] {
            assert!(LanguageCode::from(code).is_known(), "{code}");
        }
        for code in ["xx", "SV", "swe", "", "prs"] {
            assert!(!LanguageCode::from(code).is_known(), "{code}");
        }
    }

    #[test]
    fn levels_are_ordered() {
        assert!(Level::Basic < Level::Conversational);
        assert!(Level::Conversational < Level::Fluent);
        assert!(Level::Fluent < Level::Native);
    }
}
