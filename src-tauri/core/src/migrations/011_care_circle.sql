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

-- Records changed since they were last copied into a circle's document, so copying looks at
-- those alone. Kept only for people a circle is about.
CREATE TABLE care_dirty (
    kind     TEXT NOT NULL,
    local_id INTEGER NOT NULL,
    PRIMARY KEY (kind, local_id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER care_dirty_wins_insert AFTER INSERT ON wins
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('wins', new.id); END;
CREATE TRIGGER care_dirty_wins_update AFTER UPDATE ON wins
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('wins', new.id); END;
CREATE TRIGGER care_dirty_safety_plans_insert AFTER INSERT ON safety_plans
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('safety_plan', new.id); END;
CREATE TRIGGER care_dirty_safety_plans_update AFTER UPDATE ON safety_plans
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('safety_plan', new.id); END;
CREATE TRIGGER care_dirty_warning_signs_insert AFTER INSERT ON warning_signs
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('warning_signs', new.id); END;
CREATE TRIGGER care_dirty_warning_signs_update AFTER UPDATE ON warning_signs
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('warning_signs', new.id); END;
CREATE TRIGGER care_dirty_appointments_insert AFTER INSERT ON appointments
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('appointments', new.id); END;
CREATE TRIGGER care_dirty_appointments_update AFTER UPDATE ON appointments
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('appointments', new.id); END;
CREATE TRIGGER care_dirty_care_contacts_insert AFTER INSERT ON care_contacts
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('care_contacts', new.id); END;
CREATE TRIGGER care_dirty_care_contacts_update AFTER UPDATE ON care_contacts
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('care_contacts', new.id); END;
CREATE TRIGGER care_dirty_boundaries_insert AFTER INSERT ON boundaries
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('boundaries', new.id); END;
CREATE TRIGGER care_dirty_boundaries_update AFTER UPDATE ON boundaries
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('boundaries', new.id); END;
CREATE TRIGGER care_dirty_checkins_insert AFTER INSERT ON checkins
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('checkins', new.id); END;
CREATE TRIGGER care_dirty_checkins_update AFTER UPDATE ON checkins
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('checkins', new.id); END;
CREATE TRIGGER care_dirty_care_tasks_insert AFTER INSERT ON care_tasks
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('tasks', new.id); END;
CREATE TRIGGER care_dirty_care_tasks_update AFTER UPDATE ON care_tasks
WHEN EXISTS (SELECT 1 FROM care_circles WHERE person_id = new.person_id AND left_at IS NULL)
BEGIN INSERT OR IGNORE INTO care_dirty (kind, local_id) VALUES ('tasks', new.id); END;
