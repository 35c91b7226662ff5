import { Client } from 'pg';
import { withDatabaseName } from './database-url';

/**
 * Runs `action` on a connection to the `postgres` maintenance database of the server of
 * `serverUrl` (to create or drop databases), closing the connection afterwards.
 */
export async function onMaintenanceDatabase<T>(
  serverUrl: string,
  action: (admin: Client) => Promise<T>,
): Promise<T> {
  const admin = new Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await admin.connect();
  try {
    return await action(admin);
  } finally {
    await admin.end();
  }
}
