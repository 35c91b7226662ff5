import {
  type CallbackRequest,
  CallbacksErrorCode,
  type ReplyOf,
  type RescheduleRecord,
} from '@ocs/contracts';
import {
  callbackTypeOfRecord,
  formatGenesysDateTime,
  fromUnixSeconds,
  localDateTimeAt,
  missedCallbackResult,
  readCallbackTime,
  type CallbackType,
  RecordStatus,
  RecordType,
} from '@ocs/domain';
import { CommandError } from '@ocs/messaging';
import { inTransaction } from '@ocs/persistence';
import type { Pool, PoolClient } from 'pg';
import { type DesktopHandle } from './desktop-record-store';
import { type HeldRecord } from './session-store';

type Pending = Omit<ReplyOf<typeof RescheduleRecord>, 'callingListName' | 'campaignName'>;

const CALLBACK_TYPES_SQL = `(${RecordType.PersonalCallback}, ${RecordType.CampaignCallback})`;
const WAITING_SQL = `(${RecordStatus.Ready}, ${RecordStatus.Retrieved})`;

/**
 * Keeps a RecordReschedule on the locked handle until RecordProcessed (a repeat replaces it): the
 * time is read on the wall clock of the record's zone; 110 when in the past, 111 when unreadable.
 * Returns the acknowledgement's values and the handle as it now is.
 */
export async function keepReschedule(
  client: PoolClient,
  held: DesktopHandle,
  request: CallbackRequest,
  now: Date,
): Promise<{ pending: Pending; held: DesktopHandle }> {
  const { rows } = await client.query<{ zone: string; recordType: number; phone: string }>(
    `SELECT tz.iana_name AS zone, r.record_type AS "recordType", r.contact_info AS phone
       FROM records r JOIN time_zones tz ON tz.tenant_id = r.tenant_id AND tz.id = r.tz_dbid
      WHERE r.record_id = $1`,
    [held.recordId],
  );
  const record = rows[0];
  const read = readCallbackTime(request.dateTime, record.zone, now);
  if (!read.ok) {
    throw read.error === 'invalid-format'
      ? new CommandError(CallbacksErrorCode.InvalidTimeFormat, `${request.dateTime} is not MM/DD/YYYY HH:MM`)
      : new CommandError(
          CallbacksErrorCode.InvalidTime,
          `${request.dateTime} (${record.zone}) is in the past`,
        );
  }
  const callbackType: CallbackType =
    request.callbackType ?? held.callbackType ?? callbackTypeOfRecord(record.recordType);
  await client.query('UPDATE record_handles SET callback_type = $2, callback_at = $3 WHERE handle = $1', [
    held.handle,
    callbackType,
    read.at,
  ]);
  return {
    pending: {
      callbackType,
      dateTime: formatGenesysDateTime(localDateTimeAt(record.zone, fromUnixSeconds(read.at))),
      phone: record.phone,
    },
    held: { ...held, callbackType, callbackAt: read.at },
  };
}

/** The record of a due callback, locked; undefined when it is no longer that callback. */
async function lockCallbackRecord(
  client: PoolClient,
  tenantId: number,
  recordId: string,
  dueAt: number,
): Promise<{ callingListId: number; chainId: number } | undefined> {
  const { rows } = await client.query<{ callingListId: number; chainId: number }>(
    `SELECT calling_list_id AS "callingListId", chain_id AS "chainId" FROM records
      WHERE tenant_id = $1 AND record_id = $2 AND record_type IN ${CALLBACK_TYPES_SQL}
        AND record_status IN ${WAITING_SQL} AND dial_sched_time = $3
        FOR UPDATE`,
    [tenantId, recordId, dueAt],
  );
  return rows[0];
}

/** The handle holding a record, locked: buffered by a session, being dialed or on a desktop. */
async function lockHandle(
  client: PoolClient,
  recordId: string,
): Promise<{ handle: number; state: HeldRecord['state'] } | undefined> {
  const { rows } = await client.query<{ handle: number; state: HeldRecord['state'] }>(
    'SELECT handle, state FROM record_handles WHERE record_id = $1 FOR UPDATE',
    [recordId],
  );
  return rows[0];
}

export type Delivery = { delivered: true; handle: number } | { delivered: false; reason: string };

/**
 * Puts a due callback's record on the agent's desktop under a new handle of `sessionId`: a handle
 * that only buffers it is replaced; one on a desktop means it was delivered already. One
 * transaction, so two gateways offering one campaign callback deliver it once.
 */
export function deliverCallback(
  pool: Pool,
  args: { tenantId: number; sessionId: string; recordId: string; dueAt: number; agentId: string },
): Promise<Delivery> {
  return inTransaction(pool, async (client) => {
    const record = await lockCallbackRecord(client, args.tenantId, args.recordId, args.dueAt);
    if (!record) return { delivered: false, reason: 'the record is no longer this callback' };
    const held = await lockHandle(client, args.recordId);
    // A record being dialed is on its way to a desktop (or to its final call result).
    if (held && held.state !== 'buffered')
      return {
        delivered: false,
        reason: `the record is ${held.state === 'desktop' ? 'on a desktop' : 'being dialed'}`,
      };
    if (held) await client.query('DELETE FROM record_handles WHERE handle = $1', [held.handle]);
    const { rows } = await client.query<{ handle: number }>(
      `INSERT INTO record_handles (tenant_id, session_id, record_id, calling_list_id, chain_id, record_type,
                                   dial_sched_time, state, agent_id, delivered_at)
       SELECT tenant_id, $2, record_id, calling_list_id, chain_id, record_type, dial_sched_time, 'desktop', $3,
              CURRENT_TIMESTAMP
         FROM records WHERE record_id = $1
           ON CONFLICT (calling_list_id, chain_id) WHERE chain_of IS NULL DO NOTHING
       RETURNING handle`,
      [args.recordId, args.sessionId, args.agentId],
    );
    if (!rows[0]) return { delivered: false, reason: 'another record of its chain is held' };
    await client.query(`UPDATE records SET record_status = ${RecordStatus.Retrieved} WHERE record_id = $1`, [
      args.recordId,
    ]);
    return { delivered: true, handle: rows[0].handle };
  });
}

/**
 * What became of an offered callback. Still waiting (Ready, or only buffered): nobody could take
 * it, so it is missed - call result 47 / 48, record status Missed CallBack, out of any buffer.
 */
export function resolveCallback(
  pool: Pool,
  args: { tenantId: number; recordId: string; dueAt: number; callbackType: CallbackType },
): Promise<'delivered' | 'missed' | 'gone'> {
  return inTransaction(pool, async (client) => {
    const held = await lockHandle(client, args.recordId);
    if (held && held.state !== 'buffered') return 'delivered';
    const record = await lockCallbackRecord(client, args.tenantId, args.recordId, args.dueAt);
    if (!record) return 'gone';
    if (held) await client.query('DELETE FROM record_handles WHERE handle = $1', [held.handle]);
    await client.query(
      `UPDATE records SET call_result = $2, record_status = ${RecordStatus.MissedCallback} WHERE record_id = $1`,
      [args.recordId, missedCallbackResult(args.callbackType)],
    );
    return 'missed';
  });
}
