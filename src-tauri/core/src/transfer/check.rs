//! The checks every record of a file passes before anything is written: the same input rules
//! as the app's own forms (`crate::validate`), plus references, duplicates and the file's size.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::{File, Kind, Kind::*, RecordCounts, SqlValue, FORMAT, MAX_BYTES, SCHEMA, TABLES};
use crate::error::{Error, Result};
use crate::validate;

/// A file read and checked: for each of [`TABLES`], in order, its rows ready to write.
#[derive(Debug)]
pub struct Checked {
    pub rows: Vec<Vec<Vec<SqlValue>>>,
    pub counts: RecordCounts,
}

fn refuse(message: impl Into<String>) -> Error {
    Error::invalid("import", message)
}

fn damaged() -> Error {
    refuse("This file could not be read: it may be cut short or damaged. Nothing was changed.")
}

pub fn too_big() -> Error {
    refuse(format!(
        "This file is too large to be an Alongside export (the limit is {} MB). Nothing was changed.",
        MAX_BYTES / (1024 * 1024)
    ))
}

/// Reads and checks a whole file. Nothing is written here: a refusal says what is wrong.
pub fn read(text: &str) -> Result<Checked> {
    if text.len() > MAX_BYTES {
        return Err(too_big());
    }
    let value: Value = serde_json::from_str(text).map_err(|_| damaged())?;
    let not_ours = || {
        refuse("This is not a file Alongside made with \"Export everything\". Please choose that file. Nothing was changed.")
    };
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(not_ours());
    }
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(not_ours)?;
    if schema > u64::from(SCHEMA) {
        return Err(refuse("This file was made by a newer version of Alongside. Please update Alongside on this computer, then import it again. Nothing was changed."));
    }
    if schema < 1 {
        return Err(not_ours());
    }
    let file: File = serde_json::from_value(value).map_err(|_| damaged())?;
    check(&file)
}

/// Checks every record of `file` with the rules the app's own forms use.
pub fn check(file: &File) -> Result<Checked> {
    if stamp(&file.exported_at).is_none() {
        return Err(damaged());
    }
    if let Some(name) = file
        .tables
        .keys()
        .find(|k| !TABLES.iter().any(|t| t.name == *k))
    {
        return Err(refuse(format!("This file has a part Alongside does not know (\"{name}\"). It may come from a different program. Nothing was changed.")));
    }
    let mut ids: BTreeMap<&str, HashSet<i64>> = BTreeMap::new();
    let mut out = Vec::with_capacity(TABLES.len());
    let no_rows = Vec::new();
    for table in TABLES {
        let rows = match file.tables.get(table.name) {
            Some(rows) => rows,
            // A file from before this table was in the format: nothing of this kind to bring.
            None if file.schema < super::added_in(table.name) => &no_rows,
            None => return Err(damaged()),
        };
        let mut seen: Vec<HashSet<String>> = vec![HashSet::new(); table.unique.len()];
        let mut mine = HashSet::new();
        let mut checked = Vec::with_capacity(rows.len());
        for (n, row) in rows.iter().enumerate() {
            let at = |msg: &str| {
                refuse(format!(
                    "In this file, {} number {}: {msg} Nothing was changed.",
                    table.noun,
                    n + 1
                ))
            };
            if row.len() != table.columns.len()
                || row.keys().any(|k| !table.columns.iter().any(|c| c.0 == k))
            {
                return Err(at(
                    "it has parts Alongside does not know, or is missing some.",
                ));
            }
            let mut values = Vec::with_capacity(table.columns.len());
            for (col, kind) in table.columns {
                let v = cell(col, *kind, &row[*col], &ids).map_err(|e| match e {
                    Error::Invalid { message, .. } => {
                        at(&format!("{} — {message}", col.replace('_', " ")))
                    }
                    other => other,
                })?;
                values.push(v);
            }
            for (set, seen) in table.unique.iter().zip(seen.iter_mut()) {
                let key: Vec<String> = set
                    .iter()
                    .map(|c| row[*c].to_string().to_lowercase())
                    .collect();
                if !seen.insert(key.join("\u{1}")) {
                    return Err(at("it appears twice (the same number or name as another). The file may be damaged."));
                }
            }
            if let Some(id) = row.get("id").and_then(Value::as_i64) {
                mine.insert(id);
            }
            checked.push(values);
        }
        ids.insert(table.name, mine);
        out.push(checked);
    }
    let count = |name: &str| {
        let i = TABLES.iter().position(|t| t.name == name).unwrap_or(0);
        u32::try_from(out[i].len()).unwrap_or(u32::MAX)
    };
    let counts = RecordCounts {
        people: count("people"),
        wins: count("wins"),
        safety_plans: count("safety_plans"),
        reminders: count("reminders"),
        records: u32::try_from(out.iter().map(Vec::len).sum::<usize>()).unwrap_or(u32::MAX),
    };
    Ok(Checked { rows: out, counts })
}

/// Checks one value against its column's kind, as an imported file's would be (a reference to
/// another record is refused: a caller that has one sets it itself).
pub(crate) fn value(col: &str, kind: Kind, v: &Value) -> Result<SqlValue> {
    cell(col, kind, v, &BTreeMap::new())
}

/// A moment written in RFC 3339, with a year the app accepts.
fn stamp(s: &str) -> Option<()> {
    use chrono::Datelike;
    let t = chrono::DateTime::parse_from_rfc3339(s).ok()?;
    (s.len() <= 40 && (validate::YEAR_MIN..=validate::YEAR_MAX).contains(&t.year())).then_some(())
}

fn cell(col: &str, kind: Kind, v: &Value, ids: &BTreeMap<&str, HashSet<i64>>) -> Result<SqlValue> {
    const F: &str = "import";
    let wrong = || refuse("this value is not what Alongside expects here.");
    let what = format!("the {}", col.replace('_', " "));
    let text = |v: &Value| -> Result<Option<String>> {
        match v {
            Value::Null => Ok(None),
            Value::String(s) => Ok(Some(s.clone())),
            _ => Err(wrong()),
        }
    };
    let required = |v: &Value| text(v)?.ok_or_else(wrong);
    let opt = |s: Option<String>| s.map_or(SqlValue::Null, SqlValue::Text);
    let int = |v: &Value| v.as_i64().ok_or_else(wrong);
    let known = |t: &str, id: i64| {
        if ids.get(t).is_some_and(|s| s.contains(&id)) {
            Ok(SqlValue::Integer(id))
        } else {
            Err(refuse("it belongs to a record that is not in the file."))
        }
    };
    let moment = |s: String| {
        stamp(&s)
            .map(|()| SqlValue::Text(s))
            .ok_or_else(|| refuse("this date and time cannot be read."))
    };
    Ok(match kind {
        Id => match int(v)? {
            id if id >= 1 => SqlValue::Integer(id),
            _ => return Err(wrong()),
        },
        Ref(t) => known(t, int(v)?)?,
        OptRef(t) => match v {
            Value::Null => SqlValue::Null,
            _ => known(t, int(v)?)?,
        },
        Text(max) => SqlValue::Text(validate::required_text(F, &required(v)?, max, &what)?),
        OptText(max) => opt(validate::optional_text(F, text(v)?.as_deref(), max, &what)?),
        Lines(max) => SqlValue::Text(validate::required_lines(F, &required(v)?, max, &what)?),
        OptLines(max) => opt(validate::optional_lines(
            F,
            text(v)?.as_deref(),
            max,
            &what,
        )?),
        AnyLines(max) => SqlValue::Text(
            validate::optional_lines(F, Some(&required(v)?), max, &what)?.unwrap_or_default(),
        ),
        Day => SqlValue::Text(
            validate::day(F, &required(v)?)?
                .format("%Y-%m-%d")
                .to_string(),
        ),
        OptDay => opt(validate::optional_day(F, text(v)?.as_deref())?
            .map(|d| d.format("%Y-%m-%d").to_string())),
        Stamp => moment(required(v)?)?,
        OptStamp => match text(v)? {
            None => SqlValue::Null,
            Some(s) => moment(s)?,
        },
        Minute => SqlValue::Text(
            validate::local_minute(F, &required(v)?, "this date and time cannot be read.")?
                .format("%Y-%m-%dT%H:%M")
                .to_string(),
        ),
        OptClock => match text(v)? {
            None => SqlValue::Null,
            Some(s) => SqlValue::Text(
                crate::reminders::schedule::parse_time(F, &s)?
                    .format("%H:%M")
                    .to_string(),
            ),
        },
        Word(ok) => match required(v)? {
            s if ok(&s) => SqlValue::Text(s),
            _ => return Err(wrong()),
        },
        OptWord(ok) => match text(v)? {
            None => SqlValue::Null,
            Some(s) if ok(&s) => SqlValue::Text(s),
            Some(_) => return Err(wrong()),
        },
        Int(lo, hi) => match int(v)? {
            i if (lo..=hi).contains(&i) => SqlValue::Integer(i),
            _ => return Err(wrong()),
        },
        OptInt(lo, hi) => match v {
            Value::Null => SqlValue::Null,
            _ => match int(v)? {
                i if (lo..=hi).contains(&i) => SqlValue::Integer(i),
                _ => return Err(wrong()),
            },
        },
        OptReal(lo, hi) => match v {
            Value::Null => SqlValue::Null,
            _ => match v.as_f64() {
                Some(f) if (lo..=hi).contains(&f) => SqlValue::Real(f),
                _ => return Err(wrong()),
            },
        },
    })
}
