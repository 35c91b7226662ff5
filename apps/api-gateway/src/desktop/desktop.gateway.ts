import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  type AgentDesktopContext,
  AgentErrorCode,
  AgentGroupMembershipChanged,
  AgentReadyTimeHinted,
  AgentStateChanged,
  CallbackDue,
  CallProgress,
  CampaignGroupStatusChanged,
  DesktopSessionOpened,
  DialedRecordEstablished,
  type Envelope,
  GetAgentDesktopContext,
  type PayloadOf,
  RecordCancelRequested,
  RecordPushed,
} from '@ocs/contracts';
import {
  addressingOf,
  campaignEventAttributes,
  type DesktopRequest,
  isAgentStateRequest,
  replyTo,
  replyToInvalid,
  RequestType,
  UserEvent,
  validateRequest,
} from '@ocs/desktop-protocol';
import { Bus, BusClient, BusRemoteError, type BusSubscription } from '@ocs/messaging';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { bearerToken } from '../edge/bearer-token';
import { SocketHeartbeat } from '../edge/socket-heartbeat';
import { rawText } from '../edge/socket-text';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { OcsHttpServer } from '../ocs-http/ocs-http.server';
import {
  assignmentNotifications,
  campaignGroupContext,
  campaignNotification,
  changeNotification,
  currentStatusNotification,
} from './campaign-notifications';
import { DESKTOP_DISCONNECTED_REASON, DesktopAgentStates } from './desktop-agent-states';
import { DesktopCalls } from './desktop-calls';
import { invalidFrame, parseFrame } from './desktop-frames';
import { SmartLogout } from './desktop-logout';
import { readyTime } from './desktop-ready-time';
import { deliverPushedRecord, type DeskRecordEvent, deskRecordEvents } from './desktop-pushed-records';
import { DesktopRecords, isRecordRequest } from './desktop-records';
import { recordCancelNotification } from './record-cancel-add';
import { doNotCall } from './desktop-do-not-call';
import { isRescheduleRequest, offerCallback, rescheduleRecord } from './desktop-reschedule';
import {
  DesktopCloseCode,
  DesktopSession,
  DesktopSessions,
  type DesktopSocket,
  sessionKey,
} from './desktop-sessions';
import { type DesktopIdentity, verifyDesktopToken } from '@ocs/auth';

export const DESKTOP_PATH = '/desktop';

/** Largest frame a desktop may send; requests are a few hundred bytes. */
const MAX_FRAME_BYTES = 64 * 1024;
const CONTEXT_TIMEOUT_MS = 5_000;
/** WebSocket readyState OPEN, which every DesktopSocket shares. */
const SOCKET_OPEN = 1;

type Rejection = { status: 400 | 401 | 404 | 503; message: string };

/** An authenticated agent asking for a WebSocket: the token's identity and the place it names. */
export interface DesktopLogin {
  readonly identity: DesktopIdentity;
  readonly place: string;
}

/** Completes an authenticated upgrade on another path than /desktop (e.g. the workspace channel). */
export type UpgradeRoute = (
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  login: DesktopLogin,
) => void;

/**
 * A desktop session attached to a connection: the connection hands it the agent's frames
 * (`receive`, one JSON text each) and says when it is gone (`detach`).
 */
export interface AttachedDesktop {
  readonly session: DesktopSession;
  /**
   * The records on the agent's desk at the login (from an earlier login, or restored from the
   * database), as the events that brought them: a client that shows the desk, unlike /desktop,
   * announces them again.
   */
  readonly recordsOnDesk: readonly DeskRecordEvent[];
  receive(text: string): void;
  detach(): void;
}

/**
 * The agent desktop endpoint: `GET /desktop` upgraded to a WebSocket whose text frames are the
 * OCS-Desktop user events, one JSON object of attached data each way. The agent authenticates
 * with a desktop token (`Authorization: Bearer`, or `access_token` in the query for browsers)
 * and names its place (`place`). Campaign status notifications go to the agents of each group.
 */
@Injectable()
export class DesktopGateway implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DesktopGateway.name);
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly heartbeat = new SocketHeartbeat(this.server);
  private readonly sessions = new DesktopSessions();
  private readonly feeds: BusSubscription[] = [];
  private stopping = false;
  private readonly records: DesktopRecords;
  private readonly calls: DesktopCalls;
  private readonly agentStates: DesktopAgentStates;
  private readonly logout: SmartLogout;
  private get deskDeps() {
    return { client: this.client, applicationId: this.config.applicationDbid };
  }
  /** Sessions whose socket dropped with records on the desktop, by agent, until the grace period ends. */
  private readonly dropped = new Map<string, { session: DesktopSession; timer: NodeJS.Timeout }>();
  /** The latest configuration refresh of each session, which the next one waits for. */
  private readonly reassigning = new WeakMap<DesktopSession, Promise<void>>();
  /** Other WebSocket paths of the gateway's HTTP server: one upgrade listener serves them all. */
  private readonly routes = new Map<string, UpgradeRoute>();

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(Bus) private readonly bus: Bus,
    @Inject(BusClient) private readonly client: BusClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(OcsHttpServer) private readonly ocsHttp: OcsHttpServer,
  ) {
    this.records = new DesktopRecords({
      client: this.client,
      applicationId: this.config.applicationDbid,
      context: (session) => this.desktopContext(session.tenant, session.loginId, session.place),
      recordUri: (handle) => this.ocsHttp.recordUri(handle),
    });
    const warn = (details: object, message: string) => this.logger.warn(details, message);
    this.agentStates = new DesktopAgentStates({ client: this.client, warn });
    this.logout = new SmartLogout({
      client: this.client,
      applicationId: this.config.applicationDbid,
      records: this.records,
      agentStates: this.agentStates,
      warn,
    });
    this.calls = new DesktopCalls({
      client: this.client,
      applicationId: this.config.applicationDbid,
      records: this.records,
      // A dropped desktop's desk takes the record too: the agent's next login, or the grace
      // period's end, deals with it like the others.
      holder: (tenant, loginId) => this.holder(tenant, loginId),
      recordUri: (handle) => this.ocsHttp.recordUri(handle),
      warn,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.authSecret === undefined) {
      this.logger.warn(
        `OCS_AUTH_SECRET is not set: the desktop endpoint ${DESKTOP_PATH} refuses every connection`,
      );
    }
    const http = this.adapterHost.httpAdapter.getHttpServer() as Server;
    http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.upgrade(request, socket, head).catch((error: unknown) => {
        this.logger.error({ err: error }, 'Desktop upgrade failed');
        socket.destroy();
      });
    });
    this.feeds.push(
      await this.bus.follow(CampaignGroupStatusChanged, (event) => this.notifyChange(event)),
      await this.bus.follow(DesktopSessionOpened, (event) => this.endSuperseded(event)),
      await this.bus.follow(RecordCancelRequested, (event) => this.notifyCancel(event)),
      await this.bus.follow(AgentGroupMembershipChanged, (event) => this.reassign(event)),
      await this.bus.follow(CallbackDue, (event) => this.offerCallback(event)),
      await this.bus.follow(DialedRecordEstablished, (event) => this.deliverDialedRecord(event)),
      await this.bus.follow(RecordPushed, (event) => this.deliverPushedRecord(event)),
      await this.bus.follow(CallProgress, (event) => this.followCall(event)),
      await this.bus.follow(AgentStateChanged, (event) => this.agentStates.onChange(this.sessions, event)),
    );
    this.heartbeat.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.heartbeat.stop();
    // Records of dropped desktops stay on them: the agents reconnect to another replica.
    for (const { timer } of this.dropped.values()) clearTimeout(timer);
    this.dropped.clear();
    this.calls.stop();
    // Every socket, logged in or still reading its agent's configuration: HTTP cannot close before.
    for (const ws of this.server.clients) ws.close(DesktopCloseCode.GoingAway, 'server shutting down');
    await Promise.all(this.feeds.map((feed) => feed.stop()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Serves WebSocket upgrades of `path` authenticated exactly like /desktop (token, place); the
   * handler completes the upgrade. Paths served by nobody are refused with 404.
   */
  route(path: string, handler: UpgradeRoute): void {
    if (path === DESKTOP_PATH || this.routes.has(path)) throw new Error(`${path} is already served`);
    this.routes.set(path, handler);
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://desktop.invalid');
    const route: UpgradeRoute | undefined =
      url.pathname === DESKTOP_PATH
        ? (upgraded, upgradedSocket, upgradedHead, login) =>
            this.server.handleUpgrade(upgraded, upgradedSocket, upgradedHead, (ws) => {
              void this.open(ws, login.identity, login.place);
            })
        : this.routes.get(url.pathname);
    if (!route) return reject(socket, { status: 404, message: 'Not Found' });
    const secret = this.config.authSecret;
    if (this.stopping || secret === undefined) {
      if (secret === undefined) {
        this.logger.error('Refusing a desktop connection: OCS_AUTH_SECRET is not set');
      }
      return reject(socket, { status: 503, message: 'Desktop connections are not available' });
    }
    const token = bearerToken(request.headers.authorization) ?? url.searchParams.get('access_token');
    if (!token) return reject(socket, { status: 401, message: 'A desktop token is required' });
    let identity: DesktopIdentity;
    try {
      identity = await verifyDesktopToken(token, secret);
    } catch (error) {
      this.logger.warn({ reason: (error as Error).message }, 'Refusing a desktop connection');
      return reject(socket, { status: 401, message: 'The desktop token is not valid' });
    }
    const place = url.searchParams.get('place');
    if (!place) return reject(socket, { status: 400, message: 'The place query parameter is required' });

    route(request, socket, head, { identity, place });
  }

  private async open(ws: WebSocket, identity: DesktopIdentity, place: string): Promise<void> {
    // Frames that arrive while the configuration is read wait for it, in order.
    const pending: Array<[RawData, boolean]> = [];
    this.heartbeat.watch(ws);
    ws.on('message', (raw: RawData, isBinary: boolean) => pending.push([raw, isBinary]));
    const attached = await this.attach(ws, identity, place);
    if (!attached) return;
    const { session } = attached;
    ws.removeAllListeners('message');
    ws.on('message', (raw: RawData, isBinary: boolean) => this.receive(session, raw, isBinary));
    ws.on('close', () => attached.detach());
    for (const [raw, isBinary] of pending) this.receive(session, raw, isBinary);
  }

  /**
   * Logs the agent in on `socket`, any connection that takes frames (a WebSocket of /desktop, the
   * workspace channel): reads the agent's configuration (closing the socket with 4404 or 1011 when
   * it cannot), registers the session (a previous one of the agent is closed with 4409, its desk
   * taken over), logs the agent in to telephony and sends the campaign notifications of login.
   * Undefined when the login did not complete (the socket is closed or closing).
   */
  async attach(
    socket: DesktopSocket,
    identity: DesktopIdentity,
    place: string,
  ): Promise<AttachedDesktop | undefined> {
    let context: AgentDesktopContext;
    try {
      context = await this.desktopContext(identity.tenant, identity.agent, place);
    } catch (error) {
      if (error instanceof BusRemoteError && error.code === AgentErrorCode.NotFound) {
        this.logger.warn(
          { tenant: identity.tenant, agent: identity.agent },
          'Desktop login of an unknown agent',
        );
        socket.close(DesktopCloseCode.NotConfigured, `agent ${truncate(identity.agent)} is not configured`);
      } else {
        this.logger.error(
          { err: error, agent: identity.agent },
          'Cannot read the configuration of a desktop agent',
        );
        socket.close(DesktopCloseCode.Unavailable, 'agent configuration unavailable, retry later');
      }
      return;
    }
    if (context.place === null) {
      socket.close(DesktopCloseCode.NotConfigured, `place ${truncate(place)} is not configured`);
      return;
    }
    // Records still on the agent's desktop from an earlier login, on any replica.
    const onDesktop = await this.records
      .onDesktop(identity.tenant, identity.agent)
      .catch((error: unknown) => {
        this.logger.warn({ err: error, agent: identity.agent }, 'Cannot read the records on a desktop');
        return [];
      });
    if (socket.readyState !== SOCKET_OPEN) return;

    const session = new DesktopSession(identity.tenant, identity.agent, place, context, socket);
    const replaced = this.sessions.add(session);
    // The agent's records stay on the desktop across a new login here: from the session it
    // replaces, or from the one that dropped within the grace period.
    const dropped = this.dropped.get(session.key);
    if (dropped) {
      clearTimeout(dropped.timer);
      this.dropped.delete(session.key);
      session.desk = dropped.session.desk;
    }
    if (replaced) session.desk = replaced.desk;
    if (!dropped && !replaced) this.records.restore(session, onDesktop);
    else this.calls.resend(session);
    replaced?.close(DesktopCloseCode.Replaced, 'replaced by a new login of the same agent');
    // The other replicas end their sessions of this agent.
    this.bus
      .publish(
        DesktopSessionOpened,
        { sessionId: session.id, loginId: session.loginId, place },
        { tenant: session.tenant },
        { now: session.openedAt },
      )
      .catch((error: unknown) =>
        this.logger.warn(
          { err: error, agent: session.loginId },
          'Cannot announce a desktop login to other replicas',
        ),
      );
    this.logger.log(
      { tenant: identity.tenant, agent: identity.agent, place, replaced: replaced !== undefined },
      'Desktop logged in',
    );
    // Logged in to the telephony layer not ready: the desktop makes its agent ready.
    void this.agentStates.logIn(session);

    // "Agents receive immediate information about the active Campaign at login."
    for (const group of context.campaignGroups) {
      const event = currentStatusNotification(group.status);
      if (event) session.send(campaignNotification(event, group, this.config.applicationDbid));
    }
    return {
      session,
      recordsOnDesk: deskRecordEvents(
        {
          applicationId: this.config.applicationDbid,
          clock: () => new Date(),
          recordUri: (handle) => this.ocsHttp.recordUri(handle),
        },
        context.campaignGroups,
        onDesktop,
      ),
      receive: (text) => this.receiveText(session, text),
      detach: () => {
        if (this.sessions.remove(session) && !this.stopping) this.dropDesktop(session);
      },
    };
  }

  private receive(session: DesktopSession, raw: RawData, isBinary: boolean): void {
    if (isBinary) {
      session.send(
        invalidFrame(this.config.applicationDbid, 'Binary frames are not accepted; send JSON text frames'),
      );
      return;
    }
    this.receiveText(session, rawText(raw));
  }

  private receiveText(session: DesktopSession, text: string): void {
    this.handleFrame(session, text).catch((error: unknown) =>
      this.logger.error({ err: error, agent: session.loginId }, 'Desktop request failed'),
    );
  }

  private async handleFrame(session: DesktopSession, text: string): Promise<void> {
    const applicationId = this.config.applicationDbid;
    const frame = parseFrame(text, applicationId);
    if (!frame.ok) {
      session.send(frame.error);
      return;
    }
    // The agent's telephony state: an extension of ours, outside the OCS-Desktop protocol.
    if (isAgentStateRequest(frame.data)) {
      await this.agentStates.answer(session, frame.data);
      return;
    }
    // Requests for another OCS (a backup, another tenant's) are not this one's to answer.
    if (addressingOf(frame.data, applicationId) === 'ignore') return;
    const validated = validateRequest(frame.data);
    if (!validated.ok) {
      const error = replyToInvalid(validated.error, applicationId);
      if (error) session.send(error);
      return;
    }
    await this.answer(session, validated.request);
  }

  private async answer(session: DesktopSession, request: DesktopRequest): Promise<void> {
    const applicationId = this.config.applicationDbid;
    if (request.type === RequestType.CampaignStatusRequest) {
      // Never answered with an error: when the configuration cannot be read, no answer at all.
      let context: AgentDesktopContext;
      try {
        context = await this.desktopContext(session.tenant, session.loginId, session.place);
      } catch (error) {
        this.logger.warn({ err: error, agent: session.loginId }, 'CampaignStatusRequest left unanswered');
        return;
      }
      const reply = replyTo(request, applicationId);
      for (const group of context.campaignGroups) {
        const event = currentStatusNotification(group.status);
        if (event)
          session.send(
            reply.event(event, campaignEventAttributes(event, campaignGroupContext(group, applicationId))),
          );
      }
      return;
    }
    if (isRecordRequest(request)) {
      await this.records.answer(session, request);
      return;
    }
    if (request.type === RequestType.LogOut) {
      await this.logout.answer(session, request);
      return;
    }
    if (request.type === RequestType.ReadyTime) {
      await readyTime(
        {
          applicationId,
          context: (desk) => this.desktopContext(desk.tenant, desk.loginId, desk.place),
          publish: (tenant, hint) => this.bus.publish(AgentReadyTimeHinted, hint, { tenant }),
        },
        session,
        request,
      );
      return;
    }
    if (isRescheduleRequest(request)) {
      await rescheduleRecord(this.deskDeps, session, request);
      return;
    }
    if (request.type === RequestType.DoNotCall) {
      await doNotCall({ client: this.client, applicationId }, session, request);
      return;
    }
    // Every request type is served: a new one is a compile error here until it is.
    const unserved: never = request;
    throw new Error(`Desktop request ${(unserved as DesktopRequest).type} has no handler`);
  }

  /**
   * The socket of a logged-in agent closed. After a completed Smart Logout the agent leaves the
   * telephony layer at once. Otherwise the agent is made not ready (no call for an agent without
   * a desktop) and waits the grace period for a new login, here or on another replica; then he is
   * logged out of the telephony layer and the records still on the desktop go back to their
   * calling lists (ReturnRecord).
   */
  private dropDesktop(session: DesktopSession): void {
    if (session.loggingOut?.acknowledged && session.desk.empty) {
      void this.agentStates.logOut(session);
      return;
    }
    const paused = this.agentStates.pause(session, DESKTOP_DISCONNECTED_REASON);
    const timer = setTimeout(() => {
      this.dropped.delete(session.key);
      void paused.then(() => this.agentStates.logOut(session));
      if (session.desk.empty) return;
      void this.records.returnAll(session).then((results) => {
        for (const result of results) {
          if (!result.ok) {
            this.logger.warn(
              { err: result.error, agent: session.loginId, handle: result.handle },
              'Cannot return a record of a dropped desktop',
            );
          }
        }
        this.logger.log(
          { agent: session.loginId, returned: results.filter((result) => result.ok).length },
          'Returned the records of a dropped desktop',
        );
      });
    }, this.config.logoutGraceMs);
    timer.unref();
    this.dropped.set(session.key, { session, timer });
  }

  private desktopContext(tenant: string, loginId: string, place: string): Promise<AgentDesktopContext> {
    return this.client.request(
      GetAgentDesktopContext,
      { loginId, place },
      { tenant },
      { timeoutMs: CONTEXT_TIMEOUT_MS },
    );
  }

  /** Closes this replica's session of an agent who logged in again, on another replica. */
  private endSuperseded({
    tenant,
    occurredAt,
    data,
  }: Envelope<PayloadOf<typeof DesktopSessionOpened>>): void {
    // The agent of a dropped desktop logged in again elsewhere, where the records were read back.
    const key = sessionKey(tenant, data.loginId);
    const dropped = this.dropped.get(key);
    if (dropped && new Date(occurredAt) > dropped.session.openedAt) {
      clearTimeout(dropped.timer);
      this.dropped.delete(key);
    }
    const superseded = this.sessions.supersededBy(tenant, data.loginId, data.sessionId, new Date(occurredAt));
    if (!superseded) return;
    this.sessions.remove(superseded);
    superseded.close(DesktopCloseCode.Replaced, 'replaced by a new login of the same agent');
  }

  /**
   * RecordCancel to the agent's desktop, if it is connected here: a cancellation matched a record
   * it holds. The record stays on the desk until the desktop processes or rejects it.
   */
  private notifyCancel({ tenant, data }: Envelope<PayloadOf<typeof RecordCancelRequested>>): void {
    const session = this.sessions.find(tenant, data.agentId);
    if (!session) return;
    session.send(recordCancelNotification(data, session.desk, this.config.applicationDbid));
    this.logger.log({ agent: data.agentId, handle: data.handle }, 'Sent RecordCancel to a desktop');
  }

  /** EventEstablished with the record to the agent's desktop, if its session is here. */
  private deliverDialedRecord(event: Envelope<PayloadOf<typeof DialedRecordEstablished>>): void {
    if (this.calls.established(event))
      this.logger.log(
        { agent: event.data.agentId, handle: event.data.record.handle, callId: event.data.callId },
        'Put a dialed record on a desktop',
      );
  }

  /** The agent's session on this replica: connected, or dropped and within its grace period. */
  private holder(tenant: string, loginId: string): DesktopSession | undefined {
    return this.sessions.find(tenant, loginId) ?? this.dropped.get(sessionKey(tenant, loginId))?.session;
  }

  /** Push Preview: an unsolicited PreviewRecord to the agent's desktop, if its session is here. */
  private deliverPushedRecord(event: Envelope<PayloadOf<typeof RecordPushed>>): void {
    const delivered = deliverPushedRecord(
      {
        applicationId: this.config.applicationDbid,
        records: this.records,
        holder: (tenant, loginId) => this.holder(tenant, loginId),
        clock: () => new Date(),
        recordUri: (handle) => this.ocsHttp.recordUri(handle),
      },
      event,
    );
    if (delivered)
      this.logger.log(
        { agent: event.data.agentId, handle: event.data.record.handle },
        'Pushed a record to a desktop',
      );
  }

  /** EventReleased for the calls of this replica's agents; not awaited, so one slow group holds no other call up. */
  private followCall(event: Envelope<PayloadOf<typeof CallProgress>>): void {
    this.calls
      .progress(event)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, callId: event.data.callId }, 'Cannot follow the end of a call'),
      );
  }

  /** ScheduledCall to an agent of this replica, when a due callback is for one of them. */
  private offerCallback(event: Envelope<PayloadOf<typeof CallbackDue>>): void {
    offerCallback({ ...this.deskDeps, clock: () => new Date() }, this.sessions, this.records, event)
      .then((sent) => {
        if (sent) this.logger.log({ callbackId: event.data.callbackId }, 'Sent ScheduledCall to a desktop');
      })
      .catch((error: unknown) =>
        this.logger.warn({ err: error, callbackId: event.data.callbackId }, 'Cannot deliver a due callback'),
      );
  }

  /**
   * The agent's agent groups changed: its session here reads the configuration again, so that it
   * is offered the records of its new campaign groups, and tells the desktop which loaded groups
   * it was assigned to (CampaignGroupAssigned). Refreshes of one session run one after the other.
   */
  private reassign({ tenant, data }: Envelope<PayloadOf<typeof AgentGroupMembershipChanged>>): void {
    const session = this.sessions.find(tenant, data.loginId);
    if (!session) return;
    const previous = this.reassigning.get(session) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        const context = await this.desktopContext(session.tenant, session.loginId, session.place);
        const frames = assignmentNotifications(
          session.context.campaignGroups,
          context.campaignGroups,
          this.config.applicationDbid,
        );
        session.context = context;
        for (const frame of frames) session.send(frame);
        this.logger.log(
          { agent: session.loginId, agentGroups: context.agentGroups.map((group) => group.name) },
          'Desktop agent groups changed',
        );
      } catch (error) {
        this.logger.warn(
          { err: error, agent: session.loginId },
          'Cannot read the new agent groups of a desktop',
        );
      }
    });
    this.reassigning.set(session, next);
  }

  /** Tells every connected agent of the group's agent group what changed. */
  private notifyChange({ tenant, data }: Envelope<PayloadOf<typeof CampaignGroupStatusChanged>>): void {
    const event = changeNotification(data.previousStatus, data.group.status);
    if (!event) return;
    for (const session of this.sessions.membersOf(tenant, data.group.agentGroupDbid)) {
      // An unloaded group's records are off every desktop: a pending LogOut may complete.
      if (event === UserEvent.CampaignUnloaded && session.loggingOut) {
        this.records
          .reconcile(session)
          .catch((error: unknown) =>
            this.logger.warn({ err: error, agent: session.loginId }, 'Cannot read the records on a desktop'),
          );
      }
      const known = session.context.campaignGroups.find((group) => group.dbid === data.group.dbid);
      const group = {
        ...data.group,
        description: known?.description ?? '',
        campaignDescription: known?.campaignDescription ?? '',
      };
      session.send(campaignNotification(event, group, this.config.applicationDbid));
    }
  }
}

function truncate(text: string): string {
  // Close reasons are limited to 123 bytes.
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

function reject(socket: Duplex, { status, message }: Rejection): void {
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 503: 'Service Unavailable' }[
    status
  ];
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      (status === 401 ? 'WWW-Authenticate: Bearer realm="ocs-desktop"\r\n' : '') +
      `\r\n${body}`,
  );
}
