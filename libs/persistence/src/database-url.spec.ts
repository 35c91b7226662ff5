import {
  databaseNameOf,
  databaseUrlFromEnv,
  DEFAULT_DATABASE_URL,
  redactDatabaseUrl,
  withDatabaseName,
} from './database-url';

describe('database URLs', () => {
  it('reads DATABASE_URL, falling back to the local default', () => {
    expect(databaseUrlFromEnv({ DATABASE_URL: ' postgresql://u@db:5432/x ' })).toBe(
      'postgresql://u@db:5432/x',
    );
    expect(databaseUrlFromEnv({ DATABASE_URL: '' })).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrlFromEnv({})).toBe('postgresql://postgres@127.0.0.1:5432/ocs');
  });

  it('reads and replaces the database name, keeping credentials and parameters', () => {
    const url = 'postgresql://ocs:s%40cret@db.internal:6543/ocs_prod?sslmode=require';
    expect(databaseNameOf(url)).toBe('ocs_prod');
    expect(withDatabaseName(url, 'postgres')).toBe(
      'postgresql://ocs:s%40cret@db.internal:6543/postgres?sslmode=require',
    );
    expect(databaseNameOf(withDatabaseName(url, 'odd name'))).toBe('odd name');
    expect(() => databaseNameOf('postgresql://db.internal')).toThrow('names no database');
  });

  it('masks the password in messages', () => {
    expect(redactDatabaseUrl('postgresql://ocs:secret@db:5432/ocs')).toBe('postgresql://ocs:***@db:5432/ocs');
    expect(redactDatabaseUrl('postgresql://postgres@127.0.0.1:5432/ocs')).toBe(
      'postgresql://postgres@127.0.0.1:5432/ocs',
    );
  });
});
