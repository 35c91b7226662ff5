import { STATUS_CODES } from 'node:http';
import { CampaignGroupErrorCode } from '@ocs/contracts';
import { BusNoRespondersError, BusRemoteError, BusTimeoutError } from '@ocs/messaging';
import { CommDnError } from './comm-dn';

/**
 * A negative OCS HTTP response: status, the `Warning` header (the GSW_CM_AttrError value for
 * campaign group requests) and a short HTML message, as in the manual's "OCS Support for HTTP".
 */
export class OcsHttpError extends Error {
  override readonly name = 'OcsHttpError';

  constructor(
    readonly status: number,
    message: string,
    readonly warning?: number,
  ) {
    super(message);
  }

  /** E.g. `<HTML><body>404 Not Found : 9 Campaign group 7 is not configured</body></HTML>`. */
  html(): string {
    const code = this.warning === undefined ? '' : `${this.warning} `;
    return `<HTML><body>${this.status} ${STATUS_CODES[this.status]} : ${code}${escapeHtml(this.message)}</body></HTML>`;
  }
}

/** How a failure behind the edge shows to an OCS HTTP client; undefined for unexpected failures (500). */
export function toOcsHttpError(error: unknown): OcsHttpError | undefined {
  if (error instanceof OcsHttpError) return error;
  if (error instanceof BusRemoteError && error.code === CampaignGroupErrorCode.NotFound) {
    return new OcsHttpError(404, error.message, CommDnError.GroupCampaignNotFound);
  }
  // The command may still complete; the client only learns that no answer came in time.
  if (error instanceof BusTimeoutError)
    return new OcsHttpError(504, 'The campaign service did not answer in time');
  if (error instanceof BusNoRespondersError)
    return new OcsHttpError(503, 'The campaign service is not available');
  return undefined;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}
