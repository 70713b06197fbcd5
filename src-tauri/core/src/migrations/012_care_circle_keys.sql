-- The passphrases a care circle's bundles were saved or opened with on this computer, kept
-- only as salted Argon2id hashes. A relative removed from the circle may know the ones used
-- before their removal, so a bundle saved after it must use a new one.
CREATE TABLE care_bundle_passphrases (
    id             INTEGER PRIMARY KEY,
    circle         INTEGER NOT NULL REFERENCES care_circles(id),
    salt           BLOB NOT NULL CHECK (length(salt) = 16),
    hash           BLOB NOT NULL CHECK (length(hash) = 32),
    -- How many devices had been removed from the circle when it was used.
    removed_before INTEGER NOT NULL CHECK (removed_before >= 0),
    used_at        TEXT NOT NULL
) STRICT;

CREATE INDEX care_bundle_passphrases_circle ON care_bundle_passphrases (circle, id);

-- A circle's document is saved as a whole document followed by the changes made since
-- (appended, which takes milliseconds where saving the whole takes a tenth of a second with
-- ten years of records); `doc_appended` counts those bytes, and the whole is saved again once
-- they reach half of it. `doc_token` changes with every save (0: never saved this way), so a
-- document kept in memory is known to still be the one in the row.
ALTER TABLE care_circles ADD COLUMN doc_appended INTEGER NOT NULL DEFAULT 0 CHECK (doc_appended >= 0);
ALTER TABLE care_circles ADD COLUMN doc_token INTEGER NOT NULL DEFAULT 0;
