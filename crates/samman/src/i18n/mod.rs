//! Words for people: every human-readable text samman produces (spreadsheet headers, reasons,
//! suggestions, reports) comes from one Fluent resource per language, `en.ftl` and `sv.ftl`
//! beside this file. A test checks that both define the same messages.

use std::fmt;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// A language samman speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Swedish.
    Sv,
}

impl Lang {
    /// The language of a code: `en`, `sv` (case-insensitive, a region or encoding after it
    /// ignored: `sv_SE.UTF-8`).
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        let base = code.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match base {
            "en" => Some(Self::En),
            "sv" => Some(Self::Sv),
            _ => None,
        }
    }

    /// The language the environment asks for (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as
    /// POSIX orders them), English when none names a language samman speaks.
    #[must_use]
    pub fn from_env() -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Self::parse(&value))
            .unwrap_or_default()
    }

    /// The code: `en` or `sv`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Sv => "sv",
        }
    }

    fn resource(self) -> &'static str {
        match self {
            Self::En => include_str!("en.ftl"),
            Self::Sv => include_str!("sv.ftl"),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A value in a message: text or a number (numbers choose the plural form).
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, put in as it is.
    Text(String),
    /// A number.
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(f64::from(n))
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Number(n)
    }
}

/// The messages of one language.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for Messages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .finish()
    }
}

impl Messages {
    /// The messages of `lang`.
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        let resource = FluentResource::try_new(lang.resource().to_owned())
            .expect("the resource files parse (checked by a test)");
        let id = lang
            .code()
            .parse()
            .expect("en and sv are language identifiers");
        let mut bundle = FluentBundle::new(vec![id]);
        // No Unicode isolation marks: the text goes into spreadsheets and terminals.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .expect("a resource defines each message once (checked by a test)");
        Self { lang, bundle }
    }

    /// The language.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether a message with this id exists.
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with its arguments; the id itself when there is no such message (a
    /// test checks that every id samman uses exists).
    #[must_use]
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let fluent_args = fluent_args(args);
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// The message `id` with its arguments, or what is wrong: no such message, or an argument
    /// it names missing (how tests check that every message is said in full).
    ///
    /// # Errors
    /// The id, or Fluent's errors in words.
    pub fn checked_text(&self, id: &str, args: &[(&str, Arg)]) -> Result<String, String> {
        let pattern = self
            .bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| format!("no message {id}"))?;
        let fluent_args = fluent_args(args);
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(format!("{errors:?}"))
        }
    }

    /// The message `id` without arguments.
    #[must_use]
    pub fn get(&self, id: &str) -> String {
        self.text(id, &[])
    }

    /// A number with `places` decimals, with the language's decimal mark: `0.52` in
    /// English, `0,52` in Swedish.
    #[must_use]
    pub fn decimal(&self, x: f64, places: usize) -> String {
        self.with_mark(format!("{x:.places$}"))
    }

    /// A number as short as it is exact (`1`, `0.5`), with the language's decimal mark.
    #[must_use]
    pub fn decimal_short(&self, x: f64) -> String {
        self.with_mark(x.to_string())
    }

    fn with_mark(&self, text: String) -> String {
        match self.lang {
            Lang::En => text,
            Lang::Sv => text.replace('.', ","),
        }
    }

    /// `a, b and c` in the language.
    #[must_use]
    pub fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => self.text(
                "list-and",
                &[
                    ("first", rest.join(", ").into()),
                    ("last", last.clone().into()),
                ],
            ),
        }
    }
}

fn fluent_args<'a>(args: &'a [(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    fluent_args
}

thread_local! {
    /// The English messages, parsed once per thread: every problem carries its English text.
    static ENGLISH: Messages = Messages::new(Lang::En);
}

/// Run `f` with the English messages (parsed once per thread).
pub(crate) fn with_english<T>(f: impl FnOnce(&Messages) -> T) -> T {
    ENGLISH.with(f)
}

/// The ids of the messages of a resource file, in order.
#[must_use]
pub fn message_ids(lang: Lang) -> Vec<String> {
    let resource = FluentResource::try_new(lang.resource().to_owned())
        .expect("the resource files parse (checked by a test)");
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_define_the_same_messages() {
        for lang in [Lang::En, Lang::Sv] {
            FluentResource::try_new(lang.resource().to_owned())
                .unwrap_or_else(|(_, errors)| panic!("{lang}.ftl: {errors:?}"));
        }
        let mut en = message_ids(Lang::En);
        let mut sv = message_ids(Lang::Sv);
        assert!(en.len() > 20);
        en.sort();
        sv.sort();
        let mut dedup = en.clone();
        dedup.dedup();
        assert_eq!(dedup, en, "an id defined twice in en.ftl");
        assert_eq!(en, sv, "en.ftl and sv.ftl define different messages");
    }

    #[test]
    fn every_rule_has_words_in_both_languages() {
        use crate::rules::{GroupRule, Rule};
        let group_rules = GroupRule::every_kind();
        for lang in [Lang::En, Lang::Sv] {
            let messages = Messages::new(lang);
            for rule in Rule::ALL {
                let id = format!("rule-{}", rule.name());
                assert!(messages.has(&id), "{lang}.ftl lacks {id}");
            }
            for rule in &group_rules {
                let id = format!("group-{}", rule.name());
                assert!(messages.has(&id), "{lang}.ftl lacks {id}");
            }
        }
    }

    #[test]
    fn languages_from_codes() {
        assert_eq!(Lang::parse("sv_SE.UTF-8"), Some(Lang::Sv));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), None);
        let en = Messages::new(Lang::En);
        assert_eq!(en.list(&["a".into(), "b".into(), "c".into()]), "a, b and c");
        let sv = Messages::new(Lang::Sv);
        assert_eq!(sv.list(&["a".into(), "b".into()]), "a och b");
        assert_eq!(en.decimal(0.525, 1), "0.5");
        assert_eq!(sv.decimal(12.25, 2), "12,25");
        assert_eq!(sv.decimal_short(0.5), "0,5");
    }
}
