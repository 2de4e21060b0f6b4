//! Programmes that recur: a lunch roulette of a workplace (plain tables of 4 to 6, every week
//! new faces), and a year of monthly dinners (host households on each month's date, guests
//! who come every month). Plan them with [`crate::rounds::plan_rounds`].

use chrono::{Datelike, Duration, NaiveDate};

use super::{Draw, evening, first_date};
use crate::model::{
    Availability, Composition, Diet, Instance, Origin, Profile, Provider, ProviderKind, Seeker,
};

/// A lunch roulette: `size` colleagues (ids `p0001`, ... with a department) and lunch tables
/// of 4 to 6 seats, one table per five colleagues, so that everyone fits every week.
#[must_use]
pub fn roulette(size: usize, seed: u64) -> Instance {
    let mut draw = Draw::new(seed ^ 0x7075_6e63);
    let mut instance = Instance::new();
    let departments = ["finance", "it", "care", "schools", "planning", "culture"];
    for i in 0..size {
        let mut seeker = Seeker::new(&format!("p{:04}", i + 1));
        seeker.profile.extra.insert(
            "department".into(),
            departments[draw.below(departments.len())].to_owned(),
        );
        instance.seekers.push(seeker);
    }
    for t in 0..size.div_ceil(5).max(1) {
        let mut table = Provider::new(&format!("table-{:02}", t + 1), 6);
        table.minimum = 4.min(size as u32);
        instance.providers.push(table);
    }
    instance
}

/// A year of monthly dinners: `size` guests who come every month (about two in three
/// newcomers, some vegetarian) and host households, each month's dinners dated on its first
/// Saturday, each household hosting every other month. Tables mix newcomers and established
/// residents, the host counting; when the seats fall short some guests sit out in turn. Plan
/// it with `--round-providers by-date --rounds 12`.
#[must_use]
pub fn dinner_year(size: usize, seed: u64) -> Instance {
    let mut draw = Draw::new(seed ^ 0x7965_6172);
    let mut instance = Instance::new();
    instance.policy.rules.time = true;
    instance.policy.composition = Composition {
        enforce: true,
        min_newcomers: 1,
        min_established: 1,
        no_lone: Vec::new(),
    };
    let start = first_date();
    let months: Vec<NaiveDate> = (0..12)
        .map(|m| first_saturday(start.year(), start.month0() + m))
        .collect();
    for i in 0..size {
        let mut seeker = Seeker::new(&format!("g{:04}", i + 1));
        seeker.profile = Profile {
            origin: Some(if draw.chance(0.65) {
                Origin::Newcomer
            } else {
                Origin::Established
            }),
            ..Profile::default()
        };
        if draw.chance(0.15) {
            seeker.diet.push(Diet::Vegetarian);
        }
        seeker.availability = Availability {
            dated: months.iter().map(|&d| evening(d, 17, 23)).collect(),
            weekly: Vec::new(),
        };
        instance.seekers.push(seeker);
    }
    // Each month about one dinner per five guests, with 4 to 6 seats: a few sit out.
    let per_month = size.div_ceil(5).max(1);
    let households = 2 * per_month;
    let household: Vec<(Origin, u32, bool)> = (0..households)
        .map(|_| {
            (
                if draw.chance(0.75) {
                    Origin::Established
                } else {
                    Origin::Newcomer
                },
                [4, 5, 6][draw.below(3)],
                draw.chance(0.8),
            )
        })
        .collect();
    for (m, &date) in months.iter().enumerate() {
        for k in 0..per_month {
            let h = (k * 2 + m % 2) % households;
            let (origin, seats, vegetarian) = household[h];
            let mut dinner = Provider::new(&format!("m{:02}-h{:03}", m + 1, h + 1), seats);
            dinner.kind = ProviderKind::Dinner;
            dinner.host = Some(format!("h{:03}", h + 1).into());
            dinner.minimum = 2;
            dinner.host_profile = Some(Profile {
                origin: Some(origin),
                ..Profile::default()
            });
            if vegetarian {
                dinner.caters.push(Diet::Vegetarian);
            }
            dinner.availability = Availability {
                dated: vec![evening(date, 18, 22)],
                weekly: Vec::new(),
            };
            instance.providers.push(dinner);
        }
    }
    instance
}

/// The first Saturday of a month counted from January of `year` (`month0` may pass 11).
fn first_saturday(year: i32, month0: u32) -> NaiveDate {
    let (year, month) = (year + (month0 / 12) as i32, month0 % 12 + 1);
    let first = NaiveDate::from_ymd_opt(year, month, 1).expect("a valid month");
    let offset = (5 + 7 - first.weekday().num_days_from_monday()) % 7;
    first + Duration::days(i64::from(offset))
}
