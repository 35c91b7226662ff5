import { serviceVersion } from '@ocs/observability';
import { clientAllowed, type OcsHttpConfig } from './ocs-http.config';
import { OcsHttpError } from './ocs-http.error';

const SERVER = `outbound-contact-server/${serviceVersion()}`;

interface EdgeRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly socket: { readonly remoteAddress?: string };
}

interface EdgeResponse {
  setHeader(name: string, value: string): void;
  status(code: number): this;
  type(type: string): this;
  send(body: string): this;
}

/**
 * Runs before routing on every request of the OCS HTTP listener: names the server (`Server`, on
 * every response) and refuses with 403 a client outside OCS_HTTP_ALLOW or without the
 * OCS_HTTP_TOKEN bearer token.
 */
export function ocsHttpEdge(config: OcsHttpConfig) {
  return (request: EdgeRequest, response: EdgeResponse, next: () => void): void => {
    response.setHeader('Server', SERVER);
    const refusal = refusalOf(config, request);
    if (refusal === undefined) return next();
    const error = new OcsHttpError(403, refusal);
    response.status(403).type('text/html').send(error.html());
  };
}

function refusalOf(config: OcsHttpConfig, request: EdgeRequest): string | undefined {
  if (!clientAllowed(config.allow, request.socket.remoteAddress)) {
    return 'This client is not allowed to use the OCS HTTP interface';
  }
  if (config.token !== undefined && request.headers.authorization !== `Bearer ${config.token}`) {
    return 'A valid bearer token is required';
  }
  return undefined;
}
