import { AddDoNotCall } from '@ocs/contracts';
import { RecordType } from '@ocs/domain';
import { DEMO_TENANT } from '@ocs/persistence';
import { type TestDatabase } from '@ocs/persistence/testing';
import { type DesktopClient } from './support/desktop-client';
import {
  APPLICATION_ID,
  type DesktopSystem,
  eventually,
  requestOf,
  startDesktopSystem,
} from './support/desktop-system';

// DoNotCall end to end: desktops on real WebSockets to two gateway replicas, campaign-manager,
// record-dispatcher and dnc-registry from dist/, a seeded database and a private NATS. The
// Collections agents work the Preview group of "Payment Reminders".

const CAMPAIGN = 'Payment Reminders';
const LIST = 'Payment Reminders';

interface ChainRecord {
  recordId: string;
  contactInfo: string;
  customerId: string | null;
  recordType: number;
  callingListId: number;
  chainId: number;
}

describe('DoNotCall over agent desktops', () => {
  let system: DesktopSystem;
  let database: TestDatabase;
  let group: { dbid: number; name: string };
  /** Records listed before the start (never handed out) and records listed with an expired entry. */
  const listedAtStart: ChainRecord[] = [];
  const expiredAtStart: ChainRecord[] = [];
  let first: DesktopClient;
  let second: DesktopClient;
  let reference = 100;

  const request = requestOf(CAMPAIGN);
  const COLUMNS = `r.record_id::text AS "recordId", r.contact_info AS "contactInfo", r.customer_id AS "customerId",
    r.record_type AS "recordType", r.calling_list_id AS "callingListId", r.chain_id AS "chainId"`;

  async function chainOfHandle(handle: number): Promise<ChainRecord[]> {
    const { rows } = await database.pool.query<ChainRecord>(
      `SELECT ${COLUMNS} FROM records r JOIN record_handles h
          ON h.calling_list_id = r.calling_list_id AND h.chain_id = r.chain_id
        WHERE h.handle = $1 ORDER BY r.chain_n`,
      [handle],
    );
    return rows;
  }

  async function recordsByIds(ids: string[]): Promise<ChainRecord[]> {
    const { rows } = await database.pool.query<ChainRecord>(
      `SELECT ${COLUMNS} FROM records r WHERE r.record_id = ANY($1::bigint[]) ORDER BY r.record_id`,
      [ids],
    );
    return rows;
  }

  async function listed(
    phones: string[],
  ): Promise<{ phone: string; message: string | null; agent_id: string | null }[]> {
    const { rows } = await database.pool.query(
      `SELECT phone, message, agent_id, expires_at FROM dnc_entries WHERE phone = ANY($1::text[]) ORDER BY phone`,
      [phones],
    );
    return rows;
  }

  async function preview(client: DesktopClient): Promise<{ handle: number; chain: ChainRecord[] }> {
    const id = ++reference;
    client.send(request('PreviewRecordRequest', { GSW_REFERENCE_ID: id }));
    const frame = await client.next();
    expect(frame).toMatchObject({ GSW_USER_EVENT: 'PreviewRecord', GSW_REFERENCE_ID: id });
    const handle = frame['GSW_RECORD_HANDLE'] as number;
    return { handle, chain: await chainOfHandle(handle) };
  }

  /** A record the agent previews whose chain has at least `size` records. */
  async function previewChain(client: DesktopClient, size: number) {
    for (;;) {
      const got = await preview(client);
      if (got.chain.length >= size) return got;
    }
  }

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'do-not-call-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher', 'dnc-registry'],
      async prepare({ pool }) {
        await pool.query(
          `UPDATE records r SET daily_from = 0, daily_till = 86400
             FROM calling_lists cl WHERE cl.id = r.calling_list_id AND cl.name = $1`,
          [LIST],
        );
        const { rows } = await pool.query<{ dbid: number; name: string }>(
          `SELECT cg.id AS dbid, cg.name FROM campaign_groups cg
             JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
            WHERE ag.name = 'Collections'`,
        );
        group = rows[0];
        // Six first-of-chain General records, due first: three listed, three listed until yesterday.
        const { rows: chosen } = await pool.query<ChainRecord>(
          `SELECT ${COLUMNS} FROM records r JOIN calling_lists cl ON cl.id = r.calling_list_id
            WHERE cl.name = $1 AND r.chain_n = 0 AND r.record_type = ${RecordType.General} AND r.record_status = 1
              AND NOT EXISTS (SELECT 1 FROM dnc_entries d WHERE d.phone = r.contact_info)
            ORDER BY r.record_id LIMIT 6`,
          [LIST],
        );
        await pool.query(`UPDATE records SET dial_sched_time = 0 WHERE record_id = ANY($1::bigint[])`, [
          chosen.map((record) => record.recordId),
        ]);
        listedAtStart.push(...chosen.slice(0, 3));
        expiredAtStart.push(...chosen.slice(3));
        await pool.query(
          `INSERT INTO dnc_entries (tenant_id, phone, source, expires_at)
           SELECT t.id, p.phone, 'admin', CASE WHEN p.n > 3 THEN now() - interval '1 day' END
             FROM tenants t, unnest($1::text[]) WITH ORDINALITY AS p(phone, n) WHERE t.name = 'Resources'`,
          [chosen.map((record) => record.contactInfo)],
        );
      },
    });
    ({ database } = system);
    first = await system.login('agent09', 'Place_7009', system.desktopUrl);
    second = await system.login('agent10', 'Place_7010', system.replicaUrl);
    for (const client of [first, second]) {
      client.send(request('PreviewDialingModeOver'));
      expect(await client.next()).toMatchObject({ GSW_ERROR_NUMBER: 119 });
    }
    await system.startGroup(group.dbid, [first, second]);
    for (const client of [first, second]) {
      client.send(request('PreviewDialingModeStart', { GSW_REFERENCE_ID: 1 }));
      expect(await client.next()).toMatchObject({ GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge' });
    }
  }, 120_000);

  afterAll(() => system?.stop(), 60_000);

  it('retrieval returns listed records to the list as No Call; expired entries do not match', async () => {
    await eventually(async () => {
      const records = await recordsByIds(listedAtStart.map((record) => record.recordId));
      expect(records.map((record) => record.recordType)).toEqual([7, 7, 7]);
    });
    const { rows } = await database.pool.query(
      `SELECT 1 FROM record_handles WHERE record_id = ANY($1::bigint[])`,
      [listedAtStart.map((record) => record.recordId)],
    );
    expect(rows).toHaveLength(0);
    const expired = await recordsByIds(expiredAtStart.map((record) => record.recordId));
    expect(expired.map((record) => record.recordType)).toEqual([2, 2, 2]);
  });

  it('by handle with AllChain: the chain becomes No Call, every phone of it is listed, the handle ends', async () => {
    const { handle, chain } = await previewChain(first, 2);
    first.send(
      request('DoNotCall', {
        GSW_RECORD_HANDLE: handle,
        GSW_CALLING_LIST: LIST,
        GSW_MESSAGE: 'Asked not to be called',
        GSW_REFERENCE_ID: 11,
      }),
    );
    expect(await first.next()).toEqual({
      GSW_USER_EVENT: 'DoNotCallAcknowledge',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CALLING_LIST: LIST,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_CHAIN_ATTR: 'AllChain',
      GSW_RECORD_HANDLE: handle,
      GSW_REFERENCE_ID: 11,
    });
    const after = await recordsByIds(chain.map((record) => record.recordId));
    expect(after.every((record) => record.recordType === RecordType.NoCall)).toBe(true);
    const phones = [...new Set(chain.map((record) => record.contactInfo))].sort();
    expect((await listed(phones)).map((row) => [row.phone, row.message, row.agent_id])).toEqual(
      phones.map((phone) => [phone, 'Asked not to be called', 'agent09']),
    );
    // The handle is gone: a repeat is 109.
    first.send(
      request('DoNotCall', { GSW_RECORD_HANDLE: handle, GSW_CALLING_LIST: LIST, GSW_REFERENCE_ID: 12 }),
    );
    expect(await first.next()).toMatchObject({ GSW_ERROR_NUMBER: 109, GSW_REFERENCE_ID: 12 });
  });

  it("by handle with RecordOnly: only that record; another agent's handle is 109", async () => {
    const { handle, chain } = await previewChain(first, 2);
    const theirs = await preview(second);
    second.send(
      request('DoNotCall', { GSW_RECORD_HANDLE: handle, GSW_CALLING_LIST: LIST, GSW_REFERENCE_ID: 21 }),
    );
    expect(await second.next()).toMatchObject({ GSW_ERROR_NUMBER: 109, GSW_REFERENCE_ID: 21 });
    first.send(
      request('DoNotCall', {
        GSW_RECORD_HANDLE: handle,
        GSW_CALLING_LIST: LIST,
        GSW_CHAIN_ATTR: 'RecordOnly',
        GSW_REFERENCE_ID: 22,
      }),
    );
    expect(await first.next()).toMatchObject({
      GSW_USER_EVENT: 'DoNotCallAcknowledge',
      GSW_CHAIN_ATTR: 'RecordOnly',
    });
    const { rows } = await database.pool.query<{ recordId: string }>(
      `SELECT record_id::text AS "recordId" FROM records WHERE record_id = ANY($1::bigint[]) AND record_type = 7`,
      [chain.map((record) => record.recordId)],
    );
    expect(rows).toHaveLength(1);
    expect(await listed([chain[0].contactInfo, ...chain.slice(1).map((r) => r.contactInfo)])).toHaveLength(
      new Set([rows[0].recordId]).size,
    );
    // Not the other agent's record.
    expect((await recordsByIds([theirs.chain[0].recordId]))[0].recordType).not.toBe(RecordType.NoCall);
  });

  it("by phone: listed with GSW_DURATION, records become No Call, another agent's desktop gets RecordCancel", async () => {
    const theirs = await preview(second);
    const record = theirs.chain.find((candidate) => candidate.contactInfo)!;
    const held = await database.pool.query<{ contactInfo: string }>(
      `SELECT r.contact_info AS "contactInfo" FROM records r JOIN record_handles h ON h.record_id = r.record_id WHERE h.handle = $1`,
      [theirs.handle],
    );
    const phone = held.rows[0].contactInfo;
    first.send({
      GSW_AGENT_REQ_TYPE: 'DoNotCall',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_PHONE: phone,
      GSW_DURATION: 3600,
      GSW_REFERENCE_ID: 31,
    });
    expect(await first.next()).toEqual({
      GSW_USER_EVENT: 'DoNotCallAcknowledge',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CHAIN_ATTR: 'AllChain',
      GSW_PHONE: phone,
      GSW_DURATION: 3600,
      GSW_REFERENCE_ID: 31,
    });
    const cancel = await second.next(10_000);
    expect(cancel).toMatchObject({
      GSW_USER_EVENT: 'RecordCancel',
      GSW_RECORD_HANDLE: theirs.handle,
      GSW_PHONE: phone,
      GSW_CHAIN_ATTR: 'AllChain',
    });
    const [entry] = await listed([phone]);
    const expires = (entry as unknown as { expires_at: Date }).expires_at.getTime();
    expect(Math.abs(expires - (Date.now() + 3_600_000))).toBeLessThan(60_000);
    expect(record).toBeDefined();
  });

  it('by customer id: listed, and the matching records not on a desktop become No Call', async () => {
    const { rows } = await database.pool.query<ChainRecord>(
      `SELECT ${COLUMNS} FROM records r JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE cl.name = $1 AND r.customer_id IS NOT NULL AND r.record_status = 1 AND r.record_type = 2
        ORDER BY r.record_id DESC LIMIT 1`,
      [LIST],
    );
    const customerId = rows[0].customerId!;
    first.send(request('DoNotCall', { GSW_CUSTOMER_ID: customerId, GSW_REFERENCE_ID: 41 }));
    expect(await first.next()).toMatchObject({
      GSW_USER_EVENT: 'DoNotCallAcknowledge',
      GSW_CUSTOMER_ID: customerId,
      GSW_REFERENCE_ID: 41,
    });
    expect((await recordsByIds([rows[0].recordId]))[0].recordType).toBe(RecordType.NoCall);
    const entry = await database.pool.query(`SELECT 1 FROM dnc_entries WHERE customer_id = $1`, [customerId]);
    expect(entry.rows).toHaveLength(1);
  });

  /** A chain of `size` or more General records, Ready or buffered, none on a desktop. */
  async function idleChain(size: number, skip = 0): Promise<ChainRecord[]> {
    const { rows } = await database.pool.query<{ chainId: number }>(
      `SELECT r.chain_id AS "chainId" FROM records r JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE cl.name = $1 AND r.customer_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM record_handles h WHERE h.calling_list_id = r.calling_list_id
                             AND h.chain_id = r.chain_id AND h.state = 'desktop')
        GROUP BY r.chain_id
       HAVING count(*) >= $2 AND bool_and(r.record_status IN (1, 2) AND r.record_type = ${RecordType.General})
        ORDER BY r.chain_id DESC OFFSET $3 LIMIT 1`,
      [LIST, size, skip],
    );
    const chain = await database.pool.query<ChainRecord>(
      `SELECT ${COLUMNS} FROM records r JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE cl.name = $1 AND r.chain_id = $2 ORDER BY r.chain_n`,
      [LIST, rows[0].chainId],
    );
    return chain.rows;
  }

  it('by customer id with AllChain: every record of the chain becomes No Call', async () => {
    const chain = await idleChain(2);
    first.send(
      request('DoNotCall', {
        GSW_CUSTOMER_ID: chain[0].customerId,
        GSW_CHAIN_ATTR: 'AllChain',
        GSW_REFERENCE_ID: 42,
      }),
    );
    expect(await first.next()).toMatchObject({
      GSW_USER_EVENT: 'DoNotCallAcknowledge',
      GSW_CHAIN_ATTR: 'AllChain',
    });
    const after = await recordsByIds(chain.map((record) => record.recordId));
    expect(after.map((record) => record.recordType)).toEqual(chain.map(() => RecordType.NoCall));
  });

  it('by phone with RecordOnly: only the record of that phone; the rest of its chain stays callable', async () => {
    const chain = await idleChain(2, 1);
    const target = chain[1];
    first.send(
      request('DoNotCall', {
        GSW_PHONE: target.contactInfo,
        GSW_CHAIN_ATTR: 'RecordOnly',
        GSW_REFERENCE_ID: 43,
      }),
    );
    expect(await first.next()).toMatchObject({
      GSW_USER_EVENT: 'DoNotCallAcknowledge',
      GSW_CHAIN_ATTR: 'RecordOnly',
    });
    const after = await recordsByIds(chain.map((record) => record.recordId));
    expect(after.map((record) => record.recordType)).toEqual(
      chain.map((record) => (record.recordId === target.recordId ? RecordType.NoCall : RecordType.General)),
    );
    expect((await listed([target.contactInfo])).map((row) => row.phone)).toEqual([target.contactInfo]);
  });

  it('answers bad input with the spec errors', async () => {
    first.send(
      request('DoNotCall', { GSW_PHONE: '5550100', GSW_CHAIN_ATTR: 'Everything', GSW_REFERENCE_ID: 51 }),
    );
    expect(await first.next()).toMatchObject({ GSW_ERROR_NUMBER: 103, GSW_REFERENCE_ID: 51 });
    first.send(request('DoNotCall', { GSW_PHONE: '5550100', GSW_DURATION: -5, GSW_REFERENCE_ID: 52 }));
    expect(await first.next()).toMatchObject({ GSW_ERROR_NUMBER: 103, GSW_REFERENCE_ID: 52 });
    first.send(request('DoNotCall', { GSW_REFERENCE_ID: 53 }));
    expect(await first.next()).toMatchObject({ GSW_ERROR_NUMBER: 102, GSW_REFERENCE_ID: 53 });
  });

  // Last: it lists every buffered number, which changes what the tests above would be handed.
  it('screens a record again on its way to a desktop: a number listed while buffered is not handed out', async () => {
    const { rows: buffered } = await database.pool.query<{ recordId: string; phone: string }>(
      `SELECT r.record_id::text AS "recordId", r.contact_info AS phone
         FROM record_handles h JOIN records r ON r.record_id = h.record_id WHERE h.state = 'buffered'`,
    );
    expect(buffered.length).toBeGreaterThan(0);
    // Listed without marking the records: the buffer still holds them as General.
    await system.bus.request(
      AddDoNotCall,
      { phones: buffered.map((record) => record.phone), customerIds: [], source: 'admin' },
      { tenant: DEMO_TENANT },
      { timeoutMs: 5_000 },
    );
    const id = ++reference;
    first.send(request('PreviewRecordRequest', { GSW_REFERENCE_ID: id }));
    const frame = await first.next();
    if (frame['GSW_USER_EVENT'] === 'PreviewRecord') {
      expect(buffered.map((record) => record.phone)).not.toContain(frame['GSW_PHONE']);
      first.send(
        request('RecordReject', { GSW_RECORD_HANDLE: frame['GSW_RECORD_HANDLE'], GSW_CALLING_LIST: LIST }),
      );
      expect(await first.next()).toMatchObject({ GSW_USER_EVENT: 'RecordRejectAcknowledge' });
    } else {
      expect(frame).toMatchObject({ GSW_ERROR_NUMBER: 108, GSW_REFERENCE_ID: id });
    }
    const screened = await recordsByIds(buffered.map((record) => record.recordId));
    expect(screened.some((record) => record.recordType === RecordType.NoCall)).toBe(true);
  });
});
