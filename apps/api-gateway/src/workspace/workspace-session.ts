import { type AgentDesktopContext } from '@ocs/contracts';
import { GswKey as K } from '@ocs/desktop-protocol';
import { type DeskRecordEvent } from '../desktop/desktop-pushed-records';
import { type BusClient } from '@ocs/messaging';
import { AGENT_METHODS } from './agent-methods';
import { type DesktopFrame, DesktopLink } from './desktop-link';
import { callReleased, translateDesktopFrame } from './desktop-events';
import {
  type ClientMessage,
  type EventName,
  failure,
  parseClientMessage,
  serviceEvent,
  success,
} from './envelope';
import { INTERACTION_METHODS } from './interaction-methods';
import { advance, Interactions, interactionView } from './interactions';
import { originAccepted, originAllows, normalizeOrigin } from './origin-filter';
import { OUTBOUND_METHODS } from './outbound-methods';
import { FRAME_STATE, SYSTEM_METHODS } from './system-methods';
import { type ToastChange, Toasts } from './toasts';
import { VOICE_METHODS } from './voice-methods';
import { RateLimiter } from './rate-limiter';
import { type ServiceClientSecurity } from './service-client.config';
import { callProgressStep } from './call-progress';
import { MethodError, type MethodHandler, type WorkspaceContext } from './workspace-context';

/** The workspace's own UI: a client of its own, always accepted from the workspace's origin. */
export const WORKSPACE_CLIENT = 'workspace';
/** The host page's own frames: the channel's state. */
export const HOST_CLIENT = '*';

const METHODS: Readonly<Record<string, MethodHandler>> = {
  ...AGENT_METHODS,
  ...INTERACTION_METHODS,
  ...OUTBOUND_METHODS,
  ...VOICE_METHODS,
  ...SYSTEM_METHODS,
};

/**
 * Subscriptions held at once by one client: the reference asks for one subscribe per page; a page
 * that subscribes in a loop without unsubscribing would otherwise grow the channel's memory (and
 * the events it is sent) forever.
 */
export const MAX_SUBSCRIPTIONS_PER_CLIENT = 50;

/** What crosses the channel toward the host page. */
export interface HostFrame {
  readonly client: string;
  readonly message: unknown;
}

export interface WorkspaceSessionDeps {
  readonly tenant: string;
  readonly loginId: string;
  readonly applicationId: number;
  readonly security: ServiceClientSecurity;
  /** The origin of the workspace page that opened the channel. */
  readonly ownOrigin: string | undefined;
  readonly client: Pick<BusClient, 'request'>;
  readonly clock: () => number;
  /** The agent's configuration; only once the desktop session is attached. */
  readonly desktopContext: () => AgentDesktopContext;
  readonly place: () => string;
  /** A frame into the agent's desktop session. */
  readonly toDesktop: (text: string) => void;
  readonly toHost: (frame: HostFrame) => void;
  readonly warn: (details: object, message: string) => void;
}

interface Subscription {
  readonly client: string;
  readonly events: ReadonlySet<string>;
}

/**
 * One workspace channel: the Service Client API clients of the host page (each iframe, and the
 * workspace UI itself), their subscriptions and security checks, and the agent's records as
 * interactions, worked through the agent's desktop session.
 */
export class WorkspaceSession {
  readonly link: DesktopLink;
  private readonly limiter: RateLimiter;
  private readonly subscriptions = new Map<string, Subscription>();
  /** Subscriptions made so far, by client: the next one's number. */
  private readonly subscriptionCounts = new Map<string, number>();
  readonly context: WorkspaceContext;

  constructor(private readonly deps: WorkspaceSessionDeps) {
    this.link = new DesktopLink(deps.toDesktop, (frame) => this.unsolicited(frame));
    this.limiter = new RateLimiter(deps.security.rateLimits);
    this.context = {
      tenant: deps.tenant,
      loginId: deps.loginId,
      desktopContext: deps.desktopContext,
      place: deps.place,
      applicationId: deps.applicationId,
      link: this.link,
      interactions: new Interactions(),
      security: deps.security,
      client: deps.client,
      clock: deps.clock,
      agent: { state: 'LoggedOut' },
      directPush: false,
      interactionViewOf: (interaction) => interactionView(interaction, deps.security.readAllowed),
      emit: (event, data) => this.emit(event, data),
      toasts: new Toasts({
        schedule: (ms, action) => {
          const timer = setTimeout(action, ms);
          return () => clearTimeout(timer);
        },
        changed: (change: ToastChange) => this.toHost(HOST_CLIENT, { event: 'toast', ...change }),
      }),
      emitInteraction: (interaction, events) => {
        for (const event of events) {
          this.emit('interaction', {
            eventType: event.eventType,
            media: 'voice',
            interaction: interactionView(interaction, deps.security.readAllowed, {
              ...event,
              previousState: interaction.previousState,
            }),
          });
        }
      },
    };
  }

  /** A frame of the desktop session (one JSON object). */
  fromDesktop(text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof frame === 'object' && frame !== null) this.link.receive(frame as DesktopFrame);
  }

  /** A frame of the host page: `{ client, origin, message }`. */
  async fromHost(text: string): Promise<void> {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      this.toHost(HOST_CLIENT, { event: 'channel', error: 'A frame must be one JSON object' });
      return;
    }
    const { client, origin, message } = (frame ?? {}) as Record<string, unknown>;
    if (client === HOST_CLIENT) {
      this.fromHostPage(frame as Record<string, unknown>);
      return;
    }
    if (typeof client !== 'string' || client === '' || typeof origin !== 'string') {
      this.toHost(HOST_CLIENT, {
        event: 'channel',
        error: 'A frame needs a client id and the origin of its page',
      });
      return;
    }
    const parsed = parseClientMessage(message);
    if (!parsed.ok) {
      this.toHost(client, parsed.reply);
      return;
    }
    await this.handle(client, origin, parsed.message);
  }

  /** The channel is gone: pending desktop requests fail, toasts and their timers go. */
  close(): void {
    this.link.close();
    this.context.toasts.clear();
  }

  /**
   * A frame of the host page itself (`client: "*"`): the agent clicked a button of a toast
   * (`toastClick: { customToastId, buttonIndex }`). The toast goes away and the client that popped
   * it hears CUSTOM_TOAST_BUTTON_CLICK; no other client does.
   */
  private fromHostPage(frame: Record<string, unknown>): void {
    const click = frame['toastClick'];
    if (typeof click !== 'object' || click === null) {
      this.toHost(HOST_CLIENT, { event: 'channel', error: 'A host frame needs a toastClick' });
      return;
    }
    const { customToastId, buttonIndex } = click as Record<string, unknown>;
    const clicked = this.context.toasts.click(customToastId, buttonIndex);
    if ('error' in clicked) {
      this.toHost(HOST_CLIENT, { event: 'channel', error: clicked.error });
      return;
    }
    this.emitTo(clicked.client, 'system', {
      eventType: 'CUSTOM_TOAST_BUTTON_CLICK',
      customToastId,
      buttonIndex,
    });
  }

  /** A step of a call placed for one of the interactions (callPreviewRecord, voice.dial). */
  callProgress(callId: string, state: string, callResult: number | null): void {
    const interaction = this.context.interactions.byCall(callId);
    if (!interaction) return;
    const step = callProgressStep(state);
    if (step === 'established')
      this.context.emitInteraction(interaction, advance(interaction, 'established'));
    if (step === 'released') callReleased(this.context, interaction, callResult);
  }

  /**
   * The records already on the desk when the channel opened (a page reload, a login again within
   * the grace period, or records restored from the database): announced again as previewed
   * interactions (ADDED, PREVIEWING), each with the chained records it brought, so the page shows
   * them again. Records already known (a dialed call in progress, established again) are skipped.
   * What the previous page kept (state, call result, fields not yet sent) is lost with it, as the
   * reference says of interaction ids.
   */
  announceDesk(records: readonly DeskRecordEvent[]): void {
    const { interactions } = this.context;
    for (const { frame, chainOf } of records) {
      if (chainOf !== undefined) continue;
      const handle = Number(frame[K.GSW_RECORD_HANDLE]);
      if (interactions.byHandle(handle)) continue;
      const interaction = interactions.add('pull', handle, frame);
      const chained = records.filter((record) => record.chainOf === handle).map((record) => record.frame);
      if (chained.length > 0) interaction.chainedRecords = chained;
      this.context.emitInteraction(interaction, advance(interaction, 'received'));
    }
  }

  /** Whether a call of `tenant` is one of this workspace's. */
  holdsCall(tenant: string, callId: string): boolean {
    return tenant === this.deps.tenant && this.context.interactions.byCall(callId) !== undefined;
  }

  /** A page served by the workspace's own origin, e.g. the samples: accepted, but rate limited. */
  private isOwnOrigin(origin: string): boolean {
    const own = this.deps.ownOrigin;
    return own !== undefined && normalizeOrigin(origin) === own;
  }

  private async handle(client: string, origin: string, message: ClientMessage): Promise<void> {
    const sameOrigin = this.isOwnOrigin(origin);
    const trusted = sameOrigin && client === WORKSPACE_CLIENT;
    const rules = this.deps.security.acceptedOrigins;
    const name = message.kind === 'request' ? message.request : message.kind;
    const allowed =
      sameOrigin ||
      (message.kind === 'request'
        ? originAllows(rules, origin, message.request)
        : originAccepted(rules, origin));
    if (!allowed) {
      this.toHost(
        client,
        failure(
          message.kind === 'request' ? message.request : undefined,
          message.referenceId,
          `The origin '${origin}' is not allowed to use '${name}'`,
        ),
      );
      return;
    }
    if (message.kind === 'subscribe') {
      let held = 0;
      for (const subscription of this.subscriptions.values()) if (subscription.client === client) held++;
      if (held >= MAX_SUBSCRIPTIONS_PER_CLIENT) {
        this.toHost(
          client,
          failure(
            undefined,
            message.referenceId,
            `A page may hold at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} subscriptions; unsubscribe first`,
          ),
        );
        return;
      }
      const subscriptionId = nextSubscriptionId(this.subscriptionCounts, client);
      this.subscriptions.set(subscriptionId, { client, events: new Set(message.events) });
      // Genesys's client reads the id at the top of the reply; `data` holds it too for ours.
      this.toHost(client, { ...success(undefined, message.referenceId, { subscriptionId }), subscriptionId });
      // The one workspace of the agent leads (system-methods.ts): said to each new system subscriber.
      if (message.events.includes('system')) this.toHost(client, serviceEvent('system', FRAME_STATE));
      return;
    }
    if (message.kind === 'unsubscribe') {
      const subscription = this.subscriptions.get(message.subscriptionId);
      if (subscription?.client !== client) {
        this.toHost(
          client,
          failure(undefined, message.referenceId, `Unknown subscription '${message.subscriptionId}'`),
        );
        return;
      }
      this.subscriptions.delete(message.subscriptionId);
      this.toHost(client, success(undefined, message.referenceId, null));
      return;
    }
    const { request, parameters, referenceId } = message;
    // Own names only: 'constructor' or 'toString' are not methods of the API. Checked before the
    // rate limit, which would otherwise keep a quarantine for every name a page makes up.
    const method = Object.hasOwn(METHODS, request) ? METHODS[request] : undefined;
    if (!method) {
      this.toHost(client, failure(request, referenceId, `Unknown request '${request}'`));
      return;
    }
    if (!trusted) {
      const decision = this.limiter.decide(request, this.deps.clock());
      if (decision.verdict === 'ignore') return;
      if (decision.verdict === 'refuse') {
        this.toHost(client, failure(request, referenceId, decision.errorMessage));
        return;
      }
    }
    try {
      const data = await method(this.context, parameters, { client });
      this.toHost(client, success(request, referenceId, data));
    } catch (error) {
      if (!(error instanceof MethodError)) {
        this.deps.warn({ err: error, request }, 'A Service Client API request failed');
      }
      const text = error instanceof MethodError ? error.message : 'The request failed; retry later';
      this.toHost(client, failure(request, referenceId, text));
    }
  }

  private unsolicited(frame: DesktopFrame): void {
    try {
      translateDesktopFrame(this.context, frame);
    } catch (error) {
      this.deps.warn({ err: error }, 'Cannot translate a desktop frame for the workspace');
    }
  }

  /** Each subscribed client gets the event once, however many of its subscriptions name it. */
  private emit(event: EventName, data: unknown): void {
    const clients = new Set<string>();
    for (const subscription of this.subscriptions.values()) {
      if (subscription.events.has(event)) clients.add(subscription.client);
    }
    const message = serviceEvent(event, data);
    for (const client of clients) this.toHost(client, message);
  }

  /** An event for one client only, if it subscribed to it. */
  private emitTo(client: string, event: EventName, data: unknown): void {
    for (const subscription of this.subscriptions.values()) {
      if (subscription.client === client && subscription.events.has(event)) {
        this.toHost(client, serviceEvent(event, data));
        return;
      }
    }
  }

  private toHost(client: string, message: unknown): void {
    this.deps.toHost({ client, message });
  }
}

/**
 * The id of a client's next subscription: `<client>-<n>`, counted per client from 1. A host page
 * that opens a new channel (a reconnect) and replays each client's subscribe and unsubscribe
 * messages in order gets the same ids again, so the ids its pages hold stay good.
 */
export function nextSubscriptionId(counts: Map<string, number>, client: string): string {
  const n = (counts.get(client) ?? 0) + 1;
  counts.set(client, n);
  return `${client}-${n}`;
}
