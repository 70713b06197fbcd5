//! A minimal app on Tauri's mock runtime with the real command handler and a database with a
//! little of everything in it, and the loop that checks one command's properties.

use std::cell::Cell;
use std::time::Instant;

use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestCaseResult, TestRunner};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow};

use super::values::{today, today_date};
use crate::DbExt;

/// Cases per command: `ALONGSIDE_PROPTEST_CASES`, or 1,000.
pub fn cases() -> u32 {
    std::env::var("ALONGSIDE_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(1000)
}

type Check = fn(&Harness, &Value, &Value) -> TestCaseResult;

pub struct Spec {
    pub cmd: &'static str,
    pub args: BoxedStrategy<Value>,
    /// Given the arguments sent and what the command returned, reads the change back.
    pub check: Check,
    /// Run before each case (with its number), outside the snapshot: keeps something for the
    /// command to act on.
    pub before: Option<fn(&Harness, u32)>,
    /// Fill the database with records of every kind (otherwise only onboarding is done).
    pub seed: bool,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            cmd: "",
            args: Just(Value::Null).boxed(),
            check: |_, _, _| Ok(()),
            before: None,
            seed: true,
        }
    }
}

const CODES: &[&str] = &[
    "invalid_input",
    "not_found",
    "already_set_up",
    "data_busy",
    "database_too_new",
    "database_unavailable",
];

/// Words of serde's own messages, which must never reach the caregiver.
const RAW_WORDS: &[&str] = &[
    "invalid type",
    "invalid value",
    "expected",
    "missing field",
    "unknown variant",
    "unknown field",
    "sqlite",
];

fn check_refusal(e: &Value) -> TestCaseResult {
    let code = e["code"].as_str().unwrap_or_default();
    prop_assert!(
        CODES.contains(&code),
        "not a refusal the app words itself (a storage error means validation let it through): {}",
        e
    );
    let msg = e["message"].as_str().unwrap_or_default();
    prop_assert!(!msg.trim().is_empty(), "empty message: {}", e);
    let lower = msg.to_lowercase();
    for w in RAW_WORDS {
        prop_assert!(!lower.contains(w), "raw words {:?} in {}", w, e);
    }
    prop_assert!(e["field"].is_null() || e["field"].is_string(), "{}", e);
    Ok(())
}

/// Runs one command's property over `cases()` generated calls.
pub fn run(spec: Spec) {
    let h = Harness::new(spec.seed);
    let cases = cases();
    let mut runner = TestRunner::new(ProptestConfig {
        cases,
        failure_persistence: None,
        max_shrink_iters: 512,
        ..ProptestConfig::default()
    });
    let n = Cell::new(0u32);
    let (accepted, refused) = (Cell::new(0u32), Cell::new(0u32));
    // Why calls were refused, by field, to see that generators reach past the first check.
    let reasons = std::cell::RefCell::new(std::collections::BTreeMap::<String, u32>::new());
    let started = Instant::now();
    let result = runner.run(&spec.args, |args| {
        if let Some(before) = spec.before {
            before(&h, n.get());
        }
        n.set(n.get() + 1);
        let args = h.resolve(args);
        let snapshot = h.snapshot_cached();
        match h.call(spec.cmd, args.clone()) {
            Ok(out) => {
                accepted.set(accepted.get() + 1);
                (spec.check)(&h, &args, &out)
                    .map_err(|e| TestCaseError::fail(format!("accepted {args}: {e}")))?;
            }
            Err(e) => {
                refused.set(refused.get() + 1);
                let field = e["field"].as_str().unwrap_or("-");
                *reasons
                    .borrow_mut()
                    .entry(format!("{}/{field}", e["code"].as_str().unwrap_or("?")))
                    .or_default() += 1;
                check_refusal(&e)?;
                prop_assert!(
                    h.unchanged_since(&snapshot),
                    "refused ({}) but the data changed",
                    e
                );
            }
        }
        Ok(())
    });
    eprintln!(
        "{}: {} cases, {} accepted, {} refused {:?}, {:.1?}",
        spec.cmd,
        n.get(),
        accepted.get(),
        refused.get(),
        reasons.borrow(),
        started.elapsed()
    );
    if let Err(e) = result {
        panic!("{}: {e}", spec.cmd);
    }
    if cases >= 200 {
        // Both branches of the property must really have been exercised.
        assert!(accepted.get() > 0, "{}: no case was accepted", spec.cmd);
        assert!(refused.get() > 0, "{}: no case was refused", spec.cmd);
    }
}

pub struct Harness {
    // Declared before the app so it closes first.
    webview: WebviewWindow<MockRuntime>,
    app: tauri::App<MockRuntime>,
    due: Cell<u32>,
    /// The last snapshot, with SQLite's count of row changes when it was taken.
    last: std::cell::RefCell<Option<(u64, Vec<String>)>>,
}

impl Harness {
    pub fn new(seed: bool) -> Self {
        let app = mock_builder()
            .invoke_handler(crate::app_commands!())
            .build(mock_context(noop_assets()))
            .expect("mock app");
        let conn = alongside_core::db::open_in_memory().expect("schema");
        app.manage(alongside_core::db::Database::from_connection(conn));
        app.manage(alongside_core::learn::api::LearnIndex::default());
        app.manage(alongside_core::backup::api::Backups::default());
        // No scheduler thread: `replan()` does nothing without its handle.
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("mock window");
        let h = Harness {
            webview,
            app,
            due: Cell::new(0),
            last: Default::default(),
        };
        h.ok(
            "complete_onboarding",
            json!({"onboarding": {"caregiverName": "Jo", "region": "US",
                "person": {"name": "Sam", "relationship": "child", "conditions": ["depression"]}}}),
        );
        if seed {
            h.seed();
        }
        h
    }

    fn seed(&self) {
        let t = today();
        let day = |n: i64| {
            (today_date() - chrono::Duration::days(n))
                .format("%Y-%m-%d")
                .to_string()
        };
        for name in ["Alex", "Kim", "Lee"] {
            self.ok(
                "add_person",
                json!({"person": {"name": name, "relationship": "sibling", "conditions": []}}),
            );
        }
        for tag in ["calm", "Walks", "sleep"] {
            self.ok("add_tag", json!({"name": tag}));
        }
        for (p, n) in [(1, 0), (1, 3), (2, 10), (1, 40), (2, 0), (1, 0)] {
            self.ok(
                "add_win",
                json!({"win": {"personId": p, "text": "A small win", "happenedOn": day(n),
                    "tags": ["calm", "Walks"], "note": "line one\nline two"}}),
            );
        }
        self.ok(
            "save_safety_plan",
            json!({"plan": {"personId": 1, "madeTogether": true, "steps": {
                "warningSigns": ["Not sleeping"], "coping": ["Music"], "distractions": [],
                "helpers": ["Aunt May"], "professionals": ["Dr Lee"], "saferEnvironment": []}}}),
        );
        for p in [1, 1, 2, 3] {
            self.ok(
                "add_warning_sign",
                json!({"sign": {"personId": p, "sign": "Stops eating", "action": "Call", "contact": null}}),
            );
        }
        self.ok(
            "record_signs_noticed",
            json!({"noticed": {"personId": 1, "noticedOn": t, "signIds": [1], "note": null}}),
        );
        self.ok("practice_log", json!({}));
        for p in [1, 2, 3] {
            self.ok(
                "add_listening_moment",
                json!({"moment": {"personId": p, "happenedOn": day(1), "shared": "Work",
                    "listened": "yes", "learned": null, "felt": null}}),
            );
            self.ok(
                "add_checkin",
                json!({"checkin": {"personId": p, "happenedOn": day(20), "how": "call",
                    "went": 4, "note": null}}),
            );
            self.ok(
                "save_starter",
                json!({"id": null, "text": "How was your day?"}),
            );
            let tomorrow = (today_date() + chrono::Duration::days(1)).format("%Y-%m-%d");
            self.ok(
                "save_appointment",
                json!({"id": null, "appointment": {"personId": p, "startsAt": format!("{tomorrow}T10:00"),
                    "withWhom": "Dr Lee", "place": null, "givingRide": true,
                    "questions": ["Dose?"], "notesAfter": null}}),
            );
            self.ok(
                "save_care_contact",
                json!({"id": null, "contact": {"personId": p, "name": "Clinic", "kind": "clinician",
                    "phone": "555 0100", "note": null}}),
            );
            self.ok(
                "add_boundary",
                json!({"boundary": {"personId": p, "whose": "theirs", "text": "Knock first"}}),
            );
        }
        self.give_space_to_everyone();
        self.ok("end_give_space", json!({"personId": 1}));
        for (purpose, person) in [
            ("check_in", json!(1)),
            ("custom", Value::Null),
            ("self_care", Value::Null),
        ] {
            self.ok(
                "save_reminder",
                json!({"id": null, "reminder": {"title": "Call", "message": null, "purpose": purpose,
                    "personId": person, "schedule": {"startDate": t, "time": "09:00",
                    "repeat": {"kind": "daily"}, "endDate": null, "timeZone": "UTC"}}}),
            );
        }
        self.keep_due_items();
    }

    /// Calls a command through IPC as the webview would.
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: if cfg!(any(windows, target_os = "android")) {
                "http://tauri.localhost"
            } else {
                "tauri://localhost"
            }
            .parse()
            .expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: tauri::test::INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, request).map(|body| {
            body.deserialize::<Value>()
                .expect("a command's answer is JSON")
        })
    }

    /// A call that must succeed (setting up, reading back).
    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        match self.call(cmd, args.clone()) {
            Ok(v) => v,
            Err(e) => panic!("{cmd} {args} failed: {e}"),
        }
    }

    pub fn sql(&self, batch: &str) {
        self.app
            .db()
            .with(|c| Ok(c.execute_batch(batch)?))
            .expect("test SQL");
    }

    pub fn query_opt(&self, sql: &str, param: &str) -> Option<String> {
        self.app
            .db()
            .with(|c| {
                use rusqlite::OptionalExtension;
                Ok(c.query_row(sql, [param], |r| r.get(0)).optional()?)
            })
            .expect("test query")
    }

    /// Rows inserted, updated or deleted on the connection so far (triggers included).
    fn changes(&self) -> u64 {
        self.app
            .db()
            .with(|c| Ok(c.total_changes()))
            .expect("change count")
    }

    /// A snapshot with its change count, taken again only when a row has changed since the last.
    pub fn snapshot_cached(&self) -> (u64, Vec<String>) {
        let changes = self.changes();
        let mut last = self.last.borrow_mut();
        match last.as_ref() {
            Some((n, rows)) if *n == changes => (changes, rows.clone()),
            _ => {
                let rows = self.snapshot();
                *last = Some((changes, rows.clone()));
                (changes, rows)
            }
        }
    }

    /// Whether every table holds what it held at `before`. Without a single row change since
    /// then it does; otherwise every row is compared.
    pub fn unchanged_since(&self, before: &(u64, Vec<String>)) -> bool {
        self.changes() == before.0 || self.snapshot() == before.1
    }

    /// Every row of every table, each row written out in full, in a stable order.
    pub fn snapshot(&self) -> Vec<String> {
        self.app
            .db()
            .with(|c| {
                let tables: Vec<String> = c
                    .prepare(
                        "SELECT name FROM sqlite_master WHERE type = 'table'
                         AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                    )?
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                let mut out = Vec::new();
                for t in tables {
                    let mut stmt = c.prepare(&format!("SELECT * FROM \"{t}\""))?;
                    let n = stmt.column_count();
                    let mut rows: Vec<String> = stmt
                        .query_map([], |r| {
                            (0..n)
                                .map(|i| r.get::<_, rusqlite::types::Value>(i))
                                .collect::<rusqlite::Result<Vec<_>>>()
                                .map(|v| format!("{t}: {v:?}"))
                        })?
                        .collect::<rusqlite::Result<_>>()?;
                    rows.sort();
                    out.push(format!("{t} ({} rows)", rows.len()));
                    out.extend(rows);
                }
                Ok(out)
            })
            .expect("snapshot")
    }

    /// Replaces `@suggestion:N` in a `key` argument with today's Nth suggestion's key.
    pub fn resolve(&self, mut args: Value) -> Value {
        let Some(n) = args
            .get("key")
            .and_then(Value::as_str)
            .and_then(|k| k.strip_prefix("@suggestion:"))
            .and_then(|n| n.parse::<usize>().ok())
        else {
            return args;
        };
        let plan = self.ok("today_plan", json!({}));
        let keys: Vec<Value> = plan["suggestions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| s["key"].clone())
            .collect();
        args["key"] = keys.get(n).cloned().unwrap_or(json!("none today"));
        args
    }

    pub fn give_space_to_everyone(&self) {
        let until = (today_date() + chrono::Duration::days(3)).format("%Y-%m-%d");
        for p in [1, 2, 3] {
            self.ok(
                "give_space",
                json!({"space": {"personId": p, "until": until.to_string(), "note": null}}),
            );
        }
    }

    const ENTRY_TABLES: &'static [&'static str] = &[
        "listening_moments",
        "checkins",
        "starters",
        "appointments",
        "care_contacts",
        "boundaries",
    ];

    pub fn restore_all_entries(&self) {
        for t in Self::ENTRY_TABLES {
            self.sql(&format!("UPDATE {t} SET removed_at = NULL;"));
        }
    }

    pub fn remove_all_entries(&self) {
        for t in Self::ENTRY_TABLES {
            self.sql(&format!(
                "UPDATE {t} SET removed_at = '2026-01-01T00:00:00Z' WHERE removed_at IS NULL;"
            ));
        }
    }

    /// Keeps a few open due items (the scheduler is not running to make them).
    pub fn keep_due_items(&self) {
        let open = self.ok("due_now", json!({}));
        if open.as_array().map_or(0, Vec::len) >= 3 {
            return;
        }
        self.sql("UPDATE reminders SET removed_at = NULL;");
        for reminder in [1, 2, 3] {
            let k = self.due.get();
            self.due.set(k + 1);
            // A distinct past minute for each, so no two occurrences collide.
            let at = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH
                + chrono::Duration::days(20_000)
                + chrono::Duration::minutes(i64::from(k));
            self.sql(&format!(
                "INSERT INTO due_items (reminder_id, occurrence, due_at, state)
                 VALUES ({reminder}, '{}', '{}', 'due');",
                at.format("%Y-%m-%dT%H:%M"),
                at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ));
        }
    }
}
