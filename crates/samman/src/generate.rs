//! Seeded scenario generators shaped like the programmes in DOMAIN.md.
//!
//! Every generator uses a ChaCha8 stream seeded from the parameters and only arithmetic that
//! IEEE 754 defines exactly (no `sin`, `ln` or `exp` from the platform's maths library), so the
//! same parameters give byte-identical instances on every platform. docs/generators.md says
//! where each distribution comes from.

use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{
    Availability, Composition, DatedWindow, Diet, Gender, Instance, LanguageSkill, Level, Location,
    Moment, Origin, Profile, Provider, ProviderKind, Seeker,
};

/// Parameters of a generated scenario. Unset fields take the programme's defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    /// Number of seekers.
    pub size: usize,
    /// Seed of the random stream.
    pub seed: u64,
    /// Number of providers; by default what the programme's ratio gives.
    pub providers: Option<usize>,
    /// Side of the square area, in km.
    pub area_km: f64,
    /// Centre of the area.
    pub centre: Location,
    /// Mean travel limit of a seeker, in km.
    pub travel_km: f64,
    /// Share of seekers who are newcomers.
    pub newcomer_share: f64,
    /// Number of distinct dates (evenings) events fall on.
    pub dates: u32,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            size: 300,
            seed: 1,
            providers: None,
            area_km: 20.0,
            centre: Location {
                lat: 59.3293,
                lon: 18.0686,
            },
            travel_km: 5.0,
            newcomer_share: 0.65,
            dates: 4,
        }
    }
}

/// The first date of generated programmes: a Saturday.
fn first_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 5).expect("a valid calendar date")
}

/// A random stream with helpers for the distributions the generators use.
struct Draw(ChaCha8Rng);

impl Draw {
    fn new(seed: u64) -> Self {
        Self(ChaCha8Rng::seed_from_u64(seed))
    }

    fn chance(&mut self, p: f64) -> bool {
        self.0.random::<f64>() < p
    }

    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.0.random::<f64>()
    }

    fn below(&mut self, n: usize) -> usize {
        self.0.random_range(0..n.max(1))
    }

    /// A standard normal approximated by the sum of twelve uniforms (Irwin-Hall), which needs
    /// no transcendental function and so is identical on every platform.
    fn normal(&mut self) -> f64 {
        (0..12).map(|_| self.0.random::<f64>()).sum::<f64>() - 6.0
    }

    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.0.random::<f64>() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

/// Round to six decimals (about 0.1 m) so coordinates print compactly.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Places people where they live: most around a dozen neighbourhood centres, the rest spread
/// evenly over the square.
struct City {
    centre: Location,
    half_km: f64,
    hubs: Vec<(f64, f64)>,
    km_per_lon: f64,
}

const KM_PER_LAT: f64 = 111.195;

impl City {
    fn new(params: &Params, draw: &mut Draw) -> Self {
        let half_km = params.area_km / 2.0;
        let hubs = (0..12)
            .map(|_| {
                (
                    draw.uniform(-half_km, half_km) * 0.8,
                    draw.uniform(-half_km, half_km) * 0.8,
                )
            })
            .collect();
        // cos(latitude) by its Taylor series, exact enough for scattering points.
        let phi = params.centre.lat.to_radians();
        let cos = 1.0 - phi * phi / 2.0 + phi.powi(4) / 24.0 - phi.powi(6) / 720.0
            + phi.powi(8) / 40320.0;
        Self {
            centre: params.centre,
            half_km,
            hubs,
            km_per_lon: KM_PER_LAT * cos,
        }
    }

    fn place(&self, draw: &mut Draw) -> Location {
        let (x, y) = if draw.chance(0.7) {
            let (hx, hy) = self.hubs[draw.below(self.hubs.len())];
            let spread = self.half_km / 6.0;
            (hx + draw.normal() * spread, hy + draw.normal() * spread)
        } else {
            (
                draw.uniform(-self.half_km, self.half_km),
                draw.uniform(-self.half_km, self.half_km),
            )
        };
        let (x, y) = (
            x.clamp(-self.half_km, self.half_km),
            y.clamp(-self.half_km, self.half_km),
        );
        Location {
            lat: round6(self.centre.lat + y / KM_PER_LAT),
            lon: round6(self.centre.lon + x / self.km_per_lon),
        }
    }
}

/// Languages of newcomers in a Swedish city, with weights (docs/generators.md). Dari is written
/// `fa`: ISO 639-1 has one code for the Persian macrolanguage.
const NEWCOMER_LANGUAGES: [(&str, f64); 10] = [
    ("ar", 0.30),
    ("fa", 0.14),
    ("so", 0.10),
    ("ti", 0.08),
    ("uk", 0.12),
    ("pl", 0.07),
    ("bs", 0.05),
    ("en", 0.06),
    ("tr", 0.04),
    ("es", 0.04),
];

fn languages(origin: Origin, draw: &mut Draw) -> Vec<LanguageSkill> {
    match origin {
        Origin::Established => {
            let mut list = vec![LanguageSkill::new("sv", Level::Native)];
            let english = [Level::Basic, Level::Conversational, Level::Fluent]
                [draw.weighted(&[0.1, 0.3, 0.6])];
            list.push(LanguageSkill::new("en", english));
            if draw.chance(0.08) {
                let (code, _) = NEWCOMER_LANGUAGES[draw.below(7)];
                list.push(LanguageSkill::new(code, Level::Conversational));
            }
            list
        }
        Origin::Newcomer => {
            let weights: Vec<f64> = NEWCOMER_LANGUAGES.iter().map(|(_, w)| *w).collect();
            let (first, _) = NEWCOMER_LANGUAGES[draw.weighted(&weights)];
            let mut list = vec![LanguageSkill::new(first, Level::Native)];
            let swedish = [Level::Basic, Level::Conversational, Level::Fluent]
                [draw.weighted(&[0.3, 0.5, 0.2])];
            list.push(LanguageSkill::new("sv", swedish));
            if first != "en" && draw.chance(0.45) {
                let english = [Level::Basic, Level::Conversational, Level::Fluent]
                    [draw.weighted(&[0.3, 0.4, 0.3])];
                list.push(LanguageSkill::new("en", english));
            }
            list
        }
    }
}

/// Shares of guests with each requirement (a person may have several).
const GUEST_DIETS: [(Diet, f64, f64); 9] = [
    // (diet, share among established, share among newcomers)
    (Diet::Vegetarian, 0.12, 0.05),
    (Diet::Vegan, 0.04, 0.01),
    (Diet::Halal, 0.0, 0.35),
    (Diet::NoPork, 0.01, 0.10),
    (Diet::NoAlcohol, 0.03, 0.25),
    (Diet::GlutenFree, 0.03, 0.02),
    (Diet::LactoseFree, 0.06, 0.06),
    (Diet::NutAllergy, 0.02, 0.02),
    (Diet::Kosher, 0.003, 0.003),
];

/// Shares of host kitchens that cater for each diet.
const HOST_CATERING: [(Diet, f64); 10] = [
    (Diet::Vegetarian, 0.70),
    (Diet::Vegan, 0.25),
    (Diet::Halal, 0.35),
    (Diet::NoPork, 0.75),
    (Diet::NoAlcohol, 0.80),
    (Diet::GlutenFree, 0.35),
    (Diet::LactoseFree, 0.55),
    (Diet::NutAllergy, 0.40),
    (Diet::Kosher, 0.03),
    (Diet::Pescatarian, 0.30),
];

fn gender(party_size: u32, draw: &mut Draw) -> Gender {
    if party_size == 1 {
        [Gender::Female, Gender::Male, Gender::Other][draw.weighted(&[0.55, 0.42, 0.03])]
    } else {
        [Gender::Mixed, Gender::Female, Gender::Male][draw.weighted(&[0.6, 0.25, 0.15])]
    }
}

fn evening(date: NaiveDate, from: u32, to: u32) -> DatedWindow {
    let at = |hour: u32| {
        let day = if hour >= 24 {
            date + Duration::days(1)
        } else {
            date
        };
        Moment::local(
            day.and_hms_opt(hour % 24, 0, 0)
                .expect("hours are below 24"),
        )
    };
    DatedWindow {
        start: at(from),
        end: at(to),
    }
}

/// Dinner invitations (seed 000): host households offer 2 to 8 seats on one of a few evenings;
/// guest parties of 1 to 4 say which evenings suit them. About 5 people a table, counting the
/// host household, as in the programme's first nine months (775 dinners, about 4 000 diners).
#[must_use]
pub fn dinners(params: &Params) -> Instance {
    let mut draw = Draw::new(params.seed);
    let city = City::new(params, &mut draw);
    let dates: Vec<NaiveDate> = (0..params.dates.max(1))
        .map(|d| first_date() + Duration::days(7 * i64::from(d)))
        .collect();
    let today = first_date() - Duration::days(14);

    let mut instance = Instance::new();
    instance.policy.today = Some(today);
    instance.policy.rules.min_overlap_minutes = 120;
    instance.policy.composition = Composition {
        enforce: true,
        min_newcomers: 1,
        min_established: 1,
        no_lone: Vec::new(),
    };
    instance.policy.weights.novelty = 0.5;

    for i in 0..params.size {
        let party_size = [1, 2, 3, 4][draw.weighted(&[0.5, 0.3, 0.12, 0.08])];
        let origin = if draw.chance(params.newcomer_share) {
            Origin::Newcomer
        } else {
            Origin::Established
        };
        let mut seeker = Seeker::new(&format!("g{i:06}"));
        seeker.party_size = party_size;
        seeker.profile = Profile {
            origin: Some(origin),
            gender: Some(gender(party_size, &mut draw)),
            age_band: Some(
                ["18-29", "30-44", "45-64", "65+"][draw.weighted(&[0.3, 0.35, 0.25, 0.1])]
                    .to_owned(),
            ),
            ..Profile::default()
        };
        seeker.languages = languages(origin, &mut draw);
        for (diet, established, newcomer) in &GUEST_DIETS {
            let share = if origin == Origin::Newcomer {
                *newcomer
            } else {
                *established
            };
            if draw.chance(share) {
                seeker.diet.push(diet.clone());
            }
        }
        let mut windows: Vec<DatedWindow> = dates
            .iter()
            .filter(|_| draw.chance(0.5))
            .map(|&d| evening(d, 17, 23))
            .collect();
        if windows.is_empty() {
            windows.push(evening(dates[draw.below(dates.len())], 17, 23));
        }
        seeker.availability = Availability {
            dated: windows,
            weekly: Vec::new(),
        };
        seeker.location = Some(city.place(&mut draw));
        seeker.max_travel_km = Some(round6(params.travel_km * draw.uniform(0.6, 1.4)).max(0.5));
        seeker.waiting_since = Some(today - Duration::days(draw.below(120) as i64));
        instance.seekers.push(seeker);
    }

    let guests: u32 = instance.seekers.iter().map(|s| s.party_size).sum();
    // Tables of 2 to 8 seats average 4.2 guest seats; offer a tenth more seats than guests.
    let hosts = params
        .providers
        .unwrap_or_else(|| ((f64::from(guests) * 1.1 / 4.2).ceil() as usize).max(1));
    for j in 0..hosts {
        let capacity =
            [2, 3, 4, 5, 6, 7, 8][draw.weighted(&[0.12, 0.16, 0.22, 0.18, 0.16, 0.08, 0.08])];
        let origin = if draw.chance(0.75) {
            Origin::Established
        } else {
            Origin::Newcomer
        };
        let mut provider = Provider::new(&format!("d{j:05}"), capacity);
        provider.kind = ProviderKind::Dinner;
        provider.host = Some(format!("h{j:05}").into());
        provider.minimum = if capacity >= 4 { 2 } else { 1 };
        provider.host_size = [1, 2][draw.weighted(&[0.45, 0.55])];
        provider.host_profile = Some(Profile {
            origin: Some(origin),
            gender: Some(gender(provider.host_size, &mut draw)),
            ..Profile::default()
        });
        provider.languages = languages(origin, &mut draw);
        provider.caters = HOST_CATERING
            .iter()
            .filter(|(_, share)| draw.chance(*share))
            .map(|(d, _)| d.clone())
            .collect();
        provider.availability = Availability {
            dated: vec![evening(dates[draw.below(dates.len())], 18, 22)],
            weekly: Vec::new(),
        };
        provider.location = Some(city.place(&mut draw));
        provider.reliability.completed = draw.below(6) as u32;
        provider.reliability.cancelled = u32::from(draw.chance(0.1));
        instance.providers.push(provider);
    }
    instance
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_instance() {
        let params = Params {
            size: 200,
            seed: 7,
            ..Params::default()
        };
        let a = serde_json::to_string(&dinners(&params)).unwrap();
        let b = serde_json::to_string(&dinners(&params)).unwrap();
        assert_eq!(a, b);
        let c = serde_json::to_string(&dinners(&Params { seed: 8, ..params })).unwrap();
        assert_ne!(a, c);
    }

    #[test]
    fn generated_dinners_are_valid() {
        let instance = dinners(&Params::default());
        crate::validate::validate(&instance).unwrap();
        assert_eq!(instance.seekers.len(), 300);
        assert!(
            instance
                .providers
                .iter()
                .all(|p| (2..=8).contains(&p.capacity))
        );
        assert!(
            instance
                .seekers
                .iter()
                .all(|s| (1..=4).contains(&s.party_size))
        );
    }
}
