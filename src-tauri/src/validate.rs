//! Small, pure checks shared by every feature's input validation.

use crate::error::{Error, Result};

/// Longest name we accept. Long enough for any real name or nickname.
pub const NAME_MAX: usize = 80;

/// Trims `value` and checks it is present and not too long.
pub fn required_text(field: &'static str, value: &str, max: usize, what: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::invalid(field, format!("Please add {what}.")));
    }
    check_len(field, v, max, what)?;
    Ok(v.to_owned())
}

/// Trims `value`; blank becomes `None`.
pub fn optional_text(
    field: &'static str,
    value: Option<&str>,
    max: usize,
    what: &str,
) -> Result<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => {
            check_len(field, v, max, what)?;
            Ok(Some(v.to_owned()))
        }
    }
}

fn check_len(field: &'static str, v: &str, max: usize, what: &str) -> Result<()> {
    let n = v.chars().count();
    if n > max {
        return Err(Error::invalid(
            field,
            format!(
                "{} is a little long: please keep it to {max} characters or fewer (it has {n}).",
                capitalize(what)
            ),
        ));
    }
    if v.chars().any(|c| c.is_control()) {
        return Err(Error::invalid(
            field,
            format!(
                "{} has a hidden character in it. Please type it again.",
                capitalize(what)
            ),
        ));
    }
    Ok(())
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
}
