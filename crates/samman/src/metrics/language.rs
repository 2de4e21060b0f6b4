//! Language: how many matches share a language at conversational level or better.

use serde::Serialize;

use super::{Resolved, ratio};
use crate::model::{Instance, Level};
use crate::rules::shared_language_level;

/// Shared languages in matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LanguageFigures {
    /// Matches where both sides list languages.
    pub matches_measured: usize,
    /// Share of them sharing a language at conversational level or better.
    pub shared_conversational: Option<f64>,
}

pub(super) fn language(instance: &Instance, r: &Resolved) -> LanguageFigures {
    let mut measured = 0usize;
    let mut shared = 0usize;
    for (s, p) in r.provider_of.iter().enumerate() {
        let Some(p) = p else { continue };
        let (a, b) = (
            &instance.seekers[s].languages,
            &instance.providers[*p].languages,
        );
        if a.is_empty() || b.is_empty() {
            continue;
        }
        measured += 1;
        shared +=
            usize::from(shared_language_level(a, b).is_some_and(|l| l >= Level::Conversational));
    }
    LanguageFigures {
        matches_measured: measured,
        shared_conversational: ratio(shared as f64, measured as f64),
    }
}
