import { type StreamDefinition } from '@ocs/contracts';
import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Bus, connectBus, type ConnectBusOptions } from '../bus';
import { BusClient } from './bus-client';

export type MessagingModuleOptions = (
  | {
      /** A bus connected by the caller, who also closes it (e.g. shared with a BusTransport). */
      readonly bus: Bus;
    }
  | {
      /** Connect a bus owned by the module: drained when the application shuts down. */
      readonly connection: ConnectBusOptions;
    }
) & {
  /** Streams this service publishes to, created or updated at start-up. */
  readonly streams?: readonly StreamDefinition[];
};

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Provides {@link Bus} and {@link BusClient} to the whole application. */
@Module({})
export class MessagingModule implements OnModuleInit, OnApplicationShutdown {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: Bus, useFactory: () => ('bus' in options ? options.bus : connectBus(options.connection)) },
        BusClient,
      ],
      exports: [Bus, BusClient],
    };
  }

  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const stream of this.options.streams ?? []) await this.bus.ensureStream(stream);
  }

  // After the transports have closed (Nest closes them before the shutdown hooks run), so the
  // handlers they were waiting for could still publish.
  async onApplicationShutdown(): Promise<void> {
    if (!('bus' in this.options)) await this.bus.drain();
  }
}
