import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { CampaignGroupStatusChanged, CampaignGroupStream } from '@ocs/contracts';
import { Bus } from '@ocs/messaging';
import { CampaignGroupSessionRepository } from './campaign-group-session.repository';

/** How often events whose publication failed are tried again. */
export const REPUBLISH_INTERVAL_MS = 5_000;

/**
 * Publishes the status-changed events a change stored with it. Events go out oldest first under
 * their stored ids, so a repeated publication (another operation's flush, the periodic retry, a
 * restart after a crash) is dropped by JetStream's duplicate window and the stream keeps the
 * order of the changes.
 */
@Injectable()
export class CampaignGroupEvents implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CampaignGroupEvents.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(CampaignGroupSessionRepository) private readonly sessions: CampaignGroupSessionRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.ensureStream(CampaignGroupStream);
  }

  /** Sends what a previous run committed but could not confirm, then keeps retrying failures. */
  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    }, REPUBLISH_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Publishes the session's pending events in order and forgets the confirmed ones. */
  async flush(sessionId: string): Promise<void> {
    const confirmed: string[] = [];
    try {
      for (const event of await this.sessions.pendingEvents(sessionId)) {
        await this.bus.publish(CampaignGroupStatusChanged, event.data, event.origin, {
          id: event.id,
          now: new Date(event.occurredAt),
        });
        confirmed.push(event.id);
      }
    } finally {
      if (confirmed.length > 0) await this.sessions.confirm(sessionId, confirmed);
    }
  }

  private async sweep(): Promise<void> {
    try {
      for (const sessionId of await this.sessions.sessionsWithPendingEvents()) {
        await this.flush(sessionId).catch((error: unknown) =>
          this.logger.error({ err: error, sessionId }, 'Cannot publish pending campaign group events'),
        );
      }
    } catch (error) {
      this.logger.error({ err: error }, 'Cannot look for pending campaign group events');
    }
  }
}
