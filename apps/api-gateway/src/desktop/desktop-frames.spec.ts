import { validateRequest } from '@ocs/desktop-protocol';
import { notServedYet, parseFrame } from './desktop-frames';

describe('desktop frames', () => {
  it('carry a JSON object of attached data', () => {
    expect(parseFrame('{"GSW_AGENT_REQ_TYPE":"CampaignStatusRequest"}', 1)).toEqual({
      ok: true,
      data: { GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest' },
    });
  });

  it.each(['not json', '[1,2]', '42', 'null', '"text"'])('answer %s with error 101', (raw) => {
    const parsed = parseFrame(raw, 7);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatchObject({
      GSW_ERROR: 'Invalid Request',
      GSW_ERROR_NUMBER: 101,
      GSW_APPLICATION_ID: 7,
    });
  });

  it('answer a request type not served yet with error 101 naming it', () => {
    const validated = validateRequest({
      GSW_AGENT_REQ_TYPE: 'DoNotCall',
      GSW_APPLICATION_ID: 7,
      GSW_REFERENCE_ID: 42,
      GSW_CAMPAIGN_NAME: 'Spring',
      GSW_PHONE: '5551234',
    });
    if (!validated.ok) throw new Error(validated.error.description);
    expect(notServedYet(validated.request, 7)).toMatchObject({
      GSW_ERROR: 'Invalid Request',
      GSW_ERROR_NUMBER: 101,
      GSW_APPLICATION_ID: 7,
      GSW_AGENT_REQ_TYPE: 'DoNotCall',
      GSW_REFERENCE_ID: 42,
      GSW_ERROR_DESCRIPTION: 'DoNotCall is not served yet by this OCS',
      GSW_CAMPAIGN_NAME: 'Spring',
    });
  });
});
