//! CSV: seekers and providers from a spreadsheet export, plans out and back in, errors with
//! row and column.

use samman::csv_io::{read_instance, read_plan, read_providers, read_seekers, write_plan};
use samman::generate::{Params, Programme, generate};
use samman::metrics::{MetricsOptions, evaluate};
use samman::model::{Day, Diet, Gender, Level, Origin, ProviderKind};
use samman::plan::Pairs;
use samman::solve::{self, Options};

const SEEKERS: &str = "\
id,party_size,origin,gender,age_band,languages,diet,availability,lat,lon,max_travel_km,topics,requires_verified,preferences,waiting_since,extra.region
g1,2,newcomer,mixed,30-44,ar:native;sv:conversational,halal;no_alcohol,2026-09-05T17:00/2026-09-05T23:00,59.33,18.06,5,,no,d1;v1,2026-08-01,east
o1,,established,female,85+,sv:native,,tue 14:00-16:00;fri 10:00-12:00,59.34,18.07,,company;walk,yes,,,
";

const PROVIDERS: &str = "\
id,kind,host,capacity,minimum,host_origin,host_gender,host_size,availability,lat,lon,languages,caters,topics,verified,completed,no_show
d1,dinner,h1,6,2,established,female,2,2026-09-05T18:00/2026-09-05T22:00,59.33,18.07,sv:native;en:fluent,halal;vegan;no_alcohol,,,3,0
v1,visit,,2,,,,,tuesday 13:00-17:00,59.34,18.08,sv:native,,company,true,12,1
";

#[test]
fn reads_a_spreadsheet_export() {
    let seekers = read_seekers(SEEKERS.as_bytes()).unwrap();
    assert_eq!(seekers.len(), 2);
    let g = &seekers[0];
    assert_eq!((g.id.as_str(), g.party_size), ("g1", 2));
    assert_eq!(g.profile.origin, Some(Origin::Newcomer));
    assert_eq!(g.profile.gender, Some(Gender::Mixed));
    assert_eq!(g.profile.extra["region"], "east");
    assert_eq!(g.languages[1].level, Level::Conversational);
    assert_eq!(g.diet, vec![Diet::Halal, Diet::NoAlcohol]);
    assert_eq!(g.availability.dated.len(), 1);
    assert_eq!(g.preferences.len(), 2);
    assert!(!g.requires_verified);
    let o = &seekers[1];
    assert_eq!(o.party_size, 1);
    assert!(o.requires_verified);
    assert_eq!(o.availability.weekly[1].day, Day::Friday);
    assert_eq!(o.topics, ["company", "walk"]);
    assert!(o.profile.extra.is_empty());

    let providers = read_providers(PROVIDERS.as_bytes()).unwrap();
    let d = &providers[0];
    assert_eq!(
        (d.kind, d.capacity, d.minimum, d.host_size),
        (ProviderKind::Dinner, 6, 2, 2)
    );
    assert_eq!(
        d.host_profile.as_ref().unwrap().gender,
        Some(Gender::Female)
    );
    assert_eq!(d.caters.len(), 3);
    let v = &providers[1];
    assert!(v.verification.verified && v.host_profile.is_none());
    assert_eq!((v.reliability.completed, v.reliability.no_show), (12, 1));

    let instance = read_instance(SEEKERS.as_bytes(), PROVIDERS.as_bytes()).unwrap();
    samman::validate::validate(&instance).unwrap();
    let plan = solve::solve(&instance, &Options::default()).unwrap();
    assert_eq!(plan.matches.len(), 2, "{:?}", plan.unplaced);
}

#[test]
fn a_malformed_row_is_reported_with_row_and_column() {
    let bad = SEEKERS.replace("g1,2,", "g1,two,");
    let e = read_seekers(bad.as_bytes()).unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (2, "party_size"));
    assert!(
        e.to_string()
            .starts_with("row 2, column party_size: found a text; expected a whole number"),
        "{e}"
    );

    // A personal column: the value is never repeated.
    let bad = SEEKERS.replace("sv:native,,tue", "sv:native,paleo-secret,tue");
    let e = read_seekers(bad.as_bytes()).unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (3, "diet"));
    assert!(!e.to_string().contains("paleo-secret"), "{e}");
    let bad = SEEKERS.replace("ar:native;sv:conversational", "ar:nativ");
    let e = read_seekers(bad.as_bytes()).unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (2, "languages"));
    assert!(!e.to_string().contains("nativ`"), "{e}");

    let bad = SEEKERS.replace("tue 14:00-16:00", "tue 14-16");
    let e = read_seekers(bad.as_bytes()).unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (3, "availability"));

    let bad = PROVIDERS.replace("v1,visit,,2,", "v1,visit,,,");
    let e = read_providers(bad.as_bytes()).unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (3, "capacity"));

    // A column samman does not read is carried, not refused; a near miss of one it reads is.
    let carried = SEEKERS.replace("extra.region", "email");
    assert_eq!(read_seekers(carried.as_bytes()).unwrap().len(), 2);
    let bad = SEEKERS.replace("extra.region", "langauges");
    let e = read_seekers(bad.as_bytes()).unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (1, "langauges"));
    assert!(e.message.contains("languages"), "{e}");

    // A row shorter than the header has its last cells empty (spreadsheets leave them out);
    // one longer is an error.
    let short = format!("{SEEKERS}x1,1,newcomer\n");
    assert_eq!(read_seekers(short.as_bytes()).unwrap().len(), 3);
    let long = format!("{SEEKERS}x1,1,newcomer,,,,,,,,,,,,,,east,surplus\n");
    let e = read_seekers(long.as_bytes()).unwrap_err();
    assert_eq!(e.row, 4);
    assert!(e.message.contains("cells"), "{e}");
}

#[test]
fn a_plan_exported_and_read_back_evaluates_identically() {
    for programme in [Programme::Dinners, Programme::Visits] {
        let instance = generate(
            programme,
            &Params {
                size: 150,
                seed: 3,
                ..Params::default()
            },
        );
        let plan = Pairs::from(&solve::solve(&instance, &Options::default()).unwrap());
        assert!(!plan.matches.is_empty());
        let mut bytes = Vec::new();
        write_plan(&instance, &plan, &mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("seeker,provider,seats,score\n"));
        let back = read_plan(text.as_bytes()).unwrap();
        assert_eq!(back, plan);
        let options = MetricsOptions {
            list_blocking_pairs: true,
            ..MetricsOptions::default()
        };
        let a = evaluate(&instance, &plan, &options).unwrap();
        let b = evaluate(&instance, &back, &options).unwrap();
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
    }
    let e = read_plan("seeker,score\ns1,2\n".as_bytes()).unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (1, "provider"));
    let e = read_plan("seeker,provider\ns1,\n".as_bytes()).unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (2, "provider"));
}
