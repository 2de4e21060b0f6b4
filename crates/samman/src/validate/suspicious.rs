//! Warnings about data that is readable but probably wrong: coordinates that look swapped or
//! lie far from everyone else, dates already past for events still to come, a reliability
//! record with more no-shows than the events history records for its host. Each names the
//! path only, never the value (docs/rules.md, "Suspicious data").

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::model::{Availability, Instance, Location, Reliability, Zone};

use super::{Problem, ProblemKind};

/// How many times the median distance to the centre a point must lie to be far from all
/// others.
const FAR_FACTOR: f64 = 10.0;

/// The smallest distance, in km, counted as far: a programme whose places all lie within a
/// few hundred metres is not suspicious for a point a kilometre away.
const FAR_FLOOR_KM: f64 = 1.0;

/// Located records needed before a point can be judged against the others.
const MIN_LOCATED: usize = 3;

/// Every suspicious-data warning of `instance`, in the order of the document: seekers, then
/// providers, each record's location, availability and reliability in turn.
pub(super) fn warnings(instance: &Instance, tz: Zone) -> Vec<Problem> {
    let mut warnings = Vec::new();
    let places = Places::of(instance);
    let today = instance.policy.today.map(|day| {
        let midnight = day.and_time(chrono::NaiveTime::MIN);
        tz.earliest(midnight)
            .unwrap_or_else(|| midnight.and_utc().timestamp())
    });
    let mut warn = |path: String, kind: ProblemKind| warnings.push(Problem::new(path, kind));
    let mut record = |at: String, location: Option<Location>, availability: &Availability| {
        if let (Some(places), Some(location)) = (&places, location) {
            if let Some(kind) = places.judge(location) {
                warn(format!("{at}.location"), kind);
            }
        }
        if let Some(today) = today {
            for (j, window) in availability.dated.iter().enumerate() {
                if window.end.resolve(tz).is_ok_and(|end| end <= today) {
                    warn(
                        format!("{at}.availability.dated[{j}]"),
                        ProblemKind::PastWindow,
                    );
                }
            }
        }
    };
    for (i, seeker) in instance.seekers.iter().enumerate() {
        record(
            format!("seekers[{i}]"),
            seeker.location,
            &seeker.availability,
        );
    }
    let events = events_in_history(instance);
    let mut reliability = Vec::new();
    for (j, provider) in instance.providers.iter().enumerate() {
        record(
            format!("providers[{j}]"),
            provider.location,
            &provider.availability,
        );
        if let Some(&n) = events.get(provider.history_key()) {
            if more_no_shows_than_events(provider.reliability, n) {
                reliability.push(j);
            }
        }
    }
    for j in reliability {
        warnings.push(Problem::new(
            format!("providers[{j}].reliability.no_show"),
            ProblemKind::NoShows,
        ));
    }
    warnings
}

/// Whether a reliability record counts more no-shows than the `events` on record elsewhere
/// (history): a no-show is an event that was planned, so it cannot outnumber them.
#[must_use]
pub(crate) fn more_no_shows_than_events(record: Reliability, events: u64) -> bool {
    u64::from(record.no_show) > events
}

/// Per host (a provider's `history_key`) with meetings in `history.meetings`, the events
/// they record: each distinct date once, each undated meeting once.
fn events_in_history(instance: &Instance) -> HashMap<&str, u64> {
    let mut dates: HashSet<(&str, NaiveDate)> = HashSet::new();
    let mut events: HashMap<&str, u64> = HashMap::new();
    for meeting in &instance.history.meetings {
        let host = meeting.host.as_str();
        let new = meeting.date.is_none_or(|date| dates.insert((host, date)));
        *events.entry(host).or_default() += u64::from(new);
    }
    events
}

/// Where the instance's records lie: the centre (the median latitude and longitude of every
/// location in range) and how far from it counts as far from all others.
struct Places {
    centre: Location,
    far_km: f64,
}

impl Places {
    /// `None` with fewer than [`MIN_LOCATED`] locations in range.
    fn of(instance: &Instance) -> Option<Self> {
        let located: Vec<Location> = instance
            .seekers
            .iter()
            .map(|s| s.location)
            .chain(instance.providers.iter().map(|p| p.location))
            .flatten()
            .filter(|l| in_range(*l))
            .collect();
        if located.len() < MIN_LOCATED {
            return None;
        }
        let centre = Location {
            lat: median(located.iter().map(|l| l.lat).collect()),
            lon: median(located.iter().map(|l| l.lon).collect()),
        };
        let spread = median(located.iter().map(|l| l.distance_km(centre)).collect());
        Some(Self {
            centre,
            far_km: (FAR_FACTOR * spread).max(FAR_FLOOR_KM),
        })
    }

    /// What is suspicious about `location`, if anything: far from the centre, and near it
    /// when latitude and longitude are read the other way round (swapped), or not (far).
    fn judge(&self, location: Location) -> Option<ProblemKind> {
        if !in_range(location) || location.distance_km(self.centre) <= self.far_km {
            return None;
        }
        let swapped = Location {
            lat: location.lon,
            lon: location.lat,
        };
        Some(
            if in_range(swapped) && swapped.distance_km(self.centre) <= self.far_km {
                ProblemKind::Swapped
            } else {
                ProblemKind::Far
            },
        )
    }
}

fn in_range(location: Location) -> bool {
    location.lat.is_finite()
        && location.lon.is_finite()
        && (-90.0..=90.0).contains(&location.lat)
        && (-180.0..=180.0).contains(&location.lon)
}

/// The median of a non-empty list (the lower middle of an even one).
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[(values.len() - 1) / 2]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Provider, Seeker};

    fn at(lat: f64, lon: f64) -> Option<Location> {
        Some(Location { lat, lon })
    }

    #[test]
    fn swapped_far_and_fine_points() {
        let mut instance = Instance::new();
        for (i, (lat, lon)) in [
            (59.33, 18.06),
            (59.34, 18.07),
            (59.32, 18.05),
            (18.07, 59.33),
            (57.70, 11.97),
        ]
        .into_iter()
        .enumerate()
        {
            let mut seeker = Seeker::new(&format!("s{i}"));
            seeker.location = at(lat, lon);
            instance.seekers.push(seeker);
        }
        let mut provider = Provider::new("p", 2);
        provider.location = at(59.335, 18.065);
        instance.providers.push(provider);
        let found = warnings(&instance, Zone::stockholm());
        let paths: Vec<&str> = found.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, ["seekers[3].location", "seekers[4].location"]);
        assert!(found[0].message.contains("swapped"));
        assert!(found[1].message.contains("far"));
        // Too few places to judge.
        instance.seekers.truncate(1);
        instance.seekers[0].location = at(18.07, 59.33);
        assert!(warnings(&instance, Zone::stockholm()).is_empty());
    }

    #[test]
    fn no_shows_against_the_events_in_history() {
        use crate::model::Meeting;
        let record = |no_show| Reliability {
            completed: 1,
            cancelled: 0,
            no_show,
        };
        assert!(!more_no_shows_than_events(record(2), 2));
        assert!(more_no_shows_than_events(record(3), 2));
        let mut instance = Instance::new();
        instance.seekers.push(Seeker::new("s"));
        let mut provider = Provider::new("p", 2);
        provider.host = Some("h".into());
        provider.reliability = record(2);
        instance.providers.push(provider);
        let meeting = |date: Option<&str>| Meeting {
            seeker: "s".into(),
            host: "h".into(),
            date: date.map(|d| d.parse().unwrap()),
        };
        // Two meetings on one date are one event; an undated one is another.
        instance.history.meetings = vec![
            meeting(Some("2026-01-10")),
            meeting(Some("2026-01-10")),
            meeting(None),
        ];
        assert_eq!(events_in_history(&instance)["h"], 2);
        assert!(warnings(&instance, Zone::stockholm()).is_empty());
        instance.history.meetings.pop();
        let found = warnings(&instance, Zone::stockholm());
        assert_eq!(found[0].path, "providers[0].reliability.no_show");
    }
}
