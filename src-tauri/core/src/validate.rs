//! The one place input rules are written: text on one line or several, days and local times,
//! and lists with a limit. Every feature's `validate()` uses these, so a rule is written once
//! and a new command gets it for free. Limits are checked before any work that grows with the
//! input, so no call can keep the app busy.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::error::{Error, Result};

/// Longest name we accept. Long enough for any real name or nickname.
pub const NAME_MAX: usize = 80;

/// The earliest and latest years a date may have: wide enough for any real record, narrow
/// enough that a mistyped year ("26", "0000") is caught rather than stored.
pub const YEAR_MIN: i32 = 1900;
pub const YEAR_MAX: i32 = 2200;

/// Trims `value` and checks it is present, one line, and not too long.
pub fn required_text(field: &'static str, value: &str, max: usize, what: &str) -> Result<String> {
    required(field, value, max, what, Lines::One)
}

/// Trims `value`; blank becomes `None`. One line only.
pub fn optional_text(
    field: &'static str,
    value: Option<&str>,
    max: usize,
    what: &str,
) -> Result<Option<String>> {
    optional(field, value, max, what, Lines::One)
}

/// Like [`required_text`], for a text box where Enter starts a new line: line breaks and tabs
/// are kept (Windows and old Mac line ends become `\n`).
pub fn required_lines(field: &'static str, value: &str, max: usize, what: &str) -> Result<String> {
    required(field, value, max, what, Lines::Many)
}

/// Like [`optional_text`], keeping line breaks and tabs.
pub fn optional_lines(
    field: &'static str,
    value: Option<&str>,
    max: usize,
    what: &str,
) -> Result<Option<String>> {
    optional(field, value, max, what, Lines::Many)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lines {
    One,
    Many,
}

fn required(
    field: &'static str,
    value: &str,
    max: usize,
    what: &str,
    lines: Lines,
) -> Result<String> {
    let v = clean(field, value, max, what, lines)?;
    if v.is_empty() {
        return Err(Error::invalid(field, format!("Please add {what}.")));
    }
    Ok(v)
}

fn optional(
    field: &'static str,
    value: Option<&str>,
    max: usize,
    what: &str,
    lines: Lines,
) -> Result<Option<String>> {
    match value {
        None => Ok(None),
        Some(v) => {
            let v = clean(field, v, max, what, lines)?;
            Ok((!v.is_empty()).then_some(v))
        }
    }
}

fn clean(field: &'static str, value: &str, max: usize, what: &str, lines: Lines) -> Result<String> {
    // The byte length bounds the character count from above: refuse far-too-long input before
    // looking at its characters (4 bytes a character at most).
    let too_long = |n: usize| {
        Error::invalid(
            field,
            format!(
                "{} is a little long: please keep it to {max} characters or fewer (it has {n}).",
                capitalize(what)
            ),
        )
    };
    if value.len() > max.saturating_mul(4).saturating_add(4096) {
        return Err(too_long(value.chars().count()));
    }
    let v = match lines {
        Lines::One => value.trim().to_owned(),
        Lines::Many => value
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .trim()
            .to_owned(),
    };
    let n = v.chars().count();
    if n > max {
        return Err(too_long(n));
    }
    let hidden = |c: char| match lines {
        Lines::Many if c == '\n' || c == '\t' => false,
        _ => c.is_control() || is_invisible_format(c),
    };
    if v.chars().any(hidden) || joiner_at_edge(&v) {
        let msg = if lines == Lines::One && v.contains('\n') {
            format!("{} needs to fit on one line.", capitalize(what))
        } else {
            format!(
                "{} has a hidden character in it. Please type it again.",
                capitalize(what)
            )
        };
        return Err(Error::invalid(field, msg));
    }
    Ok(v)
}

/// Invisible characters that can reverse or hide text on screen: bidirectional overrides,
/// embeddings and isolates, zero-width spaces, word joiners and byte-order marks. Zero-width
/// joiners (U+200C, U+200D) are allowed inside text, where emoji and some scripts need them.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

fn joiner_at_edge(v: &str) -> bool {
    let joiner = |c: char| c == '\u{200C}' || c == '\u{200D}';
    v.starts_with(joiner) || v.ends_with(joiner)
}

/// A whole list checked against its limit before any of it is looked at.
pub fn at_most<'a, T>(
    field: &'static str,
    items: &'a [T],
    max: usize,
    what: &str,
) -> Result<&'a [T]> {
    if items.len() > max {
        return Err(Error::invalid(
            field,
            format!("Please keep it to {max} {what} or fewer."),
        ));
    }
    Ok(items)
}

/// A calendar day written `YYYY-MM-DD` (what a date field sends), with a four-digit year
/// between [`YEAR_MIN`] and [`YEAR_MAX`].
pub fn day(field: &'static str, value: &str) -> Result<NaiveDate> {
    let v = value.trim();
    let bad = || Error::invalid(field, "Please choose a date from the calendar.");
    if v.len() != 10 || !shape(v, "dddd-dd-dd") {
        return Err(bad());
    }
    let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| bad())?;
    sane_year(field, d.year())?;
    Ok(d)
}

/// An optional day: blank becomes `None`.
pub fn optional_day(field: &'static str, value: Option<&str>) -> Result<Option<NaiveDate>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => day(field, v).map(Some),
    }
}

/// A local date and time written `YYYY-MM-DDTHH:MM` (what a date-time field sends); seconds,
/// when a caller adds them, are accepted and dropped. `unreadable` is what the caregiver reads
/// when it is not a date and time at all.
pub fn local_minute(field: &'static str, value: &str, unreadable: &str) -> Result<NaiveDateTime> {
    let v = value.trim();
    let bad = || Error::invalid(field, unreadable);
    let v = match v.len() {
        16 if shape(v, "dddd-dd-ddTdd:dd") => v,
        19 if shape(v, "dddd-dd-ddTdd:dd:dd") => &v[..16],
        _ => return Err(bad()),
    };
    let t = NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M").map_err(|_| bad())?;
    sane_year(field, t.year())?;
    Ok(t)
}

fn sane_year(field: &'static str, year: i32) -> Result<()> {
    if !(YEAR_MIN..=YEAR_MAX).contains(&year) {
        return Err(Error::invalid(field, "Please check the year of that date."));
    }
    Ok(())
}

/// `v` has exactly the pattern's shape: `d` a digit, anything else that very character.
fn shape(v: &str, pattern: &str) -> bool {
    v.len() == pattern.len()
        && v.bytes().zip(pattern.bytes()).all(|(c, p)| match p {
            b'd' => c.is_ascii_digit(),
            _ => c == p,
        })
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_text_is_trimmed_and_bounded() {
        assert_eq!(
            required_text("name", "  Sam ", 80, "a name").expect("ok"),
            "Sam"
        );
        let empty = required_text("name", "   ", 80, "a name").expect_err("empty");
        assert_eq!(empty.caregiver_message(), "Please add a name.");
        let long = required_text("name", &"a".repeat(500), 80, "a name").expect_err("long");
        assert!(long.caregiver_message().contains("80 characters"));
        assert!(long.caregiver_message().contains("500"));
        // Characters, not bytes: 80 accented letters fit.
        assert!(required_text("name", &"é".repeat(80), 80, "a name").is_ok());
        assert!(required_text("name", "Sa\u{0}m", 80, "a name").is_err());
    }

    #[test]
    fn optional_text_turns_blank_into_none() {
        assert_eq!(optional_text("n", None, 10, "x").expect("ok"), None);
        assert_eq!(optional_text("n", Some("  "), 10, "x").expect("ok"), None);
        assert_eq!(
            optional_text("n", Some(" Jo "), 10, "x").expect("ok"),
            Some("Jo".into())
        );
        assert!(optional_text("n", Some("abcdefghijk"), 10, "x").is_err());
    }

    #[test]
    fn notes_keep_their_line_breaks_and_names_stay_on_one_line() {
        assert_eq!(
            required_lines("note", "one\r\ntwo\rthree\n\tfour\n", 100, "the note").expect("ok"),
            "one\ntwo\nthree\n\tfour"
        );
        assert_eq!(
            optional_lines("note", Some("\n \n"), 100, "the note").expect("ok"),
            None
        );
        let name = required_text("name", "Sam\nJones", 80, "the name").expect_err("one line");
        assert_eq!(
            name.caregiver_message(),
            "The name needs to fit on one line."
        );
        // Other control characters stay out of notes too.
        assert!(required_lines("note", "a\u{7}b", 100, "the note").is_err());
        assert!(required_lines("note", "a\u{85}b", 100, "the note").is_err());
    }

    #[test]
    fn text_that_would_display_backwards_or_invisibly_is_refused() {
        for bad in [
            "\u{202E}maS",
            "Sam\u{200B}",
            "\u{FEFF}Sam",
            "S\u{2066}am\u{2069}",
            "Sam\u{200F}",
            "\u{200D}",
            "Sam\u{200D}",
        ] {
            let e = required_text("name", bad, 80, "the name").expect_err(bad);
            assert!(
                e.caregiver_message().contains("hidden character"),
                "{bad:?}"
            );
            assert!(
                optional_lines("note", Some(bad), 80, "the note").is_err(),
                "{bad:?}"
            );
        }
        // Joiners inside text are how emoji families and some scripts are written.
        assert!(required_text("tag", "👨\u{200D}👩\u{200D}👧", 40, "a tag").is_ok());
        assert!(required_text("name", "می\u{200C}خواهم", 80, "a name").is_ok());
        assert!(required_text("name", "سام", 80, "a name").is_ok());
    }

    #[test]
    fn enormous_text_is_refused_without_reading_it_all() {
        let huge = "a".repeat(5_000_000);
        let e = required_text("text", &huge, 500, "what happened").expect_err("huge");
        assert!(e.caregiver_message().contains("500 characters or fewer"));
    }

    #[test]
    fn days_have_four_digit_years_in_a_sane_range() {
        assert_eq!(
            day("d", " 2026-01-05 ").expect("ok"),
            NaiveDate::from_ymd_opt(2026, 1, 5).expect("date")
        );
        for bad in [
            "0000-01-01",
            "-0001-01-01",
            "26-01-05",
            "1899-12-31",
            "2201-01-01",
            "2026-02-30",
            "2026-1-5",
            "20260105",
            "２０２６-01-05",
            "",
            "+2026-01-05",
        ] {
            assert!(day("d", bad).is_err(), "{bad:?}");
        }
        assert_eq!(optional_day("d", Some("  ")).expect("blank"), None);
        assert!(optional_day("d", Some("26-01-05")).is_err());
    }

    #[test]
    fn local_minutes_are_whole_and_sane() {
        let t = local_minute("t", "2026-03-08T02:30", "Pick a time.").expect("ok");
        assert_eq!(t.format("%Y-%m-%dT%H:%M").to_string(), "2026-03-08T02:30");
        assert_eq!(
            local_minute("t", "2026-03-08T02:30:59", "Pick a time.").expect("seconds dropped"),
            t
        );
        for bad in [
            "0000-01-01T00:00",
            "2026-03-08T25:00",
            "2026-03-08 02:30",
            "2026-03-08",
        ] {
            let e = local_minute("t", bad, "Pick a time.").expect_err(bad);
            assert!(
                ["Pick a time.", "Please check the year of that date."]
                    .contains(&e.caregiver_message().as_str()),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn lists_are_measured_before_they_are_read() {
        let many = vec![0u8; 100_000];
        let e = at_most("tags", &many, 10, "tags").expect_err("too many");
        assert_eq!(e.caregiver_message(), "Please keep it to 10 tags or fewer.");
        assert_eq!(
            at_most("tags", &many[..10], 10, "tags").expect("ok").len(),
            10
        );
    }
}
