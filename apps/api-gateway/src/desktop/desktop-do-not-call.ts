import { type MarkDoNotCallRecords, type RequestOf } from '@ocs/contracts';
import { type DesktopRequestOf, ErrorCode, GswKey as K, replyTo, UserEvent } from '@ocs/desktop-protocol';
import { CHAIN_ATTRS, type ChainAttr, DEFAULT_CHAIN_ATTR } from '@ocs/domain';
import { submitDoNotCall } from '../do-not-call/submit-do-not-call';
import { type DesktopSession } from './desktop-sessions';
import { type RecordChangeDeps } from './record-cancel-add';
import { REQUEST_TIMEOUT_MS, requestFailure } from './request-failure';

type DoNotCallRequest = DesktopRequestOf<'DoNotCall'>;

/**
 * DoNotCall (reference manual, "Submitting DoNotCall Requests"). With GSW_RECORD_HANDLE (a record on
 * this agent's desk, else 109) record-dispatcher marks the record, with AllChain its chain, No Call
 * and ends the handles; then the phones of the chain (AllChain) or of the record (RecordOnly) are
 * listed. With GSW_PHONE or GSW_CUSTOMER_ID only that value is listed first, then the matching
 * records of loaded campaign groups' lists become No Call; other desktops holding one get
 * RecordCancel. GSW_DURATION (seconds) makes the entry expire. DoNotCallAcknowledge echoes the
 * request's identifiers as the manual's table lists them.
 */
export async function doNotCall(
  deps: RecordChangeDeps,
  session: DesktopSession,
  request: DoNotCallRequest,
): Promise<void> {
  const reply = replyTo(request, deps.applicationId);
  const attributes = request.attributes;
  const handle = attributes[K.GSW_RECORD_HANDLE];
  const phone = nonBlank(attributes[K.GSW_PHONE]);
  const customerId = nonBlank(attributes[K.GSW_CUSTOMER_ID]);
  const chainText = attributes[K.GSW_CHAIN_ATTR];
  const duration = attributes[K.GSW_DURATION];
  const invalid = (description: string) =>
    session.send(reply.error({ code: ErrorCode.InvalidAttributeValue, description }));
  if (chainText !== undefined && !(CHAIN_ATTRS as readonly string[]).includes(chainText))
    return invalid(`${K.GSW_CHAIN_ATTR} must be AllChain or RecordOnly`);
  if (duration !== undefined && duration <= 0)
    return invalid(`${K.GSW_DURATION} must be a positive number of seconds`);
  if (handle === undefined && phone === undefined && customerId === undefined)
    return invalid(`${K.GSW_PHONE} or ${K.GSW_CUSTOMER_ID} must not be blank`);
  const chain = (chainText ?? DEFAULT_CHAIN_ATTR) as ChainAttr;
  const campaignGroupName = attributes[K.GSW_CAMPAIGN_GROUP_NAME] ?? attributes[K.GSW_Campaign_GROUP_NAME];
  const marking: RequestOf<typeof MarkDoNotCallRecords> = {
    by: handle !== undefined ? { handle } : phone !== undefined ? { phone } : { customerId },
    chain,
    agentId: session.loginId,
    ...optional('campaignName', attributes[K.GSW_CAMPAIGN_NAME]),
    ...optional('campaignGroupName', campaignGroupName),
    ...optional('callingList', attributes[K.GSW_CALLING_LIST]),
  };
  try {
    await submitDoNotCall(deps.client, {
      tenant: session.tenant,
      marking,
      message: nonBlank(attributes[K.GSW_MESSAGE]),
      durationSeconds: duration,
      source: 'desktop',
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    if (handle !== undefined) session.desk.end(handle);
    session.send(
      reply.event(UserEvent.DoNotCallAcknowledge, {
        [K.GSW_CALLING_LIST]: attributes[K.GSW_CALLING_LIST],
        [K.GSW_CAMPAIGN_NAME]: attributes[K.GSW_CAMPAIGN_NAME],
        [K.GSW_CHAIN_ATTR]: chain,
        [K.GSW_PHONE]: phone,
        [K.GSW_CUSTOMER_ID]: customerId,
        [K.GSW_RECORD_HANDLE]: handle,
        [K.GSW_DURATION]: duration,
      }),
    );
  } catch (error) {
    const context: Record<string, number> = handle === undefined ? {} : { [K.GSW_RECORD_HANDLE]: handle };
    session.send(reply.error({ ...requestFailure(error), context }));
  }
}

function nonBlank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function optional<N extends string>(name: N, value: string | undefined): Partial<Record<N, string>> {
  return value === undefined || value === '' ? {} : ({ [name]: value } as Record<N, string>);
}
