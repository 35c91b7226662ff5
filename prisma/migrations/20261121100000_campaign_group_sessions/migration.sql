-- Campaign group sessions (campaign-manager): one loaded period of a campaign group, from Load to
-- NotLoaded, with the group's GSW_CM_AttrGroupCampStatus and its runtime dialing parameters.

CREATE TABLE campaign_group_sessions (
    -- CampaignGroupStatusChanged.sessionId; record-dispatcher names its dialing session after it.
    id                UUID         NOT NULL,
    tenant_id         INTEGER      NOT NULL,
    campaign_group_id INTEGER      NOT NULL,
    -- GSW_CM_AttrGroupCampStatus: 0 once the session has ended.
    status            INTEGER      NOT NULL,
    -- The parameters the group dials with now (StartDialing and SetDialingMode change them).
    dial_mode         INTEGER      NOT NULL,
    optimize_by       INTEGER,
    optimize_goal     INTEGER,
    -- Number of status changes so far: the compare-and-set token, and the sequence in the ids of
    -- the session's events.
    version           INTEGER      NOT NULL,
    -- Status-changed events committed with the change and not yet confirmed by JetStream; sent
    -- again (same ids, so stored once) at start-up after a crash.
    pending_events    JSONB        NOT NULL DEFAULT '[]',
    loaded_at         TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    unloaded_at       TIMESTAMPTZ,
    CONSTRAINT campaign_group_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT campaign_group_sessions_status_check CHECK (status IN (0, 1, 2, 3, 4, 5)),
    CONSTRAINT campaign_group_sessions_unloaded_at_check CHECK ((status = 0) = (unloaded_at IS NOT NULL)),
    CONSTRAINT campaign_group_sessions_dial_mode_check CHECK (dial_mode IN (1, 2, 3, 4, 5, 8, 9, 11)),
    CONSTRAINT campaign_group_sessions_optimization_check CHECK (
        CASE WHEN optimize_by IS NULL THEN optimize_goal IS NULL
             WHEN optimize_by IN (1, 2) THEN optimize_goal BETWEEN 0 AND 100 IS TRUE
             WHEN optimize_by = 3 THEN optimize_goal >= 0 IS TRUE
             ELSE false END
    ),
    CONSTRAINT campaign_group_sessions_version_check CHECK (version > 0),
    CONSTRAINT campaign_group_sessions_pending_events_check CHECK (jsonb_typeof(pending_events) = 'array')
);
CREATE UNIQUE INDEX campaign_group_sessions_tenant_id_id_key ON campaign_group_sessions (tenant_id, id);
-- A campaign group has at most one loaded session: of two concurrent Loads, one fails here.
CREATE UNIQUE INDEX campaign_group_sessions_loaded_group_key
    ON campaign_group_sessions (tenant_id, campaign_group_id) WHERE status <> 0;
-- The few sessions whose events still wait for JetStream, found by the periodic retry.
CREATE INDEX campaign_group_sessions_pending_idx
    ON campaign_group_sessions (updated_at) WHERE pending_events <> '[]'::jsonb;
CREATE INDEX campaign_group_sessions_tenant_id_campaign_group_id_idx
    ON campaign_group_sessions (tenant_id, campaign_group_id);
ALTER TABLE campaign_group_sessions ADD CONSTRAINT campaign_group_sessions_tenant_id_campaign_group_id_fkey
    FOREIGN KEY (tenant_id, campaign_group_id) REFERENCES campaign_groups (tenant_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE;
