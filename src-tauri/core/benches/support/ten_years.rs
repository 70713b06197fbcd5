//! Ten years of one family's records, written with the core's own store code: a caregiver
//! supporting three people, with wins, daily checks and self-checks, check-ins, listening
//! moments, appointments, reminders and their history, safety-plan versions, warning signs and
//! Learn marks. Deterministic from a seed: the same seed and sizes write the same records.
//!
//! The words come from Alongside's own Learn cards (a few thousand distinct caregiving words,
//! ranked by how often the cards use them) and a list of everyday words, drawn with a Zipf-like
//! law, so a searched word matches a realistic share of entries.
//!
//! Shared by the `ten-years` example (which writes a data folder the app opens), the `reads`
//! benchmark and the test that keeps this generator honest.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use rusqlite::{Connection, Transaction};

use alongside_core::db::{Database, DB_FILE};
use alongside_core::people::{Condition, Relationship, ValidPerson};
use alongside_core::practices::{
    BoundaryInput, CareContactInput, CareKind, CheckinWay, Listened, ValidAppointment,
    ValidCheckin, ValidListening, Whose,
};
use alongside_core::protection::keystore::{KeyStore, MemoryKeyStore, SystemKeyStore};
use alongside_core::readiness::{
    CardContact, CaregiverCard, PlanSteps, ValidNoticed, ValidPlan, ValidSign,
};
use alongside_core::reminders::{Purpose, ReminderInput, Repeat, ScheduleInput};
use alongside_core::strain::{Sleep, ValidDailyCheck};
use alongside_core::wins::ValidWin;
use alongside_core::{
    dates, learn, people, practices, protection, readiness, reminders, settings, strain, today,
    wins,
};

pub type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The seed the README's figures were made with.
pub const DEFAULT_SEED: u64 = 20_261_203;

/// The last day of the ten years, fixed so a figure can be made again later.
pub fn default_until() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default()
}

/// How much to write. Daily checks are one a day (the app allows no more), so their number is
/// the number of days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sizes {
    pub days: i64,
    pub wins: usize,
    pub self_checks: usize,
    pub checkins: usize,
    pub listening: usize,
    pub reminders: usize,
    pub plan_versions: usize,
    pub appointments: usize,
    pub signs_noticed: usize,
}

impl Sizes {
    /// A heavy but plausible family: 3 people, ten years.
    pub fn ten_years() -> Self {
        Sizes {
            days: 3_653,
            wins: 100_000,
            self_checks: 16_347,
            checkins: 5_000,
            listening: 2_000,
            reminders: 500,
            plan_versions: 60,
            appointments: 1_200,
            signs_noticed: 300,
        }
    }

    /// A few months, for tests.
    pub fn small() -> Self {
        Sizes {
            days: 90,
            wins: 400,
            self_checks: 30,
            checkins: 40,
            listening: 20,
            reminders: 12,
            plan_versions: 6,
            appointments: 15,
            signs_noticed: 6,
        }
    }
}

/// Every table the generator fills, each with at least one row.
pub const TABLES: &[&str] = &[
    "profile",
    "people",
    "person_conditions",
    "card_state",
    "tags",
    "wins",
    "win_tags",
    "safety_plans",
    "warning_signs",
    "signs_noticed",
    "caregiver_card",
    "caregiver_contacts",
    "daily_checks",
    "self_checks",
    "self_care_plan",
    "listening_moments",
    "checkins",
    "starters",
    "appointments",
    "care_contacts",
    "boundaries",
    "give_space",
    "suggestion_marks",
    "reminders",
    "due_items",
];

/// splitmix64: small, seeded, and the same on every computer.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0 ≤ x < n.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Everyday words a caregiver writes that the Learn cards rarely use.
const EVERYDAY: &str = "walked dog called friend cooked dinner breakfast lunch tea coffee therapy \
    took medicine tablets laughed film tidied room showered garden painted picture class work shift \
    slept bus train shop supermarket music guitar piano river park beach library bread baked cake \
    cousin grandma grandad auntie uncle swimming pool cycled bike football match chess puzzle book \
    chapter poem drew sketch photo sunset morning evening smiled joke cat fed plants watered yoga \
    jog stretched laundry dishes hoovered bed made phoned texted emailed replied volunteered choir \
    sang wrote journal appointment doctor nurse pharmacy prescription group meeting cafe visited \
    neighbour sister brother mum dad daughter son nephew niece church mosque temple allotment \
    knitting crochet sewing pottery woodwork lego minecraft gaming podcast radio newspaper crossword \
    sudoku birthday christmas easter holiday weekend monday tuesday wednesday thursday friday \
    saturday sunday january february march april may june july august september october november \
    december spring summer autumn winter rain snow sunshine windy frost fog picnic barbecue pizza \
    pasta curry soup salad sandwich porridge toast pancakes smoothie fruit apples oranges bananas \
    strawberries ice cream chocolate biscuits cinema theatre museum gallery zoo aquarium farm \
    market charity bookshop hairdresser haircut dentist optician gp clinic ward outpatients \
    college university school homework exam essay interview job application volunteer shift \
    manager colleague boss team training course certificate driving lesson test passed \
    bathroom kitchen bedroom hallway sofa duvet curtains window door keys wallet phone charger \
    laptop tablet headphones trainers coat umbrella scarf gloves hat boots rucksack shopping list \
    budget bills rent council benefits letter form forms paperwork bank savings pocket money \
    hamster rabbit guinea pig budgie goldfish puppy kitten vet walkies fetch lead harness \
    hug hugs cuddle chat chatted giggled grinned waved danced skipped hummed whistled \
    calmer brighter steadier lighter hopeful proud relieved grateful peaceful cheerful \
    rested refreshed energised chatty curious patient gentle brave kind thoughtful";

/// Openings of a win, in a caregiver's words.
const WIN_OPENERS: &[&str] = &[
    "Walked the dog",
    "Got up before nine",
    "Called a friend",
    "Cooked dinner for everyone",
    "Went to therapy",
    "Took the tablets on time",
    "Laughed at a film",
    "Tidied the bedroom",
    "Had a shower",
    "Went out to the garden",
    "Went to class",
    "Did a full shift at work",
    "Slept through the night",
    "Ate breakfast together",
    "Talked about feelings",
    "Caught the bus alone",
    "Went to the shop",
    "Played guitar",
    "Walked by the river",
    "Baked bread",
    "Phoned grandma",
    "Went swimming",
    "Read a chapter",
    "Replied to an email",
    "Went to the group",
    "Made a cup of tea for me",
    "Asked for help",
    "Said no kindly",
    "Went to the appointment",
    "Finished a puzzle",
];

/// The words to draw from, most common first, with their Zipf weights summed.
pub struct Vocabulary {
    words: Vec<String>,
    cdf: Vec<f64>,
}

impl Vocabulary {
    pub fn new() -> Self {
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        let learn_text = learn::embedded_files().map(|(_, t)| t);
        for text in learn_text.chain(std::iter::once(EVERYDAY)) {
            for w in text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 2)
            {
                *counts.entry(w.to_ascii_lowercase()).or_default() += 1;
            }
        }
        let mut ranked: Vec<(String, u32)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut total = 0.0;
        let cdf = (0..ranked.len())
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(1.05);
                total
            })
            .collect();
        Vocabulary {
            words: ranked.into_iter().map(|(w, _)| w).collect(),
            cdf,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The word at `rank` (0 is the most used).
    pub fn at(&self, rank: usize) -> &str {
        &self.words[rank]
    }

    pub fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cdf.last().copied().unwrap_or(1.0);
        let u = rng.unit() * total;
        let i = self
            .cdf
            .partition_point(|c| *c < u)
            .min(self.words.len() - 1);
        &self.words[i]
    }

    /// `n` words drawn from the law, as a phrase.
    pub fn phrase(&self, rng: &mut Rng, n: usize) -> String {
        (0..n).map(|_| self.word(rng)).collect::<Vec<_>>().join(" ")
    }

    /// Between `min` and `max` drawn words.
    pub fn some(&self, rng: &mut Rng, min: usize, max: usize) -> String {
        let n = min + rng.below(max - min + 1);
        self.phrase(rng, n)
    }

    /// A sentence starting from one of `openers`, with a few drawn words after it.
    pub fn sentence(&self, rng: &mut Rng, openers: &[&str], min: usize, max: usize) -> String {
        let n = min + rng.below(max - min + 1);
        format!("{} {}", rng.pick(openers), self.phrase(rng, n))
    }
}

impl Default for Vocabulary {
    fn default() -> Self {
        Self::new()
    }
}

/// What was written: rows per table, distinct words, the data file's size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub seed: u64,
    pub until: NaiveDate,
    pub rows: Vec<(&'static str, i64)>,
    pub vocabulary: usize,
    pub file_bytes: u64,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "seed {} (last day {}), vocabulary {} words",
            self.seed, self.until, self.vocabulary
        )?;
        for (t, n) in &self.rows {
            writeln!(f, "  {t:<20} {n:>8}")?;
        }
        write!(f, "  data file {:.1} MB", self.file_bytes as f64 / 1e6)
    }
}

/// How the folder is protected.
pub enum Protection<'a> {
    /// A first passphrase, as on a computer without a key store (the app asks for it).
    Passphrase(&'a str),
    /// The system key store holds the key, as at a first start on a desktop; the passphrase
    /// is added too, so the folder also opens where that key store is not.
    SystemKeyStore(&'a str),
    /// A key store in this process only (benchmarks, tests).
    Memory(Arc<MemoryKeyStore>),
}

/// Writes ten years (or `sizes`) of records into a new data folder `dir`, protected as the app
/// protects it, and says what it wrote. The folder must not hold data already.
pub fn make_folder(
    dir: &Path,
    seed: u64,
    until: NaiveDate,
    sizes: &Sizes,
    how: Protection<'_>,
) -> Res<Report> {
    if dir.join(DB_FILE).exists() {
        return Err(format!("{} already holds Alongside data", dir.display()).into());
    }
    let timeout = alongside_core::db::DEFAULT_BUSY_TIMEOUT;
    let db = match how {
        Protection::Passphrase(p) => {
            let db = Database::open(dir.to_path_buf(), timeout, MemoryKeyStore::unavailable());
            protection::api::set_up(&db, p)?;
            db
        }
        Protection::SystemKeyStore(p) => {
            let store: Arc<dyn KeyStore> = Arc::new(SystemKeyStore);
            let db = Database::open(dir.to_path_buf(), timeout, store);
            if !db.is_open() {
                return Err(
                    "the system key store did not keep the key (is a Secret Service running?)"
                        .into(),
                );
            }
            protection::api::set_passphrase(&db, None, p)?;
            db
        }
        Protection::Memory(store) => Database::open(dir.to_path_buf(), timeout, store),
    };
    if !db.is_open() {
        return Err("the new data folder did not open".into());
    }
    // The recovery code is not shown at the app's next start.
    protection::api::recovery_code_saved(&db)?;
    let vocabulary = db.with(|c| {
        fill(c, seed, until, sizes)
            .map_err(|e| alongside_core::Error::invalid("fill", e.to_string()))
    })?;
    let rows = db.with(|c| Ok(counts(c)?))?;
    drop(db);
    Ok(Report {
        seed,
        until,
        rows,
        vocabulary,
        file_bytes: std::fs::metadata(dir.join(DB_FILE))?.len(),
    })
}

/// Rows in each table the generator fills.
pub fn counts(c: &Connection) -> rusqlite::Result<Vec<(&'static str, i64)>> {
    TABLES
        .iter()
        .map(|t| {
            Ok((
                *t,
                c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?,
            ))
        })
        .collect()
}

/// A digest of every row of every table filled, to tell whether two folders hold the same.
pub fn digest(c: &Connection) -> rusqlite::Result<u64> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for t in TABLES {
        let mut stmt = c.prepare(&format!("SELECT * FROM {t} ORDER BY 1, 2"))?;
        let n = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            for i in 0..n {
                let v: rusqlite::types::Value = r.get(i)?;
                for b in format!("{v:?}\u{1f}").bytes() {
                    h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
                }
            }
        }
    }
    Ok(h)
}

fn at(day: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()))
}

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Writes everything in one transaction; returns the vocabulary's size.
pub fn fill(conn: &mut Connection, seed: u64, until: NaiveDate, sizes: &Sizes) -> Res<usize> {
    let mut rng = Rng::new(seed);
    let words = Vocabulary::new();
    let first = until - Duration::days(sizes.days - 1);
    let tx = conn.transaction()?;
    let onboarded = stamp(at(first, 9, 0));
    settings::store::create(
        &tx,
        &settings::Profile {
            caregiver_name: Some("Maria".into()),
            region: "GB".into(),
        },
        &onboarded,
    )?;
    let family = [
        (
            "Sam",
            Relationship::Child,
            vec![Condition::Psychosis, Condition::Anxiety],
        ),
        ("Alex", Relationship::Partner, vec![Condition::Bipolar]),
        ("Nan", Relationship::Parent, vec![Condition::Depression]),
    ];
    let mut ids = Vec::new();
    for (name, relationship, conditions) in family {
        let p = ValidPerson {
            name: name.into(),
            relationship,
            conditions,
        };
        ids.push(people::store::insert(&tx, &p, &onboarded)?);
    }
    let day_of = |rng: &mut Rng| first + Duration::days(rng.below(sizes.days as usize) as i64);

    write_wins(&tx, &mut rng, &words, sizes, first, &ids)?;
    write_strain(&tx, &mut rng, &words, sizes, first)?;
    write_practices(&tx, &mut rng, &words, sizes, first, until, &ids)?;
    write_readiness(&tx, &mut rng, &words, sizes, first, &ids)?;
    write_reminders(&tx, &mut rng, &words, sizes, first, until, &ids)?;

    for (i, c) in learn::cards().iter().enumerate() {
        let when = stamp(at(day_of(&mut rng), 20, 0));
        if i % 2 == 0 {
            learn::store::set_read(&tx, &c.slug, true, &when)?;
        }
        if i % 5 == 0 {
            learn::store::set_bookmark(&tx, &c.slug, true, &when)?;
        }
    }
    let practices = practices::all();
    for d in 0..sizes.days {
        if d % 3 == 0 {
            let p = rng.pick(practices);
            let key = format!("idea:{}:{}", p.id, rng.below(p.ideas.len().max(1)));
            let state = if rng.chance(0.8) { "done" } else { "not_today" };
            today::store::mark(&tx, first + Duration::days(d), &key, Some(state))?;
        }
    }
    tx.commit()?;
    Ok(words.len())
}

const TAGS: &[&str] = &[
    "self-care",
    "social",
    "treatment",
    "daily living",
    "work or school",
    "creative",
    "outdoors",
    "family",
    "sleep",
    "food",
    "music",
    "exercise",
    "money",
    "friends",
];

fn write_wins(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    words: &Vocabulary,
    sizes: &Sizes,
    first: NaiveDate,
    ids: &[i64],
) -> Res<()> {
    for t in &TAGS[6..] {
        wins::store::add_tag(tx, t, "2016-12-04T09:00:00Z")?;
    }
    for i in 0..sizes.wins {
        // Spread evenly over the days, newest last, as they were written.
        let day = first + Duration::days((i as i64 * sizes.days) / sizes.wins as i64);
        let mut tags = Vec::new();
        if rng.chance(0.45) {
            tags.push(rng.pick(TAGS).to_string());
            if rng.chance(0.3) {
                let t = rng.pick(TAGS).to_string();
                if !tags.contains(&t) {
                    tags.push(t);
                }
            }
        }
        let w = ValidWin {
            person_id: ids[rng.below(ids.len())],
            text: words.sentence(rng, WIN_OPENERS, 2, 9),
            happened_on: day,
            tags,
            note: rng.chance(0.3).then(|| words.some(rng, 8, 23)),
        };
        wins::store::insert(tx, &w, &stamp(at(day, 19, 30)))?;
    }
    Ok(())
}

fn write_strain(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    words: &Vocabulary,
    sizes: &Sizes,
    first: NaiveDate,
) -> Res<()> {
    let mut strain: i64 = 4;
    for d in 0..sizes.days {
        let day = first + Duration::days(d);
        strain = (strain + rng.below(5) as i64 - 2).clamp(0, 10);
        let c = ValidDailyCheck {
            day,
            strain: strain as u8,
            sleep: Some(*rng.pick(&[Sleep::Poor, Sleep::Okay, Sleep::Good])),
            sleep_hours: rng.chance(0.5).then(|| 4.0 + rng.below(9) as f64 / 2.0),
            for_myself: rng.chance(0.6),
            note: rng.chance(0.25).then(|| words.some(rng, 5, 16)),
            replace: false,
        };
        strain::store::save_daily_check(tx, &c, &stamp(at(day, 21, 0)))?;
    }
    let instruments = strain::instruments::all();
    for i in 0..sizes.self_checks {
        let inst = &instruments[i % instruments.len()];
        let values: Vec<u8> = inst.answers.iter().map(|a| a.value).collect();
        let answers: Vec<u8> = inst.items.iter().map(|_| *rng.pick(&values)).collect();
        let score = inst.score(&answers);
        let day = first + Duration::days((i as i64 * sizes.days) / sizes.self_checks as i64);
        let when = stamp(at(day, 8 + (i % 12) as u32, (i % 60) as u32));
        strain::store::add_result(tx, &inst.id, &answers, score.total, &score.band, &when)?;
    }
    let plan = strain::SelfCarePlan {
        warning_signs: Some(
            "Snapping at small things; skipping meals; lying awake at three".into(),
        ),
        what_helps: Some("A walk before breakfast; choir on Thursdays; an early night".into()),
        who_to_ask: Some("My sister Ana; the carers' group".into()),
        what_to_drop: Some("Ironing; answering every message the same day".into()),
    };
    strain::store::save_self_care_plan(tx, &plan, &stamp(at(first, 10, 0)))?;
    Ok(())
}

fn write_practices(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    words: &Vocabulary,
    sizes: &Sizes,
    first: NaiveDate,
    until: NaiveDate,
    ids: &[i64],
) -> Res<()> {
    let span =
        |i: usize, n: usize| first + Duration::days((i as i64 * sizes.days) / n.max(1) as i64);
    for i in 0..sizes.checkins {
        let day = span(i, sizes.checkins);
        let c = ValidCheckin {
            person_id: ids[rng.below(ids.len())],
            happened_on: day,
            how: *rng.pick(&[
                CheckinWay::Message,
                CheckinWay::Call,
                CheckinWay::InPerson,
                CheckinWay::Other,
            ]),
            went: rng.chance(0.8).then(|| 1 + rng.below(5) as u8),
            note: rng.chance(0.4).then(|| words.some(rng, 4, 13)),
        };
        practices::store::add_checkin(tx, &c, &stamp(at(day, 18, 0)))?;
    }
    for i in 0..sizes.listening {
        let day = span(i, sizes.listening);
        let m = ValidListening {
            person_id: ids[rng.below(ids.len())],
            happened_on: day,
            shared: Some(words.some(rng, 6, 19)),
            listened: *rng.pick(&[Listened::Yes, Listened::Partly, Listened::No]),
            learned: rng.chance(0.6).then(|| words.some(rng, 5, 14)),
            felt: rng.chance(0.5).then(|| words.some(rng, 3, 8)),
        };
        practices::store::add_moment(tx, &m, &stamp(at(day, 20, 0)))?;
    }
    practices::store::seed_starters(tx, &practices::builtin_starters(), &stamp(at(first, 9, 0)))?;
    for _ in 0..20 {
        practices::store::save_starter(
            tx,
            None,
            &words.sentence(
                rng,
                &["Thinking of you,", "No need to reply:", "Fancy a walk"],
                2,
                6,
            ),
            &stamp(at(first, 9, 5)),
        )?;
    }
    // Appointments over the years, the last few still to come.
    let clinicians = [
        "Dr Patel",
        "the community team",
        "Jo (care coordinator)",
        "the pharmacy",
        "Dr Okafor",
        "the psychologist",
    ];
    for i in 0..sizes.appointments {
        let day = span(i, sizes.appointments) + Duration::days(10);
        let a = ValidAppointment {
            person_id: ids[rng.below(ids.len())],
            starts_at: day
                .and_time(NaiveTime::from_hms_opt(9 + (i % 8) as u32, 0, 0).unwrap_or_default()),
            with_whom: rng.pick(&clinicians).to_string(),
            place: rng.chance(0.7).then(|| "Riverside clinic".to_string()),
            giving_ride: rng.chance(0.4),
            questions: (0..rng.below(4))
                .map(|_| format!("Ask about {}", words.phrase(rng, 3)))
                .collect(),
            notes_after: (day <= until && rng.chance(0.6)).then(|| words.some(rng, 8, 27)),
        };
        practices::store::save_appointment(
            tx,
            None,
            &a,
            &stamp(at(day - Duration::days(7), 12, 0)),
        )?;
    }
    for (i, name) in clinicians.iter().enumerate() {
        let c = CareContactInput {
            person_id: (i % 2 == 0).then(|| ids[i % ids.len()]),
            name: name.to_string(),
            kind: *rng.pick(&[
                CareKind::Clinician,
                CareKind::Service,
                CareKind::Pharmacy,
                CareKind::Other,
            ]),
            phone: Some(format!("0161 496 0{:03}", i * 37)),
            note: Some(words.phrase(rng, 5)),
        };
        practices::store::save_contact(tx, None, &c, &stamp(at(first, 9, 0)))?;
    }
    for i in 0..30 {
        let b = BoundaryInput {
            person_id: ids[i % ids.len()],
            whose: if i % 3 == 0 {
                Whose::Mine
            } else {
                Whose::Theirs
            },
            text: words.sentence(
                rng,
                &["No questions about", "Knock before", "I need an hour for"],
                2,
                5,
            ),
        };
        practices::store::add_boundary(tx, &b, &stamp(at(span(i, 30), 9, 0)))?;
    }
    practices::store::set_space(
        tx,
        ids[2],
        until + Duration::days(3),
        Some("Nan asked for a quiet week"),
        &stamp(at(until, 9, 0)),
    )?;
    Ok(())
}

fn write_readiness(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    words: &Vocabulary,
    sizes: &Sizes,
    first: NaiveDate,
    ids: &[i64],
) -> Res<()> {
    let span =
        |i: usize, n: usize| first + Duration::days((i as i64 * sizes.days) / n.max(1) as i64);
    let mut signs: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for (k, p) in ids.iter().enumerate() {
        for j in 0..8 {
            let s = ValidSign {
                person_id: *p,
                sign: words.sentence(
                    rng,
                    &[
                        "Stops eating",
                        "Up all night",
                        "Talks fast about",
                        "Stays in the room",
                        "Gives things away",
                    ],
                    1,
                    3,
                ),
                action: (j % 2 == 0).then(|| words.phrase(rng, 6)),
                contact: (j % 3 == 0).then(|| "Jo, care coordinator".to_string()),
            };
            let id = readiness::store::add_sign(
                tx,
                &s,
                &stamp(at(first + Duration::days((k * 30 + j) as i64), 10, 0)),
            )?;
            signs.entry(*p).or_default().push(id);
        }
    }
    let mut made = 0;
    for i in 0..sizes.plan_versions {
        let p = ids[i % ids.len()];
        let item = |rng: &mut Rng, min: usize, max: usize| {
            let n = min + rng.below(max - min + 1);
            (0..n).map(|_| words.some(rng, 3, 7)).collect::<Vec<_>>()
        };
        let steps = PlanSteps {
            warning_signs: item(rng, 3, 6),
            coping: item(rng, 2, 5),
            distractions: item(rng, 2, 4),
            helpers: item(rng, 1, 3),
            professionals: vec![
                "Jo, care coordinator: 0161 496 0123".into(),
                "Samaritans: 116 123".into(),
            ],
            safer_environment: item(rng, 1, 3),
        };
        let plan = ValidPlan {
            person_id: p,
            steps,
            made_together: rng.chance(0.5),
        };
        if readiness::store::save_plan(tx, &plan, &stamp(at(span(i, sizes.plan_versions), 11, 0)))?
            .1
        {
            made += 1;
        }
    }
    debug_assert_eq!(made, sizes.plan_versions);
    for i in 0..sizes.signs_noticed {
        let p = ids[i % ids.len()];
        let mine = &signs[&p];
        let n = ValidNoticed {
            person_id: p,
            noticed_on: span(i, sizes.signs_noticed),
            sign_ids: (0..1 + rng.below(3))
                .map(|_| *rng.pick(mine))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
            note: rng.chance(0.5).then(|| words.some(rng, 6, 15)),
        };
        readiness::store::add_noticed(tx, &n, &stamp(at(n.noticed_on, 22, 0)))?;
    }
    let card = CaregiverCard {
        contacts: vec![
            CardContact {
                name: "Ana (sister)".into(),
                reach: Some("07700 900123".into()),
            },
            CardContact {
                name: "Carers' line".into(),
                reach: Some("0808 808 7777".into()),
            },
        ],
        what_helps: Some("Ten minutes outside; a cup of tea; ringing Ana".into()),
    };
    readiness::store::save_caregiver_card(tx, &card, &stamp(at(first, 12, 0)))?;
    Ok(())
}

const ZONES: &[&str] = &[
    "Europe/London",
    "Europe/London",
    "Europe/London",
    "Europe/Dublin",
    "America/New_York",
];

fn write_reminders(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    words: &Vocabulary,
    sizes: &Sizes,
    first: NaiveDate,
    until: NaiveDate,
    ids: &[i64],
) -> Res<()> {
    let end = at(until, 12, 0);
    let mut open = 0;
    for i in 0..sizes.reminders {
        let start = first + Duration::days((i as i64 * sizes.days) / sizes.reminders as i64);
        let created = at(start, 8, 0);
        let repeat = match i % 7 {
            0 => Repeat::Daily,
            1 => Repeat::Weekdays,
            2 => Repeat::Weekly {
                days: vec![*rng.pick(&alongside_core::reminders::schedule::Day::ALL)],
            },
            3 => Repeat::EveryNDays {
                n: 2 + rng.below(12) as u32,
            },
            4 => Repeat::MonthlyOnDay {
                day: 1 + rng.below(28) as u32,
            },
            5 => Repeat::MonthlyOnWeekday {
                nth: 1 + rng.below(4) as i32,
                weekday: alongside_core::reminders::schedule::Day::Tu,
            },
            _ => Repeat::Daily,
        };
        let purpose = *rng.pick(&[
            Purpose::CheckIn,
            Purpose::Appointment,
            Purpose::SelfCare,
            Purpose::SelfCheck,
            Purpose::Custom,
        ]);
        let input = ReminderInput {
            title: words.sentence(
                rng,
                &[
                    "Check in with",
                    "Tablets and",
                    "Ring the",
                    "Time for",
                    "Remember",
                ],
                1,
                3,
            ),
            message: rng.chance(0.4).then(|| words.phrase(rng, 6)),
            purpose,
            person_id: (purpose == Purpose::CheckIn || rng.chance(0.5))
                .then(|| ids[rng.below(ids.len())]),
            schedule: ScheduleInput {
                start_date: dates::day_text(start),
                time: format!("{:02}:{:02}", 7 + rng.below(14), 15 * rng.below(4)),
                repeat,
                end_date: None,
                time_zone: rng.pick(ZONES).to_string(),
            },
        };
        let valid = input.validate(created)?;
        let id = reminders::store::save(tx, None, &valid, created)?;
        // Routines change: two in three reminders made over the years were later removed.
        let removed = i + 40 < sizes.reminders && rng.chance(0.67);
        if removed {
            let gone = created + Duration::days(30 + rng.below(300) as i64);
            reminders::store::remove(tx, id, gone.min(end))?;
        }
        // The scheduler has handled each reminder up to now: its cursor, and the last weeks of
        // what came of each occurrence.
        let until_then = if removed {
            created + Duration::days(30)
        } else {
            end
        };
        let mut cursor = until_then - Duration::days(45).min(until_then - created);
        let mut history = Vec::new();
        while let Some(o) = valid.schedule.next_after(cursor) {
            if o.at > until_then || history.len() >= 40 {
                break;
            }
            cursor = o.at;
            history.push(o);
        }
        for (k, o) in history.iter().enumerate() {
            let newest = k + 1 == history.len();
            let state = if !removed && newest && open < 3 {
                open += 1;
                ["due", "missed", "snoozed"][open - 1]
            } else if rng.chance(0.75) {
                "done"
            } else {
                "skipped"
            };
            let resolved =
                matches!(state, "done" | "skipped").then(|| stamp(o.at + Duration::minutes(20)));
            let snoozed = (state == "snoozed").then(|| stamp(end + Duration::hours(1)));
            tx.execute(
                "INSERT INTO due_items (reminder_id, occurrence, due_at, state, snoozed_until, notified_at, resolved_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![id, o.key(), stamp(o.at), state, snoozed, stamp(o.at), resolved],
            )?;
        }
        tx.execute(
            "UPDATE reminders SET cursor = max(cursor, ?2) WHERE id = ?1",
            rusqlite::params![id, stamp(cursor)],
        )?;
    }
    Ok(())
}
