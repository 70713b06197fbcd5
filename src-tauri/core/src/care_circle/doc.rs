//! The circle's Automerge document and its layout:
//!
//! ```text
//! ROOT
//!   format   1
//!   circle   "<circle id>"            the same on every device
//!   person   "<first name>"           whom the circle is about
//!   relay    "<https url>"            the relay the circle chose, if any ("" for none)
//!   shares   { "<kind>": true|false } what the caregiver chose to share
//!   members  { "<device id>": { name, joined_at, removed_at } }
//!   records  { "<kind>": { "<share id>": { <column>: value, ..., _origin: "<device id>" } } }
//! ```
//!
//! Values are strings, integers or null, exactly as the tables hold them. Concurrent writes to
//! one field are settled by Automerge the same way on every device; safety-plan versions are
//! separate records, so two made apart are both kept.

use std::collections::BTreeMap;

use automerge::transaction::Transactable;
use automerge::{ActorId, AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT};
use serde_json::Value as Json;

use super::SharedKind;
use crate::error::{Error, Result};
use crate::transfer::SqlValue;

/// The layout version this build writes; a newer one is refused rather than misread.
pub const FORMAT: i64 = 1;
/// Field names that are the document's own, not a column's.
pub const ORIGIN: &str = "_origin";

/// One device in the circle, as every device sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub device: String,
    pub name: String,
    pub joined_at: String,
    pub removed_at: Option<String>,
    /// Where its live connection last listened ("ip:port", space-separated), if ever.
    pub address: String,
}

/// A shared record: its columns (as the table holds them) and the device that first wrote it.
pub type Fields = BTreeMap<String, Json>;

pub struct CircleDoc {
    doc: AutoCommit,
    /// The heads of what the database holds for this document, when known: a save writes only
    /// the changes after them (see `store::save_doc`).
    pub(crate) stored: Option<Vec<automerge::ChangeHash>>,
}

fn damaged() -> Error {
    Error::invalid(
        "care_circle",
        "This care circle's shared records could not be read. Nothing was changed.",
    )
}

fn am<T>(r: std::result::Result<T, automerge::AutomergeError>) -> Result<T> {
    r.map_err(|_| damaged())
}

fn scalar(v: &SqlValue) -> ScalarValue {
    match v {
        SqlValue::Null => ScalarValue::Null,
        SqlValue::Integer(i) => ScalarValue::Int(*i),
        SqlValue::Real(f) => ScalarValue::F64(*f),
        SqlValue::Text(s) => ScalarValue::Str(s.as_str().into()),
        SqlValue::Blob(_) => ScalarValue::Null,
    }
}

fn json(v: &Value) -> Option<Json> {
    match v {
        Value::Scalar(s) => match s.as_ref() {
            ScalarValue::Null => Some(Json::Null),
            ScalarValue::Str(s) => Some(Json::from(s.to_string())),
            ScalarValue::Int(i) => Some(Json::from(*i)),
            ScalarValue::Uint(u) => i64::try_from(*u).ok().map(Json::from),
            ScalarValue::Boolean(b) => Some(Json::from(*b)),
            _ => None,
        },
        Value::Object(_) => None,
    }
}

impl CircleDoc {
    /// A new circle's document, written by `actor` (this device).
    pub fn new(actor: &[u8], circle: &str, person: &str, shares: &[SharedKind]) -> Result<Self> {
        let mut doc = AutoCommit::new().with_actor(ActorId::from(actor));
        am(doc.put(ROOT, "format", FORMAT))?;
        am(doc.put(ROOT, "circle", circle))?;
        am(doc.put(ROOT, "person", person))?;
        am(doc.put_object(ROOT, "shares", ObjType::Map))?;
        am(doc.put_object(ROOT, "members", ObjType::Map))?;
        let records = am(doc.put_object(ROOT, "records", ObjType::Map))?;
        for kind in SharedKind::ALL {
            am(doc.put_object(&records, kind.as_str(), ObjType::Map))?;
        }
        let mut me = CircleDoc { doc, stored: None };
        me.set_shares(shares)?;
        Ok(me)
    }

    /// A saved document, to be changed by `actor` (this device). Refuses one it cannot read.
    pub fn load(bytes: &[u8], actor: &[u8]) -> Result<Self> {
        let doc = AutoCommit::load(bytes).map_err(|_| damaged())?;
        let mut doc = doc.with_actor(ActorId::from(actor));
        let stored = Some(doc.get_heads());
        let me = CircleDoc { doc, stored };
        match me.int(&ROOT, "format") {
            Some(f) if f <= FORMAT && me.circle_id().is_some() => Ok(me),
            Some(f) if f > FORMAT => Err(Error::invalid(
                "care_circle",
                "These shared records come from a newer Alongside. Please update Alongside, then try again. Nothing was changed.",
            )),
            _ => Err(damaged()),
        }
    }

    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The changes after `heads`, in the form that, appended to a saved document, loads as one.
    pub fn save_after(&mut self, heads: &[automerge::ChangeHash]) -> Vec<u8> {
        self.doc.save_after(heads)
    }

    /// The document's history heads: equal on two devices when they hold the same changes.
    pub fn heads(&mut self) -> Vec<automerge::ChangeHash> {
        self.doc.get_heads()
    }

    /// Takes in every change `other` has that this one lacks, except any made by a device
    /// this document says was removed: from its removal on, its changes are not taken.
    /// Returns how many changes were taken.
    pub fn merge(&mut self, other: &mut CircleDoc) -> Result<usize> {
        let removed: Vec<ActorId> = self
            .members()
            .into_iter()
            .filter(|m| m.removed_at.is_some())
            .filter_map(|m| hex::decode(&m.device).ok().map(ActorId::from))
            .collect();
        let changes: Vec<automerge::Change> = self
            .doc
            .get_changes_added(&mut other.doc)
            .into_iter()
            .filter(|c| !removed.contains(c.actor_id()))
            .collect();
        let n = changes.len();
        am(self.doc.apply_changes(changes))?;
        Ok(n)
    }

    /// True if `kind` has a record with this share id.
    pub fn has_record(&self, kind: SharedKind, share_id: &str) -> bool {
        self.obj(&ROOT, "records")
            .and_then(|r| self.obj(&r, kind.as_str()))
            .and_then(|k| self.obj(&k, share_id))
            .is_some()
    }

    pub fn inner(&mut self) -> &mut AutoCommit {
        &mut self.doc
    }

    fn obj(&self, parent: &ObjId, key: &str) -> Option<ObjId> {
        match self.doc.get(parent, key).ok().flatten()? {
            (Value::Object(_), id) => Some(id),
            _ => None,
        }
    }

    fn text(&self, parent: &ObjId, key: &str) -> Option<String> {
        match self.doc.get(parent, key).ok().flatten()? {
            (Value::Scalar(s), _) => s.as_str().map(str::to_owned),
            _ => None,
        }
    }

    fn int(&self, parent: &ObjId, key: &str) -> Option<i64> {
        match self.doc.get(parent, key).ok().flatten()? {
            (Value::Scalar(s), _) => match s.as_ref() {
                ScalarValue::Int(i) => Some(*i),
                ScalarValue::Uint(u) => i64::try_from(*u).ok(),
                _ => None,
            },
            _ => None,
        }
    }

    fn map(&mut self, parent: &ObjId, key: &str) -> Result<ObjId> {
        match self.obj(parent, key) {
            Some(id) => Ok(id),
            None => am(self.doc.put_object(parent, key, ObjType::Map)),
        }
    }

    pub fn circle_id(&self) -> Option<String> {
        self.text(&ROOT, "circle")
    }

    pub fn person(&self) -> String {
        self.text(&ROOT, "person").unwrap_or_default()
    }

    /// The relay the circle's devices use to reach each other when no direct connection works,
    /// if a member set one (see `live::relay_url`).
    pub fn relay(&self) -> Option<String> {
        self.text(&ROOT, "relay").filter(|r| !r.is_empty())
    }

    /// Sets or clears the circle's relay; false if it was already so.
    pub fn set_relay(&mut self, relay: Option<&str>) -> Result<bool> {
        if self.relay().as_deref() == relay {
            return Ok(false);
        }
        am(self.doc.put(ROOT, "relay", relay.unwrap_or("")))?;
        Ok(true)
    }

    /// The kinds the circle shares, in [`SharedKind::ALL`]'s order.
    pub fn shares(&self) -> Vec<SharedKind> {
        let Some(shares) = self.obj(&ROOT, "shares") else {
            return vec![];
        };
        SharedKind::ALL
            .into_iter()
            .filter(|k| {
                matches!(self.doc.get(&shares, k.as_str()), Ok(Some((Value::Scalar(s), _))) if matches!(s.as_ref(), ScalarValue::Boolean(true)))
            })
            .collect()
    }

    pub fn set_shares(&mut self, shares: &[SharedKind]) -> Result<()> {
        let map = self.map(&ROOT, "shares")?;
        for kind in SharedKind::ALL {
            let on = shares.contains(&kind);
            let now = self.shares().contains(&kind);
            if on != now || self.doc.get(&map, kind.as_str()).ok().flatten().is_none() {
                am(self.doc.put(&map, kind.as_str(), on))?;
            }
        }
        Ok(())
    }

    pub fn members(&self) -> Vec<Member> {
        let Some(members) = self.obj(&ROOT, "members") else {
            return vec![];
        };
        let mut out: Vec<Member> = self
            .doc
            .keys(&members)
            .filter_map(|device| {
                let m = self.obj(&members, &device)?;
                Some(Member {
                    name: self.text(&m, "name").unwrap_or_default(),
                    joined_at: self.text(&m, "joined_at").unwrap_or_default(),
                    removed_at: self.text(&m, "removed_at"),
                    address: self.text(&m, "address").unwrap_or_default(),
                    device,
                })
            })
            .collect();
        out.sort_by(|a, b| a.joined_at.cmp(&b.joined_at).then(a.device.cmp(&b.device)));
        out
    }

    /// Adds a device (or names it anew). A removed device stays removed.
    pub fn add_member(&mut self, device: &str, name: &str, joined_at: &str) -> Result<()> {
        let members = self.map(&ROOT, "members")?;
        let m = self.map(&members, device)?;
        if self.text(&m, "name").as_deref() != Some(name) {
            am(self.doc.put(&m, "name", name))?;
        }
        if self.text(&m, "joined_at").is_none() {
            am(self.doc.put(&m, "joined_at", joined_at))?;
        }
        Ok(())
    }

    /// Records where a device listens; true if it changed.
    pub fn set_member_address(&mut self, device: &str, address: &str) -> Result<bool> {
        let members = self.map(&ROOT, "members")?;
        let m = self.map(&members, device)?;
        if self.text(&m, "address").as_deref() == Some(address) {
            return Ok(false);
        }
        am(self.doc.put(&m, "address", address))?;
        Ok(true)
    }

    pub fn remove_member(&mut self, device: &str, at: &str) -> Result<bool> {
        let Some(members) = self.obj(&ROOT, "members") else {
            return Ok(false);
        };
        let Some(m) = self.obj(&members, device) else {
            return Ok(false);
        };
        if self.text(&m, "removed_at").is_some() {
            return Ok(false);
        }
        am(self.doc.put(&m, "removed_at", at))?;
        Ok(true)
    }

    /// Every record of `kind`: its share id and fields. Values of a type no table holds are
    /// left out of the fields (the record is then checked, and refused, as incomplete).
    pub fn records(&self, kind: SharedKind) -> Vec<(String, Fields)> {
        let Some(records) = self.obj(&ROOT, "records") else {
            return vec![];
        };
        let Some(of_kind) = self.obj(&records, kind.as_str()) else {
            return vec![];
        };
        self.doc
            .keys(&of_kind)
            .filter_map(|share_id| {
                let r = self.obj(&of_kind, &share_id)?;
                let fields = self
                    .doc
                    .keys(&r)
                    .filter_map(|key| {
                        let (value, _) = self.doc.get(&r, &key).ok().flatten()?;
                        Some((key, json(&value)?))
                    })
                    .collect();
                Some((share_id, fields))
            })
            .collect()
    }

    /// One record's fields, if the document has it.
    pub fn record(&self, kind: SharedKind, share_id: &str) -> Option<Fields> {
        let r = self
            .obj(&ROOT, "records")
            .and_then(|r| self.obj(&r, kind.as_str()))
            .and_then(|k| self.obj(&k, share_id))?;
        Some(
            self.doc
                .keys(&r)
                .filter_map(|key| {
                    let (value, _) = self.doc.get(&r, &key).ok().flatten()?;
                    Some((key, json(&value)?))
                })
                .collect(),
        )
    }

    /// The records changed between `before` and now: (kind, share id) of each.
    pub fn touched_since(
        &mut self,
        before: &[automerge::ChangeHash],
    ) -> std::collections::BTreeSet<(SharedKind, String)> {
        let after = self.doc.get_heads();
        // Indexed (the changes since `watch`) when `before` is where watching began; otherwise
        // a walk over the whole document.
        let patches = self.doc.diff(before, &after);
        self.doc.reset_diff_cursor();
        let mut out = std::collections::BTreeSet::new();
        for p in patches {
            let path: Vec<String> = p
                .path
                .iter()
                .map(|(_, prop)| match prop {
                    automerge::Prop::Map(k) => k.clone(),
                    automerge::Prop::Seq(i) => i.to_string(),
                })
                .collect();
            if path.first().map(String::as_str) != Some("records") {
                continue;
            }
            let Some(kind) = path.get(1).and_then(|k| SharedKind::parse(k)) else {
                continue;
            };
            let share_id = match (path.get(2), &p.action) {
                (Some(id), _) => id.clone(),
                (None, automerge::PatchAction::PutMap { key, .. }) => key.clone(),
                _ => continue,
            };
            out.insert((kind, share_id));
        }
        out
    }

    /// Starts noting the changes that arrive from here on, so that [`Self::touched_since`] the
    /// current heads reads only them (milliseconds) instead of walking the whole document
    /// (a tenth of a second with ten years of records).
    pub fn watch(&mut self) {
        self.doc.update_diff_cursor();
    }

    /// Stops what [`Self::watch`] started, when nothing arrived after all.
    pub fn unwatch(&mut self) {
        self.doc.reset_diff_cursor();
    }

    /// Writes the columns of one record, changing only what differs; true if anything did.
    pub fn put_record(
        &mut self,
        kind: SharedKind,
        share_id: &str,
        origin: &str,
        columns: &[(&str, SqlValue)],
    ) -> Result<bool> {
        let records = self.map(&ROOT, "records")?;
        let of_kind = self.map(&records, kind.as_str())?;
        let r = self.map(&of_kind, share_id)?;
        let mut changed = false;
        if self.text(&r, ORIGIN).is_none() {
            am(self.doc.put(&r, ORIGIN, origin))?;
            changed = true;
        }
        for (col, value) in columns {
            let want = scalar(value);
            let have = match self.doc.get(&r, *col).ok().flatten() {
                Some((Value::Scalar(s), _)) => Some(s.into_owned()),
                _ => None,
            };
            if have.as_ref() != Some(&want) {
                am(self.doc.put(&r, *col, want))?;
                changed = true;
            }
        }
        Ok(changed)
    }
}
