import { type WebSocket, type WebSocketServer } from 'ws';

/** A socket that has not answered a ping by the next one is gone. */
const HEARTBEAT_INTERVAL_MS = 30_000;

/**
 * Pings the sockets of a server and ends those that did not answer the previous ping: half-open
 * TCP connections (a desktop whose network went away) would otherwise keep their sessions forever.
 */
export class SocketHeartbeat {
  private readonly alive = new WeakSet<WebSocket>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly server: WebSocketServer) {}

  /** Counts a new socket alive and keeps it so while it answers pings. */
  watch(ws: WebSocket): void {
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
  }

  start(intervalMs = HEARTBEAT_INTERVAL_MS): void {
    this.timer = setInterval(() => this.check(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    for (const ws of this.server.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}
