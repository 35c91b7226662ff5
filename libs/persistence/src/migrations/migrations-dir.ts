import path from 'node:path';

/**
 * The Prisma migrations directory: OCS_MIGRATIONS_DIR if set, otherwise `prisma/migrations` under
 * the working directory (the repository root, where the CLIs and services are started from).
 */
export function defaultMigrationsDir(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string {
  return path.resolve(cwd, env.OCS_MIGRATIONS_DIR?.trim() || path.join('prisma', 'migrations'));
}
