//! One use-case function per command: it validates, opens the transaction, and calls the
//! document, `apply` and the store. A refused request changes nothing.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::apply::{self, Absorbed};
use super::doc::CircleDoc;
use super::store::{self, CircleRow, Device};
use super::{bundle, passphrases, SharedKind, NEVER_SHARED};
use crate::db::Database;
use crate::error::{Error, Result};
use crate::validate::{required_text, NAME_MAX};

/// One kind of record, and whether the circle shares it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShareChoice {
    pub kind: SharedKind,
    pub label: String,
    pub shared: bool,
}

/// A device in the circle, as this one sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CircleDevice {
    pub device: String,
    pub name: String,
    pub joined_at: String,
    pub removed_at: Option<String>,
    /// When it last synced with this device (never, for this device itself).
    pub last_synced: Option<String>,
    pub this_device: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CareCircle {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub shares: Vec<ShareChoice>,
    pub devices: Vec<CircleDevice>,
    /// Live sync is on: this computer connects to the circle's other devices.
    pub live: bool,
    /// The relay the circle's devices use when they cannot reach each other directly, if a
    /// member set one; it passes on encrypted messages it cannot read.
    pub relay: Option<String>,
    /// What is never shared, in words.
    pub never_shared: Vec<String>,
}

/// Starting a circle about one person.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewCareCircle {
    pub person_id: i64,
    /// How this device's caregiver is named to the others (e.g. "Maria").
    pub your_name: String,
    pub shares: Vec<SharedKind>,
}

/// What importing a bundle did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleImported {
    pub circle: CareCircle,
    pub added: u32,
    pub changed: u32,
    pub refused: u32,
}

fn your_name(name: &str) -> Result<String> {
    required_text("yourName", name, NAME_MAX, "your name")
}

/// A circle as the caregiver sees it.
pub fn view_of(c: &Connection, circle: &CircleRow, device: &Device) -> Result<CareCircle> {
    let doc = store::load_doc(c, circle, device)?;
    let on = doc.shares();
    let members = doc.members();
    let relay = doc.relay();
    store::keep_doc(c, circle, doc)?;
    let person = crate::people::store::get(c, circle.person_id)?;
    let me = device.id();
    let devices = members
        .into_iter()
        .map(|m| {
            Ok(CircleDevice {
                last_synced: if m.device == me {
                    None
                } else {
                    store::last_synced(c, circle, &m.device)?
                },
                this_device: m.device == me,
                device: m.device,
                name: m.name,
                joined_at: m.joined_at,
                removed_at: m.removed_at,
            })
        })
        .collect::<Result<_>>()?;
    Ok(CareCircle {
        id: circle.id,
        person_id: circle.person_id,
        person_name: person.name,
        shares: SharedKind::ALL
            .into_iter()
            .map(|k| ShareChoice {
                kind: k,
                label: k.label().into(),
                shared: on.contains(&k),
            })
            .collect(),
        devices,
        live: store::is_live(c, circle.id)?,
        relay,
        never_shared: NEVER_SHARED.iter().map(|s| (*s).to_owned()).collect(),
    })
}

fn found(c: &Connection, id: i64) -> Result<CircleRow> {
    store::circle(c, id)?.ok_or(Error::NotFound("care circle"))
}

/// Every circle this device is in.
pub fn care_circles(db: &Database) -> Result<Vec<CareCircle>> {
    db.with(|c| {
        let circles = store::circles(c)?;
        if circles.is_empty() {
            // Reading writes nothing: this computer gets its key when it first joins a circle.
            return Ok(vec![]);
        }
        let device = store::device(c)?;
        circles
            .iter()
            .map(|circle| view_of(c, circle, &device))
            .collect()
    })
}

pub fn create_on(c: &mut Connection, input: NewCareCircle) -> Result<CareCircle> {
    let name = your_name(&input.your_name)?;
    crate::people::store::ensure_active(c, input.person_id)?;
    if store::circles(c)?
        .iter()
        .any(|x| x.person_id == input.person_id)
    {
        return Err(Error::invalid(
            "personId",
            "There is already a care circle about this person. You can change what it shares instead.",
        ));
    }
    let person = crate::people::store::get(c, input.person_id)?;
    let tx = c.transaction()?;
    let device = store::device(&tx)?;
    let circle_id = store::new_id();
    let mut doc = CircleDoc::new(&device.public(), &circle_id, &person.name, &input.shares)?;
    doc.add_member(&device.id(), &name, &crate::now_utc())?;
    let id = store::insert_circle(&tx, &circle_id, input.person_id, &mut doc)?;
    let circle = store::circle(&tx, id)?.ok_or(Error::NotFound("care circle"))?;
    apply::publish(&tx, &circle, &mut doc, &device.id())?;
    store::save_doc(&tx, &circle, doc)?;
    tx.commit()?;
    view_of(c, &circle, &device)
}

/// Starts a circle about one person, sharing the kinds chosen.
pub fn create_care_circle(db: &Database, input: NewCareCircle) -> Result<CareCircle> {
    db.with(|c| create_on(c, input))
}

pub fn set_shares_on(c: &mut Connection, id: i64, shares: &[SharedKind]) -> Result<CareCircle> {
    let tx = c.transaction()?;
    let circle = found(&tx, id)?;
    let device = store::device(&tx)?;
    let mut doc = store::load_doc(&tx, &circle, &device)?;
    doc.set_shares(shares)?;
    apply::publish(&tx, &circle, &mut doc, &device.id())?;
    store::save_doc(&tx, &circle, doc)?;
    tx.commit()?;
    view_of(c, &circle, &device)
}

/// Changes which kinds the circle shares. Records already shared stay with the others.
pub fn set_care_circle_shares(
    db: &Database,
    id: i64,
    shares: Vec<SharedKind>,
) -> Result<CareCircle> {
    db.with(|c| set_shares_on(c, id, &shares))
}

/// Copies this device's latest records into the circle's document (after any change here).
pub fn publish_on(c: &mut Connection, id: i64) -> Result<u32> {
    let tx = c.transaction()?;
    let circle = found(&tx, id)?;
    let device = store::device(&tx)?;
    let mut doc = store::load_doc(&tx, &circle, &device)?;
    let n = apply::publish(&tx, &circle, &mut doc, &device.id())?;
    if n > 0 {
        store::save_doc(&tx, &circle, doc)?;
    } else {
        store::keep_doc(&tx, &circle, doc)?;
    }
    tx.commit()?;
    Ok(n)
}

/// Merges `other` (a bundle's document, or a peer's) into circle `circle`'s and writes what is
/// new into the tables, in one transaction. `from` names the other device, when known.
pub fn merge_on(
    c: &mut Connection,
    circle: &CircleRow,
    other: &mut CircleDoc,
    from: Option<&str>,
) -> Result<Absorbed> {
    let tx = c.transaction()?;
    let device = store::device(&tx)?;
    let mut doc = store::load_doc(&tx, circle, &device)?;
    apply::publish(&tx, circle, &mut doc, &device.id())?;
    doc.merge(other)?;
    let absorbed = apply::absorb(&tx, circle, &doc)?;
    store::save_doc(&tx, circle, doc)?;
    if let Some(from) = from {
        store::note_sync(&tx, circle, from, &crate::now_utc())?;
    }
    tx.commit()?;
    Ok(absorbed)
}

/// How many devices have been removed from the circle, as `doc` knows.
fn removed_count(doc: &CircleDoc) -> usize {
    doc.members()
        .iter()
        .filter(|m| m.removed_at.is_some())
        .count()
}

/// The circle's document as a protected bundle, after copying in this device's latest.
pub fn bundle_on(c: &mut Connection, id: i64, passphrase: &str) -> Result<String> {
    crate::transfer::protect::new_passphrase(passphrase)?;
    let tx = c.transaction()?;
    let circle = found(&tx, id)?;
    let device = store::device(&tx)?;
    let mut doc = store::load_doc(&tx, &circle, &device)?;
    // After a removal, a passphrase used before it is refused: the removed may know it.
    let removed = removed_count(&doc);
    if passphrases::known_to_removed(&tx, circle.id, passphrase, removed)? {
        return Err(passphrases::refuse_old());
    }
    apply::publish(&tx, &circle, &mut doc, &device.id())?;
    let text = bundle::seal(&mut doc, passphrase)?;
    store::save_doc(&tx, &circle, doc)?;
    passphrases::remember(&tx, circle.id, passphrase, removed)?;
    tx.commit()?;
    Ok(text)
}

/// How a bundle of a circle this device is not in yet joins it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JoinAs {
    /// The person here whom the circle is about.
    pub person_id: i64,
    pub your_name: String,
}

/// Imports a bundle: merges it into its circle here, or, with `join`, joins that circle.
pub fn import_bundle_on(
    c: &mut Connection,
    text: &str,
    passphrase: &str,
    join: Option<JoinAs>,
) -> Result<BundleImported> {
    bundle::check_size(text)?;
    let device = store::device(c)?;
    let mut other = bundle::open(text, passphrase, &device.public())?;
    let circle_id = other.circle_id().unwrap_or_default();
    let circle = match store::circle_by_circle_id(c, &circle_id)? {
        Some(circle) => circle,
        None => {
            let Some(join) = join else {
                return Err(Error::invalid(
                    "personId",
                    format!(
                        "This bundle is from a care circle about {}. Please choose who that is here, and your name, to join it. Nothing was changed.",
                        other.person()
                    ),
                ));
            };
            let name = your_name(&join.your_name)?;
            crate::people::store::ensure_active(c, join.person_id)?;
            if store::circles(c)?
                .iter()
                .any(|x| x.person_id == join.person_id)
            {
                return Err(Error::invalid(
                    "personId",
                    "There is already a care circle about this person here. Nothing was changed.",
                ));
            }
            let tx = c.transaction()?;
            let mut doc = CircleDoc::load(&other.save(), &device.public())?;
            doc.add_member(&device.id(), &name, &crate::now_utc())?;
            let id = store::insert_circle(&tx, &circle_id, join.person_id, &mut doc)?;
            tx.commit()?;
            store::circle(c, id)?.ok_or(Error::NotFound("care circle"))?
        }
    };
    // Counted as the bundle's maker knew it: if they had not heard of a removal this computer
    // knows of, this passphrase counts as one from before it. (Remembered first: a merge that
    // fails after it has still changed nothing the caregiver sees.)
    passphrases::remember(c, circle.id, passphrase, removed_count(&other))?;
    let absorbed = merge_on(c, &circle, &mut other, None)?;
    Ok(BundleImported {
        circle: view_of(c, &circle, &device)?,
        added: absorbed.added,
        changed: absorbed.changed,
        refused: absorbed.refused,
    })
}

/// Sets the circle's relay (`relay` as typed; empty for none). It travels to the others with
/// the rest of the document; each computer uses it from its next connection.
pub fn set_relay_on(c: &mut Connection, id: i64, relay: &str) -> Result<CareCircle> {
    let relay = super::live::relay_url(relay)?;
    let tx = c.transaction()?;
    let circle = found(&tx, id)?;
    let device = store::device(&tx)?;
    let mut doc = store::load_doc(&tx, &circle, &device)?;
    if doc.set_relay(relay.as_deref())? {
        store::save_doc(&tx, &circle, doc)?;
    } else {
        store::keep_doc(&tx, &circle, doc)?;
    }
    tx.commit()?;
    view_of(c, &circle, &device)
}

/// Removes a device: from now on its changes are not taken, here or (once they sync) on the
/// other devices.
pub fn remove_device_on(c: &mut Connection, id: i64, device_id: &str) -> Result<CareCircle> {
    let tx = c.transaction()?;
    let circle = found(&tx, id)?;
    let device = store::device(&tx)?;
    if device_id == device.id() {
        return Err(Error::invalid(
            "device",
            "This is your own computer. To stop sharing from here, leave the circle instead.",
        ));
    }
    let mut doc = store::load_doc(&tx, &circle, &device)?;
    if !doc.remove_member(device_id, &crate::now_utc())? {
        return Err(Error::NotFound("device"));
    }
    store::save_doc(&tx, &circle, doc)?;
    tx.commit()?;
    view_of(c, &circle, &device)
}

/// Saves the circle's bundle in `folder`, protected with `passphrase`; returns its path.
pub fn save_care_circle_bundle(
    db: &Database,
    id: i64,
    folder: &std::path::Path,
    passphrase: &str,
) -> Result<String> {
    let text = db.with(|c| bundle_on(c, id, passphrase))?;
    let stem = format!(
        "alongside-care-circle-{}",
        chrono::Local::now().format("%Y-%m-%d")
    );
    let path = crate::export::save(folder, &stem, "age", text.as_bytes())?;
    Ok(path.display().to_string())
}

/// Imports a bundle's text (see [`import_bundle_on`]).
pub fn import_care_circle_bundle(
    db: &Database,
    text: &str,
    passphrase: &str,
    join: Option<JoinAs>,
) -> Result<BundleImported> {
    db.with(|c| import_bundle_on(c, text, passphrase, join))
}

pub fn remove_care_circle_device(db: &Database, id: i64, device: &str) -> Result<CareCircle> {
    db.with(|c| remove_device_on(c, id, device))
}

pub fn set_care_circle_relay(db: &Database, id: i64, relay: &str) -> Result<CareCircle> {
    db.with(|c| set_relay_on(c, id, relay))
}
