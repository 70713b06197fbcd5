-- Removing a person hides them (and their wins) instead of deleting: Undo brings everything back.
ALTER TABLE people ADD COLUMN removed_at TEXT;

-- Tags for small wins; a starter set the caregiver can extend.
CREATE TABLE tags (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL
) STRICT;

INSERT INTO tags (name, created_at) VALUES
    ('self-care', '2026-11-22T00:00:00Z'),
    ('social', '2026-11-22T00:00:00Z'),
    ('treatment', '2026-11-22T00:00:00Z'),
    ('daily living', '2026-11-22T00:00:00Z'),
    ('work or school', '2026-11-22T00:00:00Z'),
    ('creative', '2026-11-22T00:00:00Z');

-- Small wins: what happened, for whom, on which (local) day. Deleting sets deleted_at so Undo
-- can restore it.
CREATE TABLE wins (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    text        TEXT NOT NULL,
    note        TEXT,
    created_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX wins_by_day ON wins (happened_on DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX wins_by_person ON wins (person_id, happened_on DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE win_tags (
    win_id INTEGER NOT NULL REFERENCES wins(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (win_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX win_tags_by_tag ON win_tags (tag_id, win_id);

-- Full-text search over what happened and the note, kept in step by triggers.
CREATE VIRTUAL TABLE wins_fts USING fts5(
    text, note, content = 'wins', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER wins_fts_insert AFTER INSERT ON wins BEGIN
    INSERT INTO wins_fts (rowid, text, note) VALUES (new.id, new.text, new.note);
END;

CREATE TRIGGER wins_fts_delete AFTER DELETE ON wins BEGIN
    INSERT INTO wins_fts (wins_fts, rowid, text, note) VALUES ('delete', old.id, old.text, old.note);
END;

CREATE TRIGGER wins_fts_update AFTER UPDATE OF text, note ON wins BEGIN
    INSERT INTO wins_fts (wins_fts, rowid, text, note) VALUES ('delete', old.id, old.text, old.note);
    INSERT INTO wins_fts (rowid, text, note) VALUES (new.id, new.text, new.note);
END;
