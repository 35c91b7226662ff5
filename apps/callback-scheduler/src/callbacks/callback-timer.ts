import { CallbackDue, ResolveCallback } from '@ocs/contracts';
import { type Bus } from '@ocs/messaging';
import type { PoolClient } from 'pg';
import { type CallbackSettings } from './callback-settings';
import { type CallbackStore, type DueCallback } from './callback-store';

const RESOLVE_TIMEOUT_MS = 5_000;

export interface TimerLogger {
  error(fields: object, message: string): void;
}

/**
 * Fires due callbacks by polling Postgres. A due callback is first offered to the desktops
 * (CallbackDue, which the gateway replica of a suitable agent delivers as ScheduledCall); once the
 * offer is older than the offer timeout, record-dispatcher says what became of it (delivered, or
 * missed and marked 47/48 Missed CallBack, or gone). Every step runs in the transaction that holds
 * the callback's row lock, so replicas never handle one callback at once and a crash repeats a
 * step rather than losing it; a repeated offer has the same message id and the dispatcher delivers
 * a record once, so a desktop never gets a callback twice.
 */
export class CallbackTimer {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly store: CallbackStore,
    private readonly bus: Pick<Bus, 'publish' | 'request'>,
    private readonly settings: CallbackSettings,
    private readonly logger: TimerLogger,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      // A slow tick is not overlapped by the next one.
      this.running ??= this.tick()
        .catch((error: unknown) => this.logger.error({ err: error }, 'Cannot fire due callbacks'))
        .finally(() => (this.running = undefined));
    }, this.settings.pollIntervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Handles every callback due now, a batch per transaction. */
  async tick(): Promise<void> {
    for (;;) {
      const now = this.settings.clock();
      const offeredBefore = new Date(now.getTime() - this.settings.offerTimeoutMs);
      let failed = 0;
      const handled = await this.store.withDue(
        now,
        offeredBefore,
        this.settings.batchSize,
        async (client, due) => {
          for (const callback of due) {
            // One callback that cannot be handled now (the bus or record-dispatcher not answering)
            // stays as it is for the next tick and does not hold up the others.
            await this.fire(client, callback, now).catch((error: unknown) => {
              failed++;
              this.logger.error({ err: error, callbackId: callback.id }, 'Cannot handle a due callback yet');
            });
          }
        },
      );
      if (handled < this.settings.batchSize || failed > 0) return;
    }
  }

  private async fire(client: PoolClient, callback: DueCallback, now: Date): Promise<void> {
    if (callback.dialer) {
      // predictive_callback: the record is Ready and due; the dialer calls it like any other.
      await this.store.setStatus(client, callback.id, 'delivered');
    } else if (!callback.offered) {
      // Published while the callback's row is locked (only its own row: no record waits), and
      // marked offered only once JetStream has it: a failure or crash leaves it to be offered again
      // under the same message id, which JetStream drops inside its duplicate window.
      await this.bus.publish(
        CallbackDue,
        {
          callbackId: callback.id,
          recordId: callback.recordId,
          campaignGroupDbid: callback.campaignGroupDbid,
          callbackType: callback.type,
          agentId: callback.agentId,
          dueAt: callback.dueAt,
        },
        { tenant: callback.tenant },
        { id: `callback-due-${callback.id}` },
      );
      await this.store.markOffered(client, callback.id, now);
    } else {
      const { outcome } = await this.bus.request(
        ResolveCallback,
        { recordId: callback.recordId, dueAt: callback.dueAt, callbackType: callback.type },
        { tenant: callback.tenant },
        { timeoutMs: RESOLVE_TIMEOUT_MS },
      );
      await this.store.setStatus(client, callback.id, outcome === 'gone' ? 'cancelled' : outcome);
    }
  }
}
