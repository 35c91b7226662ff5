import { ErrorCode, InvalidRequestReason } from './errors';
import { replyTo, replyToInvalid } from './reply';
import { type RequestType } from './requests';
import { type DesktopRequestOf, validateRequest } from './validation';

function parse<T extends RequestType>(type: T, data: Record<string, unknown>): DesktopRequestOf<T> {
  const result = validateRequest({ GSW_AGENT_REQ_TYPE: type, ...data });
  if (!result.ok || result.request.type !== type) throw new Error(`expected a valid ${type}`);
  return result.request as DesktopRequestOf<T>;
}

const readyTime = (referenceId?: number) =>
  parse('ReadyTime', {
    GSW_APPLICATION_ID: 101,
    GSW_READY_TIME: 15,
    GSW_RECORD_HANDLE: 42,
    ...(referenceId === undefined ? {} : { GSW_REFERENCE_ID: referenceId }),
  });

describe('replyTo', () => {
  it('echoes GSW_REFERENCE_ID in a positive answer and stamps this OCS id', () => {
    expect(replyTo(readyTime(77), 101).event('ReadyTimeAcknowledge', { GSW_RECORD_HANDLE: 42 })).toEqual({
      GSW_USER_EVENT: 'ReadyTimeAcknowledge',
      GSW_APPLICATION_ID: 101,
      GSW_RECORD_HANDLE: 42,
      GSW_REFERENCE_ID: 77,
    });
  });

  it('echoes GSW_REFERENCE_ID and the request name in an error answer', () => {
    expect(replyTo(readyTime(77), 101).error({ code: ErrorCode.DuplicateRequest })).toEqual({
      GSW_ERROR: 'Duplicate request is not allowed',
      GSW_ERROR_NUMBER: 120,
      GSW_APPLICATION_ID: 101,
      GSW_AGENT_REQ_TYPE: 'ReadyTime',
      GSW_REFERENCE_ID: 77,
    });
  });

  it('adds no reference id when the request had none', () => {
    const reply = replyTo(readyTime(), 101);
    expect(reply.event('ReadyTimeAcknowledge', { GSW_RECORD_HANDLE: 42 })).not.toHaveProperty(
      'GSW_REFERENCE_ID',
    );
    expect(reply.error({ code: ErrorCode.RecordNotFound })).not.toHaveProperty('GSW_REFERENCE_ID');
  });

  it.each(Object.values(InvalidRequestReason))('may answer 101 with the specific message "%s"', (reason) => {
    expect(replyTo(readyTime(1), 101).error({ code: ErrorCode.InvalidRequest, reason })).toMatchObject({
      GSW_ERROR: reason,
      GSW_ERROR_NUMBER: 101,
      GSW_REFERENCE_ID: 1,
    });
  });

  it('answers 101 with "Invalid Request" when no reason is given', () => {
    expect(replyTo(readyTime(1), 101).error({ code: ErrorCode.InvalidRequest })).toMatchObject({
      GSW_ERROR: 'Invalid Request',
    });
  });

  it('does not let the handler override the application id or reference id', () => {
    const event = replyTo(readyTime(77), 101).event('ReadyTimeAcknowledge', {
      GSW_RECORD_HANDLE: 42,
      GSW_APPLICATION_ID: 5,
    } as { GSW_RECORD_HANDLE: number });
    expect(event).toMatchObject({ GSW_APPLICATION_ID: 101, GSW_REFERENCE_ID: 77 });
    const error = replyTo(readyTime(77), 101).error({
      code: ErrorCode.RecordNotFound,
      context: { GSW_REFERENCE_ID: 1, GSW_RECORD_HANDLE: 42 },
    });
    expect(error).toMatchObject({ GSW_REFERENCE_ID: 77, GSW_RECORD_HANDLE: 42 });
  });

  it('streams a chain with the reference id on every event', () => {
    const request = parse('ChainedRecordRequest', {
      GSW_APPLICATION_ID: 101,
      GSW_RECORD_HANDLE: 42,
      GSW_REFERENCE_ID: 9,
    });
    const end = replyTo(request, 101).event('ChainedRecordsDataEnd', {
      GSW_CALLING_LIST: 'List A',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_CHAIN_ID: 3,
      GSW_RECORD_HANDLE: 42,
    });
    expect(end).toMatchObject({ GSW_USER_EVENT: 'ChainedRecordsDataEnd', GSW_REFERENCE_ID: 9 });
  });

  it('answers a CampaignStatusRequest with status events, never with an error', () => {
    const reply = replyTo(parse('CampaignStatusRequest', { GSW_REFERENCE_ID: 4 }), 101);
    expect(
      reply.event('CampaignGroupAssigned', {
        GSW_CAMPAIGN_DESCRIPTION: '',
        GSW_CAMPAIGN_NAME: 'Sales',
        GSW_CAMPAIGN_GROUP_DESCRIPTION: '',
        GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      }),
    ).toMatchObject({
      GSW_USER_EVENT: 'CampaignGroupAssigned',
      GSW_APPLICATION_ID: 101,
      GSW_REFERENCE_ID: 4,
    });
    expect(reply).not.toHaveProperty('error');
  });

  it('offers only the events that answer the request, at compile time', () => {
    const reply = replyTo(readyTime(), 101);
    const acknowledgement = { GSW_CALLING_LIST: 'List A', GSW_CAMPAIGN_NAME: 'Sales', GSW_RECORD_HANDLE: 42 };
    // @ts-expect-error RecordProcessedAcknowledge does not answer ReadyTime
    expect(reply.event('RecordProcessedAcknowledge', acknowledgement)).toBeDefined();
    const status = replyTo(parse('CampaignStatusRequest', {}), 101);
    // @ts-expect-error CampaignStatusRequest is never answered with an error
    expect(status.error).toBeUndefined();
  });
});

describe('replyTo errors about a campaign', () => {
  it.each([
    [108, 'No Records Available'],
    [107, 'No Running Preview Campaigns'],
  ] as const)(
    'answer PreviewRecordRequest with %d naming the campaign, as its error table shows',
    (code, name) => {
      const request = parse('PreviewRecordRequest', {
        GSW_APPLICATION_ID: 101,
        GSW_CAMPAIGN_NAME: 'Sales',
        GSW_REFERENCE_ID: 2,
      });
      expect(replyTo(request, 101).error({ code })).toEqual({
        GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest',
        GSW_ERROR_NUMBER: code,
        GSW_ERROR: name,
        GSW_APPLICATION_ID: 101,
        GSW_CAMPAIGN_NAME: 'Sales',
        GSW_REFERENCE_ID: 2,
      });
    },
  );
});

describe('replyToInvalid', () => {
  it('echoes the request name and the reference id, even one of the wrong type', () => {
    const result = validateRequest({
      GSW_AGENT_REQ_TYPE: 'ReadyTime',
      GSW_APPLICATION_ID: 101,
      GSW_REFERENCE_ID: 'r-1',
    });
    if (result.ok) throw new Error('expected a failure');
    expect(replyToInvalid(result.error, 101)).toEqual({
      GSW_ERROR: 'Attribute Not Found',
      GSW_ERROR_NUMBER: 102,
      GSW_APPLICATION_ID: 101,
      GSW_AGENT_REQ_TYPE: 'ReadyTime',
      GSW_REFERENCE_ID: 'r-1',
      GSW_ERROR_DESCRIPTION: 'Missing mandatory GSW_READY_TIME, GSW_RECORD_HANDLE',
    });
  });

  it('answers an unknown request with 101 and its reference id', () => {
    const result = validateRequest({
      GSW_AGENT_REQ_TYPE: 'Dial',
      GSW_APPLICATION_ID: 101,
      GSW_REFERENCE_ID: 3,
    });
    if (result.ok) throw new Error('expected a failure');
    expect(replyToInvalid(result.error, 101)).toMatchObject({
      GSW_ERROR: 'Invalid Request',
      GSW_ERROR_NUMBER: 101,
      GSW_AGENT_REQ_TYPE: 'Dial',
      GSW_REFERENCE_ID: 3,
    });
  });

  it('stays silent on an invalid CampaignStatusRequest', () => {
    const result = validateRequest({ GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest', GSW_APPLICATION_ID: 'x' });
    if (result.ok) throw new Error('expected a failure');
    expect(replyToInvalid(result.error, 101)).toBeUndefined();
  });
});
