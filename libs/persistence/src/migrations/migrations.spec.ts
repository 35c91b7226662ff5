import path from 'node:path';
import { migrationChecksum } from './migration-files';
import { defaultMigrationsDir } from './migrations-dir';

describe('migrations', () => {
  it('checksums a script as Prisma does: SHA-256 of its UTF-8 text in lower-case hex', () => {
    expect(migrationChecksum('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(migrationChecksum('SELECT 1;\n')).toMatch(/^[0-9a-f]{64}$/);
    expect(migrationChecksum('SELECT 1;\r\n')).not.toBe(migrationChecksum('SELECT 1;\n'));
  });

  it('finds prisma/migrations under the working directory unless OCS_MIGRATIONS_DIR says otherwise', () => {
    expect(defaultMigrationsDir({}, '/srv/ocs')).toBe(path.resolve('/srv/ocs/prisma/migrations'));
    expect(defaultMigrationsDir({ OCS_MIGRATIONS_DIR: 'db/sql' }, '/srv/ocs')).toBe(
      path.resolve('/srv/ocs/db/sql'),
    );
    expect(defaultMigrationsDir({ OCS_MIGRATIONS_DIR: '/opt/migrations' }, '/srv/ocs')).toBe(
      '/opt/migrations',
    );
  });
});
