import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@ocs/messaging';
import type { Pool } from 'pg';
import { ServiceLifecycle } from './lifecycle';
import { PG_POOL } from './tokens';

/** A probe must answer before the orchestrator's own timeout, even when Postgres hangs. */
export const DATABASE_CHECK_TIMEOUT_MS = 1000;

export type CheckResult = { status: 'up' } | { status: 'down'; error: string };

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, CheckResult>;
}

/** Ready means: not shutting down, Postgres answers `SELECT 1`, and the NATS connection is up. */
@Injectable()
export class ReadinessProbe {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(Bus) private readonly bus: Bus,
    @Inject(ServiceLifecycle) private readonly lifecycle: ServiceLifecycle,
  ) {}

  async check(): Promise<ReadinessReport> {
    if (this.lifecycle.shuttingDown) {
      return { status: 'unavailable', checks: { lifecycle: { status: 'down', error: 'shutting down' } } };
    }
    const checks = { database: await this.checkDatabase(), bus: this.checkBus() };
    const ready = Object.values(checks).every((check) => check.status === 'up');
    return { status: ready ? 'ok' : 'unavailable', checks };
  }

  private async checkDatabase(): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${DATABASE_CHECK_TIMEOUT_MS} ms`)),
        DATABASE_CHECK_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.pool.query('SELECT 1'), timeout]);
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', error: describe(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  private checkBus(): CheckResult {
    return this.bus.isConnected() ? { status: 'up' } : { status: 'down', error: 'not connected to NATS' };
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(describe).join('; ');
  return error instanceof Error ? error.message || error.name : String(error);
}
