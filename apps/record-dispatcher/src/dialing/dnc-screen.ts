import { CheckDoNotCall } from '@ocs/contracts';
import {
  dncListedRecords,
  dncQuestion,
  type DncScreenedRecord,
  NO_CALL_RECORD,
  RecordStatus,
} from '@ocs/domain';
import { type Bus } from '@ocs/messaging';
import { inTransaction } from '@ocs/persistence';
import type { Pool } from 'pg';
import { type HeldRecord } from './session-store';

/** dnc-registry answers from memory; a slower answer means it is in trouble. */
const CHECK_TIMEOUT_MS = 3_000;

/** The screening a retrieval batch went through: how many records stay held. */
export type ScreenOutcome = { readonly ok: true; readonly kept: HeldRecord[] } | { readonly ok: false };

/**
 * Checks each retrieved batch against the do-not-call list with one CheckDoNotCall. Listed records
 * go back to their calling list as record type No Call (their handles end), so they never reach a
 * desktop. When dnc-registry does not answer, nothing unchecked is handed out: the whole batch
 * goes back to Ready (not counted as returned) and the caller retries at its next refill.
 */
export class DncScreen {
  constructor(
    private readonly pool: Pool,
    private readonly bus: Pick<Bus, 'request'>,
    private readonly contract: typeof CheckDoNotCall = CheckDoNotCall,
    private readonly logger: { warn(fields: object, message: string): void } = console,
  ) {}

  async screen(tenant: string, records: HeldRecord[]): Promise<ScreenOutcome> {
    if (records.length === 0) return { ok: true, kept: records };
    const ids = records.map((record) => record.recordId);
    const { rows } = await this.pool.query<DncScreenedRecord>(
      `SELECT record_id::text AS "recordId", contact_info AS phone, customer_id AS "customerId"
         FROM records WHERE record_id = ANY($1::bigint[])`,
      [ids],
    );
    let listed: DncScreenedRecord[];
    try {
      const answer = await this.bus.request(
        this.contract,
        dncQuestion(rows),
        { tenant },
        { timeoutMs: CHECK_TIMEOUT_MS },
      );
      listed = dncListedRecords(rows, answer);
    } catch (error) {
      this.logger.warn(
        { err: error, records: ids.length },
        'dnc-registry did not answer: the retrieved records go back unchecked, retried at the next refill',
      );
      await this.settle(ids, { recordStatus: RecordStatus.Ready });
      return { ok: false };
    }
    if (listed.length === 0) return { ok: true, kept: records };
    const noCall = new Set(listed.map((record) => record.recordId));
    await this.settle([...noCall], NO_CALL_RECORD);
    return { ok: true, kept: records.filter((record) => !noCall.has(record.recordId)) };
  }

  /** Ends the records' handles and gives the records, still Retrieved, their new state. */
  private async settle(
    recordIds: string[],
    to: { readonly recordStatus: number; readonly recordType?: number; readonly callResult?: number },
  ): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM record_handles WHERE record_id = ANY($1::bigint[])', [recordIds]);
      await client.query(
        `UPDATE records SET record_status = $2, record_type = COALESCE($3, record_type),
                call_result = COALESCE($4, call_result)
          WHERE record_id = ANY($1::bigint[]) AND record_status = ${RecordStatus.Retrieved}`,
        [recordIds, to.recordStatus, to.recordType ?? null, to.callResult ?? null],
      );
    });
  }
}
