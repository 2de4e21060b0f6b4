//! Seeded scenario generators shaped like the programmes in DOMAIN.md.
//!
//! Every generator uses a ChaCha8 stream seeded from the parameters and only arithmetic that
//! IEEE 754 defines exactly (no `sin`, `ln` or `exp` from the platform's maths library), so the
//! same parameters give byte-identical instances on every platform. docs/generators.md says
//! where each distribution comes from.

mod recurring;

pub use recurring::{dinner_year, roulette};

use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{
    Availability, ClockTime, Composition, DatedWindow, Day, Diet, Gender, Instance, LanguageSkill,
    Level, Location, Meeting, Moment, Origin, Profile, Provider, ProviderKind, Seeker,
    WeeklyWindow,
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
    /// Share of volunteers who are identity-verified (visits).
    pub verified_share: f64,
    /// Share of seekers with an earlier meeting in the history (visits).
    pub history_share: f64,
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
            verified_share: 0.8,
            history_share: 0.4,
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
#[derive(Debug)]
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

    /// Squared planar distance in km², with arithmetic only (for choosing the nearest).
    fn distance2(&self, a: Location, b: Location) -> f64 {
        let dy = (a.lat - b.lat) * KM_PER_LAT;
        let dx = (a.lon - b.lon) * self.km_per_lon;
        dx * dx + dy * dy
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
    instance.policy.rules.gender_parties = true;
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

/// The programmes a scenario can be generated for (DOMAIN.md).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// Dinner invitations (seed 000).
    Dinners,
    /// Volunteer support visits for older people (seed 004).
    Visits,
    /// Workshop groups with a tutor (seed 003).
    Workshops,
    /// Experience gifts offered by newcomers (seed 001).
    Experiences,
    /// Coached project groups (seed 002).
    Coaching,
}

impl Programme {
    /// Every programme.
    pub const ALL: [Programme; 5] = [
        Programme::Dinners,
        Programme::Visits,
        Programme::Workshops,
        Programme::Experiences,
        Programme::Coaching,
    ];

    /// The programme's name in JSON and on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Programme::Dinners => "dinners",
            Programme::Visits => "visits",
            Programme::Workshops => "workshops",
            Programme::Experiences => "experiences",
            Programme::Coaching => "coaching",
        }
    }
}

impl std::str::FromStr for Programme {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Programme::ALL
            .into_iter()
            .find(|p| p.name() == s)
            .ok_or_else(|| {
                format!(
                    "`{s}` is not a programme: dinners, visits, workshops, experiences or coaching"
                )
            })
    }
}

/// Generate a scenario of a programme.
#[must_use]
pub fn generate(programme: Programme, params: &Params) -> Instance {
    match programme {
        Programme::Dinners => dinners(params),
        Programme::Visits => visits(params),
        Programme::Workshops => workshops(params),
        Programme::Experiences => experiences(params),
        Programme::Coaching => coaching(params),
    }
}

fn clock(hour: u32, minute: u32) -> ClockTime {
    ClockTime::new(hour as u16, minute as u16).expect("generated times are within the day")
}

fn weekly(day: Day, hour: u32, hours: u32) -> WeeklyWindow {
    WeeklyWindow {
        day,
        start: clock(hour, 0),
        end: clock((hour + hours).min(24), 0),
    }
}

/// A sample of `k` distinct names from a list with weights (drawn one after another).
fn some_of(draw: &mut Draw, names: &[(&str, f64)], k: usize) -> Vec<String> {
    let mut left: Vec<(&str, f64)> = names.to_vec();
    let mut chosen = Vec::new();
    while chosen.len() < k && !left.is_empty() {
        let weights: Vec<f64> = left.iter().map(|(_, w)| *w).collect();
        let (name, _) = left.remove(draw.weighted(&weights));
        chosen.push(name.to_owned());
    }
    chosen
}

/// Weekday weights for volunteers' visits: weekdays far more than weekends.
const VISIT_DAYS: [f64; 7] = [0.17, 0.17, 0.17, 0.17, 0.17, 0.075, 0.075];
/// Needs of older people, each with the share who have it.
const VISIT_NEEDS: [(&str, f64); 4] = [
    ("company", 0.60),
    ("walk", 0.45),
    ("shopping", 0.30),
    ("digital_help", 0.20),
];
/// Share of older people in the programme who have moved to Sweden.
const VISIT_NEWCOMER_SHARE: f64 = 0.15;
/// Volunteers per older person.
const VOLUNTEERS_PER_SEEKER: f64 = 0.8;

/// Support visits for older people (seed 004): people who live alone and want company, a walk,
/// shopping or digital help, visited at home by volunteers within walking distance who are
/// free at the same time every week; most need a BankID-verified volunteer; some already have
/// a volunteer (continuity history).
#[must_use]
pub fn visits(params: &Params) -> Instance {
    let mut draw = Draw::new(params.seed ^ 0x7669_7369_7473);
    let city = City::new(params, &mut draw);
    let today = first_date();
    let mut instance = Instance::new();
    instance.policy.today = Some(today);
    instance.policy.rules.topics = true;
    instance.policy.rules.min_overlap_minutes = 60;
    // The gender-of-parties rule is the dinner programme's own.
    instance.policy.rules.gender_parties = false;
    instance.policy.weights.continuity = 1.5;
    instance.policy.weights.novelty = 0.0;
    instance.policy.weights.topics = 1.0;

    for i in 0..params.size {
        let origin = if draw.chance(VISIT_NEWCOMER_SHARE) {
            Origin::Newcomer
        } else {
            Origin::Established
        };
        let mut seeker = Seeker::new(&format!("o{i:06}"));
        seeker.profile = Profile {
            origin: Some(origin),
            gender: Some([Gender::Female, Gender::Male][draw.weighted(&[0.62, 0.38])]),
            age_band: Some(
                ["65-74", "75-84", "85+"][draw.weighted(&[0.35, 0.40, 0.25])].to_owned(),
            ),
            ..Profile::default()
        };
        seeker.languages = languages(origin, &mut draw);
        seeker.topics = VISIT_NEEDS
            .iter()
            .filter(|(_, share)| draw.chance(*share))
            .map(|(t, _)| (*t).to_owned())
            .collect();
        if seeker.topics.is_empty() {
            seeker.topics.push("company".into());
        }
        // At home most days: a morning, an afternoon or both on each day they choose.
        for day in Day::ALL {
            let weekend = matches!(day, Day::Saturday | Day::Sunday);
            if draw.chance(if weekend { 0.3 } else { 0.6 }) {
                let (from, hours) = [(10, 3), (13, 3), (10, 6)][draw.weighted(&[0.35, 0.35, 0.3])];
                seeker.availability.weekly.push(weekly(day, from, hours));
            }
        }
        if seeker.availability.weekly.is_empty() {
            seeker
                .availability
                .weekly
                .push(weekly(Day::ALL[draw.below(5)], 10, 6));
        }
        seeker.location = Some(city.place(&mut draw));
        seeker.requires_verified = draw.chance(0.9);
        seeker.waiting_since = Some(today - Duration::days(draw.below(180) as i64));
        instance.seekers.push(seeker);
    }
    let volunteers = params
        .providers
        .unwrap_or_else(|| ((params.size as f64 * VOLUNTEERS_PER_SEEKER).ceil() as usize).max(1));
    for j in 0..volunteers {
        let origin = if draw.chance(0.3) {
            Origin::Newcomer
        } else {
            Origin::Established
        };
        let mut provider = Provider::new(
            &format!("v{j:05}"),
            [1, 2, 3][draw.weighted(&[0.6, 0.3, 0.1])],
        );
        provider.kind = ProviderKind::Visit;
        provider.host_profile = Some(Profile {
            origin: Some(origin),
            gender: Some([Gender::Female, Gender::Male][draw.weighted(&[0.6, 0.4])]),
            age_band: Some(
                ["18-29", "30-44", "45-64", "65+"][draw.weighted(&[0.2, 0.2, 0.3, 0.3])].to_owned(),
            ),
            ..Profile::default()
        });
        provider.languages = languages(origin, &mut draw);
        provider.topics = VISIT_NEEDS
            .iter()
            .filter(|(_, share)| draw.chance(share + 0.2))
            .map(|(t, _)| (*t).to_owned())
            .collect();
        if provider.topics.is_empty() {
            provider.topics.push("company".into());
        }
        let windows = 1 + draw.weighted(&[0.3, 0.4, 0.2, 0.1]);
        provider.availability.weekly = (0..windows)
            .map(|_| {
                weekly(
                    Day::ALL[draw.weighted(&VISIT_DAYS)],
                    9 + draw.below(9) as u32,
                    2 + draw.below(2) as u32,
                )
            })
            .collect();
        provider.location = Some(city.place(&mut draw));
        provider.max_travel_km = Some(round6(draw.uniform(1.0, 3.0)));
        provider.verification.verified = draw.chance(params.verified_share);
        if provider.verification.verified {
            provider.verification.verified_on =
                Some(today - Duration::days(draw.below(365) as i64));
        }
        provider.reliability.completed = draw.below(12) as u32;
        provider.reliability.cancelled = u32::from(draw.chance(0.15));
        provider.reliability.no_show = u32::from(draw.chance(0.05));
        instance.providers.push(provider);
    }
    // Continuity: some older people already have a volunteer, the nearest of a few.
    for s in 0..instance.seekers.len() {
        if !draw.chance(params.history_share) {
            continue;
        }
        let here = instance.seekers[s]
            .location
            .expect("every seeker is placed on the map");
        let nearest = (0..6)
            .map(|_| draw.below(instance.providers.len()))
            .min_by(|&a, &b| {
                let d = |p: usize| {
                    city.distance2(here, instance.providers[p].location.expect("located"))
                };
                d(a).total_cmp(&d(b)).then(a.cmp(&b))
            })
            .expect("six draws");
        instance.history.meetings.push(Meeting {
            seeker: instance.seekers[s].id.clone(),
            host: instance.providers[nearest].id.0.clone().into(),
            date: Some(today - Duration::days(7 + 7 * draw.below(20) as i64)),
        });
    }
    instance
}

/// Workshop topics: what participants wish to learn, with weights.
const WORKSHOP_TOPICS: [(&str, f64); 7] = [
    ("email", 0.15),
    ("bankid", 0.20),
    ("video_calls", 0.15),
    ("e_services", 0.20),
    ("social_media", 0.10),
    ("photos", 0.08),
    ("safety_online", 0.12),
];
/// Participants' age bands (13 to 95) and their weights.
const WORKSHOP_AGES: [(&str, f64); 5] = [
    ("13-19", 0.10),
    ("20-44", 0.15),
    ("45-64", 0.25),
    ("65-79", 0.35),
    ("80-95", 0.15),
];
/// Session slots a municipality offers: (day, start hour).
const WORKSHOP_SLOTS: [(Day, u32); 6] = [
    (Day::Monday, 13),
    (Day::Tuesday, 18),
    (Day::Wednesday, 13),
    (Day::Thursday, 18),
    (Day::Saturday, 10),
    (Day::Tuesday, 13),
];
/// Where tutors come from.
const TUTOR_DEPARTMENTS: [(&str, f64); 6] = [
    ("school", 0.20),
    ("library", 0.20),
    ("it", 0.15),
    ("administration", 0.15),
    ("care", 0.15),
    ("company", 0.15),
];

/// Workshop groups (seed 003): residents aged 13 to 95 wishing to learn digital skills, in
/// groups of 6 to 8 with one tutor each; tutors come from many departments, a fifth are school
/// pupils. Groups take place at fixed weekly slots.
#[must_use]
pub fn workshops(params: &Params) -> Instance {
    let mut draw = Draw::new(params.seed ^ 0x776f_726b);
    let city = City::new(params, &mut draw);
    let mut instance = Instance::new();
    instance.policy.today = Some(first_date());
    instance.policy.rules.topics = true;
    // The gender-of-parties rule is the dinner programme's own.
    instance.policy.rules.gender_parties = false;
    instance.policy.weights.topics = 1.0;
    instance.policy.weights.novelty = 0.0;
    let topic_weights: Vec<(&str, f64)> = WORKSHOP_TOPICS.to_vec();
    let age_weights: Vec<f64> = WORKSHOP_AGES.iter().map(|(_, w)| *w).collect();
    for i in 0..params.size {
        let origin = if draw.chance(0.15) {
            Origin::Newcomer
        } else {
            Origin::Established
        };
        let mut seeker = Seeker::new(&format!("r{i:06}"));
        seeker.profile = Profile {
            origin: Some(origin),
            gender: Some([Gender::Female, Gender::Male][draw.weighted(&[0.55, 0.45])]),
            age_band: Some(WORKSHOP_AGES[draw.weighted(&age_weights)].0.to_owned()),
            ..Profile::default()
        };
        seeker.languages = languages(origin, &mut draw);
        let k = 1 + draw.weighted(&[0.6, 0.4]);
        seeker.topics = some_of(&mut draw, &topic_weights, k);
        let k = 1 + draw.weighted(&[0.3, 0.4, 0.3]);
        let mut slots: Vec<usize> = (0..WORKSHOP_SLOTS.len()).collect();
        let mut chosen = Vec::new();
        for _ in 0..k {
            chosen.push(slots.remove(draw.below(slots.len())));
        }
        chosen.sort_unstable();
        seeker.availability.weekly = chosen
            .into_iter()
            .map(|j| weekly(WORKSHOP_SLOTS[j].0, WORKSHOP_SLOTS[j].1, 2))
            .collect();
        seeker.location = Some(city.place(&mut draw));
        seeker.max_travel_km = Some(round6(draw.uniform(5.0, 20.0)));
        instance.seekers.push(seeker);
    }
    // One tutor per 7 participants, and a tenth more groups than strictly needed.
    let groups = params
        .providers
        .unwrap_or_else(|| ((params.size as f64 * 1.1 / 7.0).ceil() as usize).max(1));
    let department_weights: Vec<f64> = TUTOR_DEPARTMENTS.iter().map(|(_, w)| *w).collect();
    for j in 0..groups {
        let mut provider = Provider::new(&format!("w{j:05}"), 8);
        provider.kind = ProviderKind::Workshop;
        provider.minimum = 6;
        let department = TUTOR_DEPARTMENTS[draw.weighted(&department_weights)].0;
        provider.host_profile = Some(Profile {
            age_band: Some(
                if department == "school" {
                    "13-19"
                } else {
                    "20-64"
                }
                .to_owned(),
            ),
            extra: [("department".to_owned(), department.to_owned())].into(),
            ..Profile::default()
        });
        provider.languages = vec![LanguageSkill::new("sv", Level::Native)];
        if draw.chance(0.7) {
            provider
                .languages
                .push(LanguageSkill::new("en", Level::Fluent));
        }
        if draw.chance(0.1) {
            let (code, _) = NEWCOMER_LANGUAGES[draw.below(5)];
            provider
                .languages
                .push(LanguageSkill::new(code, Level::Native));
        }
        let k = 2 + draw.below(3);
        provider.topics = some_of(&mut draw, &topic_weights, k);
        let (day, hour) = WORKSHOP_SLOTS[draw.below(WORKSHOP_SLOTS.len())];
        provider.availability.weekly = vec![weekly(day, hour, 2)];
        provider.location = Some(city.place(&mut draw));
        instance.providers.push(provider);
    }
    instance
}

/// Experience topics and the seats a session of each has.
const EXPERIENCE_TOPICS: [(&str, f64, u32); 5] = [
    ("cooking", 0.35, 8),
    ("crafts", 0.25, 6),
    ("culture", 0.20, 10),
    ("music", 0.10, 10),
    ("city_walk", 0.10, 12),
];

/// Experience gifts (seed 001): newcomers offer sessions (cooking, crafts, culture) that
/// customers book as gifts for a party on a date. Of the providers tried, about a third are
/// ready (a good record); the others have cancelled or not turned up before.
#[must_use]
pub fn experiences(params: &Params) -> Instance {
    let mut draw = Draw::new(params.seed ^ 0x6578_7065);
    let city = City::new(params, &mut draw);
    let dates: Vec<NaiveDate> = (0..params.dates.max(1))
        .map(|d| first_date() + Duration::days(7 * i64::from(d)))
        .collect();
    let mut instance = Instance::new();
    instance.policy.today = Some(first_date() - Duration::days(30));
    instance.policy.rules.topics = true;
    // The gender-of-parties rule is the dinner programme's own.
    instance.policy.rules.gender_parties = false;
    instance.policy.weights.reliability = 1.0;
    instance.policy.weights.topics = 1.0;
    instance.policy.weights.novelty = 0.0;
    let topic_weights: Vec<f64> = EXPERIENCE_TOPICS.iter().map(|(_, w, _)| *w).collect();
    // Sessions: about one per three bookings, offered by providers with three sessions each.
    let sessions = params
        .providers
        .unwrap_or_else(|| ((params.size as f64 / 3.0).ceil() as usize).max(1));
    let hosts = sessions.div_ceil(3);
    let records: Vec<(crate::model::Reliability, Origin)> = (0..hosts)
        .map(|_| {
            let ready = draw.chance(7.0 / 20.0);
            let mut r = crate::model::Reliability::default();
            if ready {
                r.completed = 5 + draw.below(11) as u32;
                r.no_show = u32::from(draw.chance(0.1));
            } else {
                r.completed = draw.below(5) as u32;
                r.cancelled = draw.below(3) as u32;
                r.no_show = draw.below(3) as u32;
            }
            (r, Origin::Newcomer)
        })
        .collect();
    for j in 0..sessions {
        let h = j % hosts;
        let (topic, _, seats) = EXPERIENCE_TOPICS[draw.weighted(&topic_weights)];
        let mut provider = Provider::new(&format!("x{j:05}"), seats);
        provider.kind = ProviderKind::Experience;
        provider.host = Some(format!("n{h:04}").into());
        provider.minimum = 2;
        provider.host_profile = Some(Profile {
            origin: Some(records[h].1),
            gender: Some([Gender::Female, Gender::Male][draw.weighted(&[0.6, 0.4])]),
            ..Profile::default()
        });
        provider.reliability = records[h].0;
        provider.languages = languages(Origin::Newcomer, &mut draw);
        provider.topics = vec![topic.to_owned()];
        let date = dates[draw.below(dates.len())];
        let start = [11, 14, 17][draw.below(3)];
        provider.availability.dated = vec![evening(date, start, start + 3)];
        provider.location = Some(city.place(&mut draw));
        instance.providers.push(provider);
    }
    let by_topic: Vec<Vec<usize>> = EXPERIENCE_TOPICS
        .iter()
        .map(|(name, _, _)| {
            (0..instance.providers.len())
                .filter(|&p| instance.providers[p].topics[0] == *name)
                .collect()
        })
        .collect();
    for i in 0..params.size {
        let mut seeker = Seeker::new(&format!("b{i:06}"));
        seeker.party_size =
            [1, 2, 3, 4, 5, 6][draw.weighted(&[0.15, 0.45, 0.15, 0.15, 0.05, 0.05])];
        seeker.profile = Profile {
            origin: Some(if draw.chance(0.2) {
                Origin::Newcomer
            } else {
                Origin::Established
            }),
            gender: Some(gender(seeker.party_size, &mut draw)),
            ..Profile::default()
        };
        seeker.languages = vec![LanguageSkill::new(
            "sv",
            [Level::Native, Level::Fluent][draw.weighted(&[0.8, 0.2])],
        )];
        if draw.chance(0.8) {
            seeker
                .languages
                .push(LanguageSkill::new("en", Level::Fluent));
        }
        let (topic, _, _) = EXPERIENCE_TOPICS[draw.weighted(&topic_weights)];
        seeker.topics = vec![topic.to_owned()];
        let mut windows: Vec<DatedWindow> = dates
            .iter()
            .filter(|_| draw.chance(0.4))
            .map(|&d| evening(d, 10, 21))
            .collect();
        if windows.is_empty() {
            windows.push(evening(dates[draw.below(dates.len())], 10, 21));
        }
        seeker.availability.dated = windows;
        seeker.location = Some(city.place(&mut draw));
        seeker.max_travel_km = Some(round6(draw.uniform(5.0, 25.0)));
        // Some customers name the sessions they would like, among those of their topic.
        if draw.chance(0.3) {
            let t = EXPERIENCE_TOPICS
                .iter()
                .position(|(name, _, _)| *name == topic)
                .expect("the topic was drawn from the list");
            let wanted = &by_topic[t];
            let k = 1 + draw.below(3);
            for _ in 0..k.min(wanted.len()) {
                let id = instance.providers[wanted[draw.below(wanted.len())]]
                    .id
                    .clone();
                if !seeker.preferences.contains(&id) {
                    seeker.preferences.push(id);
                }
            }
        }
        seeker.waiting_since = Some(first_date() - Duration::days(30 + draw.below(60) as i64));
        instance.seekers.push(seeker);
    }
    instance
}

/// Coaching expertise topics with weights.
const COACHING_TOPICS: [(&str, f64); 6] = [
    ("elderly_care", 0.25),
    ("schools", 0.20),
    ("social_services", 0.20),
    ("digital_services", 0.15),
    ("public_health", 0.10),
    ("culture_leisure", 0.10),
];
/// Regions of Sweden with the share of municipalities' project groups.
const REGIONS: [(&str, f64); 5] = [
    ("north", 0.15),
    ("middle", 0.20),
    ("east", 0.30),
    ("west", 0.20),
    ("south", 0.15),
];

/// Coached project groups (seed 002): municipalities' project groups, each coached through a
/// six-step programme at a distance; coaches have a caseload, expertise and a region, and a
/// project group prefers coaches from its own region.
#[must_use]
pub fn coaching(params: &Params) -> Instance {
    let mut draw = Draw::new(params.seed ^ 0x636f_6163);
    let mut instance = Instance::new();
    instance.policy.today = Some(first_date());
    instance.policy.rules.topics = true;
    instance.policy.weights.topics = 1.0;
    // The gender-of-parties rule is the dinner programme's own.
    instance.policy.rules.gender_parties = false;
    instance.policy.weights.preference = 1.0;
    instance.policy.weights.novelty = 0.0;
    instance.policy.weights.distance = 0.0;
    let region_weights: Vec<f64> = REGIONS.iter().map(|(_, w)| *w).collect();
    let topic_weights: Vec<(&str, f64)> = COACHING_TOPICS.to_vec();
    let coaches = params
        .providers
        .unwrap_or_else(|| ((params.size as f64 / 5.0).ceil() as usize).max(1));
    for j in 0..coaches {
        let mut provider = Provider::new(&format!("c{j:04}"), 3 + draw.below(6) as u32);
        provider.kind = ProviderKind::Coaching;
        let region = REGIONS[draw.weighted(&region_weights)].0;
        provider.host_profile = Some(Profile {
            extra: [("region".to_owned(), region.to_owned())].into(),
            ..Profile::default()
        });
        provider.languages = vec![
            LanguageSkill::new("sv", Level::Native),
            LanguageSkill::new("en", Level::Fluent),
        ];
        let k = 2 + draw.below(2);
        provider.topics = some_of(&mut draw, &topic_weights, k);
        provider.reliability.completed = draw.below(20) as u32;
        instance.providers.push(provider);
    }
    let by_region: Vec<Vec<usize>> = REGIONS
        .iter()
        .map(|(name, _)| {
            (0..instance.providers.len())
                .filter(|&p| {
                    instance.providers[p]
                        .host_profile
                        .as_ref()
                        .and_then(|h| h.extra.get("region"))
                        .is_some_and(|r| r == name)
                })
                .collect()
        })
        .collect();
    for i in 0..params.size {
        let mut seeker = Seeker::new(&format!("g{i:05}"));
        let region = REGIONS[draw.weighted(&region_weights)].0;
        seeker.profile = Profile {
            extra: [("region".to_owned(), region.to_owned())].into(),
            ..Profile::default()
        };
        seeker.languages = vec![LanguageSkill::new("sv", Level::Native)];
        let k = 1 + draw.weighted(&[0.7, 0.3]);
        seeker.topics = some_of(&mut draw, &topic_weights, k);
        // Up to five coaches of its own region, in a random order.
        let r = REGIONS
            .iter()
            .position(|(name, _)| *name == region)
            .expect("the region was drawn from the list");
        let mut local = by_region[r].clone();
        while seeker.preferences.len() < 5 && !local.is_empty() {
            let p = local.remove(draw.below(local.len()));
            seeker.preferences.push(instance.providers[p].id.clone());
        }
        seeker.waiting_since = Some(first_date() - Duration::days(draw.below(90) as i64));
        instance.seekers.push(seeker);
    }
    instance
}

/// The policy of a programme: the rules and weights its generator uses (DOMAIN.md), to plan
/// a coordinator's own seekers and providers with (the planner page's presets).
///
/// # Example
/// ```
/// use samman::generate::{Programme, preset};
///
/// assert!(preset(Programme::Dinners).composition.enforce);
/// assert!(preset(Programme::Visits).rules.topics);
/// ```
#[must_use]
pub fn preset(programme: Programme) -> crate::model::Policy {
    let nobody = Params {
        size: 0,
        providers: Some(0),
        ..Params::default()
    };
    generate(programme, &nobody).policy
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
