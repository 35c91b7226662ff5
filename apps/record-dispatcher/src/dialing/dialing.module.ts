import { Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@ocs/messaging';
import { PG_POOL } from '@ocs/service-kit';
import type { Pool } from 'pg';
import { CallbackOutbox } from './callback-outbox';
import { AutomaticDialingController } from './automatic-dialing.controller';
import { CallbacksController } from './callbacks.controller';
import { DEFAULT_CALL_CONTRACTS, DialedCalls } from './dialed-calls';
import { DialedCallStore } from './dialed-call-store';
import { DesktopRecordStore } from './desktop-record-store';
import { DesktopRequests } from './desktop-requests';
import { DialingCommandsController } from './dialing-commands.controller';
import { DialingSessionEventsController } from './dialing-session-events.controller';
import { DialingSessions, DEFAULT_DIALING_CONTRACTS } from './dialing-sessions';
import { type DialingSettings, loadDialingSettings } from './dialing-settings';
import { DncScreen } from './dnc-screen';
import { SessionStore } from './session-store';

export const DIALING_SETTINGS = Symbol('DIALING_SETTINGS');

const logger = new Logger('DialingSessions');

@Module({
  controllers: [
    DialingSessionEventsController,
    DialingCommandsController,
    CallbacksController,
    AutomaticDialingController,
  ],
  providers: [
    { provide: DIALING_SETTINGS, useFactory: () => loadDialingSettings() },
    { provide: SessionStore, useFactory: (pool: Pool) => new SessionStore(pool), inject: [PG_POOL] },
    {
      provide: DialingSessions,
      useFactory: (store: SessionStore, bus: Bus, settings: DialingSettings, pool: Pool) =>
        // NestJsonLogger takes the pino-style (fields, message) calls DialingLogger makes.
        new DialingSessions(
          store,
          bus,
          settings,
          DEFAULT_DIALING_CONTRACTS,
          logger,
          settings.dncScreening === 'off' ? undefined : new DncScreen(pool, bus, undefined, logger),
        ),
      inject: [SessionStore, Bus, DIALING_SETTINGS, PG_POOL],
    },
    {
      provide: DesktopRequests,
      useFactory: (
        sessions: DialingSessions,
        store: SessionStore,
        pool: Pool,
        settings: DialingSettings,
        outbox: CallbackOutbox,
      ) => new DesktopRequests(sessions, store, new DesktopRecordStore(pool), settings.clock, outbox),
      inject: [DialingSessions, SessionStore, PG_POOL, DIALING_SETTINGS, CallbackOutbox],
    },
    {
      provide: DialedCalls,
      useFactory: (
        sessions: DialingSessions,
        store: SessionStore,
        pool: Pool,
        requests: DesktopRequests,
        bus: Bus,
        settings: DialingSettings,
      ) =>
        new DialedCalls(
          sessions,
          store,
          new DialedCallStore(pool),
          new DesktopRecordStore(pool),
          requests,
          bus,
          settings,
          DEFAULT_CALL_CONTRACTS,
          new Logger(DialedCalls.name),
        ),
      inject: [DialingSessions, SessionStore, PG_POOL, DesktopRequests, Bus, DIALING_SETTINGS],
    },
    {
      provide: CallbackOutbox,
      useFactory: (pool: Pool, bus: Bus) => new CallbackOutbox(pool, bus, new Logger(CallbackOutbox.name)),
      inject: [PG_POOL, Bus],
    },
  ],
  exports: [DialingSessions],
})
export class DialingModule implements OnModuleInit, OnApplicationShutdown {
  private silentCallSweep?: NodeJS.Timeout;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(
    @Inject(DialingSessions) private readonly sessions: DialingSessions,
    @Inject(DialedCalls) private readonly calls: DialedCalls,
    @Inject(DIALING_SETTINGS) private readonly settings: DialingSettings,
  ) {}

  /**
   * Takes over the sessions Postgres holds before any new event is consumed, then sweeps their
   * silent calls (DialedCalls.settleSilentCalls) a few times per check period.
   */
  async onModuleInit(): Promise<void> {
    const rebuilt = await this.sessions.rebuild();
    if (rebuilt > 0) logger.log(`Rebuilt ${rebuilt} dialing session(s) from Postgres`);
    const periodMs = Math.max(1_000, Math.min(15_000, this.settings.calls.silentCallCheckSeconds * 250));
    let running = false;
    this.silentCallSweep = setInterval(() => {
      // A slow sweep is not overtaken by the next one.
      if (running) return;
      running = true;
      this.sweeping = this.calls
        .settleSilentCalls(this.sessions.sessionIds())
        .then(
          () => undefined,
          (error: unknown) => logger.error({ err: error }, 'Could not settle silent calls'),
        )
        .finally(() => {
          running = false;
        });
    }, periodMs);
    this.silentCallSweep.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.silentCallSweep);
    await this.sweeping;
    await this.sessions.stop();
  }
}
