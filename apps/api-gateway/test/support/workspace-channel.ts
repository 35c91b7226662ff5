import WebSocket from 'ws';

/**
 * A workspace channel (`GET /workspace/channel`, docs/WORKSPACE.md) over a real WebSocket, as the
 * workspace host page drives it: each Service Client API client's messages go in as
 * `{ client, origin, message }`, replies and events come back as `{ client, message }`. Tests of
 * the gateway and of the browser pages share it.
 */

/** A reply or an event, as the gateway sends it to one client. */
export interface ServiceMessage {
  readonly request?: string;
  readonly referenceId?: string;
  readonly data?: unknown;
  readonly errorMessage?: string;
  readonly event?: string;
  readonly userAgent?: string;
  readonly protocolVersion?: number;
  readonly [key: string]: unknown;
}

export interface ChannelFrame {
  readonly client: string;
  readonly message: ServiceMessage;
}

export interface ChannelClosed {
  readonly code: number;
  readonly reason: string;
}

/** One Service Client API client of the host page: its id and the origin of its page. */
export interface ChannelClientId {
  readonly client: string;
  readonly origin: string;
}

export class ChannelRefused extends Error {
  constructor(readonly status: number) {
    super(`the workspace channel upgrade was refused with ${status}`);
  }
}

type Waiter = { match: (frame: ChannelFrame) => boolean; resolve: (frame: ChannelFrame) => void };

export class WorkspaceChannel {
  private readonly frames: ChannelFrame[] = [];
  private readonly waiters: Waiter[] = [];
  private nextReference = 1;
  readonly closed: Promise<ChannelClosed>;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as ChannelFrame;
      const index = this.waiters.findIndex((waiter) => waiter.match(frame));
      if (index >= 0) this.waiters.splice(index, 1)[0]?.resolve(frame);
      else this.frames.push(frame);
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /**
   * Opens `url` (`ws://host:port/workspace/channel`) for the agent of `token` at `place`; `origin`
   * is the Origin header, as the browser sends the workspace page's origin. Rejects with
   * {@link ChannelRefused} when the upgrade is refused.
   */
  static connect(
    url: string,
    options: { token: string; place: string; origin?: string },
  ): Promise<WorkspaceChannel> {
    const target = new URL(url);
    target.searchParams.set('place', options.place);
    target.searchParams.set('access_token', options.token);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(target, options.origin === undefined ? {} : { origin: options.origin });
      const channel = new WorkspaceChannel(socket);
      socket.once('open', () => resolve(channel));
      socket.once('unexpected-response', (_request, response) => {
        reject(new ChannelRefused(response.statusCode ?? 0));
        response.resume();
        socket.terminate();
      });
      socket.once('error', reject);
    });
  }

  /** Sends a host frame as is (any JSON value, or a raw text). */
  sendRaw(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Posts `message` for a client, as the host page relays it. */
  post(from: ChannelClientId, message: Record<string, unknown>): void {
    this.sendRaw({ client: from.client, origin: from.origin, message });
  }

  /**
   * Sends a request in the published client's envelope and resolves with its reply (`data` or
   * `errorMessage`); rejects when none comes within `timeoutMs`.
   */
  async request(
    from: ChannelClientId,
    request: string,
    parameters: readonly unknown[] = [],
    timeoutMs = 10_000,
  ): Promise<ServiceMessage> {
    const referenceId = String(this.nextReference++);
    this.post(from, { request, parameters, referenceId, userAgent: 'WWE Client', protocolVersion: 2 });
    return (
      await this.next(
        (frame) =>
          frame.client === from.client &&
          frame.message.referenceId === referenceId &&
          frame.message.event === undefined,
        timeoutMs,
      )
    ).message;
  }

  /** The data of a successful request; throws with the errorMessage of a failed one. */
  async call(from: ChannelClientId, request: string, parameters: readonly unknown[] = []): Promise<unknown> {
    const reply = await this.request(from, request, parameters);
    if (reply.errorMessage !== undefined) throw new Error(`${request} failed: ${reply.errorMessage}`);
    return reply.data;
  }

  /** Subscribes a client to events; resolves with the subscriptionId. */
  async subscribe(from: ChannelClientId, events: string | readonly string[]): Promise<string> {
    const referenceId = String(this.nextReference++);
    this.post(from, {
      event: 'subscribe',
      data: events,
      referenceId,
      userAgent: 'WWE Client',
      protocolVersion: 2,
    });
    const reply = await this.next(
      (frame) => frame.client === from.client && frame.message.referenceId === referenceId,
    );
    const data = reply.message.data as { subscriptionId?: string } | undefined;
    if (data?.subscriptionId === undefined)
      throw new Error(`subscribe failed: ${reply.message.errorMessage}`);
    return data.subscriptionId;
  }

  /** The next event named `event` for a client (and matching `where`), in arrival order. */
  async event(
    client: string,
    event: string,
    where: (data: Record<string, unknown>) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Record<string, unknown>> {
    const frame = await this.next(
      (candidate) =>
        candidate.client === client &&
        candidate.message.event === event &&
        where((candidate.message.data ?? {}) as Record<string, unknown>),
      timeoutMs,
    );
    return (frame.message.data ?? {}) as Record<string, unknown>;
  }

  /** The first frame matching `match`, queued or still to come. */
  next(match: (frame: ChannelFrame) => boolean = () => true, timeoutMs = 10_000): Promise<ChannelFrame> {
    const index = this.frames.findIndex(match);
    if (index >= 0) return Promise.resolve(this.frames.splice(index, 1)[0] as ChannelFrame);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`No matching channel frame within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The frames for `client` that arrive within `ms` and that nothing waits for (taken off the queue). */
  async drain(client: string, ms: number): Promise<ChannelFrame[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const taken = this.frames.filter((frame) => frame.client === client);
    for (const frame of taken) this.frames.splice(this.frames.indexOf(frame), 1);
    return taken;
  }

  close(): void {
    this.socket.close();
  }
}
