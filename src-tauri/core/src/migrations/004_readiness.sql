-- Crisis readiness: safety plans (every save is a new version; nothing is overwritten), early
-- warning signs, dated "I'm noticing signs" entries and the caregiver's own card.

-- One row per saved version of a person's safety plan. Each step is its items joined by a
-- newline (items never contain one: validation refuses control characters).
CREATE TABLE safety_plans (
    id                INTEGER PRIMARY KEY,
    person_id         INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    version           INTEGER NOT NULL CHECK (version >= 1),
    saved_at          TEXT NOT NULL,
    made_together     INTEGER NOT NULL CHECK (made_together IN (0, 1)),
    warning_signs     TEXT NOT NULL,
    coping            TEXT NOT NULL,
    distractions      TEXT NOT NULL,
    helpers           TEXT NOT NULL,
    professionals     TEXT NOT NULL,
    safer_environment TEXT NOT NULL,
    UNIQUE (person_id, version)
) STRICT;

-- Signs the family has noticed before past crises, with what to do and whom to call.
CREATE TABLE warning_signs (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    sign       TEXT NOT NULL,
    action     TEXT,
    contact    TEXT,
    created_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;

CREATE INDEX warning_signs_by_person ON warning_signs (person_id, id) WHERE removed_at IS NULL;

-- "I'm noticing signs": the day, a copy of the signs' words at the time, and a note.
CREATE TABLE signs_noticed (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    noticed_on TEXT NOT NULL,
    signs      TEXT NOT NULL,
    note       TEXT,
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX signs_noticed_by_person ON signs_noticed (person_id, noticed_on DESC, id DESC);

-- Whom the caregiver calls when they themselves are overwhelmed, and what helps them.
CREATE TABLE caregiver_card (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    what_helps TEXT,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE caregiver_contacts (
    id       INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    reach    TEXT
) STRICT;
