-- Desktop requests on held records (record-dispatcher): ChainedRecordRequest puts the rest of a
-- chain on the desktop that holds its first record, once per chain.

-- The handle whose ChainedRecordRequest delivered this record; NULL for records retrieved for
-- dialing. Chained records end with the record that brought them (same transaction, no FK needed).
ALTER TABLE record_handles ADD COLUMN chain_of INTEGER;
-- Whether the rest of this record's chain was already requested (the desktop may ask once).
ALTER TABLE record_handles ADD COLUMN chain_requested BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE record_handles ADD CONSTRAINT record_handles_chain_of_check
    CHECK (chain_of IS NULL OR (chain_of <> handle AND state = 'desktop'));

-- Still one retrieved record per chain; the chained records on the same desktop are beside it.
DROP INDEX record_handles_calling_list_id_chain_id_key;
CREATE UNIQUE INDEX record_handles_calling_list_id_chain_id_key
    ON record_handles (calling_list_id, chain_id) WHERE chain_of IS NULL;
CREATE INDEX record_handles_chain_of_idx ON record_handles (chain_of) WHERE chain_of IS NOT NULL;
