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
    // Beyond Alongside's own commands, only hearing the scheduler's "something is due" event.
    let others: Vec<&str> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.starts_with("allow-"))
        .collect();
    assert_eq!(
        others,
        ["core:event:allow-listen", "core:event:allow-unlisten"]
    );
}
