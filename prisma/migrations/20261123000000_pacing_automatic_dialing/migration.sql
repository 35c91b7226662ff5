-- Automatic dialing (Progressive, Predictive). A buffered record taken for a call is 'dialing'
-- (no agent yet) under the call's deterministic id until its call is established on an agent's
-- desktop or ends; dialed_at / answered_at feed the call history.
ALTER TABLE record_handles DROP CONSTRAINT record_handles_state_check;
ALTER TABLE record_handles ADD CONSTRAINT record_handles_state_check
    CHECK (state IN ('buffered', 'dialing', 'desktop'));
ALTER TABLE record_handles ADD COLUMN call_id UUID;
ALTER TABLE record_handles ADD COLUMN dialed_at TIMESTAMPTZ(6);
ALTER TABLE record_handles ADD COLUMN answered_at TIMESTAMPTZ(6);
ALTER TABLE record_handles ADD CONSTRAINT record_handles_dialing_check
    CHECK (state <> 'dialing' OR (call_id IS NOT NULL AND dialed_at IS NOT NULL));
CREATE UNIQUE INDEX record_handles_call_id_key ON record_handles (call_id) WHERE call_id IS NOT NULL;

-- Numbers whose call was dropped or abandoned: not dialed again before locked_until (UK rule, 72 h
-- by default). Phones as the records store them; retrieval skips locked numbers like DNC.
CREATE TABLE phone_lockouts (
    tenant_id    INTEGER      NOT NULL,
    phone        VARCHAR(128) NOT NULL,
    locked_until TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT phone_lockouts_pkey PRIMARY KEY (tenant_id, phone)
);
ALTER TABLE phone_lockouts ADD CONSTRAINT phone_lockouts_tenant_id_fkey
    FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE;
