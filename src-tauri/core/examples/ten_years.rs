//! Writes a data folder holding ten years of one family's records, protected as the app
//! protects it, for measuring Alongside with a lot of data (startup, every screen).
//!
//! ```text
//! cargo run -p alongside-core --release --example ten-years -- DIR [--seed N] [--until YYYY-MM-DD]
//!     [--passphrase WORDS] [--key-store]
//! ```
//!
//! Open it with `ALONGSIDE_DATA_DIR=DIR alongside`. By default the folder is protected by a
//! passphrase only (as on a computer without a key store): the app starts at its lock screen and
//! opens with the passphrase. With `--key-store` the key also goes into the system key store (run
//! it in the same desktop or `tests/keyring-session.sh` session as the app), so the app opens
//! without asking.

#[path = "../benches/support/ten_years.rs"]
mod ten_years;

use std::path::PathBuf;
use std::time::Instant;

use ten_years::{Protection, Sizes};

/// The passphrase used when none is given.
const PASSPHRASE: &str = "ten years alongside";

fn main() -> ten_years::Res<()> {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut seed = ten_years::DEFAULT_SEED;
    let mut until = ten_years::default_until();
    let mut passphrase = PASSPHRASE.to_string();
    let mut key_store = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => seed = args.next().ok_or("--seed needs a number")?.parse()?,
            "--until" => until = args.next().ok_or("--until needs a day")?.parse()?,
            "--passphrase" => passphrase = args.next().ok_or("--passphrase needs words")?,
            "--key-store" => key_store = true,
            other if !other.starts_with("--") && dir.is_none() => dir = Some(other.into()),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let dir = dir.ok_or(
        "usage: ten-years DIR [--seed N] [--until YYYY-MM-DD] [--passphrase WORDS] [--key-store]",
    )?;
    let how = if key_store {
        Protection::SystemKeyStore(&passphrase)
    } else {
        Protection::Passphrase(&passphrase)
    };
    let t = Instant::now();
    let report = ten_years::make_folder(&dir, seed, until, &Sizes::ten_years(), how)?;
    println!(
        "wrote {} in {:.1} s",
        dir.display(),
        t.elapsed().as_secs_f64()
    );
    println!("{report}");
    println!(
        "open it with ALONGSIDE_DATA_DIR={} and {}",
        dir.display(),
        if key_store {
            format!("the key store of this session (or the passphrase \"{passphrase}\")")
        } else {
            format!("the passphrase \"{passphrase}\"")
        }
    );
    Ok(())
}
