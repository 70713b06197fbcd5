-- The care circle: relatives on other computers who share the caring of one person, sharing
-- the kinds of record the caregiver chose through an Automerge document (kept here, inside
-- the encrypted database). The tables the screens read stay the ones they always were.

-- This computer's identity in every circle: a secret key (its public half names the device).
CREATE TABLE care_device (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    secret     BLOB NOT NULL CHECK (length(secret) = 32),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE care_circles (
    id         INTEGER PRIMARY KEY,
    -- The same on every device in the circle.
    circle_id  TEXT NOT NULL UNIQUE,
    person_id  INTEGER NOT NULL REFERENCES people(id),
    -- The Automerge document, saved whole.
    doc        BLOB NOT NULL,
    -- 1 while live sync is on for this circle (the only time Alongside opens a connection).
    live       INTEGER NOT NULL DEFAULT 0 CHECK (live IN (0, 1)),
    created_at TEXT NOT NULL,
    left_at    TEXT
) STRICT;

-- When each other device in a circle last synced with this one.
CREATE TABLE care_circle_syncs (
    circle    INTEGER NOT NULL REFERENCES care_circles(id),
    device    TEXT NOT NULL,
    synced_at TEXT NOT NULL,
    PRIMARY KEY (circle, device)
) STRICT, WITHOUT ROWID;

-- The stable id a shared record has on every device, and which device first wrote it
-- (NULL: this one).
CREATE TABLE shared_records (
    kind      TEXT NOT NULL,
    local_id  INTEGER NOT NULL,
    share_id  TEXT NOT NULL,
    origin    TEXT,
    PRIMARY KEY (kind, local_id),
    UNIQUE (kind, share_id)
) STRICT;

-- "Who is doing what": a simple list the circle shares (I'll drive on Tuesday).
CREATE TABLE care_tasks (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id),
    what       TEXT NOT NULL,
    who        TEXT NOT NULL,
    on_day     TEXT,
    done_at    TEXT,
    created_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;
CREATE INDEX care_tasks_by_person ON care_tasks (person_id, on_day) WHERE removed_at IS NULL;
