//! Generators of arguments that are mostly near-valid: the right shape, with values drawn from
//! ordinary text and the edges validation has to catch, and now and then a wrong type or a
//! missing key.

use chrono::{Duration, Local, NaiveDate};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{json, Map, Value};

pub fn today_date() -> NaiveDate {
    Local::now().date_naive()
}

pub fn today() -> String {
    today_date().format("%Y-%m-%d").to_string()
}

/// The normalisation validation documents: line ends become `\n`, then trimmed; blank is none.
/// Anything that is not a string is itself.
pub fn norm(v: &Value) -> Value {
    match v {
        Value::String(s) => {
            let t = s.replace("\r\n", "\n").replace('\r', "\n");
            let t = t.trim();
            if t.is_empty() {
                Value::Null
            } else {
                Value::String(t.to_owned())
            }
        }
        other => other.clone(),
    }
}

fn texts() -> Vec<String> {
    let mut v: Vec<String> = [
        "Sam",
        "Went for a walk together",
        "They laughed at my joke",
        "",
        " ",
        "   \t ",
        "\n",
        "  padded  ",
        "two\nlines",
        "two\r\nlines",
        "old\rmac",
        "tab\there",
        "\r\n\r\nleading breaks",
        "trailing break\n",
        "\u{0}",
        "nul\u{0}inside",
        "bell\u{7}",
        "esc\u{1b}[31m",
        "next\u{85}line",
        "\u{202E}reversed",
        "zero\u{200B}width",
        "\u{FEFF}bom",
        "iso\u{2066}late\u{2069}",
        "rtl\u{200F}",
        "\u{200D}joiner first",
        "joiner last\u{200D}",
        "👨\u{200D}👩\u{200D}👧 family",
        "می\u{200C}خواهم",
        "سام",
        "Zoë & Chloé",
        "😀",
        "'; DROP TABLE wins; --",
        "%s %n {0} \\ \"quoted\"",
        "<script>alert(1)</script>",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    v.push("é".repeat(80));
    v
}

/// Text of every sort the webview could send.
pub fn text_string() -> BoxedStrategy<String> {
    let long = (
        select(vec![
            39usize, 40, 41, 79, 80, 81, 100, 101, 120, 121, 200, 201, 280, 281, 300, 301, 499,
            500, 501, 1000, 1001, 2000, 2001, 4000, 4001, 10_000, 50_000,
        ]),
        select(vec!['a', 'é', '😀', ' ', '\n']),
    )
        .prop_map(|(n, c)| {
            let mut s: String = std::iter::repeat_n(c, n).collect();
            // Something visible, so a run of spaces or breaks is not simply blank.
            s.insert(0, 'x');
            s
        });
    prop_oneof![
        5 => select(texts()),
        3 => "[a-zA-Z ,.'!?-]{1,30}",
        1 => any::<String>(),
        1 => long,
        1 => (select(texts()), select(texts())).prop_map(|(a, b)| format!("{a} {b}")),
    ]
    .boxed()
}

/// Mostly ordinary text, for where many values must all be right for a call to pass.
pub fn mostly_plain() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => "[a-zA-Z][a-zA-Z ,.'!?-]{0,30}".prop_map(Value::String),
        1 => text(),
    ]
    .boxed()
}

pub fn text() -> BoxedStrategy<Value> {
    text_string().prop_map(Value::String).boxed()
}

/// Days: recent, future, and the ones a date check has to catch.
pub fn day() -> BoxedStrategy<Value> {
    let today = today_date();
    let odd = select(vec![
        "0000-01-01",
        "-0001-01-01",
        "26-01-05",
        "2026-02-30",
        "2025-02-29",
        "1899-12-31",
        "1900-01-01",
        "2200-12-31",
        "2201-01-01",
        " 2026-01-05 ",
        "2026-1-5",
        "20260105",
        "",
        "  ",
        "２０２６-01-05",
        "+2026-01-05",
        "2026-01-05T10:00",
        "2026-13-01",
        "9999-12-31",
    ]);
    prop_oneof![
        5 => (0i64..400).prop_map(move |n| json!((today - Duration::days(n)).format("%Y-%m-%d").to_string())),
        2 => (1i64..400).prop_map(move |n| json!((today + Duration::days(n)).format("%Y-%m-%d").to_string())),
        2 => odd.prop_map(|s| json!(s)),
        1 => text(),
    ]
    .boxed()
}

/// Local date-times, `YYYY-MM-DDTHH:MM`.
pub fn minute() -> BoxedStrategy<Value> {
    let today = today_date();
    prop_oneof![
        5 => (-400i64..400, 0u32..24, 0u32..60).prop_map(move |(d, h, m)| {
            json!(format!("{}T{h:02}:{m:02}", (today + Duration::days(d)).format("%Y-%m-%d")))
        }),
        1 => (0i64..60, 0u32..60).prop_map(move |(d, s)| {
            json!(format!("{}T10:30:{s:02}", (today + Duration::days(d)).format("%Y-%m-%d")))
        }),
        1 => select(vec![
            "2026-03-08T25:00",
            "2026-03-08 02:30",
            "0000-01-01T00:00",
            "2026-02-30T10:00",
            "2026-03-29T01:30",
            "2026-03-08T02:30:99",
            "2026-03-08T02:30Z",
        ])
        .prop_map(|s| json!(s)),
        1 => day(),
    ]
    .boxed()
}

/// Clock times, `HH:MM`.
pub fn clock() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => (0u32..24, 0u32..60).prop_map(|(h, m)| json!(format!("{h:02}:{m:02}"))),
        2 => select(vec!["24:00", "9:00", "09:60", "", " 07:30 ", "07:30:00", "noon", "-1:00"])
            .prop_map(|s| json!(s)),
        1 => text(),
    ]
    .boxed()
}

/// Ids: mostly ones the harness made, and the edges.
pub fn id() -> BoxedStrategy<Value> {
    prop_oneof![
        8 => (1i64..8).prop_map(|n| json!(n)),
        2 => select(vec![0i64, -1, 1 << 53, i64::MAX, i64::MIN, 1000]).prop_map(|n| json!(n)),
        1 => wrong(),
    ]
    .boxed()
}

/// Small counts and scores, and the edges around them.
pub fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        6 => (-1i64..12).prop_map(|n| json!(n)),
        2 => select(vec![
            json!(255),
            json!(256),
            json!(1440),
            json!(1441),
            json!(65_536),
            json!(u32::MAX),
            json!(u64::from(u32::MAX) + 1),
            json!(i64::MAX),
            json!(i64::MIN),
            json!(1.5),
            json!(1e300),
            json!(-0.0),
        ]),
        1 => wrong(),
    ]
    .boxed()
}

/// Mostly a valid count (1 to 31), otherwise any [`number`].
pub fn small() -> BoxedStrategy<Value> {
    prop_oneof![6 => (1i64..32).prop_map(|n| json!(n)), 1 => number()].boxed()
}

pub fn float() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => (0u32..50).prop_map(|n| json!(f64::from(n) / 2.0)),
        1 => select(vec![json!(-0.5), json!(24.01), json!(7.3), json!(1e300), json!(-1e300), json!("7")]),
    ]
    .boxed()
}

pub fn boolean() -> BoxedStrategy<Value> {
    prop_oneof![8 => any::<bool>().prop_map(|b| json!(b)), 1 => wrong()].boxed()
}

/// One of the valid words, or a near miss.
pub fn word(valid: &[&str]) -> BoxedStrategy<Value> {
    let valid: Vec<String> = valid.iter().map(|s| (*s).to_owned()).collect();
    let near: Vec<String> = valid
        .iter()
        .flat_map(|w| [w.to_uppercase(), format!(" {w}"), w.replace('_', "-")])
        .chain(["".to_owned(), "unknown".to_owned()])
        .collect();
    prop_oneof![
        12 => select(valid).prop_map(Value::String),
        2 => select(near).prop_map(Value::String),
        1 => text(),
    ]
    .boxed()
}

pub fn region() -> BoxedStrategy<Value> {
    word(&["US", "GB", "CA", "AU", "IE", "NZ", "OTHER"])
}

pub fn slug() -> BoxedStrategy<Value> {
    let slugs: Vec<String> = alongside_core::learn::cards()
        .iter()
        .map(|c| c.slug.clone())
        .take(6)
        .collect();
    prop_oneof![
        6 => select(slugs).prop_map(Value::String),
        1 => text(),
    ]
    .boxed()
}

pub fn suggestion_key() -> BoxedStrategy<Value> {
    // `@suggestion:N` is replaced at call time by today's Nth suggestion key.
    prop_oneof![
        6 => (0usize..8).prop_map(|n| json!(format!("@suggestion:{n}"))),
        1 => select(vec!["checkin:1", "checkin:999", "idea:listen:0", "appointment:1"]).prop_map(|s| json!(s)),
        1 => text(),
    ]
    .boxed()
}

pub fn person_input() -> BoxedStrategy<Value> {
    obj(vec![
        ("name", text()),
        (
            "relationship",
            word(&[
                "child",
                "partner",
                "parent",
                "sibling",
                "friend",
                "other_family",
                "other",
            ]),
        ),
        (
            "conditions",
            list(
                word(&[
                    "depression",
                    "anxiety",
                    "bipolar",
                    "psychosis",
                    "ptsd",
                    "ocd",
                    "eating_disorder",
                    "substance_use",
                    "borderline_personality",
                    "other",
                    "not_sure",
                    "prefer_not_to_say",
                ]),
                4,
            ),
        ),
    ])
}

pub fn profile_input() -> BoxedStrategy<Value> {
    obj(vec![("caregiverName", opt(text())), ("region", region())])
}

pub fn repeat() -> BoxedStrategy<Value> {
    let weekday = word(&["MO", "TU", "WE", "TH", "FR", "SA", "SU"]);
    prop_oneof![
        obj(vec![("kind", word(&["once", "daily", "weekdays"]))]),
        obj(vec![
            ("kind", Just(json!("weekly")).boxed()),
            ("days", list(weekday.clone(), 9)),
        ]),
        obj(vec![
            ("kind", Just(json!("every_n_days")).boxed()),
            ("n", small())
        ]),
        obj(vec![
            ("kind", Just(json!("monthly_on_day")).boxed()),
            ("day", small())
        ]),
        obj(vec![
            ("kind", Just(json!("monthly_on_weekday")).boxed()),
            (
                "nth",
                prop_oneof![4 => (-1i64..5).prop_map(|n| json!(n)), 1 => number()].boxed()
            ),
            ("weekday", weekday),
        ]),
    ]
    .boxed()
}

/// A value of the wrong type for almost any argument.
pub fn wrong() -> BoxedStrategy<Value> {
    select(vec![
        Value::Null,
        json!(true),
        json!("1"),
        json!(1),
        json!(-1.5),
        json!([]),
        json!({}),
        json!("x"),
    ])
    .boxed()
}

pub fn opt(s: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    prop_oneof![3 => s, 1 => Just(Value::Null)].boxed()
}

/// A list of up to `max` items (so limits are met and passed).
pub fn list(item: BoxedStrategy<Value>, max: usize) -> BoxedStrategy<Value> {
    prop_oneof![
        12 => proptest::collection::vec(item.clone(), 0..=max.min(3)).prop_map(Value::Array),
        2 => proptest::collection::vec(item, 0..=max).prop_map(Value::Array),
        1 => wrong(),
    ]
    .boxed()
}

/// An object with these fields; now and then one key is missing or has a wrong type.
pub fn obj(fields: Vec<(&'static str, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    let keys: Vec<&'static str> = fields.iter().map(|(k, _)| *k).collect();
    let values: Vec<BoxedStrategy<Value>> = fields.into_iter().map(|(_, v)| v).collect();
    (values, 0u8..20, any::<Index>(), wrong())
        .prop_map(move |(values, roll, at, bad)| {
            let mut m: Map<String, Value> =
                keys.iter().map(|k| (*k).to_owned()).zip(values).collect();
            let k = keys[at.index(keys.len())];
            match roll {
                0 => {
                    m.remove(k);
                }
                1 => {
                    m.insert(k.to_owned(), bad);
                }
                2 => {
                    m.insert("unexpected".to_owned(), json!("extra"));
                }
                _ => {}
            }
            Value::Object(m)
        })
        .boxed()
}

/// A command's arguments: an object, and now and then not one at all.
pub fn args(fields: Vec<(&'static str, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    prop_oneof![30 => obj(fields), 1 => wrong()].boxed()
}
