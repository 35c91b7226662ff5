import { randomUUID } from 'node:crypto';
import { type AgentDesktopContext } from '@ocs/contracts';

/** Close codes of the desktop endpoint (4000-4999 are the application's own). */
export const DesktopCloseCode = {
  /** The server is stopping; the desktop should reconnect (to another replica). */
  GoingAway: 1001,
  /** Configuration could not be read; the desktop may retry. */
  Unavailable: 1011,
  /** The token's agent, or the place, is not configured. */
  NotConfigured: 4404,
  /** Another login of the same agent took over. */
  Replaced: 4409,
} as const;

/** What the sessions registry needs of a socket. */
export interface DesktopSocket {
  send(data: string): void;
  close(code: number, reason: string): void;
  readonly readyState: number;
}

const OPEN = 1;

/** One logged-in agent desktop. */
export class DesktopSession {
  readonly id = randomUUID();
  /** Login time, also announced to the other replicas. */
  readonly openedAt = new Date();

  constructor(
    readonly tenant: string,
    readonly loginId: string,
    readonly place: string,
    readonly context: AgentDesktopContext,
    private readonly socket: DesktopSocket,
  ) {}

  get key(): string {
    return sessionKey(this.tenant, this.loginId);
  }

  isMemberOf(tenant: string, agentGroupDbid: number): boolean {
    return tenant === this.tenant && this.context.agentGroups.some((group) => group.dbid === agentGroupDbid);
  }

  send(data: Readonly<Record<string, unknown>>): void {
    if (this.socket.readyState === OPEN) this.socket.send(JSON.stringify(data));
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }
}

function sessionKey(tenant: string, loginId: string): string {
  return JSON.stringify([tenant, loginId]);
}

/** The live desktop sessions of this process: one per agent. */
export class DesktopSessions {
  private readonly byAgent = new Map<string, DesktopSession>();

  /** Registers `session`, returning the session of the same agent it replaces, if any. */
  add(session: DesktopSession): DesktopSession | undefined {
    const previous = this.byAgent.get(session.key);
    this.byAgent.set(session.key, session);
    return previous === session ? undefined : previous;
  }

  /** Forgets `session` unless a newer login of its agent already replaced it. */
  remove(session: DesktopSession): void {
    if (this.byAgent.get(session.key) === session) this.byAgent.delete(session.key);
  }

  /**
   * The session of the agent that another login, elsewhere, supersedes: the one open here if it
   * is older than that login (ties go to the larger session id, so exactly one of two survives).
   */
  supersededBy(
    tenant: string,
    loginId: string,
    sessionId: string,
    openedAt: Date,
  ): DesktopSession | undefined {
    const local = this.byAgent.get(sessionKey(tenant, loginId));
    if (!local || local.id === sessionId) return undefined;
    const localTime = local.openedAt.getTime();
    const newer =
      openedAt.getTime() > localTime || (openedAt.getTime() === localTime && sessionId > local.id);
    return newer ? local : undefined;
  }

  membersOf(tenant: string, agentGroupDbid: number): DesktopSession[] {
    return [...this.byAgent.values()].filter((session) => session.isMemberOf(tenant, agentGroupDbid));
  }

  all(): DesktopSession[] {
    return [...this.byAgent.values()];
  }

  get size(): number {
    return this.byAgent.size;
  }
}
