import { randomUUID } from 'node:crypto';
import { type AgentDesktopContext } from '@ocs/contracts';
import { type CampaignGroupContext, type DesktopCall, type SendableField } from '@ocs/desktop-protocol';

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

/** A record on the agent's desktop, as the gateway remembers it to route and answer requests on it. */
export interface DeskRecord {
  readonly handle: number;
  readonly campaignGroupDbid: number;
  readonly group: CampaignGroupContext;
  readonly campaignName: string;
  readonly callingListName: string;
  readonly fields: readonly SendableField[];
  readonly chainId: number;
  /** The handle whose ChainedRecordRequest brought this record; undefined for a previewed one. */
  readonly chainOf?: number;
  /** The dialed call that brought the record (automatic modes): ReadyTime is about such records. */
  readonly callId?: string;
  dailyFrom: number;
  dailyTill: number;
  /** A ReadyTime was acknowledged for the record: a second one is error 120. */
  readyTimeHinted?: boolean;
}

/**
 * What the desktop of an agent holds: records by handle, preview sessions by campaign group, and
 * the dialed calls bridged to the agent until they end (a record may be processed before its call).
 */
export class Desk {
  readonly records = new Map<number, DeskRecord>();
  /** Calls established with the agent, by call id, until EventReleased. */
  readonly calls = new Map<string, DesktopCall>();
  /** Campaign groups (DBIDs) the agent started Preview dialing mode for. */
  readonly previewStarted = new Set<number>();

  add(record: DeskRecord): void {
    this.records.set(record.handle, record);
  }

  /** Forgets a handle and the records its chain request brought, as the dispatcher ends them. */
  end(handle: number): void {
    this.records.delete(handle);
    for (const record of this.records.values()) {
      if (record.chainOf === handle) this.records.delete(record.handle);
    }
  }

  /** The handles to give back: each chain through the handle that brought it. */
  returnable(): number[] {
    return [...this.records.values()]
      .filter((record) => record.chainOf === undefined || !this.records.has(record.chainOf))
      .map((record) => record.handle);
  }

  get empty(): boolean {
    return this.records.size === 0;
  }
}

/**
 * Smart Logout under way: LogOutAcknowledge waits until no call dialed counting on the agent can
 * need him any more and the desktop is empty.
 */
export interface PendingLogout {
  /** The first LogOut, when the agent left the prediction: later calls were not dialed for him. */
  readonly since: Date;
  /** LogOutAcknowledge answering the latest LogOut. */
  acknowledge: () => void;
  /** The latest LogOutTime was not 0: calls dialed before `since` may still need the agent. */
  awaitingCalls: boolean;
  /** Computes the wait again when the latest LogOutTime runs out. */
  recheck?: NodeJS.Timeout;
  acknowledged?: boolean;
}

/** One logged-in agent desktop. */
export class DesktopSession {
  readonly id = randomUUID();
  /** Login time, also announced to the other replicas. */
  readonly openedAt = new Date();
  /** Records on the desktop; a new login of the agent on this replica takes it over. */
  desk = new Desk();
  /** Set by LogOut: the agent gets no more records. */
  loggingOut?: PendingLogout;

  constructor(
    readonly tenant: string,
    readonly loginId: string,
    readonly place: string,
    /** Read at login, read again when the agent's agent groups change. */
    public context: AgentDesktopContext,
    private readonly socket: DesktopSocket,
  ) {}

  get key(): string {
    return sessionKey(this.tenant, this.loginId);
  }

  isMemberOf(tenant: string, agentGroupDbid: number): boolean {
    return tenant === this.tenant && this.context.agentGroups.some((group) => group.dbid === agentGroupDbid);
  }

  /** Whether the socket still takes frames. */
  get connected(): boolean {
    return this.socket.readyState === OPEN;
  }

  send(data: Readonly<Record<string, unknown>>): void {
    if (this.socket.readyState === OPEN) this.socket.send(JSON.stringify(data));
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }
}

export function sessionKey(tenant: string, loginId: string): string {
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

  /** Forgets `session` unless a newer login of its agent already replaced it; whether it did. */
  remove(session: DesktopSession): boolean {
    if (this.byAgent.get(session.key) !== session) return false;
    this.byAgent.delete(session.key);
    return true;
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

  /** The session of an agent on this replica, if the agent is logged in here. */
  find(tenant: string, loginId: string): DesktopSession | undefined {
    return this.byAgent.get(sessionKey(tenant, loginId));
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
