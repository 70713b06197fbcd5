//! Accessibility checks run inside the real window: axe-core on what is shown, whether keyboard
//! focus can be seen, and whether anything is cut off or overlaps when the text is large.

use std::path::Path;
use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use crate::App;

/// The WCAG levels every screen is held to.
pub const AXE_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// axe-core as the UI's component tests pin it, read from disk.
fn axe_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing at {} ({e}): run `npm --prefix ui ci` first",
            path.display()
        )
    })
}

/// Loads axe into the page once (WebDriver runs the script itself, so the app's content
/// security policy stays as it is).
async fn inject_axe(app: &App) {
    let loaded = app
        .client
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .expect("ask for axe");
    if loaded == serde_json::Value::Bool(true) {
        return;
    }
    let script = format!("{}\n;return typeof window.axe === 'object';", axe_source());
    let loaded = app
        .client
        .execute(&script, vec![])
        .await
        .expect("inject axe");
    assert_eq!(
        loaded,
        serde_json::Value::Bool(true),
        "axe-core did not load in the window"
    );
}

/// Runs axe on the whole window and returns each violation as one line: where, rule, impact,
/// and the selectors of the elements that break it.
pub async fn axe_violations(app: &App, place: &str) -> Vec<String> {
    // Let the screen settle: data arriving and transitions ending.
    tokio::time::sleep(Duration::from_millis(300)).await;
    inject_axe(app).await;
    let tags = serde_json::to_value(AXE_TAGS).expect("tags");
    let result = app
        .client
        .execute_async(
            "const [tags, done] = arguments;
             axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
               .then(r => done(JSON.stringify({ passed: r.passes.length, violations: r.violations.map(v => ({
                 id: v.id, impact: v.impact, help: v.help,
                 targets: v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\\s+/g, ' ') : '')),
               })) })))
               .catch(e => done('axe failed: ' + e));",
            vec![tags],
        )
        .await
        .expect("run axe");
    let text = result.as_str().expect("axe answers with text");
    let answer: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|_| panic!("{place}: {text}"));
    // A run that checked nothing would pass anything.
    assert!(
        answer["passed"].as_u64().unwrap_or(0) > 0,
        "{place}: axe passed no rule at all: {text}"
    );
    let list = answer["violations"].as_array().expect("violations");
    let found: Vec<String> = list
        .iter()
        .map(|v| {
            format!(
                "{place}: {} ({}) {}\n    {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or(""),
                v["targets"]
                    .as_array()
                    .map(|t| t
                        .iter()
                        .filter_map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join("\n    "))
                    .unwrap_or_default()
            )
        })
        .collect();
    println!("a11y: axe on {place}: {} violation(s)", found.len());
    found
}

/// What is wrong with keyboard focus right now, if anything: it must be on an element (not the
/// page), inside the window and not under the sticky header, and an element reached with Tab
/// must show a focus indicator (an outline or a box shadow). Headings and dialogs that receive
/// focus from the app (tabindex -1, to be read out) are not in the Tab order and need none.
pub async fn focus_problem(app: &App) -> Option<String> {
    let v = app
        .client
        .execute(
            "const e = document.activeElement;
             if (!e || e === document.body || e === document.documentElement) return 'focus is on the page itself';
             const name = (e.getAttribute('aria-label') || e.textContent || e.id || e.tagName).trim().replace(/\\s+/g, ' ').slice(0, 60);
             const r = e.getBoundingClientRect();
             if (r.width === 0 && r.height === 0) return `the focused ${e.tagName} \"${name}\" has no size`;
             if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth)
               return `the focused ${e.tagName} \"${name}\" is outside the window (${Math.round(r.left)},${Math.round(r.top)})`;
             // Nothing (the sticky header, a notice) may lie over it.
             const x = Math.min(Math.max((r.left + r.right) / 2, 0), innerWidth - 1);
             const y = Math.min(Math.max((r.top + r.bottom) / 2, 0), innerHeight - 1);
             const top = document.elementFromPoint(x, y);
             const labelled = top && e.labels && [...e.labels].some(l => l.contains(top));
             if (top && top !== e && !e.contains(top) && !top.contains(e) && !labelled) {
               const over = (top.getAttribute('aria-label') || top.textContent || top.tagName).trim().replace(/\\s+/g, ' ').slice(0, 40);
               return `the focused ${e.tagName} \"${name}\" is covered by ${top.tagName} \"${over}\"`;
             }
             if (e.tabIndex < 0) return null;
             const shows = (el) => {
               const s = getComputedStyle(el);
               const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
               const shadow = s.boxShadow && s.boxShadow !== 'none';
               return outline || shadow;
             };
             if (!shows(e)) return `the focused ${e.tagName} \"${name}\" shows no focus indicator`;
             return null;",
            vec![],
        )
        .await
        .expect("look at focus");
    v.as_str().map(str::to_owned)
}

/// Things cut off or overlapping on the current screen: the page scrolling sideways, text
/// clipped by a box that hides its overflow, and controls lying on top of each other.
pub async fn layout_problems(app: &App, place: &str) -> Vec<String> {
    tokio::time::sleep(Duration::from_millis(300)).await;
    let v = app
        .client
        .execute(
            "scrollTo(0, 0);
             const out = [];
             const root = document.documentElement;
             if (root.scrollWidth > root.clientWidth + 1)
               out.push(`the page scrolls sideways: ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
             const label = (e) => (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().replace(/\\s+/g, ' ').slice(0, 50);
             const visible = (e) => {
               const r = e.getBoundingClientRect();
               if (r.width === 0 || r.height === 0) return false;
               const s = getComputedStyle(e);
               return s.visibility !== 'hidden' && s.display !== 'none';
             };
             // Visually hidden text (for screen readers) is clipped on purpose.
             const hiddenOnPurpose = (e) => {
               const s = getComputedStyle(e);
               return (s.clip && s.clip !== 'auto') || (s.clipPath && s.clipPath !== 'none')
                 || (e.getBoundingClientRect().width <= 1);
             };
             for (const e of document.querySelectorAll('body *')) {
               if (!visible(e) || hiddenOnPurpose(e)) continue;
               const s = getComputedStyle(e);
               const hidesX = ['hidden', 'clip'].includes(s.overflowX);
               const hidesY = ['hidden', 'clip'].includes(s.overflowY);
               if (!hidesX && !hidesY) continue;
               if (!e.textContent.trim()) continue;
               if ((hidesX && e.scrollWidth > e.clientWidth + 1) || (hidesY && e.scrollHeight > e.clientHeight + 1))
                 out.push(`text is cut off in ${e.tagName.toLowerCase()} \"${label(e)}\" (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})`);
             }
             const controls = [...document.querySelectorAll('button, a[href], input, select, textarea, summary, [role=button], [tabindex]:not([tabindex=\"-1\"])')]
               .filter(e => visible(e) && !hiddenOnPurpose(e));
             // Inside an open dialog, only the dialog counts: the page behind it is covered.
             const dialog = document.querySelector('[role=dialog]');
             const shown = dialog ? controls.filter(e => dialog.contains(e)) : controls;
             for (let i = 0; i < shown.length; i++) {
               for (let j = i + 1; j < shown.length; j++) {
                 const a = shown[i], b = shown[j];
                 if (a.contains(b) || b.contains(a)) continue;
                 // A control inside a label overlaps that label's other control by design only if
                 // they share the label; none do here.
                 const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
                 const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
                 const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
                 if (w > 1 && h > 1)
                   out.push(`\"${label(a)}\" and \"${label(b)}\" overlap by ${Math.round(w)}x${Math.round(h)}px`);
               }
             }
             return out;",
            vec![],
        )
        .await
        .expect("look at the layout");
    let found: Vec<String> = v
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|s| s.as_str())
        .map(|s| format!("{place}: {s}"))
        .collect();
    println!("a11y: layout on {place}: {} problem(s)", found.len());
    found
}

/// The accessible name of the focused element, as a screen reader would say it (near enough):
/// aria-label, aria-labelledby, its label, or its text.
const FOCUSED_NAME: &str = "const e = document.activeElement;
    if (!e || e === document.body) return '';
    const text = (el) => (el ? el.textContent : '');
    const by = e.getAttribute('aria-labelledby');
    const n = e.getAttribute('aria-label')
      || (by && by.split(' ').map(i => text(document.getElementById(i))).join(' '))
      || (e.labels && e.labels.length ? [...e.labels].map(text).join(' ') : '')
      || (['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName) ? '' : e.textContent)
      || '';
    return n.trim().replace(/\\s+/g, ' ');";

impl App {
    /// The accessible name of what has keyboard focus.
    pub async fn focused_name(&self) -> String {
        self.client
            .execute(FOCUSED_NAME, vec![])
            .await
            .expect("ask what is focused")
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Fails unless focus is where a keyboard user can see it (see `focus_problem`).
    pub async fn assert_focus_visible(&self, step: &str) {
        if let Some(problem) = focus_problem(self).await {
            panic!(
                "after {step}: {problem}\n--- the window shows ---\n{}",
                self.page_text().await
            );
        }
    }

    /// Presses one key, then checks focus can still be seen.
    pub async fn key(&self, key: Key) {
        self.press_key(key).await;
        self.client.release_actions().await.expect("release keys");
        tokio::time::sleep(Duration::from_millis(150)).await;
        self.assert_focus_visible(&format!("pressing {}", key_name(key)))
            .await;
    }

    /// Types `text` into whatever has focus, key by key.
    pub async fn type_keys(&self, text: &str) {
        let mut actions = KeyActions::new("keyboard".into());
        for c in text.chars() {
            actions = actions
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client
            .perform_actions(actions)
            .await
            .expect("type keys");
        self.client.release_actions().await.expect("release keys");
        self.assert_focus_visible(&format!("typing {text:?}")).await;
    }

    /// Presses Tab (or Shift+Tab) until the focused element is named `name`, checking at every
    /// step that focus can be seen. Fails after `limit` presses.
    async fn tab_until(&self, name: &str, back: bool, limit: usize) {
        let mut seen = Vec::new();
        for _ in 0..limit {
            if back {
                self.press(&[Key::Shift], char::from(Key::Tab)).await;
            } else {
                self.press_key(Key::Tab).await;
                self.client.release_actions().await.expect("release keys");
            }
            tokio::time::sleep(Duration::from_millis(60)).await;
            let now = self.focused_name().await;
            self.assert_focus_visible(&format!(
                "{} towards {name:?} (on {now:?})",
                if back { "Shift+Tab" } else { "Tab" }
            ))
            .await;
            if now == name {
                println!("e2e: focus reached {name:?}");
                return;
            }
            seen.push(now);
        }
        panic!("{name:?} was not reached with {limit} presses; focus went through {seen:?}");
    }

    /// Tabs forward to the element named `name`.
    pub async fn tab_to(&self, name: &str) {
        self.tab_until(name, false, 60).await;
    }

    /// Tabs backward (Shift+Tab) to the element named `name`.
    pub async fn shift_tab_to(&self, name: &str) {
        self.tab_until(name, true, 60).await;
    }
}

fn key_name(key: Key) -> &'static str {
    match key {
        Key::Enter | Key::Return => "Enter",
        Key::Escape => "Escape",
        Key::Tab => "Tab",
        Key::Space => "Space",
        Key::Up => "Up",
        Key::Down => "Down",
        Key::Left => "Left",
        Key::Right => "Right",
        _ => "a key",
    }
}
