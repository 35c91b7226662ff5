import WebSocket from 'ws';

export type Frame = Record<string, unknown>;

export interface Closed {
  code: number;
  reason: string;
}

/** A desktop over a real WebSocket, with its incoming frames queued for the test to take. */
export class DesktopClient {
  private readonly frames: Frame[] = [];
  private readonly waiters: Array<(frame: Frame) => void> = [];
  readonly closed: Promise<Closed>;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as Frame;
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.frames.push(frame);
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** Opens the socket, or rejects with the HTTP status of a refused upgrade. */
  static connect(url: string, headers: Record<string, string> = {}): Promise<DesktopClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      // Registered at once so frames sent right after the upgrade are not lost.
      const client = new DesktopClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) => {
        reject(new UpgradeRefused(response.statusCode ?? 0));
        response.resume();
        socket.terminate();
      });
      socket.once('error', (error) => reject(error));
    });
  }

  send(data: unknown): void {
    this.socket.send(typeof data === 'string' ? data : JSON.stringify(data));
  }

  sendBinary(data: Buffer): void {
    this.socket.send(data, { binary: true });
  }

  /** The next frame, waiting up to `timeoutMs` for it. */
  next(timeoutMs = 5_000): Promise<Frame> {
    const queued = this.frames.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`No frame within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (frame: Frame) => {
        clearTimeout(timer);
        resolve(frame);
      };
      this.waiters.push(waiter);
    });
  }

  /** The frames that arrive within `ms` (an empty list when nothing does). */
  async drain(ms: number): Promise<Frame[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.frames.splice(0);
  }

  close(): void {
    this.socket.close();
  }
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with ${status}`);
  }
}

/** The HTTP status of a refused upgrade; fails if the upgrade succeeds. */
export async function refusal(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const client = await DesktopClient.connect(url, headers);
    client.close();
  } catch (error) {
    if (error instanceof UpgradeRefused) return error.status;
    throw error;
  }
  throw new Error('the upgrade was accepted');
}
