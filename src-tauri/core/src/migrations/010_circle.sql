-- The circle of support: the people, groups and services in the life of a person supported
-- (person_id set) or of the caregiver (person_id NULL), the kinds of support each gives, and
-- social contacts the caregiver notes.
CREATE TABLE circle_members (
    id INTEGER PRIMARY KEY,
    person_id INTEGER REFERENCES people(id),
    name TEXT NOT NULL,
    tie TEXT NOT NULL,
    closeness INTEGER NOT NULL CHECK (closeness BETWEEN 1 AND 3),
    feels TEXT,
    last_seen TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;
CREATE INDEX circle_members_by_person ON circle_members (person_id) WHERE removed_at IS NULL;

CREATE TABLE circle_member_kinds (
    member_id INTEGER NOT NULL REFERENCES circle_members(id),
    kind TEXT NOT NULL,
    PRIMARY KEY (member_id, kind)
) STRICT;

CREATE TABLE circle_connections (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    member_id INTEGER REFERENCES circle_members(id),
    what TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    win_id INTEGER REFERENCES wins(id),
    created_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;
CREATE INDEX circle_connections_by_day ON circle_connections (person_id, happened_on DESC, id DESC)
    WHERE removed_at IS NULL;
