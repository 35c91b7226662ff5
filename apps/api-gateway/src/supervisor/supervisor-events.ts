import type { ServerResponse } from 'node:http';

// A comment line now and then keeps proxies from closing a quiet stream.
const HEARTBEAT_MS = 15_000;
// setTimeout's longest delay (about 24.8 days); a later end is waited for in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** One event of the console's stream: its name (`event:`) and JSON data. */
export interface ConsoleEvent {
  readonly event: string;
  readonly data: unknown;
}

/** The text of one Server-Sent Event. */
export function formatEvent({ event, data }: ConsoleEvent): string {
  // JSON.stringify never yields a line break, so one data line always suffices.
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

interface Listener {
  readonly tenant: string;
  readonly response: ServerResponse;
  /** Ends the stream when the console's token expires. */
  expiry?: NodeJS.Timeout;
}

/**
 * The open event streams of this process's consoles, by tenant: a console sees only its token's
 * tenant. Server-Sent Events rather than a WebSocket: the figures flow one way, the browser's
 * EventSource reconnects by itself, and every action is an ordinary authenticated POST.
 */
export class SupervisorEvents {
  private readonly listeners = new Set<Listener>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly clock: () => number = Date.now) {
    this.heartbeat = setInterval(() => {
      for (const { response } of this.listeners) response.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /**
   * Starts an event stream on `response`; `first` is sent before anything else. With `until` (the
   * token's expiry) the stream ends then: the console's EventSource reconnects, is refused with
   * 401, and the page signs out.
   */
  open(tenant: string, response: ServerResponse, first: readonly ConsoleEvent[], until?: Date): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // Proxies that buffer responses would hold the events back.
      'X-Accel-Buffering': 'no',
    });
    // EventSource retries after 2 s when the stream breaks.
    response.write('retry: 2000\n\n');
    for (const event of first) response.write(formatEvent(event));
    const listener: Listener = { tenant, response };
    this.listeners.add(listener);
    response.once('close', () => this.drop(listener));
    if (until !== undefined) this.endAt(listener, until.getTime());
  }

  private endAt(listener: Listener, at: number): void {
    const delay = at - this.clock();
    if (delay <= 0) {
      this.drop(listener);
      listener.response.end();
      return;
    }
    listener.expiry = setTimeout(() => this.endAt(listener, at), Math.min(delay, MAX_TIMER_MS));
    listener.expiry.unref();
  }

  private drop(listener: Listener): void {
    clearTimeout(listener.expiry);
    this.listeners.delete(listener);
  }

  /** Tenants with at least one console open. */
  tenants(): Set<string> {
    return new Set([...this.listeners].map((listener) => listener.tenant));
  }

  /** Sends `event` to every console of `tenant`. */
  send(tenant: string, event: ConsoleEvent): void {
    const text = formatEvent(event);
    for (const listener of this.listeners) if (listener.tenant === tenant) listener.response.write(text);
  }

  /** Ends every stream (shutdown): HTTP can then close without waiting for them. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const listener of [...this.listeners]) {
      this.drop(listener);
      listener.response.end();
    }
  }
}
