//! Crash safety: a writer that uses the app's own code is killed (SIGKILL) mid-write again and
//! again. After each kill the file, reopened exactly as the app opens it, must pass SQLite's
//! integrity check (and the search index's), hold every write the writer acknowledged, and hold no
//! record that is only partly there (a win without its tags, a person without their conditions).
//!
//! Why a test inside the core library that runs its own test binary again as the writer: CI runs
//! `cargo test --workspace --lib --bins`, so this runs on every CI run with no extra step, no
//! separate binary and no ignored test. The one test function is both halves: with
//! `ALONGSIDE_CRASH_WRITER` set (only ever by the harness, for its child) it is the writer;
//! otherwise it is the harness.
//!
//! The writer acknowledges a write (`ack <kind> <id> <seq> <checksum>` on stdout, flushed) only
//! after the app's function returned, so after its commit. What was acknowledged must be there;
//! what was not may or may not be, but if it is there it must be whole. Every record's content
//! follows from its sequence number, so a partly written one is caught even when it was never
//! acknowledged.
//!
//! What this shows and what it does not: a killed process leaves what it wrote in the operating
//! system's cache, so this checks Alongside's part (one transaction per write, acknowledged only
//! once committed, a clean reopen after a WAL cut off mid-transaction), not a power cut, which is
//! what `synchronous=FULL` (checked in `db::tests`) is for.
//!
//! CI runs 40 kills. The full run, with the seed printed so a failure can be repeated:
//! `ALONGSIDE_CRASH_KILLS=1000 cargo test -p alongside-core --release --lib crash_tests -- --nocapture`
//! (`ALONGSIDE_CRASH_SEED=<n>` repeats a run).

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rusqlite::Connection;

use crate::db::{self, Database, DEFAULT_BUSY_TIMEOUT};
use crate::people::{self, Condition, PersonInput, Relationship};
use crate::readiness::{self, NoticedInput, PlanSteps, SafetyPlanInput, WarningSignInput};
use crate::wins::{self, WinInput};

const TEST_NAME: &str = "crash_tests::a_writer_killed_mid_write_loses_no_acknowledged_write";
const WRITER_ENV: &str = "ALONGSIDE_CRASH_WRITER";
const SEQ_ENV: &str = "ALONGSIDE_CRASH_FIRST_SEQ";
const CI_KILLS: usize = 40;
/// Sequence numbers of one writer run start at `round * SEQ_STRIDE`, so runs never share one.
const SEQ_STRIDE: u64 = 1_000_000;
/// The longest random wait between the writer being ready and the kill; a write takes a few
/// milliseconds here (each commit waits for the disk), so kills land after 0 to a few dozen
/// writes, nearly always while one is in flight.
const MAX_DELAY_MICROS: u64 = 30_000;

/// splitmix64: small, seeded, good enough to spread kill times and vary content.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// One to all of `items`, in a random order.
    fn some_of<T: Clone>(&mut self, items: &[T]) -> Vec<T> {
        let mut v = items.to_vec();
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i as u64 + 1) as usize);
        }
        v.truncate(1 + self.below(v.len() as u64) as usize);
        v
    }
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Win,
    Person,
    Noticed,
    Plan,
}

impl Kind {
    fn of(seq: u64) -> Kind {
        match Rng(seq).below(10) {
            0..=4 => Kind::Win,
            5..=6 => Kind::Person,
            7 => Kind::Noticed,
            _ => Kind::Plan,
        }
    }

    fn word(self) -> &'static str {
        match self {
            Kind::Win => "win",
            Kind::Person => "person",
            Kind::Noticed => "noticed",
            Kind::Plan => "plan",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        [Kind::Win, Kind::Person, Kind::Noticed, Kind::Plan]
            .into_iter()
            .find(|k| k.word() == s)
    }
}

/// What every write refers to: made once by the harness, read back by each writer.
struct Setup {
    person_id: i64,
    tags: Vec<String>,
    signs: Vec<(i64, String)>,
}

impl Setup {
    fn make(db: &Database) -> Setup {
        let person = people::api::add_person(
            db,
            PersonInput {
                name: "Sam".into(),
                relationship: Relationship::Child,
                conditions: vec![Condition::Depression],
            },
        )
        .expect("person");
        for t in ["walk", "music", "cooking", "sleep", "friends", "therapy"] {
            wins::api::add_tag(db, t.into()).expect("tag");
        }
        for s in ["sleeping all day", "not eating", "giving things away"] {
            readiness::api::add_warning_sign(
                db,
                WarningSignInput {
                    person_id: person.id,
                    sign: s.into(),
                    action: None,
                    contact: None,
                },
            )
            .expect("sign");
        }
        db.with(|c| Ok(Setup::read(c))).expect("setup")
    }

    fn read(c: &Connection) -> Setup {
        let person_id = people::store::list(c).expect("people")[0].id;
        let tags = wins::store::tags(c).expect("tags");
        let signs = readiness::store::signs(c, person_id).expect("signs");
        Setup {
            person_id,
            // Some tags come with a new file; a win takes at most ten.
            tags: tags.into_iter().take(8).map(|t| t.name).collect(),
            signs: signs.into_iter().map(|s| (s.id, s.sign)).collect(),
        }
    }
}

const WORDS: &[&str] = &[
    "walked", "the", "dog", "called", "a", "friend", "cooked", "dinner", "laughed", "slept",
];

fn words(rng: &mut Rng, len: usize) -> String {
    let mut s = String::new();
    // At least one word: the app trims, and the record must read back as written.
    while s.is_empty() || s.len() < len {
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
        s.push(' ');
    }
    s.trim_end().to_owned()
}

/// What a write with this sequence number carries. Everything follows from `seq`.
enum Planned {
    Win(WinInput),
    Person(PersonInput),
    Noticed(NoticedInput),
    Plan(SafetyPlanInput),
}

fn planned(seq: u64, setup: &Setup) -> Planned {
    let mut rng = Rng(seq ^ 0x5eed);
    match Kind::of(seq) {
        Kind::Win => Planned::Win(WinInput {
            person_id: setup.person_id,
            text: format!("crash {seq} {}", {
                let n = rng.below(470) as usize;
                words(&mut rng, n)
            }),
            happened_on: "2020-01-01".into(),
            tags: rng.some_of(&setup.tags),
            note: (rng.below(2) == 0).then(|| {
                let n = rng.below(1900) as usize;
                format!("note {seq} {}", words(&mut rng, n))
            }),
        }),
        Kind::Person => {
            let choices: Vec<Condition> = Condition::ALL
                .into_iter()
                .filter(|c| *c != Condition::PreferNotToSay)
                .collect();
            Planned::Person(PersonInput {
                name: format!("Crash person {seq}"),
                relationship: Relationship::ALL[rng.below(7) as usize],
                conditions: rng.some_of(&choices),
            })
        }
        Kind::Noticed => Planned::Noticed(NoticedInput {
            person_id: setup.person_id,
            noticed_on: "2020-01-01".into(),
            sign_ids: rng.some_of(&setup.signs).into_iter().map(|s| s.0).collect(),
            note: Some(format!("noticed {seq}")),
        }),
        Kind::Plan => {
            let mut items = |what: &str| -> Vec<String> {
                let n = rng.below(4);
                (0..n).map(|i| format!("{what} {seq} {i}")).collect()
            };
            let steps = PlanSteps {
                warning_signs: vec![format!("plan {seq}")],
                coping: items("coping"),
                distractions: items("distraction"),
                helpers: items("helper"),
                professionals: items("professional"),
                safer_environment: items("safer"),
            };
            Planned::Plan(SafetyPlanInput {
                person_id: setup.person_id,
                steps,
                made_together: rng.below(2) == 0,
            })
        }
    }
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// The record as it should read back, in one comparable line.
fn expected(seq: u64, setup: &Setup) -> String {
    match planned(seq, setup) {
        Planned::Win(w) => format!(
            "{}|{}|{}|{:?}|{:?}",
            w.person_id,
            w.happened_on,
            w.text,
            w.note,
            sorted(w.tags)
        ),
        Planned::Person(p) => format!(
            "{}|{}|{:?}",
            p.name,
            p.relationship.as_str(),
            sorted(p.conditions.iter().map(|c| c.as_str().into()).collect())
        ),
        Planned::Noticed(n) => {
            let signs = setup
                .signs
                .iter()
                .filter(|s| n.sign_ids.contains(&s.0))
                .map(|s| s.1.clone())
                .collect();
            format!(
                "{}|{}|{:?}|{:?}",
                n.person_id,
                n.noticed_on,
                sorted(signs),
                n.note
            )
        }
        Planned::Plan(p) => format!("{}|{}|{:?}", p.person_id, p.made_together, p.steps),
    }
}

fn seq_in(text: &str, prefix: &str) -> Option<u64> {
    text.strip_prefix(prefix)?.split(' ').next()?.parse().ok()
}

/// The record as stored (read with the app's own store code): its sequence number and its line.
fn stored(c: &Connection, kind: Kind, id: i64) -> crate::Result<(u64, String)> {
    let bad = |what: &'static str| crate::Error::NotFound(what);
    Ok(match kind {
        Kind::Win => {
            let w = wins::store::get(c, id)?;
            let seq = seq_in(&w.text, "crash ").ok_or_else(|| bad("win"))?;
            let line = format!(
                "{}|{}|{}|{:?}|{:?}",
                w.person_id,
                w.happened_on,
                w.text,
                w.note,
                sorted(w.tags)
            );
            (seq, line)
        }
        Kind::Person => {
            let p = people::store::get(c, id)?;
            let seq = seq_in(&p.name, "Crash person ").ok_or_else(|| bad("person"))?;
            let conditions = p.conditions.iter().map(|c| c.as_str().into()).collect();
            let line = format!(
                "{}|{}|{:?}",
                p.name,
                p.relationship.as_str(),
                sorted(conditions)
            );
            (seq, line)
        }
        Kind::Noticed => {
            let n = readiness::store::noticed_one(c, id)?;
            let note = n.note.clone().unwrap_or_default();
            let seq = seq_in(&note, "noticed ").ok_or_else(|| bad("noticed"))?;
            let line = format!(
                "{}|{}|{:?}|{:?}",
                n.person_id,
                n.noticed_on,
                sorted(n.signs),
                n.note
            );
            (seq, line)
        }
        Kind::Plan => {
            let person_id = people::store::list(c)?[0].id;
            let p = readiness::store::plan_version(c, person_id, id)?;
            let first = p.steps.warning_signs.first().cloned().unwrap_or_default();
            let seq = seq_in(&first, "plan ").ok_or_else(|| bad("plan"))?;
            (
                seq,
                format!("{}|{}|{:?}", p.person_id, p.made_together, p.steps),
            )
        }
    })
}

// ---- the writer (the child) ----

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{line}").and_then(|()| out.flush()).is_err() {
        // The harness has gone: nobody is listening for acknowledgements.
        std::process::exit(0);
    }
}

fn write_one(db: &Database, seq: u64, setup: &Setup) -> crate::Result<(Kind, i64)> {
    Ok(match planned(seq, setup) {
        Planned::Win(w) => (Kind::Win, wins::api::add_win(db, w)?.win.id),
        Planned::Person(p) => (Kind::Person, people::api::add_person(db, p)?.id),
        Planned::Noticed(n) => (
            Kind::Noticed,
            readiness::api::record_signs_noticed(db, n)?.id,
        ),
        Planned::Plan(p) => {
            let saved = readiness::api::save_safety_plan(db, p)?;
            assert!(saved.changed, "every plan differs from the one before");
            (Kind::Plan, saved.plan.version)
        }
    })
}

/// The key store the writer and the checks share: its key outlives each killed writer.
fn keystore(dir: &Path) -> std::sync::Arc<dyn crate::protection::keystore::KeyStore> {
    std::sync::Arc::new(crate::protection::keystore::FolderKeyStore(
        dir.join("test-keystore"),
    ))
}

/// The data key, found as the app finds it at start.
fn app_key(dir: &Path) -> crate::protection::DataKey {
    Database::open(dir.to_path_buf(), DEFAULT_BUSY_TIMEOUT, keystore(dir))
        .key()
        .expect("the key store opens the data")
}

/// Opens the file as the app does and writes until killed, acknowledging each write only after
/// the app's function (and so its commit) returned.
fn run_writer(dir: &Path, first_seq: u64) -> ! {
    let db = Database::open(dir.to_path_buf(), DEFAULT_BUSY_TIMEOUT, keystore(dir));
    let moved = db.moved_aside();
    if let Some(problem) = db.problem() {
        say(&format!("error open {}", problem.message));
        std::process::exit(3);
    }
    if moved.is_some() {
        say("error the file was set aside as unreadable");
        std::process::exit(3);
    }
    let setup = db.with(|c| Ok(Setup::read(c))).expect("setup");
    // libtest has begun a line ("test … "): end it, so each of ours stands on its own.
    say("");
    say("ready");
    for seq in first_seq..first_seq + SEQ_STRIDE {
        say(&format!("begin {seq}"));
        match write_one(&db, seq, &setup) {
            Ok((kind, id)) => {
                let sum = fnv(&expected(seq, &setup));
                say(&format!("ack {} {id} {seq} {sum}", kind.word()));
            }
            Err(e) => {
                say(&format!("error write {seq}: {e}"));
                std::process::exit(3);
            }
        }
    }
    std::process::exit(0)
}

// ---- the harness ----

struct Ack {
    kind: Kind,
    id: i64,
    seq: u64,
    sum: u64,
}

fn parse_ack(line: &str) -> Option<Ack> {
    let mut p = line.strip_prefix("ack ")?.split(' ');
    Some(Ack {
        kind: Kind::parse(p.next()?)?,
        id: p.next()?.parse().ok()?,
        seq: p.next()?.parse().ok()?,
        sum: p.next()?.parse().ok()?,
    })
}

/// The highest id of each kind, so a round checks every record its writer may have left.
#[derive(Clone, Copy, Default)]
struct Highest {
    win: i64,
    person: i64,
    noticed: i64,
    plan: i64,
}

fn highest(c: &Connection) -> Highest {
    let max = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).expect("max id") };
    Highest {
        win: max("SELECT coalesce(max(id), 0) FROM wins"),
        person: max("SELECT coalesce(max(id), 0) FROM people"),
        noticed: max("SELECT coalesce(max(id), 0) FROM signs_noticed"),
        plan: max("SELECT coalesce(max(version), 0) FROM safety_plans"),
    }
}

#[derive(Default)]
struct Tally {
    kills: usize,
    mid_write: usize,
    acked: usize,
    /// Keyed by the write, so one counted in its round and again at the end counts once.
    lost: std::collections::BTreeMap<String, String>,
    integrity: Vec<String>,
    partial: Vec<String>,
}

/// Reopens the file as the app does and checks it after one kill.
fn check_after_kill(
    dir: &Path,
    setup: &Setup,
    acks: &[Ack],
    before: Highest,
    t: &mut Tally,
) -> Highest {
    let opened =
        db::open_in(dir, &app_key(dir), DEFAULT_BUSY_TIMEOUT).expect("the app reopens the file");
    if let Some(aside) = opened.moved_aside {
        t.integrity.push(format!(
            "the file was set aside as unreadable: {}",
            aside.display()
        ));
        return Highest::default();
    }
    let c = opened.conn;
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    if ok != "ok" {
        t.integrity.push(format!("integrity_check: {ok}"));
    }
    if let Err(e) = c.execute(
        "INSERT INTO wins_fts (wins_fts) VALUES ('integrity-check')",
        [],
    ) {
        t.integrity.push(format!("search index: {e}"));
    }
    for a in acks {
        let key = format!("{} {} (seq {})", a.kind.word(), a.id, a.seq);
        match stored(&c, a.kind, a.id) {
            Ok((seq, line)) if seq == a.seq && fnv(&line) == a.sum => {}
            Ok((seq, _)) => {
                let why = format!("reads back as seq {seq} or with other content");
                t.lost.entry(key).or_insert(why);
            }
            Err(e) => {
                t.lost.entry(key).or_insert(e.to_string());
            }
        }
    }
    let now = highest(&c);
    let mut whole = |kind: Kind, from: i64, to: i64| {
        for id in from + 1..=to {
            match stored(&c, kind, id) {
                Ok((seq, line)) if line == expected(seq, setup) => {}
                Ok((seq, line)) => t
                    .partial
                    .push(format!("{} {id} (seq {seq}) reads {line}", kind.word())),
                Err(e) => t.partial.push(format!("{} {id}: {e}", kind.word())),
            }
        }
    };
    whole(Kind::Win, before.win, now.win);
    whole(Kind::Person, before.person, now.person);
    whole(Kind::Noticed, before.noticed, now.noticed);
    whole(Kind::Plan, before.plan, now.plan);
    let versions: i64 = c
        .query_row("SELECT count(*) FROM safety_plans", [], |r| r.get(0))
        .expect("versions");
    if versions != now.plan {
        t.partial.push(format!(
            "{versions} plan versions, numbered up to {}",
            now.plan
        ));
    }
    now
}

/// One writer run: start it, wait until it is writing, kill it after a random delay, and collect
/// every line it managed to send. Returns the acknowledgements and whether a write was in flight.
fn one_round(dir: &Path, first_seq: u64, delay: Duration) -> (Vec<Ack>, bool) {
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(exe)
        .args([TEST_NAME, "--exact", "--nocapture", "--test-threads=1"])
        .env(WRITER_ENV, dir)
        .env(SEQ_ENV, first_seq.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the writer");
    let out = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(out)
            .lines()
            .map_while(std::result::Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .unwrap_or_else(|_| {
                let _ = child.kill();
                panic!("the writer did not start: {lines:?}")
            });
        let ready = line == "ready";
        lines.push(line);
        if ready {
            break;
        }
    }
    std::thread::sleep(delay);
    child.kill().expect("kill the writer");
    child.wait().expect("reap the writer");
    reader.join().expect("reader");
    lines.extend(rx.try_iter());
    if let Some(e) = lines.iter().find(|l| l.starts_with("error ")) {
        panic!("the writer stopped by itself: {e}");
    }
    let in_flight = lines.last().is_some_and(|l| l.starts_with("begin "));
    (
        lines.iter().filter_map(|l| parse_ack(l)).collect(),
        in_flight,
    )
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| {
        v.parse()
            .unwrap_or_else(|_| panic!("{name} must be a number"))
    })
}

#[test]
fn a_writer_killed_mid_write_loses_no_acknowledged_write() {
    if let Some(dir) = std::env::var_os(WRITER_ENV) {
        run_writer(Path::new(&dir), env_number(SEQ_ENV).expect("first seq"));
    }
    let kills = env_number("ALONGSIDE_CRASH_KILLS").map_or(CI_KILLS, |n| n as usize);
    let seed = env_number("ALONGSIDE_CRASH_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    println!("crash test: {kills} kills, seed {seed} (ALONGSIDE_CRASH_SEED={seed} repeats it)");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().expect("tempdir");
    let setup = Setup::make(&Database::open(
        dir.path().to_path_buf(),
        DEFAULT_BUSY_TIMEOUT,
        keystore(dir.path()),
    ));
    let mut before = highest(
        &db::open_in(dir.path(), &app_key(dir.path()), DEFAULT_BUSY_TIMEOUT)
            .expect("open")
            .conn,
    );
    let started = Instant::now();
    let mut t = Tally::default();
    let mut all_acks = Vec::new();
    for round in 1..=kills as u64 {
        let delay = Duration::from_micros(rng.below(MAX_DELAY_MICROS));
        let (acks, in_flight) = one_round(dir.path(), round * SEQ_STRIDE, delay);
        t.kills += 1;
        t.mid_write += usize::from(in_flight);
        t.acked += acks.len();
        before = check_after_kill(dir.path(), &setup, &acks, before, &mut t);
        all_acks.extend(acks);
    }
    // At the end, every acknowledged write of every round once more: later runs kept them too.
    let mut last = Tally::default();
    check_after_kill(dir.path(), &setup, &all_acks, before, &mut last);
    t.lost.extend(last.lost);
    t.integrity.extend(last.integrity);
    println!(
        "crash test: {} kills ({} while a write was in flight), {} acknowledged writes, \
         {} lost, {} integrity failures, {} partly written records, {:.1} s (seed {seed})",
        t.kills,
        t.mid_write,
        t.acked,
        t.lost.len(),
        t.integrity.len(),
        t.partial.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        t.lost.is_empty(),
        "acknowledged writes lost (seed {seed}): {:?}",
        t.lost
    );
    assert!(
        t.integrity.is_empty(),
        "integrity failures (seed {seed}): {:?}",
        t.integrity
    );
    assert!(
        t.partial.is_empty(),
        "partly written records (seed {seed}): {:?}",
        t.partial
    );
    // The test proves something only if writes were acknowledged and kills hit writes in flight.
    assert!(t.acked > 0, "no write was acknowledged");
    assert!(
        t.mid_write > kills / 2,
        "only {} of {kills} kills hit a write in flight",
        t.mid_write
    );
}
