import { DialMode, GroupCampaignStatus } from '@ocs/domain';
import { checkComplianceOptions } from '@ocs/pacing';
import { DEMO_TENANT, seedDemo } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { randomUUID } from 'node:crypto';
import { campaignCompliance, groupCompliance } from '../src/pacing/campaign-ledgers';
import { PacingSessionStore } from '../src/pacing/pacing-session-store';

// A campaign group's abandon target and cap in Postgres: the constraint is the same rule as
// checkComplianceOptions, predictive-pacing reads a paced group's limits with its session (so a
// change applies at the owner's next tick), and every campaign reports its groups' strictest.

const DEFAULTS = { target: 0.025, cap: 0.03 };

describe('abandon target and cap per campaign group (Postgres)', () => {
  let database: TestDatabase;
  let store: PacingSessionStore;
  let groups: Map<string, { id: number; campaignId: number; agentGroupId: number }>;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    await seedDemo(database.pool, { recordCount: 10 });
    store = new PacingSessionStore(database.pool);
    const { rows } = await database.pool.query<{
      name: string;
      id: number;
      campaignId: number;
      agentGroupId: number;
    }>('SELECT name, id, campaign_id AS "campaignId", agent_group_id AS "agentGroupId" FROM campaign_groups');
    groups = new Map(rows.map((row) => [row.name, row]));
  }, 60_000);

  afterAll(() => database?.drop());

  const setLimits = (name: string, target: number | null, cap: number | null) =>
    database.pool.query(
      'UPDATE campaign_groups SET abandon_target_percent = $2, abandon_cap_percent = $3 WHERE id = $1',
      [groups.get(name)!.id, target, cap],
    );

  it('accepts exactly the limits checkComplianceOptions accepts, both or neither', async () => {
    const percents = [0, 0.5, 1.5, 2.5, 3, 5, 5.01, 7];
    for (const target of percents) {
      for (const cap of percents) {
        const valid = checkComplianceOptions({ target: target / 100, cap: cap / 100 }).length === 0;
        const stored = await setLimits('Spring Offers@Sales', target, cap).then(
          () => true,
          () => false,
        );
        expect({ target, cap, stored }).toEqual({ target, cap, stored: valid });
      }
    }
    await expect(setLimits('Spring Offers@Sales', 2, null)).rejects.toThrow(/abandon_limits/);
    await expect(setLimits('Spring Offers@Sales', null, 3)).rejects.toThrow(/abandon_limits/);
    await setLimits('Spring Offers@Sales', null, null);
  });

  it("reads a paced group's limits with its session, live, and each campaign's strictest", async () => {
    const tenantId = (await store.tenantId(DEMO_TENANT))!;
    const group = groups.get('Spring Offers@Sales')!;
    const sessionId = randomUUID();
    await store.apply(tenantId, sessionId, 1, {
      dbid: group.id,
      name: 'Spring Offers@Sales',
      campaignDbid: group.campaignId,
      campaignName: 'Spring Offers',
      agentGroupDbid: group.agentGroupId,
      agentGroupName: 'Sales',
      status: GroupCampaignStatus.Running,
      dialMode: DialMode.Predict,
      optimizeBy: null,
      optimizeGoal: null,
    });
    const [taken] = await store.takeOver('owner-1', 10_000, sessionId);
    expect(taken).toMatchObject({ abandonTargetPercent: null, abandonCapPercent: null });
    expect(groupCompliance(taken, DEFAULTS)).toBe(DEFAULTS);

    await setLimits('Spring Offers@Sales', 1.5, 2);
    const [owned] = await store.owned('owner-1');
    expect(groupCompliance(owned, DEFAULTS)).toEqual({ target: 0.015, cap: 0.02 });

    // Spring Offers: the Sales group's 2% against a second group on the service-wide 3%.
    const reported = campaignCompliance(await store.campaignLimits(), DEFAULTS);
    const spring = reported.find((entry) => entry.campaignId === group.campaignId);
    expect(spring?.options).toEqual({ target: 0.015, cap: 0.02 });
    const other = reported.find((entry) => entry.campaignId !== group.campaignId);
    expect(other?.options).toEqual(DEFAULTS);
  });
});
