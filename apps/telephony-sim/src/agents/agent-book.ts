import {
  AgentStateChanged,
  type agentStatusSchema,
  type MessageOrigin,
  type PayloadOf,
  type RequestOf,
  type ReplyOf,
  type SetAgentState,
  TelephonyErrorCode,
} from '@ocs/contracts';
import {
  type AgentStatus,
  LOGGED_OUT,
  releasedStatus,
  requestedStatus,
  sameStatus,
  seizedStatus,
} from '@ocs/domain';
import { type Bus, CommandError } from '@ocs/messaging';
import { type z } from 'zod';
import { type SimClock } from '../calls/sim-clock';

export type CallAgent = RequestOf<typeof SetAgentState>['agent'];
export type AgentChange = PayloadOf<typeof AgentStateChanged>;
type AgentView = z.infer<typeof agentStatusSchema>;

interface AgentEntry {
  readonly tenant: string;
  agent: CallAgent;
  status: AgentStatus;
  /** Simulated time the agent entered his state. */
  since: number;
  seq: number;
  cancelAutoReady?: () => void;
}

export interface AgentBookSettings {
  /**
   * After-call work once a conversation ends: undefined keeps the agent in it until he asks for
   * another state, 0 skips it (ready at once), otherwise the switch makes him ready after that long.
   */
  readonly autoReadySeconds?: number;
}

export interface AgentBookOptions {
  readonly event?: typeof AgentStateChanged;
  readonly logger?: { warn(fields: object, message: string): void };
}

/**
 * The switch's agents, in memory (one replica, like the calls): their states by request, the
 * seizing and freeing of agents by calls, the auto-ready timer, each change published in order as
 * AgentStateChanged. Agents are known from their first login, per tenant, by login id.
 */
export class AgentBook {
  private readonly agents = new Map<string, AgentEntry>();
  private readonly listeners: ((change: AgentChange, tenant: string) => void)[] = [];
  private readonly event: typeof AgentStateChanged;
  private published = Promise.resolve();

  constructor(
    private readonly settings: AgentBookSettings,
    private readonly clock: SimClock,
    private readonly bus: Pick<Bus, 'publish'>,
    private readonly options: AgentBookOptions = {},
  ) {
    this.event = options.event ?? AgentStateChanged;
  }

  /** Calls `listener` on every change, as it is made (the simulated agents react to their calls). */
  onChange(listener: (change: AgentChange, tenant: string) => void): void {
    this.listeners.push(listener);
  }

  set(origin: MessageOrigin, request: RequestOf<typeof SetAgentState>): ReplyOf<typeof SetAgentState> {
    const { agent, state, reason } = request;
    const key = keyOf(origin.tenant, agent);
    const known = this.agents.get(key);
    if (known && known.status.state !== 'logged-out' && known.agent.place !== agent.place)
      throw new CommandError(
        TelephonyErrorCode.AgentLoggedInElsewhere,
        `Agent ${agent.loginId} is logged in at ${known.agent.place}`,
      );
    const entry = known ?? {
      tenant: origin.tenant,
      agent,
      status: LOGGED_OUT,
      since: this.clock.now(),
      seq: 0,
    };
    const next = requestedStatus(entry.status, state, reason);
    const changed = !sameStatus(entry.status, next);
    if (changed) {
      // A login at another place moves the agent there.
      entry.agent = agent;
      this.agents.set(key, entry);
      this.change(entry, next, origin);
    }
    return { ...viewOf(entry), changed };
  }

  /** Every agent of `tenant` the switch has seen log in, by login id. */
  list(tenant: string): AgentView[] {
    return [...this.agents.values()]
      .filter((entry) => entry.tenant === tenant)
      .sort((a, b) => a.agent.loginId.localeCompare(b.agent.loginId))
      .map(viewOf);
  }

  isReady(tenant: string, agent: CallAgent): boolean {
    const entry = this.agents.get(keyOf(tenant, agent));
    return entry?.agent.place === agent.place && entry.status.state === 'ready';
  }

  /** The call `callId` seizes the agent (busy); AGENT_NOT_FOUND / AGENT_NOT_READY otherwise. */
  seize(origin: MessageOrigin, agent: CallAgent, callId: string): void {
    const entry = this.agents.get(keyOf(origin.tenant, agent));
    if (entry?.agent.place !== agent.place)
      throw new CommandError(
        TelephonyErrorCode.AgentNotFound,
        `Agent ${agent.loginId} is not logged in at ${agent.place}`,
      );
    const next = seizedStatus(entry.status, callId);
    if (!next)
      throw new CommandError(
        TelephonyErrorCode.AgentNotReady,
        `Agent ${agent.loginId} is ${entry.status.state}, not ready`,
      );
    this.change(entry, next, origin);
  }

  /**
   * The agent dials `callId` himself (DialManualCall): he is on it from the dial whatever his state,
   * unless logged out or elsewhere (AGENT_NOT_FOUND) or on a call already (AGENT_BUSY).
   */
  dial(origin: MessageOrigin, agent: CallAgent, callId: string): void {
    const entry = this.agents.get(keyOf(origin.tenant, agent));
    if (entry?.agent.place !== agent.place || entry.status.state === 'logged-out')
      throw new CommandError(
        TelephonyErrorCode.AgentNotFound,
        `Agent ${agent.loginId} is not logged in at ${agent.place}`,
      );
    const next = manualCallStatus(entry.status, callId);
    if (!next)
      throw new CommandError(TelephonyErrorCode.AgentBusy, `Agent ${agent.loginId} is on a call already`);
    this.change(entry, next, origin);
  }

  /** The call `callId` has ended: its agent goes to after-call work, ready, or what he asked for. */
  free(origin: MessageOrigin, agent: CallAgent, callId: string, conversation: boolean): void {
    const entry = this.agents.get(keyOf(origin.tenant, agent));
    if (!entry) return;
    const afterCallWork = this.settings.autoReadySeconds !== 0;
    const next = releasedStatus(entry.status, callId, { conversation, afterCallWork });
    if (!sameStatus(entry.status, next)) this.change(entry, next, origin);
  }

  /** Stops the timers and waits for pending events. */
  async stop(): Promise<void> {
    for (const entry of this.agents.values()) entry.cancelAutoReady?.();
    await this.published;
  }

  private change(entry: AgentEntry, next: AgentStatus, origin: MessageOrigin): void {
    entry.cancelAutoReady?.();
    entry.cancelAutoReady = undefined;
    const previous = entry.status.state;
    entry.status = next;
    entry.since = this.clock.now();
    entry.seq += 1;
    const { since: _since, ...view } = viewOf(entry);
    const change: AgentChange = { ...view, previous, at: new Date(entry.since).toISOString() };
    this.published = this.published
      .then(() => this.bus.publish(this.event, change, origin))
      .then(
        () => undefined,
        (error: unknown) =>
          this.options.logger?.warn(
            { err: error, agent: entry.agent, state: next.state },
            'AgentStateChanged not published',
          ),
      );
    this.scheduleAutoReady(entry);
    for (const listener of this.listeners) listener(change, entry.tenant);
  }

  /** Only the after-call work of a call ends by the timer; one asked for lasts until changed. */
  private scheduleAutoReady(entry: AgentEntry): void {
    const seconds = this.settings.autoReadySeconds;
    if (entry.status.state !== 'after-call-work' || !entry.status.callId || !seconds) return;
    entry.cancelAutoReady = this.clock.at(entry.since + seconds * 1000, () => {
      entry.cancelAutoReady = undefined;
      this.change(entry, { state: 'ready' }, { tenant: entry.tenant });
    });
  }
}

/**
 * The status of an agent who dials a call himself; undefined when he is on a call already. Agents
 * dial while not ready (a switch lets them): the call makes them busy, and not ready, with the same
 * reason, once it ends, as if they had asked for it during the call. Pure.
 */
export function manualCallStatus(current: AgentStatus, callId: string): AgentStatus | undefined {
  if (current.state === 'busy' || current.state === 'logged-out') return undefined;
  if (current.state === 'not-ready')
    return {
      state: 'busy',
      callId,
      afterCall: 'not-ready',
      ...(current.reason ? { reason: current.reason } : {}),
    };
  return { state: 'busy', callId };
}

function keyOf(tenant: string, agent: CallAgent): string {
  return `${tenant}\u0000${agent.loginId}`;
}

function viewOf(entry: AgentEntry): AgentView {
  return { agent: entry.agent, ...entry.status, seq: entry.seq, since: new Date(entry.since).toISOString() };
}
