import { inTransaction } from '../src';
import { createTestDatabase, type TestDatabase } from '../src/testing';

describe('inTransaction', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    await db.pool.query('CREATE TABLE notes (text TEXT NOT NULL)');
  });
  afterAll(() => db.drop());
  beforeEach(() => db.pool.query('TRUNCATE notes'));

  const count = async () => Number((await db.pool.query('SELECT count(*) AS n FROM notes')).rows[0].n);

  it('commits what the work wrote and returns its result', async () => {
    const result = await inTransaction(db.pool, async (client) => {
      await client.query("INSERT INTO notes VALUES ('a'), ('b')");
      return 'done';
    });
    expect(result).toBe('done');
    expect(await count()).toBe(2);
  });

  it('rolls everything back and rethrows when the work fails', async () => {
    const failure = inTransaction(db.pool, async (client) => {
      await client.query("INSERT INTO notes VALUES ('a')");
      throw new Error('halfway');
    });
    await expect(failure).rejects.toThrow('halfway');
    expect(await count()).toBe(0);
  });

  it('gives the client back to the pool either way', async () => {
    await inTransaction(db.pool, async () => undefined);
    await inTransaction(db.pool, async () => Promise.reject(new Error('x'))).catch(() => undefined);
    expect(db.pool.idleCount).toBe(db.pool.totalCount);
  });
});
