import { campaignCompliance, CampaignLedgers, groupCompliance } from './campaign-ledgers';

const NOW = 1_800_000_000;

describe('CampaignLedgers', () => {
  it('counts each row once, per campaign', () => {
    const ledgers = new CampaignLedgers();
    const rows = [
      { id: 1, tenant: 'T', campaignId: 1, abandoned: false, answeredAt: NOW - 60 },
      { id: 2, tenant: 'T', campaignId: 1, abandoned: true, answeredAt: NOW - 30 },
      { id: 3, tenant: 'T', campaignId: 2, abandoned: false, answeredAt: NOW - 10 },
    ];
    ledgers.apply(rows);
    ledgers.apply(rows);
    expect(ledgers.lastId).toBe(3);
    expect(ledgers.binding('T', 1, NOW)).toMatchObject({ liveAnswers: 2, abandoned: 1 });
    expect(ledgers.binding('T', 2, NOW)).toMatchObject({ liveAnswers: 1, abandoned: 0 });
    const first = ledgers.metrics(NOW).find((entry) => entry.campaignId === 1);
    expect(first?.metrics).toMatchObject({ abandonRate24h: 0.5, abandonRate30d: 0.5 });
  });

  it('drops answers older than a day from the 24 h window only', () => {
    const ledgers = new CampaignLedgers();
    ledgers.apply([{ id: 1, tenant: 'T', campaignId: 1, abandoned: true, answeredAt: NOW - 2 * 86_400 }]);
    ledgers.apply([{ id: 2, tenant: 'T', campaignId: 1, abandoned: false, answeredAt: NOW }]);
    const { metrics } = ledgers.metrics(NOW)[0];
    expect(metrics).toMatchObject({ liveAnswers24h: 1, abandoned24h: 0, liveAnswers30d: 2, abandoned30d: 1 });
  });

  it("binds against a group's target and cap, and reports the campaign's strictest ones", () => {
    const ledgers = new CampaignLedgers({ target: 0.02, cap: 0.025 });
    ledgers.apply([{ id: 1, tenant: 'T', campaignId: 1, abandoned: false, answeredAt: NOW }]);
    ledgers.apply([{ id: 2, tenant: 'T', campaignId: 2, abandoned: false, answeredAt: NOW }]);
    expect(ledgers.binding('T', 1, NOW)).toMatchObject({ target: 0.02, cap: 0.025 });
    expect(ledgers.binding('T', 1, NOW, { target: 0.01, cap: 0.015 })).toMatchObject({
      liveAnswers: 1,
      target: 0.01,
      cap: 0.015,
    });
    ledgers.setCampaignOptions([{ tenant: 'T', campaignId: 1, options: { target: 0.01, cap: 0.015 } }]);
    const metrics = new Map(ledgers.metrics(NOW).map((entry) => [entry.campaignId, entry.metrics]));
    expect(metrics.get(1)).toMatchObject({ abandonTarget: 0.01, abandonCap: 0.015 });
    // A campaign without configured groups reports the service-wide defaults.
    expect(metrics.get(2)).toMatchObject({ abandonTarget: 0.02, abandonCap: 0.025 });
  });

  it("takes a group's own limits, both or neither, and a campaign's strictest with the defaults", () => {
    const defaults = { target: 0.025, cap: 0.03 };
    expect(groupCompliance({ abandonTargetPercent: 1.5, abandonCapPercent: 2 }, defaults)).toEqual({
      target: 0.015,
      cap: 0.02,
    });
    expect(groupCompliance({ abandonTargetPercent: null, abandonCapPercent: null }, defaults)).toBe(defaults);
    const limits = (targetPercent: number | null, capPercent: number | null, someDefault: boolean) => ({
      tenant: 'T',
      campaignId: 1,
      targetPercent,
      capPercent,
      someDefault,
    });
    const options = (...rows: Parameters<typeof limits>) =>
      campaignCompliance([limits(...rows)], defaults)[0].options;
    expect(options(4, 5, false)).toEqual({ target: 0.04, cap: 0.05 });
    // A group on the defaults is stricter than the configured one.
    expect(options(4, 5, true)).toEqual(defaults);
    expect(options(1, 2, true)).toEqual({ target: 0.01, cap: 0.02 });
    expect(options(null, null, true)).toEqual(defaults);
  });
});
