import type { Server } from 'node:http';
import { type ServiceLifecycle } from './lifecycle';

interface Response {
  once(event: 'finish', listener: () => void): void;
}

/**
 * Express middleware for a clean HTTP shutdown. Closing the server closes the connections idle at
 * that moment, but a keep-alive connection whose request was still in flight stays open until the
 * client's keep-alive timeout, holding up the exit by seconds. So, once the service is shutting
 * down, every finished response closes the connections that have become idle.
 */
export function closeIdleConnectionsWhenStopping(server: Server, lifecycle: ServiceLifecycle) {
  return (_request: unknown, response: Response, next: () => void): void => {
    response.once('finish', () => {
      // The connection only counts as idle once the response is fully handed over.
      if (lifecycle.shuttingDown) setImmediate(() => server.closeIdleConnections());
    });
    next();
  };
}
