import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { CampaignGroupErrorCode } from '@ocs/contracts';
import { BusNoRespondersError, BusRemoteError, BusTimeoutError } from '@ocs/messaging';
import { CommDnError } from './comm-dn';

/**
 * A negative OCS HTTP response: status, the `Warning` header (the GSW_CM_AttrError value for
 * campaign group requests) and a short HTML message, as in the manual's "OCS Support for HTTP".
 */
export class OcsHttpError extends Error {
  override readonly name = 'OcsHttpError';

  /**
   * @param warning the `Warning` header: GSW_ERROR_NUMBER for records, phones, customer ids and
   *   lists, GSW_CM_AttrError for campaign groups
   * @param options.bodyCode the number before the message in the body (default: the warning); the
   *   manual's records example shows 0 there (no GSW_CM_AttrError) beside `Warning: 112`
   * @param options.bare no body at all, as in the manual's "Unsuccessful Load of a Campaign Group"
   */
  constructor(
    readonly status: number,
    message: string,
    readonly warning?: number,
    private readonly options: { bodyCode?: number; bare?: boolean } = {},
  ) {
    super(message);
  }

  /** E.g. `<HTML><body>404 Not Found : 9 Campaign group 7 is not configured</body></HTML>`; '' when bare. */
  html(): string {
    if (this.options.bare) return '';
    const number = this.options.bodyCode ?? this.warning;
    const code = number === undefined ? '' : `${number} `;
    return `<HTML><body>${this.status} ${STATUS_CODES[this.status]} : ${code}${escapeHtml(this.message)}</body></HTML>`;
  }
}

/** How a failure behind the edge shows to an OCS HTTP client; undefined for unexpected failures (500). */
export function toOcsHttpError(error: unknown): OcsHttpError | undefined {
  if (error instanceof OcsHttpError) return error;
  // Nest's own refusals: no route for the resource or method, a body that is not JSON.
  if (error instanceof HttpException && error.getStatus() < 500) {
    return new OcsHttpError(400, 'Incorrect or unknown request');
  }
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
