-- GSW_AUTO_COMPLETION (Communication DN Load, StartDialing, SetDialingMode): the session is stopped
-- and unloaded once record-dispatcher reports its calling lists depleted.
ALTER TABLE campaign_group_sessions ADD COLUMN auto_completion BOOLEAN NOT NULL DEFAULT false;
