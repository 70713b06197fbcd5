//! End-to-end harness: launches the built Alongside binary through tauri-driver (WebKitWebDriver)
//! with its own data directory, and finds elements the way a screen reader does: by role and
//! accessible name (visible text, label or aria-label), never by CSS class.
//!
//! Run through `tests/run-all.sh`, which builds the app and provides Xvfb, a private D-Bus session
//! and tauri-driver. `ALONGSIDE_E2E_APP` names the binary to drive.

mod a11y;
mod data;
pub mod measure;
pub use a11y::{axe_violations, focus_problem, layout_problems, AXE_TAGS};
pub use data::{
    data_key, file_containing, hold_write_lock, recovery_code_in, wins_in_copy, write_plain_data,
    LockHolder,
};

use std::ffi::OsStr;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::process::{Child, Command};

pub const WAIT: Duration = Duration::from_secs(20);

/// The binary under test.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("ALONGSIDE_E2E_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/alongside"));
    assert!(
        path.exists(),
        "the built app is missing at {}: run the end-to-end tests with tests/run-all.sh",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// Every main screen: its label in the navigation and the heading it opens.
pub const SCREENS: [(&str, &str); 7] = [
    ("Learn", "Learn"),
    ("Wins", "Small wins"),
    ("Be ready", "Be ready"),
    ("For you", "Looking after you"),
    ("Reminders", "Reminders"),
    ("Settings", "Settings"),
    ("Today", "Today"),
];

/// One running Alongside window, driven through WebDriver.
pub struct App {
    pub client: Client,
    driver: Child,
}

impl App {
    /// Starts Alongside with `data_dir` as its data folder.
    pub async fn launch(data_dir: &Path) -> App {
        Self::launch_with(data_dir, &[]).await
    }

    /// Starts Alongside with its Downloads folder at `downloads` (through an XDG user-dirs file
    /// beside it), so exports land where the scenario can read them.
    pub async fn launch_with_downloads(data_dir: &Path, downloads: &Path) -> App {
        std::fs::create_dir_all(downloads).expect("downloads folder");
        let config = downloads.with_extension("config");
        std::fs::create_dir_all(&config).expect("config folder");
        std::fs::write(
            config.join("user-dirs.dirs"),
            format!("XDG_DOWNLOAD_DIR=\"{}\"\n", downloads.display()),
        )
        .expect("user-dirs.dirs");
        Self::launch_with(data_dir, &[("XDG_CONFIG_HOME", config.as_os_str())]).await
    }

    /// Starts Alongside as on a desktop set to dark: WebKitGTK takes `prefers-color-scheme`
    /// from the GTK theme.
    pub async fn launch_dark(data_dir: &Path) -> App {
        Self::launch_with(data_dir, &[("GTK_THEME", OsStr::new("Adwaita:dark"))]).await
    }

    /// Starts Alongside as on a system set to `locale` (e.g. `en_GB`, in UTF-8), whatever the
    /// environment running the tests says. The locale is built beside the data (glibc's
    /// `localedef`, from the `locales` package), since a test machine may have only C installed.
    /// `C` is the locale every system has, and is used as it is.
    pub async fn launch_in_locale(data_dir: &Path, locale: &str) -> App {
        if locale == "C" {
            let c = std::ffi::OsStr::new("C.UTF-8");
            return Self::launch_with(data_dir, &[("LANG", c), ("LC_ALL", c), ("LANGUAGE", c)])
                .await;
        }
        let dir = data_dir.join("locales");
        let name = format!("{locale}.UTF-8");
        std::fs::create_dir_all(&dir).expect("locales folder");
        let built = std::process::Command::new("localedef")
            .args(["-i", locale, "-f", "UTF-8"])
            .arg(dir.join(&name))
            .status()
            .expect("localedef (from the locales package) is installed");
        assert!(built.success(), "localedef could not build {name}");
        let l = std::ffi::OsStr::new(&name);
        Self::launch_with(
            data_dir,
            &[
                ("LOCPATH", dir.as_os_str()),
                ("LANG", l),
                ("LC_ALL", l),
                ("LANGUAGE", l),
            ],
        )
        .await
    }

    async fn launch_with(data_dir: &Path, env: &[(&str, &OsStr)]) -> App {
        let app = app_binary();
        let port = free_port();
        let native_port = free_port();
        let driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("ALONGSIDE_DATA_DIR", data_dir)
            // Closing the window quits, so a relaunch starts a fresh app (not one in the tray).
            .env("ALONGSIDE_CLOSE_QUITS", "1")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("tauri-driver is installed (cargo install tauri-driver --locked)");

        let caps: serde_json::Map<String, serde_json::Value> =
            serde_json::from_value(serde_json::json!({ "tauri:options": { "application": app } }))
                .expect("capabilities");
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            let mut builder =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
            builder.capabilities(caps.clone());
            match builder.connect(&url).await {
                Ok(c) => break c,
                Err(e) if started.elapsed() < WAIT => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(e) => panic!("could not start a WebDriver session for Alongside: {e}"),
            }
        };
        App { client, driver }
    }

    /// First-run onboarding the short way: a person with one condition, in a region.
    pub async fn onboard(&self, person: &str, condition: &str, region: &str) {
        self.heading("Welcome to Alongside").await;
        self.click("Continue").await;
        self.type_into("Their name or nickname", person).await;
        self.check(condition).await;
        self.click("Continue").await;
        self.choose("Your country or region", region).await;
        self.click("Start using Alongside").await;
        self.keep_recovery_code().await;
        self.heading("Today").await;
    }

    /// The recovery code screen after a first start: returns the code, then says it is kept.
    pub async fn keep_recovery_code(&self) -> String {
        self.heading("Write down your recovery code").await;
        let text = self.page_text().await;
        let code = recovery_code_in(&text).expect("a recovery code on the screen");
        self.check("I have written it down or printed it").await;
        self.click("Done").await;
        code
    }

    /// The process id of the driver that started this window (the app runs below it).
    pub fn driver_pid(&self) -> Option<u32> {
        self.driver.id()
    }

    /// Closes the window the way quitting does, and stops the driver.
    pub async fn quit(mut self) {
        let _ = tokio::time::timeout(WAIT, self.client.clone().close()).await;
        let _ = self.driver.kill().await;
        let _ = self.driver.wait().await;
    }

    /// Waits for the first element matching `xpath` (for checks no role or name expresses, such
    /// as which section comes first), as every other finder here waits.
    pub async fn first(&self, what: &str, xpath: &str) -> Element {
        self.wait_for(what, xpath).await
    }

    async fn wait_for(&self, what: &str, xpath: &str) -> Element {
        // Shown with --nocapture: the step a failing scenario was on.
        println!("e2e: looking for {what}");
        let xpath = &shown_only(xpath);
        let started = Instant::now();
        loop {
            match self.client.find(Locator::XPath(xpath)).await {
                Ok(e) => return e,
                Err(CmdError::Standard(_)) if started.elapsed() < WAIT => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => {
                    let text = self.page_text().await;
                    panic!("{what} did not appear within {WAIT:?}: {e}\n--- the window shows ---\n{text}")
                }
            }
        }
    }

    /// Every visible text on the page, for failure messages.
    pub async fn page_text(&self) -> String {
        match self.client.find(Locator::Css("body")).await {
            Ok(b) => b.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// A button whose accessible name (text or aria-label) is `name`.
    pub async fn button(&self, name: &str) -> Element {
        let n = lit(name);
        self.wait_for(
            &format!("button {name:?}"),
            &format!(
                "//*[(self::button or @role='button') and (normalize-space(.)={n} or @aria-label={n})]"
            ),
        )
        .await
    }

    /// Clicks the button whose name starts with `prefix` (for names that carry a date).
    pub async fn click_starting(&self, prefix: &str) {
        let p = lit(prefix);
        let b = self
            .wait_for(
                &format!("button starting {prefix:?}"),
                &format!(
                "//*[(self::button or @role='button') and starts-with(normalize-space(.), {p})]"
            ),
            )
            .await;
        self.into_view(&b).await;
        b.click().await.expect("click");
    }

    /// Clicks the button named `name`. A screen that re-renders between finding the button and
    /// clicking it (its data arriving) replaces the element: find it again, as a person would
    /// look again, a few times at most.
    pub async fn click(&self, name: &str) {
        for _ in 0..5 {
            let b = self.button(name).await;
            let arg = serde_json::to_value(&b).expect("element reference");
            let scrolled = self
                .client
                .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
                .await;
            match scrolled {
                Err(e) if e.is_stale_element_reference() => {}
                other => {
                    other.expect("scroll into view");
                    match b.click().await {
                        Err(e) if e.is_stale_element_reference() => {}
                        other => return other.expect("click"),
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("button {name:?} kept being replaced while it was clicked");
    }

    /// Scrolls `e` to the middle of the window, clear of the sticky header. WebDriver's own
    /// scrolling aligns an element with the top edge, where the header would cover it.
    pub async fn into_view(&self, e: &Element) {
        let arg = serde_json::to_value(e).expect("element reference");
        self.client
            .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
            .await
            .expect("scroll into view");
    }

    /// Whether the window's colours follow a dark desktop setting right now.
    pub async fn prefers_dark(&self) -> bool {
        self.client
            .execute(
                "return matchMedia('(prefers-color-scheme: dark)').matches;",
                vec![],
            )
            .await
            .expect("ask for the colour scheme")
            == serde_json::Value::Bool(true)
    }

    /// A heading (h1–h4) whose text is `text`.
    pub async fn heading(&self, text: &str) -> Element {
        let t = lit(text);
        self.wait_for(
            &format!("heading {text:?}"),
            &format!("//*[self::h1 or self::h2 or self::h3 or self::h4][normalize-space(.)={t}]"),
        )
        .await
    }

    /// The form control labelled `label` (label[for] or aria-label).
    pub async fn field(&self, label: &str) -> Element {
        let l = lit(label);
        self.wait_for(
            &format!("field labelled {label:?}"),
            &format!(
                "//*[(self::input or self::select or self::textarea) and (@id=//label[normalize-space(.)={l}]/@for or @aria-label={l})]"
            ),
        )
        .await
    }

    /// Types into the field labelled `label` inside the group named `group` (a page may have
    /// the same field in two forms).
    pub async fn type_into_in_group(&self, group: &str, label: &str, text: &str) {
        let (g, l) = (lit(group), lit(label));
        let f = self
            .wait_for(
                &format!("field labelled {label:?} in {group:?}"),
                &format!(
                    "//*[@role='group' and @aria-labelledby=//*[normalize-space(.)={g}]/@id]//*[(self::input or self::select or self::textarea) and @id=//label[normalize-space(.)={l}]/@for]"
                ),
            )
            .await;
        self.into_view(&f).await;
        f.clear().await.expect("clear");
        f.send_keys(text).await.expect("type");
    }

    pub async fn type_into(&self, label: &str, text: &str) {
        let f = self.field(label).await;
        self.into_view(&f).await;
        f.clear().await.expect("clear");
        // WebDriver refuses empty text, and clearing alone fires no input event: to leave a
        // field blank, type a space and delete it, as a person would.
        let keys = if text.is_empty() {
            format!(" {}", char::from(fantoccini::key::Key::Backspace))
        } else {
            text.to_owned()
        };
        f.send_keys(&keys).await.expect("type");
    }

    /// Sets a date or time field the way its picker would, then tells the page it changed.
    /// WebKitGTK's date fields do not take typed keys the same way on every version.
    /// A screen whose data arrives between finding the field and setting it replaces the field:
    /// find it again, a few times at most.
    pub async fn set_value(&self, label: &str, value: &str) {
        for _ in 0..5 {
            let f = self.field(label).await;
            let arg = serde_json::to_value(&f).expect("element reference");
            match self
                .client
                .execute(
                    "const [e, v] = arguments; e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true }));",
                    vec![arg, serde_json::Value::String(value.to_owned())],
                )
                .await
            {
                Err(e) if e.is_stale_element_reference() => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                other => {
                    other.expect("set value");
                    return;
                }
            }
        }
        panic!("the field {label:?} kept being replaced");
    }

    pub async fn choose(&self, label: &str, option: &str) {
        self.field(label)
            .await
            .select_by_label(option)
            .await
            .unwrap_or_else(|e| panic!("choose {option:?} in {label:?}: {e}"));
    }

    /// Ticks the checkbox whose label reads `label`.
    pub async fn check(&self, label: &str) {
        let l = lit(label);
        self.wait_for(
            &format!("checkbox {label:?}"),
            &format!("//label[normalize-space(.)={l}]//input[@type='checkbox']"),
        )
        .await
        .click()
        .await
        .expect("check");
    }

    /// Picks the radio button whose label reads `label` (by clicking the label, as people do).
    pub async fn pick(&self, label: &str) {
        let l = lit(label);
        let e = self
            .wait_for(
                &format!("radio {label:?}"),
                &format!("//label[normalize-space(.)={l}][.//input[@type='radio']]"),
            )
            .await;
        self.into_view(&e).await;
        e.click().await.expect("pick");
    }

    /// Picks `choice` in the group of radio buttons whose legend is `question`.
    pub async fn answer(&self, question: &str, choice: &str) {
        let (q, c) = (lit(question), lit(choice));
        let e = self
            .wait_for(
                &format!("{choice:?} for {question:?}"),
                &format!(
                    "//fieldset[legend[normalize-space(.)={q}]]//label[normalize-space(.)={c}][.//input[@type='radio']]"
                ),
            )
            .await;
        self.into_view(&e).await;
        e.click().await.expect("answer");
    }

    /// An element of role dialog named by its heading.
    pub async fn dialog(&self, title: &str) -> Element {
        let t = lit(title);
        self.wait_for(
            &format!("dialog {title:?}"),
            &format!("//*[@role='dialog' and @aria-labelledby=//*[normalize-space(.)={t}]/@id]"),
        )
        .await
    }

    /// Waits until `text` appears inside the dialog titled `title`.
    pub async fn dialog_shows(&self, title: &str, text: &str) -> Element {
        let (t, x) = (lit(title), lit(text));
        self.wait_for(
            &format!("{text:?} in dialog {title:?}"),
            &format!(
                "//*[@role='dialog' and @aria-labelledby=//*[normalize-space(.)={t}]/@id]//*[contains(normalize-space(.), {x})]"
            ),
        )
        .await
    }

    /// Waits until `text` appears anywhere in the window.
    pub async fn sees(&self, text: &str) -> Element {
        let t = lit(text);
        self.wait_for(
            &format!("text {text:?}"),
            &format!("//body//*[not(self::script)][contains(normalize-space(.), {t})][not(*[contains(normalize-space(.), {t})])]"),
        )
        .await
    }

    /// Waits until no element shows `text` any more.
    pub async fn no_longer_sees(&self, text: &str) {
        let t = lit(text);
        let xpath = shown_only(&format!(
            "//body//*[contains(normalize-space(text()), {t})]"
        ));
        let started = Instant::now();
        loop {
            let n = self
                .client
                .find_all(Locator::XPath(&xpath))
                .await
                .map(|v| v.len())
                .unwrap_or(1);
            if n == 0 {
                return;
            }
            assert!(
                started.elapsed() < WAIT,
                "{text:?} is still shown after {WAIT:?}\n--- the window shows ---\n{}",
                self.page_text().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// An element with role alert containing `text`.
    pub async fn alert(&self, text: &str) -> Element {
        let t = lit(text);
        self.wait_for(
            &format!("alert containing {text:?}"),
            &format!("//*[@role='alert'][contains(normalize-space(.), {t})]"),
        )
        .await
    }

    /// True if no dialog is open.
    pub async fn no_dialog(&self) -> bool {
        let started = Instant::now();
        loop {
            let open = self
                .client
                .find_all(Locator::XPath(&shown_only("//*[@role='dialog']")))
                .await
                .map(|v| !v.is_empty())
                .unwrap_or(true);
            if !open {
                return true;
            }
            if started.elapsed() > WAIT {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Presses a key with modifiers, as a person would on the keyboard.
    pub async fn press(&self, modifiers: &[Key], key: char) {
        let mut actions = KeyActions::new("keyboard".into());
        for m in modifiers {
            actions = actions.then(KeyAction::Down {
                value: char::from(*m),
            });
        }
        actions = actions
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        for m in modifiers.iter().rev() {
            actions = actions.then(KeyAction::Up {
                value: char::from(*m),
            });
        }
        self.client
            .perform_actions(actions)
            .await
            .expect("key press");
        self.client.release_actions().await.expect("release keys");
    }

    pub async fn press_key(&self, key: Key) {
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down {
                value: char::from(key),
            })
            .then(KeyAction::Up {
                value: char::from(key),
            });
        self.client
            .perform_actions(actions)
            .await
            .expect("key press");
    }
}

/// A local day `days` from today (negative: before), YYYY-MM-DD, as the date fields take it.
pub fn day_from_now(days: i64) -> String {
    let out = std::process::Command::new("date")
        .args(["-d", &format!("{days} days"), "+%Y-%m-%d"])
        .output()
        .expect("date");
    String::from_utf8(out.stdout)
        .expect("utf8")
        .trim()
        .to_owned()
}

/// The files in `folder` whose name ends with `.ext`, by name.
pub fn files_ending(folder: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the folder can be read")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    found.sort();
    found
}

/// Only what `xpath` finds outside anything hidden: the app keeps its main screens between
/// visits, hidden while another is shown, and a person sees only the shown one. (An XPath that
/// picks by position, as `(…)[1]`, must leave hidden screens out before it picks:
/// `(//main//h3[not(ancestor::*[@hidden])])[1]`.)
pub fn shown_only(xpath: &str) -> String {
    format!("({xpath})[not(ancestor-or-self::*[@hidden])]")
}

/// An XPath string literal for any text, including quotes and apostrophes.
pub fn lit(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

#[cfg(test)]
mod tests {
    use super::lit;

    #[test]
    fn xpath_literals_survive_quotes() {
        assert_eq!(lit("Today"), "'Today'");
        assert_eq!(lit("Don't"), "\"Don't\"");
        assert_eq!(lit(r#"a'b"c"#), r#"concat('a', "'", 'b"c')"#);
    }
}
