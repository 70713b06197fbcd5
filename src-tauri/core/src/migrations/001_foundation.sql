-- The caregiver's own details. One row: Alongside is one caregiver's diary.
CREATE TABLE profile (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    caregiver_name TEXT,
    region         TEXT NOT NULL,
    onboarded_at   TEXT NOT NULL
) STRICT;

-- The people the caregiver supports.
CREATE TABLE people (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    relationship TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE person_conditions (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    condition TEXT NOT NULL,
    PRIMARY KEY (person_id, condition)
) STRICT;
