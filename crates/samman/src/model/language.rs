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

/// Each two-letter code's position in [`ISO_639_1`], at `26 × first letter + second letter`;
/// `u8::MAX` where the letters are no code. Rules and validation look up every language of
/// every person: one load instead of a binary search over strings.
const POSITION: [u8; 26 * 26] = {
    let mut table = [u8::MAX; 26 * 26];
    let mut i = 0;
    while i < ISO_639_1.len() {
        let code = ISO_639_1[i].as_bytes();
        table[(code[0] - b'a') as usize * 26 + (code[1] - b'a') as usize] = i as u8;
        i += 1;
    }
    table
};

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
        match *self.0.as_bytes() {
            [a @ b'a'..=b'z', b @ b'a'..=b'z'] => {
                let i = POSITION[usize::from(a - b'a') * 26 + usize::from(b - b'a')];
                (i != u8::MAX).then_some(usize::from(i))
            }
            _ => None,
        }
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    fn positions_agree_with_searching_the_list() {
        let letters = (b'a'..=b'z').chain([b'A', b'Z', b'`', b'{', b'0']);
        let mut codes: Vec<String> = letters
            .clone()
            .flat_map(|a| {
                letters
                    .clone()
                    .map(move |b| String::from_utf8(vec![a, b]).unwrap())
            })
            .collect();
        codes.extend(["", "s", "svx", "sv ", "é", "ſv"].map(str::to_owned));
        for code in codes {
            let searched = ISO_639_1.binary_search(&code.as_str()).ok();
            assert_eq!(LanguageCode(code.clone()).index(), searched, "{code:?}");
        }
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
