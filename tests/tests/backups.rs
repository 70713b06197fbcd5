//! Backups in the real window: Back up now, add a win, restore that backup, and the win is
//! gone while a backup of the data as it was just before the restore is kept and listed.

use alongside_e2e::App;
use fantoccini::Locator;

const WIN: &str = "Made it to the appointment together";

fn backups_on_disk(data: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(data.join("backups"))
        .expect("backups folder beside the data")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("alongside-") && n.ends_with(".db"))
        })
        .collect();
    found.sort();
    found
}

async fn options(app: &App) -> usize {
    app.field("Backup to restore")
        .await
        .find_all(Locator::Css("option"))
        .await
        .expect("options")
        .len()
}

#[tokio::test(flavor = "multi_thread")]
async fn back_up_add_a_win_restore_and_the_state_before_is_kept() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.onboard("Sam", "Depression", "Australia").await;

    app.click("Settings").await;
    app.heading("Your data").await;
    app.click("Back up now").await;
    app.sees("Backed up.").await;
    let before = backups_on_disk(data.path());
    assert!(!before.is_empty());
    let listed = options(&app).await;
    assert_eq!(listed, before.len(), "every kept backup is listed");

    app.click("Add a win").await;
    app.dialog("Add a win").await;
    app.type_into("What happened?", WIN).await;
    app.click("Save this win").await;
    assert!(app.no_dialog().await);
    app.click("Wins").await;
    app.sees(WIN).await;

    // The newest backup (the one just made) is offered first.
    app.click("Settings").await;
    app.heading("Your data").await;
    app.click("Restore…").await;
    app.dialog_shows("Restore this backup?", "backed up first")
        .await;
    app.click("Keep my data as it is").await;
    assert!(app.no_dialog().await);
    assert_eq!(
        backups_on_disk(data.path()),
        before,
        "nothing happens without a yes"
    );

    app.click("Restore…").await;
    app.dialog("Restore this backup?").await;
    app.click("Restore").await;
    // The app loads again on the restored data.
    app.heading("Today").await;
    app.click("Wins").await;
    app.heading("Small wins").await;
    app.no_longer_sees(WIN).await;

    // A backup of the data as it was just before the restore: newest, and it holds the win.
    let after = backups_on_disk(data.path());
    assert_eq!(after.len(), before.len() + 1);
    let newest = after.last().expect("newest");
    let bytes = std::fs::read(newest).expect("read backup");
    assert!(
        !bytes.windows(WIN.len()).any(|w| w == WIN.as_bytes()),
        "the backup is encrypted: the win is not in its bytes"
    );
    assert!(
        alongside_e2e::wins_in_copy(data.path(), newest).contains(&WIN.to_owned()),
        "the backup made before the restore holds the win"
    );
    app.click("Settings").await;
    app.heading("Your data").await;
    assert_eq!(
        options(&app).await,
        listed + 1,
        "and it is listed to restore"
    );
    app.quit().await;
}
