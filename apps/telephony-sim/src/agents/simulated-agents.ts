import {
  type AgentCallPlan,
  planAgentCall,
  type RequestableAgentState,
  type SeededRandom,
  seededRandom,
  seedOf,
} from '@ocs/domain';
import { type SimClock } from '../calls/sim-clock';
import { type AgentBook, type AgentChange, type CallAgent } from './agent-book';
import { type AgentSettings } from './agent-settings';

interface SimulatedAgent {
  readonly agent: CallAgent;
  readonly random: SeededRandom;
  /** The agent's last change, so a pending step is dropped once anything else changed him. */
  seq: number;
  /** The call holding the agent: drawn when it seizes him; `talked` once it is bridged. */
  call?: { readonly plan: AgentCallPlan; talked: boolean };
  cancelNext?: () => void;
}

/**
 * The telephony side of the simulated agents: each logs in ready at start, talks for his own talk
 * time on every call bridged to him (then the call is released), wraps up in after-call work, now
 * and then takes a break (not ready), and makes himself ready again, all on the simulator's clock.
 * Each draws from a generator seeded with the run's seed and his login id. The desktop side (the
 * records, RecordProcessed) is not here: a desktop client works it through the gateway.
 */
export class SimulatedAgents {
  private readonly agents = new Map<string, SimulatedAgent>();

  constructor(
    private readonly settings: AgentSettings & { readonly seed: string },
    private readonly clock: SimClock,
    private readonly book: AgentBook,
  ) {
    for (const agent of settings.simulated.agents)
      this.agents.set(agent.loginId, {
        agent,
        random: seededRandom(seedOf(`${settings.seed}:agent:${agent.loginId}`)),
        seq: 0,
      });
    book.onChange((change, tenant) => this.changed(change, tenant));
  }

  /** Logs every simulated agent in, ready. */
  start(): void {
    for (const { agent } of this.agents.values()) this.request(agent, 'ready');
  }

  /** How long a simulated agent talks on the call just bridged to him; undefined for other agents. */
  talkSeconds(tenant: string, agent: CallAgent): number | undefined {
    const call = this.find(tenant, agent)?.call;
    if (!call) return undefined;
    call.talked = true;
    return call.plan.talkSeconds;
  }

  stop(): void {
    for (const simulated of this.agents.values()) simulated.cancelNext?.();
  }

  private changed(change: AgentChange, tenant: string): void {
    const simulated = this.find(tenant, change.agent);
    if (!simulated) return;
    simulated.seq = change.seq;
    if (change.state === 'busy' && change.previous !== 'busy')
      simulated.call = { plan: planAgentCall(this.settings.model, simulated.random), talked: false };
    if (change.previous !== 'busy' || change.state === 'busy') return;
    const { call } = simulated;
    simulated.call = undefined;
    // After a conversation the agent wraps up, unless he was asked for another state meanwhile.
    if (!call?.talked) return;
    // A switch without after-call work leaves him ready: he wraps up all the same.
    if (change.state === 'ready') this.request(simulated.agent, 'after-call-work');
    if (change.state === 'ready' || change.state === 'after-call-work') this.wrapUp(simulated, call.plan);
  }

  private wrapUp(simulated: SimulatedAgent, plan: AgentCallPlan): void {
    this.next(simulated, plan.wrapSeconds, () => {
      if (plan.breakSeconds === 0) return this.request(simulated.agent, 'ready');
      this.request(simulated.agent, 'not-ready', 'break');
      this.next(simulated, plan.breakSeconds, () => this.request(simulated.agent, 'ready'));
    });
  }

  /** Runs `step` after `seconds` if nothing has changed the agent by then (the auto-ready timer). */
  private next(simulated: SimulatedAgent, seconds: number, step: () => void): void {
    const { seq } = simulated;
    simulated.cancelNext?.();
    simulated.cancelNext = this.clock.at(this.clock.now() + seconds * 1000, () => {
      simulated.cancelNext = undefined;
      if (simulated.seq === seq) step();
    });
  }

  private request(agent: CallAgent, state: RequestableAgentState, reason?: string): void {
    this.book.set({ tenant: this.settings.simulated.tenant }, { agent, state, reason });
  }

  private find(tenant: string, agent: CallAgent): SimulatedAgent | undefined {
    const simulated = this.agents.get(agent.loginId);
    const same = tenant === this.settings.simulated.tenant && simulated?.agent.place === agent.place;
    return same ? simulated : undefined;
  }
}
