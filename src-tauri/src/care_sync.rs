//! A care circle's live sync, over iroh: QUIC connections, end-to-end encrypted, straight
//! between the circle's devices (no discovery service: each device says in the circle's
//! document where it listens). A relay is used only when a member of the circle set one (a
//! self-hosted `iroh-relay`, say): then the devices can also reach each other through it, and it
//! passes on encrypted packets it cannot read. Nothing here opens a socket until the caregiver
//! turns live sync on, by making an invite or joining with one. Each connection carries
//! Automerge's sync messages; every step on the data is the core's (`care_circle::live`).

use std::collections::{HashMap, HashSet};
use std::net::{SocketAddr, SocketAddrV4};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use alongside_core::care_circle::api::CareCircle;
use alongside_core::care_circle::live::{self, Hello, Invite, InviteView, JoinRequest};
use alongside_core::care_circle::store::{self, CircleRow};
use alongside_core::{Error, Result};
use iroh::endpoint::{presets, Connection, PortmapperConfig, RecvStream, SendStream, VarInt};
use iroh::{Endpoint, EndpointAddr, EndpointId, PublicKey, RelayMode, RelayUrl, SecretKey};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tokio::sync::watch;

use crate::DbExt;

/// Where live sync listens; tests set 127.0.0.1:0 so nothing leaves the computer.
pub const BIND_ENV: &str = "ALONGSIDE_SYNC_BIND";
/// How long an invite code works.
const INVITE_FOR: Duration = Duration::from_secs(60 * 60);
/// How often a device looks for circle members it is not connected to.
const DIAL_EVERY: Duration = Duration::from_secs(2);
/// How long the device with the larger id waits for the other to dial before dialling itself.
const FALLBACK_AFTER: Duration = Duration::from_secs(8);
/// How often a device looks for changes made on it.
const LOOK_EVERY: Duration = Duration::from_millis(500);

struct Running {
    endpoint: Endpoint,
    /// The relays this endpoint may use (those of the live circles, and an invite's).
    relays: Vec<String>,
    /// Open invites: their secret, the circle and until when.
    invites: Mutex<HashMap<[u8; 8], (i64, Instant)>>,
    /// Devices with a session open now (circle row id, device id).
    sessions: Mutex<HashSet<(i64, String)>>,
    /// Ticks when something changed here (a record, or a message from another device).
    changed: watch::Sender<u64>,
}

/// The live sync of every circle this device is in: off until turned on.
#[derive(Default)]
pub struct CareSync {
    running: tokio::sync::Mutex<Option<Arc<Running>>>,
    /// Told when the running endpoint should start again (a circle's relay changed elsewhere).
    restart: tokio::sync::Notify,
}

fn unavailable() -> Error {
    Error::invalid(
        "sync",
        "Live sync could not start on this computer. Sharing by file still works.",
    )
}

/// How every live-sync endpoint is made: this computer's key, the app's two protocols, no
/// discovery service, no port mapping, and a relay only if a circle chose one.
fn builder(secret: &[u8; 32], relays: &[RelayUrl]) -> iroh::endpoint::Builder {
    Endpoint::builder(presets::Minimal)
        .secret_key(SecretKey::from_bytes(secret))
        .alpns(vec![live::SYNC_ALPN.to_vec(), live::JOIN_ALPN.to_vec()])
        .relay_mode(relay_mode(relays))
        .clear_address_lookup()
        .portmapper_config(PortmapperConfig::Disabled)
        .clear_ip_transports()
}

/// Off unless a circle chose relays, and then only those: never iroh's public ones.
fn relay_mode(relays: &[RelayUrl]) -> RelayMode {
    if relays.is_empty() {
        RelayMode::Disabled
    } else {
        RelayMode::custom(relays.iter().cloned())
    }
}

fn bind_addr() -> SocketAddr {
    std::env::var(BIND_ENV)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| "0.0.0.0:0".parse().expect("an address"))
}

async fn write_frame(send: &mut SendStream, bytes: &[u8]) -> std::io::Result<()> {
    let len = u32::try_from(bytes.len()).map_err(std::io::Error::other)?;
    send.write_all(&len.to_be_bytes())
        .await
        .map_err(std::io::Error::other)?;
    send.write_all(bytes).await.map_err(std::io::Error::other)
}

async fn read_frame(recv: &mut RecvStream) -> std::io::Result<Vec<u8>> {
    let mut len = [0u8; 4];
    recv.read_exact(&mut len)
        .await
        .map_err(std::io::Error::other)?;
    let n = u32::from_be_bytes(len) as usize;
    if n > live::MAX_MESSAGE {
        return Err(std::io::Error::other("message too large"));
    }
    let mut buf = vec![0u8; n];
    recv.read_exact(&mut buf)
        .await
        .map_err(std::io::Error::other)?;
    Ok(buf)
}

/// This device's addresses that others can dial (IPv4 only, in invite codes and the document).
fn addresses(endpoint: &Endpoint) -> Vec<SocketAddr> {
    let mut out: Vec<SocketAddr> = endpoint
        .addr()
        .ip_addrs()
        .copied()
        .filter(|a| a.is_ipv4() && !a.ip().is_unspecified())
        .collect();
    if out.is_empty() {
        out = endpoint
            .bound_sockets()
            .into_iter()
            .filter(|a| a.is_ipv4() && !a.ip().is_unspecified())
            .collect();
    }
    out.sort();
    out.dedup();
    out
}

fn db_call<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    f: impl FnOnce(&mut rusqlite::Connection) -> Result<T> + Send + 'static,
) -> impl std::future::Future<Output = Result<T>> {
    let app = app.clone();
    async move {
        tokio::task::spawn_blocking(move || app.db().with(f))
            .await
            .map_err(|_| unavailable())?
    }
}

impl CareSync {
    /// Starts listening (once), and the loops that keep the circle's devices in step. Started
    /// again when the relays it should use change: those of the live circles, and `extra` (an
    /// invite's, while joining).
    async fn start<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        extra: Option<String>,
    ) -> Result<Arc<Running>> {
        let (secret, port, mut relays) = db_call(app, |c| {
            Ok((
                *store::device(c)?.secret(),
                live::last_port(c)?,
                live::live_relays(c)?,
            ))
        })
        .await?;
        if let Some(r) = extra.filter(|r| !relays.contains(r)) {
            relays.push(r);
            relays.sort();
        }
        let mut running = self.running.lock().await;
        if let Some(r) = running.as_ref() {
            if r.relays == relays {
                return Ok(r.clone());
            }
            r.endpoint.close().await;
            *running = None;
        }
        let urls = relays
            .iter()
            .map(|r| r.parse::<RelayUrl>())
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|_| unavailable())?;
        let bind = |addr: SocketAddr| builder(&secret, &urls).bind_addr(addr).map(|b| b.bind());
        // The port of last time, so the others find this computer where it was; any if taken.
        let mut addr = bind_addr();
        if let Some(p) = port.filter(|_| addr.port() == 0) {
            addr.set_port(p);
        }
        let endpoint = match bind(addr).map_err(|_| unavailable())?.await {
            Ok(e) => e,
            Err(_) => bind(bind_addr())
                .map_err(|_| unavailable())?
                .await
                .map_err(|_| unavailable())?,
        };
        let r = Arc::new(Running {
            endpoint,
            relays,
            invites: Mutex::new(HashMap::new()),
            sessions: Mutex::new(HashSet::new()),
            changed: watch::Sender::new(0),
        });
        tauri::async_runtime::spawn(accept_loop(app.clone(), r.clone()));
        tauri::async_runtime::spawn(dial_loop(app.clone(), r.clone()));
        tauri::async_runtime::spawn(look_loop(app.clone(), r.clone()));
        *running = Some(r.clone());
        Ok(r)
    }

    /// Stops listening and closes every connection.
    pub async fn stop(&self) {
        if let Some(r) = self.running.lock().await.take() {
            r.endpoint.close().await;
        }
    }

    /// Turns live sync on or off for circle `id`; with none left on, nothing listens.
    pub async fn set_live<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        id: i64,
        on: bool,
    ) -> Result<CareCircle> {
        let view = db_call(app, move |c| {
            let circle = store::circle(c, id)?.ok_or(Error::NotFound("care circle"))?;
            store::set_live(c, id, on)?;
            let device = store::device(c)?;
            alongside_core::care_circle::api::view_of(c, &circle, &device)
        })
        .await?;
        let any = db_call(app, |c| Ok(!store::live_circles(c)?.is_empty())).await?;
        if any {
            self.start(app, None).await?;
        } else {
            self.stop().await;
        }
        Ok(view)
    }

    /// Sets circle `id`'s relay (empty for none); a running live sync starts again with it.
    pub async fn set_relay<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        id: i64,
        relay: String,
    ) -> Result<CareCircle> {
        let view = db_call(app, move |c| {
            alongside_core::care_circle::api::set_relay_on(c, id, &relay)
        })
        .await?;
        if self.running.lock().await.is_some() {
            self.start(app, None).await?;
        }
        Ok(view)
    }

    /// An invite code (and its QR code) that lets one new device into circle `id` for an hour.
    pub async fn invite<R: Runtime>(&self, app: &AppHandle<R>, id: i64) -> Result<InviteView> {
        let relay = db_call(app, move |c| {
            let circle = store::circle(c, id)?.ok_or(Error::NotFound("care circle"))?;
            store::set_live(c, id, true)?;
            live::relay_of(c, &circle)
        })
        .await?;
        let r = self.start(app, None).await?;
        let addrs: Vec<SocketAddrV4> = addresses(&r.endpoint)
            .into_iter()
            .filter_map(|a| match a {
                SocketAddr::V4(v4) => Some(v4),
                SocketAddr::V6(_) => None,
            })
            .collect();
        if addrs.is_empty() && relay.is_none() {
            return Err(unavailable());
        }
        let invite = Invite::new(*r.endpoint.id().as_bytes(), addrs, relay);
        r.invites
            .lock()
            .expect("invites")
            .insert(invite.token, (id, Instant::now() + INVITE_FOR));
        let code = invite.code();
        Ok(InviteView {
            qr: live::qr(&code),
            code,
        })
    }

    /// Joins the circle an invite code is for, about `person_id` here.
    pub async fn join<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        code: &str,
        person_id: i64,
        your_name: &str,
    ) -> Result<CareCircle> {
        let invite = Invite::parse(code)?;
        let name = alongside_core::validate::required_text(
            "yourName",
            your_name,
            alongside_core::validate::NAME_MAX,
            "your name",
        )?;
        db_call(app, move |c| {
            alongside_core::people::store::ensure_active(c, person_id)
        })
        .await?;
        let r = self.start(app, invite.relay.clone()).await?;
        let unreachable = || {
            Error::invalid(
                "code",
                "Alongside could not reach the computer that made this invite. Please check that Alongside is open there with live sync on, and that both computers are on the same network.",
            )
        };
        let inviter = PublicKey::from_bytes(&invite.device).map_err(|_| unreachable())?;
        let mut addr = EndpointAddr::new(inviter);
        for a in &invite.addrs {
            addr = addr.with_ip_addr(SocketAddr::V4(*a));
        }
        if let Some(url) = invite.relay.as_deref().and_then(|r| r.parse().ok()) {
            addr = addr.with_relay_url(url);
        }
        let conn = tokio::time::timeout(
            Duration::from_secs(15),
            r.endpoint.connect(addr, live::JOIN_ALPN),
        )
        .await
        .map_err(|_| unreachable())?
        .map_err(|_| unreachable())?;
        let (mut send, mut recv) = conn.open_bi().await.map_err(|_| unreachable())?;
        let request = JoinRequest {
            token: hex::encode(invite.token),
            name: name.clone(),
            addresses: addresses(&r.endpoint)
                .iter()
                .map(ToString::to_string)
                .collect(),
        };
        let body = serde_json::to_vec(&request).map_err(|_| unreachable())?;
        write_frame(&mut send, &body)
            .await
            .map_err(|_| unreachable())?;
        let answer = tokio::time::timeout(Duration::from_secs(60), read_frame(&mut recv))
            .await
            .map_err(|_| unreachable())?
            .map_err(|_| {
                Error::invalid(
                    "code",
                    "The other computer did not accept this invite. It may have been used already or be more than an hour old: please ask for a new one.",
                )
            })?;
        conn.close(VarInt::from_u32(0), b"joined");
        let inviter_id = hex::encode(invite.device);
        let addrs: Vec<SocketAddr> = addresses(&r.endpoint);
        let view = db_call(app, move |c| {
            let circle = live::joined(c, &answer, person_id, &name, &inviter_id)?;
            live::set_address(c, &circle, &addrs)?;
            let device = store::device(c)?;
            alongside_core::care_circle::api::view_of(c, &circle, &device)
        })
        .await?;
        r.changed.send_modify(|v| *v += 1);
        Ok(view)
    }
}

/// Answers joins and sync connections from circle members; anyone else is closed at once.
async fn accept_loop<R: Runtime>(app: AppHandle<R>, r: Arc<Running>) {
    while let Some(incoming) = r.endpoint.accept().await {
        let (app, r) = (app.clone(), r.clone());
        tauri::async_runtime::spawn(async move {
            let Ok(conn) = incoming.await else { return };
            if conn.alpn() == live::JOIN_ALPN {
                answer_join(&app, &r, conn).await;
            } else if conn.alpn() == live::SYNC_ALPN {
                let Ok((send, mut recv)) = conn.accept_bi().await else {
                    return;
                };
                let Ok(hello) = read_frame(&mut recv).await else {
                    return;
                };
                let Ok(hello) = serde_json::from_slice::<Hello>(&hello) else {
                    return;
                };
                let device = hex::encode(conn.remote_id().as_bytes());
                let d = device.clone();
                let circle = db_call(&app, move |c| {
                    let circle = store::circle_by_circle_id(c, &hello.circle)?
                        .ok_or(Error::NotFound("care circle"))?;
                    if live::is_member(c, &circle, &d)? {
                        Ok(circle)
                    } else {
                        Err(Error::NotFound("member"))
                    }
                })
                .await;
                match circle {
                    Ok(circle) => session(app, r, conn, circle, device, send, recv).await,
                    Err(_) => conn.close(VarInt::from_u32(403), b"not in this circle"),
                }
            } else {
                conn.close(VarInt::from_u32(400), b"unknown protocol");
            }
        });
    }
}

async fn answer_join<R: Runtime>(app: &AppHandle<R>, r: &Arc<Running>, conn: Connection) {
    let Ok((mut send, mut recv)) = conn.accept_bi().await else {
        return;
    };
    let Ok(Ok(body)) = tokio::time::timeout(Duration::from_secs(10), read_frame(&mut recv)).await
    else {
        return;
    };
    let Ok(request) = serde_json::from_slice::<JoinRequest>(&body) else {
        return;
    };
    let token: Option<[u8; 8]> = hex::decode(&request.token)
        .ok()
        .and_then(|b| b.try_into().ok());
    let circle_id = token.and_then(|t| {
        let mut invites = r.invites.lock().expect("invites");
        match invites.remove(&t) {
            Some((id, until)) if until > Instant::now() => Some(id),
            _ => None,
        }
    });
    let Some(circle_id) = circle_id else {
        conn.close(VarInt::from_u32(403), b"invite not valid");
        return;
    };
    let device = hex::encode(conn.remote_id().as_bytes());
    let addrs: Vec<SocketAddr> = request
        .addresses
        .iter()
        .filter_map(|a| a.parse().ok())
        .collect();
    let admitted = db_call(app, move |c| {
        let circle = store::circle(c, circle_id)?.ok_or(Error::NotFound("care circle"))?;
        live::admit(c, &circle, &device, &request.name, &addrs)
    })
    .await;
    match admitted {
        Ok(doc) => {
            if write_frame(&mut send, &doc).await.is_ok() {
                let _ = send.finish();
                conn.closed().await;
            }
            r.changed.send_modify(|v| *v += 1);
            let _ = app.emit("care-circle-synced", ());
        }
        Err(_) => conn.close(VarInt::from_u32(403), b"not admitted"),
    }
}

/// Connects to the members of every circle that this device has no session with. The device
/// with the smaller id dials, so two devices keep one connection between them; the other dials
/// too once it has waited a while with no connection (its peer may not know where it is).
async fn dial_loop<R: Runtime>(app: AppHandle<R>, r: Arc<Running>) {
    let me = hex::encode(r.endpoint.id().as_bytes());
    let mut published: Vec<SocketAddr> = vec![];
    let mut alone_since: HashMap<(i64, String), Instant> = HashMap::new();
    while !r.endpoint.is_closed() {
        let addrs = addresses(&r.endpoint);
        let fresh = addrs != published;
        let a = addrs.clone();
        let todo = db_call(&app, move |c| {
            let mut todo = vec![];
            for circle in store::live_circles(c)? {
                if fresh {
                    live::set_address(c, &circle, &a)?;
                }
                let relay = live::relay_of(c, &circle)?;
                for (device, addrs) in live::peers(c, &circle)? {
                    todo.push((circle.clone(), device, addrs, relay.clone()));
                }
            }
            Ok(todo)
        })
        .await;
        if let Ok(todo) = todo {
            if fresh {
                published = addrs;
            }
            // A circle's relay changed on another computer: start again with the new one.
            if todo
                .iter()
                .any(|(_, _, _, relay)| relay.as_ref().is_some_and(|x| !r.relays.contains(x)))
            {
                app.state::<CareSync>().restart.notify_one();
                return;
            }
            for (circle, device, addrs, relay) in todo {
                let key = (circle.id, device.clone());
                let open = r.sessions.lock().expect("sessions").contains(&key);
                if open {
                    alone_since.remove(&key);
                    continue;
                }
                let waited = alone_since
                    .entry(key)
                    .or_insert_with(Instant::now)
                    .elapsed();
                let relay: Option<RelayUrl> = relay
                    .filter(|x| r.relays.contains(x))
                    .and_then(|x| x.parse().ok());
                if (addrs.is_empty() && relay.is_none()) || (device < me && waited < FALLBACK_AFTER)
                {
                    continue;
                }
                let Ok(bytes) = hex::decode(&device) else {
                    continue;
                };
                let Ok(bytes) = <[u8; 32]>::try_from(bytes.as_slice()) else {
                    continue;
                };
                let Ok(id) = EndpointId::from_bytes(&bytes) else {
                    continue;
                };
                let mut addr = EndpointAddr::new(id);
                for a in addrs {
                    addr = addr.with_ip_addr(a);
                }
                if let Some(url) = relay {
                    addr = addr.with_relay_url(url);
                }
                let (app, r) = (app.clone(), r.clone());
                tauri::async_runtime::spawn(async move {
                    let Ok(Ok(conn)) = tokio::time::timeout(
                        Duration::from_secs(10),
                        r.endpoint.connect(addr, live::SYNC_ALPN),
                    )
                    .await
                    else {
                        return;
                    };
                    let Ok((mut send, recv)) = conn.open_bi().await else {
                        return;
                    };
                    let hello = serde_json::to_vec(&Hello {
                        circle: circle.circle_id.clone(),
                    })
                    .expect("a hello");
                    if write_frame(&mut send, &hello).await.is_err() {
                        return;
                    }
                    session(app, r, conn, circle, device, send, recv).await;
                });
            }
        }
        tokio::time::sleep(DIAL_EVERY).await;
    }
}

/// Ticks `changed` when anything was written here since the last look.
async fn look_loop<R: Runtime>(app: AppHandle<R>, r: Arc<Running>) {
    let mut last = None;
    while !r.endpoint.is_closed() {
        let now = db_call(&app, |c| Ok(c.total_changes())).await.ok();
        if now.is_some() && now != last {
            last = now;
            r.changed.send_modify(|v| *v += 1);
        }
        tokio::time::sleep(LOOK_EVERY).await;
    }
}

/// One connection with one member: each side sends what the other lacks whenever something
/// changes, until the connection ends or the member is removed.
async fn session<R: Runtime>(
    app: AppHandle<R>,
    r: Arc<Running>,
    conn: Connection,
    circle: CircleRow,
    device: String,
    mut send: SendStream,
    mut recv: RecvStream,
) {
    let key = (circle.id, device.clone());
    if !r.sessions.lock().expect("sessions").insert(key.clone()) {
        conn.close(VarInt::from_u32(409), b"already connected");
        return;
    }
    let state = Arc::new(Mutex::new(automerge::sync::State::new()));
    let writer = {
        let (app, r, circle, state, device) = (
            app.clone(),
            r.clone(),
            circle.clone(),
            state.clone(),
            device.clone(),
        );
        tauri::async_runtime::spawn(async move {
            let mut changed = r.changed.subscribe();
            loop {
                loop {
                    let (c2, s2, d2) = (circle.clone(), state.clone(), device.clone());
                    let next = db_call(&app, move |c| {
                        if !live::is_member(c, &c2, &d2)? {
                            return Err(Error::NotFound("member"));
                        }
                        let mut s = s2.lock().expect("sync state");
                        live::next_message(c, &c2, &mut s)
                    })
                    .await;
                    match next {
                        Ok(Some(msg)) => {
                            if write_frame(&mut send, &msg).await.is_err() {
                                return;
                            }
                        }
                        Ok(None) => break,
                        Err(Error::NotFound(_)) => return,
                        Err(_) => break,
                    }
                }
                if changed.changed().await.is_err() {
                    return;
                }
            }
        })
    };
    loop {
        let Ok(msg) = read_frame(&mut recv).await else {
            break;
        };
        let (c2, s2, d2) = (circle.clone(), state.clone(), device.clone());
        let taken = db_call(&app, move |c| {
            if !live::is_member(c, &c2, &d2)? {
                return Err(Error::NotFound("member"));
            }
            let mut s = s2.lock().expect("sync state");
            live::take_message(c, &c2, &mut s, &msg, &d2)
        })
        .await;
        match taken {
            Ok(absorbed) => {
                r.changed.send_modify(|v| *v += 1);
                if absorbed.added + absorbed.changed > 0 {
                    let _ = app.emit("care-circle-synced", ());
                }
            }
            // Removed, locked, or a message that could not be taken: end this connection, so
            // the next one starts its sync afresh and nothing is skipped.
            Err(_) => break,
        }
    }
    writer.abort();
    conn.close(VarInt::from_u32(0), b"bye");
    r.sessions.lock().expect("sessions").remove(&key);
}

/// Starts live sync at launch when this device is in a circle already, and starts it again
/// whenever the running endpoint asks (its relays changed).
pub fn resume<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let circles = db_call(&app, |c| Ok(store::live_circles(c)?.len())).await;
        if matches!(circles, Ok(n) if n > 0) {
            let _ = app.state::<CareSync>().start(&app, None).await;
        }
        loop {
            app.state::<CareSync>().restart.notified().await;
            if app.state::<CareSync>().running.lock().await.is_some() {
                let _ = app.state::<CareSync>().start(&app, None).await;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A relay on this computer, as a family would run `iroh-relay` (plain http here, which the
    /// app takes only for a relay on the same computer).
    async fn local_relay() -> (iroh_relay::server::Server, RelayUrl) {
        let mut config = iroh_relay::server::ServerConfig::default();
        config.relay = Some(iroh_relay::server::RelayConfig::new(SocketAddr::from((
            [127, 0, 0, 1],
            0,
        ))));
        let server = iroh_relay::server::Server::spawn(config)
            .await
            .expect("a relay on this computer");
        let addr = server.http_addr().expect("its address");
        let url = live::relay_url(&format!("http://{addr}"))
            .expect("a relay address the app takes")
            .expect("not empty")
            .parse()
            .expect("a relay url");
        (server, url)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_computers_reach_each_other_through_the_circles_relay_with_no_address() {
        let (_server, url) = local_relay().await;
        let bind = |secret: [u8; 32]| {
            builder(&secret, std::slice::from_ref(&url))
                .bind_addr(SocketAddr::from(([127, 0, 0, 1], 0)))
                .expect("an address")
                .bind()
        };
        let (a, b) = (
            bind([1; 32]).await.expect("a binds"),
            bind([2; 32]).await.expect("b binds"),
        );
        tokio::time::timeout(Duration::from_secs(20), a.online())
            .await
            .expect("a reaches the relay");
        let echo = {
            let a = a.clone();
            tokio::spawn(async move {
                let conn = a
                    .accept()
                    .await
                    .expect("incoming")
                    .await
                    .expect("connected");
                let (mut send, mut recv) = conn.accept_bi().await.expect("a stream");
                let got = read_frame(&mut recv).await.expect("a frame");
                write_frame(&mut send, &got).await.expect("sent back");
                send.finish().expect("finished");
                conn.closed().await;
            })
        };
        // B knows only A's key and the circle's relay: no address at all.
        let addr = EndpointAddr::new(a.id()).with_relay_url(url.clone());
        assert_eq!(addr.ip_addrs().count(), 0);
        let conn = tokio::time::timeout(Duration::from_secs(20), b.connect(addr, live::SYNC_ALPN))
            .await
            .expect("in time")
            .expect("b connects through the relay");
        let (mut send, mut recv) = conn.open_bi().await.expect("a stream");
        write_frame(&mut send, b"a small win").await.expect("sent");
        let back = read_frame(&mut recv).await.expect("the echo");
        assert_eq!(back, b"a small win");
        conn.close(VarInt::from_u32(0), b"bye");
        let _ = echo.await;
        a.close().await;
        b.close().await;
    }

    #[test]
    fn with_no_relay_chosen_relays_are_off_and_never_iroh_s_own() {
        assert_eq!(relay_mode(&[]), RelayMode::Disabled);
        let url: RelayUrl = "https://relay.example.org/".parse().expect("url");
        let mode = relay_mode(std::slice::from_ref(&url));
        assert_eq!(mode, RelayMode::custom([url]));
        assert_ne!(mode, RelayMode::Default);
    }
}
