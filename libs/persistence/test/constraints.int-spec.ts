import {
  CALL_RESULT_VALUES,
  CALLBACK_STATUSES,
  CONTACT_INFO_TYPE_VALUES,
  DIAL_MODE_VALUES,
  DNC_SOURCES,
  FIELD_DATA_TYPE_VALUES,
  isTreatableCallResult,
  OPTIMIZATION_METHOD_VALUES,
  PREDICTIVE_ALGORITHMS,
  RECORD_COLUMN_NAMES,
  RECORD_STATUS_VALUES,
  RECORD_TYPE_VALUES,
  TREATMENT_RECORD_ACTIONS,
} from '@ocs/domain';
import { DatabaseError } from 'pg';
import { createTestDatabase, type TestDatabase } from '../src/testing';

interface Fixture {
  tenantId: number;
  zoneId: number;
  listId: number;
  campaignId: number;
  agentGroupId: number;
  campaignGroupId: number;
  recordId: string;
}

// The database is the last line of defence: states the domain forbids must be impossible to store
// even for a buggy or hostile writer, and every value the domain allows must be storable.
describe('database constraints', () => {
  let db: TestDatabase;
  let a: Fixture;
  let b: Fixture;

  const one = async (sql: string, params: unknown[] = []) => (await db.pool.query(sql, params)).rows[0];

  async function fixture(tenant: string): Promise<Fixture> {
    const { id: tenantId } = await one('INSERT INTO tenants (name) VALUES ($1) RETURNING id', [tenant]);
    const { id: zoneId } = await one(
      `INSERT INTO time_zones (tenant_id, name, iana_name) VALUES ($1, 'PST', 'America/Los_Angeles') RETURNING id`,
      [tenantId],
    );
    const { id: listId } = await one(
      `INSERT INTO calling_lists (tenant_id, name) VALUES ($1, 'List') RETURNING id`,
      [tenantId],
    );
    const { id: campaignId } = await one(
      `INSERT INTO campaigns (tenant_id, name) VALUES ($1, 'Campaign') RETURNING id`,
      [tenantId],
    );
    const { id: agentGroupId } = await one(
      `INSERT INTO agent_groups (tenant_id, name) VALUES ($1, 'Group') RETURNING id`,
      [tenantId],
    );
    const { id: campaignGroupId } = await one(
      `INSERT INTO campaign_groups (tenant_id, campaign_id, agent_group_id, name, dial_mode)
       VALUES ($1, $2, $3, 'Campaign@Group', 3) RETURNING id`,
      [tenantId, campaignId, agentGroupId],
    );
    const { record_id: recordId } = await one(
      `INSERT INTO records (tenant_id, calling_list_id, contact_info, daily_from, daily_till, tz_dbid, chain_id, chain_n)
       VALUES ($1, $2, '+14155550100', 32400, 75600, $3, 1, 0) RETURNING record_id`,
      [tenantId, listId, zoneId],
    );
    return { tenantId, zoneId, listId, campaignId, agentGroupId, campaignGroupId, recordId };
  }

  /** Runs a statement in a transaction that is always rolled back; returns its error, if any. */
  async function attempt(sql: string, params: unknown[] = []): Promise<DatabaseError | undefined> {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(sql, params);
      return undefined;
    } catch (error) {
      if (error instanceof DatabaseError) return error;
      throw error;
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  async function expectViolation(constraint: string, sql: string, params: unknown[] = []) {
    const error = await attempt(sql, params);
    expect(error?.constraint).toBe(constraint);
  }

  /** A record of fixture `f`, with `column` set to `value` (text of an SQL expression). */
  const recordWith = (f: Fixture, columns: Record<string, string>) => {
    const values: Record<string, string> = {
      tenant_id: String(f.tenantId),
      calling_list_id: String(f.listId),
      contact_info: `'+14155550199'`,
      daily_from: '32400',
      daily_till: '75600',
      tz_dbid: String(f.zoneId),
      chain_id: '2',
      chain_n: '0',
      ...columns,
    };
    return `INSERT INTO records (${Object.keys(values).join(', ')}) VALUES (${Object.values(values).join(', ')})`;
  };

  const fieldWith = (f: Fixture, columns: Record<string, string>) => {
    const values: Record<string, string> = {
      tenant_id: String(f.tenantId),
      calling_list_id: String(f.listId),
      name: `'nickname'`,
      data_type: `'varchar'`,
      length: '20',
      display_name: `'Nickname'`,
      ...columns,
    };
    return `INSERT INTO calling_list_fields (${Object.keys(values).join(', ')}) VALUES (${Object.values(values).join(', ')})`;
  };

  const treatmentWith = (f: Fixture, columns: Record<string, string>) => {
    const values: Record<string, string> = {
      tenant_id: String(f.tenantId),
      calling_list_id: String(f.listId),
      name: `'T'`,
      call_result: '6',
      apply_to_record: `'Redial'`,
      cycle_attempt: '3',
      interval_minutes: '5',
      ...columns,
    };
    return `INSERT INTO treatments (${Object.keys(values).join(', ')}) VALUES (${Object.values(values).join(', ')})`;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: true });
    a = await fixture('Tenant A');
    b = await fixture('Tenant B');
  });

  afterAll(async () => {
    await db.drop();
  });

  describe('Genesys enumerations on records', () => {
    it('accepts every value of the domain enumerations', async () => {
      for (const value of RECORD_STATUS_VALUES)
        expect(await attempt(recordWith(a, { record_status: String(value) }))).toBeUndefined();
      for (const value of RECORD_TYPE_VALUES) {
        const personal = { agent_id: `'agent01'`, dial_sched_time: '1900000000' };
        expect(await attempt(recordWith(a, { record_type: String(value), ...personal }))).toBeUndefined();
      }
      for (const value of CONTACT_INFO_TYPE_VALUES) {
        expect(await attempt(recordWith(a, { contact_info_type: String(value) }))).toBeUndefined();
      }
      for (const value of [...CALL_RESULT_VALUES, 999])
        expect(await attempt(recordWith(a, { call_result: String(value) }))).toBeUndefined();
    });

    it.each([
      ['records_record_status_check', { record_status: '7' }],
      ['records_record_status_check', { record_status: '9' }],
      ['records_record_type_check', { record_type: '8' }],
      ['records_contact_info_type_check', { contact_info_type: '12' }],
      ['records_call_result_check', { call_result: '-1' }],
      ['records_attempt_check', { attempt: '-1' }],
      ['records_chain_n_check', { chain_n: '-1' }],
      ['records_daily_window_check', { daily_till: '86401' }],
      ['records_daily_window_check', { daily_from: '-1' }],
      ['records_daily_window_check', { daily_from: '75600', daily_till: '32400' }],
      ['records_contact_info_check', { contact_info: `' '` }],
      ['records_personal_agent_check', { record_type: '5', dial_sched_time: '1900000000' }],
      ['records_scheduled_time_check', { record_type: '6' }],
      ['records_custom_check', { custom: `'[1, 2]'` }],
    ])('rejects %s for %p', async (constraint, columns) => {
      await expectViolation(constraint, recordWith(a, columns));
    });

    it('rejects a second record at the same chain position of a list', async () => {
      await expectViolation(
        'records_calling_list_id_chain_id_chain_n_key',
        recordWith(a, { chain_id: '1', chain_n: '0' }),
      );
      expect(await attempt(recordWith(a, { chain_id: '1', chain_n: '1' }))).toBeUndefined();
    });
  });

  describe('tenant isolation', () => {
    it('rejects records pointing at another tenant’s list, time zone or campaign', async () => {
      await expectViolation(
        'records_tenant_id_calling_list_id_fkey',
        recordWith(a, { calling_list_id: String(b.listId) }),
      );
      await expectViolation('records_tenant_id_tz_dbid_fkey', recordWith(a, { tz_dbid: String(b.zoneId) }));
      await expectViolation(
        'records_tenant_id_campaign_id_fkey',
        recordWith(a, { campaign_id: String(b.campaignId) }),
      );
    });

    it('rejects a campaign group made of another tenant’s agent group', async () => {
      await expectViolation(
        'campaign_groups_tenant_id_agent_group_id_fkey',
        `INSERT INTO campaign_groups (tenant_id, campaign_id, agent_group_id, name, dial_mode) VALUES ($1, $2, $3, 'X', 1)`,
        [a.tenantId, a.campaignId, b.agentGroupId],
      );
    });

    it('rejects callbacks and call attempts for another tenant’s record', async () => {
      await expectViolation(
        'callbacks_tenant_id_record_id_fkey',
        `INSERT INTO callbacks (tenant_id, record_id, type, scheduled_at) VALUES ($1, $2, 'campaign', now())`,
        [a.tenantId, b.recordId],
      );
      await expectViolation(
        'call_attempts_tenant_id_record_id_fkey',
        `INSERT INTO call_attempts (tenant_id, attempt_guid, record_id, contact_info, start_processing_at)
         VALUES ($1, gen_random_uuid(), $2, '+1', now())`,
        [a.tenantId, b.recordId],
      );
    });

    it('rejects a campaign list link using a filter of another list', async () => {
      const { id: otherList } = await one(
        `INSERT INTO calling_lists (tenant_id, name) VALUES ($1, 'Other') RETURNING id`,
        [a.tenantId],
      );
      const { id: filterId } = await one(
        `INSERT INTO calling_list_filters (tenant_id, calling_list_id, name, criteria) VALUES ($1, $2, 'F', '{}') RETURNING id`,
        [a.tenantId, otherList],
      );
      await expectViolation(
        'campaign_calling_lists_tenant_id_calling_list_id_filter_id_fkey',
        `INSERT INTO campaign_calling_lists (tenant_id, campaign_id, calling_list_id, filter_id) VALUES ($1, $2, $3, $4)`,
        [a.tenantId, a.campaignId, a.listId, filterId],
      );
    });
  });

  describe('campaign groups', () => {
    let spareGroupId: number;

    beforeAll(async () => {
      ({ id: spareGroupId } = await one(
        `INSERT INTO agent_groups (tenant_id, name) VALUES ($1, 'Spare') RETURNING id`,
        [a.tenantId],
      ));
    });

    const groupWith = (columns: string, values: string, agentGroupId = spareGroupId) =>
      `INSERT INTO campaign_groups (tenant_id, campaign_id, agent_group_id, name, ${columns})
       VALUES (${a.tenantId}, ${a.campaignId}, ${agentGroupId}, 'G2', ${values})`;

    it('accepts every dial mode, optimization method and predictive algorithm of the domain', async () => {
      for (const mode of DIAL_MODE_VALUES)
        expect(await attempt(groupWith('dial_mode', String(mode)))).toBeUndefined();
      for (const method of OPTIMIZATION_METHOD_VALUES) {
        expect(
          await attempt(groupWith('dial_mode, optimize_by, optimize_goal', `1, ${method}, 50`)),
        ).toBeUndefined();
      }
      for (const algorithm of PREDICTIVE_ALGORITHMS) {
        expect(
          await attempt(groupWith('dial_mode, predictive_algorithm', `1, '${algorithm}'`)),
        ).toBeUndefined();
      }
    });

    it.each([
      ['campaign_groups_dial_mode_check', 'dial_mode', '6'],
      ['campaign_groups_dial_mode_check', 'dial_mode', '10'],
      ['campaign_groups_optimization_check', 'dial_mode, optimize_by, optimize_goal', '1, 2, 101'],
      ['campaign_groups_optimization_check', 'dial_mode, optimize_by', '1, 4'],
      ['campaign_groups_optimization_check', 'dial_mode, optimize_by', '1, 2'],
      ['campaign_groups_optimization_check', 'dial_mode, optimize_goal', '1, 5'],
      ['campaign_groups_predictive_algorithm_check', 'dial_mode, predictive_algorithm', `1, 'magic'`],
      ['campaign_groups_stale_clean_timeout_seconds_check', 'dial_mode, stale_clean_timeout_seconds', '1, 0'],
    ])('rejects %s (%s = %s)', async (constraint, columns, values) => {
      await expectViolation(constraint, groupWith(columns, values));
    });

    it('allows one campaign group per campaign and agent group', async () => {
      await expectViolation(
        'campaign_groups_tenant_id_campaign_id_agent_group_id_key',
        groupWith('dial_mode', '2', a.agentGroupId),
      );
    });
  });

  describe('calling list fields', () => {
    it('accepts every data type of the domain', async () => {
      for (const type of FIELD_DATA_TYPE_VALUES) {
        const length = type === 'char' || type === 'varchar' ? '10' : 'NULL';
        expect(await attempt(fieldWith(a, { data_type: `'${type}'`, length }))).toBeUndefined();
      }
    });

    it.each([
      ['calling_list_fields_send_attribute_check', { send_attribute: `'GSW_PHONE'` }],
      ['calling_list_fields_send_attribute_check', { send_attribute: `'gsw_phone'` }],
      ['calling_list_fields_data_type_check', { data_type: `'text'` }],
      ['calling_list_fields_length_check', { data_type: `'char'`, length: 'NULL' }],
      ['calling_list_fields_length_check', { data_type: `'int'`, length: '4' }],
      ['calling_list_fields_length_check', { length: '0' }],
      ['calling_list_fields_name_check', { name: `'Nick Name'` }],
      ['calling_list_fields_default_value_check', { length: '2', default_value: `'abc'` }],
    ])('rejects %s for %p', async (constraint, columns) => {
      await expectViolation(constraint, fieldWith(a, columns));
    });

    it('reserves every record column name', async () => {
      for (const name of RECORD_COLUMN_NAMES) {
        await expectViolation('calling_list_fields_name_check', fieldWith(a, { name: `'${name}'` }));
      }
    });
  });

  describe('treatments', () => {
    it('accepts every treatable call result and every record action of the domain', async () => {
      for (const result of CALL_RESULT_VALUES.filter(isTreatableCallResult)) {
        expect(await attempt(treatmentWith(a, { call_result: String(result) }))).toBeUndefined();
      }
      for (const action of TREATMENT_RECORD_ACTIONS) {
        const dated: Record<string, string> = action.endsWith('AtSpecifiedDate')
          ? { specified_date: `'2026-12-24'`, specified_time: '36000' }
          : {};
        expect(await attempt(treatmentWith(a, { apply_to_record: `'${action}'`, ...dated }))).toBeUndefined();
      }
    });

    it.each([
      ['treatments_call_result_check', { call_result: '28' }],
      ['treatments_call_result_check', { call_result: '54' }],
      ['treatments_apply_to_record_check', { apply_to_record: `'Explode'` }],
      ['treatments_apply_to_call_check', { apply_to_call: `'Drop'` }],
      ['treatments_destination_dn_check', { call_result: '33', apply_to_call: `'Connect'` }],
      ['treatments_destination_dn_check', { destination_dn: `'7000'` }],
      ['treatments_cycle_attempt_check', { cycle_attempt: '0' }],
      ['treatments_interval_check', { apply_to_record: `'RetryIn'`, interval_minutes: '0' }],
      ['treatments_specified_check', { apply_to_record: `'RetryAtSpecifiedDate'` }],
      ['treatments_specified_check', { specified_date: `'2026-12-24'`, specified_time: '0' }],
    ])('rejects %s for %p', async (constraint, columns) => {
      await expectViolation(constraint, treatmentWith(a, columns));
    });
  });

  describe('do-not-call entries', () => {
    const dnc = (phone: string, customerId: string, source = `'desktop'`) =>
      `INSERT INTO dnc_entries (tenant_id, phone, customer_id, source) VALUES (${a.tenantId}, ${phone}, ${customerId}, ${source})`;

    it('holds exactly one of phone and customer id', async () => {
      await expectViolation('dnc_entries_target_check', dnc(`'+14155550100'`, `'C1'`));
      await expectViolation('dnc_entries_target_check', dnc('NULL', 'NULL'));
      expect(await attempt(dnc(`'+14155550100'`, 'NULL'))).toBeUndefined();
      expect(await attempt(dnc('NULL', `'C1'`))).toBeUndefined();
    });

    it('keeps one entry per phone and per customer id in a tenant', async () => {
      await db.pool.query(dnc(`'+14155550111'`, 'NULL'));
      await db.pool.query(dnc('NULL', `'C2'`));
      await expectViolation('dnc_entries_tenant_id_phone_key', dnc(`'+14155550111'`, 'NULL'));
      await expectViolation('dnc_entries_tenant_id_customer_id_key', dnc('NULL', `'C2'`));
    });

    it('accepts the sources of the domain only', async () => {
      for (const source of DNC_SOURCES)
        expect(await attempt(dnc(`'+1999'`, 'NULL', `'${source}'`))).toBeUndefined();
      await expectViolation('dnc_entries_source_check', dnc(`'+1999'`, 'NULL', `'fax'`));
    });
  });

  describe('callbacks and call attempts', () => {
    const callback = (type: string, agent: string, status = 'scheduled') =>
      `INSERT INTO callbacks (tenant_id, record_id, type, agent_id, scheduled_at, status)
       VALUES (${a.tenantId}, ${a.recordId}, '${type}', ${agent}, now(), '${status}')`;

    it('ties personal callbacks to an agent and campaign callbacks to none', async () => {
      await expectViolation('callbacks_agent_check', callback('personal', 'NULL'));
      await expectViolation('callbacks_agent_check', callback('campaign', `'agent01'`));
      await expectViolation('callbacks_type_check', callback('group', 'NULL'));
      for (const status of CALLBACK_STATUSES)
        expect(await attempt(callback('campaign', 'NULL', status))).toBeUndefined();
    });

    it('allows one open callback per record', async () => {
      await db.pool.query(callback('campaign', 'NULL', 'completed'));
      await db.pool.query(callback('personal', `'agent01'`));
      await expectViolation('callbacks_open_record_key', callback('campaign', 'NULL', 'delivered'));
    });

    it('keeps an attempt timeline in order and one row per record and attempt', async () => {
      const insert = (columns: string, values: string, guid = 'gen_random_uuid()') =>
        `INSERT INTO call_attempts (tenant_id, attempt_guid, record_id, contact_info, start_processing_at, ${columns})
         VALUES (${a.tenantId}, ${guid}, ${a.recordId}, '+1', '2026-11-21T10:00:00Z', ${values})`;
      await expectViolation('call_attempts_timeline_check', insert('dialed_at', `'2026-11-21T09:59:59Z'`));
      await expectViolation('call_attempts_timeline_check', insert('answered_at', `'2026-11-21T10:00:05Z'`));
      await expectViolation('call_attempts_hist_sequence_num_check', insert('hist_sequence_num', '2'));
      const guid = `'3f1e4a9c-3b7d-4c8e-9a51-2d6f0b7c8e11'`;
      await db.pool.query(
        insert('dialed_at, answered_at', `'2026-11-21T10:00:01Z', '2026-11-21T10:00:05Z'`, guid),
      );
      await expectViolation('call_attempts_attempt_guid_record_id_key', insert('call_result', '33', guid));
    });
  });
});
