-- The predictive-pacing service: the dialing sessions it paces (one replica each, by lease) and the
-- compliance ledger of live answers per campaign.

-- A loaded campaign group as predictive-pacing last heard of it (CampaignGroupStatusChanged). It is
-- paced while Running in Predictive (1) or Progressive (2) mode, by the replica holding its lease.
CREATE TABLE pacing_sessions (
    -- CampaignGroupStatusChanged.sessionId.
    id                UUID         NOT NULL,
    tenant_id         INTEGER      NOT NULL,
    campaign_group_id INTEGER      NOT NULL,
    campaign_id       INTEGER      NOT NULL,
    agent_group_id    INTEGER      NOT NULL,
    -- GSW_CM_AttrGroupCampStatus and the dialing parameters in force.
    group_status      INTEGER      NOT NULL,
    dial_mode         INTEGER      NOT NULL,
    optimize_by       INTEGER,
    optimize_goal     INTEGER,
    -- The n of the event id <sessionId>.<n> last applied: an older event changes nothing.
    status_seq        INTEGER      NOT NULL,
    -- The predictive-pacing process pacing the session while its lease lasts.
    owner             VARCHAR(128),
    lease_expires_at  TIMESTAMPTZ(6),
    updated_at        TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pacing_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT pacing_sessions_lease_check CHECK ((owner IS NULL) = (lease_expires_at IS NULL))
);
CREATE UNIQUE INDEX pacing_sessions_tenant_id_id_key ON pacing_sessions (tenant_id, id);
CREATE INDEX pacing_sessions_owner_idx ON pacing_sessions (owner) WHERE owner IS NOT NULL;
-- Sessions to pace, for the replicas looking for one nobody holds.
CREATE INDEX pacing_sessions_running_idx ON pacing_sessions (lease_expires_at)
    WHERE group_status = 5 AND dial_mode IN (1, 2);
ALTER TABLE pacing_sessions ADD CONSTRAINT pacing_sessions_tenant_id_campaign_group_id_fkey
    FOREIGN KEY (tenant_id, campaign_group_id) REFERENCES campaign_groups (tenant_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE;

-- Every call answered by a live person, once, with whether it was abandoned (dropped or hung up
-- waiting for an agent): the abandon rate per campaign over 24 h and 30 days is rebuilt from here.
-- Rows are inserted under a transaction-scoped advisory lock, so ids commit in increasing order and
-- a replica reading `id > last seen` never misses one.
CREATE TABLE pacing_live_answers (
    id                BIGSERIAL    NOT NULL,
    tenant_id         INTEGER      NOT NULL,
    campaign_id       INTEGER      NOT NULL,
    campaign_group_id INTEGER      NOT NULL,
    call_id           UUID         NOT NULL,
    abandoned         BOOLEAN      NOT NULL,
    -- On Postgres' clock, not the adapter's (telephony-sim may run faster than real time).
    answered_at       TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pacing_live_answers_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX pacing_live_answers_call_id_key ON pacing_live_answers (call_id);
CREATE INDEX pacing_live_answers_answered_at_idx ON pacing_live_answers (answered_at);
ALTER TABLE pacing_live_answers ADD CONSTRAINT pacing_live_answers_tenant_id_campaign_id_fkey
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE;
