import {
  type AgentStateChanged,
  type Envelope,
  type PayloadOf,
  type ReplyOf,
  SetAgentState,
  TelephonyErrorCode,
} from '@ocs/contracts';
import {
  agentStateAcknowledge,
  agentStateChanged,
  agentStateError,
  AgentStateErrorCode,
  type AttachedData,
  InvalidRequestReason,
  readAgentStateRequest,
} from '@ocs/desktop-protocol';
import { type AgentState, type RequestableAgentState } from '@ocs/domain';
import { type BusClient, BusRemoteError } from '@ocs/messaging';
import { type DesktopSession, type DesktopSessions } from './desktop-sessions';

/** The telephony layer answers at once; a slow one must not hold a desktop's request up long. */
const TELEPHONY_TIMEOUT_MS = 3_000;

/** Reason given to the telephony layer when a desktop's socket drops. */
export const DESKTOP_DISCONNECTED_REASON = 'desktop-disconnected';
/** Reason given when the agent asks for Smart Logout: no more calls while records are finished. */
export const LOGOUT_REQUESTED_REASON = 'logout-requested';

export interface DesktopAgentStatesDeps {
  readonly client: Pick<BusClient, 'request'>;
  readonly warn: (details: object, message: string) => void;
}

type AgentStatus = Pick<ReplyOf<typeof SetAgentState>, 'state' | 'seq' | 'afterCall' | 'reason'> & {
  readonly previous?: AgentState;
};

/** Where the telephony layer knows the agent: login id and the configured place's name. */
export function telephonyAgentOf(session: DesktopSession): { loginId: string; place: string } {
  return { loginId: session.loginId, place: session.context.place?.name ?? session.place };
}

/**
 * The desktop's agent in the telephony layer, which owns agent states (SetAgentState, as T-Server
 * in Genesys): logged in not ready at the desktop login, ready / not ready / after-call work /
 * logged out on the desktop's OCS_AGENT_STATE requests, not ready when the desktop drops (no call
 * should reach an agent without his desktop), logged out when it is gone for good. Every change
 * of the agent's state (AgentStateChanged, also those calls cause) goes to the desktop.
 */
export class DesktopAgentStates {
  /** The `seq` of the last state sent to each desktop: a login's own change is reported once. */
  private readonly reported = new WeakMap<DesktopSession, number>();

  constructor(private readonly deps: DesktopAgentStatesDeps) {}

  /** Desktop login: the agent is logged in to the telephony layer, not ready, and told so. */
  async logIn(session: DesktopSession): Promise<void> {
    const status = await this.change(session, 'not-ready');
    if (status) this.report(session, status);
  }

  /** Leaves the agent not ready (`reason`), e.g. for a dropped desktop or a Smart Logout. */
  async pause(session: DesktopSession, reason: string): Promise<void> {
    await this.change(session, 'not-ready', reason);
  }

  /** The desktop is gone for good (or its agent finished Smart Logout): logged out of telephony. */
  async logOut(session: DesktopSession): Promise<void> {
    await this.change(session, 'logged-out');
  }

  /** An OCS_AGENT_STATE request: AgentStateAcknowledge with the state after it, or AgentStateError. */
  async answer(session: DesktopSession, data: AttachedData): Promise<void> {
    const read = readAgentStateRequest(data);
    if (!read.ok) {
      session.send(read.error);
      return;
    }
    const { state, reason, referenceId } = read.request;
    // Smart Logout took the agent out of the prediction: ready again, he could be bridged a call.
    if (state === 'ready' && session.loggingOut) {
      session.send(
        agentStateError(
          AgentStateErrorCode.InvalidRequest,
          InvalidRequestReason.AgentSmartlyLoggedOut,
          referenceId,
        ),
      );
      return;
    }
    try {
      const status = await this.request(session, state, reason);
      session.send(agentStateAcknowledge(status, referenceId));
    } catch (error) {
      const { code, description } = failureOf(error);
      session.send(agentStateError(code, description, referenceId));
    }
  }

  /** AgentStateChanged, on every replica: to the agent's desktop if it is connected here. */
  onChange(sessions: DesktopSessions, { tenant, data }: Envelope<PayloadOf<typeof AgentStateChanged>>): void {
    const session = sessions.find(tenant, data.agent.loginId);
    if (session) this.report(session, data);
  }

  private report(session: DesktopSession, status: AgentStatus): void {
    if (this.reported.get(session) === status.seq) return;
    this.reported.set(session, status.seq);
    session.send(agentStateChanged(status));
  }

  /** A change the gateway makes on its own: failures (no telephony layer in a preview-only system) are logged. */
  private async change(
    session: DesktopSession,
    state: RequestableAgentState,
    reason?: string,
  ): Promise<AgentStatus | undefined> {
    try {
      return await this.request(session, state, reason);
    } catch (error) {
      this.deps.warn(
        { err: error, agent: session.loginId, state },
        'Cannot change the telephony state of a desktop agent',
      );
      return undefined;
    }
  }

  private request(
    session: DesktopSession,
    state: RequestableAgentState,
    reason?: string,
  ): Promise<ReplyOf<typeof SetAgentState>> {
    return this.deps.client.request(
      SetAgentState,
      { agent: telephonyAgentOf(session), state, ...(reason === undefined ? {} : { reason }) },
      { tenant: session.tenant },
      { timeoutMs: TELEPHONY_TIMEOUT_MS },
    );
  }
}

const TELEPHONY_CODES: ReadonlySet<string> = new Set(Object.values(TelephonyErrorCode));

function failureOf(error: unknown): { code: string; description: string } {
  if (error instanceof BusRemoteError && TELEPHONY_CODES.has(error.code))
    return { code: error.code, description: error.message };
  return {
    code: AgentStateErrorCode.TelephonyUnavailable,
    description: 'The telephony layer did not answer; retry later',
  };
}
