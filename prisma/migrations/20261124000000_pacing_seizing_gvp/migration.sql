-- predictive-pacing also paces the seizing modes (4, 5) and the GVP modes (9, 11).
DROP INDEX pacing_sessions_running_idx;
CREATE INDEX pacing_sessions_running_idx ON pacing_sessions (lease_expires_at)
    WHERE group_status = 5 AND dial_mode IN (1, 2, 4, 5, 9, 11);
