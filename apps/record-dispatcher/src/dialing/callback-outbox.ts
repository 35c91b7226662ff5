import { CallbackScheduled, type PayloadOf } from '@ocs/contracts';
import { type Bus } from '@ocs/messaging';
import type { Pool, PoolClient } from 'pg';

export interface OutboxLogger {
  warn(fields: object, message: string): void;
}

/** Events published per query; a longer backlog takes several. */
const BATCH = 100;

/**
 * CallbackScheduled, published after the commit of the RecordProcessed that finalized the callback.
 * The event is written in that transaction, so it exists exactly when the callback does; it is
 * published once the transaction has committed, so no record lock waits on NATS; and it is deleted
 * once JetStream has confirmed it. What a failed publication or a crash leaves behind is published
 * by a later flush (the retry timer, on any replica): JetStream drops a repeat inside its duplicate
 * window and callback-scheduler stores one callback per message id, so nothing is lost or doubled.
 */
export class CallbackOutbox {
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  /** A flush was asked for while one ran: events it did not read may wait. */
  private again = false;

  constructor(
    private readonly pool: Pool,
    private readonly bus: Pick<Bus, 'publish'>,
    private readonly logger: OutboxLogger,
    private readonly retryIntervalMs = 5_000,
  ) {}

  /** Writes the event in the caller's transaction, under its message id. */
  async add(client: PoolClient, id: string, data: PayloadOf<typeof CallbackScheduled>): Promise<void> {
    await client.query(
      `INSERT INTO callback_outbox (id, tenant_id, payload)
       SELECT $1, tenant_id, $3 FROM records WHERE record_id = $2`,
      [id, data.recordId, JSON.stringify(data)],
    );
  }

  /** Publishes every stored event, oldest first; never rejects (a failure waits for the timer). */
  flush(): Promise<void> {
    this.again = true;
    this.flushing ??= this.drain().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Flushes now (what a crash left) and then periodically (what a failed publication left). */
  start(): void {
    void this.flush();
    this.timer = setInterval(() => void this.flush(), this.retryIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.again) {
        this.again = false;
        if ((await this.publishBatch()) === BATCH) this.again = true;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Cannot publish CallbackScheduled yet; retrying later');
    }
  }

  private async publishBatch(): Promise<number> {
    const { rows } = await this.pool.query<{
      id: string;
      tenant: string;
      payload: PayloadOf<typeof CallbackScheduled>;
      createdAt: Date;
    }>(
      `SELECT o.id, t.name AS tenant, o.payload, o.created_at AS "createdAt"
         FROM callback_outbox o JOIN tenants t ON t.id = o.tenant_id
        ORDER BY o.created_at, o.id LIMIT $1`,
      [BATCH],
    );
    for (const row of rows) {
      await this.bus.publish(
        CallbackScheduled,
        row.payload,
        { tenant: row.tenant },
        { id: row.id, now: row.createdAt },
      );
      await this.pool.query('DELETE FROM callback_outbox WHERE id = $1', [row.id]);
    }
    return rows.length;
  }
}
