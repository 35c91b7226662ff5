import { CallResult, STALE_RECORD } from '@ocs/domain';
import type { Pool, PoolClient } from 'pg';
import { addToSessionCounts, settleRetrieved } from './session-store';

/** Where an automatic call's record is held: its session and handle. */
export interface CallPlace {
  readonly sessionId: string;
  readonly handle: number;
}

/** A `dialing` handle whose call went silent, claimed by one sweep to be settled. */
export interface SilentCall extends CallPlace {
  readonly callId: string;
  /** Seconds since the call's last CallProgress, or since its dial when none came. */
  readonly silentSeconds: number;
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

  /**
   * A step of the call before its end: the silence the dialing sweep measures starts again, and the
   * first answer is kept for the call history (answered_at; repeats keep the first).
   */
  async progressed(callId: string, answered: boolean): Promise<void> {
    await this.pool.query(
      `UPDATE record_handles SET progress_at = CURRENT_TIMESTAMP,
              answered_at = CASE WHEN $2 THEN COALESCE(answered_at, CURRENT_TIMESTAMP) ELSE answered_at END
        WHERE call_id = $1`,
      [callId, answered],
    );
  }

  /**
   * Claims up to `limit` `dialing` handles of the given sessions whose calls have been silent (no
   * CallProgress, or none since the dial) for `silentSeconds`, and that no sweep claimed within as
   * long: the claim stamps checked_at in the statement that locks them (SKIP LOCKED), so replicas
   * racing for them each get others, and the next check of a handle waits another period.
   */
  async claimSilent(
    sessionIds: readonly string[],
    silentSeconds: number,
    limit: number,
  ): Promise<SilentCall[]> {
    if (sessionIds.length === 0) return [];
    const { rows } = await this.pool.query<SilentCall>(
      `UPDATE record_handles h SET checked_at = CURRENT_TIMESTAMP
        WHERE h.handle IN (
                SELECT c.handle FROM record_handles c
                 WHERE c.state = 'dialing' AND c.session_id = ANY($1::uuid[])
                   AND COALESCE(c.progress_at, c.dialed_at) < CURRENT_TIMESTAMP - $2 * interval '1 second'
                   AND (c.checked_at IS NULL OR c.checked_at < CURRENT_TIMESTAMP - $2 * interval '1 second')
                 ORDER BY c.dialed_at LIMIT $3 FOR UPDATE SKIP LOCKED)
          AND h.state = 'dialing'
       RETURNING h.session_id AS "sessionId", h.handle, h.call_id AS "callId",
                 EXTRACT(EPOCH FROM CURRENT_TIMESTAMP - COALESCE(h.progress_at, h.dialed_at))::float8 AS "silentSeconds"`,
      [sessionIds, silentSeconds, limit],
    );
    return rows;
  }

  /**
   * A silent call nobody can tell anything about any more: its record becomes Stale (status 4, call
   * result 46) as a ForceUnload leaves a dialed record, its handle ends and the session counts it.
   */
  async markStale(client: PoolClient, sessionId: string, handle: number, recordId: string): Promise<void> {
    const { rowCount } = await client.query(
      `DELETE FROM record_handles WHERE handle = $1 AND state = 'dialing'`,
      [handle],
    );
    if (!rowCount) return;
    await settleRetrieved(client, [recordId], STALE_RECORD);
    await addToSessionCounts(client, sessionId, { stale: 1 });
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
