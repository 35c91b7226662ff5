-- Dialing sessions (record-dispatcher): one loaded period of a campaign group, and the records it
-- holds under their GSW_RECORD_HANDLE.

-- GSW_RECORD_HANDLE is an Int on the wire; handles come from one sequence, so they are unique across
-- every replica and never reused, restarts included.
CREATE SEQUENCE record_handle_seq AS INTEGER;

CREATE TABLE dialing_sessions (
    -- CampaignGroupStatusChanged.sessionId of the Load that started the session.
    id                UUID         NOT NULL,
    tenant_id         INTEGER      NOT NULL,
    campaign_group_id INTEGER      NOT NULL,
    -- active: retrieving records; unloading: returning them; drained: holds nothing any more.
    state             VARCHAR(16)  NOT NULL DEFAULT 'active',
    forced            BOOLEAN      NOT NULL DEFAULT false,
    -- GetDialingConfig's reply at load time: the calling lists, their shares and the options.
    config            JSONB        NOT NULL,
    -- GSW_CM_AttrGroupCampStatus last announced for the group.
    group_status      INTEGER      NOT NULL,
    -- The record-dispatcher process that runs the session (refills its buffer) while its lease lasts;
    -- another process takes over an open session whose lease has expired.
    owner             VARCHAR(128),
    lease_expires_at  TIMESTAMPTZ,
    records_returned  INTEGER      NOT NULL DEFAULT 0,
    records_stale     INTEGER      NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    drained_at        TIMESTAMPTZ,
    CONSTRAINT dialing_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT dialing_sessions_state_check CHECK (state IN ('active', 'unloading', 'drained')),
    CONSTRAINT dialing_sessions_drained_at_check CHECK ((state = 'drained') = (drained_at IS NOT NULL)),
    CONSTRAINT dialing_sessions_lease_check CHECK ((owner IS NULL) = (lease_expires_at IS NULL)),
    CONSTRAINT dialing_sessions_config_check CHECK (jsonb_typeof(config) = 'object'),
    CONSTRAINT dialing_sessions_records_check CHECK (records_returned >= 0 AND records_stale >= 0)
);
CREATE UNIQUE INDEX dialing_sessions_tenant_id_id_key ON dialing_sessions (tenant_id, id);
-- A campaign group has at most one session that still holds records.
CREATE UNIQUE INDEX dialing_sessions_open_group_key
    ON dialing_sessions (tenant_id, campaign_group_id) WHERE state <> 'drained';
CREATE INDEX dialing_sessions_lease_expires_at_idx ON dialing_sessions (lease_expires_at) WHERE state <> 'drained';
ALTER TABLE dialing_sessions ADD CONSTRAINT dialing_sessions_tenant_id_campaign_group_id_fkey
    FOREIGN KEY (tenant_id, campaign_group_id) REFERENCES campaign_groups (tenant_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE record_handles (
    handle          INTEGER      NOT NULL DEFAULT nextval('record_handle_seq'::regclass),
    tenant_id       INTEGER      NOT NULL,
    session_id      UUID         NOT NULL,
    record_id       BIGINT       NOT NULL,
    calling_list_id INTEGER      NOT NULL,
    -- The record's chain: a session holds one record of a chain at a time.
    chain_id        INTEGER      NOT NULL,
    -- Copied from the record at retrieval, to take records in dialing order without a join.
    record_type     INTEGER      NOT NULL,
    dial_sched_time BIGINT,
    -- buffered: waiting in the session's buffer; desktop: delivered to agent_id.
    state           VARCHAR(16)  NOT NULL DEFAULT 'buffered',
    agent_id        VARCHAR(32),
    retrieved_at    TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    delivered_at    TIMESTAMPTZ,
    CONSTRAINT record_handles_pkey PRIMARY KEY (handle),
    CONSTRAINT record_handles_handle_check CHECK (handle > 0),
    CONSTRAINT record_handles_state_check CHECK (state IN ('buffered', 'desktop')),
    CONSTRAINT record_handles_desktop_check
        CHECK ((state = 'desktop') = (agent_id IS NOT NULL AND delivered_at IS NOT NULL))
);
ALTER SEQUENCE record_handle_seq OWNED BY record_handles.handle;
-- A record is held by at most one session at a time: never in two buffers.
CREATE UNIQUE INDEX record_handles_record_id_key ON record_handles (record_id);
-- Nor are two records of one chain (one customer) held at once, by one session or two.
CREATE UNIQUE INDEX record_handles_calling_list_id_chain_id_key ON record_handles (calling_list_id, chain_id);
CREATE INDEX record_handles_session_id_state_idx ON record_handles (session_id, state);
ALTER TABLE record_handles ADD CONSTRAINT record_handles_tenant_id_session_id_fkey
    FOREIGN KEY (tenant_id, session_id) REFERENCES dialing_sessions (tenant_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE record_handles ADD CONSTRAINT record_handles_tenant_id_record_id_fkey
    FOREIGN KEY (tenant_id, record_id) REFERENCES records (tenant_id, record_id)
    ON DELETE CASCADE ON UPDATE CASCADE;
