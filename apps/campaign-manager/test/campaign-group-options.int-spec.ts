import { CALL_ANSWER_TYPE_RECOGNITIONS, DEFAULT_CALL_ANSWER_TYPE_RECOGNITION } from '@ocs/domain';
import { seedDemo } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';

// The campaign group option call_answer_type_recognition in Postgres: the CHECK constraint mirrors
// CALL_ANSWER_TYPE_RECOGNITIONS in libs/domain, and a group that sets nothing gets the default.

describe('campaign_groups.call_answer_type_recognition (Postgres)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    await seedDemo(database.pool, { recordCount: 10 });
  }, 60_000);

  afterAll(() => database?.drop());

  const set = (value: string) =>
    database.pool.query(
      "UPDATE campaign_groups SET call_answer_type_recognition = $1 WHERE name = 'Spring Offers@Sales'",
      [value],
    );

  it('defaults to no_am_detection, accepts every domain value and rejects any other', async () => {
    const { rows } = await database.pool.query<{ value: string }>(
      'SELECT DISTINCT call_answer_type_recognition AS value FROM campaign_groups',
    );
    expect(rows).toEqual([{ value: DEFAULT_CALL_ANSWER_TYPE_RECOGNITION }]);
    for (const value of CALL_ANSWER_TYPE_RECOGNITIONS) await set(value);
    for (const value of ['am_detection', 'NO_AM_DETECTION', ''])
      await expect(set(value)).rejects.toThrow(/call_answer_type_recognition_check/);
  });
});
