-- What the caregiver has bookmarked or read in the Learn library. Cards themselves are content
-- shipped with the app; only these marks are the caregiver's.
CREATE TABLE card_state (
    slug          TEXT PRIMARY KEY,
    bookmarked_at TEXT,
    read_at       TEXT
) STRICT;
