import {
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TelephonyStream } from '@ocs/contracts';
import { Bus } from '@ocs/messaging';
import { AgentBook } from '../agents/agent-book';
import { type AgentSettings, loadAgentSettings } from '../agents/agent-settings';
import { AgentsController } from '../agents/agents.controller';
import { SimulatedAgents } from '../agents/simulated-agents';
import { CallSimulator } from './call-simulator';
import { CallsController } from './calls.controller';
import { scaledClock, type SimClock } from './sim-clock';
import { loadTelephonySettings, type TelephonySettings } from './telephony-settings';

export const TELEPHONY_SETTINGS = Symbol('TELEPHONY_SETTINGS');
const AGENT_SETTINGS = Symbol('AGENT_SETTINGS');
const SIM_CLOCK = Symbol('SIM_CLOCK');

const logger = new Logger('CallSimulator');

/** The simulated switch: calls and agents, on one simulated clock. */
@Module({
  controllers: [CallsController, AgentsController],
  providers: [
    { provide: TELEPHONY_SETTINGS, useFactory: () => loadTelephonySettings() },
    { provide: AGENT_SETTINGS, useFactory: () => loadAgentSettings() },
    {
      provide: SIM_CLOCK,
      useFactory: (settings: TelephonySettings) => scaledClock(settings.timeScale),
      inject: [TELEPHONY_SETTINGS],
    },
    {
      provide: AgentBook,
      useFactory: (settings: AgentSettings, clock: SimClock, bus: Bus) =>
        new AgentBook(settings, clock, bus, { logger }),
      inject: [AGENT_SETTINGS, SIM_CLOCK, Bus],
    },
    {
      provide: SimulatedAgents,
      useFactory: (telephony: TelephonySettings, settings: AgentSettings, clock: SimClock, book: AgentBook) =>
        new SimulatedAgents({ ...settings, seed: telephony.seed }, clock, book),
      inject: [TELEPHONY_SETTINGS, AGENT_SETTINGS, SIM_CLOCK, AgentBook],
    },
    {
      provide: CallSimulator,
      useFactory: (
        settings: TelephonySettings,
        clock: SimClock,
        bus: Bus,
        book: AgentBook,
        agents: SimulatedAgents,
      ) =>
        new CallSimulator(settings, clock, bus, book, {
          logger,
          talkSeconds: (tenant, agent) => agents.talkSeconds(tenant, agent),
        }),
      inject: [TELEPHONY_SETTINGS, SIM_CLOCK, Bus, AgentBook, SimulatedAgents],
    },
  ],
})
export class CallsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(CallSimulator) private readonly simulator: CallSimulator,
    @Inject(AgentBook) private readonly book: AgentBook,
    @Inject(SimulatedAgents) private readonly agents: SimulatedAgents,
    @Inject(Bus) private readonly bus: Bus,
  ) {}

  /** The stream exists before the first call is dialed or agent logged in. */
  async onApplicationBootstrap(): Promise<void> {
    await this.bus.ensureStream(TelephonyStream);
    this.agents.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.agents.stop();
    await this.simulator.stop();
    await this.book.stop();
  }
}
