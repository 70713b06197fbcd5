//! A property test per writing command, driven through Tauri's IPC on the mock runtime so that
//! generated JSON is read by `Arg<T>` exactly as the webview's would be. For every generated
//! call: it returns (no panic); a refusal is one of the app's own errors and leaves every table
//! byte-for-byte as it was; an acceptance reads back equal through the matching read command.
//!
//! `ALONGSIDE_PROPTEST_CASES` sets the number of cases per command (1,000 by default).

mod harness;
mod values;

use proptest::prelude::*;
use serde_json::{json, Value};

use harness::{run, Harness, Spec};
use values::*;

/// `out[key]` equals the input's `key` after the documented normalisation (trimmed, line ends
/// made `\n`, blank becomes none).
fn same_text(input: &Value, out: &Value, keys: &[&str]) -> Result<(), TestCaseError> {
    for k in keys {
        let want = norm(&input[*k]);
        prop_assert_eq!(&out[*k], &want, "field {} of {}", k, out);
    }
    Ok(())
}

fn find<'a>(list: &'a Value, key: &str, id: &Value) -> Option<&'a Value> {
    list.as_array()?.iter().find(|x| &x[key] == id)
}

fn contains_equal(list: &Value, item: &Value) -> Result<(), TestCaseError> {
    let found = find(list, "id", &item["id"]);
    prop_assert_eq!(found, Some(item), "read back");
    Ok(())
}

fn absent(list: &Value, id: &Value) -> Result<(), TestCaseError> {
    prop_assert!(
        find(list, "id", id).is_none(),
        "{} still listed after removal",
        id
    );
    Ok(())
}

// ---------------------------------------------------------------- settings and people

#[test]
fn proptest_update_profile() {
    run(Spec {
        cmd: "update_profile",
        args: args(vec![("profile", profile_input())]),
        check: |h, a, out| {
            prop_assert_eq!(&h.ok("get_profile", json!({})), out);
            same_text(&a["profile"], out, &["caregiverName"])?;
            prop_assert_eq!(&out["region"], &norm(&a["profile"]["region"]));
            Ok(())
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_complete_onboarding() {
    run(Spec {
        cmd: "complete_onboarding",
        args: args(vec![(
            "onboarding",
            obj(vec![
                ("caregiverName", opt(text())),
                ("region", region()),
                ("person", person_input()),
            ]),
        )]),
        // Onboarding is allowed once: half the cases start from a fresh install.
        before: Some(|h, n| {
            if n % 2 == 0 {
                h.sql("DELETE FROM person_conditions; DELETE FROM people; DELETE FROM profile;");
            }
        }),
        seed: false,
        check: |h, a, out| {
            let profile = h.ok("get_profile", json!({}));
            same_text(&a["onboarding"], &profile, &["caregiverName"])?;
            contains_equal(&h.ok("list_people", json!({})), out)?;
            same_text(&a["onboarding"]["person"], out, &["name"])?;
            Ok(())
        },
    });
}

fn check_person(h: &Harness, input: &Value, out: &Value) -> Result<(), TestCaseError> {
    contains_equal(&h.ok("list_people", json!({})), out)?;
    same_text(input, out, &["name", "relationship"])?;
    let mut want: Vec<String> = input["conditions"]
        .as_array()
        .map(|c| {
            c.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    want.sort();
    want.dedup();
    let mut got: Vec<String> = serde_json::from_value(out["conditions"].clone())
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    got.sort();
    prop_assert_eq!(got, want);
    Ok(())
}

#[test]
fn proptest_add_person() {
    run(Spec {
        cmd: "add_person",
        args: args(vec![("person", person_input())]),
        check: |h, a, out| check_person(h, &a["person"], out),
        ..Spec::default()
    });
}

#[test]
fn proptest_update_person() {
    run(Spec {
        cmd: "update_person",
        args: args(vec![("id", id()), ("person", person_input())]),
        check: |h, a, out| {
            prop_assert_eq!(&out["id"], &a["id"]);
            check_person(h, &a["person"], out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_remove_person() {
    run(Spec {
        cmd: "remove_person",
        args: args(vec![("id", id())]),
        before: Some(|h, n| {
            // Bring everyone back now and then, so removals keep having someone to remove.
            if n % 4 == 0 {
                h.sql("UPDATE people SET removed_at = NULL;");
            }
        }),
        check: |h, a, _| absent(&h.ok("list_people", json!({})), &a["id"]),
        ..Spec::default()
    });
}

#[test]
fn proptest_restore_person() {
    run(Spec {
        cmd: "restore_person",
        args: args(vec![("id", id())]),
        before: Some(|h, n| {
            if n % 3 == 0 {
                h.sql("UPDATE people SET removed_at = '2026-01-01T00:00:00Z' WHERE id = 3;");
            }
        }),
        check: |h, _, out| contains_equal(&h.ok("list_people", json!({})), out),
        ..Spec::default()
    });
}

// ---------------------------------------------------------------- learn

fn check_card_flag(h: &Harness, a: &Value, flag: &str) -> Result<(), TestCaseError> {
    let card = h.ok("learn_card", json!({"slug": a["slug"]}));
    prop_assert_eq!(&card[flag], &a[flag]);
    Ok(())
}

#[test]
fn proptest_set_card_bookmark() {
    run(Spec {
        cmd: "set_card_bookmark",
        args: args(vec![("slug", slug()), ("bookmarked", boolean())]),
        check: |h, a, out| {
            prop_assert!(out.is_null());
            check_card_flag(h, a, "bookmarked")
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_set_card_read() {
    run(Spec {
        cmd: "set_card_read",
        args: args(vec![("slug", slug()), ("read", boolean())]),
        check: |h, a, out| {
            prop_assert!(out.is_null());
            check_card_flag(h, a, "read")
        },
        ..Spec::default()
    });
}

// ---------------------------------------------------------------- wins

fn win_input() -> BoxedStrategy<Value> {
    obj(vec![
        ("personId", id()),
        ("text", text()),
        ("happenedOn", day()),
        ("tags", list(word(&["calm", "Walks", "sleep"]), 12)),
        ("note", opt(text())),
    ])
}

/// Every win of the day `w` happened on, following the pages.
fn wins_of_day(h: &Harness, w: &Value) -> Vec<Value> {
    let filter = json!({"personId": w["personId"], "tag": null, "from": w["happenedOn"],
        "to": w["happenedOn"], "search": null});
    let mut after = Value::Null;
    let mut all = Vec::new();
    loop {
        let page = h.ok("list_wins", json!({"filter": filter, "after": after}));
        all.extend(page["wins"].as_array().cloned().unwrap_or_default());
        if page["next"].is_null() {
            return all;
        }
        after = page["next"].clone();
    }
}

fn check_win(h: &Harness, input: &Value, win: &Value) -> Result<(), TestCaseError> {
    contains_equal(&Value::Array(wins_of_day(h, win)), win)?;
    same_text(input, win, &["text", "note", "personId"])?;
    prop_assert_eq!(&win["happenedOn"], &norm(&input["happenedOn"]));
    // Tags are matched to existing ones whatever their letter case, and kept once each.
    let mut want: Vec<String> = input["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| norm(t).as_str().map(str::to_lowercase))
        .collect();
    want.sort();
    want.dedup();
    let mut got: Vec<String> = serde_json::from_value::<Vec<String>>(win["tags"].clone())
        .map_err(|e| TestCaseError::fail(e.to_string()))?
        .iter()
        .map(|t| t.to_lowercase())
        .collect();
    got.sort();
    prop_assert_eq!(got, want, "tags");
    Ok(())
}

#[test]
fn proptest_add_win() {
    run(Spec {
        cmd: "add_win",
        args: args(vec![("win", win_input())]),
        check: |h, a, out| check_win(h, &a["win"], &out["win"]),
        ..Spec::default()
    });
}

#[test]
fn proptest_update_win() {
    run(Spec {
        cmd: "update_win",
        args: args(vec![("id", id()), ("win", win_input())]),
        check: |h, a, out| {
            prop_assert_eq!(&out["id"], &a["id"]);
            check_win(h, &a["win"], out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_delete_win() {
    run(Spec {
        cmd: "delete_win",
        args: args(vec![("id", id())]),
        before: Some(|h, n| {
            if n % 3 == 0 {
                h.sql("UPDATE wins SET deleted_at = NULL;");
            }
        }),
        check: |h, a, _| {
            let all = h.ok(
                "list_wins",
                json!({"filter": {"personId": null, "tag": null,
                "from": null, "to": null, "search": null}, "after": null}),
            );
            absent(&all["wins"], &a["id"])
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_restore_win() {
    run(Spec {
        cmd: "restore_win",
        args: args(vec![("id", id())]),
        before: Some(|h, n| {
            if n % 3 == 0 {
                h.sql("UPDATE wins SET deleted_at = '2026-01-01T00:00:00Z' WHERE id % 2 = 0;");
            }
        }),
        check: |h, _, out| contains_equal(&Value::Array(wins_of_day(h, out)), out),
        ..Spec::default()
    });
}

#[test]
fn proptest_add_tag() {
    run(Spec {
        cmd: "add_tag",
        args: args(vec![("name", text())]),
        check: |h, a, out| {
            contains_equal(&h.ok("list_tags", json!({})), out)?;
            same_text(a, out, &["name"])
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_rename_tag() {
    run(Spec {
        cmd: "rename_tag",
        args: args(vec![("id", id()), ("name", text())]),
        check: |h, a, out| {
            contains_equal(&h.ok("list_tags", json!({})), out)?;
            prop_assert_eq!(&out["id"], &a["id"]);
            same_text(a, out, &["name"])
        },
        ..Spec::default()
    });
}

// ---------------------------------------------------------------- crisis readiness

fn crisis_plan(h: &Harness, person: &Value) -> Value {
    h.ok(
        "get_crisis_plan",
        json!({"personId": person, "region": "US"}),
    )
}

#[test]
fn proptest_save_safety_plan() {
    let steps = obj(vec![
        ("warningSigns", list(mostly_plain(), 25)),
        ("coping", list(mostly_plain(), 25)),
        ("distractions", list(mostly_plain(), 3)),
        ("helpers", list(mostly_plain(), 3)),
        ("professionals", list(mostly_plain(), 3)),
        ("saferEnvironment", list(mostly_plain(), 3)),
    ]);
    run(Spec {
        cmd: "save_safety_plan",
        args: args(vec![(
            "plan",
            obj(vec![
                ("personId", id()),
                ("steps", steps),
                ("madeTogether", boolean()),
            ]),
        )]),
        check: |h, a, out| {
            let plan = crisis_plan(h, &a["plan"]["personId"]);
            prop_assert_eq!(&plan["plan"], &out["plan"]);
            for k in [
                "warningSigns",
                "coping",
                "distractions",
                "helpers",
                "professionals",
                "saferEnvironment",
            ] {
                let items = &a["plan"]["steps"][k];
                let want: Vec<Value> = items
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(norm)
                    .filter(|v| !v.is_null())
                    .collect();
                prop_assert_eq!(&out["plan"]["steps"][k], &Value::Array(want), "step {}", k);
            }
            Ok(())
        },
        ..Spec::default()
    });
}

fn sign_input() -> BoxedStrategy<Value> {
    obj(vec![
        ("personId", id()),
        ("sign", text()),
        ("action", opt(text())),
        ("contact", opt(text())),
    ])
}

fn check_sign(h: &Harness, out: &Value) -> Result<(), TestCaseError> {
    contains_equal(&crisis_plan(h, &out["personId"])["signs"], out)
}

#[test]
fn proptest_add_warning_sign() {
    run(Spec {
        cmd: "add_warning_sign",
        args: args(vec![("sign", sign_input())]),
        check: |h, a, out| {
            same_text(&a["sign"], out, &["personId", "sign", "action", "contact"])?;
            check_sign(h, out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_update_warning_sign() {
    run(Spec {
        cmd: "update_warning_sign",
        args: args(vec![("id", id()), ("sign", sign_input())]),
        check: |h, a, out| {
            prop_assert_eq!(&out["id"], &a["id"]);
            same_text(&a["sign"], out, &["sign", "action", "contact"])?;
            check_sign(h, out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_remove_warning_sign() {
    run(Spec {
        cmd: "remove_warning_sign",
        args: args(vec![("id", id())]),
        before: Some(|h, n| {
            if n % 3 == 0 {
                h.sql("UPDATE warning_signs SET removed_at = NULL;");
            }
        }),
        check: |h, a, _| {
            for person in [1, 2, 3] {
                absent(&crisis_plan(h, &json!(person))["signs"], &a["id"])?;
            }
            Ok(())
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_restore_warning_sign() {
    run(Spec {
        cmd: "restore_warning_sign",
        args: args(vec![("id", id())]),
        before: Some(|h, n| {
            if n % 3 == 0 {
                h.sql("UPDATE warning_signs SET removed_at = '2026-01-01T00:00:00Z';");
            }
        }),
        check: |h, _, out| check_sign(h, out),
        ..Spec::default()
    });
}

#[test]
fn proptest_record_signs_noticed() {
    run(Spec {
        cmd: "record_signs_noticed",
        args: args(vec![(
            "noticed",
            obj(vec![
                ("personId", id()),
                ("noticedOn", day()),
                ("signIds", list(id(), 12)),
                ("note", opt(text())),
            ]),
        )]),
        check: |h, a, out| {
            same_text(&a["noticed"], out, &["personId", "note", "noticedOn"])?;
            contains_equal(&crisis_plan(h, &out["personId"])["noticed"], out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_save_caregiver_card() {
    let contact = obj(vec![("name", text()), ("reach", opt(text()))]);
    run(Spec {
        cmd: "save_caregiver_card",
        args: args(vec![(
            "card",
            obj(vec![
                ("contacts", list(contact, 14)),
                ("whatHelps", opt(text())),
            ]),
        )]),
        check: |h, a, out| {
            prop_assert_eq!(&h.ok("get_caregiver_card", json!({})), out);
            same_text(&a["card"], out, &["whatHelps"])?;
            let want: Vec<Value> = a["card"]["contacts"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|c| !norm(&c["name"]).is_null())
                .map(|c| json!({"name": norm(&c["name"]), "reach": norm(&c["reach"])}))
                .collect();
            prop_assert_eq!(&out["contacts"], &Value::Array(want));
            Ok(())
        },
        ..Spec::default()
    });
}

// ---------------------------------------------------------------- strain

#[test]
fn proptest_save_daily_check() {
    run(Spec {
        cmd: "save_daily_check",
        args: args(vec![(
            "check",
            obj(vec![
                ("day", day()),
                ("strain", opt(number())),
                ("sleep", opt(word(&["poor", "okay", "good"]))),
                ("sleepHours", opt(float())),
                ("forMyself", opt(boolean())),
                ("note", opt(text())),
                ("replace", boolean()),
            ]),
        )]),
        check: |h, a, out| {
            let c = &a["check"];
            same_text(c, out, &["day", "note", "strain", "sleep", "forMyself"])?;
            let overview = h.ok("strain_overview", json!({}));
            if out["day"] == Value::String(values::today()) {
                prop_assert_eq!(&overview["today"], out);
            }
            let point = find(&overview["series"], "day", &out["day"]);
            if let Some(p) = point {
                prop_assert_eq!(&p["strain"], &out["strain"]);
            }
            Ok(())
        },
        ..Spec::default()
    });
}

/// A check's answers: mostly one of 0 to 3 per question, now and then one too few or too many,
/// unanswered, out of range or of another instrument.
fn self_check_input() -> BoxedStrategy<Value> {
    let answer = prop_oneof![8 => (0i64..4).prop_map(|n| json!(n)), 1 => opt(number())].boxed();
    proptest::sample::select(vec![
        ("phq4", 4usize),
        ("phq9", 9),
        ("gad7", 7),
        ("burnout", 10),
    ])
    .prop_flat_map(move |(inst, n)| {
        let len = prop_oneof![8 => Just(n), 1 => Just(n - 1), 1 => Just(n + 1)];
        let answers = len.prop_flat_map({
            let answer = answer.clone();
            move |len| proptest::collection::vec(answer.clone(), len).prop_map(Value::Array)
        });
        obj(vec![
            ("instrument", word(&[inst, "phq4"])),
            ("answers", answers.boxed()),
        ])
    })
    .boxed()
}

#[test]
fn proptest_take_self_check() {
    run(Spec {
        cmd: "take_self_check",
        args: args(vec![("check", self_check_input())]),
        check: |h, a, out| {
            prop_assert_eq!(&out["instrument"], &a["check"]["instrument"]);
            contains_equal(&h.ok("strain_overview", json!({}))["results"], out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_save_self_care_plan() {
    run(Spec {
        cmd: "save_self_care_plan",
        args: args(vec![(
            "plan",
            obj(vec![
                ("warningSigns", opt(text())),
                ("whatHelps", opt(text())),
                ("whoToAsk", opt(text())),
                ("whatToDrop", opt(text())),
            ]),
        )]),
        check: |h, a, out| {
            prop_assert_eq!(&h.ok("strain_overview", json!({}))["plan"], out);
            same_text(
                &a["plan"],
                out,
                &["warningSigns", "whatHelps", "whoToAsk", "whatToDrop"],
            )
        },
        ..Spec::default()
    });
}

// ---------------------------------------------------------------- practice tools

fn log(h: &Harness) -> Value {
    h.ok("practice_log", json!({}))
}

#[test]
fn proptest_add_listening_moment() {
    run(Spec {
        cmd: "add_listening_moment",
        args: args(vec![(
            "moment",
            obj(vec![
                ("personId", id()),
                ("happenedOn", day()),
                ("shared", opt(text())),
                ("listened", opt(word(&["yes", "partly", "no"]))),
                ("learned", opt(text())),
                ("felt", opt(text())),
            ]),
        )]),
        check: |h, a, out| {
            same_text(
                &a["moment"],
                out,
                &["personId", "happenedOn", "shared", "learned", "felt"],
            )?;
            contains_equal(&log(h)["moments"], out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_add_checkin() {
    run(Spec {
        cmd: "add_checkin",
        args: args(vec![(
            "checkin",
            obj(vec![
                ("personId", id()),
                ("happenedOn", day()),
                ("how", opt(word(&["message", "call", "in_person", "other"]))),
                ("went", opt(number())),
                ("note", opt(text())),
            ]),
        )]),
        check: |h, a, out| {
            same_text(
                &a["checkin"],
                out,
                &["personId", "happenedOn", "went", "note"],
            )?;
            contains_equal(&log(h)["checkins"], out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_save_starter() {
    run(Spec {
        cmd: "save_starter",
        args: args(vec![("id", opt(id())), ("text", text())]),
        check: |h, a, out| {
            same_text(a, out, &["text"])?;
            if !a["id"].is_null() {
                prop_assert_eq!(&out["id"], &a["id"]);
            }
            contains_equal(&log(h)["starters"], out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_save_appointment() {
    run(Spec {
        cmd: "save_appointment",
        args: args(vec![
            ("id", opt(id())),
            (
                "appointment",
                obj(vec![
                    ("personId", id()),
                    ("startsAt", minute()),
                    ("withWhom", text()),
                    ("place", opt(text())),
                    ("givingRide", boolean()),
                    ("questions", list(text(), 25)),
                    ("notesAfter", opt(text())),
                ]),
            ),
        ]),
        check: |h, a, out| {
            let i = &a["appointment"];
            same_text(i, out, &["personId", "withWhom", "place", "notesAfter"])?;
            let want: Vec<Value> = i["questions"]
                .as_array()
                .into_iter()
                .flatten()
                .map(norm)
                .filter(|v| !v.is_null())
                .collect();
            prop_assert_eq!(&out["questions"], &Value::Array(want));
            let starts = norm(&i["startsAt"]);
            prop_assert_eq!(
                out["startsAt"].as_str(),
                starts.as_str().and_then(|s| s.get(..16))
            );
            if !a["id"].is_null() {
                prop_assert_eq!(&out["id"], &a["id"]);
            }
            contains_equal(&log(h)["appointments"], out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_save_care_contact() {
    run(Spec {
        cmd: "save_care_contact",
        args: args(vec![
            ("id", opt(id())),
            (
                "contact",
                obj(vec![
                    ("personId", opt(id())),
                    ("name", text()),
                    ("kind", word(&["clinician", "service", "pharmacy", "other"])),
                    ("phone", opt(text())),
                    ("note", opt(text())),
                ]),
            ),
        ]),
        check: |h, a, out| {
            same_text(
                &a["contact"],
                out,
                &["personId", "name", "kind", "phone", "note"],
            )?;
            if !a["id"].is_null() {
                prop_assert_eq!(&out["id"], &a["id"]);
            }
            contains_equal(&log(h)["contacts"], out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_add_boundary() {
    run(Spec {
        cmd: "add_boundary",
        args: args(vec![(
            "boundary",
            obj(vec![
                ("personId", id()),
                ("whose", word(&["theirs", "mine"])),
                ("text", text()),
            ]),
        )]),
        check: |h, a, out| {
            same_text(&a["boundary"], out, &["personId", "whose", "text"])?;
            contains_equal(&log(h)["boundaries"], out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_give_space() {
    run(Spec {
        cmd: "give_space",
        args: args(vec![(
            "space",
            obj(vec![
                ("personId", id()),
                ("until", day()),
                ("note", opt(text())),
            ]),
        )]),
        check: |h, a, out| {
            same_text(&a["space"], out, &["personId", "until", "note"])?;
            let spaces = log(h)["spaces"].clone();
            prop_assert_eq!(find(&spaces, "personId", &out["personId"]), Some(out));
            Ok(())
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_end_give_space() {
    run(Spec {
        cmd: "end_give_space",
        args: args(vec![("personId", id())]),
        before: Some(|h, n| {
            if n % 3 == 0 {
                h.give_space_to_everyone();
            }
        }),
        check: |h, a, _| {
            let spaces = log(h)["spaces"].clone();
            prop_assert!(find(&spaces, "personId", &a["personId"]).is_none());
            Ok(())
        },
        ..Spec::default()
    });
}

const KINDS: &[(&str, &str)] = &[
    ("listening_moment", "moments"),
    ("checkin", "checkins"),
    ("starter", "starters"),
    ("appointment", "appointments"),
    ("care_contact", "contacts"),
    ("boundary", "boundaries"),
];

fn kind_list(a: &Value) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _)| a["kind"] == *k)
        .map(|(_, l)| *l)
        .unwrap_or("none")
}

fn entry_kind() -> BoxedStrategy<Value> {
    word(&KINDS.iter().map(|(k, _)| *k).collect::<Vec<_>>())
}

#[test]
fn proptest_remove_entry() {
    run(Spec {
        cmd: "remove_entry",
        args: args(vec![("kind", entry_kind()), ("id", id())]),
        before: Some(|h, n| {
            if n % 3 == 0 {
                h.restore_all_entries();
            }
        }),
        check: |h, a, out| {
            prop_assert!(out.is_null());
            absent(&log(h)[kind_list(a)], &a["id"])
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_restore_entry() {
    run(Spec {
        cmd: "restore_entry",
        args: args(vec![("kind", entry_kind()), ("id", id())]),
        before: Some(|h, n| {
            if n % 3 == 0 {
                h.remove_all_entries();
            }
        }),
        check: |h, a, out| {
            prop_assert!(out.is_null());
            let list = log(h)[kind_list(a)].clone();
            prop_assert!(find(&list, "id", &a["id"]).is_some(), "not back: {}", a);
            Ok(())
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_mark_suggestion() {
    run(Spec {
        cmd: "mark_suggestion",
        args: args(vec![
            ("key", suggestion_key()),
            ("state", opt(word(&["done", "not_today"]))),
        ]),
        check: |h, a, out| {
            prop_assert!(out.is_null());
            let plan = h.ok("today_plan", json!({}));
            let key = a["key"].as_str().map(str::trim).unwrap_or_default();
            let shown = find(&plan["suggestions"], "key", &json!(key));
            let mark: Option<String> =
                h.query_opt("SELECT state FROM suggestion_marks WHERE key = ?1", key);
            match a["state"].as_str() {
                Some("done") => {
                    prop_assert_eq!(mark.as_deref(), Some("done"));
                    if let Some(s) = shown {
                        prop_assert_eq!(&s["done"], &json!(true));
                    }
                }
                Some(s) => {
                    prop_assert_eq!(mark.as_deref(), Some(s));
                    prop_assert!(shown.is_none(), "still suggested: {}", key);
                }
                None => {
                    prop_assert_eq!(mark, None);
                    if let Some(s) = shown {
                        prop_assert_eq!(&s["done"], &json!(false));
                    }
                }
            }
            Ok(())
        },
        ..Spec::default()
    });
}

// ---------------------------------------------------------------- reminders

#[test]
fn proptest_save_reminder() {
    let schedule = obj(vec![
        ("startDate", day()),
        ("time", clock()),
        ("repeat", repeat()),
        (
            "endDate",
            prop_oneof![2 => Just(Value::Null), 1 => day()].boxed(),
        ),
        (
            "timeZone",
            word(&[
                "Europe/London",
                "America/New_York",
                "UTC",
                "Mars/Olympus",
                "",
            ]),
        ),
    ]);
    run(Spec {
        cmd: "save_reminder",
        args: args(vec![
            ("id", opt(id())),
            (
                "reminder",
                obj(vec![
                    ("title", mostly_plain()),
                    ("message", opt(mostly_plain())),
                    (
                        "purpose",
                        word(&[
                            "check_in",
                            "appointment",
                            "self_care",
                            "self_check",
                            "custom",
                        ]),
                    ),
                    ("personId", opt(id())),
                    ("schedule", schedule),
                ]),
            ),
        ]),
        check: |h, a, out| {
            same_text(
                &a["reminder"],
                out,
                &["title", "message", "purpose", "personId"],
            )?;
            if !a["id"].is_null() {
                prop_assert_eq!(&out["id"], &a["id"]);
            }
            contains_equal(&h.ok("list_reminders", json!({})), out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_remove_reminder() {
    run(Spec {
        cmd: "remove_reminder",
        args: args(vec![("id", id())]),
        before: Some(|h, n| {
            if n % 3 == 0 {
                h.sql("UPDATE reminders SET removed_at = NULL;");
            }
        }),
        check: |h, a, _| absent(&h.ok("list_reminders", json!({})), &a["id"]),
        ..Spec::default()
    });
}

#[test]
fn proptest_restore_reminder() {
    run(Spec {
        cmd: "restore_reminder",
        args: args(vec![("id", id())]),
        before: Some(|h, n| {
            if n % 3 == 0 {
                h.sql("UPDATE reminders SET removed_at = '2026-01-01T00:00:00Z';");
            }
        }),
        check: |h, _, out| contains_equal(&h.ok("list_reminders", json!({})), out),
        ..Spec::default()
    });
}

#[test]
fn proptest_resolve_due() {
    let done = obj(vec![
        ("action", Just(json!("done")).boxed()),
        ("went", opt(number())),
        ("note", opt(text())),
        ("how", opt(word(&["message", "call", "in_person", "other"]))),
    ]);
    let snooze = obj(vec![
        ("action", Just(json!("snooze")).boxed()),
        (
            "for",
            opt(word(&["ten_minutes", "one_hour", "tomorrow_morning"])),
        ),
        ("until", opt(minute())),
    ]);
    let skip = obj(vec![("action", word(&["skip", "later"]))]);
    run(Spec {
        cmd: "resolve_due",
        args: args(vec![
            ("id", id()),
            ("action", prop_oneof![done, snooze, skip].boxed()),
        ]),
        before: Some(|h, _| h.keep_due_items()),
        check: |h, a, out| {
            prop_assert!(out.is_null());
            let due = h.ok("due_now", json!({}));
            match a["action"]["action"].as_str() {
                Some("snooze") => {
                    let item = find(&due, "id", &a["id"]);
                    prop_assert_eq!(item.map(|i| i["state"].clone()), Some(json!("snoozed")));
                }
                _ => absent(&due, &a["id"])?,
            }
            Ok(())
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_save_reminder_settings() {
    run(Spec {
        cmd: "save_reminder_settings",
        args: args(vec![(
            "settings",
            obj(vec![
                ("quietStart", opt(clock())),
                ("quietEnd", opt(clock())),
                ("showDetails", boolean()),
                ("pausedUntil", opt(text())),
            ]),
        )]),
        check: |h, a, out| {
            prop_assert_eq!(&h.ok("get_reminder_settings", json!({})), out);
            same_text(&a["settings"], out, &["showDetails"])?;
            for k in ["quietStart", "quietEnd"] {
                // Written back as HH:MM.
                let want = norm(&a["settings"][k]).as_str().map(|t| {
                    chrono::NaiveTime::parse_from_str(t, "%H:%M")
                        .map(|t| t.format("%H:%M").to_string())
                        .unwrap_or_default()
                });
                prop_assert_eq!(out[k].as_str().map(str::to_owned), want, "{}", k);
            }
            Ok(())
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_pause_reminders() {
    run(Spec {
        cmd: "pause_reminders",
        args: args(vec![("minutes", opt(number()))]),
        check: |h, a, out| {
            let settings = h.ok("get_reminder_settings", json!({}));
            prop_assert_eq!(&settings, out);
            prop_assert_eq!(a["minutes"].is_null(), out["pausedUntil"].is_null());
            Ok(())
        },
        ..Spec::default()
    });
}

// ---------------------------------------------------------------- moving everything

/// A file text: words, a JSON value of another kind, words dressed as a protected file (refused
/// before any passphrase is tried), or a well-formed export (empty, or with a person whose name
/// is too long).
fn export_text() -> BoxedStrategy<Value> {
    let tables = |people: Value| {
        let mut t: serde_json::Map<String, Value> = alongside_core::transfer::TABLES
            .iter()
            .map(|t| (t.name.to_owned(), json!([])))
            .collect();
        t.insert("people".into(), people);
        json!({"format": "alongside-everything", "schema": 1,
               "exported_at": "2026-12-03T10:00:00Z", "tables": t})
        .to_string()
    };
    let empty = tables(json!([]));
    let long = tables(
        json!([{"id": 1, "name": "x".repeat(81), "relationship": "child",
                               "created_at": "2026-12-03T10:00:00Z", "removed_at": null}]),
    );
    prop_oneof![
        2 => text(),
        1 => wrong().prop_map(|v| Value::String(v.to_string())),
        1 => proptest::sample::select(vec![json!(empty), json!(long)]),
        1 => text().prop_map(|t| Value::String(format!(
            "{}\n{}\n-----END AGE ENCRYPTED FILE-----\n",
            alongside_core::transfer::protect::ARMOR_BEGIN,
            t.as_str().unwrap_or_default()
        ))),
        1 => wrong(),
    ]
    .boxed()
}

/// The harness's database has no folder, so no safety copy can be made: an import over records
/// is refused and must change nothing. Every other case starts from an empty Alongside (as on
/// a new computer), where a well-formed file is accepted. Erase is not driven here: it needs a
/// data folder to remove files from (see the `alongside_core::transfer` tests).
#[test]
fn proptest_import_everything() {
    run(Spec {
        cmd: "import_everything",
        args: args(vec![
            ("text", export_text()),
            ("passphrase", opt(text())),
            ("replaceExisting", boolean()),
        ]),
        before: Some(|h, n| {
            if n % 2 == 0 {
                let mut sql: String = alongside_core::transfer::TABLES
                    .iter()
                    .rev()
                    .map(|t| format!("DELETE FROM {};", t.name))
                    .collect();
                sql.push_str(
                    "INSERT INTO tags (name, created_at) VALUES ('self-care', '2026-11-22T00:00:00Z'), \
                     ('social', '2026-11-22T00:00:00Z'), ('treatment', '2026-11-22T00:00:00Z'), \
                     ('daily living', '2026-11-22T00:00:00Z'), ('work or school', '2026-11-22T00:00:00Z'), \
                     ('creative', '2026-11-22T00:00:00Z'); \
                     INSERT INTO reminder_settings (id, quiet_start, quiet_end, show_details) \
                     VALUES (1, '22:00', '07:00', 0);",
                );
                h.sql(&sql);
            }
        }),
        check: |h, _, out| {
            prop_assert_eq!(&h.ok("data_summary", json!({}))["counts"], &out["counts"]);
            Ok(())
        },
        ..Spec::default()
    });
}

/// The refusal check itself: a changed row is noticed, however it was made.
#[test]
fn a_changed_row_is_noticed() {
    let h = Harness::new(false);
    let before = h.snapshot_cached();
    assert!(h.unchanged_since(&before));
    h.sql("UPDATE profile SET region = 'GB';");
    assert!(!h.unchanged_since(&before));
}

// ---------------------------------------------------------------- backups
// `back_up_now` and `restore_backup` write files and swap the database file, which this
// in-memory harness has not got; the core's store tests and the backups E2E cover them.

#[test]
fn proptest_set_backup_folder() {
    let folder = prop_oneof![
        3 => text(),
        2 => prop_oneof![
            Just("/tmp"), Just(" /tmp "), Just("/"), Just("/no/such/folder"),
            Just("relative/folder"), Just("")
        ]
        .prop_map(|s| Value::String(s.into())),
        1 => Just(Value::Null),
        1 => wrong(),
    ]
    .boxed();
    run(Spec {
        cmd: "set_backup_folder",
        args: args(vec![("folder", folder)]),
        check: |h, a, out| {
            prop_assert_eq!(&h.ok("backup_status", json!({})), out);
            let want = a["folder"]
                .as_str()
                .map(str::trim)
                .filter(|f| !f.is_empty());
            prop_assert_eq!(out["chosenFolder"].as_bool(), Some(want.is_some()));
            if let Some(f) = want {
                prop_assert_eq!(out["backupFolder"].as_str(), Some(f));
            }
            Ok(())
        },
        ..Spec::default()
    });
}

// ---------------------------------------------------------------- the care circle

#[test]
fn proptest_add_care_task() {
    run(Spec {
        cmd: "add_care_task",
        args: args(vec![(
            "task",
            obj(vec![
                ("personId", id()),
                ("what", text()),
                ("who", text()),
                ("onDay", opt(day())),
            ]),
        )]),
        check: |h, a, out| {
            same_text(&a["task"], out, &["what", "who"])?;
            prop_assert_eq!(&out["done"], &json!(false));
            let list = h.ok("care_tasks", json!({"personId": out["personId"]}));
            contains_equal(&list, out)
        },
        ..Spec::default()
    });
}

#[test]
fn proptest_create_care_circle() {
    run(Spec {
        cmd: "create_care_circle",
        args: args(vec![(
            "circle",
            obj(vec![
                ("personId", id()),
                ("yourName", text()),
                (
                    "shares",
                    list(
                        word(&[
                            "safety_plan",
                            "warning_signs",
                            "appointments",
                            "care_contacts",
                            "boundaries",
                            "checkins",
                            "wins",
                            "tasks",
                        ]),
                        10,
                    ),
                ),
            ]),
        )]),
        before: Some(|h, _| {
            // One circle a person: start each case with none, so acceptance can happen.
            h.sql("DELETE FROM care_circles; DELETE FROM shared_records; DELETE FROM care_dirty;");
        }),
        check: |h, a, out| {
            prop_assert_eq!(&out["personId"], &a["circle"]["personId"]);
            let circles = h.ok("care_circles", json!({}));
            contains_equal(&circles, out)?;
            let me = out["devices"][0].clone();
            prop_assert_eq!(&me["thisDevice"], &json!(true));
            prop_assert_eq!(&me["name"], &norm(&a["circle"]["yourName"]));
            Ok(())
        },
        ..Spec::default()
    });
}
