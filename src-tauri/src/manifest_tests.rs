//! The command list is kept in step: the handler, the build manifest and the capability.

/// The handler in lib.rs, the list in build.rs and the capability must name the same commands.
#[test]
fn every_command_is_registered_and_allowed() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).expect(p);
    let lib = read("src/lib.rs");
    let handler = lib
        .split("generate_handler![")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .expect("handler list");
    let mut registered: Vec<String> = handler
        .split(',')
        .filter_map(|s| s.trim().rsplit("::").next().map(str::to_owned))
        .filter(|s| !s.is_empty())
        .collect();
    let build = read("build.rs");
    let list = build
        .split("COMMANDS: &[&str] = &[")
        .nth(1)
        .and_then(|s| s.split("];").next())
        .expect("COMMANDS list");
    let mut manifest: Vec<String> = list
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    registered.sort();
    manifest.sort();
    assert_eq!(
        registered, manifest,
        "lib.rs handler and build.rs COMMANDS differ"
    );

    let cap: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).expect("capability JSON");
    let mut allowed: Vec<String> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    allowed.sort();
    assert_eq!(
        allowed, manifest,
        "capabilities/main.json must allow exactly the app commands"
    );
    // Beyond Alongside's own commands, only hearing the scheduler's "something is due" event,
    // and the window's own zoom, which Ctrl + and Ctrl - ask for.
    let others: Vec<&str> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.starts_with("allow-"))
        .collect();
    assert_eq!(
        others,
        [
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "core:webview:allow-set-webview-zoom"
        ]
    );
}

/// Every registered command with its argument keys, as the IPC names them (camelCase), read
/// from the command files. The UI's tests check `ui/src/lib/api/index.ts` against this list.
fn command_list() -> std::collections::BTreeMap<String, Vec<String>> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = std::collections::BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(format!("{root}/src/commands"))
        .expect("commands folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("command file");
        for piece in text.split("#[tauri::command(async)]").skip(1) {
            // The first function after the attribute, async or not.
            let sig = ["pub fn ", "pub async fn "]
                .iter()
                .filter_map(|f| piece.find(f).map(|i| &piece[i + f.len()..]))
                .min_by_key(|rest| piece.len() - rest.len())
                .expect("a command function");
            let name: String = sig
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let params = sig
                .split_once('(')
                .and_then(|(_, s)| s.split_once(')'))
                .map(|(p, _)| p)
                .expect("parameters");
            let keys = params
                .split(',')
                .filter_map(|p| p.split_once(':'))
                .map(|(k, t)| (k.trim(), t.trim()))
                .filter(|(_, t)| t.starts_with("Arg<"))
                .map(|(k, _)| camel(k))
                .collect();
            out.insert(name, keys);
        }
    }
    out
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in snake.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

const COMMANDS_JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ui/src/lib/bindings/commands.json"
);

/// `ui/src/lib/bindings/commands.json` is committed; this fails when it is stale.
/// Regenerate: `UPDATE_BINDINGS=1 cargo test -p alongside manifest`.
#[test]
fn the_command_list_for_the_ui_is_current() {
    let list = command_list();
    let root = env!("CARGO_MANIFEST_DIR");
    let build = std::fs::read_to_string(format!("{root}/build.rs")).expect("build.rs");
    for name in list.keys() {
        assert!(
            build.contains(&format!("\"{name}\"")),
            "{name} is in a command file but not in build.rs"
        );
    }
    let mut fresh =
        serde_json::to_string_pretty(&serde_json::json!({ "commands": list })).expect("json");
    fresh.push('\n');
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(COMMANDS_JSON, &fresh).expect("write commands.json");
    }
    let committed = std::fs::read_to_string(COMMANDS_JSON).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings/commands.json is stale. Regenerate: UPDATE_BINDINGS=1 cargo test -p alongside manifest"
    );
    assert_eq!(
        list.len(),
        111,
        "every registered command is found in a command file"
    );
    assert_eq!(list["update_win"], ["id", "win"]);
    assert_eq!(list["end_give_space"], ["personId"]);
    assert!(list["list_people"].is_empty());
}
