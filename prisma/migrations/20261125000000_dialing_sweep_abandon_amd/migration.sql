-- Records left `dialing` (a DialCall that timed out, a crashed dispatcher, a lost CallProgress) are
-- settled by record-dispatcher's sweep: progress_at is the last CallProgress of the call (the sweep
-- counts silence from it, or from dialed_at), checked_at the last time a sweep claimed the handle
-- to ask the telephony port about the call (one replica per check).
ALTER TABLE record_handles ADD COLUMN progress_at TIMESTAMPTZ(6);
ALTER TABLE record_handles ADD COLUMN checked_at TIMESTAMPTZ(6);
CREATE INDEX record_handles_dialing_idx ON record_handles (session_id, dialed_at) WHERE state = 'dialing';

-- A campaign group's abandon target and cap, in percent of live answers (the pacer aims at the
-- target; no 24 h or 30-day window of the campaign may exceed the cap). Both or neither: NULL means
-- predictive-pacing's service-wide PACING_ABANDON_TARGET_PERCENT / PACING_ABANDON_CAP_PERCENT. At
-- most 5% (the most permissive rule, Canada's); libs/pacing's checkComplianceOptions is the same rule.
ALTER TABLE campaign_groups ADD COLUMN abandon_target_percent NUMERIC(4, 2);
ALTER TABLE campaign_groups ADD COLUMN abandon_cap_percent NUMERIC(4, 2);
ALTER TABLE campaign_groups ADD CONSTRAINT campaign_groups_abandon_limits_check CHECK (
    (abandon_target_percent IS NULL) = (abandon_cap_percent IS NULL)
    AND (abandon_target_percent IS NULL OR (
        abandon_target_percent > 0 AND abandon_target_percent <= abandon_cap_percent AND abandon_cap_percent <= 5)));

-- The campaign group option call_answer_type_recognition: the call progress detection its automatic
-- calls ask of the dialer (DialCall), as CALL_ANSWER_TYPE_RECOGNITIONS in libs/domain.
ALTER TABLE campaign_groups ADD COLUMN call_answer_type_recognition VARCHAR(32) NOT NULL DEFAULT 'no_am_detection';
ALTER TABLE campaign_groups ADD CONSTRAINT campaign_groups_call_answer_type_recognition_check CHECK (
    call_answer_type_recognition IN ('no_progress_detection', 'no_am_detection', 'positive_am_detection',
                                     'full_positive_am_detection', 'accurate_am_detection', 'telephony_preset'));
