//! Dietary requirements and the catering matrix that says which kitchen serves which guest.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A dietary requirement of a guest, or a diet a host can cook for.
///
/// A closed vocabulary plus custom tags written `custom:<tag>`. Parsing accepts any string so
/// that validation can report every unknown diet at once with its path: an unrecognised name
/// becomes [`Diet::Unknown`], which validation rejects.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Diet {
    /// No meat or fish.
    Vegetarian,
    /// No animal products.
    Vegan,
    /// No meat, but fish.
    Pescatarian,
    /// Halal food.
    Halal,
    /// Kosher food.
    Kosher,
    /// No pork.
    NoPork,
    /// No alcohol, in food or drink.
    NoAlcohol,
    /// No gluten.
    GlutenFree,
    /// No lactose.
    LactoseFree,
    /// Nut allergy: the kitchen must be able to avoid nuts.
    NutAllergy,
    /// Fish allergy.
    FishAllergy,
    /// Shellfish allergy.
    ShellfishAllergy,
    /// Egg allergy.
    EggAllergy,
    /// Soy allergy.
    SoyAllergy,
    /// A programme's own tag, written `custom:<tag>`; matched only by the same tag.
    Custom(String),
    /// A name outside the vocabulary; validation reports it.
    Unknown(String),
}

/// The closed vocabulary, in the order of the JSON names.
pub const DIET_NAMES: [(&str, Diet); 14] = [
    ("vegetarian", Diet::Vegetarian),
    ("vegan", Diet::Vegan),
    ("pescatarian", Diet::Pescatarian),
    ("halal", Diet::Halal),
    ("kosher", Diet::Kosher),
    ("no_pork", Diet::NoPork),
    ("no_alcohol", Diet::NoAlcohol),
    ("gluten_free", Diet::GlutenFree),
    ("lactose_free", Diet::LactoseFree),
    ("nut_allergy", Diet::NutAllergy),
    ("fish_allergy", Diet::FishAllergy),
    ("shellfish_allergy", Diet::ShellfishAllergy),
    ("egg_allergy", Diet::EggAllergy),
    ("soy_allergy", Diet::SoyAllergy),
];

impl Diet {
    /// Parse a name: a vocabulary word, `custom:<tag>`, or else [`Diet::Unknown`].
    #[must_use]
    pub fn parse(name: &str) -> Diet {
        if let Some(tag) = name.strip_prefix("custom:") {
            return Diet::Custom(tag.to_owned());
        }
        DIET_NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map_or_else(|| Diet::Unknown(name.to_owned()), |(_, d)| d.clone())
    }

    /// Whether the diet is an allergy, which only an explicit "can avoid" caters for.
    #[must_use]
    pub fn is_allergy(&self) -> bool {
        matches!(
            self,
            Diet::NutAllergy
                | Diet::FishAllergy
                | Diet::ShellfishAllergy
                | Diet::EggAllergy
                | Diet::SoyAllergy
        )
    }

    /// Whether a kitchen that cooks `self` also serves a guest who requires `requirement`.
    ///
    /// The catering matrix (docs/rules.md): every diet serves itself; a vegan kitchen serves
    /// vegetarian, pescatarian, no-pork and lactose-free guests; a vegetarian kitchen serves
    /// pescatarian and no-pork guests; a pescatarian kitchen, a halal kitchen and a kosher
    /// kitchen serve no-pork guests. Nothing else is implied: halal and kosher are not implied
    /// by vegetarian or vegan (they concern preparation), allergies need the allergy itself
    /// ("can avoid nuts"), and custom tags match only themselves. Unknown diets serve nothing.
    #[must_use]
    pub fn caters_for(&self, requirement: &Diet) -> bool {
        use Diet::{
            Custom, Halal, Kosher, LactoseFree, NoPork, Pescatarian, Unknown, Vegan, Vegetarian,
        };
        if matches!(self, Unknown(_)) || matches!(requirement, Unknown(_)) {
            return false;
        }
        if let (Custom(a), Custom(b)) = (self, requirement) {
            return a == b;
        }
        self == requirement
            || matches!(
                (self, requirement),
                (Vegan, Vegetarian | Pescatarian | NoPork | LactoseFree)
                    | (Vegetarian, Pescatarian | NoPork)
                    | (Pescatarian | Halal | Kosher, NoPork)
            )
    }
}

impl fmt::Display for Diet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Diet::Custom(tag) => write!(f, "custom:{tag}"),
            Diet::Unknown(name) => f.write_str(name),
            known => {
                let name = DIET_NAMES
                    .iter()
                    .find(|(_, d)| d == known)
                    .map(|(n, _)| *n)
                    .expect("every vocabulary variant is listed in DIET_NAMES");
                f.write_str(name)
            }
        }
    }
}

impl Serialize for Diet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Diet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Ok(Diet::parse(&name))
    }
}

impl JsonSchema for Diet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Diet".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = DIET_NAMES.iter().map(|(n, _)| *n).collect();
        schemars::json_schema!({
            "description": "A dietary requirement or a diet a kitchen caters for: a vocabulary word or `custom:<tag>`.",
            "anyOf": [
                { "type": "string", "enum": names },
                { "type": "string", "pattern": "^custom:.+$" }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Diet> {
        let mut diets: Vec<Diet> = DIET_NAMES.iter().map(|(_, d)| d.clone()).collect();
        diets.push(Diet::Custom("low_salt".into()));
        diets
    }

    /// The matrix written out pair by pair: (kitchen, requirement) pairs that cater beyond
    /// identity. Every other pair of distinct diets must not cater.
    const IMPLIED: [(&str, &str); 8] = [
        ("vegan", "vegetarian"),
        ("vegan", "pescatarian"),
        ("vegan", "no_pork"),
        ("vegan", "lactose_free"),
        ("vegetarian", "pescatarian"),
        ("vegetarian", "no_pork"),
        ("pescatarian", "no_pork"),
        ("halal", "no_pork"),
    ];

    #[test]
    fn every_pair_of_the_matrix() {
        let implied: Vec<(Diet, Diet)> = IMPLIED
            .iter()
            .map(|(a, b)| (Diet::parse(a), Diet::parse(b)))
            .chain([(Diet::Kosher, Diet::NoPork)])
            .collect();
        for kitchen in all() {
            for guest in all() {
                let expected =
                    kitchen == guest || implied.contains(&(kitchen.clone(), guest.clone()));
                assert_eq!(
                    kitchen.caters_for(&guest),
                    expected,
                    "{kitchen} for {guest}"
                );
            }
        }
    }

    #[test]
    fn halal_is_not_implied_by_vegetarian_or_vegan() {
        assert!(!Diet::Vegetarian.caters_for(&Diet::Halal));
        assert!(!Diet::Vegan.caters_for(&Diet::Halal));
        assert!(!Diet::Vegan.caters_for(&Diet::Kosher));
    }

    #[test]
    fn allergies_need_the_explicit_allergy() {
        for allergy in all().iter().filter(|d| d.is_allergy()) {
            for kitchen in all().iter().filter(|k| *k != allergy) {
                assert!(!kitchen.caters_for(allergy), "{kitchen} for {allergy}");
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for diet in all() {
            assert_eq!(Diet::parse(&diet.to_string()), diet);
            let json = serde_json::to_string(&diet).unwrap();
            assert_eq!(serde_json::from_str::<Diet>(&json).unwrap(), diet);
        }
        assert_eq!(Diet::parse("paleo"), Diet::Unknown("paleo".into()));
        assert!(!Diet::Unknown("paleo".into()).caters_for(&Diet::Unknown("paleo".into())));
    }
}
