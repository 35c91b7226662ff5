-- The stale clock of a record on a desktop runs from its last update (UpdateCallCompletionStats),
-- not only from its delivery: a record the agent is still working on is not Stale.
ALTER TABLE record_handles ADD COLUMN updated_at TIMESTAMPTZ(6);
