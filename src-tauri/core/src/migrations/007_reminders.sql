-- Reminders and what came of each occurrence. The scheduler never fires an occurrence twice:
-- due_items is unique per (reminder, occurrence), and each reminder's cursor moves past what
-- has been handled, in the same transaction.

CREATE TABLE reminders (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    message    TEXT,
    purpose    TEXT NOT NULL CHECK (purpose IN ('check_in', 'appointment', 'self_care', 'self_check', 'custom')),
    person_id  INTEGER REFERENCES people(id) ON DELETE CASCADE,
    -- RFC 5545: DTSTART;TZID=...:... and RRULE:...
    rule       TEXT NOT NULL,
    -- The schedule as the form sent it (JSON), to edit it again.
    schedule   TEXT NOT NULL,
    -- Occurrences at or before this instant (RFC 3339 UTC) are handled.
    cursor     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;

CREATE TABLE due_items (
    id            INTEGER PRIMARY KEY,
    reminder_id   INTEGER NOT NULL REFERENCES reminders(id) ON DELETE CASCADE,
    occurrence    TEXT NOT NULL,
    due_at        TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('due', 'missed', 'snoozed', 'done', 'skipped')),
    snoozed_until TEXT,
    notified_at   TEXT,
    resolved_at   TEXT,
    checkin_id    INTEGER REFERENCES checkins(id) ON DELETE SET NULL,
    UNIQUE (reminder_id, occurrence)
) STRICT;

CREATE INDEX due_items_open ON due_items (state, due_at) WHERE state IN ('due', 'missed', 'snoozed');

CREATE TABLE reminder_settings (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    quiet_start  TEXT,
    quiet_end    TEXT,
    show_details INTEGER NOT NULL CHECK (show_details IN (0, 1)),
    paused_until TEXT
) STRICT;

INSERT INTO reminder_settings (id, quiet_start, quiet_end, show_details) VALUES (1, '22:00', '07:00', 0);
