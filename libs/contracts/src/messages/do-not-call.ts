import { DNC_SOURCES } from '@ocs/domain';
import { z } from 'zod';
import { defineCommand, defineEvent, defineStream } from '../definitions';
import { chainAttrSchema, recordSelectionSchema } from './records';
import { customerId, loginId as agentId, phone, recordHandle } from './fields';

/**
 * The do-not-call list (dnc-registry) and marking records No Call (record-dispatcher). Phones are
 * compared without separators, customer ids exactly (libs/domain/src/dnc); replies name values in
 * that normalized form.
 */

// One retrieval batch (DIALING_BUFFER_SIZE is at most 10,000) fits in one check.
const MAX_CHECK_VALUES = 10_000;

export const DncErrorCode = {
  /** The index is being built after a start; the caller retries. */
  NotReady: 'DNC_NOT_READY',
  /** The tenant is not known to this database. */
  UnknownTenant: 'DNC_UNKNOWN_TENANT',
} as const;

const values = {
  phones: z.array(phone).max(MAX_CHECK_VALUES).default([]),
  customerIds: z.array(customerId).max(MAX_CHECK_VALUES).default([]),
};
const hasValue = (request: { phones: string[]; customerIds: string[] }) =>
  request.phones.length + request.customerIds.length > 0;
const someValue = { message: 'A phone or a customer id is required', path: ['phones'] };

/**
 * Lists phones and/or customer ids for the request's tenant (the manual's gsw_donotcall_list),
 * until now + `durationSeconds` (GSW_DURATION) or for good. Idempotent: a repeat keeps one entry
 * per value and replaces its message, agent and expiry. Every replica's index learns it through
 * {@link DoNotCallListChanged}.
 */
export const AddDoNotCall = defineCommand({
  service: 'dnc-registry',
  type: 'dnc.add',
  version: 1,
  request: z
    .object({
      ...values,
      /** GSW_MESSAGE, kept for the DNC log. */
      message: z.string().max(4096).optional(),
      durationSeconds: z.number().int().positive().max(2_147_483_647).optional(),
      agentId: agentId.optional(),
      source: z.enum(DNC_SOURCES),
    })
    .refine(hasValue, someValue),
  reply: z.object({
    phones: z.array(z.string()),
    customerIds: z.array(z.string()),
    /** ISO time the entries expire; null for good. */
    expiresAt: z.string().nullable(),
  }),
});

/** Removes phones and/or customer ids from the tenant's list (WWE removeDoNotCall). Idempotent. */
export const RemoveDoNotCall = defineCommand({
  service: 'dnc-registry',
  type: 'dnc.remove',
  version: 1,
  request: z.object(values).refine(hasValue, someValue),
  reply: z.object({ removed: z.number().int().nonnegative() }),
});

/**
 * Which of the given phones and customer ids are listed (and not expired) now: answered from the
 * in-memory index, one request per retrieved batch. DNC_NOT_READY while the index is being built.
 */
export const CheckDoNotCall = defineCommand({
  service: 'dnc-registry',
  type: 'dnc.check',
  version: 1,
  request: z.object(values),
  reply: z.object({ phones: z.array(z.string()), customerIds: z.array(z.string()) }),
});

/**
 * The manual's "reread of the Do Not Call list": every replica rebuilds its index from Postgres
 * (after manual changes to dnc_entries). The reply counts the entries the answering replica loaded.
 */
export const RereadDoNotCall = defineCommand({
  service: 'dnc-registry',
  type: 'dnc.reread',
  version: 1,
  request: z.object({}),
  reply: z.object({ entries: z.number().int().nonnegative(), ms: z.number().nonnegative() }),
});

/** Do-not-call changes only matter to running replicas: kept a day. */
export const DncStream = defineStream({ name: 'OCS_DNC', domain: 'dnc', maxAgeSeconds: 86_400 });

const entry = z.object({ kind: z.enum(['phone', 'customerId']), value: z.string().min(1) });

/**
 * The tenant's list changed: entries listed (with their expiry, Unix seconds or null), removed, or
 * the whole list is to be read again. One event type for all three, followed by every replica, so
 * each applies them in the order they happened (separate subjects would have separate consumers).
 */
export const DoNotCallListChanged = defineEvent({
  stream: DncStream,
  domain: 'dnc',
  type: 'list-changed',
  version: 1,
  schema: z.object({
    listed: z.array(entry.extend({ expiresAt: z.number().int().positive().nullable() })).default([]),
    removed: z.array(entry).default([]),
    reread: z.boolean().default(false),
    /** The replica that made the change (it has applied it already). */
    origin: z.string(),
  }),
});

/**
 * DoNotCall on records (record-dispatcher): like CancelRecords, but the records become record
 * type No Call (NO_CALL_RECORD in @ocs/domain) instead of Canceled. By handle (the requesting
 * agent's record, with the campaign and calling list; any holder's without an agent): that record, and with AllChain its chain;
 * the handles end. By phone or customer id: the matching records of the calling lists of the
 * tenant's loaded campaign groups, their chains with AllChain; records on desktops are left to
 * them and each gets a RecordCancelRequested (RecordCancel). `phones` are the numbers to list:
 * every phone of the chain (AllChain by handle) or the record's (RecordOnly). Repeats mark nothing
 * more. Errors: RECORD_NOT_FOUND, RECORD_HELD_BY_ANOTHER_AGENT (as CancelRecords).
 */
export const MarkDoNotCallRecords = defineCommand({
  service: 'record-dispatcher',
  type: 'records.do-not-call',
  version: 1,
  request: recordSelectionSchema,
  reply: z.object({
    by: z.enum(['handle', 'phone', 'customerId']),
    chain: chainAttrSchema,
    /** Records this request marked No Call. */
    marked: z.number().int().nonnegative(),
    /** Phones of the records in scope (by handle), to be listed. */
    phones: z.array(z.string()),
    onDesktop: z.array(z.object({ agentId, handle: recordHandle })),
  }),
});
