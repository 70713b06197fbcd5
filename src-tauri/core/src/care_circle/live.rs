//! The live side of a circle, without the network: invite codes, the messages a connection
//! carries, and the steps a connection takes on the database (the network itself is the
//! shell's, over iroh). Each step loads the circle's document, changes it and saves it in one
//! transaction, so a bundle imported meanwhile is never lost.

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};

use automerge::sync::{self, SyncDoc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::apply::{self, Absorbed};
use super::doc::CircleDoc;
use super::store::{self, CircleRow};
use crate::error::{Error, Result};
use crate::validate::{required_text, NAME_MAX};

/// The protocol a circle's devices sync on.
pub const SYNC_ALPN: &[u8] = b"alongside/circle/1";
/// The protocol a new device joins on, with its invite.
pub const JOIN_ALPN: &[u8] = b"alongside/join/1";
/// Largest message a connection accepts (a first sync of many years fits).
pub const MAX_MESSAGE: usize = 64 * 1024 * 1024;

const INVITE_VERSION: u8 = 1;

/// What an invite code carries: whom to reach, where, and the one-time secret that lets a new
/// device in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub device: [u8; 32],
    pub token: [u8; 8],
    pub addrs: Vec<SocketAddrV4>,
    /// The circle's relay, when it has one: the new device reaches the inviter through it too.
    pub relay: Option<String>,
}

/// The longest relay address taken.
pub const RELAY_MAX: usize = 200;

fn bad_relay() -> Error {
    Error::invalid(
        "relay",
        "Please give the relay's full address, such as https://relay.example.org. Nothing was changed.",
    )
}

/// Checks a relay address as the caregiver typed it: empty for none, else an `https://` address
/// of a host (and port). Plain `http://` is taken only for a relay on this very computer
/// (`localhost` or `127.x.x.x`), where nothing travels over a network. Returned in one form
/// (lower case, ending in `/`), as iroh writes relay addresses.
pub fn relay_url(text: &str) -> Result<Option<String>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > RELAY_MAX {
        return Err(bad_relay());
    }
    let lower = text.to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://").ok_or_else(bad_relay)?;
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|n| n > 0));
    if !host_ok || !port_ok {
        return Err(bad_relay());
    }
    let on_this_computer = host == "localhost" || host.starts_with("127.");
    match scheme {
        "https" => {}
        "http" if on_this_computer => {}
        "http" => {
            return Err(Error::invalid(
                "relay",
                "Please use the relay's https:// address, so that the way to it is protected too. Nothing was changed.",
            ))
        }
        _ => return Err(bad_relay()),
    }
    Ok(Some(format!("{scheme}://{rest}/")))
}

fn bad_code() -> Error {
    Error::invalid(
        "code",
        "This invite code is not complete. Please check it against the one on the other screen, or ask for a new one.",
    )
}

impl Invite {
    pub fn new(device: [u8; 32], addrs: Vec<SocketAddrV4>, relay: Option<String>) -> Self {
        let mut token = [0u8; 8];
        getrandom::fill(&mut token).expect("the system's random numbers");
        Invite {
            device,
            token,
            addrs,
            relay,
        }
    }

    /// The code to type or scan: base32 in groups of four.
    pub fn code(&self) -> String {
        let mut bytes = vec![INVITE_VERSION];
        bytes.extend(self.device);
        bytes.extend(self.token);
        bytes.push(self.addrs.len().min(8) as u8);
        for a in self.addrs.iter().take(8) {
            bytes.extend(a.ip().octets());
            bytes.extend(a.port().to_be_bytes());
        }
        // The relay, when there is one, after the addresses: its length, then its text.
        if let Some(relay) = self.relay.as_deref().filter(|r| r.len() <= RELAY_MAX) {
            bytes.push(relay.len() as u8);
            bytes.extend(relay.as_bytes());
        }
        let text = data_encoding::BASE32_NOPAD.encode(&bytes).to_lowercase();
        text.as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Reads a code as typed: spaces, dashes and case do not matter.
    pub fn parse(code: &str) -> Result<Self> {
        let clean: String = code
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if clean.is_empty() {
            return Err(Error::invalid("code", "Please type the invite code."));
        }
        let bytes = data_encoding::BASE32_NOPAD
            .decode(clean.as_bytes())
            .map_err(|_| bad_code())?;
        if bytes.len() < 42 || bytes[0] != INVITE_VERSION {
            return Err(bad_code());
        }
        let device: [u8; 32] = bytes[1..33].try_into().map_err(|_| bad_code())?;
        let token: [u8; 8] = bytes[33..41].try_into().map_err(|_| bad_code())?;
        let n = bytes[41] as usize;
        let rest = &bytes[42..];
        if rest.len() < n * 6 {
            return Err(bad_code());
        }
        let (rest, tail) = rest.split_at(n * 6);
        let relay = match tail {
            [] => None,
            [len, text @ ..] if text.len() == *len as usize => {
                let text = std::str::from_utf8(text).map_err(|_| bad_code())?;
                Some(relay_url(text).ok().flatten().ok_or_else(bad_code)?)
            }
            _ => return Err(bad_code()),
        };
        // Somewhere to reach the inviter: an address, or the relay.
        if n == 0 && relay.is_none() {
            return Err(bad_code());
        }
        let addrs = rest
            .chunks(6)
            .map(|c| {
                SocketAddrV4::new(
                    Ipv4Addr::new(c[0], c[1], c[2], c[3]),
                    u16::from_be_bytes([c[4], c[5]]),
                )
            })
            .collect();
        Ok(Invite {
            device,
            token,
            addrs,
            relay,
        })
    }
}

/// The invite code as a QR code: rows of dark (true) and light modules, quiet zone excluded.
pub fn qr(code: &str) -> Vec<Vec<bool>> {
    let Ok(q) = qrcode::QrCode::with_error_correction_level(code, qrcode::EcLevel::M) else {
        return vec![];
    };
    let w = q.width();
    let colors = q.to_colors();
    colors
        .chunks(w)
        .map(|row| row.iter().map(|c| *c == qrcode::Color::Dark).collect())
        .collect()
}

/// The first message on a join connection: the invite's secret and the newcomer's name.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    pub token: String,
    pub name: String,
    /// Where the newcomer listens, so the circle can reach it.
    pub addresses: Vec<String>,
}

/// The first message on a sync connection: which circle.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hello {
    pub circle: String,
}

/// An invite as the caregiver sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InviteView {
    pub code: String,
    /// The QR code's modules, row by row.
    pub qr: Vec<Vec<bool>>,
}

/// On the inviting device: lets `device` (proven by the connection) into `circle` under `name`,
/// and returns the document to send it.
pub fn admit(
    c: &mut Connection,
    circle: &CircleRow,
    device: &str,
    name: &str,
    addrs: &[SocketAddr],
) -> Result<Vec<u8>> {
    let name = required_text("name", name, NAME_MAX, "your name")?;
    let tx = c.transaction()?;
    let me = store::device(&tx)?;
    let mut doc = store::load_doc(&tx, circle, &me)?;
    if doc
        .members()
        .iter()
        .any(|m| m.device == device && m.removed_at.is_some())
    {
        return Err(Error::invalid(
            "device",
            "This computer was removed from the circle.",
        ));
    }
    apply::publish(&tx, circle, &mut doc, &me.id())?;
    doc.add_member(device, &name, &crate::now_utc())?;
    doc.set_member_address(device, &address_text(addrs))?;
    let bytes = doc.save();
    store::save_doc(&tx, circle, doc)?;
    store::set_live(&tx, circle.id, true)?;
    store::note_sync(&tx, circle, device, &crate::now_utc())?;
    tx.commit()?;
    Ok(bytes)
}

/// On the joining device: the circle from the document the inviter sent, about `person_id`
/// here; this device's records of the shared kinds join it too.
pub fn joined(
    c: &mut Connection,
    bytes: &[u8],
    person_id: i64,
    your_name: &str,
    inviter: &str,
) -> Result<CircleRow> {
    let name = required_text("yourName", your_name, NAME_MAX, "your name")?;
    let me = store::device(c)?;
    let mut doc = CircleDoc::load(bytes, &me.public())?;
    let circle_id = doc.circle_id().unwrap_or_default();
    if store::circle_by_circle_id(c, &circle_id)?.is_some() {
        return Err(Error::invalid(
            "code",
            "This computer is already in that care circle.",
        ));
    }
    let tx = c.transaction()?;
    doc.add_member(&me.id(), &name, &crate::now_utc())?;
    let id = store::insert_circle(&tx, &circle_id, person_id, &mut doc)?;
    let circle = store::circle(&tx, id)?.ok_or(Error::NotFound("care circle"))?;
    apply::absorb(&tx, &circle, &doc)?;
    apply::publish(&tx, &circle, &mut doc, &me.id())?;
    store::save_doc(&tx, &circle, doc)?;
    store::set_live(&tx, circle.id, true)?;
    store::note_sync(&tx, &circle, inviter, &crate::now_utc())?;
    tx.commit()?;
    Ok(circle)
}

/// The next message to send a peer, after copying in this device's latest records; None when
/// there is nothing to say.
pub fn next_message(
    c: &mut Connection,
    circle: &CircleRow,
    state: &mut sync::State,
) -> Result<Option<Vec<u8>>> {
    let tx = c.transaction()?;
    let me = store::device(&tx)?;
    let mut doc = store::load_doc(&tx, circle, &me)?;
    let published = apply::publish_changes(&tx, circle, &mut doc, &me.id())? > 0;
    let msg = doc.inner().sync().generate_sync_message(state);
    if published {
        store::save_doc(&tx, circle, doc)?;
    } else {
        store::keep_doc(&tx, circle, doc)?;
    }
    tx.commit()?;
    Ok(msg.map(sync::Message::encode))
}

/// Takes in a peer's message and writes what is new into the tables.
pub fn take_message(
    c: &mut Connection,
    circle: &CircleRow,
    state: &mut sync::State,
    bytes: &[u8],
    from: &str,
) -> Result<Absorbed> {
    let msg = sync::Message::decode(bytes).map_err(|_| {
        Error::invalid(
            "care_circle",
            "A message from the circle could not be read.",
        )
    })?;
    let tx = c.transaction()?;
    let me = store::device(&tx)?;
    let mut doc = store::load_doc(&tx, circle, &me)?;
    doc.watch();
    let before = doc.heads();
    doc.inner()
        .sync()
        .receive_sync_message(state, msg)
        .map_err(|_| {
            Error::invalid(
                "care_circle",
                "A message from the circle could not be read.",
            )
        })?;
    let mut absorbed = Absorbed::default();
    if doc.heads() != before {
        let touched = doc.touched_since(&before);
        absorbed = apply::absorb_touched(&tx, circle, &doc, &touched)?;
        store::save_doc(&tx, circle, doc)?;
    } else {
        doc.unwatch();
        store::keep_doc(&tx, circle, doc)?;
    }
    store::note_sync(&tx, circle, from, &crate::now_utc())?;
    tx.commit()?;
    Ok(absorbed)
}

fn address_text(addrs: &[SocketAddr]) -> String {
    addrs
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Records where this device listens, so the others can reach it.
pub fn set_address(c: &mut Connection, circle: &CircleRow, addrs: &[SocketAddr]) -> Result<()> {
    let text = address_text(addrs);
    let tx = c.transaction()?;
    let me = store::device(&tx)?;
    let mut doc = store::load_doc(&tx, circle, &me)?;
    if doc.set_member_address(&me.id(), &text)? {
        store::save_doc(&tx, circle, doc)?;
    } else {
        store::keep_doc(&tx, circle, doc)?;
    }
    tx.commit()?;
    Ok(())
}

/// The relays of the circles with live sync on, each once: the ones this computer may reach.
pub fn live_relays(c: &Connection) -> Result<Vec<String>> {
    let me = store::device(c)?;
    let mut out = vec![];
    for circle in store::live_circles(c)? {
        let doc = store::load_doc(c, &circle, &me)?;
        let relay = doc.relay();
        store::keep_doc(c, &circle, doc)?;
        if let Some(r) = relay.filter(|r| !out.contains(r)) {
            out.push(r);
        }
    }
    out.sort();
    Ok(out)
}

/// The circle's relay, if it has one.
pub fn relay_of(c: &Connection, circle: &CircleRow) -> Result<Option<String>> {
    let me = store::device(c)?;
    let doc = store::load_doc(c, circle, &me)?;
    let relay = doc.relay();
    store::keep_doc(c, circle, doc)?;
    Ok(relay)
}

/// The other devices of a circle that are still in it, with where they last said they listen.
pub fn peers(c: &Connection, circle: &CircleRow) -> Result<Vec<(String, Vec<SocketAddr>)>> {
    let me = store::device(c)?;
    let doc = store::load_doc(c, circle, &me)?;
    let members = doc.members();
    store::keep_doc(c, circle, doc)?;
    let my_id = me.id();
    Ok(members
        .into_iter()
        .filter(|m| m.device != my_id && m.removed_at.is_none())
        .map(|m| {
            let addrs = m
                .address
                .split_whitespace()
                .filter_map(|a| a.parse().ok())
                .collect();
            (m.device, addrs)
        })
        .collect())
}

/// The port this device last listened on in any circle, to listen there again: the others
/// find it where it was.
pub fn last_port(c: &Connection) -> Result<Option<u16>> {
    let me = store::device(c)?;
    let my_id = me.id();
    for circle in store::circles(c)? {
        let doc = store::load_doc(c, &circle, &me)?;
        let members = doc.members();
        store::keep_doc(c, &circle, doc)?;
        let port = members
            .into_iter()
            .find(|m| m.device == my_id)
            .and_then(|m| {
                m.address
                    .split_whitespace()
                    .find_map(|a| a.parse::<SocketAddr>().ok())
            })
            .map(|a| a.port());
        if port.is_some() {
            return Ok(port);
        }
    }
    Ok(None)
}

/// True if `device` is in `circle` and not removed.
pub fn is_member(c: &Connection, circle: &CircleRow, device: &str) -> Result<bool> {
    Ok(peers(c, circle)?.iter().any(|(d, _)| d == device))
}
