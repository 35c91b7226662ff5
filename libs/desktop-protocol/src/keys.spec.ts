import { GswKey, isProtocolKey, OutboundInteraction } from './keys';

describe('GswKey', () => {
  it('names every key after itself', () => {
    for (const [name, key] of Object.entries(GswKey)) expect(name).toBe(key);
  });

  it('keeps the manual misspellings beside the correct spellings', () => {
    expect(GswKey).toMatchObject({
      GSW_CAMPAIN_NAME: 'GSW_CAMPAIN_NAME',
      GSW_CAMPAIN_GROUP_NAME: 'GSW_CAMPAIN_GROUP_NAME',
      GSW_CAMPAIN_GROUP_DESCRIPTION: 'GSW_CAMPAIN_GROUP_DESCRIPTION',
      GSW_CAMPAIN_GROUP_GUID: 'GSW_CAMPAIN_GROUP_GUID',
      GSW_Campaign_GROUP_NAME: 'GSW_Campaign_GROUP_NAME',
      GSW_CAMPAIGN_NAME: 'GSW_CAMPAIGN_NAME',
      GSW_CAMPAIGN_GROUP_NAME: 'GSW_CAMPAIGN_GROUP_NAME',
    });
  });

  it('uses the GSW_ prefix for every key', () => {
    for (const key of Object.values(GswKey)) expect(key).toMatch(/^GSW_[A-Za-z_]+$/);
  });
});

describe('isProtocolKey', () => {
  it.each(['GSW_PHONE', 'GSW_CAMPAIN_NAME', 'GSW_REFERENCE_ID', 'InteractionType', 'InteractionSubtype'])(
    'reserves %s',
    (key) => expect(isProtocolKey(key)).toBe(true),
  );

  it.each(['customer_name', 'GSW_CUSTOM_STRING', 'gsw_phone'])('leaves %s to custom fields', (key) =>
    expect(isProtocolKey(key)).toBe(false),
  );

  it('gives the unprefixed reserved keys their fixed values', () => {
    expect(OutboundInteraction).toEqual({ InteractionType: 'Outbound', InteractionSubtype: 'OutboundNew' });
  });
});
