import { CampaignLedgers } from './campaign-ledgers';

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
});
