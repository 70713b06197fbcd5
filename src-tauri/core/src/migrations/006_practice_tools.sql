-- The practices' own tools: listening moments, check-ins and message starters, appointments
-- and care contacts, boundaries and "give space", and Today's suggestion marks. Removing sets
-- removed_at, so Undo can bring an entry back.

CREATE TABLE listening_moments (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    shared      TEXT,
    listened    TEXT NOT NULL CHECK (listened IN ('yes', 'partly', 'no')),
    learned     TEXT,
    felt        TEXT,
    created_at  TEXT NOT NULL,
    removed_at  TEXT
) STRICT;

CREATE TABLE checkins (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    how         TEXT NOT NULL CHECK (how IN ('message', 'call', 'in_person', 'other')),
    went        INTEGER CHECK (went BETWEEN 1 AND 5),
    note        TEXT,
    created_at  TEXT NOT NULL,
    removed_at  TEXT
) STRICT;

CREATE INDEX checkins_by_person ON checkins (person_id, happened_on DESC) WHERE removed_at IS NULL;

CREATE TABLE starters (
    id         INTEGER PRIMARY KEY,
    text       TEXT NOT NULL,
    builtin    INTEGER NOT NULL CHECK (builtin IN (0, 1)),
    created_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;

-- starts_at is a local wall-clock time, YYYY-MM-DDTHH:MM: 10 a.m. stays 10 a.m.
CREATE TABLE appointments (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    starts_at   TEXT NOT NULL,
    with_whom   TEXT NOT NULL,
    place       TEXT,
    giving_ride INTEGER NOT NULL CHECK (giving_ride IN (0, 1)),
    questions   TEXT NOT NULL,
    notes_after TEXT,
    created_at  TEXT NOT NULL,
    removed_at  TEXT
) STRICT;

CREATE INDEX appointments_by_time ON appointments (starts_at) WHERE removed_at IS NULL;

CREATE TABLE care_contacts (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER REFERENCES people(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('clinician', 'service', 'pharmacy', 'other')),
    phone      TEXT,
    note       TEXT,
    created_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;

CREATE TABLE boundaries (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    whose      TEXT NOT NULL CHECK (whose IN ('theirs', 'mine')),
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;

-- "Give space": the person's check-ins pause until this local day (inclusive).
CREATE TABLE give_space (
    person_id  INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    until      TEXT NOT NULL,
    note       TEXT,
    created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE suggestion_marks (
    day   TEXT NOT NULL,
    key   TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('done', 'not_today')),
    PRIMARY KEY (day, key)
) STRICT, WITHOUT ROWID;
