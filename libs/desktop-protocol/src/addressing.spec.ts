import { addressingOf } from './addressing';

describe('addressingOf', () => {
  const own = 101;

  it('answers a request carrying this OCS id', () => {
    expect(addressingOf({ GSW_AGENT_REQ_TYPE: 'RecordProcessed', GSW_APPLICATION_ID: 101 }, own)).toBe(
      'answer',
    );
  });

  it.each([
    ['RecordProcessed', 102],
    ['PreviewRecordRequest', 5],
    ['CampaignStatusRequest', 102],
    ['NotARequest', 102],
  ])('ignores %s carrying another OCS id (%d)', (type, id) => {
    expect(addressingOf({ GSW_AGENT_REQ_TYPE: type, GSW_APPLICATION_ID: id }, own)).toBe('ignore');
  });

  it('answers a CampaignStatusRequest without an id, which asks every OCS', () => {
    expect(addressingOf({ GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest' }, own)).toBe('answer');
    expect(addressingOf({ GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest', GSW_APPLICATION_ID: null }, own)).toBe(
      'answer',
    );
  });

  it('answers other requests without an id, so that validation can report the missing attribute', () => {
    expect(addressingOf({ GSW_AGENT_REQ_TYPE: 'LogOut', GSW_CAMPAIGN_NAME: 'Sales' }, own)).toBe('answer');
  });

  it('answers an id sent as a numeric string naming this OCS, so the desktop learns its type is wrong', () => {
    expect(addressingOf({ GSW_AGENT_REQ_TYPE: 'LogOut', GSW_APPLICATION_ID: '101' }, own)).toBe('answer');
    expect(addressingOf({ GSW_AGENT_REQ_TYPE: 'LogOut', GSW_APPLICATION_ID: '102' }, own)).toBe('ignore');
  });

  it.each([[true], ['OCS'], [{ id: 101 }], [101.5], ['']])('ignores an id that names no OCS: %j', (id) => {
    expect(addressingOf({ GSW_AGENT_REQ_TYPE: 'LogOut', GSW_APPLICATION_ID: id }, own)).toBe('ignore');
  });
});
