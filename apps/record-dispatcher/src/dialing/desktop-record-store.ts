import { inTransaction } from '@ocs/persistence';
import {
  agentErrorStatus,
  callbackDueTime,
  callbackRecordType,
  type CallbackType,
  type CustomFieldValues,
  type DesktopTreatmentRequest,
  formatTreatmentHistory,
  parseTreatmentHistory,
  RecordStatus,
  RecordType,
  rescheduledRecordType,
  type TreatmentOutcome,
  type TreatmentSituation,
} from '@ocs/domain';
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/** A record on a desktop under its handle, locked for the request. */
export interface DesktopHandle {
  readonly handle: number;
  readonly sessionId: string;
  readonly recordId: string;
  readonly callingListId: number;
  readonly chainId: number;
  readonly chainN: number;
  /** The handle whose ChainedRecordRequest delivered this one; null for a retrieved record. */
  readonly chainOf: number | null;
  readonly chainRequested: boolean;
  readonly dailyFrom: number;
  readonly dailyTill: number;
  /** A RecordReschedule waiting for RecordProcessed: its type and requested time (Unix seconds). */
  readonly callbackType: CallbackType | null;
  readonly callbackAt: number | null;
}

/** Why a request on a handle was refused. */
export type HandleRefusal = 'not-found' | 'other-agent';

/** Changes a desktop makes to a record (absent: unchanged). */
export interface RecordChanges {
  readonly callResult?: number;
  readonly dailyFrom?: number;
  readonly dailyTill?: number;
  readonly contactInfo?: string;
  readonly contactInfoType?: number;
  /** Stored form, already checked against the list's fields. */
  readonly custom?: CustomFieldValues;
}

/** The facts a final update decides the treatment on, less the list's treatments and the clock. */
export type TreatmentFacts = Pick<
  TreatmentSituation,
  'callResult' | 'history' | 'chainN' | 'attempts' | 'maxAttempts' | 'nextChainN' | 'timeZone'
> & {
  readonly recordType: number;
};

export interface ProcessedRecord {
  readonly recordStatus: number;
  readonly attemptGuid: string;
  readonly outcome: TreatmentOutcome['kind'] | 'callback';
  /** The callback a pending reschedule made of the record: its type and due time (Unix seconds). */
  readonly callback: { readonly type: CallbackType; readonly dueAt: number } | null;
}

const CHAIN_OPEN = `(${RecordStatus.Ready}, ${RecordStatus.Retrieved})`;

/**
 * The desktop requests on records already delivered (UpdateCallCompletionStats, RecordProcessed,
 * RecordReject, ChainedRecordRequest). Each request is one transaction that starts by locking the
 * handle, so two requests on one handle run one after the other and the second sees the first's
 * effect (a finalized handle is gone: Record Not Found).
 */
export class DesktopRecordStore {
  constructor(private readonly pool: Pool) {}

  /**
   * Locks a handle on `agentId`'s desktop and runs `work` with the agent holding it; a refusal when
   * the agent does not hold it. Without `agentId` (an OCS HTTP client) any desktop's record will do.
   */
  async withHandle<T>(
    tenantId: number,
    handle: number,
    agentId: string | undefined,
    work: (client: PoolClient, held: DesktopHandle, holder: string) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; refusal: HandleRefusal }> {
    return inTransaction(this.pool, async (client) => {
      const row = await lockHandle(client, 'h.tenant_id = $1 AND h.handle = $2', [tenantId, handle]);
      if (!row || row.state !== 'desktop' || row.agentId === null)
        return { ok: false as const, refusal: 'not-found' as const };
      if (agentId !== undefined && row.agentId !== agentId)
        return { ok: false as const, refusal: 'other-agent' as const };
      return { ok: true as const, value: await work(client, row, row.agentId) };
    });
  }

  /**
   * Locks the handle an automatic call was placed for (by its call id), being dialed or on the
   * desktop of the agent the call reached, and runs `work`; undefined when no handle holds the
   * call any more (finalized, or never ours).
   */
  async withCall<T>(
    callId: string,
    work: (client: PoolClient, held: DesktopHandle, agentId: string | null) => Promise<T>,
  ): Promise<T | undefined> {
    return inTransaction(this.pool, async (client) => {
      const row = await lockHandle(client, 'h.call_id = $1', [callId]);
      return row ? work(client, row, row.agentId) : undefined;
    });
  }

  /**
   * UpdateCallCompletionStats: the changes are written to the record, which stays on the desktop;
   * its handle's updated_at restarts the stale clock.
   */
  async applyChanges(client: PoolClient, recordId: string, changes: RecordChanges): Promise<void> {
    await client.query(
      `UPDATE records SET call_result = COALESCE($2, call_result), daily_from = COALESCE($3, daily_from),
              daily_till = COALESCE($4, daily_till), contact_info = COALESCE($5, contact_info),
              contact_info_type = COALESCE($6, contact_info_type), custom = custom || $7::jsonb
        WHERE record_id = $1`,
      [
        recordId,
        changes.callResult ?? null,
        changes.dailyFrom ?? null,
        changes.dailyTill ?? null,
        changes.contactInfo ?? null,
        changes.contactInfoType ?? null,
        JSON.stringify(changes.custom ?? {}),
      ],
    );
    // The stale clock of the record on the desktop starts again.
    await client.query('UPDATE record_handles SET updated_at = CURRENT_TIMESTAMP WHERE record_id = $1', [
      recordId,
    ]);
  }

  async recordStatus(client: PoolClient, recordId: string): Promise<number> {
    const { rows } = await client.query<{ record_status: number }>(
      'SELECT record_status FROM records WHERE record_id = $1',
      [recordId],
    );
    return rows[0].record_status;
  }

  /**
   * RecordProcessed, after {@link applyChanges}: `decide` sees the record as updated and says what
   * the treatments do (null: no treatment requested, the chain is finalized). The record's attempt
   * is counted, every handle of the chain on the desktop ends and each of their records gets a row
   * of call history under one new GSW_CALL_ATTEMPT_GUID.
   */
  async process(
    client: PoolClient,
    held: DesktopHandle,
    args: {
      /** The agent who processed the record; null for a dialed call no agent took. */
      agentId: string | null;
      campaignGroupDbid: number;
      /** The person or the dialer hung up on a live answer nobody took (dropped, abandoned): now. */
      abandoned?: boolean;
      /** Unix seconds: call_time and the base of rescheduling. */
      now: number;
      treatment: DesktopTreatmentRequest | undefined;
      decide: (facts: TreatmentFacts) => TreatmentOutcome | null;
    },
  ): Promise<ProcessedRecord> {
    const { rows } = await client.query<{
      callResult: number;
      recordType: number;
      treatments: string | null;
      timeZone: string;
      attempt: number;
      maxAttempts: number;
      nextChainN: number | null;
      dailyFrom: number;
      dailyTill: number;
    }>(
      // The next record of the chain must be one retrieval would still dial: below max_attempts.
      `SELECT r.call_result AS "callResult", r.record_type AS "recordType", r.treatments, tz.iana_name AS "timeZone",
              r.attempt, cl.max_attempts AS "maxAttempts", r.daily_from AS "dailyFrom", r.daily_till AS "dailyTill",
              (SELECT min(n.chain_n) FROM records n
                WHERE n.calling_list_id = r.calling_list_id AND n.chain_id = r.chain_id AND n.chain_n > r.chain_n
                  AND n.record_status IN ${CHAIN_OPEN} AND n.attempt < cl.max_attempts) AS "nextChainN"
         FROM records r JOIN time_zones tz ON tz.tenant_id = r.tenant_id AND tz.id = r.tz_dbid
         JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE r.record_id = $1`,
      [held.recordId],
    );
    const record = rows[0];
    // A pending reschedule wins over GSW_TREATMENT: the agent asked for this callback on this call.
    // Its time moves into the record's daily window as it is after this update.
    const callback =
      held.callbackType === null || held.callbackAt === null
        ? null
        : { type: held.callbackType, dueAt: callbackDueTime(held.callbackAt, record, record.timeZone) };
    const outcome = callback
      ? { kind: 'callback' as const, at: callback.dueAt }
      : (args.decide({
          callResult: record.callResult,
          recordType: record.recordType,
          history: record.treatments === null ? undefined : parseTreatmentHistory(record.treatments),
          chainN: held.chainN,
          // This call counts: the update below adds it to the record.
          attempts: record.attempt + 1,
          maxAttempts: record.maxAttempts,
          // Next-in-chain treatments belong to the record that holds the chain.
          nextChainN: held.chainOf === null ? record.nextChainN : null,
          timeZone: record.timeZone,
        }) ?? { kind: 'finalize' as const, treatment: null });

    // The handles of the chain end: this one and the records its chain request brought.
    const ended = await client.query<{
      record_id: string;
      started: Date;
      dialed: Date | null;
      answered: Date | null;
    }>(
      `DELETE FROM record_handles WHERE handle = $1 OR chain_of = $1
       RETURNING record_id::text, COALESCE(dialed_at, delivered_at, retrieved_at) AS started,
                 dialed_at AS dialed, answered_at AS answered`,
      [held.handle],
    );
    const attemptGuid = randomUUID();
    // A dialed call's handle carries its dial and answer times; a call no agent took has no ACW.
    await client.query(
      `INSERT INTO call_attempts (tenant_id, attempt_guid, record_id, campaign_group_id, agent_id, contact_info,
                                  call_result, hist_sequence_num, start_processing_at, dialed_at, answered_at,
                                  abandoned_at, acw_completed_at, complete_processing_at)
       SELECT r.tenant_id, $5, r.record_id, $6, $7::text, r.contact_info, r.call_result, 0,
              LEAST(e.started, CURRENT_TIMESTAMP), e.dialed, e.answered,
              CASE WHEN $8 THEN CURRENT_TIMESTAMP END,
              CASE WHEN $7::text IS NULL THEN NULL ELSE CURRENT_TIMESTAMP END, CURRENT_TIMESTAMP
         FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[])
              AS e(record_id, started, dialed, answered)
         JOIN records r ON r.record_id = e.record_id`,
      [
        ended.rows.map((row) => row.record_id),
        ended.rows.map((row) => row.started),
        ended.rows.map((row) => row.dialed),
        ended.rows.map((row) => row.answered),
        attemptGuid,
        args.campaignGroupDbid,
        args.agentId,
        args.abandoned ?? false,
      ],
    );

    const type = callback
      ? callbackRecordType(callback.type)
      : args.treatment
        ? rescheduledRecordType(args.treatment)
        : RecordType.CampaignRescheduled;
    const rescheduled = outcome.kind === 'reschedule' || outcome.kind === 'callback';
    const personal = type === RecordType.PersonalRescheduled;
    const history = 'history' in outcome ? formatTreatmentHistory(outcome.history) : null;
    let status: number = RecordStatus.Updated;
    if (rescheduled) status = RecordStatus.Ready;
    else if (outcome.kind === 'cancel') status = RecordStatus.Canceled;
    else if (outcome.kind === 'agent-error') status = agentErrorStatus(record.recordType);

    // The called record: counted, stamped with the agent and the call time.
    await client.query(
      `UPDATE records SET record_status = $2, attempt = attempt + 1, call_time = $3, agent_id = COALESCE($4, agent_id),
              treatments = COALESCE($5, treatments),
              record_type = CASE WHEN $6::int IS NULL THEN record_type ELSE $6::int END,
              dial_sched_time = CASE WHEN $6::int IS NULL THEN dial_sched_time ELSE $7::bigint END
        WHERE record_id = $1`,
      [
        held.recordId,
        status,
        args.now,
        args.agentId,
        history,
        rescheduled ? type : null,
        rescheduled ? outcome.at : null,
      ],
    );

    const chain = [held.callingListId, held.chainId, held.recordId];
    if (held.chainOf !== null) {
      // A chained record is done on its own; the chain belongs to the record that brought it.
    } else if (rescheduled || outcome.kind === 'next-in-chain') {
      // The chain stays open: records the chain request brought go back to the list.
      await client.query(
        `UPDATE records SET record_status = ${RecordStatus.Ready}
          WHERE calling_list_id = $1 AND chain_id = $2 AND record_id <> $3 AND record_status = ${RecordStatus.Retrieved}`,
        chain,
      );
      if (outcome.kind === 'next-in-chain') {
        await client.query(
          `UPDATE records SET record_status = ${RecordStatus.Ready}, record_type = $4, dial_sched_time = $5,
                  treatments = $6, agent_id = CASE WHEN $7 THEN $8 ELSE agent_id END
            WHERE calling_list_id = $1 AND chain_id = $2 AND record_id <> $3 AND chain_n = $9`,
          [...chain, type, outcome.at, history, personal, args.agentId, outcome.nextChainN],
        );
      }
    } else {
      // The chain is finished: the rest of it is updated, with the call result for update-chain.
      await client.query(
        `UPDATE records SET record_status = ${RecordStatus.Updated},
                call_result = CASE WHEN $4 THEN $5 ELSE call_result END
          WHERE calling_list_id = $1 AND chain_id = $2 AND record_id <> $3 AND record_status IN ${CHAIN_OPEN}`,
        [...chain, outcome.kind === 'update-chain', record.callResult],
      );
    }
    return { recordStatus: status, attemptGuid, outcome: outcome.kind, callback };
  }

  /**
   * RecordReject: the record and the rest of its chain go back to the list, General and Ready, with
   * agent_id set to the agent who rejected them; the handles of the chain end.
   */
  async reject(client: PoolClient, held: DesktopHandle, agentId: string): Promise<number> {
    const ended = await client.query(`DELETE FROM record_handles WHERE handle = $1 OR chain_of = $1`, [
      held.handle,
    ]);
    // A chained record goes back alone; the record that brought it keeps the chain.
    await client.query(
      `UPDATE records SET record_type = ${RecordType.General}, record_status = ${RecordStatus.Ready},
              agent_id = $3, dial_sched_time = NULL
        WHERE calling_list_id = $1 AND chain_id = $2 AND record_status IN ${CHAIN_OPEN}
          AND (NOT $5 OR record_id = $4)`,
      [held.callingListId, held.chainId, agentId, held.recordId, held.chainOf !== null],
    );
    return ended.rowCount ?? 0;
  }

  /**
   * ChainedRecordRequest: the other open records of the chain, in chain order, go onto the same
   * desktop under handles of their own (chain_of the requesting handle). Once per chain: the
   * requesting handle remembers it, and a chained record cannot ask again.
   */
  async deliverChain(client: PoolClient, held: DesktopHandle, agentId: string): Promise<number[]> {
    if (held.chainRequested || held.chainOf !== null) return [];
    await client.query('UPDATE record_handles SET chain_requested = true WHERE handle = $1', [held.handle]);
    const { rows } = await client.query<{ handle: number }>(
      `WITH chained AS (
         SELECT r.tenant_id, r.record_id, r.calling_list_id, r.chain_id, r.chain_n, r.record_type, r.dial_sched_time
           FROM records r
          WHERE r.calling_list_id = $1 AND r.chain_id = $2 AND r.record_id <> $3
            AND r.record_status = ${RecordStatus.Ready}
          ORDER BY r.chain_n
            FOR UPDATE
       ), handles AS (
         INSERT INTO record_handles AS h (tenant_id, session_id, record_id, calling_list_id, chain_id, record_type,
                                          dial_sched_time, state, agent_id, delivered_at, chain_of)
         SELECT tenant_id, $4, record_id, calling_list_id, chain_id, record_type, dial_sched_time, 'desktop', $5,
                CURRENT_TIMESTAMP, $6
           FROM chained ORDER BY chain_n
         RETURNING h.handle, h.record_id
       ), retrieved AS (
         UPDATE records r SET record_status = ${RecordStatus.Retrieved} FROM handles WHERE r.record_id = handles.record_id
       )
       SELECT handles.handle FROM handles JOIN chained ON chained.record_id = handles.record_id ORDER BY chained.chain_n`,
      [held.callingListId, held.chainId, held.recordId, held.sessionId, agentId, held.handle],
    );
    return rows.map((row) => row.handle);
  }
}

/** Locks one handle (`where` over record_handles h) with what requests on its record need. */
async function lockHandle(
  client: PoolClient,
  where: string,
  values: unknown[],
): Promise<(DesktopHandle & { state: string; agentId: string | null }) | undefined> {
  const { rows } = await client.query<DesktopHandle & { state: string; agentId: string | null }>(
    `SELECT h.handle, h.session_id AS "sessionId", h.record_id::text AS "recordId",
            h.calling_list_id AS "callingListId", h.chain_id AS "chainId", r.chain_n AS "chainN",
            h.chain_of AS "chainOf", h.chain_requested AS "chainRequested", h.state, h.agent_id AS "agentId",
            r.daily_from AS "dailyFrom", r.daily_till AS "dailyTill",
            h.callback_type AS "callbackType", h.callback_at::float8 AS "callbackAt"
       FROM record_handles h JOIN records r ON r.record_id = h.record_id
      WHERE ${where}
        FOR UPDATE OF h`,
    values,
  );
  return rows[0];
}
