//! Crisis lines as data: every region complete, dated and sourced.

use super::*;

fn embedded() -> CrisisData {
    parse(CRISIS_TOML).expect("content/crisis.toml parses")
}

fn is_iso_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// Digits and single spaces or hyphens between digits, 3 to 15 digits: how people write numbers.
fn is_phone_number(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (3..=15).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.ends_with(|c: char| c.is_ascii_digit())
        && !s.contains("  ")
}

#[test]
fn every_region_is_complete_and_well_formed() {
    let d = embedded();
    let mut codes = std::collections::HashSet::new();
    for r in &d.regions {
        assert!(codes.insert(r.code.clone()), "duplicate region {}", r.code);
        assert!(!r.name.trim().is_empty(), "{} has a name", r.code);
        assert!(!r.lines.is_empty(), "{} has at least one line", r.code);
        assert!(!r.sources.is_empty(), "{} has a source", r.code);
        assert!(
            is_iso_date(&r.last_checked),
            "{} last_checked is a date",
            r.code
        );
        if r.code != FALLBACK_REGION {
            assert!(
                is_phone_number(&r.emergency),
                "{} emergency {:?}",
                r.code,
                r.emergency
            );
        }
        for s in &r.sources {
            assert!(
                s.url.starts_with("https://"),
                "{}: source {:?} is an https link",
                r.code,
                s.url
            );
            assert!(!s.title.trim().is_empty());
        }
        for l in &r.lines {
            assert!(
                !l.contacts.is_empty(),
                "{}: {} has a way to reach it",
                r.code,
                l.name
            );
            assert!(!l.about.trim().is_empty() && !l.hours.trim().is_empty());
            for c in &l.contacts {
                match c.kind {
                    ContactKind::Call | ContactKind::Text => assert!(
                        is_phone_number(&c.value),
                        "{}: {} {:?} is a well-formed number",
                        r.code,
                        l.name,
                        c.value
                    ),
                    ContactKind::Chat | ContactKind::Web => assert!(
                        c.value.contains('.') && !c.value.contains(' '),
                        "{}: {} {:?} is a web address",
                        r.code,
                        l.name,
                        c.value
                    ),
                }
            }
        }
    }
}

#[test]
fn the_regions_the_app_promises_are_there() {
    for code in ["US", "CA", "GB", "IE", "AU", "NZ", "EU", FALLBACK_REGION] {
        assert!(is_known_region(code), "{code} is covered");
    }
    assert_eq!(help_for("US").region.emergency, "911");
    assert_eq!(help_for("GB").region.emergency, "999");
    assert_eq!(help_for("AU").region.emergency, "000");
    assert_eq!(help_for("NZ").region.emergency, "111");
    assert_eq!(help_for("EU").region.emergency, "112");
    let us = help_for("US");
    assert!(us
        .region
        .lines
        .iter()
        .any(|l| l.contacts.iter().any(|c| c.value == "988")));
}

#[test]
fn at_least_fifteen_countries_and_a_fallback() {
    let d = embedded();
    let countries: Vec<&str> = d
        .regions
        .iter()
        .map(|r| r.code.as_str())
        .filter(|c| *c != "EU" && *c != FALLBACK_REGION)
        .collect();
    assert!(countries.len() >= 15, "only {countries:?}");
    assert!(countries
        .iter()
        .all(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase())));
    assert_eq!(
        d.regions.last().map(|r| r.code.as_str()),
        Some(FALLBACK_REGION),
        "the fallback comes last in the list"
    );
}

#[test]
fn unknown_regions_fall_back_instead_of_failing() {
    assert_eq!(help_for("Atlantis").region.code, FALLBACK_REGION);
    assert_eq!(help_for("").region.code, FALLBACK_REGION);
}

#[test]
fn the_retired_us_press_3_option_is_not_listed() {
    let text = CRISIS_TOML.to_lowercase();
    assert!(
        !text.contains("press 3"),
        "the 988 press-3 option ended in July 2025"
    );
}

#[test]
fn there_are_words_for_calling_about_oneself() {
    for g in [&embedded().for_self, &minimal().for_self] {
        for text in [&g.danger_now, &g.what_to_say, &g.while_waiting] {
            assert!(!text.trim().is_empty());
            assert!(
                !text.contains("someone I care about") && !text.contains("Stay with them"),
                "words for oneself, not for someone else: {text}"
            );
        }
        assert!(
            g.what_to_say.contains("having a really hard time")
                || g.what_to_say.contains("having a very hard time"),
            "words for saying how you are yourself: {}",
            g.what_to_say
        );
    }
    let help = help_for("GB");
    assert_ne!(help.for_self.what_to_say, help.guidance.what_to_say);
    assert!(help.guidance.what_to_say.contains("someone I care about"));
}

#[test]
fn kids_help_phone_can_be_called_and_south_africa_leads_with_an_ambulance() {
    let ca = help_for("CA").region;
    let kids = ca
        .lines
        .iter()
        .find(|l| l.name == "Kids Help Phone")
        .expect("Kids Help Phone");
    assert!(kids
        .contacts
        .iter()
        .any(|c| c.kind == ContactKind::Call && c.value == "1-800-668-6868"));
    assert!(kids
        .contacts
        .iter()
        .any(|c| c.kind == ContactKind::Text && c.value == "686868"));
    // 112 only works from mobiles in South Africa, so the number shown large is the ambulance.
    let za = help_for("ZA").region;
    assert_eq!(za.emergency, "10177");
    let note = za.emergency_note.unwrap_or_default();
    assert!(note.contains("112") && note.contains("mobile"), "{note}");
}

#[test]
fn sources_are_the_services_own_pages() {
    let d = embedded();
    let urls = |code: &str| -> Vec<String> {
        d.regions
            .iter()
            .find(|r| r.code == code)
            .map(|r| r.sources.iter().map(|s| s.url.clone()).collect())
            .unwrap_or_default()
    };
    let all: Vec<String> = d
        .regions
        .iter()
        .flat_map(|r| r.sources.iter().map(|s| s.url.clone()))
        .collect();
    // Weak sources: a ministry's home page, a police page for a health line, an old domain.
    let weak = |u: &String| {
        u == "https://www.sanidad.gob.es/"
            || u == "https://www.gob.mx/salud"
            || u.contains("policiafederal")
            || u.starts_with("https://www.saude.gov.br/")
    };
    assert!(!all.iter().any(weak), "{all:?}");
    assert!(urls("ES").iter().any(|u| u.contains("linea024")));
    assert!(urls("MX").iter().any(|u| u.contains("linea-de-la-vida")));
    assert!(urls("MX").iter().any(|u| u.ends_with("/911")));
    assert!(urls("BR")
        .iter()
        .any(|u| u.starts_with("https://www.gov.br/saude/")));
}

#[test]
fn changed_regions_carry_the_date_they_were_checked() {
    // The dated-data rule: a region whose lines or sources changed in the December review
    // says so, so nobody trusts an older check for the new numbers.
    let d = embedded();
    for code in ["CA", "ZA", "ES", "MX", "BR"] {
        let r = d.regions.iter().find(|r| r.code == code).expect("region");
        assert!(
            r.last_checked.as_str() >= "2026-12-03",
            "{code} was last checked {}",
            r.last_checked
        );
    }
}

#[test]
fn the_minimal_fallback_is_usable() {
    let m = minimal();
    assert_eq!(m.regions.len(), 1);
    assert!(!m.regions[0].lines.is_empty());
}
