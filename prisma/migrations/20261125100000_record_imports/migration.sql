-- Calling-list imports (record-dispatcher): an import's header and counts, and its checked rows
-- staged apart from records until the commit turns them into records in one transaction, so a
-- failed or abandoned import never leaves part of a file dialable.
CREATE TABLE record_imports (
    id              UUID PRIMARY KEY,
    tenant_id       INTEGER NOT NULL,
    calling_list_id INTEGER NOT NULL,
    status          VARCHAR(16) NOT NULL DEFAULT 'loading'
                    CHECK (status IN ('loading', 'committed', 'aborted')),
    -- The file's header, as sent.
    columns         JSONB NOT NULL,
    staged          INTEGER NOT NULL DEFAULT 0 CHECK (staged >= 0),
    rejected        INTEGER NOT NULL DEFAULT 0 CHECK (rejected >= 0),
    imported        INTEGER NOT NULL DEFAULT 0 CHECK (imported >= 0),
    -- Why an aborted import was given up.
    reason          TEXT,
    created_at      TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, calling_list_id) REFERENCES calling_lists (tenant_id, id) ON DELETE CASCADE
);

-- Loading imports left behind by a gateway that stopped are found by age.
CREATE INDEX record_imports_loading_idx ON record_imports (updated_at) WHERE status = 'loading';

CREATE TABLE record_import_rows (
    import_id         UUID NOT NULL REFERENCES record_imports (id) ON DELETE CASCADE,
    -- Line of the file: a batch sent again stages nothing twice, and records keep the file's order.
    line              INTEGER NOT NULL CHECK (line > 0),
    contact_info      VARCHAR(128) NOT NULL,
    contact_info_type INTEGER NOT NULL,
    daily_from        INTEGER NOT NULL,
    daily_till        INTEGER NOT NULL,
    tz_dbid           INTEGER NOT NULL,
    customer_id       VARCHAR(255),
    custom            JSONB NOT NULL DEFAULT '{}',
    PRIMARY KEY (import_id, line)
);
