import { type DesktopRequestOf, ErrorCode, GswKey as K, replyTo, UserEvent } from '@ocs/desktop-protocol';
import { submitDoNotCall } from '../do-not-call/submit-do-not-call';
import { type DesktopSession } from './desktop-sessions';
import { type RecordChangeDeps } from './record-cancel-add';
import { nonBlank, recordSelectionOf } from './record-selection';
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
  const duration = attributes[K.GSW_DURATION];
  const invalid = (description: string) =>
    session.send(reply.error({ code: ErrorCode.InvalidAttributeValue, description }));
  if (duration !== undefined && duration <= 0)
    return invalid(`${K.GSW_DURATION} must be a positive number of seconds`);
  // The DoNotCall table spells the group key its own way; either spelling names the group.
  const read = recordSelectionOf(
    session.loginId,
    attributes,
    attributes[K.GSW_CAMPAIGN_GROUP_NAME] ?? attributes[K.GSW_Campaign_GROUP_NAME],
  );
  if (!read.ok) return invalid(read.description);
  const marking = read.selection;
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
        [K.GSW_CHAIN_ATTR]: marking.chain,
        [K.GSW_PHONE]: marking.by.phone,
        [K.GSW_CUSTOMER_ID]: marking.by.customerId,
        [K.GSW_RECORD_HANDLE]: handle,
        [K.GSW_DURATION]: duration,
      }),
    );
  } catch (error) {
    const context: Record<string, number> = handle === undefined ? {} : { [K.GSW_RECORD_HANDLE]: handle };
    session.send(reply.error({ ...requestFailure(error), context }));
  }
}
