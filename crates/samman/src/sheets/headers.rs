//! Column headers in English or Swedish: each header is matched, whatever its case and with
//! spaces or hyphens for underscores, to the column it names (docs/csv.md has the table).

/// Swedish (and other common) names of the columns, after [`normalise`]: `(name, column)`.
pub const ALIASES: [(&str, &str); 54] = [
    ("antal", "party_size"),
    ("antal_personer", "party_size"),
    ("sällskap", "party_size"),
    ("tar_platser", "seats"),
    ("upptar_platser", "seats"),
    ("önskat_antal", "wants"),
    ("antal_önskade", "wants"),
    ("ursprung", "origin"),
    ("bakgrund", "origin"),
    ("kön", "gender"),
    ("ålder", "age_band"),
    ("åldersgrupp", "age_band"),
    ("språk", "languages"),
    ("kost", "diet"),
    ("specialkost", "diet"),
    ("tillgänglighet", "availability"),
    ("tider", "availability"),
    ("latitud", "lat"),
    ("longitud", "lon"),
    ("max_avstånd_km", "max_travel_km"),
    ("max_km", "max_travel_km"),
    ("ämnen", "topics"),
    ("intressen", "topics"),
    ("kräver_verifierad", "requires_verified"),
    ("önskemål", "preferences"),
    ("önskar", "preferences"),
    ("blockerad", "blocked"),
    ("blockerade", "blocked"),
    ("väntar_sedan", "waiting_since"),
    ("väntat_sedan", "waiting_since"),
    ("prioritet", "priority"),
    ("typ", "kind"),
    ("värd", "host"),
    ("platser", "capacity"),
    ("kapacitet", "capacity"),
    ("seats", "capacity"),
    ("minst", "minimum"),
    ("värd_ursprung", "host_origin"),
    ("värd_kön", "host_gender"),
    ("värd_ålder", "host_age_band"),
    ("värd_antal", "host_size"),
    ("värd_max_tillfällen", "host_max_events"),
    ("hushåll", "host_size"),
    ("kan_laga", "caters"),
    ("lagar", "caters"),
    ("verifierad", "verified"),
    ("verifierad_den", "verified_on"),
    ("genomförda", "completed"),
    ("inställda", "cancelled"),
    ("avbokade", "cancelled"),
    ("uteblivna", "no_show"),
    ("gäst", "seeker"),
    ("deltagare", "seeker"),
    ("ställe", "provider"),
];

/// Swedish prefixes of the profile-attribute columns.
const PREFIXES: [(&str, &str); 2] = [("värd_extra.", "host_extra."), ("extra.", "extra.")];

/// A header as compared: trimmed, lower case, spaces and hyphens as underscores.
#[must_use]
pub fn normalise(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// What a header names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Header {
    /// A column samman reads, by its English name.
    Known(String),
    /// A column samman does not read: carried through to the outputs, never read.
    PassThrough,
    /// Close to a column samman reads (a typo?): refused rather than silently not read.
    NearMiss(&'static str),
}

/// Classify a header against the columns of a file (`known`, and `prefix` columns).
pub(crate) fn classify(header: &str, known: &[&'static str], prefix: &str) -> Header {
    let name = normalise(header);
    if known.contains(&name.as_str()) {
        return Header::Known(name);
    }
    if let Some((_, column)) = ALIASES.iter().find(|(alias, _)| *alias == name) {
        if known.contains(column) {
            return Header::Known((*column).to_owned());
        }
    }
    if !prefix.is_empty() {
        for (alias, english) in PREFIXES {
            if let Some(rest) = name.strip_prefix(alias) {
                if english == prefix && !rest.is_empty() {
                    // The attribute's name keeps the case it was written in.
                    let at = header.trim().len() - rest.len();
                    return Header::Known(format!("{prefix}{}", header.trim()[at..].trim()));
                }
            }
        }
    }
    let candidates = known.iter().copied().chain(
        ALIASES
            .iter()
            .filter(|(_, column)| known.contains(column))
            .map(|(alias, _)| *alias),
    );
    for candidate in candidates {
        let allowed = if candidate.chars().count() <= 5 { 1 } else { 2 };
        if edit_distance(&name, candidate) <= allowed {
            let column = ALIASES
                .iter()
                .find(|(alias, _)| *alias == candidate)
                .map_or(candidate, |(_, column)| *column);
            if let Some(column) = known.iter().find(|k| **k == column) {
                return Header::NearMiss(column);
            }
        }
    }
    Header::PassThrough
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            current[j + 1] = (previous[j] + usize::from(ca != *cb))
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv_io::{PROVIDER_COLUMNS, SEEKER_COLUMNS};

    #[test]
    fn swedish_english_and_typos() {
        let k = &SEEKER_COLUMNS;
        assert_eq!(
            classify("Party size", k, "extra."),
            Header::Known("party_size".into())
        );
        assert_eq!(
            classify(" Språk ", k, "extra."),
            Header::Known("languages".into())
        );
        assert_eq!(classify("Kost", k, "extra."), Header::Known("diet".into()));
        assert_eq!(
            classify("extra.Region", k, "extra."),
            Header::Known("extra.Region".into())
        );
        assert_eq!(
            classify("langauges", k, "extra."),
            Header::NearMiss("languages")
        );
        assert_eq!(
            classify("sprak", k, "extra."),
            Header::NearMiss("languages")
        );
        for name in [
            "namn",
            "Name",
            "telefon",
            "phone",
            "e-post",
            "email",
            "notes",
            "anteckningar",
            "adress",
        ] {
            assert_eq!(classify(name, k, "extra."), Header::PassThrough, "{name}");
        }
        let p = &PROVIDER_COLUMNS;
        assert_eq!(
            classify("Platser", p, "host_extra."),
            Header::Known("capacity".into())
        );
        assert_eq!(
            classify("värd_extra.kvarter", p, "host_extra."),
            Header::Known("host_extra.kvarter".into())
        );
        assert_eq!(classify("namn", p, "host_extra."), Header::PassThrough);
    }

    #[test]
    fn every_alias_names_a_column() {
        for (alias, column) in ALIASES {
            assert_eq!(normalise(alias), alias);
            assert!(
                SEEKER_COLUMNS.contains(&column)
                    || PROVIDER_COLUMNS.contains(&column)
                    || ["seeker", "provider"].contains(&column),
                "{alias}"
            );
        }
    }
}
