-- Indexes for the newest-first lists and weekly counts, so screens open as quickly after ten
-- years of entries as after ten days.
CREATE INDEX self_checks_by_time ON self_checks (taken_at DESC, id DESC);
CREATE INDEX checkins_by_day ON checkins (happened_on DESC, id DESC) WHERE removed_at IS NULL;
CREATE INDEX listening_moments_by_day ON listening_moments (happened_on DESC, id DESC) WHERE removed_at IS NULL;
