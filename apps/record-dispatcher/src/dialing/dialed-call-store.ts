import { CallResult } from '@ocs/domain';
import type { Pool, PoolClient } from 'pg';

/** Where an automatic call's record is held: its session and handle. */
export interface CallPlace {
  readonly sessionId: string;
  readonly handle: number;
}

/** The rows automatic calls change beside the record requests' (`record_handles`, `phone_lockouts`). */
export class DialedCallStore {
  constructor(private readonly pool: Pool) {}

  async find(callId: string): Promise<CallPlace | undefined> {
    const { rows } = await this.pool.query<CallPlace>(
      'SELECT session_id AS "sessionId", handle FROM record_handles WHERE call_id = $1',
      [callId],
    );
    return rows[0];
  }

  /** The first answer of the call, for the call history (answered_at); repeats keep the first. */
  async answered(callId: string): Promise<void> {
    await this.pool.query(
      'UPDATE record_handles SET answered_at = COALESCE(answered_at, CURRENT_TIMESTAMP) WHERE call_id = $1',
      [callId],
    );
  }

  /**
   * The call reached `agentId`: its record is on that agent's desktop from now on (the stale clock
   * starts), with call result Answer until the desktop says otherwise.
   */
  async deliver(client: PoolClient, handle: number, recordId: string, agentId: string): Promise<void> {
    await client.query(
      `UPDATE record_handles SET state = 'desktop', agent_id = $2, delivered_at = CURRENT_TIMESTAMP,
              answered_at = COALESCE(answered_at, CURRENT_TIMESTAMP)
        WHERE handle = $1`,
      [handle, agentId],
    );
    await client.query('UPDATE records SET call_result = $2 WHERE record_id = $1', [
      recordId,
      CallResult.Answer,
    ]);
  }

  /** The record's number may not be dialed again before `until` (its call was dropped or abandoned). */
  async lockOut(client: PoolClient, recordId: string, until: Date): Promise<void> {
    await client.query(
      `INSERT INTO phone_lockouts (tenant_id, phone, locked_until)
       SELECT tenant_id, contact_info, $2 FROM records WHERE record_id = $1
           ON CONFLICT (tenant_id, phone) DO UPDATE
          SET locked_until = GREATEST(phone_lockouts.locked_until, EXCLUDED.locked_until)`,
      [recordId, until],
    );
  }
}
