-- Caregiver strain: one daily check per local day, self-check results, and the caregiver's own
-- self-care plan.

CREATE TABLE daily_checks (
    day         TEXT PRIMARY KEY,
    strain      INTEGER NOT NULL CHECK (strain BETWEEN 0 AND 10),
    sleep       TEXT CHECK (sleep IN ('poor', 'okay', 'good')),
    sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
    for_myself  INTEGER NOT NULL CHECK (for_myself IN (0, 1)),
    note        TEXT,
    updated_at  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Answers are kept (comma-separated values in item order) so a result can always be re-scored.
CREATE TABLE self_checks (
    id         INTEGER PRIMARY KEY,
    instrument TEXT NOT NULL,
    taken_at   TEXT NOT NULL,
    answers    TEXT NOT NULL,
    total      INTEGER NOT NULL,
    band       TEXT NOT NULL
) STRICT;

CREATE INDEX self_checks_by_instrument ON self_checks (instrument, taken_at DESC, id DESC);

CREATE TABLE self_care_plan (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    warning_signs TEXT,
    what_helps    TEXT,
    who_to_ask    TEXT,
    what_to_drop  TEXT,
    updated_at    TEXT NOT NULL
) STRICT;
