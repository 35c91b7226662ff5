import { inTransaction } from '@ocs/persistence';
import { type DialingConfig } from '@ocs/contracts';
import {
  type FieldDefinition,
  RECORD_TYPE_PRIORITY,
  RecordStatus,
  RETRIEVAL_TYPE_ORDER,
  STALE_RECORD,
  toUnixSeconds,
} from '@ocs/domain';
import type { Pool, PoolClient } from 'pg';
import { type CompiledFilter } from './filter-sql';

export type SessionState = 'active' | 'unloading' | 'drained';

/** A dialing session as persisted in `dialing_sessions`. */
export interface StoredSession {
  readonly id: string;
  readonly tenantId: number;
  readonly tenant: string;
  readonly campaignGroupDbid: number;
  readonly state: SessionState;
  readonly forced: boolean;
  readonly config: DialingConfig;
  readonly groupStatus: number;
  readonly recordsReturned: number;
  readonly recordsStale: number;
  /** The process whose lease runs the session; null when nobody's does. */
  readonly owner: string | null;
}

/** A record held by a session, identified by its GSW_RECORD_HANDLE. */
export interface HeldRecord {
  readonly handle: number;
  readonly recordId: string;
  readonly callingListId: number;
  readonly recordType: number;
  readonly dialSchedTime: number | null;
  /** `dialing`: taken for an automatic call, not on a desktop yet. */
  readonly state: 'buffered' | 'dialing' | 'desktop';
  readonly agentId: string | null;
}

/** The record data an agent's desktop receives with a record. */
export interface DeliveredRecord extends HeldRecord {
  readonly contactInfo: string;
  readonly contactInfoType: number;
  readonly chainId: number;
  readonly chainN: number;
  readonly dailyFrom: number;
  readonly dailyTill: number;
  readonly timeZone: string;
  readonly customerId: string | null;
  readonly custom: Record<string, unknown>;
  readonly callResult: number;
  readonly attempt: number;
  /** Unix seconds of the last call, null if never dialed. */
  readonly callTime: number | null;
  /** Genesys name of the time zone. */
  readonly timeZoneName: string;
}

export interface BufferCounts {
  readonly buffered: number;
  /** Records given out: on desktops, or being dialed (an automatic call in progress). */
  readonly desktop: number;
}

const SESSION_COLUMNS = `
  s.id, s.tenant_id AS "tenantId", t.name AS tenant, s.campaign_group_id AS "campaignGroupDbid", s.state,
  s.forced, s.config, s.group_status AS "groupStatus", s.records_returned AS "recordsReturned",
  s.records_stale AS "recordsStale", s.owner`;

const HANDLE_COLUMNS = `
  h.handle, h.record_id::text AS "recordId", h.calling_list_id AS "callingListId", h.record_type AS "recordType",
  h.dial_sched_time::float8 AS "dialSchedTime", h.state, h.agent_id AS "agentId"`;

// Dialing order inside a buffer, as compareDialingOrder in @ocs/domain: record type priority, then
// due time, then retrieval order (the handle).
const TYPE_PRIORITY = [...RECORD_TYPE_PRIORITY]
  .map(([recordType, priority]) => `WHEN ${recordType} THEN ${priority}`)
  .join(' ');
const BUFFER_ORDER = `CASE h.record_type ${TYPE_PRIORITY} ELSE 99 END, h.dial_sched_time NULLS LAST, h.handle`;

/**
 * Retrieves up to $5 dialable records of one list and type for a session in one statement, hence
 * one transaction: the rows are locked with SKIP LOCKED (a concurrent retrieval takes other rows),
 * given a handle and marked Retrieved. The time window is checked against the wall clock of each
 * record's own zone (`AT TIME ZONE` its IANA name), so DST follows Postgres' tz database. A record
 * called as often as its list's max_attempts is never dialed again. One record per chain: the first
 * dialable one of a chain no session holds; if two racing retrievals still claim one chain, the
 * unique (list, chain) index of record_handles keeps one and the other record stays Ready.
 */
function retrieveSql(filter?: CompiledFilter): string {
  return `
  WITH session AS MATERIALIZED (
    -- Only an active session retrieves. The share lock makes an Unload (which updates this row)
    -- wait until this statement's records are committed, so it returns them too.
    SELECT s.id FROM dialing_sessions s WHERE s.id = $6 AND s.state = 'active' FOR SHARE
  ), zones AS MATERIALIZED (
    -- The wall clock of every zone of the tenant, once per statement rather than once per record.
    SELECT tz.id, EXTRACT(EPOCH FROM (to_timestamp($4::bigint) AT TIME ZONE tz.iana_name)::time) AS local_seconds
      FROM time_zones tz WHERE tz.tenant_id = $1 AND EXISTS (SELECT 1 FROM session)
  ), candidates AS MATERIALIZED (
    -- The first dialable record of each chain no session holds (a held chain has a Retrieved
    -- record, found through the unique chain index); no lock is taken here.
    SELECT DISTINCT ON (c.chain_id) c.record_id
      FROM records c
      JOIN zones z ON z.id = c.tz_dbid
     WHERE c.calling_list_id = $2 AND c.record_status = ${RecordStatus.Ready} AND c.record_type = $3
       AND c.tenant_id = $1
       AND (c.dial_sched_time IS NULL OR c.dial_sched_time <= $4::bigint)
       AND z.local_seconds BETWEEN c.daily_from AND c.daily_till
       AND ($7::text IS NULL OR c.agent_id = $7::text)
       -- The list's Maximum Attempts, read once (an InitPlan): a plain filter on the index scan.
       AND c.attempt < (SELECT cl.max_attempts FROM calling_lists cl WHERE cl.id = $2)
       AND ${filter ? filter.where('c') : 'true'}
       -- A number whose call was dropped or abandoned waits out its lock-out (phone_lockouts).
       AND NOT EXISTS (SELECT 1 FROM phone_lockouts l
                        WHERE l.tenant_id = $1 AND l.phone = c.contact_info AND l.locked_until > to_timestamp($4::bigint))
       AND NOT EXISTS (SELECT 1 FROM records held
                        WHERE held.calling_list_id = c.calling_list_id AND held.chain_id = c.chain_id
                          AND held.record_status = ${RecordStatus.Retrieved})
     ORDER BY c.chain_id, c.chain_n
  ), picked AS (
    -- Locks by primary key. The returned columns are those of the row as locked (its latest
    -- version), so a record a racing retrieval took meanwhile is recognised below and left alone.
    SELECT r.tenant_id, r.record_id, r.calling_list_id, r.chain_id, r.chain_n, r.record_type, r.dial_sched_time,
           r.record_status
      FROM candidates JOIN records r ON r.record_id = candidates.record_id
     ORDER BY r.dial_sched_time, ${filter?.orderBy('r') ? `${filter.orderBy('r')}, ` : ''}r.chain_id, r.chain_n
     LIMIT $5
       FOR UPDATE OF r SKIP LOCKED
  ), handles AS (
    INSERT INTO record_handles AS h
           (tenant_id, session_id, record_id, calling_list_id, chain_id, record_type, dial_sched_time, state,
            agent_id, delivered_at)
    SELECT tenant_id, $6, record_id, calling_list_id, chain_id, record_type, dial_sched_time,
           CASE WHEN $7::text IS NULL THEN 'buffered' ELSE 'desktop' END, $7::text,
           CASE WHEN $7::text IS NULL THEN NULL ELSE CURRENT_TIMESTAMP END
      FROM picked
     WHERE record_status = ${RecordStatus.Ready} AND record_type = $3
     -- Every retrieval claims chains in one order, so two racing ones never wait on each other in a cycle.
     ORDER BY chain_id, chain_n
        ON CONFLICT (calling_list_id, chain_id) WHERE chain_of IS NULL DO NOTHING
    RETURNING ${HANDLE_COLUMNS}
  ), retrieved AS (
    UPDATE records r SET record_status = ${RecordStatus.Retrieved}
      FROM handles WHERE r.record_id = handles."recordId"::bigint
  )
  SELECT * FROM handles`;
}

/** The id of a tenant by name; undefined for a tenant this database does not know. */
export async function findTenantId(pool: Pool, tenant: string): Promise<number | undefined> {
  const { rows } = await pool.query<{ id: number }>('SELECT id FROM tenants WHERE name = $1', [tenant]);
  return rows[0]?.id;
}

/**
 * Gives records whose handles ended a new status (and call result, when given), unless something
 * else moved them on from Retrieved meanwhile; returns how many changed.
 */
export async function settleRetrieved(
  client: PoolClient,
  recordIds: string[],
  record: { readonly recordStatus: number; readonly callResult?: number },
): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE records SET record_status = $2, call_result = COALESCE($3, call_result)
      WHERE record_id = ANY($1::bigint[]) AND record_status = ${RecordStatus.Retrieved}`,
    [recordIds, record.recordStatus, record.callResult ?? null],
  );
  return rowCount ?? 0;
}

/** Adds to a session's records_returned and records_stale (what DialingSessionDrained reports). */
export async function addToSessionCounts(
  client: PoolClient,
  sessionId: string,
  counts: { readonly returned?: number; readonly stale?: number },
): Promise<void> {
  await client.query(
    `UPDATE dialing_sessions SET records_returned = records_returned + $2, records_stale = records_stale + $3,
            updated_at = CURRENT_TIMESTAMP WHERE id = $1`,
    [sessionId, counts.returned ?? 0, counts.stale ?? 0],
  );
}

/** Persistence of dialing sessions and their records (`dialing_sessions`, `record_handles`, `records`). */
export class SessionStore {
  constructor(private readonly pool: Pool) {}

  tenantId(tenant: string): Promise<number | undefined> {
    return findTenantId(this.pool, tenant);
  }

  async find(sessionId: string): Promise<StoredSession | undefined> {
    const { rows } = await this.pool.query<StoredSession>(
      `SELECT ${SESSION_COLUMNS} FROM dialing_sessions s JOIN tenants t ON t.id = s.tenant_id WHERE s.id = $1`,
      [sessionId],
    );
    return rows[0];
  }

  /**
   * Leases: renews `owner`'s leases of open sessions and returns their ids; sessions `owner` no
   * longer holds (another process took them over after an expiry) are not among them.
   */
  async renewLeases(owner: string, ttlMs: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `UPDATE dialing_sessions SET lease_expires_at = CURRENT_TIMESTAMP + $2 * interval '1 millisecond'
        WHERE owner = $1 AND state <> 'drained' RETURNING id`,
      [owner, ttlMs],
    );
    return rows.map((row) => row.id);
  }

  /** Takes the open sessions nobody holds a live lease on (released, or their owner died). */
  async takeOverSessions(owner: string, ttlMs: number, sessionId?: string): Promise<StoredSession[]> {
    // One statement: the sessions as taken, rather than reading each one again afterwards.
    const { rows } = await this.pool.query<StoredSession>(
      `WITH taken AS (
         UPDATE dialing_sessions
            SET owner = $1, lease_expires_at = CURRENT_TIMESTAMP + $2 * interval '1 millisecond'
          WHERE state <> 'drained' AND ($3::uuid IS NULL OR id = $3::uuid)
            AND (owner IS NULL OR owner = $1 OR lease_expires_at < CURRENT_TIMESTAMP)
         RETURNING *
       )
       SELECT ${SESSION_COLUMNS} FROM taken s JOIN tenants t ON t.id = s.tenant_id`,
      [owner, ttlMs, sessionId ?? null],
    );
    return rows;
  }

  /** A graceful stop: the sessions become free for another process at once. */
  async releaseLeases(owner: string): Promise<void> {
    await this.pool.query(
      'UPDATE dialing_sessions SET owner = NULL, lease_expires_at = NULL WHERE owner = $1',
      [owner],
    );
  }

  /** The open session of a campaign group, if any. */
  async findOpenOfGroup(tenantId: number, campaignGroupDbid: number): Promise<StoredSession | undefined> {
    const { rows } = await this.pool.query<StoredSession>(
      `SELECT ${SESSION_COLUMNS} FROM dialing_sessions s JOIN tenants t ON t.id = s.tenant_id
        WHERE s.tenant_id = $1 AND s.campaign_group_id = $2 AND s.state <> 'drained'`,
      [tenantId, campaignGroupDbid],
    );
    return rows[0];
  }

  /** Creates the session unless it exists; false when it already did (a replayed Load). */
  async create(session: {
    id: string;
    tenantId: number;
    campaignGroupDbid: number;
    config: DialingConfig;
    groupStatus: number;
    /** The creating process holds the first lease. */
    owner: string;
    leaseTtlMs: number;
  }): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO dialing_sessions (id, tenant_id, campaign_group_id, config, group_status, owner, lease_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, CURRENT_TIMESTAMP + $7 * interval '1 millisecond')
       ON CONFLICT (id) DO NOTHING`,
      [
        session.id,
        session.tenantId,
        session.campaignGroupDbid,
        JSON.stringify(session.config),
        session.groupStatus,
        session.owner,
        session.leaseTtlMs,
      ],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Records a session that ended before it was ever loaded here (an Unload seen without its Load). */
  async createDrained(session: {
    id: string;
    tenantId: number;
    campaignGroupDbid: number;
    groupStatus: number;
    forced: boolean;
  }): Promise<void> {
    await this.pool.query(
      `INSERT INTO dialing_sessions (id, tenant_id, campaign_group_id, config, group_status, state, forced, drained_at)
       VALUES ($1, $2, $3, '{}', $4, 'drained', $5, CURRENT_TIMESTAMP) ON CONFLICT (id) DO NOTHING`,
      [session.id, session.tenantId, session.campaignGroupDbid, session.groupStatus, session.forced],
    );
  }

  async setGroupStatus(sessionId: string, groupStatus: number): Promise<void> {
    await this.pool.query(
      'UPDATE dialing_sessions SET group_status = $2, updated_at = CURRENT_TIMESTAMP WHERE id = $1',
      [sessionId, groupStatus],
    );
  }

  async counts(sessionId: string): Promise<BufferCounts> {
    const { rows } = await this.pool.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM record_handles WHERE session_id = $1 GROUP BY state',
      [sessionId],
    );
    const of = (state: string) => rows.find((row) => row.state === state)?.n ?? 0;
    return { buffered: of('buffered'), desktop: of('desktop') + of('dialing') };
  }

  /**
   * Whether the lists still have a record some retrieval could take: Ready or Retrieved (held by
   * another session), of a dialable record type, below the list's Maximum Attempts, whatever its
   * time window, due time or the lists' filters.
   */
  async hasRecordsToDial(tenantId: number, callingListIds: readonly number[]): Promise<boolean> {
    const { rows } = await this.pool.query<{ found: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM records r JOIN calling_lists cl ON cl.id = r.calling_list_id
          WHERE r.tenant_id = $1 AND r.calling_list_id = ANY($2::int[])
            AND r.record_status IN (${RecordStatus.Ready}, ${RecordStatus.Retrieved})
            AND r.record_type = ANY($3::int[]) AND r.attempt < cl.max_attempts) AS found`,
      [tenantId, callingListIds, RETRIEVAL_TYPE_ORDER],
    );
    return rows[0].found;
  }

  async held(sessionId: string): Promise<HeldRecord[]> {
    const { rows } = await this.pool.query<HeldRecord>(
      `SELECT ${HANDLE_COLUMNS} FROM record_handles h WHERE h.session_id = $1 ORDER BY ${BUFFER_ORDER}`,
      [sessionId],
    );
    return rows;
  }

  /**
   * Retrieves up to `limit` dialable records of one list and record type into the session's buffer
   * (or, with `agentId`, straight onto that agent's desktop: personal records).
   */
  async retrieve(args: {
    tenantId: number;
    sessionId: string;
    callingListId: number;
    recordType: number;
    now: Date;
    limit: number;
    agentId?: string;
    /** The list's filter, compiled with parameters from $8. */
    filter?: CompiledFilter;
  }): Promise<HeldRecord[]> {
    if (args.limit <= 0) return [];
    const { rows } = await this.pool.query<HeldRecord>(retrieveSql(args.filter), [
      args.tenantId,
      args.callingListId,
      args.recordType,
      toUnixSeconds(args.now),
      args.limit,
      args.sessionId,
      args.agentId ?? null,
      ...(args.filter?.values ?? []),
    ]);
    return rows;
  }

  /** Moves the first buffered record (in dialing order) onto the agent's desktop. */
  async takeBuffered(sessionId: string, agentId: string): Promise<DeliveredRecord | undefined> {
    const { rows } = await this.pool.query<{ handle: number }>(
      `UPDATE record_handles SET state = 'desktop', agent_id = $2, delivered_at = CURRENT_TIMESTAMP
        WHERE handle = (SELECT h.handle FROM record_handles h WHERE h.session_id = $1 AND h.state = 'buffered'
                         ORDER BY ${BUFFER_ORDER} LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING handle`,
      [sessionId, agentId],
    );
    return rows[0] ? this.delivered(rows[0].handle) : undefined;
  }

  /**
   * Takes the first buffered record (in dialing order) for an automatic call: it is `dialing` under
   * the call id `callIdOf` gives for its handle and attempt, so the id survives a retried dial.
   */
  async takeForDialing(
    sessionId: string,
    callIdOf: (handle: number, attempt: number) => string,
  ): Promise<DeliveredRecord | undefined> {
    const handle = await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ handle: number; attempt: number }>(
        `SELECT h.handle, r.attempt FROM record_handles h JOIN records r ON r.record_id = h.record_id
          WHERE h.session_id = $1 AND h.state = 'buffered'
          ORDER BY ${BUFFER_ORDER} LIMIT 1 FOR UPDATE OF h SKIP LOCKED`,
        [sessionId],
      );
      if (!rows[0]) return undefined;
      await client.query(
        `UPDATE record_handles SET state = 'dialing', call_id = $2, dialed_at = CURRENT_TIMESTAMP WHERE handle = $1`,
        [rows[0].handle, callIdOf(rows[0].handle, rows[0].attempt)],
      );
      return rows[0].handle;
    });
    return handle === undefined ? undefined : this.delivered(handle);
  }

  /** Whether the phone is locked out (a dropped or abandoned call) at `now`. */
  async lockedOut(tenantId: number, phone: string, now: Date): Promise<boolean> {
    const { rows } = await this.pool.query(
      'SELECT 1 FROM phone_lockouts WHERE tenant_id = $1 AND phone = $2 AND locked_until > $3',
      [tenantId, phone, now],
    );
    return rows.length > 0;
  }

  /** A calling-list filter's criteria and the custom fields of its list. */
  async filter(
    tenantId: number,
    filterDbid: number,
  ): Promise<{ criteria: unknown; fields: FieldDefinition[] } | undefined> {
    const { rows } = await this.pool.query<{ criteria: unknown; calling_list_id: number }>(
      'SELECT criteria, calling_list_id FROM calling_list_filters WHERE tenant_id = $1 AND id = $2',
      [tenantId, filterDbid],
    );
    if (!rows[0]) return undefined;
    const fields = await this.pool.query<FieldDefinition>(
      `SELECT name, data_type AS "dataType", length, send_attribute AS "sendAttribute",
              display_name AS "displayName", editable, mandatory, default_value AS "defaultValue"
         FROM calling_list_fields WHERE tenant_id = $1 AND calling_list_id = $2`,
      [tenantId, rows[0].calling_list_id],
    );
    return { criteria: rows[0].criteria, fields: fields.rows };
  }

  /** Where a handle of the tenant is held, if it is. */
  async findHandle(
    tenantId: number,
    handle: number,
  ): Promise<{ sessionId: string; state: 'buffered' | 'desktop'; agentId: string | null } | undefined> {
    const { rows } = await this.pool.query<{
      sessionId: string;
      state: 'buffered' | 'desktop';
      agentId: string | null;
    }>(
      `SELECT session_id AS "sessionId", state, agent_id AS "agentId" FROM record_handles
        WHERE tenant_id = $1 AND handle = $2`,
      [tenantId, handle],
    );
    return rows[0];
  }

  /** The handles on an agent's desktop, in handle order. */
  async desktopHandlesOf(
    tenantId: number,
    agentId: string,
  ): Promise<Array<{ handle: number; sessionId: string; chainOf: number | null }>> {
    const { rows } = await this.pool.query<{ handle: number; sessionId: string; chainOf: number | null }>(
      `SELECT handle, session_id AS "sessionId", chain_of AS "chainOf" FROM record_handles
        WHERE tenant_id = $1 AND agent_id = $2 AND state = 'desktop' ORDER BY handle`,
      [tenantId, agentId],
    );
    return rows;
  }

  async delivered(handle: number): Promise<DeliveredRecord | undefined> {
    const { rows } = await this.pool.query<DeliveredRecord>(
      `SELECT ${HANDLE_COLUMNS}, r.contact_info AS "contactInfo", r.contact_info_type AS "contactInfoType",
              r.chain_id AS "chainId", r.chain_n AS "chainN", r.daily_from AS "dailyFrom",
              r.daily_till AS "dailyTill", tz.iana_name AS "timeZone", r.customer_id AS "customerId", r.custom,
              r.call_result AS "callResult", r.attempt, r.call_time::float8 AS "callTime",
              tz.name AS "timeZoneName"
         FROM record_handles h
         JOIN records r ON r.record_id = h.record_id
         JOIN time_zones tz ON tz.tenant_id = r.tenant_id AND tz.id = r.tz_dbid
        WHERE h.handle = $1`,
      [handle],
    );
    return rows[0];
  }

  /**
   * Gives records back to the calling list as Ready and forgets their handles. Only handles of the
   * given session in the given state are released; returns how many were. Unless `counted` is
   * false they add to the session's records_returned (what DialingSessionDrained reports).
   */
  async release(
    sessionId: string,
    filter: { state: HeldRecord['state']; handles?: number[]; counted?: boolean },
  ): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ record_id: string }>(
        `DELETE FROM record_handles
          WHERE session_id = $1 AND state = $2
            AND ($3::int[] IS NULL OR handle = ANY($3::int[]) OR chain_of = ANY($3::int[]))
          RETURNING record_id`,
        [sessionId, filter.state, filter.handles ?? null],
      );
      if (rows.length === 0) return 0;
      await settleRetrieved(
        client,
        rows.map((row) => row.record_id),
        { recordStatus: RecordStatus.Ready },
      );
      // Counted in the same transaction, so a crash cannot lose or repeat the count.
      if (filter.counted ?? true) await addToSessionCounts(client, sessionId, { returned: rows.length });
      return rows.length;
    });
  }

  /** Force-unload: records on desktops become Stale (call result Stale) and their handles end. */
  async markDesktopStale(sessionId: string): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ record_id: string }>(
        `DELETE FROM record_handles WHERE session_id = $1 AND state = 'desktop' RETURNING record_id`,
        [sessionId],
      );
      if (rows.length === 0) return 0;
      await settleRetrieved(
        client,
        rows.map((row) => row.record_id),
        STALE_RECORD,
      );
      await addToSessionCounts(client, sessionId, { stale: rows.length });
      return rows.length;
    });
  }

  async beginUnload(sessionId: string, forced: boolean): Promise<void> {
    await this.pool.query(
      `UPDATE dialing_sessions SET state = 'unloading', forced = forced OR $2, updated_at = CURRENT_TIMESTAMP
        WHERE id = $1 AND state <> 'drained'`,
      [sessionId, forced],
    );
  }

  /** Marks an unloading session drained once it holds no record; true when it is (now or before). */
  async drainIfEmpty(sessionId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ state: SessionState }>(
      `UPDATE dialing_sessions s SET state = 'drained', drained_at = CURRENT_TIMESTAMP, updated_at = CURRENT_TIMESTAMP,
              owner = NULL, lease_expires_at = NULL
        WHERE s.id = $1 AND s.state = 'unloading'
          AND NOT EXISTS (SELECT 1 FROM record_handles h WHERE h.session_id = s.id)
       RETURNING s.state`,
      [sessionId],
    );
    if (rows.length > 0) return true;
    return (await this.find(sessionId))?.state === 'drained';
  }
}
