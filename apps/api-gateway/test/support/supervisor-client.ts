import { issueSupervisorToken } from '@ocs/auth';
import { DEMO_TENANT } from '@ocs/persistence';
import { eventually } from '@ocs/messaging/testing';
import { type DesktopSystemOptions } from './desktop-system';

// The supervisor console's API as the tests use it: JSON calls with a token, uploads, and the
// Server-Sent Events stream read with fetch.

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** The main HTTP URL of a gateway from its desktop WebSocket URL (ws://host:port/desktop). */
export function gatewayHttpUrl(desktopUrl: string): string {
  return desktopUrl.replace(/^ws/, 'http').replace(/\/desktop$/, '');
}

export function supervisorToken(
  secret: string,
  supervisor = 'sue',
  tenant = DEMO_TENANT,
  ttlSeconds = 600,
): Promise<string> {
  return issueSupervisorToken({ secret, tenant, supervisor, ttlSeconds });
}

export class SupervisorApi {
  constructor(
    readonly baseUrl: string,
    readonly token: string | undefined,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return this.token === undefined ? extra : { Authorization: `Bearer ${this.token}`, ...extra };
  }

  async get<T = Record<string, unknown>>(path: string): Promise<ApiAnswer<T>> {
    const response = await fetch(`${this.baseUrl}/supervisor/api/${path}`, { headers: this.headers() });
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  }

  async post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const response = await fetch(`${this.baseUrl}/supervisor/api/${path}`, {
      method: 'POST',
      headers: this.headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(body ?? {}),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  }

  async upload<T = Record<string, unknown>>(
    listDbid: number,
    csv: string,
    importId?: string,
  ): Promise<ApiAnswer<T>> {
    const query = importId === undefined ? '' : `?importId=${importId}`;
    const response = await fetch(`${this.baseUrl}/supervisor/api/calling-lists/${listDbid}/imports${query}`, {
      method: 'POST',
      headers: this.headers({ 'Content-Type': 'text/csv' }),
      body: csv,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  }

  /** Opens the event stream; close it with {@link EventStream.close}. */
  async events(): Promise<EventStream> {
    const controller = new AbortController();
    const response = await fetch(`${this.baseUrl}/supervisor/api/events?access_token=${this.token ?? ''}`, {
      signal: controller.signal,
    });
    if (response.status !== 200 || !response.body) throw new Error(`events answered ${response.status}`);
    return new EventStream(response.body, controller);
  }
}

export interface StreamEvent {
  event: string;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each event has its own shape
}

/** A Server-Sent Events stream, read into `received` as it arrives. */
export class EventStream {
  readonly received: StreamEvent[] = [];
  /** When the server ended the stream (undefined while it is open, or once close() aborted it). */
  endedAt: number | undefined;
  private readonly done: Promise<void>;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly controller: AbortController,
  ) {
    this.done = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event !== undefined && data !== undefined)
              this.received.push({ event, data: JSON.parse(data) });
          }
        }
        this.endedAt = Date.now();
      } catch {
        // Aborted by close(), or the server ended the stream.
      }
    })();
  }

  /** The events named `event` so far. */
  of(event: string): StreamEvent[] {
    return this.received.filter((received) => received.event === event);
  }

  /** Waits for an event named `event` whose data passes `check`. */
  waitFor(
    event: string,
    check: (data: StreamEvent['data']) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<StreamEvent> {
    return eventually(
      async () => {
        const found = this.of(event).find((received) => check(received.data));
        if (!found)
          throw new Error(`no ${event} event yet (${this.received.map((r) => r.event).join(', ')})`);
        return found;
      },
      timeoutMs,
      100,
    );
  }

  /** Resolves when the stream is over: ended by the server, or closed. */
  finished(): Promise<void> {
    return this.done;
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }
}

/** The Retention agents, played by telephony-sim, with their places. */
export const RETENTION_AGENTS = ['agent05', 'agent06', 'agent07', 'agent08'];

/**
 * What a console test needs to see dialing: telephony-sim playing the Retention agents 10 times
 * faster than real time, predictive-pacing pacing, every record dialable at any hour and finalized
 * at the call's end (no desktops needed).
 */
export function dialingSystemOptions(busName: string): DesktopSystemOptions {
  const tenant = { OCS_TENANT: DEMO_TENANT };
  return {
    busName,
    recordCount: 600,
    services: ['campaign-manager', 'record-dispatcher', 'telephony-sim', 'predictive-pacing'],
    serviceEnv: {
      'telephony-sim': {
        ...tenant,
        TELEPHONY_TIME_SCALE: '10',
        TELEPHONY_AUTO_READY_AFTER_ACW_SECONDS: '2',
        TELEPHONY_SIMULATED_AGENTS: RETENTION_AGENTS.map(
          (agent) => `${agent}:Place_70${agent.slice(-2)}`,
        ).join(','),
        // Short conversations, no breaks: many calls in a short run.
        TELEPHONY_AGENT_MODEL: JSON.stringify({
          talkSeconds: { mean: 30, cv: 0.5 },
          wrapSeconds: { mean: 5, cv: 0.5 },
          breakProbability: 0,
        }),
      },
      'predictive-pacing': { ...tenant, PACING_TICK_MS: '200', PACING_SWITCH_TIME_SCALE: '10' },
    },
    prepare: async (database) => {
      await database.pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
      await database.pool.query('UPDATE campaign_groups SET record_processed = false');
    },
    // Figures every half second keep the tests short.
    env: { SUPERVISOR_METRICS_INTERVAL_MS: '500' },
  };
}
