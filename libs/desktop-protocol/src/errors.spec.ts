import { buildErrorAttachedData, ERRORS, ErrorCode, InvalidRequestReason } from './errors';
import { validateRequest } from './validation';

describe('error table', () => {
  // Copied by hand from "Error Names and Codes" (101-119) and "ReadyTime Error Codes" (120).
  const manual: [number, string][] = [
    [101, 'Invalid Request'],
    [102, 'Attribute Not Found'],
    [103, 'Invalid Attribute Value'],
    [104, 'Agent Not Found'],
    [105, 'Campaign Group Not Found'],
    [106, 'No Active Campaigns'],
    [107, 'No Running Preview Campaigns'],
    [108, 'No Records Available'],
    [109, 'Record Not Found'],
    [110, 'Invalid Time'],
    [111, 'Invalid Time Format'],
    [112, 'No call found for the record handle'],
    [113, 'DB Error'],
    [114, 'Chained Records not found'],
    [115, 'Record Already Exists'],
    [116, 'Add Record Error'],
    [117, 'Scheduled record not found'],
    [118, 'Preview mode has already been started'],
    [119, 'Preview mode has not been started'],
    [120, 'Duplicate request is not allowed'],
  ];

  it('defines exactly the codes 101 to 120', () => {
    expect(Object.keys(ERRORS).map(Number)).toEqual(manual.map(([code]) => code));
    expect(Object.values(ErrorCode).sort()).toEqual(manual.map(([code]) => code));
  });

  it.each(manual)('names %d exactly "%s"', (code, name) => {
    const definition = ERRORS[code as ErrorCode];
    expect(definition.code).toBe(code);
    expect(definition.name).toBe(name);
    expect(definition.description).not.toBe('');
  });
});

describe('buildErrorAttachedData', () => {
  it('carries the error name and number and the answering OCS id', () => {
    expect(buildErrorAttachedData({ code: ErrorCode.RecordNotFound, applicationId: 101 })).toEqual({
      GSW_ERROR: 'Record Not Found',
      GSW_ERROR_NUMBER: 109,
      GSW_APPLICATION_ID: 101,
    });
  });

  it('echoes the request name and reference id, and adds the subject and description', () => {
    const data = buildErrorAttachedData({
      code: ErrorCode.NoRecordsAvailable,
      applicationId: 101,
      requestType: 'PreviewRecordRequest',
      referenceId: 12,
      description: 'Buffer is being refilled',
      context: { GSW_CAMPAIGN_NAME: 'Sales' },
    });
    expect(data).toEqual({
      GSW_ERROR: 'No Records Available',
      GSW_ERROR_NUMBER: 108,
      GSW_APPLICATION_ID: 101,
      GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest',
      GSW_REFERENCE_ID: 12,
      GSW_ERROR_DESCRIPTION: 'Buffer is being refilled',
      GSW_CAMPAIGN_NAME: 'Sales',
    });
  });

  it('uses a specific message in GSW_ERROR for 101 when a reason is given', () => {
    const data = buildErrorAttachedData({
      code: ErrorCode.InvalidRequest,
      reason: InvalidRequestReason.PreviewDialingModeStartRequired,
      applicationId: 101,
    });
    expect(data).toMatchObject({ GSW_ERROR: 'PreviewDialingModeStart is required', GSW_ERROR_NUMBER: 101 });
  });

  it('does not let context attributes overwrite the error', () => {
    const data = buildErrorAttachedData({
      code: ErrorCode.DbError,
      applicationId: 101,
      context: { GSW_ERROR: 'fine', GSW_ERROR_NUMBER: 0, GSW_APPLICATION_ID: 5 },
    });
    expect(data).toMatchObject({ GSW_ERROR: 'DB Error', GSW_ERROR_NUMBER: 113, GSW_APPLICATION_ID: 101 });
  });

  it('turns a validation failure into the error event answering it', () => {
    const result = validateRequest({
      GSW_AGENT_REQ_TYPE: 'LogOut',
      GSW_APPLICATION_ID: 101,
      GSW_REFERENCE_ID: 'r1',
    });
    if (result.ok) throw new Error('expected a failure');
    expect(buildErrorAttachedData({ ...result.error, applicationId: 101 })).toEqual({
      GSW_ERROR: 'Attribute Not Found',
      GSW_ERROR_NUMBER: 102,
      GSW_APPLICATION_ID: 101,
      GSW_AGENT_REQ_TYPE: 'LogOut',
      GSW_REFERENCE_ID: 'r1',
      GSW_ERROR_DESCRIPTION: 'Missing mandatory GSW_CAMPAIGN_NAME',
    });
  });

  it('accepts a reason only with code 101', () => {
    // @ts-expect-error the alternative GSW_ERROR messages belong to Invalid Request alone
    buildErrorAttachedData({
      code: 102,
      reason: InvalidRequestReason.AgentSmartlyLoggedOut,
      applicationId: 1,
    });
  });
});
