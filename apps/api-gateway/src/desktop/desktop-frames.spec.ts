import { parseFrame } from './desktop-frames';

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
});
