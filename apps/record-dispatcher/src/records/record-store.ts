import { inTransaction } from '@ocs/persistence';
import { type DialingConfig, type NewRecordData } from '@ocs/contracts';
import {
  CANCELED_RECORD,
  type ChainAttr,
  type ChainRecordHolding,
  planCancel,
  RecordStatus,
  STALE_RECORD,
} from '@ocs/domain';
import type { Pool, PoolClient } from 'pg';
import { addToSessionCounts, findTenantId, settleRetrieved } from '../dialing/session-store';

/** A record a cancellation left on a desktop (or ended on one), with what RecordCancel names. */
export interface DesktopRecord {
  readonly handle: number;
  readonly agentId: string;
  readonly sessionId: string;
  readonly callingListId: number;
  readonly contactInfo: string;
  readonly customerId: string | null;
}

export interface CancelOutcome {
  /** Records marked Canceled. */
  readonly canceled: number;
  /** Matching records other desktops hold, left alone. */
  readonly onDesktop: DesktopRecord[];
  /** Desktop handles that ended with their records (a cancel by handle). */
  readonly endedOnDesktop: DesktopRecord[];
  /** Sessions that gave up a handle (they may now be drained). */
  readonly sessions: string[];
  /** Phones of the records in scope: the matched records, with AllChain their whole chains. */
  readonly phones: string[];
}

/** What the records a cancellation marks become: Canceled, or (DoNotCall) record type No Call. */
export interface RecordMark {
  readonly recordStatus: number;
  readonly callResult: number;
  readonly recordType?: number;
}

/** A handle as a cancel by handle needs it, with its session's configuration. */
export interface HandlePlace {
  readonly handle: number;
  readonly sessionId: string;
  readonly state: 'buffered' | 'desktop';
  readonly agentId: string | null;
  readonly callingListId: number;
  readonly chainId: number;
  readonly config: DialingConfig;
}

/** Where an added record goes: its list and the loaded campaign group dialing it. */
export interface ListPlacement {
  readonly callingListId: number;
  readonly callingListName: string;
  readonly campaignDbid: number;
  readonly campaignName: string;
  readonly customerIdField: string | null;
}

export type AddOutcome =
  | { readonly ok: true; readonly recordId: string; readonly chainId: number; readonly chainN: number }
  | {
      readonly ok: false;
      readonly reason: 'exists' | 'no-chain' | 'no-time-zone' | 'refused';
      readonly detail: string;
    };

interface ChainRow {
  recordId: string;
  callingListId: number;
  chainId: number;
  recordStatus: number;
  contactInfo: string;
  customerId: string | null;
  matched: boolean;
  handle: number | null;
  state: 'buffered' | 'desktop' | null;
  agentId: string | null;
  sessionId: string | null;
}

const OPEN_STATUSES = `(${RecordStatus.Ready}, ${RecordStatus.Retrieved})`;
// A chain position taken (records_calling_list_id_chain_id_chain_n_key).
const UNIQUE_VIOLATION = '23505';
const MAX_CHAIN_N_RETRIES = 5;

/**
 * Persistence of record cancellation, added records and the stale sweep (`records`,
 * `record_handles`, `dialing_sessions`). Every operation is one transaction that locks the handles
 * of the chains it touches before their records, in the order the desktop requests do, so it never
 * deadlocks with them.
 */
export class RecordStore {
  constructor(private readonly pool: Pool) {}

  tenantId(tenant: string): Promise<number | undefined> {
    return findTenantId(this.pool, tenant);
  }

  /** A handle of the tenant and the configuration of the session holding it. */
  async findHandle(tenantId: number, handle: number): Promise<HandlePlace | undefined> {
    const { rows } = await this.pool.query<HandlePlace>(
      `SELECT h.handle, h.session_id AS "sessionId", h.state, h.agent_id AS "agentId",
              h.calling_list_id AS "callingListId", h.chain_id AS "chainId", s.config
         FROM record_handles h JOIN dialing_sessions s ON s.id = h.session_id
        WHERE h.tenant_id = $1 AND h.handle = $2`,
      [tenantId, handle],
    );
    return rows[0];
  }

  /**
   * Cancels by phone or customer id in the calling lists of the tenant's open sessions (of
   * `campaignName`'s when given): see planCancel in @ocs/domain.
   */
  async cancelMatching(args: {
    tenantId: number;
    by: 'phone' | 'customerId';
    value: string;
    chain: ChainAttr;
    campaignName?: string;
    campaignGroupName?: string;
    mark?: RecordMark;
  }): Promise<CancelOutcome> {
    return inTransaction(this.pool, async (client) => {
      const lists = await client.query<{ id: number }>(
        `SELECT DISTINCT (l.value->>'dbid')::int AS id
           FROM dialing_sessions s CROSS JOIN jsonb_array_elements(s.config->'callingLists') l
          WHERE s.tenant_id = $1 AND s.state <> 'drained'
            AND ($2::text IS NULL OR s.config->'group'->>'campaignName' = $2::text)
            AND ($3::text IS NULL OR s.config->'group'->>'name' = $3::text)`,
        [args.tenantId, args.campaignName ?? null, args.campaignGroupName ?? null],
      );
      const listIds = lists.rows.map((row) => row.id);
      if (listIds.length === 0) return nothingCanceled();
      const column = args.by === 'phone' ? 'contact_info' : 'customer_id';
      const matched = await client.query<{ record_id: string; calling_list_id: number; chain_id: number }>(
        `SELECT record_id::text, calling_list_id, chain_id FROM records
          WHERE tenant_id = $1 AND calling_list_id = ANY($2::int[]) AND ${column} = $3
            AND record_status IN ${OPEN_STATUSES}`,
        [args.tenantId, listIds, args.value],
      );
      if (matched.rows.length === 0) return nothingCanceled();
      const rows = await this.lockChains(
        client,
        matched.rows.map((row) => row.calling_list_id),
        matched.rows.map((row) => row.chain_id),
        matched.rows.map((row) => row.record_id),
      );
      return this.applyCancel(client, rows, args.chain, new Set(), args.mark);
    });
  }

  /**
   * Cancels the record under `place.handle` (and with AllChain its chain). The handles of the chain
   * on the same desktop end with their records; records of the chain another desktop holds are
   * left alone. Undefined when the handle ended meanwhile.
   */
  async cancelHandle(
    place: HandlePlace,
    chain: ChainAttr,
    mark: RecordMark = CANCELED_RECORD,
  ): Promise<CancelOutcome | undefined> {
    return inTransaction(this.pool, async (client) => {
      const rows = await this.lockChains(client, [place.callingListId], [place.chainId], []);
      const target = rows.find((row) => row.handle === place.handle);
      if (!target) return undefined;
      target.matched = true;
      const own = new Set(
        rows
          .filter(
            (row) =>
              row.handle === place.handle ||
              (chain === 'AllChain' && row.state === 'desktop' && row.agentId === target.agentId),
          )
          .map((row) => row.handle as number),
      );
      return this.applyCancel(client, rows, chain, own, mark);
    });
  }

  /** Where a record may be added: the list, if a loaded (active) campaign group of the tenant dials it. */
  async placement(args: {
    tenantId: number;
    callingListDbid?: number;
    callingListName?: string;
    campaignName?: string;
    campaignGroupName?: string;
  }): Promise<ListPlacement | undefined> {
    const { rows } = await this.pool.query<ListPlacement>(
      `SELECT cl.id AS "callingListId", cl.name AS "callingListName",
              (s.config->'group'->>'campaignDbid')::int AS "campaignDbid",
              s.config->'group'->>'campaignName' AS "campaignName",
              s.config->'options'->>'customerIdField' AS "customerIdField"
         FROM calling_lists cl
         JOIN dialing_sessions s ON s.tenant_id = cl.tenant_id AND s.state = 'active'
        WHERE cl.tenant_id = $1 AND ($2::int IS NULL OR cl.id = $2::int) AND ($3::text IS NULL OR cl.name = $3::text)
          AND ($4::text IS NULL OR s.config->'group'->>'campaignName' = $4::text)
          AND ($5::text IS NULL OR s.config->'group'->>'name' = $5::text)
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(s.config->'callingLists') l
                       WHERE (l.value->>'dbid')::int = cl.id)
        ORDER BY s.created_at
        LIMIT 1`,
      [
        args.tenantId,
        args.callingListDbid ?? null,
        args.callingListName ?? null,
        args.campaignName ?? null,
        args.campaignGroupName ?? null,
      ],
    );
    return rows[0];
  }

  /**
   * Inserts a record: a new chain (chain_n 0) without a chain id, else into that chain at `chainN`
   * or its next free number. A taken position with an explicit `chainN` is `exists`; with the next
   * free number a racing insert is retried.
   */
  async add(tenantId: number, placement: ListPlacement, record: NewRecordData): Promise<AddOutcome> {
    const zone = await this.pool.query<{ id: number }>(
      'SELECT id FROM time_zones WHERE tenant_id = $1 AND name = $2',
      [tenantId, record.timeZone],
    );
    if (!zone.rows[0]) {
      return { ok: false, reason: 'no-time-zone', detail: `Time zone ${record.timeZone} is not configured` };
    }
    const customerId = record.customerId ?? customerIdOf(record.custom, placement.customerIdField);
    for (let attempt = 0; ; attempt++) {
      let chainN = record.chainN ?? 0;
      if (record.chainId !== null && record.chainN === null) {
        const chain = await this.pool.query<{ last: number | null }>(
          'SELECT max(chain_n) AS last FROM records WHERE calling_list_id = $1 AND chain_id = $2',
          [placement.callingListId, record.chainId],
        );
        const last = chain.rows[0]?.last ?? null;
        if (last === null) return noChain(record.chainId, placement.callingListName);
        chainN = last + 1;
      } else if (record.chainId !== null) {
        const chain = await this.pool.query(
          'SELECT 1 FROM records WHERE calling_list_id = $1 AND chain_id = $2 LIMIT 1',
          [placement.callingListId, record.chainId],
        );
        if (chain.rowCount === 0) return noChain(record.chainId, placement.callingListName);
      }
      try {
        const { rows } = await this.pool.query<{ recordId: string; chainId: number; chainN: number }>(
          `INSERT INTO records (tenant_id, calling_list_id, contact_info, contact_info_type, record_type, record_status,
                                call_result, attempt, call_time, dial_sched_time, daily_from, daily_till, tz_dbid,
                                campaign_id, agent_id, chain_id, chain_n, customer_id, custom)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                   COALESCE($16::int, nextval('records_chain_id_seq')::int), $17, $18, $19)
           RETURNING record_id::text AS "recordId", chain_id AS "chainId", chain_n AS "chainN"`,
          [
            tenantId,
            placement.callingListId,
            record.contactInfo,
            record.contactInfoType,
            record.recordType,
            record.recordStatus,
            record.callResult,
            record.attempt,
            record.callTime,
            record.dialSchedTime,
            record.dailyFrom,
            record.dailyTill,
            zone.rows[0].id,
            placement.campaignDbid,
            record.agentId,
            record.chainId,
            chainN,
            customerId,
            JSON.stringify(record.custom),
          ],
        );
        return { ok: true, ...rows[0] };
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === UNIQUE_VIOLATION) {
          if (record.chainN === null && record.chainId !== null && attempt < MAX_CHAIN_N_RETRIES) continue;
          return {
            ok: false,
            reason: 'exists',
            detail: `Chain ${record.chainId ?? '(new)'} of ${placement.callingListName} already has record ${chainN}`,
          };
        }
        // Integrity or data errors: the database refuses the values.
        if (typeof code === 'string' && (code.startsWith('23') || code.startsWith('22'))) {
          return { ok: false, reason: 'refused', detail: (error as Error).message };
        }
        throw error;
      }
    }
  }

  /** Open sessions among `sessionIds` with their stale_clean_timeout (seconds; 0 is off). */
  async staleTimeouts(sessionIds: string[]): Promise<{ sessionId: string; timeoutSeconds: number }[]> {
    if (sessionIds.length === 0) return [];
    const { rows } = await this.pool.query<{ sessionId: string; timeoutSeconds: number | null }>(
      `SELECT id AS "sessionId", (config->'options'->>'staleCleanTimeoutSeconds')::int AS "timeoutSeconds"
         FROM dialing_sessions WHERE id = ANY($1::uuid[]) AND state <> 'drained'`,
      [sessionIds],
    );
    return rows.map((row) => ({ sessionId: row.sessionId, timeoutSeconds: row.timeoutSeconds ?? 0 }));
  }

  /**
   * stale_clean_timeout: records the session delivered to a desktop before `cutoff` and not updated
   * (UpdateCallCompletionStats) since (and the records their chain requests brought) become Stale
   * (call result Stale) and their handles end; counted in the session's records_stale. Returns how many records became Stale.
   */
  async markStale(sessionId: string, cutoff: Date): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ record_id: string }>(
        `WITH expired AS (
           SELECT handle FROM record_handles
            WHERE session_id = $1 AND state = 'desktop'
              AND COALESCE(updated_at, delivered_at, retrieved_at) < $2
              FOR UPDATE SKIP LOCKED
         )
         DELETE FROM record_handles h
          WHERE h.session_id = $1 AND h.state = 'desktop'
            AND (h.handle IN (SELECT handle FROM expired) OR h.chain_of IN (SELECT handle FROM expired))
         RETURNING h.record_id::text`,
        [sessionId, cutoff],
      );
      if (rows.length === 0) return 0;
      const marked = await settleRetrieved(
        client,
        rows.map((row) => row.record_id),
        STALE_RECORD,
      );
      await addToSessionCounts(client, sessionId, { stale: marked });
      return marked;
    });
  }

  /** The session's configuration, for notifications. */
  async sessionConfig(
    sessionId: string,
  ): Promise<{ campaignGroupDbid: number; config: DialingConfig } | undefined> {
    const { rows } = await this.pool.query<{ campaignGroupDbid: number; config: DialingConfig }>(
      'SELECT campaign_group_id AS "campaignGroupDbid", config FROM dialing_sessions WHERE id = $1',
      [sessionId],
    );
    return rows[0];
  }

  /**
   * Locks the handles, then the records, of the given chains (handles first, as the desktop requests
   * do) and reads them with where they are held; `matched` marks the records in `matchedIds`.
   */
  private async lockChains(
    client: PoolClient,
    listIds: number[],
    chainIds: number[],
    matchedIds: string[],
  ): Promise<ChainRow[]> {
    await client.query(
      `SELECT h.handle FROM record_handles h
         JOIN unnest($1::int[], $2::int[]) AS c(list_id, chain_id)
           ON h.calling_list_id = c.list_id AND h.chain_id = c.chain_id
        ORDER BY h.handle FOR UPDATE OF h`,
      [listIds, chainIds],
    );
    const { rows } = await client.query<ChainRow>(
      `SELECT r.record_id::text AS "recordId", r.calling_list_id AS "callingListId", r.chain_id AS "chainId",
              r.record_status AS "recordStatus", r.contact_info AS "contactInfo", r.customer_id AS "customerId",
              r.record_id = ANY($3::bigint[]) AS matched,
              h.handle, h.state, h.agent_id AS "agentId", h.session_id AS "sessionId"
         FROM records r
         JOIN (SELECT DISTINCT * FROM unnest($1::int[], $2::int[])) AS c(list_id, chain_id)
           ON r.calling_list_id = c.list_id AND r.chain_id = c.chain_id
         LEFT JOIN record_handles h ON h.record_id = r.record_id
        ORDER BY r.record_id FOR UPDATE OF r`,
      [listIds, chainIds, matchedIds],
    );
    return rows;
  }

  private async applyCancel(
    client: PoolClient,
    rows: ChainRow[],
    chain: ChainAttr,
    ownHandles: ReadonlySet<number>,
    mark: RecordMark = CANCELED_RECORD,
  ): Promise<CancelOutcome> {
    const byId = new Map(rows.map((row) => [row.recordId, row]));
    const phones = phonesInScope(rows, chain);
    const plan = planCancel(rows.map(toHolding), chain, ownHandles);
    const desktopOf = (row: ChainRow): DesktopRecord => ({
      handle: row.handle as number,
      agentId: row.agentId ?? '',
      sessionId: row.sessionId as string,
      callingListId: row.callingListId,
      contactInfo: row.contactInfo,
      customerId: row.customerId,
    });
    if (plan.cancel.length === 0) {
      return {
        canceled: 0,
        onDesktop: plan.onDesktop.map((held) => desktopOf(byId.get(held.recordId) as ChainRow)),
        endedOnDesktop: [],
        sessions: [],
        phones,
      };
    }
    const marked = await client.query(
      `UPDATE records SET record_status = $2, call_result = $3, record_type = COALESCE($4, record_type)
        WHERE record_id = ANY($1::bigint[]) AND record_status IN ${OPEN_STATUSES}`,
      [plan.cancel, mark.recordStatus, mark.callResult, mark.recordType ?? null],
    );
    // By record id, so a handle a racing retrieval created meanwhile ends too.
    const ended = await client.query<{ session_id: string; state: string; record_id: string }>(
      `DELETE FROM record_handles WHERE record_id = ANY($1::bigint[]) AND (state = 'buffered' OR handle = ANY($2::int[]))
       RETURNING session_id, state, record_id::text`,
      [plan.cancel, [...ownHandles]],
    );
    return {
      canceled: marked.rowCount ?? 0,
      onDesktop: plan.onDesktop.map((held) => desktopOf(byId.get(held.recordId) as ChainRow)),
      endedOnDesktop: ended.rows
        .filter((row) => row.state === 'desktop' && typeof byId.get(row.record_id)?.handle === 'number')
        .map((row) => desktopOf(byId.get(row.record_id) as ChainRow)),
      sessions: [...new Set(ended.rows.map((row) => row.session_id))],
      phones,
    };
  }
}

function nothingCanceled(): CancelOutcome {
  return { canceled: 0, onDesktop: [], endedOnDesktop: [], sessions: [], phones: [] };
}

function phonesInScope(rows: readonly ChainRow[], chain: ChainAttr): string[] {
  const chainKey = (row: ChainRow) => `${row.callingListId}:${row.chainId}`;
  const matchedChains = new Set(rows.filter((row) => row.matched).map(chainKey));
  const inScope = rows.filter(
    (row) => row.matched || (chain === 'AllChain' && matchedChains.has(chainKey(row))),
  );
  return [...new Set(inScope.map((row) => row.contactInfo))];
}

function toHolding(row: ChainRow): ChainRecordHolding {
  return {
    recordId: row.recordId,
    chainKey: `${row.callingListId}:${row.chainId}`,
    recordStatus: row.recordStatus,
    matched: row.matched,
    ...(row.handle !== null && row.state !== null
      ? { holding: { handle: row.handle, state: row.state, agentId: row.agentId } }
      : {}),
  };
}

function noChain(chainId: number, listName: string): AddOutcome {
  return { ok: false, reason: 'no-chain', detail: `Calling list ${listName} has no chain ${chainId}` };
}

function customerIdOf(custom: NewRecordData['custom'], field: string | null): string | null {
  if (field === null) return null;
  const value = custom[field];
  return value === undefined || value === null ? null : String(value);
}
