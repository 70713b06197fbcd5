//! A care circle's live sync on loopback, with the app's own steps and transport: ten years of
//! one family's records (see `core/benches/support/ten_years.rs`), every kind shared, sent from
//! one computer's data to a new one over iroh (QUIC on 127.0.0.1, no relay, no discovery), then
//! the lag of one change: a win added on the first until it is in the second's tables.
//! Run: `cargo bench -p alongside --bench care_sync`.

#[path = "../core/benches/support/ten_years.rs"]
mod ten_years;

use std::time::{Duration, Instant};

use alongside_core::care_circle::api::{self, NewCareCircle};
use alongside_core::care_circle::live;
use alongside_core::care_circle::store::{self, CircleRow};
use alongside_core::care_circle::SharedKind;
use alongside_core::db::open_in_memory;
use automerge::sync;
use iroh::endpoint::{presets, RecvStream, SendStream};
use iroh::{Endpoint, EndpointAddr, RelayMode};
use rusqlite::Connection;

const ALPN: &[u8] = b"alongside/circle/bench";
const LAG_RUNS: usize = 30;

async fn endpoint() -> ten_years::Res<Endpoint> {
    Ok(Endpoint::builder(presets::Minimal)
        .alpns(vec![ALPN.to_vec()])
        .relay_mode(RelayMode::Disabled)
        .clear_address_lookup()
        .clear_ip_transports()
        .bind_addr("127.0.0.1:0")?
        .bind()
        .await?)
}

async fn send(s: &mut SendStream, msg: Option<Vec<u8>>) -> ten_years::Res<usize> {
    let bytes = msg.unwrap_or_default();
    s.write_all(&(bytes.len() as u32).to_be_bytes()).await?;
    s.write_all(&bytes).await?;
    Ok(bytes.len())
}

async fn recv(r: &mut RecvStream) -> ten_years::Res<Vec<u8>> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len).await?;
    let mut buf = vec![0u8; u32::from_be_bytes(len) as usize];
    r.read_exact(&mut buf).await?;
    Ok(buf)
}

struct Side {
    conn: Connection,
    circle: CircleRow,
    state: sync::State,
    id: String,
}

/// Turns about: A says what B lacks, B takes it and answers, until neither has anything to
/// say. Returns the bytes sent each way and the number of turns.
/// Note: each side's message is small after the first sync, so sending before the other reads
/// cannot fill QUIC's window here.
async fn settle(
    a: &mut Side,
    b: &mut Side,
    (sa, ra): (&mut SendStream, &mut RecvStream),
    (sb, rb): (&mut SendStream, &mut RecvStream),
) -> ten_years::Res<(usize, usize, usize)> {
    let (mut to_b, mut to_a, mut turns) = (0, 0, 0);
    loop {
        turns += 1;
        let m = live::next_message(&mut a.conn, &a.circle, &mut a.state)?;
        let a_quiet = m.is_none();
        to_b += send(sa, m).await?;
        let got = recv(rb).await?;
        if !got.is_empty() {
            live::take_message(&mut b.conn, &b.circle, &mut b.state, &got, &a.id)?;
        }
        let m = live::next_message(&mut b.conn, &b.circle, &mut b.state)?;
        let b_quiet = m.is_none();
        to_a += send(sb, m).await?;
        let got = recv(ra).await?;
        if !got.is_empty() {
            live::take_message(&mut a.conn, &a.circle, &mut a.state, &got, &b.id)?;
        }
        if a_quiet && b_quiet {
            return Ok((to_b, to_a, turns));
        }
    }
}

fn count(c: &Connection, table: &str) -> ten_years::Res<i64> {
    Ok(c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ten_years::Res<()> {
    println!(
        "machine: {}",
        std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(
                |c| c.lines().find(|l| l.starts_with("model name")).map(|l| l
                    .split(':')
                    .nth(1)
                    .unwrap_or("")
                    .trim()
                    .to_owned())
            )
            .unwrap_or_default()
    );
    let mut a = open_in_memory()?;
    ten_years::fill(
        &mut a,
        ten_years::DEFAULT_SEED,
        ten_years::default_until(),
        &ten_years::Sizes::ten_years(),
    )?;
    let person: i64 = a.query_row("SELECT id FROM people ORDER BY id LIMIT 1", [], |r| {
        r.get(0)
    })?;
    let t = Instant::now();
    let view = api::create_on(
        &mut a,
        NewCareCircle {
            person_id: person,
            your_name: "Maria".into(),
            shares: SharedKind::ALL.to_vec(),
        },
    )?;
    let first_publish = t.elapsed();
    let circle_a = store::circle(&a, view.id)?.ok_or("circle")?;
    let me = store::device(&a)?;
    // Read from its saved form, as on the first step after a launch (later steps find it kept
    // in memory).
    let bytes: Vec<u8> = a.query_row(
        "SELECT doc FROM care_circles WHERE id = ?1",
        [circle_a.id],
        |r| r.get(0),
    )?;
    let t = Instant::now();
    let mut loaded = alongside_core::care_circle::doc::CircleDoc::load(&bytes, &me.public())?;
    let load = t.elapsed();
    let t = Instant::now();
    let doc_bytes = loaded.save().len();
    let save = t.elapsed();
    let t = Instant::now();
    let n = alongside_core::care_circle::apply::publish(&a, &circle_a, &mut loaded, &me.id())?;
    println!(
        "load {:.0} ms, save {:.0} ms, a publish with nothing new ({n}) {:.0} ms",
        load.as_secs_f64() * 1e3,
        save.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3
    );
    let shared: i64 = a.query_row("SELECT count(*) FROM shared_records", [], |r| r.get(0))?;
    println!(
        "starting a circle that shares every kind: {shared} records of the first person, into a {:.1} MB document, in {:.2} s",
        doc_bytes as f64 / 1e6,
        first_publish.as_secs_f64()
    );

    // The new computer joins (the inviter's step and the joiner's), then they sync on loopback.
    let b = open_in_memory()?;
    b.execute("INSERT INTO people (id, name, relationship, created_at) VALUES (1, 'Sam', 'child', '2026-01-01T00:00:00Z')", [])?;
    let mut b = b;
    let a_id = me.id();
    let b_id = store::device(&b)?.id();
    let (ea, eb) = (endpoint().await?, endpoint().await?);
    let addr = EndpointAddr::new(ea.id()).with_ip_addr(ea.bound_sockets()[0]);
    let accept = tokio::spawn(async move {
        let conn = ea.accept().await.ok_or("no connection")?.await?;
        let (s, r) = conn.accept_bi().await?;
        Ok::<_, Box<dyn std::error::Error + Send + Sync>>((ea, conn, s, r))
    });
    let conn_b = eb.connect(addr, ALPN).await?;
    let (mut sb, mut rb) = conn_b.open_bi().await?;
    sb.write_all(&0u32.to_be_bytes()).await?; // opens the stream for the other side
    let (_ea, _conn_a, mut sa, mut ra) = accept.await?.map_err(|e| e.to_string())?;
    let _ = recv(&mut ra).await?;

    // The new computer joins over loopback: the inviter lets it in and sends the whole
    // document; the new computer writes it into its tables.
    let t = Instant::now();
    let doc = live::admit(&mut a, &circle_a, &b_id, "Tom", &[])?;
    // Sent and read at once: a 2 MB message does not fit in QUIC's window before it is read.
    let (sent, got) = tokio::join!(send(&mut sa, Some(doc)), recv(&mut rb));
    let (sent, got) = (sent?, got?);
    let circle_b = live::joined(&mut b, &got, 1, "Tom", &a_id)?;
    let join = t.elapsed();
    println!(
        "initial sync of ten years (joining): {:.1} MB sent over loopback and written to the new computer's tables in {:.2} s ({} wins there now)",
        sent as f64 / 1e6,
        join.as_secs_f64(),
        count(&b, "wins")?
    );
    let mut a_side = Side {
        conn: a,
        circle: circle_a,
        state: sync::State::new(),
        id: a_id,
    };
    let mut b_side = Side {
        conn: b,
        circle: circle_b,
        state: sync::State::new(),
        id: b_id,
    };
    let t = Instant::now();
    let (to_b, to_a, turns) = settle(
        &mut a_side,
        &mut b_side,
        (&mut sa, &mut ra),
        (&mut sb, &mut rb),
    )
    .await?;
    println!(
        "first sync after joining, on loopback: {:.2} s, {turns} turns, {:.1} kB to the new computer and {:.1} kB back",
        t.elapsed().as_secs_f64(),
        to_b as f64 / 1e3,
        to_a as f64 / 1e3
    );

    let mut lags = Vec::with_capacity(LAG_RUNS);
    for i in 0..LAG_RUNS {
        let t = Instant::now();
        a_side.conn.execute(
            "INSERT INTO wins (person_id, happened_on, text, created_at) VALUES (?1, '2026-12-03', ?2, '2026-12-03T10:00:00Z')",
            rusqlite::params![person, format!("A small win, number {i}")],
        )?;
        settle(
            &mut a_side,
            &mut b_side,
            (&mut sa, &mut ra),
            (&mut sb, &mut rb),
        )
        .await?;
        let arrived: i64 = b_side.conn.query_row(
            "SELECT count(*) FROM wins WHERE text = ?1",
            [format!("A small win, number {i}")],
            |r| r.get(0),
        )?;
        assert_eq!(arrived, 1, "the win arrived");
        lags.push(t.elapsed());
    }
    lags.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "lag of one change (a win added, until it is in the other computer's tables), {LAG_RUNS} runs: p50 {:.0} ms, p90 {:.0} ms, max {:.0} ms; the app adds up to 0.5 s before it looks for a change",
        ms(lags[LAG_RUNS / 2]),
        ms(lags[LAG_RUNS * 9 / 10]),
        ms(lags[LAG_RUNS - 1])
    );
    Ok(())
}
