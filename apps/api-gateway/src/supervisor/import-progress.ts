import { type PayloadOf, RecordImportProgressed } from '@ocs/contracts';
import { type Bus, type BusSubscription } from '@ocs/messaging';
import { type ImportProgress } from './import-tally';
import { type SupervisorEvents } from './supervisor-events';

/** Rejected rows sent with each progress report while the file is read; the final one lists them all. */
export const LIVE_REJECTS = 50;

export interface ProgressLogger {
  warn(message: string): void;
}

/** A progress report as it travels: a running import lists only its first {@link LIVE_REJECTS} rejected rows. */
export function progressReport(progress: ImportProgress): PayloadOf<typeof RecordImportProgressed> {
  const rejectedRows =
    progress.state === 'running' ? progress.rejectedRows.slice(0, LIVE_REJECTS) : progress.rejectedRows;
  return { ...progress, rejectedRows: [...rejectedRows] };
}

/**
 * Import progress for the consoles of every gateway replica. An upload reaches one replica while
 * the tenant's consoles may be open on any: the replica reading the file publishes each report as
 * {@link RecordImportProgressed}, and every replica (this one too) follows them and sends them to
 * its consoles of the report's tenant. When the bus refuses a report, this replica's consoles still
 * get it.
 */
export class ImportProgressFeed {
  private subscription?: BusSubscription;

  constructor(
    private readonly bus: Pick<Bus, 'publish' | 'follow'>,
    private readonly events: Pick<SupervisorEvents, 'send'>,
    private readonly logger: ProgressLogger,
  ) {}

  async start(): Promise<void> {
    this.subscription = await this.bus.follow(RecordImportProgressed, ({ tenant, data }) =>
      this.events.send(tenant, { event: 'import', data }),
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /**
   * The progress reporter of one import of `tenant`: each report is published once the one before
   * is stored, so that consoles see them in order. `settled` resolves when every report so far is
   * published or delivered here.
   */
  reporter(tenant: string): { report: (progress: ImportProgress) => void; settled: () => Promise<void> } {
    let last: Promise<void> = Promise.resolve();
    return {
      report: (progress) => {
        const data = progressReport(progress);
        last = last
          .then(() => this.publish(tenant, data))
          .catch((error: unknown) =>
            this.logger.warn(`Progress of import ${data.importId} not delivered: ${String(error)}`),
          );
      },
      settled: () => last,
    };
  }

  private async publish(tenant: string, data: PayloadOf<typeof RecordImportProgressed>): Promise<void> {
    try {
      await this.bus.publish(RecordImportProgressed, data, { tenant });
    } catch (error) {
      this.logger.warn(
        `Cannot publish the progress of import ${data.importId} to other replicas (${error instanceof Error ? error.message : String(error)}); sending it to this replica's consoles only`,
      );
      this.events.send(tenant, { event: 'import', data });
    }
  }
}
