-- Callbacks: a reschedule waits on its record handle for RecordProcessed, which finalizes it; the
-- callback-scheduler then keeps the due time and offers the callback to the desktops when due.

-- RecordReschedule / ScheduledRecordReschedule: the requested callback, pending on the handle.
ALTER TABLE record_handles ADD COLUMN callback_type VARCHAR(16);
-- Unix seconds of GSW_DATE_TIME read in the record's time zone.
ALTER TABLE record_handles ADD COLUMN callback_at BIGINT;
ALTER TABLE record_handles ADD CONSTRAINT record_handles_callback_check
    CHECK ((callback_type IS NULL) = (callback_at IS NULL)
           AND (callback_type IS NULL OR callback_type IN ('personal', 'campaign')));

-- The CallbackScheduled event a callback came from: a redelivered event inserts nothing.
ALTER TABLE callbacks ADD COLUMN source_id VARCHAR(128);
CREATE UNIQUE INDEX callbacks_source_id_key ON callbacks (source_id);
-- When the callback was offered to the desktops (CallbackDue); null: not yet.
ALTER TABLE callbacks ADD COLUMN offered_at TIMESTAMPTZ(6);
-- A campaign callback of a group with predictive_callback: the dialer calls it, no desktop is offered it.
ALTER TABLE callbacks ADD COLUMN dialer BOOLEAN NOT NULL DEFAULT false;
-- The scheduler's poll: scheduled callbacks by due time.
CREATE INDEX callbacks_due_idx ON callbacks (scheduled_at) WHERE status = 'scheduled';

-- CallbackScheduled events RecordProcessed committed that JetStream has not confirmed yet: written
-- in the finalizing transaction, published after the commit and deleted once confirmed (retried
-- until then), so no row lock is held while the bus is waited on and no callback is lost.
CREATE TABLE callback_outbox (
    -- The message id (Nats-Msg-Id): a repeated publication is dropped by JetStream and the consumer.
    id          VARCHAR(128) NOT NULL,
    tenant_id   INTEGER      NOT NULL,
    payload     JSONB        NOT NULL,
    created_at  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT callback_outbox_pkey PRIMARY KEY (id),
    CONSTRAINT callback_outbox_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
);
CREATE INDEX callback_outbox_created_at_idx ON callback_outbox (created_at);
