-- Initial schema of the Outbound Contact Server.
--
-- Constraint and index names follow Prisma's conventions (<table>_<columns>_key/_idx/_fkey) so the
-- schema in prisma/schema.prisma and this SQL describe the same objects. CHECK constraints, partial
-- indexes and the chain id sequence cannot be expressed in the Prisma schema and live only here.
-- Enumerated values are those of the Genesys Outbound Contact 8.1.5 reference manual and are
-- mirrored by libs/domain.

-- Tenants ---------------------------------------------------------------------------------------

CREATE TABLE tenants (
    id         SERIAL       NOT NULL,
    name       VARCHAR(255) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT tenants_pkey PRIMARY KEY (id),
    CONSTRAINT tenants_name_check CHECK (btrim(name) <> '')
);
CREATE UNIQUE INDEX tenants_name_key ON tenants (name);

-- Time zones (Configuration Server objects referenced by records.tz_dbid) -----------------------

CREATE TABLE time_zones (
    id          SERIAL      NOT NULL,
    tenant_id   INTEGER     NOT NULL,
    name        VARCHAR(64) NOT NULL,
    iana_name   VARCHAR(64) NOT NULL,
    description TEXT        NOT NULL DEFAULT '',
    CONSTRAINT time_zones_pkey PRIMARY KEY (id),
    CONSTRAINT time_zones_name_check CHECK (btrim(name) <> ''),
    CONSTRAINT time_zones_iana_name_check CHECK (btrim(iana_name) <> '')
);
CREATE UNIQUE INDEX time_zones_tenant_id_id_key ON time_zones (tenant_id, id);
CREATE UNIQUE INDEX time_zones_tenant_id_name_key ON time_zones (tenant_id, name);
ALTER TABLE time_zones ADD CONSTRAINT time_zones_tenant_id_fkey
    FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE;

-- Agents, places, agent groups ------------------------------------------------------------------

CREATE TABLE places (
    id        SERIAL       NOT NULL,
    tenant_id INTEGER      NOT NULL,
    name      VARCHAR(255) NOT NULL,
    dn        VARCHAR(64)  NOT NULL,
    CONSTRAINT places_pkey PRIMARY KEY (id),
    CONSTRAINT places_name_check CHECK (btrim(name) <> ''),
    CONSTRAINT places_dn_check CHECK (btrim(dn) <> '')
);
CREATE UNIQUE INDEX places_tenant_id_id_key ON places (tenant_id, id);
CREATE UNIQUE INDEX places_tenant_id_name_key ON places (tenant_id, name);
CREATE UNIQUE INDEX places_tenant_id_dn_key ON places (tenant_id, dn);
ALTER TABLE places ADD CONSTRAINT places_tenant_id_fkey
    FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE agents (
    id          SERIAL       NOT NULL,
    tenant_id   INTEGER      NOT NULL,
    login_id    VARCHAR(32)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    employee_id VARCHAR(64)  NOT NULL,
    place_id    INTEGER,
    CONSTRAINT agents_pkey PRIMARY KEY (id),
    CONSTRAINT agents_login_id_check CHECK (btrim(login_id) <> ''),
    CONSTRAINT agents_employee_id_check CHECK (btrim(employee_id) <> '')
);
CREATE UNIQUE INDEX agents_tenant_id_id_key ON agents (tenant_id, id);
CREATE UNIQUE INDEX agents_tenant_id_login_id_key ON agents (tenant_id, login_id);
CREATE UNIQUE INDEX agents_tenant_id_employee_id_key ON agents (tenant_id, employee_id);
ALTER TABLE agents ADD CONSTRAINT agents_tenant_id_fkey
    FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE agents ADD CONSTRAINT agents_tenant_id_place_id_fkey
    FOREIGN KEY (tenant_id, place_id) REFERENCES places (tenant_id, id) ON DELETE NO ACTION ON UPDATE CASCADE;

CREATE TABLE agent_groups (
    id          SERIAL       NOT NULL,
    tenant_id   INTEGER      NOT NULL,
    name        VARCHAR(255) NOT NULL,
    description TEXT         NOT NULL DEFAULT '',
    CONSTRAINT agent_groups_pkey PRIMARY KEY (id),
    CONSTRAINT agent_groups_name_check CHECK (btrim(name) <> '')
);
CREATE UNIQUE INDEX agent_groups_tenant_id_id_key ON agent_groups (tenant_id, id);
CREATE UNIQUE INDEX agent_groups_tenant_id_name_key ON agent_groups (tenant_id, name);
ALTER TABLE agent_groups ADD CONSTRAINT agent_groups_tenant_id_fkey
    FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE agent_group_members (
    tenant_id      INTEGER NOT NULL,
    agent_group_id INTEGER NOT NULL,
    agent_id       INTEGER NOT NULL,
    CONSTRAINT agent_group_members_pkey PRIMARY KEY (agent_group_id, agent_id)
);
CREATE INDEX agent_group_members_tenant_id_agent_id_idx ON agent_group_members (tenant_id, agent_id);
ALTER TABLE agent_group_members ADD CONSTRAINT agent_group_members_tenant_id_agent_group_id_fkey
    FOREIGN KEY (tenant_id, agent_group_id) REFERENCES agent_groups (tenant_id, id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE agent_group_members ADD CONSTRAINT agent_group_members_tenant_id_agent_id_fkey
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id) ON DELETE CASCADE ON UPDATE CASCADE;

-- Campaigns and campaign groups -----------------------------------------------------------------

CREATE TABLE campaigns (
    id          SERIAL       NOT NULL,
    tenant_id   INTEGER      NOT NULL,
    name        VARCHAR(255) NOT NULL,
    description TEXT         NOT NULL DEFAULT '',
    enabled     BOOLEAN      NOT NULL DEFAULT true,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT campaigns_pkey PRIMARY KEY (id),
    CONSTRAINT campaigns_name_check CHECK (btrim(name) <> '')
);
CREATE UNIQUE INDEX campaigns_tenant_id_id_key ON campaigns (tenant_id, id);
CREATE UNIQUE INDEX campaigns_tenant_id_name_key ON campaigns (tenant_id, name);
ALTER TABLE campaigns ADD CONSTRAINT campaigns_tenant_id_fkey
    FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE campaign_groups (
    id                                  SERIAL       NOT NULL,
    tenant_id                           INTEGER      NOT NULL,
    campaign_id                         INTEGER      NOT NULL,
    agent_group_id                      INTEGER      NOT NULL,
    name                                VARCHAR(255) NOT NULL,
    description                         TEXT         NOT NULL DEFAULT '',
    dial_mode                           INTEGER      NOT NULL,
    optimize_by                         INTEGER,
    optimize_goal                       INTEGER,
    agent_preview_mode_start            BOOLEAN      NOT NULL DEFAULT false,
    record_processed                    BOOLEAN      NOT NULL DEFAULT true,
    stale_clean_timeout_seconds         INTEGER      NOT NULL DEFAULT 1800,
    call_wait_connected_timeout_seconds INTEGER      NOT NULL DEFAULT 6,
    predictive_callback                 BOOLEAN      NOT NULL DEFAULT false,
    predictive_algorithm                VARCHAR(32)  NOT NULL DEFAULT 'classic',
    customer_id_field                   VARCHAR(64),
    CONSTRAINT campaign_groups_pkey PRIMARY KEY (id),
    CONSTRAINT campaign_groups_name_check CHECK (btrim(name) <> ''),
    -- GSW_DIAL_MODE: Predict, Progress, Preview, ProgressAndSeize, PredictAndSeize, PushPreview,
    -- ProgressiveGVP, PowerGVP.
    CONSTRAINT campaign_groups_dial_mode_check CHECK (dial_mode IN (1, 2, 3, 4, 5, 8, 9, 11)),
    -- GSW_CM_AttrOptimizeBy: busy factor and overdial rate are percentages, wait time is seconds.
    CONSTRAINT campaign_groups_optimization_check CHECK (
        CASE WHEN optimize_by IS NULL THEN optimize_goal IS NULL
             WHEN optimize_by IN (1, 2) THEN optimize_goal BETWEEN 0 AND 100 IS TRUE
             WHEN optimize_by = 3 THEN optimize_goal >= 0 IS TRUE
             ELSE false END
    ),
    CONSTRAINT campaign_groups_stale_clean_timeout_seconds_check CHECK (stale_clean_timeout_seconds > 0),
    CONSTRAINT campaign_groups_call_wait_connected_timeout_seconds_check CHECK (call_wait_connected_timeout_seconds > 0),
    CONSTRAINT campaign_groups_predictive_algorithm_check
        CHECK (predictive_algorithm IN ('classic', 'small_group', 'advanced_small_group')),
    CONSTRAINT campaign_groups_customer_id_field_check
        CHECK (customer_id_field IS NULL OR customer_id_field ~ '^[a-z][a-z0-9_]*$')
);
CREATE UNIQUE INDEX campaign_groups_tenant_id_id_key ON campaign_groups (tenant_id, id);
CREATE UNIQUE INDEX campaign_groups_tenant_id_name_key ON campaign_groups (tenant_id, name);
CREATE UNIQUE INDEX campaign_groups_tenant_id_campaign_id_agent_group_id_key
    ON campaign_groups (tenant_id, campaign_id, agent_group_id);
ALTER TABLE campaign_groups ADD CONSTRAINT campaign_groups_tenant_id_campaign_id_fkey
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE campaign_groups ADD CONSTRAINT campaign_groups_tenant_id_agent_group_id_fkey
    FOREIGN KEY (tenant_id, agent_group_id) REFERENCES agent_groups (tenant_id, id) ON DELETE CASCADE ON UPDATE CASCADE;

-- Calling lists, their field definitions and filters --------------------------------------------

CREATE TABLE calling_lists (
    id           SERIAL       NOT NULL,
    tenant_id    INTEGER      NOT NULL,
    name         VARCHAR(255) NOT NULL,
    description  TEXT         NOT NULL DEFAULT '',
    daily_from   INTEGER      NOT NULL DEFAULT 28800,
    daily_till   INTEGER      NOT NULL DEFAULT 72000,
    tz_dbid      INTEGER,
    max_attempts INTEGER      NOT NULL DEFAULT 10,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT calling_lists_pkey PRIMARY KEY (id),
    CONSTRAINT calling_lists_name_check CHECK (btrim(name) <> ''),
    CONSTRAINT calling_lists_daily_window_check
        CHECK (daily_from BETWEEN 0 AND 86400 AND daily_till BETWEEN 0 AND 86400 AND daily_from < daily_till),
    CONSTRAINT calling_lists_max_attempts_check CHECK (max_attempts > 0)
);
CREATE UNIQUE INDEX calling_lists_tenant_id_id_key ON calling_lists (tenant_id, id);
CREATE UNIQUE INDEX calling_lists_tenant_id_name_key ON calling_lists (tenant_id, name);
ALTER TABLE calling_lists ADD CONSTRAINT calling_lists_tenant_id_fkey
    FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE calling_lists ADD CONSTRAINT calling_lists_tenant_id_tz_dbid_fkey
    FOREIGN KEY (tenant_id, tz_dbid) REFERENCES time_zones (tenant_id, id) ON DELETE NO ACTION ON UPDATE CASCADE;

CREATE TABLE calling_list_fields (
    id              SERIAL       NOT NULL,
    tenant_id       INTEGER      NOT NULL,
    calling_list_id INTEGER      NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    data_type       VARCHAR(16)  NOT NULL,
    length          INTEGER,
    send_attribute  VARCHAR(64),
    display_name    VARCHAR(255) NOT NULL,
    editable        BOOLEAN      NOT NULL DEFAULT true,
    mandatory       BOOLEAN      NOT NULL DEFAULT false,
    default_value   TEXT,
    CONSTRAINT calling_list_fields_pkey PRIMARY KEY (id),
    -- Custom values are stored under this name in records.custom; it may not shadow a column.
    CONSTRAINT calling_list_fields_name_check CHECK (
        name ~ '^[a-z][a-z0-9_]*$'
        AND name NOT IN (
            'record_id', 'contact_info', 'contact_info_type', 'record_type', 'record_status', 'call_result',
            'attempt', 'dial_sched_time', 'call_time', 'daily_from', 'daily_till', 'tz_dbid', 'campaign_id',
            'agent_id', 'chain_id', 'chain_n', 'app_id', 'email_subject', 'email_template_id', 'group_id',
            'media_ref', 'switch_id', 'treatments', 'tenant_id', 'calling_list_id', 'customer_id', 'custom'
        )
    ),
    CONSTRAINT calling_list_fields_data_type_check CHECK (data_type IN ('int', 'float', 'char', 'varchar', 'datetime')),
    -- Only character types have a length, and they must have one.
    CONSTRAINT calling_list_fields_length_check CHECK (
        (data_type IN ('char', 'varchar')) = (length IS NOT NULL) AND (length IS NULL OR length BETWEEN 1 AND 4000)
    ),
    -- GSW_ keys are reserved for Outbound Contact itself.
    CONSTRAINT calling_list_fields_send_attribute_check
        CHECK (send_attribute IS NULL OR (btrim(send_attribute) <> '' AND send_attribute !~* '^GSW_')),
    CONSTRAINT calling_list_fields_display_name_check CHECK (btrim(display_name) <> ''),
    CONSTRAINT calling_list_fields_default_value_check
        CHECK (default_value IS NULL OR length IS NULL OR char_length(default_value) <= length)
);
CREATE UNIQUE INDEX calling_list_fields_calling_list_id_name_key ON calling_list_fields (calling_list_id, name);
CREATE UNIQUE INDEX calling_list_fields_calling_list_id_send_attribute_key
    ON calling_list_fields (calling_list_id, send_attribute);
CREATE INDEX calling_list_fields_tenant_id_calling_list_id_idx ON calling_list_fields (tenant_id, calling_list_id);
ALTER TABLE calling_list_fields ADD CONSTRAINT calling_list_fields_tenant_id_calling_list_id_fkey
    FOREIGN KEY (tenant_id, calling_list_id) REFERENCES calling_lists (tenant_id, id) ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE calling_list_filters (
    id              SERIAL       NOT NULL,
    tenant_id       INTEGER      NOT NULL,
    calling_list_id INTEGER      NOT NULL,
    name            VARCHAR(255) NOT NULL,
    description     TEXT         NOT NULL DEFAULT '',
    criteria        JSONB        NOT NULL,
    CONSTRAINT calling_list_filters_pkey PRIMARY KEY (id),
    CONSTRAINT calling_list_filters_name_check CHECK (btrim(name) <> ''),
    CONSTRAINT calling_list_filters_criteria_check CHECK (jsonb_typeof(criteria) = 'object')
);
CREATE UNIQUE INDEX calling_list_filters_tenant_id_calling_list_id_id_key
    ON calling_list_filters (tenant_id, calling_list_id, id);
CREATE UNIQUE INDEX calling_list_filters_calling_list_id_name_key ON calling_list_filters (calling_list_id, name);
ALTER TABLE calling_list_filters ADD CONSTRAINT calling_list_filters_tenant_id_calling_list_id_fkey
    FOREIGN KEY (tenant_id, calling_list_id) REFERENCES calling_lists (tenant_id, id) ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE campaign_calling_lists (
    tenant_id       INTEGER NOT NULL,
    campaign_id     INTEGER NOT NULL,
    calling_list_id INTEGER NOT NULL,
    share           INTEGER NOT NULL DEFAULT 10,
    active          BOOLEAN NOT NULL DEFAULT true,
    filter_id       INTEGER,
    CONSTRAINT campaign_calling_lists_pkey PRIMARY KEY (campaign_id, calling_list_id),
    CONSTRAINT campaign_calling_lists_share_check CHECK (share BETWEEN 1 AND 100)
);
CREATE INDEX campaign_calling_lists_tenant_id_calling_list_id_idx ON campaign_calling_lists (tenant_id, calling_list_id);
ALTER TABLE campaign_calling_lists ADD CONSTRAINT campaign_calling_lists_tenant_id_campaign_id_fkey
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE campaign_calling_lists ADD CONSTRAINT campaign_calling_lists_tenant_id_calling_list_id_fkey
    FOREIGN KEY (tenant_id, calling_list_id) REFERENCES calling_lists (tenant_id, id) ON DELETE CASCADE ON UPDATE CASCADE;
-- The filter must belong to the same calling list.
ALTER TABLE campaign_calling_lists ADD CONSTRAINT campaign_calling_lists_tenant_id_calling_list_id_filter_id_fkey
    FOREIGN KEY (tenant_id, calling_list_id, filter_id) REFERENCES calling_list_filters (tenant_id, calling_list_id, id)
    ON DELETE NO ACTION ON UPDATE CASCADE;

-- Records ---------------------------------------------------------------------------------------

CREATE SEQUENCE records_chain_id_seq AS INTEGER;

CREATE TABLE records (
    record_id         BIGSERIAL    NOT NULL,
    tenant_id         INTEGER      NOT NULL,
    calling_list_id   INTEGER      NOT NULL,
    contact_info      VARCHAR(128) NOT NULL,
    contact_info_type INTEGER      NOT NULL DEFAULT 1,
    record_type       INTEGER      NOT NULL DEFAULT 2,
    record_status     INTEGER      NOT NULL DEFAULT 1,
    call_result       INTEGER      NOT NULL DEFAULT 28,
    attempt           INTEGER      NOT NULL DEFAULT 0,
    dial_sched_time   BIGINT,
    call_time         BIGINT,
    daily_from        INTEGER      NOT NULL,
    daily_till        INTEGER      NOT NULL,
    tz_dbid           INTEGER      NOT NULL,
    campaign_id       INTEGER,
    agent_id          VARCHAR(32),
    chain_id          INTEGER      NOT NULL DEFAULT nextval('records_chain_id_seq'::regclass),
    chain_n           INTEGER      NOT NULL DEFAULT 0,
    app_id            INTEGER,
    email_subject     VARCHAR(255),
    email_template_id INTEGER,
    group_id          INTEGER,
    media_ref         INTEGER,
    switch_id         INTEGER,
    treatments        VARCHAR(255),
    customer_id       VARCHAR(255),
    custom            JSONB        NOT NULL DEFAULT '{}',
    CONSTRAINT records_pkey PRIMARY KEY (record_id),
    CONSTRAINT records_contact_info_check CHECK (btrim(contact_info) <> ''),
    CONSTRAINT records_contact_info_type_check CHECK (contact_info_type BETWEEN 0 AND 11),
    CONSTRAINT records_record_type_check CHECK (record_type BETWEEN 0 AND 7),
    CONSTRAINT records_record_status_check CHECK (record_status IN (0, 1, 2, 3, 4, 5, 6, 8)),
    -- Desktops may store any non-negative call result, including reserved and unlisted ones
    -- (reference manual, Call Result Types); treatments are limited to the listed ones.
    CONSTRAINT records_call_result_check CHECK (call_result >= 0),
    CONSTRAINT records_attempt_check CHECK (attempt >= 0),
    CONSTRAINT records_dial_sched_time_check CHECK (dial_sched_time >= 0),
    CONSTRAINT records_call_time_check CHECK (call_time >= 0),
    CONSTRAINT records_daily_window_check
        CHECK (daily_from BETWEEN 0 AND 86400 AND daily_till BETWEEN 0 AND 86400 AND daily_from < daily_till),
    CONSTRAINT records_chain_id_check CHECK (chain_id >= 0),
    CONSTRAINT records_chain_n_check CHECK (chain_n >= 0),
    -- Personal Rescheduled and Personal CallBack records belong to one agent.
    CONSTRAINT records_personal_agent_check CHECK (record_type NOT IN (4, 5) OR agent_id IS NOT NULL),
    -- Rescheduled and callback records are due at a time.
    CONSTRAINT records_scheduled_time_check CHECK (record_type NOT IN (3, 4, 5, 6) OR dial_sched_time IS NOT NULL),
    CONSTRAINT records_custom_check CHECK (jsonb_typeof(custom) = 'object')
);
ALTER SEQUENCE records_chain_id_seq OWNED BY records.chain_id;
CREATE UNIQUE INDEX records_tenant_id_record_id_key ON records (tenant_id, record_id);
CREATE UNIQUE INDEX records_calling_list_id_chain_id_chain_n_key ON records (calling_list_id, chain_id, chain_n);
CREATE INDEX records_retrieval_idx
    ON records (calling_list_id, record_status, record_type, dial_sched_time);
CREATE INDEX records_tenant_id_contact_info_idx ON records (tenant_id, contact_info);
-- Record retrieval scans only Ready records, a small part of a worked list.
CREATE INDEX records_ready_idx ON records (calling_list_id, record_type, dial_sched_time, chain_id, chain_n)
    WHERE record_status = 1;
CREATE INDEX records_tenant_id_customer_id_idx ON records (tenant_id, customer_id) WHERE customer_id IS NOT NULL;
ALTER TABLE records ADD CONSTRAINT records_tenant_id_calling_list_id_fkey
    FOREIGN KEY (tenant_id, calling_list_id) REFERENCES calling_lists (tenant_id, id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE records ADD CONSTRAINT records_tenant_id_tz_dbid_fkey
    FOREIGN KEY (tenant_id, tz_dbid) REFERENCES time_zones (tenant_id, id) ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE records ADD CONSTRAINT records_tenant_id_campaign_id_fkey
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE NO ACTION ON UPDATE CASCADE;

-- Treatments ------------------------------------------------------------------------------------

CREATE TABLE treatments (
    id                SERIAL       NOT NULL,
    tenant_id         INTEGER      NOT NULL,
    calling_list_id   INTEGER      NOT NULL,
    name              VARCHAR(255) NOT NULL,
    description       TEXT         NOT NULL DEFAULT '',
    call_result       INTEGER      NOT NULL,
    apply_to_record   VARCHAR(32)  NOT NULL,
    apply_to_call     VARCHAR(16),
    destination_dn    VARCHAR(64),
    sequence_number   INTEGER      NOT NULL DEFAULT 1,
    cycle_attempt     INTEGER      NOT NULL DEFAULT 0,
    interval_minutes  INTEGER      NOT NULL DEFAULT 0,
    increment_minutes INTEGER      NOT NULL DEFAULT 0,
    specified_date    DATE,
    specified_time    INTEGER,
    CONSTRAINT treatments_pkey PRIMARY KEY (id),
    CONSTRAINT treatments_name_check CHECK (btrim(name) <> ''),
    -- Listed call results only, never Unknown (OK is allowed for Power GVP campaigns).
    CONSTRAINT treatments_call_result_check CHECK (call_result BETWEEN 0 AND 53 AND call_result <> 28),
    CONSTRAINT treatments_apply_to_record_check CHECK (apply_to_record IN (
        'NoTreatment', 'Redial', 'RetryIn', 'RetryAtSpecifiedDate', 'NextInChain', 'NextInChainAfter',
        'NextInChainAtSpecifiedDate', 'UpdateAllRecordsInChain', 'CancelRecord', 'AssignToGroup', 'MarkAsAgentError'
    )),
    -- Call actions apply to calls that were answered by someone or something.
    CONSTRAINT treatments_apply_to_call_check CHECK (
        apply_to_call IS NULL OR (apply_to_call IN ('Connect', 'Transfer', 'Drop') AND call_result IN (9, 17, 32, 33))
    ),
    -- Connect and Transfer need somewhere to send the call; other actions take no destination.
    CONSTRAINT treatments_destination_dn_check CHECK (
        CASE WHEN apply_to_call IN ('Connect', 'Transfer') THEN btrim(destination_dn) <> '' IS TRUE
             ELSE destination_dn IS NULL END
    ),
    CONSTRAINT treatments_sequence_number_check CHECK (sequence_number >= 1),
    CONSTRAINT treatments_cycle_attempt_check CHECK (
        cycle_attempt >= 0
        AND (apply_to_record NOT IN ('Redial', 'NextInChain', 'NextInChainAfter', 'NextInChainAtSpecifiedDate')
             OR cycle_attempt > 0)
    ),
    CONSTRAINT treatments_interval_check CHECK (
        interval_minutes >= 0 AND increment_minutes >= 0
        AND (apply_to_record NOT IN ('RetryIn', 'NextInChainAfter') OR interval_minutes > 0)
    ),
    -- Only the "at specified date" actions carry a date and time, and they always do.
    CONSTRAINT treatments_specified_check CHECK (
        CASE WHEN apply_to_record IN ('RetryAtSpecifiedDate', 'NextInChainAtSpecifiedDate')
             THEN specified_date IS NOT NULL AND specified_time IS NOT NULL
             ELSE specified_date IS NULL AND specified_time IS NULL END
        AND (specified_time IS NULL OR specified_time BETWEEN 0 AND 86399)
    )
);
CREATE UNIQUE INDEX treatments_calling_list_id_name_key ON treatments (calling_list_id, name);
CREATE UNIQUE INDEX treatments_calling_list_id_call_result_sequence_number_key
    ON treatments (calling_list_id, call_result, sequence_number);
CREATE INDEX treatments_tenant_id_calling_list_id_idx ON treatments (tenant_id, calling_list_id);
ALTER TABLE treatments ADD CONSTRAINT treatments_tenant_id_calling_list_id_fkey
    FOREIGN KEY (tenant_id, calling_list_id) REFERENCES calling_lists (tenant_id, id) ON DELETE CASCADE ON UPDATE CASCADE;

-- Do not call -----------------------------------------------------------------------------------

CREATE TABLE dnc_entries (
    id          BIGSERIAL    NOT NULL,
    tenant_id   INTEGER      NOT NULL,
    phone       VARCHAR(128),
    customer_id VARCHAR(255),
    message     TEXT,
    source      VARCHAR(32)  NOT NULL,
    agent_id    VARCHAR(32),
    expires_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT dnc_entries_pkey PRIMARY KEY (id),
    -- An entry blocks either a phone number or a customer id, never both or neither.
    CONSTRAINT dnc_entries_target_check CHECK ((phone IS NULL) <> (customer_id IS NULL)),
    CONSTRAINT dnc_entries_phone_check CHECK (btrim(phone) <> ''),
    CONSTRAINT dnc_entries_customer_id_check CHECK (btrim(customer_id) <> ''),
    CONSTRAINT dnc_entries_source_check
        CHECK (source IN ('desktop', 'http', 'communication-dn', 'api', 'import', 'admin'))
);
CREATE UNIQUE INDEX dnc_entries_tenant_id_phone_key ON dnc_entries (tenant_id, phone);
CREATE UNIQUE INDEX dnc_entries_tenant_id_customer_id_key ON dnc_entries (tenant_id, customer_id);
ALTER TABLE dnc_entries ADD CONSTRAINT dnc_entries_tenant_id_fkey
    FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE;

-- Callbacks -------------------------------------------------------------------------------------

CREATE TABLE callbacks (
    id                BIGSERIAL   NOT NULL,
    tenant_id         INTEGER     NOT NULL,
    record_id         BIGINT      NOT NULL,
    campaign_group_id INTEGER,
    type              VARCHAR(16) NOT NULL,
    agent_id          VARCHAR(32),
    scheduled_at      TIMESTAMPTZ NOT NULL,
    status            VARCHAR(16) NOT NULL DEFAULT 'scheduled',
    created_at        TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT callbacks_pkey PRIMARY KEY (id),
    CONSTRAINT callbacks_type_check CHECK (type IN ('personal', 'campaign')),
    -- A personal callback goes to its agent; a campaign callback to any agent of the group.
    CONSTRAINT callbacks_agent_check CHECK ((type = 'personal') = (agent_id IS NOT NULL)),
    CONSTRAINT callbacks_status_check CHECK (status IN ('scheduled', 'delivered', 'completed', 'missed', 'cancelled'))
);
CREATE INDEX callbacks_tenant_id_status_scheduled_at_idx ON callbacks (tenant_id, status, scheduled_at);
CREATE INDEX callbacks_tenant_id_record_id_idx ON callbacks (tenant_id, record_id);
-- A record has at most one callback that is still to be completed.
CREATE UNIQUE INDEX callbacks_open_record_key ON callbacks (record_id) WHERE status IN ('scheduled', 'delivered');
ALTER TABLE callbacks ADD CONSTRAINT callbacks_tenant_id_record_id_fkey
    FOREIGN KEY (tenant_id, record_id) REFERENCES records (tenant_id, record_id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE callbacks ADD CONSTRAINT callbacks_tenant_id_campaign_group_id_fkey
    FOREIGN KEY (tenant_id, campaign_group_id) REFERENCES campaign_groups (tenant_id, id) ON DELETE NO ACTION ON UPDATE CASCADE;

-- Call attempt history --------------------------------------------------------------------------

CREATE TABLE call_attempts (
    id                     BIGSERIAL    NOT NULL,
    tenant_id              INTEGER      NOT NULL,
    attempt_guid           UUID         NOT NULL,
    record_id              BIGINT       NOT NULL,
    campaign_group_id      INTEGER,
    agent_id               VARCHAR(32),
    contact_info           VARCHAR(128) NOT NULL,
    call_result            INTEGER      NOT NULL DEFAULT 28,
    hist_sequence_num      INTEGER      NOT NULL DEFAULT 0,
    start_processing_at    TIMESTAMPTZ  NOT NULL,
    dialed_at              TIMESTAMPTZ,
    answered_at            TIMESTAMPTZ,
    abandoned_at           TIMESTAMPTZ,
    acw_completed_at       TIMESTAMPTZ,
    complete_processing_at TIMESTAMPTZ,
    CONSTRAINT call_attempts_pkey PRIMARY KEY (id),
    CONSTRAINT call_attempts_call_result_check CHECK (call_result >= 0),
    CONSTRAINT call_attempts_hist_sequence_num_check CHECK (hist_sequence_num IN (0, 1)),
    -- Everything in an attempt happens after processing started and answering needs a dialed call
    -- (comparisons with a timestamp that is not set yet are NULL, which a CHECK accepts).
    CONSTRAINT call_attempts_timeline_check CHECK (
        dialed_at >= start_processing_at
        AND answered_at >= dialed_at
        AND (answered_at IS NULL OR dialed_at IS NOT NULL)
        AND abandoned_at >= start_processing_at
        AND acw_completed_at >= start_processing_at
        AND complete_processing_at >= start_processing_at
    )
);
CREATE UNIQUE INDEX call_attempts_attempt_guid_record_id_key ON call_attempts (attempt_guid, record_id);
CREATE INDEX call_attempts_tenant_id_record_id_idx ON call_attempts (tenant_id, record_id);
ALTER TABLE call_attempts ADD CONSTRAINT call_attempts_tenant_id_record_id_fkey
    FOREIGN KEY (tenant_id, record_id) REFERENCES records (tenant_id, record_id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE call_attempts ADD CONSTRAINT call_attempts_tenant_id_campaign_group_id_fkey
    FOREIGN KEY (tenant_id, campaign_group_id) REFERENCES campaign_groups (tenant_id, id) ON DELETE NO ACTION ON UPDATE CASCADE;
